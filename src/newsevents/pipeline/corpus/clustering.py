"""Event mentions clustered across articles into incidents (real-world events).

Two mentions can be one incident only when they have the same PLOVER type, compatible
modes (the same, or one unknown), actors or places that overlap and do not conflict
(a city or province counts for its country, an armed group never: regions.py), and
date intervals (`date_start`..`date_end`) that overlap once widened by
DATE_TOLERANCE_DAYS. The events stage already merged the mentions of one occurrence
within an article, so an incident holds at most one event per article.

Three passes, each judged against the incidents the pass before left, so that the
result does not depend on the order the articles come in:

1. Day-precise mentions, taken in order of (day, 'article_id/event_id'), join the
   incident they fit best (most shared actors and places, then the first made) when
   every day-dated member of that incident lies within the tolerance of their day: a
   chain of reports a day apart never bridges a week, let alone months.
2. A coarse mention (week, month or year) joins an incident of pass 1 only when
   exactly one that fits lies inside its interval; otherwise it stands alone.
3. An undated mention joins only when exactly one incident of the passes before fits
   on type, mode, places and a shared actor (a place alone is too weak without a
   date); otherwise it stands alone. An undated event the article reports as having
   occurred still has an interval: the BACKGROUND_DAYS before its publication day,
   the window in which the events stage would call it news. Without it, "12 deaths"
   the U.N. confirmed in a Haiti report of 14 November 2024 joined a U.N. helicopter
   incident in South Sudan four months later (dev-synth 65 and 71).

Cost: no mention is compared with the whole corpus. Pass 1 looks incidents up by (type,
day, region) and pass 2 by (type, region) and first day, so a day-precise mention meets
only the incidents of its type and regions within a day of it and a coarse one only
those inside its interval; pass 3 looks them up by (type, actor region, place), the
days of the window of an undated mention found by bisection (not one lookup per day of
its 30), and by that slot alone only for one without a publication day, and a coarse
or undated mention stops looking at the second incident that fits. The work grows with
the corpus times the number of incidents sharing a bucket, not with the square of the
corpus (bench/incidents.py measures it).
"""

import datetime as dt
from array import array
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain

from newsevents.pipeline.compact import ArticleLike, ClaimLike, EventLike
from newsevents.pipeline.corpus.regions import regions
from newsevents.pipeline.events.mention import BACKGROUND_DAYS

# Reports of one occurrence disagree by at most a day (Iran's strike of 16 January
# is "17 January" in dev 06_dailypakistan, a report dated by its own clock); distinct
# occurrences of one type between the same states come two days apart (16 and 18
# January). One day separates them on every article here.
DATE_TOLERANCE_DAYS = 1


@dataclass(frozen=True, slots=True)
class Mention:
    """One event of one article, with the regions its actors and places stand for."""

    article: ArticleLike
    event: EventLike
    actors: frozenset[str]
    places: frozenset[str]
    article_ids: frozenset[str]  # {its article's id}, one set shared by the article's mentions
    key: str  # 'article_id/event_id', made once: sorting and ids read it many times
    claims: tuple[ClaimLike, ...]  # the article's claims linked to this event
    # Its place among the events of the corpus, taken in article order then event order
    # (the first event of an article given `first` is at `first`).
    index: int = 0

    @classmethod
    def all_of(cls, article: ArticleLike, first: int = 0) -> list["Mention"]:
        """The mentions of every event of the article, numbered from `first`."""
        ids = frozenset((article.article_id,))
        linked: dict[str | None, list[ClaimLike]] = defaultdict(list)
        for claim in article.casualty_claims:
            linked[claim.event_id].append(claim)
        events: Sequence[EventLike] = article.events
        return [
            cls(
                article,
                e,
                regions(e.actors),
                regions(e.locations),
                ids,
                f"{article.article_id}/{e.event_id}",
                tuple(linked.get(e.event_id, ())),
                first + i,
            )  # fmt: skip
            for i, e in enumerate(events)
        ]

    @property
    def day(self) -> dt.date | None:
        return self.event.date if self.event.date_precision == "day" else None

    @property
    def interval(self) -> tuple[dt.date, dt.date] | None:
        """The days the event may lie in: its own, else, for an undated event reported
        as occurred, the window before publication in which it would be news."""
        event, published = self.event, self.article.published_date
        if event.date_start and event.date_end:
            return event.date_start, event.date_end
        if event.status == "occurred" and published:
            return published - dt.timedelta(days=BACKGROUND_DAYS), published
        return None


