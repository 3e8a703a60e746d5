"""The `incidents` config: event mentions clustered across articles into real-world
events (clustering.py), with every casualty claim about them and UCDP-style
low/best/high figures from the claims that count (figures.py).

An incident's id and fields derive from its members, taken in sorted order, so
shuffling the input articles gives the same rows.
"""

import datetime as dt
import gc
import hashlib
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import NamedTuple, Protocol

from newsevents.pipeline.compact import ArticleLike, EventLike, event_point
from newsevents.pipeline.corpus.clustering import Cluster, Mention, cluster_mentions
from newsevents.pipeline.corpus.figures import (
    JudgedClaim,
    conflict,
    judge_claims,
    linked_claim,
    low_best_high,
)
from newsevents.pipeline.geocode.combine import incident_geo
from newsevents.schema import IncidentRow

OUTCOMES_WITH_FIGURES = ("killed", "injured")
NO_FIGURES = (None, None, None)


def build_incidents(articles: Sequence[ArticleLike]) -> list[IncidentRow]:
    """One row per incident, sorted by date (undated last), type and id."""
    return list(incident_rows(articles))


class IncidentLine(NamedTuple):
    """An incident's row as its JSON line (`model_dump_json` of a validated row), with
    its id and the events whose claims it lists ('article_id/event_id'): what a build
    spools, and what the claims config reads of it."""

    json: str
    incident_id: str
    claim_events: tuple[str, ...]


def incident_rows(articles: Sequence[ArticleLike]) -> Iterator[IncidentRow]:
    """The rows of `build_incidents`, made one at a time as they are taken, so that a
    build writes them away instead of holding them (a row is kilobytes)."""
    for cluster, identity in _sorted_clusters(articles):
        yield incident_row(cluster, identity)


class Lines(Protocol):
    """Lines of text by their number: a list, or a spool on disk (spool.LineSpool)."""

    def __getitem__(self, number: int, /) -> str: ...


def incident_lines(articles: Sequence[ArticleLike], lone: Lines) -> Iterator[IncidentLine]:
    """The rows of `incident_rows` as JSON lines, in the same order, the row of an
    incident of one event taken from `lone`: `lone[i]` is `lone_rows` of the i-th event
    of the articles, in their order. Most incidents have one event (96% at 100,000
    articles): their rows, made where each article was built (in the workers), are not
    made again here, in the one process that runs the corpus steps once every article
    is in."""
    for cluster, identity in _sorted_clusters(articles):
        members = cluster.members
        if len(members) == 1:
            line = lone[members[0].index]
        else:
            line = incident_row(cluster, identity).model_dump_json()
        yield IncidentLine(line, identity, tuple(m.key for m in members if m.claims))


def lone_rows(article: ArticleLike) -> tuple[str, ...]:
    """The JSON line of each event's incident row were the event its incident's only
    member, in event order: made with the article, for `incident_lines`. Nothing in it
    depends on another article, nor on the article being a rewrite: a lone incident's
    claims all come from one source, whichever it is."""
    rows = []
    for mention in Mention.all_of(article):
        alone = Cluster(mention.event.type, 0, [mention])
        rows.append(incident_row(alone, _identity(_sort_key(alone))).model_dump_json())
    return tuple(rows)


def _sorted_clusters(articles: Sequence[ArticleLike]) -> Iterator[tuple[Cluster, str]]:
    """Each incident's cluster and id, sorted by the row's own date, type and id."""
    with _cycles_not_collected():
        clusters = cluster_mentions(articles)
        keyed = sorted((_sort_key(c), i) for i, c in enumerate(clusters))
        for key, i in keyed:
            yield clusters[i], _identity(key)


@contextmanager
def _cycles_not_collected() -> Iterator[None]:
    """Python's cycle collector paused: clustering makes millions of long-lived objects
    (mentions, incidents) that each full collection walks again, an eighth of the step's
    time at 40,000 articles; none of them forms a cycle. The previous state returns
    when the rows are all made (or the generator is closed)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _sort_key(cluster: Cluster) -> str:
    """'<day> <type> <incident_id>': the day is the incident's date, else the first day
    it may lie in, else 9999-12-31 (undated last). These strings sort as the tuples
    (day, type, id) would (ISO days have one width; a space sorts before any letter of a
    type), in half the time: at 100,000 articles the sort compares 700,000 incidents."""
    # Members are sorted by key when clustered.
    events = [m.event for m in cluster.members]
    date, date_min, _ = _dates(events)
    identity = incident_id(cluster.type, _when(date, events), [m.key for m in cluster.members])
    return f"{(date or date_min or dt.date.max).isoformat()} {cluster.type} {identity}"


def _identity(sort_key: str) -> str:
    """The incident id a `_sort_key` ends with."""
    return sort_key.rpartition(" ")[2]


def _dates(events: Sequence[EventLike]) -> tuple[dt.date | None, dt.date | None, dt.date | None]:
    """The incident's day (the most told), and the first and last day it may lie in."""
    if len(events) == 1:  # most incidents: the same answer without counting
        (e,) = events
        if e.date and e.date_precision == "day":
            return e.date, e.date, e.date
        return None, e.date_start, e.date_end
    days = Counter(e.date for e in events if e.date and e.date_precision == "day")
    date = min(days, key=lambda d: (-days[d], d)) if days else None
    # Without a day, the interval of a week, month or year (a coarse mention joins no
    # other mention but a day-precise one), or nothing.
    starts = list(days) or [e.date_start for e in events if e.date_start]
    ends = list(days) or [e.date_end for e in events if e.date_end]
    return date, min(starts, default=None), max(ends, default=None)


