"""One event per real-world occurrence: statements folded into one act, mentions of
the same occurrence merged.

Reads `Mention`s and the `EntityIndex`; writes the merged list."""

import datetime as dt
import re
from typing import Any

from newsevents.pipeline.events.mention import BACKGROUND_DAYS, PRECISION_RANK, Mention
from newsevents.pipeline.events.roles import EntityIndex
from newsevents.temporal.dates import WEEKDAYS
from newsevents.temporal.timex import date_span

# Verbal reactions: one statement that condemns and calls on, or denies and calls a
# claim groundless, is one act (typed by its first verb), not two events.
STATEMENT_TYPES = frozenset({"ACCUSE", "REQUEST", "REJECT", "THREATEN", "SUPPORT"})


def _one_statement(mentions: list[tuple[Mention, Any]]) -> list[Mention]:
    """Fold a reaction coordinated with an earlier one of the same speaker ("condemned
    the attack and called on ASEAN to ...", "denied ..., calling the account groundless
    hype") into it. A summons stays its own act (a diplomat was called in)."""
    kept: list[tuple[Mention, Any]] = []
    for mention, token in mentions:
        first = next(
            (
                (m, t) for m, t in kept
                if m.type in STATEMENT_TYPES and mention.type in STATEMENT_TYPES
                and "summon" not in (m.mode, mention.mode)
                and token.dep_ in ("conj", "advcl", "xcomp") and token.head == t
                and not _has_own_subject(token)
                and (not mention.actors or not m.actors or set(mention.actors) <= set(m.actors))
            ),
            None,
        )  # fmt: skip
        if first is None:
            kept.append((mention, token))
        else:
            first[0].actors = first[0].actors or mention.actors
            first[0].targets += [x for x in mention.targets if x not in first[0].targets]
    return [m for m, _ in kept]


def _has_own_subject(verb: Any) -> bool:
    """ "..., while ECOWAS condemned the attack": a clause with a subject of its own is
    another speaker's act, not the first speaker's reaction going on."""
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _merge(
    mentions: list[Mention], index: EntityIndex, published: dt.date | None = None
) -> list[Mention]:
    """One event per real-world occurrence. A mention joins the compatible event it
    shares most with (actors, places, the same day); an anchored mention that shares
    nothing with any event starts a new one, an unanchored one only confirms. An
    undated mention ("the missile strikes") refers to the news before an event the text
    recalls from long ago."""
    events: list[Mention] = []
    # A headline announces what the body tells: its meetings and visits confirm those
    # of the body, they never start one ("Iraq ... cancels defence minister's visit" is
    # no visit; "X, Y to meet in Doha" is told below if it happened).
    title_end = min((m.start for m in mentions if m.start > 0), default=0)
    for mention in mentions:
        mention.weekdays |= _weekdays_named(mention)
    lone = _lone_assault(mentions)
    for mention in sorted(mentions, key=lambda m: (not m.anchored and m is not lone, m.position)):
        scored = [
            (_shared(e, mention, index), e)
            for e in events
            if _compatible(e, mention, index)
            and not _recalled_after_the_news(e, mention, published)
        ]
        # Ties go to an event told before this mention over one told only after it
        # ("53 people were killed" right after a strike recalled from March is not the
        # attack of July told below), then to the news over an event recalled from long
        # ago, then to the event mentioned last before this mention: "the strikes"
        # refers back to the strikes just reported.
        best = max(
            scored,
            key=lambda pair: (
                pair[0],
                min(pair[1].sentences) <= mention.start,
                mention.date is not None or not _recalled(pair[1], published),
                max((s for s in pair[1].sentences if s <= mention.start), default=-1),
            ),
            default=(0, None),
        )
        anchored = mention.anchored or mention is lone
        if best[1] is not None and (best[0] > 0 or not anchored):
            _absorb(best[1], mention)
        elif anchored and (mention.start >= title_end or mention.type not in HEADLINE_CONFIRMS):
            events.append(mention)
    return sorted(events, key=lambda e: e.position)


HEADLINE_CONFIRMS = frozenset({"CONSULT"})


def _lone_assault(mentions: list[Mention]) -> Mention | None:
    """The first assault that counts its victims ("six passengers were killed when armed
    men opened fire"), when no assault of the article is anchored by a side, a place or
    a day: an article that tells of deaths tells of what caused them."""
    if any(m.type == "ASSAULT" and m.anchored for m in mentions):
        return None
    counted = [m for m in mentions if m.type == "ASSAULT" and m.counted]
    return min(counted, key=lambda m: m.position) if counted else None


def _recalled(event: Mention, published: dt.date | None) -> bool:
    """Whether the event lies long before publication (see BACKGROUND_DAYS)."""
    if event.date is None or published is None:
        return False
    return (published - date_span(event.date, event.precision)[1]).days > BACKGROUND_DAYS


def _recalled_after_the_news(event: Mention, mention: Mention, published: dt.date | None) -> bool:
    """Whether one of the two recalls an occurrence from long before publication, by a
    date its own words name (or a timeline's entry gives), after the other, undated, was
    told: the news comes first
    ("the militants attacked the camp at about 4am ... On January 5, 2020, its fighters
    stormed the Manda Bay airfield"), and the old date is not the news's."""
    for news, recalled in ((event, mention), (mention, event)):
        if (
            news.date is None
            and (
                recalled.date_source == "explicit"
                and _recalled(recalled, published)
                or recalled.in_timeline  # "24 August - Israeli aircraft strike ..."
            )
            and max(news.sentences) < min(recalled.sentences)
        ):
            return True
    return False