@dataclass(slots=True)
class Cluster:
    """The mentions of one incident and what a newcomer is compared with."""

    type: str
    order: int  # creation order: a deterministic tie-break, never the input order
    members: list[Mention] = field(default_factory=list)
    # Frozen sets, replaced as members join: most incidents have one member, whose own
    # sets they then share instead of holding four sets of their own.
    actors: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    modes: frozenset[str] = frozenset()
    articles: frozenset[str] = frozenset()
    first_day: dt.date | None = None  # of the day-precise members
    last_day: dt.date | None = None
    coarse: tuple[dt.date, dt.date] | None = None  # the interval of a lone coarse mention

    @property
    def interval(self) -> tuple[dt.date, dt.date] | None:
        if self.first_day and self.last_day:
            return self.first_day, self.last_day
        return self.coarse

    def add(self, mention: Mention) -> None:
        event = mention.event
        if not self.members and event.date_start and event.date_end and not mention.day:
            self.coarse = event.date_start, event.date_end
        self.members.append(mention)
        self.actors = _joined(self.actors, mention.actors)
        self.places = _joined(self.places, mention.places)
        if mention.event.mode:
            self.modes = _joined(self.modes, _one(mention.event.mode))
        self.articles = _joined(self.articles, mention.article_ids)
        day = mention.day
        if day is not None:
            self.first_day = min(self.first_day or day, day)
            self.last_day = max(self.last_day or day, day)


@lru_cache(maxsize=1024)
def _one(mode: str) -> frozenset[str]:
    return frozenset((mode,))


def _joined(held: frozenset[str], more: frozenset[str]) -> frozenset[str]:
    return more if not held else held if more <= held else held | more


def cluster_mentions(articles: Sequence[ArticleLike]) -> list[Cluster]:
    """Every event of every article in exactly one cluster, members sorted by key."""
    mentions: list[Mention] = []
    for article in articles:
        mentions += Mention.all_of(article, len(mentions))
    clusters: list[Cluster] = []
    by_day: DayIndex = defaultdict(list)
    for mention in sorted((m for m in mentions if m.day), key=lambda m: (m.day, m.key)):
        _place_day_precise(mention, clusters, by_day)
    del by_day
    coarse = [m for m in mentions if m.event.date and not m.day]
    days = _FirstDayIndex(clusters)
    _settle(clusters, [(m, _coarse_home(m, days)) for m in sorted(coarse, key=_key)])
    del days
    index = _ActorIndex(clusters)
    undated = sorted((m for m in mentions if not m.event.date), key=_key)
    _settle(clusters, [(m, _undated_home(m, index)) for m in undated])
    for cluster in clusters:
        cluster.members.sort(key=_key)
    return clusters


def _key(mention: Mention) -> str:
    return mention.key


# Pass 1's index: (type, day, region) -> the incidents filed there.
DayIndex = dict[tuple[str, int, str], list[Cluster]]


def _place_day_precise(mention: Mention, clusters: list[Cluster], by_day: DayIndex) -> None:
    """Join the incident that fits best, or start one. Only incidents sharing a region
    with the mention can fit, so they are looked up by region: each is filed under
    every actor and place region it holds, on the day of one of its members (all of
    them lie within the tolerance of the day of a mention it fits)."""
    day = mention.day
    assert day is not None  # only day-precise mentions come here
    ordinal = day.toordinal()
    regions = mention.actors | mention.places
    nearby = _unique(
        by_day.get((mention.event.type, o, region), [])
        for o in range(ordinal - DATE_TOLERANCE_DAYS, ordinal + DATE_TOLERANCE_DAYS + 1)
        for region in regions  # any order: the best fit is decided by (shared, order)
    )
    fitting = [
        (shared, -c.order, c)
        for c in nearby
        if _inside(c, day, day) and (shared := _shared(mention, c, need_actor=False))
    ]
    if fitting:
        home = max(fitting, key=lambda f: (f[0], f[1]))[2]
        filed = home.actors | home.places
    else:
        home = Cluster(mention.event.type, len(clusters))
        clusters.append(home)
        filed = frozenset()
    home.add(mention)
    assert home.first_day is not None  # it now holds this day-precise mention
    anchor = home.first_day.toordinal()
    for region in (home.actors | home.places) - filed:
        by_day[(home.type, anchor, region)].append(home)


class _Sorted:
    """(day ordinal, incident order) pairs, sorted, as two arrays for bisection: the
    incidents filed at the days of an interval are a slice."""

    def __init__(self, pairs: list[tuple[int, int]]) -> None:
        pairs.sort()
        self.days = array("l", (day for day, _ in pairs))
        self.orders = array("l", (order for _, order in pairs))

    def orders_between(self, lo: int, hi: int) -> "array[int]":
        """The orders of the incidents filed at a day from lo to hi, in (day, order) order."""
        return self.orders[bisect_left(self.days, lo) : bisect_right(self.days, hi)]


