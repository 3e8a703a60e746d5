"""The publication date of an article that states none, inferred from what it says.

News copy dates its news relative to the day it was written: "on Saturday", "on
Monday, more than a week after the October 1 strike", "a day before the January 26
deadline". Those words pin the day once the year is known, and the year comes from
what the text reports as past: full dates ("in November 2022"), and the people it
names in an office they held ("U.N. envoy Hans Grundberg", from the terms in
knowledge/office_terms.yaml). The inferred day is the smallest one consistent with
all of it:

- lower bound: the latest full date, month or year a past clause reports, and the
  start of the term of every office holder named with a title;
- pegs: month-days without a year in past clauses ("on October 11"), shifted by what
  the expression says ("a week after October 1"); writers drop the year only for
  dates of the past twelve months, so each peg is the latest such day on or before
  publication;
- the news day: the first weekday the article reports in the past ("on Saturday") is
  the first such weekday on or after the latest peg, or, when the text pairs it with a
  peg ("on Saturday, a day before the January 26 deadline"; "on Saturday, officials
  said, four days after airstrikes on the night of Dec. 24"), that very day;
- the article was published on the news day (a past "on Tuesday" lies in the 6 days
  before publication; the smallest consistent day is the news day itself).

Without a lower bound, a peg and a news day the evidence does not pin one day, and the
result is None: a date is never guessed. The confidence says how much rests on
assumptions (0.9 when a weekday is paired with a date, less when the year rests only
on a distant lower bound).
"""

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from newsevents.knowledge import OfficeTerm
from newsevents.temporal.dates import MONTHS, in_window, lede_weekday
from newsevents.temporal.expressions import (
    SENTENCE_BREAK,
    WEEKDAYS,
    TimeMention,
    _absolute,
    find_expressions,
    is_future,
    time_words,
)

# How far past the lower bound the search for a consistent day goes: a month-day falls
# on a given weekday at least once in any 11 years (6 or 11 years apart, or 5).
SEARCH_DAYS = 12 * 366
# Articles keep using a title for some days after a term ends ("President X said").
TERM_GRACE_DAYS = 31


@dataclass(frozen=True)
class InferredDate:
    date: dt.date
    confidence: float
    evidence: str  # what pinned it, for the build log and the card


@dataclass(frozen=True)
class _Peg:
    month: int
    day: int
    offset: int  # days added to the month-day ("a week after October 1": +7)
    weekday: int | None  # a weekday the text pairs with this day ("on Saturday, Jan 25")

    def latest(self, on_or_before: dt.date) -> dt.date | None:
        """The latest (month-day + offset) on or before the given day."""
        for year in (on_or_before.year, on_or_before.year - 1, on_or_before.year - 2):
            try:
                day = dt.date(year, self.month, self.day) + dt.timedelta(days=self.offset)
            except ValueError:
                continue  # February 29
            if day <= on_or_before:
                return day
        return None


# A date said to be ahead or a limit ("ahead of the January 26 deadline", "by March 3")
# is not a past peg, whatever the tense of the clause.
_NOT_PAST_BEFORE = re.compile(
    r"\b(?:ahead of|until|till|by|before|deadline of|due on)\s+(?:the\s+)?$"
)
_NOT_PAST_AFTER = re.compile(r"^\s*(?:deadline|target|elections?|polls?|vote|summit)\b")
_MODAL = re.compile(
    r"\b(?:could|might|may|should|must|hopes? to|aims? to|intends? to|expects? to)\b"
)
_PAIR_GAP = re.compile(r"[\s,(]*")
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_MONTH_FIRST = rf"(?P<month>{_MONTH_NAMES})\.?\s+(?P<day>[12]?\d|3[01])(?:st|nd|rd|th)?"
_DAY_FIRST = rf"(?P<day2>[12]?\d|3[01])(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>{_MONTH_NAMES})"
_MONTH_DAY = re.compile(rf"{_MONTH_FIRST}\b|{_DAY_FIRST}\b", re.IGNORECASE)
# Every peg is read from a `_MONTH_DAY` inside a time expression (see `_peg`), so a text
# with none of these characters anywhere has no peg. The word boundaries are left out:
# at the edge of an expression cut from the text they may hold where the text's do not.
_ANY_MONTH_DAY = re.compile(rf"{_MONTH_FIRST}|{_DAY_FIRST}", re.IGNORECASE)
# A shift that gives no exact day ("more than a week after").
_ROUGH = re.compile(
    r"(?:more than|less than|over|about|some|nearly|almost|around)\s", re.IGNORECASE
)
_SHIFT = re.compile(
    r"(?P<n>\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?P<unit>day|week)s?\s+"
    r"(?P<dir>after|later|before|earlier)",
    re.IGNORECASE,
)


