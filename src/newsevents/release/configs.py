"""What the flat configs take from across articles: the incident of a claim's event,
set in the rows made with each article (pipeline/rows.py)."""

import json
from collections.abc import Iterable, Iterator, Mapping

from newsevents.schema import IncidentRow


def incident_of_event(incidents: Iterable[IncidentRow]) -> dict[str, str]:
    """'article_id/event_id' -> `incident_id`, for every event a claim is linked to (an
    incident lists each such claim with its event: only these keys are needed, and an
    event without a claim would only take memory)."""
    return {key: incident_id for row in incidents for key, incident_id in claim_links(row)}


def claim_links(row: IncidentRow) -> Iterator[tuple[str, str]]:
    """('article_id/event_id', incident_id) for each claim the incident lists."""
    for claim in row.claims:
        yield f"{claim.article_id}/{claim.event_id}", row.incident_id


# How a claim row made before the incidents step (claim_rows without `incident_of`)
# says it has no incident yet; as a JSON line, the key appears once, and only as a key
# (a quote inside a string value is escaped).
NO_INCIDENT = '"incident_id":null'


def with_incident(line: str, key: str, incident_of: Mapping[str, str]) -> str:
    """A claim row's JSON line (`claim_rows` without `incident_of`, then
    `model_dump_json`) with the `incident_id` of its event, as `claim_rows` given
    `incident_of` would have made it; `key` is its `claim_key`."""
    incident = incident_of.get(key) if key else None
    return line if incident is None else set_null_field(line, NO_INCIDENT, incident)


def set_null_field(line: str, null_field: str, value: str) -> str:
    """The JSON line with its one `"field":null` (`null_field`) set to the string
    `value`, encoded as pydantic encodes a string (UTF-8 kept, not escaped)."""
    at = line.find(null_field)
    if at < 0:
        raise ValueError(f"no {null_field} in the row {line[:80]}...")
    encoded = json.dumps(value, ensure_ascii=False)
    key = null_field.removesuffix("null")
    return f"{line[:at]}{key}{encoded}{line[at + len(null_field) :]}"