def _shared(a: Mention, b: Mention, index: EntityIndex) -> int:
    score = 2 * bool(index.regions(a.actors) & index.regions(b.actors))
    score += bool(index.regions(a.locations) & index.regions(b.locations)) or _one_holds(
        a, b, index
    )
    score += bool(set(a.targets) & set(b.targets))
    score += 2 * bool(a.date and a.date == b.date and a.precision == b.precision == "day")
    score += bool(a.sentences & b.sentences)  # one sentence: "launched missile and drone strikes"
    # "the missile strikes" are air strikes; a verbal act's mode is its type's ("a
    # condemnation disapproves"), which says nothing of which occurrence it is.
    score += bool(a.mode and a.mode == b.mode and a.type not in STATEMENT_TYPES)
    return score


# Sanctions on a diplomatic presence, told together, are one measure.
DIPLOMATIC_MEASURES = frozenset({"withdraw", "expel", "discontinue", "relations", None})


def _compatible(a: Mention, b: Mention, index: EntityIndex) -> bool:
    if a.type != b.type:
        return False
    one_measure = (
        a.type == "SANCTION"
        and bool(a.sentences & b.sentences)
        and {a.mode, b.mode} <= DIPLOMATIC_MEASURES
    )
    if a.mode and b.mode and a.mode != b.mode and not one_measure:
        # A phone call and a visit, an air strike and a shooting, recalling envoys and
        # closing the airspace: two events. But "recalled its ambassador ... and
        # blocked Iran's envoy" in one sentence is one diplomatic measure (dev
        # 12_arynews gold).
        return False
    if a.date and b.date:
        (a0, a1), (b0, b1) = date_span(a.date, a.precision), date_span(b.date, b.precision)
        if a1 < b0 or b1 < a0:
            return False
    if _other_weekday(a, b) or _other_weekday(b, a) or _week_and_period(a, b):
        return False
    if a.type in STATEMENT_TYPES and _other_speakers(a, b, index):
        return False
    if index.regions(a.actors) & index.regions(b.targets) or (
        index.regions(b.actors) & index.regions(a.targets)
    ):
        return False  # who strikes in one is struck in the other: two events
    if a.actors and b.actors:
        # "Tehran" acts for Iran, "Indian Armed Forces" for India.
        return bool(index.regions(a.actors) & index.regions(b.actors))
    places_a, places_b = index.regions(a.locations), index.regions(b.locations)
    return not places_a or not places_b or bool(places_a & places_b) or _one_holds(a, b, index)


def _one_holds(a: Mention, b: Mention, index: EntityIndex) -> bool:
    """Whether a country one names holds a district the other names ("western Uganda",
    "Ntoroko district") that the gazetteer does not list."""
    return index.holds(a.locations, b.locations) or index.holds(b.locations, a.locations)


def _other_speakers(a: Mention, b: Mention, index: EntityIndex) -> bool:
    """Whether two verbal acts are said by different people: the chief minister's
    condemnation and the prime minister's are two statements, though both speak for
    one country (the regions the actors share)."""
    people = [
        {x for x in m.actors if (e := index.by_id.get(x)) is not None and e.type == "PERSON"}
        for m in (a, b)
    ]
    return bool(people[0]) and bool(people[1]) and not people[0] & people[1]


def _other_weekday(undated: Mention, dated: Mention) -> bool:
    """Whether an undated mention's own words name one weekday ("on Thursday morning",
    left unresolved in an article with no publication date) that the other's day is
    not: "Thursday's explosion" is no attack of Friday, 30 September 2022."""
    if undated.date is not None or len(undated.weekdays) != 1 or dated.precision != "day":
        return False
    return dated.date is not None and dated.date.weekday() not in undated.weekdays


def _week_and_period(a: Mention, b: Mention) -> bool:
    """Whether one mention is told by a weekday its article cannot date (no publication
    date: "stormed a school late Tuesday", or in a sentence that names one: "were killed
    in a riot that broke out late Saturday") and the other by a date its own words name
    with its year ("pledged allegiance in 2019 and has killed thousands", "the June 2023
    assault", "the massacre of September 28, 2021"): a weekday tells the news of the
    week, a named year an occurrence the text recalls, so two occurrences. A weekday of
    the mention's own against a named day is `_other_weekday`'s to compare."""
    for undated, dated in ((a, b), (b, a)):
        if undated.date is not None or dated.date is None or dated.date_source != "explicit":
            continue
        if undated.weekdays and dated.precision in ("month", "year"):
            return True
        if not undated.weekdays and undated.weekday_sentence and dated.precision != "week":
            return True
    return False


def _weekdays_named(mention: Mention) -> set[int]:
    if mention.date is not None or not mention.date_text:
        return set()
    words = re.findall(r"[a-z]+", mention.date_text.lower())
    return {WEEKDAYS.index(w) for w in words if w in WEEKDAYS}


def _absorb(event: Mention, other: Mention) -> None:
    event.sentences |= other.sentences
    event.positions |= other.positions
    event.weekdays |= other.weekdays
    event.weekday_sentence |= other.weekday_sentence
    event.performative |= other.performative
    for role in ("actors", "targets", "locations"):
        merged = getattr(event, role)
        merged += [x for x in getattr(other, role) if x not in merged]
    if other.date and (
        event.date is None
        or PRECISION_RANK[other.precision or "year"] < PRECISION_RANK[event.precision or "year"]
    ):
        event.date, event.precision, event.date_text = other.date, other.precision, other.date_text
        event.date_source = other.date_source
        event.start, event.end, event.trigger = other.start, other.end, other.trigger
    if other.status == "occurred" and other.anchored:
        event.status = "occurred"  # an unanchored headline does not settle the status
    event.mode = event.mode or other.mode
