"""Compact copies of articles: what the corpus steps (corpus/) read, and nothing else.

The corpus steps need every article of the corpus at once (a rewrite is known only
when its original is; an incident gathers mentions from everywhere), so what they hold
is what a build's memory grows with. A validated `Article` with its events and claims
is tens of kilobytes in memory, most of it texts and pydantic's per-object bookkeeping;
these slotted records keep the fields the steps read, a few kilobytes an article
(bench/scale.py prints the figure). The steps accept either form.

Made where the article is built (stages.Built) and kept in the per-article cache, so
this module is hashed into the pipeline's fingerprint with the stages: changing these
records' shape must miss the cache. The steps themselves are not hashed.
"""

import datetime as dt
from dataclasses import dataclass
from typing import Literal, NamedTuple

from newsevents.pipeline.geocode.combine import point_of
from newsevents.pipeline.geocode.resolve import Geo
from newsevents.pipeline.pickling import fields_pickled
from newsevents.schema import Article, CasualtyClaim, Event
from newsevents.schema.extractions import (
    DatePrecision,
    EventStatus,
    Outcome,
    PloverType,
    Qualifier,
    Scope,
)


class Offsets(NamedTuple):
    """Where a claim's evidence sentence starts and ends (its text is not kept)."""

    start: int
    end: int


@fields_pickled
@dataclass(frozen=True, slots=True)
class CompactEvent:
    event_id: str
    type: PloverType
    mode: str | None
    status: EventStatus
    date: dt.date | None
    date_precision: DatePrecision | None
    date_start: dt.date | None
    date_end: dt.date | None
    actors: tuple[str, ...]
    locations: tuple[str, ...]
    mention: Literal["new", "background"]
    point: Geo | None = None  # the event's geo fields when it has a point (incident_geo)


@fields_pickled
@dataclass(frozen=True, slots=True)
class CompactClaim:
    claim_id: str
    event_id: str | None
    outcome: Outcome
    count_min: int
    count_max: int | None
    qualifier: Qualifier
    claimant: str | None
    claimant_text: str | None
    scope: Scope
    breakdown: bool  # whether the claim is a sub-group of another figure
    evidence: Offsets


@fields_pickled
@dataclass(frozen=True, slots=True)
class CompactArticle:
    article_id: str
    published_date: dt.date | None
    near_duplicate_of: str | None
    events: tuple[CompactEvent, ...]
    casualty_claims: tuple[CompactClaim, ...]


ArticleLike = Article | CompactArticle
EventLike = Event | CompactEvent
ClaimLike = CasualtyClaim | CompactClaim


def event_point(e: EventLike) -> Geo | None:
    """An event's point, whether it is compact (kept) or whole (made here)."""
    return e.point if isinstance(e, CompactEvent) else point_of(e)


def compact(article: Article) -> CompactArticle:
    return CompactArticle(
        article.article_id,
        article.published_date,
        article.near_duplicate_of,
        tuple(_event(e) for e in article.events),
        tuple(_claim(c) for c in article.casualty_claims),
    )


def _event(e: Event) -> CompactEvent:
    return CompactEvent(
        e.event_id, e.type, e.mode, e.status, e.date, e.date_precision, e.date_start,
        e.date_end, tuple(e.actors), tuple(e.locations), e.mention, point_of(e),
    )  # fmt: skip


def _claim(c: CasualtyClaim) -> CompactClaim:
    return CompactClaim(
        c.claim_id, c.event_id, c.outcome, c.count_min, c.count_max, c.qualifier, c.claimant,
        c.claimant_text, c.scope, bool(c.breakdown), Offsets(c.evidence.start, c.evidence.end),
    )  # fmt: skip