def infer_publication_date(text: str, terms: Iterable[OfficeTerm] = ()) -> InferredDate | None:
    """The smallest publication day consistent with what `text` reports, or None."""
    if not _ANY_MONTH_DAY.search(text):
        return None  # no month-day, so no day tied to the news (half the undated texts)
    told = _past_mentions(text)
    links = _linked_pegs(told)
    if not links:
        return None  # no day tied to the news of the day (most texts): bounds are moot
    bound, bound_why = _lower_bound(told)
    in_office = office_holders(text, terms)
    for name, spans in in_office:
        start = min(s for s, _ in spans)
        if bound is None or start > bound:
            bound, bound_why = start, f"{name} in office"
    if bound is None:
        return None
    for step in range(-6, SEARCH_DAYS):
        news_day = bound + dt.timedelta(days=step)
        if not _pinned(news_day, links):
            continue
        day = max(news_day, bound)  # a past weekday lies in the 6 days before publication
        if not all(any(s <= day <= e for s, e in spans) for _, spans in in_office):
            continue
        paired = any(link.peg.weekday is not None for link in links)
        confidence = 0.9 if paired else 0.75
        if not paired and (day - bound).days > 366:
            confidence -= 0.25  # the year rests on a distant lower bound
        why = f"{WEEKDAYS[news_day.weekday()]} linked to a dated day; year from {bound_why}"
        return InferredDate(day, round(confidence, 2), why) if in_window(day) else None
    return None


def dateline_day_in_office(
    month: int, day: int, text: str, terms: Iterable[OfficeTerm] = ()
) -> InferredDate | None:
    """A wire dateline's day ("NEW DELHI, May 7 (Reuters) - ... early on Wednesday") in a
    text that dates nothing in full, so that `dates.dateline_date` finds no year: the
    first such day on which every office holder the text names with a title held office
    and which falls on the lede's weekday (the smallest consistent day, as
    `infer_publication_date` takes). No office holder or no lede weekday: None. The
    confidence drops when the day lies more than a year after the latest term began."""
    weekday = lede_weekday(text)
    if weekday is None:
        return None
    in_office = office_holders(text, terms)
    if not in_office:
        return None
    earliest = max(min(s for s, _ in spans) for _, spans in in_office)
    for year in range(earliest.year, earliest.year + 30):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue  # 29 February
        if candidate.weekday() != weekday or not in_window(candidate):
            continue
        holding = [
            [s for s, e in spans if s <= candidate <= e] for _, spans in in_office
        ]  # fmt: skip
        if not all(holding):
            continue
        began = max(max(starts) for starts in holding)
        confidence = 0.9 if (candidate - began).days <= 366 else 0.65
        names = ", ".join(name for name, _ in in_office)
        why = f"the dateline's day; its year from the lede's weekday and {names} in office"
        return InferredDate(candidate, confidence, why)
    return None


@dataclass(frozen=True)
class _Link:
    """A month-day the text ties to its news of the day, and that day's weekday."""

    peg: _Peg
    news_weekday: int


def _pinned(news_day: dt.date, links: list["_Link"]) -> bool:
    """Whether `news_day` is, for every link, the first day of its weekday on or after
    the linked month-day (or that very day, when the text pairs the two)."""
    for link in links:
        if news_day.weekday() != link.news_weekday:
            return False
        occurrence = link.peg.latest(news_day)
        if occurrence is None:
            return False
        if link.peg.weekday is not None:
            if occurrence != news_day:
                return False
        elif (news_day - occurrence).days >= 7:
            return False
    return True


def _past_mentions(text: str) -> list[tuple[str, list[TimeMention]]]:
    """Each sentence with the time expressions it reports as past: read once, used by
    the lower bound and the pegs."""
    told = []
    for sentence in SENTENCE_BREAK.split(text):
        if sentence.strip():
            told.append((sentence, [m for m in find_expressions(sentence) if _past(m, sentence)]))
    return told


def _lower_bound(told: list[tuple[str, list[TimeMention]]]) -> tuple[dt.date | None, str]:
    """The first day of the latest full date, month or year a past clause reports."""
    bound: dt.date | None = None
    why = ""
    for _, mentions in told:
        for mention in mentions:
            words = mention.text.lower()
            resolved = _absolute(
                words.removeprefix("since ").removeprefix("in "), None, None, False
            )
            if resolved is None:
                continue
            if bound is None or resolved.first > bound:
                bound, why = resolved.first, f"'{mention.text}'"
    return bound, why


