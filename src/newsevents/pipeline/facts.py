"""What the release's tally reads of one article (release/tally.py), made where the
article is built: in a worker, and kept in the per-article cache with the article, so
that a rebuild tallies its cached articles without reading them back as `Article`s.

Hashed into the pipeline's fingerprint with the stages (fingerprint.py): a cached
result holds these records, so changing their shape must miss the cache.
"""

import datetime as dt
from dataclasses import dataclass

from newsevents.pipeline.pickling import fields_pickled
from newsevents.schema import Article
from newsevents.schema.article import DateProvenance
from newsevents.schema.extractions import EntityType


@fields_pickled
@dataclass(frozen=True, slots=True)
class EntityFacts:
    entity_id: str
    name: str
    type: EntityType
    wikidata: str | None
    aliases: tuple[str, ...]  # the texts of its mentions, one each


@fields_pickled
@dataclass(frozen=True, slots=True)
class ArticleFacts:
    """What the tally reads of one article (and its file, for the progress bar)."""

    source_file: str
    events: int
    claims: int
    flags: tuple[str, ...]
    event_date_sources: tuple[str, ...]
    published_date_provenance: DateProvenance
    published_date: dt.date | None
    outlet: str | None
    agency: str | None
    language: str
    entities: tuple[EntityFacts, ...]


def facts_of(article: Article) -> ArticleFacts:
    return ArticleFacts(
        source_file=article.source_file,
        events=len(article.events),
        claims=len(article.casualty_claims),
        flags=tuple(article.flags),
        event_date_sources=tuple(e.date_source for e in article.events),
        published_date_provenance=article.published_date_provenance,
        published_date=article.published_date,
        outlet=article.source.outlet,
        agency=article.source.agency,
        language=article.language,
        entities=tuple(
            EntityFacts(
                e.entity_id,
                e.name,
                e.type,
                e.wikidata,
                tuple(m.text for m in e.mentions),
            )  # fmt: skip
            for e in article.entities
        ),
    )
