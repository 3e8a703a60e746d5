"""The `incidents` config: event mentions clustered across articles into real-world
events, with every casualty claim about them and UCDP-style low/best/high figures.

Clustering: two mentions are one incident when they have the same PLOVER type and
mode, dates no more than DATE_TOLERANCE_DAYS apart, and overlapping actors or places
(a city or province counts for its country; an armed group never does). Undated
mentions join an incident only when exactly one fits. Within one article the events
stage already merged mentions, so an incident holds at most one event per article.
"""

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from newsevents.knowledge import actors
from newsevents.schema import Article, CasualtyClaim, Event, IncidentClaim, IncidentRow

# Reports of one occurrence disagree by at most a day (Iran's strike of 16 January
# is "17 January" in dev 06_dailypakistan, a report dated by its own clock); distinct
# occurrences of one type between the same states come two days apart (16 and 18
# January). One day separates them on every article here.
DATE_TOLERANCE_DAYS = 1


@dataclass
class _Cluster:
    type: str
    members: list[tuple[Article, Event]] = field(default_factory=list)

    @property
    def dates(self) -> list[dt.date]:
        return [e.date for _, e in self.members if e.date and e.date_precision == "day"]

    def regions(self, role: str) -> set[str]:
        return {r for _, e in self.members for x in getattr(e, role) for r in _region(x)}


def build_incidents(articles: Sequence[Article]) -> list[IncidentRow]:
    mentions = [(a, e) for a in articles for e in a.events]
    dated = [m for m in mentions if m[1].date and m[1].date_precision == "day"]
    undated = [m for m in mentions if m not in dated]
    clusters: list[_Cluster] = []
    for article, event in dated:
        home = next((c for c in clusters if _fits(c, article, event)), None)
        if home is None:
            home = _Cluster(event.type)
            clusters.append(home)
        home.members.append((article, event))
    for article, event in undated:
        fitting = [c for c in clusters if _fits(c, article, event)]
        if len(fitting) == 1:
            fitting[0].members.append((article, event))
        else:
            clusters.append(_Cluster(event.type, [(article, event)]))
    rows = [_row(c) for c in clusters]
    return sorted(rows, key=lambda r: (r.date or dt.date.max, r.type, r.incident_id))


def _fits(cluster: _Cluster, article: Article, event: Event) -> bool:
    if event.type != cluster.type:
        return False
    if any(a.article_id == article.article_id for a, _ in cluster.members):
        return False
    modes = {e.mode for _, e in cluster.members if e.mode}
    if event.mode and modes and event.mode not in modes:
        return False
    day = event.date if event.date_precision == "day" else None
    if day and any(abs((day - d).days) > DATE_TOLERANCE_DAYS for d in cluster.dates):
        return False
    actors_ = {r for x in event.actors for r in _region(x)}
    places = {r for x in event.locations for r in _region(x)}
    cluster_actors, cluster_places = cluster.regions("actors"), cluster.regions("locations")
    if actors_ and cluster_actors and not actors_ & cluster_actors:
        return False
    if places and cluster_places and not places & cluster_places:
        return False
    same_day = bool(event.date and event.date in cluster.dates)
    overlap = bool(actors_ & cluster_actors) or bool(places & cluster_places)
    # A dated mention needs the same day or a shared actor or place; an undated one
    # must share an actor (a place alone is too weak without a date).
    return overlap or same_day if event.date else bool(actors_ & cluster_actors)


@cache
def _country_ids() -> dict[str, str]:
    """Gazetteer: entity_id -> entity_id of the country it lies in or acts for."""
    by_name = {a.name: a.entity_id for a in actors()}
    return {
        a.entity_id: by_name[a.country]
        for a in actors()
        if a.country and a.country in by_name and a.type != "ARMED_GROUP"
    }


def _region(entity_id: str) -> set[str]:
    country = _country_ids().get(entity_id)
    return {entity_id, country} if country else {entity_id}


