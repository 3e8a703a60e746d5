"""Flat configs for pandas users, derived from the articles (no extraction here)."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from newsevents.schema import Article, ClaimRow, EntityRow, EventRow, IncidentRow


def event_rows(article: Article) -> list[EventRow]:
    return [
        EventRow(article_id=article.article_id, **event.model_dump()) for event in article.events
    ]


def incident_of_event(incidents: Iterable[IncidentRow]) -> dict[str, str]:
    """'article_id/event_id' -> `incident_id` of the incident holding that event."""
    return {key: row.incident_id for row in incidents for key in row.event_ids}


def claim_rows(article: Article, incident_of: Mapping[str, str] | None = None) -> list[ClaimRow]:
    """The article's claims; `incident_of` (from `incident_of_event`) fills `incident_id`."""
    names = {e.entity_id: e.name for e in article.entities}
    events = {e.event_id: e for e in article.events}
    incident_of = incident_of or {}
    return [
        ClaimRow(
            article_id=article.article_id,
            published_date=article.published_date,
            outlet=article.source.outlet,
            claimant_name=names.get(claim.claimant) if claim.claimant else None,
            event_type=events[claim.event_id].type if claim.event_id else None,
            incident_id=incident_of.get(f"{article.article_id}/{claim.event_id}")
            if claim.event_id
            else None,
            **claim.model_dump(),
        )
        for claim in article.casualty_claims
    ]


@dataclass
class _EntityTally:
    row: EntityRow
    aliases: set[str] = field(default_factory=set)
    articles: set[str] = field(default_factory=set)
    mentions: int = 0


def entity_rows(articles: Iterable[Article]) -> list[EntityRow]:
    """One row per canonical entity across the release, sorted by id.

    Name, type and QID come from the first article (in build order) naming it.
    """
    tallies: dict[str, _EntityTally] = {}
    for article in articles:
        for entity in article.entities:
            tally = tallies.get(entity.entity_id)
            if tally is None:
                row = EntityRow(
                    entity_id=entity.entity_id, name=entity.name, type=entity.type,
                    wikidata=entity.wikidata, aliases=[], article_count=1, mention_count=1,
                )  # fmt: skip
                tally = tallies[entity.entity_id] = _EntityTally(row)
            tally.articles.add(article.article_id)
            tally.aliases.update(m.text for m in entity.mentions)
            tally.mentions += len(entity.mentions)
    return [
        t.row.model_copy(
            update={
                "aliases": sorted(t.aliases),
                "article_count": len(t.articles),
                "mention_count": max(t.mentions, 1),
            }
        )
        for _, t in sorted(tallies.items())
    ]
