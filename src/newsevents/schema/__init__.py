"""The pydantic models: the single source of truth for every field of a release."""

from newsevents.schema.article import Article, sha256_text
from newsevents.schema.extractions import CasualtyClaim, Entity, Event
from newsevents.schema.incidents import IncidentClaim, IncidentRow
from newsevents.schema.manifest import InputFile, Manifest, SkippedFile
from newsevents.schema.reject import Reject
from newsevents.schema.rows import ClaimRow, EntityRow, EventRow
from newsevents.schema.source import Source
from newsevents.schema.spans import Evidence, Mention, Record

__all__ = [
    "Article", "CasualtyClaim", "ClaimRow", "Entity", "EntityRow", "Event", "EventRow",
    "Evidence", "IncidentClaim", "IncidentRow", "InputFile", "Manifest", "Mention", "Record",
    "Reject", "SkippedFile", "Source", "sha256_text",
]  # fmt: skip

# Config name -> row model, in card order; `articles` is the default config.
CONFIG_MODELS: dict[str, type[Record]] = {
    "articles": Article,
    "entities": EntityRow,
    "events": EventRow,
    "claims": ClaimRow,
    "incidents": IncidentRow,
}

# JSON Schema file stem -> model, for schema/*.schema.json.
SCHEMA_FILES: dict[str, type[Record]] = {
    **CONFIG_MODELS,
    "manifest": Manifest,
    "reject": Reject,
}