def _row(cluster: _Cluster) -> IncidentRow:
    members = cluster.members
    days = cluster.dates
    all_dates = [e.date for _, e in members if e.date]
    date = Counter(days).most_common(1)[0][0] if days else None
    if days:
        best_count = Counter(days).most_common(1)[0][1]
        date = min(d for d, n in Counter(days).items() if n == best_count)
    modes = Counter(e.mode for _, e in members if e.mode)
    # Articles that only recall the incident as background (explainers, "last year's
    # attack") neither add sources nor figures, unless nothing reports it as news.
    news = [(a, e) for a, e in members if e.mention == "new"] or members
    claims = [
        (article, claim)
        for article, event in news
        for claim in article.casualty_claims
        if claim.event_id == event.event_id
    ]
    first_article, first_event = members[0]
    key = f"{first_article.article_id}/{first_event.event_id}"
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:10]
    article_ids = sorted({a.article_id for a, _ in members})
    roots = {a.near_duplicate_of or a.article_id for a, _ in news}
    figures = {
        outcome: _figures([c for _, c in claims if c.outcome == outcome])
        for outcome in ("killed", "injured")
    }
    return IncidentRow(
        incident_id=f"{cluster.type.lower()}-{date or 'undated'}-{digest}",
        type=cluster.type,  # type: ignore[arg-type]
        mode=modes.most_common(1)[0][0] if modes else None,
        date=date,
        date_min=min(all_dates) if all_dates else None,
        date_max=max(all_dates) if all_dates else None,
        actors=sorted({x for _, e in members for x in e.actors}),
        locations=sorted({x for _, e in members for x in e.locations}),
        article_ids=article_ids,
        event_ids=sorted(f"{a.article_id}/{e.event_id}" for a, e in members),
        independent_sources=len(roots),
        claims=[
            IncidentClaim(
                claimant=c.claimant,
                claimant_text=c.claimant_text,
                outcome=c.outcome,
                count_min=c.count_min,
                count_max=c.count_max,
                article_id=a.article_id,
                claim_id=c.claim_id,
            )
            for a, c in claims
        ],  # fmt: skip
        killed_low=figures["killed"][0],
        killed_best=figures["killed"][1],
        killed_high=figures["killed"][2],
        injured_low=figures["injured"][0],
        injured_best=figures["injured"][1],
        injured_high=figures["injured"][2],
        figures_conflict=any(
            _conflict([c for _, c in claims if c.outcome == o])
            for o in ("killed", "injured", "missing", "abducted")
        ),
    )


def point(claim: CasualtyClaim) -> int:
    """The single figure a claim stands for: the stated number for exact, approximate
    and "at least" claims, the upper bound for "up to", the midpoint of a range."""
    if claim.qualifier == "at_most" and claim.count_max is not None:
        return claim.count_max
    if claim.qualifier == "range" and claim.count_max is not None:
        return (claim.count_min + claim.count_max) // 2
    return claim.count_min


def _figures(claims: list[CasualtyClaim]) -> tuple[int | None, int | None, int | None]:
    """(low, best, high): the lowest figure any claim allows (an "up to N" claim
    allows no lower bound of its own, so it counts by its point), the lower median of
    the point figures, the highest figure any claim states."""
    if not claims:
        return None, None, None
    points = sorted(point(c) for c in claims)
    low = min(point(c) if c.qualifier == "at_most" else c.count_min for c in claims)
    high = max(c.count_max if c.count_max is not None else c.count_min for c in claims)
    best = points[(len(points) - 1) // 2]
    return min(low, best), best, max(high, best)


def _conflict(claims: list[CasualtyClaim]) -> bool:
    """Claimants disagree: two different claimants give different point figures."""
    by_claimant = {(c.claimant or c.claimant_text or ""): point(c) for c in claims}
    return len(set(by_claimant.values())) > 1 and len(by_claimant) > 1
