"""Which claims about an incident make its casualty figures, and the figures they make.

The rule (the dataset card states it for users):

1. Only a toll of the incident itself counts: a running or background total
   (`scope` `cumulative`), a sub-group of another figure (`breakdown`: "including
   two children") and any claim an article makes while only recalling the incident
   (its event's `mention` is `background`) are left out.
2. A claimant's latest total stands: an earlier claim of the same claimant for the
   same outcome is superseded when a later one gives another total (point figure:
   "at least two" and "two" are one total told two ways). Later means a
   later publication date for another article, a later sentence within one article;
   two figures of one sentence are parts told together ("killed five soldiers and
   ten militants"), and articles of the same or an unknown day are not ordered.
3. A claimant's total counts once per independent source: a rewrite
   (`near_duplicate_of`) repeating the claim of the story it copies does not confirm
   it, and neither does the article telling it twice (the headline's "Kills 11", the
   body's "at least 11", dev-synth 62); the story's first telling is kept.

The claimant is the claimant entity, else its words as written ("local officials",
case aside), else, for a figure the article states unattributed, the article itself
(with its rewrites). Figures follow UCDP GED's low/best/high over the used claims;
`conflict` tells different claimants disagreeing, never one claimant revising.
"""

from collections import defaultdict
from collections.abc import Sequence
from typing import NamedTuple

from newsevents.pipeline.compact import ArticleLike, ClaimLike, EventLike
from newsevents.schema.incidents import LeftOut


class LinkedClaim(NamedTuple):
    """A claim linked to one of the incident's mentions (made with `linked_claim`). Named
    tuples, not frozen dataclasses: made three times faster, for every claim of every
    incident."""

    article: ArticleLike
    event: EventLike
    claim: ClaimLike
    # Derived once, as judging reads them for every pair of the incident's claims:
    source: str  # the independent source: the story a rewrite copies, else the article
    claimant: str  # the claimant entity, else its words, else the source
    total: int  # the total the claim tells: "at least two" and "two" tell the same one


def linked_claim(article: ArticleLike, event: EventLike, claim: ClaimLike) -> LinkedClaim:
    source = article.near_duplicate_of or article.article_id
    if claim.claimant:
        claimant = claim.claimant
    elif claim.claimant_text:
        claimant = "text:" + claim.claimant_text.casefold()
    else:
        claimant = "source:" + source
    return LinkedClaim(article, event, claim, source, claimant, point(claim))


class JudgedClaim(NamedTuple):
    linked: LinkedClaim
    left_out: LeftOut | None

    @property
    def used(self) -> bool:
        return self.left_out is None


def judge_claims(linked: Sequence[LinkedClaim]) -> list[JudgedClaim]:
    """Each claim with the reason it is left out of the figures, or None; input order."""
    if len(linked) == 1:  # most incidents with a claim: nothing to supersede or repeat
        return [JudgedClaim(linked[0], _out_of_scope(linked[0]))]
    reasons: dict[int, LeftOut] = {
        i: reason for i, item in enumerate(linked) if (reason := _out_of_scope(item))
    }
    by_claimant: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, item in enumerate(linked):
        if i not in reasons:
            by_claimant[(item.claimant, item.claim.outcome)].append(i)
    for group in by_claimant.values():
        if len(group) == 1:  # a lone claim is its claimant's latest
            continue
        latest = [i for i in group if not any(_later(linked[j], linked[i]) for j in group)]
        totals = {linked[i].total for i in latest}
        for i in group:
            if linked[i].total not in totals:
                reasons[i] = "superseded by a later total from the same claimant"
    repeats: dict[tuple[object, ...], list[int]] = defaultdict(list)
    for i, item in enumerate(linked):
        if i not in reasons:
            repeats[(item.claimant, item.claim.outcome, item.total, item.source)].append(i)
    for group in repeats.values():
        if len(group) == 1:  # told once
            continue
        keep = min(group, key=lambda i: _telling_order(linked[i]))
        for i in group:
            if i != keep:
                same = linked[i].article.article_id == linked[keep].article.article_id
                reasons[i] = (
                    "repeated in the same article" if same else "repeated by a near-duplicate"
                )
    return [JudgedClaim(item, reasons.get(i)) for i, item in enumerate(linked)]


def _out_of_scope(item: LinkedClaim) -> LeftOut | None:
    """Rule 1: why the claim is no toll of the incident itself, or None."""
    if item.claim.scope == "cumulative":
        return "cumulative"
    if item.claim.breakdown:
        return "breakdown"
    if item.event.mention == "background":
        return "background mention"
    return None


def _telling_order(item: LinkedClaim) -> tuple[bool, str, int]:
    """The story before its rewrites, then by article id, then by place in the text."""
    article = item.article
    return article.near_duplicate_of is not None, article.article_id, item.claim.evidence.start


def _later(a: LinkedClaim, b: LinkedClaim) -> bool:
    """True when claim `a` was told after claim `b`."""
    if a.article.article_id == b.article.article_id:
        return a.claim.evidence.start > b.claim.evidence.start
    day_a, day_b = a.article.published_date, b.article.published_date
    return day_a is not None and day_b is not None and day_a > day_b


def point(claim: ClaimLike) -> int:
    """The single figure a claim stands for: the stated number for exact, approximate
    and "at least" claims, the upper bound for "up to", the midpoint of a range."""
    if claim.qualifier == "at_most" and claim.count_max is not None:
        return claim.count_max
    if claim.qualifier == "range" and claim.count_max is not None:
        return (claim.count_min + claim.count_max) // 2
    return claim.count_min


def low_best_high(claims: Sequence[ClaimLike]) -> tuple[int | None, int | None, int | None]:
    """(low, best, high) as UCDP GED reads them: the lowest figure any claim allows (an
    "up to N" claim allows no lower bound of its own, so it counts by its point), the
    lower median of the point figures, the highest figure any claim states."""
    if not claims:
        return None, None, None
    points = sorted(point(c) for c in claims)
    low = min(point(c) if c.qualifier == "at_most" else c.count_min for c in claims)
    high = max(c.count_max if c.count_max is not None else c.count_min for c in claims)
    best = points[(len(points) - 1) // 2]
    return min(low, best), best, max(high, best)


def conflict(used: Sequence[LinkedClaim]) -> bool:
    """Different claimants give different point figures for one outcome."""
    seen: dict[str, set[tuple[str, int]]] = defaultdict(set)
    for item in used:
        seen[item.claim.outcome].add((item.claimant, point(item.claim)))
    return any(
        a[0] != b[0] and a[1] != b[1] for pairs in seen.values() for a in pairs for b in pairs
    )
