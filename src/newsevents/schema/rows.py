"""Rows of the flat configs (`entities`, `events`, `claims`) for pandas users.

Each row model reuses the nested record's fields and adds the article context a
researcher would otherwise have to join in.
"""

import datetime as dt

from pydantic import Field

from newsevents.schema.extractions import (
    QID_PATTERN,
    CasualtyClaim,
    EntityType,
    Event,
    PloverType,
)
from newsevents.schema.spans import Record


class EntityRow(Record):
    """One canonical entity across the whole release."""

    entity_id: str = Field(description="Wikidata QID when linked, else a stable slug.")
    name: str = Field(description="Canonical name.")
    type: EntityType = Field(description="PERSON, ORGANIZATION, ARMED_GROUP, COUNTRY, "
                             "LOCATION or OTHER.")  # fmt: skip
    wikidata: str | None = Field(default=None, pattern=QID_PATTERN, description="Wikidata QID.")
    aliases: list[str] = Field(description="Every surface form seen, sorted.")
    article_count: int = Field(ge=1, description="Number of articles naming it.")
    mention_count: int = Field(ge=1, description="Number of mentions across the release.")


class EventRow(Event):
    """One event mention, with the article it was read from."""

    article_id: str = Field(description="`article_id` of the article reporting the event.")


class ClaimRow(CasualtyClaim):
    """One casualty claim, with its article, outlet, claimant name, event type and incident."""

    article_id: str = Field(description="`article_id` of the article making the claim.")
    published_date: dt.date | None = Field(
        default=None, description="Publication date of that article."
    )
    outlet: str | None = Field(default=None, description="Outlet of that article.")
    claimant_name: str | None = Field(
        default=None, description="Canonical name of the claimant entity, or null."
    )
    event_type: PloverType | None = Field(
        default=None, description="PLOVER type of the linked event, or null."
    )
    incident_id: str | None = Field(
        default=None,
        description="`incident_id` of the incident its event belongs to (`incidents` config; "
        "every event is in one, alone when no other mention fits), or null when the claim "
        "links to no event.",
    )
