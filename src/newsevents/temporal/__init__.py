"""Everything temporal: dates in metadata and text (`dates`), time expressions resolved
against the publication date (`timex`), the time expression attached to an event in the
parse (`event_dates`) and the calendar of known incidents (`known_dates`). The stages
call it."""
