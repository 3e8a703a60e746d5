"""What the manifest, the card and the `entities` config need from all the articles,
tallied one article at a time so that a build never holds its articles to count them.

An article is tallied from its `ArticleFacts` (pipeline/facts.py), the few fields read
here, made where the article is built.

Memory grows with what is distinct (entities and their spellings, outlets, flags), not
with the number of articles.
"""

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from newsevents.pipeline.facts import ArticleFacts, EntityFacts, facts_of
from newsevents.schema import Article, EntityRow


@dataclass
class _EntityTally:
    row: EntityRow
    aliases: set[str] = field(default_factory=set)
    articles: int = 0
    mentions: int = 0


@dataclass
class ReleaseTally:
    articles: int = 0
    events: int = 0
    claims: int = 0
    flags: Counter[str] = field(default_factory=Counter)
    event_date_sources: Counter[str] = field(default_factory=Counter)
    date_provenance: Counter[str] = field(default_factory=Counter)
    outlets: Counter[str] = field(default_factory=Counter)
    agencies: Counter[str] = field(default_factory=Counter)
    languages: set[str] = field(default_factory=set)
    dated: int = 0
    first_date: dt.date | None = None
    last_date: dt.date | None = None
    _entities: dict[str, _EntityTally] = field(default_factory=dict)

    @classmethod
    def of(cls, articles: Iterable[Article]) -> "ReleaseTally":
        tally = cls()
        for article in articles:
            tally.add(article)
        return tally

    def add(self, article: Article) -> None:
        self.add_facts(facts_of(article))

    def add_facts(self, facts: ArticleFacts) -> None:
        self.articles += 1
        self.events += facts.events
        self.claims += facts.claims
        self.flags.update(facts.flags)
        self.event_date_sources.update(facts.event_date_sources)
        self.date_provenance[facts.published_date_provenance] += 1
        self.outlets[facts.outlet or "(unknown)"] += 1
        self.agencies[facts.agency or "(none)"] += 1
        self.languages.add(facts.language)
        if day := facts.published_date:
            self.dated += 1
            self.first_date = min(day, self.first_date or day)
            self.last_date = max(day, self.last_date or day)
        self._add_entities(facts.entities)

    def _add_entities(self, entities: tuple[EntityFacts, ...]) -> None:
        """Name, type and QID come from the first article (in build order) naming it,
        from the first of its entities with that id."""
        counted: set[str] = set()
        for entity in entities:
            tally = self._entities.get(entity.entity_id)
            if tally is None:  # its row is made (and validated) once, not once an article
                tally = self._entities[entity.entity_id] = _EntityTally(_entity_row(entity))
            if entity.entity_id not in counted:
                counted.add(entity.entity_id)
                tally.articles += 1
            tally.aliases.update(entity.aliases)
            tally.mentions += len(entity.aliases)

    @property
    def entities(self) -> int:
        return len(self._entities)

    def entity_rows(self) -> list[EntityRow]:
        """One row per canonical entity across the release, sorted by id."""
        return [
            t.row.model_copy(
                update={
                    "aliases": sorted(t.aliases),
                    "article_count": t.articles,
                    "mention_count": max(t.mentions, 1),
                }
            )
            for _, t in sorted(self._entities.items())
        ]


def _entity_row(entity: EntityFacts) -> EntityRow:
    return EntityRow(
        entity_id=entity.entity_id, name=entity.name, type=entity.type,
        wikidata=entity.wikidata, aliases=[], article_count=1, mention_count=1,
    )  # fmt: skip