def _filed(clusters: Sequence[Cluster], filed: _Sorted | None, lo: int, hi: int) -> list[Cluster]:
    """The incidents of an index entry (none when absent) filed at a day from lo to hi."""
    return [] if filed is None else [clusters[o] for o in filed.orders_between(lo, hi)]


class _FirstDayIndex:
    """The incidents of pass 1 by (type, region), sorted by their first day: a coarse
    mention's interval is looked up by bisection. An incident fits a coarse mention only
    when it shares an actor or place region with it and every day of it lies inside the
    interval (widened), so it is found under a shared region with its first day inside."""

    def __init__(self, clusters: Sequence[Cluster]) -> None:
        entries: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
        for cluster in clusters:
            if cluster.first_day is not None:
                first = cluster.first_day.toordinal()
                for region in cluster.actors | cluster.places:
                    entries[(cluster.type, region)].append((first, cluster.order))
        self.clusters = clusters
        self.first = {key: _Sorted(pairs) for key, pairs in entries.items()}

    def within(
        self, type_: str, regions: Iterable[str], first: int, last: int
    ) -> Iterator[Cluster]:
        """Incidents of the type under any of the regions whose first day is first..last."""
        for region in sorted(regions):  # sorted: the same order on every run
            yield from _filed(self.clusters, self.first.get((type_, region)), first, last)


def _coarse_home(mention: Mention, index: _FirstDayIndex) -> Cluster | None:
    """The one day-precise incident inside the mention's interval that fits, if exactly one."""
    start, end = mention.event.date_start, mention.event.date_end
    assert start is not None and end is not None  # a dated event has its interval
    nearby = _unique_clusters(
        index.within(
            mention.event.type,
            mention.actors | mention.places,
            start.toordinal() - DATE_TOLERANCE_DAYS,
            end.toordinal() + DATE_TOLERANCE_DAYS,
        )
    )
    fitting = (
        c for c in nearby if _inside(c, start, end) and _shared(mention, c, need_actor=False)
    )
    return _the_only(fitting)


Slot = tuple[str, str, str, str]  # (type, mode, actor region, place) of _ActorIndex


class _ActorIndex:
    """The dated incidents by (type, mode, actor region, place slot), sorted by each
    day they span, and those known only to a week, month or year by the same slot,
    sorted by their first day: an undated mention with a window meets only the
    incidents of its type, a compatible mode, its actors and compatible places inside
    that window (or, for a coarse one, starting at most the slot's longest interval
    before it), found by bisection.

    Modes: each incident is filed under ANY_MODE and under each of its modes (NO_MODE
    when it has none); a mention of mode m looks under m and NO_MODE, one without a
    mode under ANY_MODE. Places, likewise: each incident is filed under ANY_PLACE and
    under each of its place regions (NO_PLACE when it has none); a mention with places
    looks under them and NO_PLACE, one without under ANY_PLACE. Without the places in
    the key, an undated mention of an article without a publication day would look at
    every incident of its actors and type, most of them elsewhere."""

    def __init__(self, clusters: Sequence[Cluster]) -> None:
        self.clusters = clusters
        by_day: dict[Slot, list[tuple[int, int]]] = defaultdict(list)
        by_start: dict[Slot, list[tuple[int, int]]] = defaultdict(list)
        self.any_day: dict[Slot, list[Cluster]] = defaultdict(list)
        # The longest coarse interval filed under each slot, in days: an interval that
        # meets a window starts at most that long before it.
        self.longest: dict[Slot, int] = defaultdict(int)
        for cluster in clusters:
            days: range | None = None
            if cluster.first_day and cluster.last_day:
                days = range(cluster.first_day.toordinal(), cluster.last_day.toordinal() + 1)
            for mode in (ANY_MODE, *(cluster.modes or (NO_MODE,))):
                for place in (ANY_PLACE, *(cluster.places or (NO_PLACE,))):
                    for region in cluster.actors:
                        key = (cluster.type, mode, region, place)
                        self.any_day[key].append(cluster)
                        by_day[key].extend((o, cluster.order) for o in days or ())
                        if days is None and cluster.coarse:
                            start, end = cluster.coarse
                            by_start[key].append((start.toordinal(), cluster.order))
                            self.longest[key] = max(self.longest[key], (end - start).days)
        # Per slot, each (day, incident) it is filed under, and each (first day, incident)
        # of the coarse ones, sorted: the incidents of a window are a slice.
        self.days = {key: _Sorted(pairs) for key, pairs in by_day.items()}
        self.coarse = {key: _Sorted(pairs) for key, pairs in by_start.items()}

    def candidates(self, mention: Mention) -> Iterator[Cluster]:
        type_, window = mention.event.type, mention.interval
        mode = mention.event.mode
        # Any order: a mention joins only when exactly one incident fits (_the_only).
        slots = [
            (type_, m, r, p)
            for m in ((mode, NO_MODE) if mode else (ANY_MODE,))
            for r in mention.actors
            for p in ((*mention.places, NO_PLACE) if mention.places else (ANY_PLACE,))
        ]
        if window is None:  # no publication day to bound it: every incident of its actors
            return _unique(self.any_day.get(slot, []) for slot in slots)
        first = window[0].toordinal() - DATE_TOLERANCE_DAYS
        last = window[1].toordinal() + DATE_TOLERANCE_DAYS
        # Under each slot: the incidents with a day in the window (once a day they
        # span), then the coarse ones that may meet it (_undated_home checks they do).
        days = (_filed(self.clusters, self.days.get(slot), first, last) for slot in slots)
        coarse = (
            _filed(self.clusters, self.coarse.get(slot), first - self.longest.get(slot, 0), last)
            for slot in slots
        )
        return _unique(chain(days, coarse))