# "The attack came days after ...": the sentence ties its date to the news of the day.
_CAME_AFTER = re.compile(
    r"\b(?:came|comes|follows|followed|happened|occurred)\b[^.]{0,40}?"
    r"\b(?:days|hours|a day|a week|(?:\w+) days)\s+(?:after|before)\b",
    re.IGNORECASE,
)
# Between a weekday and the date it names: nothing, a comma or bracket, or who said it
# ("on Saturday, the ministry said, a day before the January 26 deadline").
_ATTRIBUTION_GAP = re.compile(r"[\s,(]*(?:[^,;.]{0,60}\b(?:said|says|reported|told \w+)\b[\s,]*)?")


_DATELINE = re.compile(r"\s*(?:[A-Z][\w.'’-]*\s?){1,4},\s*")  # "Bogotá, " "NEW DELHI, "


def _linked_pegs(told: list[tuple[str, list[TimeMention]]]) -> list[_Link]:
    """The month-days the text links to its news of the day: paired with a weekday,
    shifted from a day the same sentence names ("on Monday, more than a week after the
    October 1 strike"), or in a "came days after" sentence (dated by the article's first
    past weekday, the news of its lede)."""
    links: list[_Link] = []
    first_weekday: int | None = None
    waiting: list[_Peg] = []  # "came days after" pegs waiting for the lede's weekday
    for sentence, mentions in told:
        weekdays = [m for m in mentions if _weekday_of(m) is not None]
        if weekdays and first_weekday is None:
            first_weekday = _weekday_of(weekdays[0])
        sentence_pegs: list[_Peg] = []
        # "four days after Pakistani airstrikes on the night of Dec. 24": a shift whose day
        # the sentence names a few words on (offset in days, where the shift ends).
        pending: tuple[int, int] | None = None
        for mention in mentions:
            if _weekday_of(mention) is not None or _DATELINE.fullmatch(sentence[: mention.start]):
                continue  # a wire dateline's day is the dateline step's evidence
            peg = _peg(mention, sentence_pegs[-1] if sentence_pegs else None)
            if peg is None:
                offset = _shift_days(mention.text)
                rough = _ROUGH.match(mention.text)
                pending = (offset, mention.end) if offset is not None and not rough else None
                continue
            weekday = _weekday_of(weekdays[0]) if weekdays else None
            if (
                pending is not None
                and weekday is not None
                and peg.offset == 0
                and mention.start - pending[1] <= _SHIFT_REACH
            ):
                # "on Saturday, ..., four days after ... Dec. 24": the shifted day is that
                # Saturday.
                peg = _Peg(peg.month, peg.day, pending[0], weekday)
                sentence_pegs.append(peg)
                links.append(_Link(peg, weekday))
                pending = None
                continue
            pending = None
            sentence_pegs.append(peg)
            partner = next(
                (w for w in reversed(weekdays) if w.end <= mention.start
                 and _ATTRIBUTION_GAP.fullmatch(sentence[w.end : mention.start])),
                None,
            )  # fmt: skip
            weekday = _weekday_of(partner) if partner and not _ROUGH.match(mention.text) else None
            if weekday is not None:
                links.append(_Link(_Peg(peg.month, peg.day, peg.offset, weekday), weekday))
            elif peg.offset > 0 and weekdays:
                links.append(_Link(peg, _weekday_of(weekdays[0])))  # type: ignore[arg-type]
            elif _CAME_AFTER.search(sentence):
                waiting.append(peg)
    if first_weekday is not None:
        links += [_Link(peg, first_weekday) for peg in waiting]
    return links


def _peg(mention: TimeMention, last_peg: _Peg | None) -> _Peg | None:
    """A month-day without a year, shifted as the words say; "a week after the attack"
    shifts the last peg the text named. (No peg without a `_MONTH_DAY`: the inference
    skips a text with no `_ANY_MONTH_DAY`.)"""
    words = mention.text
    if re.search(r"\b(?:19|20)\d{2}\b", words):
        return None
    shift = _SHIFT.search(words)
    offset = 0
    if shift:
        offset = _shift_days(words) or 0
        words = words[shift.end() :]
    named = _MONTH_DAY.search(words)
    if named:
        month = MONTHS[(named["month"] or named["month2"]).lower()]
        day = int(named["day"] or named["day2"])
        return _Peg(month, day, offset, None)
    if shift and last_peg is not None and offset > 0:
        return _Peg(last_peg.month, last_peg.day, last_peg.offset + offset, None)
    return None


