"""An article's rows of the flat `events` and `claims` configs (no extraction here).

Made where the article is made, in a worker (stages.Built), and kept with it in the
per-article cache: so this module is hashed by the pipeline's fingerprint. What is set
across articles (a claim's `incident_id`) is set when the release is written
(release/configs.py).
"""

from collections.abc import Mapping

from newsevents.schema import Article, ClaimRow, EventRow
from newsevents.schema.spans import READ_BACK


def event_rows(article: Article) -> list[EventRow]:
    """The article's events as rows. Each field is validated again; the invariants of an
    event (schema/extractions.py) held when the article was, and a row adds none."""
    return [
        EventRow.model_validate(
            {"article_id": article.article_id, **event.model_dump()}, context=READ_BACK
        )
        for event in article.events
    ]


def claim_rows(article: Article, incident_of: Mapping[str, str] | None = None) -> list[ClaimRow]:
    """The article's claims; `incident_of` (from `incident_of_event`) fills `incident_id`."""
    names = {e.entity_id: e.name for e in article.entities}
    events = {e.event_id: e for e in article.events}
    incident_of = incident_of or {}
    return [
        ClaimRow.model_validate(
            {
                "article_id": article.article_id,
                "published_date": article.published_date,
                "outlet": article.source.outlet,
                "claimant_name": names.get(claim.claimant) if claim.claimant else None,
                "event_type": events[claim.event_id].type if claim.event_id else None,
                "incident_id": incident_of.get(f"{article.article_id}/{claim.event_id}")
                if claim.event_id
                else None,
                **claim.model_dump(),
            },
            context=READ_BACK,  # as for event_rows: a claim's invariants held, a row adds none
        )
        for claim in article.casualty_claims
    ]


def claim_key(row: ClaimRow) -> str:
    """The `incident_of_event` key of a claim row's event ('' for a claim with none)."""
    return f"{row.article_id}/{row.event_id}" if row.event_id else ""