def _mode(events: Sequence[EventLike]) -> str | None:
    """The most frequent mode, the first in alphabetical order among equally frequent."""
    if len(events) == 1:
        return events[0].mode
    modes = Counter(e.mode for e in events if e.mode)
    return min(modes, key=lambda m: (-modes[m], m)) if modes else None


def incident_id(type_: str, when: str, member_keys: Sequence[str]) -> str:
    """'<type>-<when>-<hash of the sorted member keys>': the same members give the same
    id whatever order the articles came in."""
    digest = hashlib.sha256("\n".join(sorted(member_keys)).encode("utf-8")).hexdigest()[:10]
    return f"{type_.lower()}-{when}-{digest}"


def _when(date: dt.date | None, events: Sequence[EventLike]) -> str:
    """The incident's day, else the week, month or year its one dated mention gives."""
    if date is not None:
        return date.isoformat()
    dated = next((e for e in events if e.date), None)
    if dated is None or dated.date is None:
        return "undated"
    year, week, _ = dated.date.isocalendar()
    return {
        "week": f"{year}-W{week:02d}",
        "month": f"{dated.date:%Y-%m}",
    }.get(dated.date_precision or "", f"{dated.date:%Y}")


def incident_row(cluster: Cluster, identity: str) -> IncidentRow:
    """The cluster's row; `identity`, its `incident_id`, made with its sort key."""
    members = cluster.members  # sorted by key when clustered
    events = [m.event for m in members]
    date, date_min, date_max = _dates(events)
    mode = _mode(events)
    claims = [linked_claim(m.article, m.event, c) for m in members for c in m.claims]
    judged = judge_claims(claims) if claims else []  # most incidents have no claim
    used = [j.linked for j in judged if j.used]
    killed, injured = (
        (low_best_high([x.claim for x in used if x.claim.outcome == outcome])
         for outcome in OUTCOMES_WITH_FIGURES)
        if used
        else (NO_FIGURES, NO_FIGURES)
    )  # fmt: skip
    if len(members) == 1:  # most incidents: the same fields without gathering sets
        (member,) = members
        article_ids = [member.article.article_id]
        independent_sources = int(member.event.mention == "new")
    else:
        article_ids = sorted({m.article.article_id for m in members})
        independent_sources = len({m.article.near_duplicate_of or m.article.article_id
                                   for m in members if m.event.mention == "new"})  # fmt: skip
    # model_validate of a dict, not IncidentRow(**fields): the same checks, and about a
    # sixth less time, as pydantic makes the instance itself instead of filling one (and
    # the claims' instances, from their dicts).
    row = {
        "incident_id": identity,
        "type": cluster.type,
        "mode": mode,
        "date": date,
        "date_min": date_min,
        "date_max": date_max,
        "actors": sorted({x for e in events for x in e.actors}),
        "locations": sorted({x for e in events for x in e.locations}),
        "article_ids": article_ids,
        "event_ids": [m.key for m in members],
        "independent_sources": independent_sources,
        "claims": [_incident_claim(j) for j in judged],
        "killed_low": killed[0],
        "killed_best": killed[1],
        "killed_high": killed[2],
        "injured_low": injured[0],
        "injured_best": injured[1],
        "injured_high": injured[2],
        "figures_conflict": conflict(used) if used else False,
    }
    row.update(incident_geo([event_point(e) for e in events]).fields())
    return IncidentRow.model_validate(row)


def _incident_claim(judged: JudgedClaim) -> dict[str, object]:
    """The fields of the claim's IncidentClaim, validated with the row that holds it."""
    item, claim = judged.linked, judged.linked.claim
    return {
        "claimant": claim.claimant,
        "claimant_text": claim.claimant_text,
        "outcome": claim.outcome,
        "count_min": claim.count_min,
        "count_max": claim.count_max,
        "qualifier": claim.qualifier,
        "article_id": item.article.article_id,
        "event_id": item.event.event_id,
        "claim_id": claim.claim_id,
        "used": judged.used,
        "left_out": judged.left_out,
    }