# Index slots of _ActorIndex, never PLOVER modes (lower-case words) nor entity ids.
ANY_MODE, NO_MODE = "<any>", "<none>"
ANY_PLACE, NO_PLACE = "<any place>", "<no place>"


def _undated_home(mention: Mention, index: _ActorIndex) -> Cluster | None:
    """The one incident that fits on type, mode, places and a shared actor, if exactly one."""
    window = mention.interval
    fitting = (
        c
        for c in index.candidates(mention)
        if (window is None or _overlaps(c, *window)) and _shared(mention, c, need_actor=True)
    )
    return _the_only(fitting)


def _the_only(fitting: Iterator[Cluster]) -> Cluster | None:
    """The first cluster when there is no second; looks no further than a second one."""
    first = next(fitting, None)
    return first if next(fitting, None) is None else None


def _settle(clusters: list[Cluster], homes: list[tuple[Mention, Cluster | None]]) -> None:
    """Apply the joins of one pass, decided against the clusters the pass began with; a
    mention whose article already joined that incident in this pass stands alone."""
    for mention, home in homes:
        if home is None or mention.article.article_id in home.articles:
            home = Cluster(mention.event.type, len(clusters))
            clusters.append(home)
        home.add(mention)


def _inside(cluster: Cluster, start: dt.date, end: dt.date) -> bool:
    """Every day-dated member of the cluster lies in start..end, widened by the tolerance."""
    if cluster.first_day is None or cluster.last_day is None:
        return False
    return (start - cluster.first_day).days <= DATE_TOLERANCE_DAYS and (
        cluster.last_day - end
    ).days <= DATE_TOLERANCE_DAYS


def _overlaps(cluster: Cluster, start: dt.date, end: dt.date) -> bool:
    """The cluster's interval meets start..end, widened by the tolerance."""
    if cluster.interval is None:
        return False
    first, last = cluster.interval
    tolerance = dt.timedelta(days=DATE_TOLERANCE_DAYS)
    return first <= end + tolerance and last >= start - tolerance


def _shared(mention: Mention, cluster: Cluster, *, need_actor: bool) -> int:
    """How many actor and place regions the mention shares with the cluster when it may
    belong to it, else 0."""
    event = mention.event
    if event.type != cluster.type or mention.article.article_id in cluster.articles:
        return 0
    if event.mode and cluster.modes and event.mode not in cluster.modes:
        return 0
    actors, places = mention.actors & cluster.actors, mention.places & cluster.places
    if mention.actors and cluster.actors and not actors:
        return 0  # Iran striking Pakistan is not Pakistan striking Iran
    if mention.places and cluster.places and not places:
        return 0
    if need_actor and not actors:
        return 0
    return len(actors) + len(places)


def _unique_clusters(clusters: Iterable[Cluster]) -> Iterator[Cluster]:
    """The clusters, each once, in the order given."""
    seen: set[int] = set()
    for cluster in clusters:
        if cluster.order not in seen:
            seen.add(cluster.order)
            yield cluster


def _unique(groups: Iterable[list[Cluster]]) -> Iterator[Cluster]:
    """The clusters of several buckets, each once, in bucket order."""
    return _unique_clusters(chain.from_iterable(groups))