# How far after a shift ("four days after ...") its day may be named, in characters.
_SHIFT_REACH = 80


def _shift_days(words: str) -> int | None:
    """The days a shift moves ("four days after": +4, "a week before": -7), or None."""
    shift = _SHIFT.search(words)
    if shift is None:
        return None
    n = shift["n"].lower()
    days = 1 if n in ("a", "an", "one") else int(n) if n.isdigit() else time_words().numbers[n]
    days *= 7 if shift["unit"].lower() == "week" else 1
    return days if shift["dir"].lower() in ("after", "later") else -days


def _weekday_of(mention: TimeMention) -> int | None:
    words = mention.text.lower()
    if re.match(r"(?:last|next|this)\b", words):
        return None
    for index, name in enumerate(WEEKDAYS):
        if name in words:
            return index
    return None


def _past(mention: TimeMention, sentence: str) -> bool:
    """Whether the sentence reports this date as past: no future or modal cue in its
    clause, and not a limit ("by March 3", "the January 26 deadline")."""
    if is_future(mention.text, sentence):
        return False
    clause = sentence[max(0, mention.start - 80) : mention.end + 40]
    if _MODAL.search(clause):
        return False
    if _SHIFT.match(mention.text) or _ROUGH.match(mention.text):
        return True  # "a day before the January 26 deadline": the day before is past
    before, after = sentence[: mention.start], sentence[mention.end :]
    return not (_NOT_PAST_BEFORE.search(before) or _NOT_PAST_AFTER.match(after))


_FORMER = re.compile(r"\b(?:former|ex|then|late|outgoing|erstwhile)\b[\s-]*$", re.IGNORECASE)
# Words that make a title someone else's or a past one: "Vice President", "deputy
# foreign minister", "ousted President", "the late President".
_EARLIER_HOLDER = re.compile(
    r"\b(?:former|ex|then|late|erstwhile|ousted|deposed|toppled|overthrown|exiled|jailed|"
    r"imprisoned|impeached|slain|assassinated|vice|deputy|alternate|shadow|assistant)\b",
    re.IGNORECASE,
)


def office_holders(
    text: str, terms: Iterable[OfficeTerm]
) -> list[tuple[str, list[tuple[dt.date, dt.date]]]]:
    """The people `text` names with a title of an office they held, and the spans
    (with a grace period after each term) in which the text can have been written."""
    terms = tuple(terms)
    names, by_name = _name_index(terms)
    # Only the names the text contains go into the pattern: a name that is not in the
    # text matches nowhere, so the matches are the same, and one alternation of all
    # 1,481 names and aliases, tried at every position, cost 3 ms an article.
    pattern = _alternation(tuple(n for n in names if n in text))
    found: dict[str, list[tuple[dt.date, dt.date]]] = {}
    for match in pattern.finditer(text):
        before = text[max(0, match.start() - 60) : match.start()]
        if _FORMER.search(before):
            continue
        for term in by_name[match.group()]:
            if not _titled(before, term.titles):
                continue
            end = term.end + dt.timedelta(days=TERM_GRACE_DAYS) if term.end else dt.date.max
            spans = found.setdefault(term.name, [])
            if (term.start, end) not in spans:
                spans.append((term.start, end))
    return sorted(found.items())


@cache
def _name_index(
    terms: tuple[OfficeTerm, ...],
) -> tuple[tuple[str, ...], dict[str, list[OfficeTerm]]]:
    """Every name and alias, longest first, and the terms each spelling belongs to."""
    by_name: dict[str, list[OfficeTerm]] = {}
    for term in terms:
        for name in dict.fromkeys((term.name, *term.aliases)):
            by_name.setdefault(name, []).append(term)
    return tuple(sorted(by_name, key=len, reverse=True)), by_name


@lru_cache(maxsize=1024)
def _alternation(names: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for these names as whole words (one pass over the text), tried in the
    order given: longest first."""
    if not names:
        return re.compile(r"(?!)")
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b")


def _titled(before: str, titles: tuple[str, ...]) -> bool:
    """A title among the few words right before the name ("U.N. special envoy Hans
    Grundberg", "Lebanese President Joseph Aoun"), with no former/then before it."""
    tail = " ".join(before.split()[-5:]).lower()
    for title in titles:
        # The whole title, not the start of "President-elect" or "presidential".
        matches = list(re.finditer(rf"(?<![\w-]){re.escape(title.lower())}(?![\w-])", tail))
        if matches and not _EARLIER_HOLDER.search(tail[: matches[-1].start()]):
            return True
    return False
