"""Flat configs for pandas users, derived from the articles (no extraction here)."""

from collections.abc import Iterable, Iterator, Mapping

from newsevents.schema import Article, ClaimRow, EventRow, IncidentRow
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


def incident_of_event(incidents: Iterable[IncidentRow]) -> dict[str, str]:
    """'article_id/event_id' -> `incident_id`, for every event a claim is linked to (an
    incident lists each such claim with its event: only these keys are needed, and an
    event without a claim would only take memory)."""
    return {key: incident_id for row in incidents for key, incident_id in claim_links(row)}


def claim_links(row: IncidentRow) -> Iterator[tuple[str, str]]:
    """('article_id/event_id', incident_id) for each claim the incident lists."""
    for claim in row.claims:
        yield f"{claim.article_id}/{claim.event_id}", row.incident_id


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
