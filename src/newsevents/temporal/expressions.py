"""What a time expression means: the days it may denote, and how precisely.

`resolve_expression(expression, sentence, published, previous)` is the one resolver
every stage uses. It turns the words ("on Tuesday", "late Monday", "two days later",
"last year", "since October") into a `TimeInterval`: the first and last possible day,
the unit the expression names (day, week, month, quarter, year), how it was read
(absolute, against the publication date, against another event) and whether it spans
a period rather than dating one occurrence. `find_expressions(text)` lists the
expressions of a text with their spans, in one pass.

The conventions, with P the publication date and weeks running Monday to Sunday:

- Tense comes from the expression's clause: future when it has a future marker
  ("will", "is expected to", "would", ... in knowledge/time_words.yaml) or the
  expression says "next", "coming", "tomorrow"; past otherwise.
- Full dates ("Jan. 16, 2024", "16 January 2024", "2024-01-16") are absolute. A month
  and day without a year takes the year (P.year - 1, P.year or P.year + 1) that puts it
  nearest P, never after P in a past clause, never before P in a future one.
- Weekdays: past, the latest on or before P; future, the first on or after P (P
  itself on that weekday either way: wire copy names the day of publication by its
  weekday, "talks are expected on Friday evening" in Friday's paper; "this Friday"
  too). "last Tuesday" is the latest strictly before P, "next Tuesday" the first
  strictly after. "late Monday", "Monday night", "Saturday's" keep the day.
- today/tonight/this morning is P, yesterday/last night P - 1, overnight P - 1 to P,
  tomorrow P + 1; "N days ago" P - N, "N weeks ago" the week holding P - 7N, "N months
  ago" and "N years ago" the month or year.
- this/earlier this/last/next week, month, year: the calendar unit (earlier this ...
  ends at P). A month without a year ("in March") is the latest one starting on or
  before P in a past clause, the first one ending on or after P in a future clause;
  "last March" strictly before P's month. early/mid/late narrow a month to days 1-10,
  11-20, 21-end.
- Over the weekend: the latest Saturday-Sunday whose Saturday is on or before P (the
  weekend before, when P is itself a Saturday in a past clause), two days.
- A yearless day in a sentence that goes on from the event told before it ("Twelve
  days later, on 26 February") is in that event's year when that year is before P's;
  a day or month "that year" or "of the same year" always is (unknown without one).
- A yearless day with its weekday ("Thursday, 8 May") is in the year nearest P whose
  calendar puts it on that weekday, whatever the tense.
- Relative to another event ("two days later", "the next day", "a day earlier", "hours
  later") the reference is `previous`, or a date inside the expression itself ("a day
  before the January 26 deadline", "on the eve of the March 3 vote").
- "between Friday and Sunday", "from 3 to 18 May" are periods (`period=True`, no
  single event's date): the smallest week, month or year that holds both points (the
  first point takes the month or year the last one names); None across years.
- "since October", "over the past week", "in the last 10 days" are periods: from their
  start to P, `period=True`. They date no single event.
- Without a publication date only expressions that name their year resolve. Durations,
  frequencies and vague words ("for years", "every Friday", "recently") resolve to None.

dateparser was compared with these rules on the case table in
tests/data/time_expressions.yaml (bench/time_resolver.py prints both scores): it reads
absolute dates well but has no notion of tense or of weeks, months and periods, so the
rules here are our own; dateparser stays in charge of full dates in page metadata
(temporal.dates).
"""

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

from newsevents.knowledge import time_words
from newsevents.temporal.dates import MONTHS, WEEKDAYS

Granularity = Literal["day", "week", "month", "quarter", "year"]
Resolution = Literal["absolute", "publication", "event"]


@dataclass(frozen=True)
class TimeInterval:
    """The days an expression may denote (inclusive), and how it was read."""

    first: dt.date
    last: dt.date
    granularity: Granularity
    resolution: Resolution
    period: bool = False  # "since October": spans a period, dates no single event

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1


# --- calendar arithmetic -------------------------------------------------------------


def month_last_day(year: int, month: int) -> dt.date:
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + n
    return index // 12, index % 12 + 1


def _month(year: int, month: int, part: str | None = None) -> tuple[dt.date, dt.date]:
    last = month_last_day(year, month)
    if part == "early":
        return dt.date(year, month, 1), dt.date(year, month, 10)
    if part == "mid":
        return dt.date(year, month, 11), dt.date(year, month, 20)
    if part == "late":
        return dt.date(year, month, 21), last
    return dt.date(year, month, 1), last


def _week_of(day: dt.date) -> tuple[dt.date, dt.date]:
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def _same_day_months_before(day: dt.date, n: int) -> dt.date:
    year, month = add_months(day.year, day.month, -n)
    return dt.date(year, month, min(day.day, month_last_day(year, month).day))


# --- tense ------------------------------------------------------------------------------


def is_future(expression: str, sentence: str) -> bool:
    """Whether the clause holding `expression` speaks of the future."""
    words = time_words()
    lowered_expr = expression.lower()
    if re.search(r"\b(next|coming|tomorrow)\b", lowered_expr):
        return True
    lowered = f" {sentence.lower()} "
    at = lowered.find(lowered_expr) if lowered_expr else -1
    if at < 0:
        return bool(words.future.search(lowered))
    start = max((lowered.rfind(b, 0, at) for b in words.clause_breaks), default=-1)
    start = 0 if start < 0 else start
    ends = [e for b in words.clause_breaks if (e := lowered.find(b, at + len(lowered_expr))) >= 0]
    end = min(ends) if ends else len(lowered)
    return bool(words.future.search(lowered[start:end]))


# --- the resolver -------------------------------------------------------------------------

_DAY = r"(?P<day>[12]?\d|3[01])(?:st|nd|rd|th)?"
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_MONTH = rf"(?P<month>{_MONTH_NAMES})\.?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_PART = r"(?:(?P<part>early|mid|late|the (?:beginning|start|end|middle) of)[\s-]+)?"

_ISO = re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<month>\d{2})-(?P<day>\d{2})\b")
_MONTH_DAY = re.compile(
    rf"\b(?:{_MONTH}\s+{_DAY}|{_DAY.replace('day>', 'day2>')}\s+(?:of\s+)?"
    rf"{_MONTH.replace('month>', 'month2>')})\b(?:,?\s+{_YEAR}\b)?",
    re.IGNORECASE,
)
_MONTH_YEAR = re.compile(rf"\b{_PART}{_MONTH}(?:,)?\s+(?:of\s+)?{_YEAR}\b", re.IGNORECASE)
_MONTH_ALONE = re.compile(
    rf"\b(?P<rel>last|this|next|this coming|past)?\s*{_PART}(?P<month>{_MONTH_NAMES})\b",
    re.IGNORECASE,
)
_QUARTER = re.compile(
    rf"\b(?P<nth>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter(?:\s+of)?\s+{_YEAR}",
    re.IGNORECASE,
)
_YEAR_ALONE = re.compile(rf"^(?:in|during|of|by|for|throughout)?\s*(?:the year\s+)?{_YEAR}$")
_NUMBER_WORD = r"(?P<n>\d+|a couple of|a couple|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)"  # noqa: E501
_UNIT = r"(?P<unit>day|week|month|year)s?"
_AGO = re.compile(rf"\b{_NUMBER_WORD}\s+(?:more\s+)?{_UNIT}\s+ago\b")
_TO_THE_DAY = re.compile(r"\s*(?:today|tonight)\b")
# A hedge ("less than two weeks after", "nearly a week later") makes a shift of weeks no
# day (`_hedged_weeks`).
_SHIFT = re.compile(
    r"\b(?P<hedge>(?:more|less) than\s+|about\s+|some\s+|nearly\s+|almost\s+)?"
    rf"{_NUMBER_WORD}\s+{_UNIT}\s+"
    r"(?P<dir>later|after|earlier|before|afterwards|on)\b"
)
_PAST_SPAN = re.compile(
    rf"\b(?:over|in|during|within|for)\s+the\s+(?:past|last|previous)\s+"
    rf"(?:{_NUMBER_WORD}\s+)?{_UNIT}\b"
)
_WEEKDAY = re.compile(
    r"\b(?P<rel>last|next|this coming|this|coming)?\s*(?P<part>early|late)?\s*"
    r"(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:'s)?\b"
)
_RELATIVE_UNIT = re.compile(
    r"\b(?P<rel>earlier this|later this|this|last|next|the previous|the past|the following|"
    r"the coming|the next|the current|early last|late last|early next|late next|"
    r"earlier in the|early this|late this)\s+(?P<unit>week|month|year)\b"
)
_WEEKEND = re.compile(
    r"\b(?:over|at|on|during)?\s*(?P<rel>the|this|last|next|this past)\s+weekend\b"
)
_EVE = re.compile(r"\b(?:on\s+)?the eve of\b")
# Words by which a sentence goes on from the event told before it.
_GOES_ON = re.compile(
    r"\b(?:later|afterwards|the (?:next|following) (?:day|week|month)|a (?:day|week) after)\b"
)
_SINCE = re.compile(r"^\s*(?:ever\s+)?since\s+(?P<rest>.+)$")
_LEADING = re.compile(r"^(?:on|in|at|during|from|by|as of|until|till|through)\s+")
# A time of day with no day of its own: "at about 3am", "around 10:30 p.m. local time",
# "0300 GMT", "shortly before dawn". It names an hour of the day the story told last.
_CLOCK_HEDGE = (
    r"(?:(?:at|about|around|approximately|roughly|shortly|just|some|nearly|before|after|by)\s+)*"
)
_CLOCK_HOUR = (
    r"(?:\d{1,2}(?:[:.]\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)|\d{1,2}[:.]\d{2}|\d{4}\s*(?:gmt|utc|hrs|hours))"
    r"(?:\s*(?:local time|gmt|utc|[a-z]{2,4}t))?"
)


def _holiday_as_day(text: str) -> str:
    """ "christmas eve last year" -> "december 24 last year": a holiday on a fixed day is
    that day (time_words.yaml holidays)."""
    for holiday, day in time_words().holidays.items():
        if holiday in text:
            text = re.sub(rf"(?:\bon )?\b{re.escape(holiday)}\b", day, text)
    return text


def resolve_expression(
    expression: str,
    sentence: str = "",
    published: dt.date | None = None,
    previous: dt.date | None = None,
    *,
    future: bool | None = None,
) -> TimeInterval | None:
    """The days `expression` denotes, read in `sentence` as of `published`.

    `previous` is the date of the event the text dated just before, the reference for
    "two days later". Returns None when the expression is not a date of one point or
    period, or when what it is relative to is unknown. The conventions are in the
    module docstring; tests/data/time_expressions.yaml shows them case by case.
    `future` overrides the tense read from the sentence (the events stage knows an
    event is expected).
    """
    text = " ".join(expression.lower().replace("’", "'").split()).strip(" ,.;:")
    if not text or text in time_words().not_dates or text.startswith(("every ", "each ")):
        return None
    text = _holiday_as_day(text)
    if future is None:
        future = is_future(expression, sentence or expression)
    since = _SINCE.match(text)
    if since:
        return _since(since["rest"], sentence, published)
    span = _past_span(text, published)
    if span is not None:
        return span
    ranged = _RANGE.match(text)
    if ranged and not (clock_time(ranged["first"]) or clock_time(ranged["last"])):
        return _range(ranged["first"], ranged["last"], published, previous, future)
    anchored = _relative_to_named_date(text, sentence, published, future)
    if anchored is not None:
        return anchored
    if _EVE.search(text):
        # "on the eve of the summit": the day before the event just told
        if previous is None:
            return None
        day = previous - dt.timedelta(days=1)
        return TimeInterval(day, day, "day", "event")
    named = _in_the_month_named(text, sentence)
    if named is not None:
        return named
    if _THAT_YEAR.search(text):  # of the event told before, or unknown
        return _in_that_year(text, previous)
    point = _point(text, published, previous, future)
    return _in_the_told_year(text, sentence, published, previous) or point


# "between Friday and Sunday", "from 3 to 5 May", "between January and September 2024".
_RANGE = re.compile(
    r"^(?:between|from)\s+(?P<first>.+?)\s+(?:and|to|until|till|through)\s+(?P<last>.+)$"
)


def _range(
    first: str, last: str, published: dt.date | None, previous: dt.date | None, future: bool
) -> TimeInterval | None:
    """Two points as a period, the smallest week, month or year that holds both: a
    total counted over it, or acts on any of its days, which no single day says (nor
    the unit, which would join it to any occurrence dated inside). The first point
    takes what the last one shares ("3 and 5 May": May; "January and September 2024":
    2024). None across years, or when either point cannot be read."""
    end = _point(last, published, previous, future)
    if end is None or end.period:
        return None
    words = last.split()
    start = None
    for cut in range(1, len(words) + 1):  # the longest shared tail first, then none
        tail = words[cut:]
        start = _point(" ".join([first, *tail]), published, previous, future)
        if start is not None and not start.period and start.first <= end.last:
            break
        start = None
    if start is None:
        return None
    resolution = end.resolution
    for unit, bounds in (
        ("week", _week_of),
        ("month", lambda d: _month(d.year, d.month)),
        ("year", lambda d: (dt.date(d.year, 1, 1), dt.date(d.year, 12, 31))),
    ):
        lo, hi = bounds(start.first)
        if end.last <= hi:
            return TimeInterval(lo, hi, unit, resolution, period=True)  # type: ignore[arg-type]
    return None


# "On 1 November that year", "in March of the same year": the year of the event told
# before, whatever the publication's.
_THAT_YEAR = re.compile(r"\b(?:of\s+)?(?:that|the same) year\b")


def _in_that_year(text: str, previous: dt.date | None) -> TimeInterval | None:
    """A yearless day or month said to be in "that year" or "the same year": in the year
    of the event told before; None without one."""
    if previous is None:
        return None
    day = _MONTH_DAY.search(text)
    if day is not None and not day["year"]:
        month = MONTHS[(day["month"] or day["month2"]).lower()]
        try:
            found = dt.date(previous.year, month, int(day["day"] or day["day2"]))
        except ValueError:
            return None
        return TimeInterval(found, found, "day", "event")
    alone = _MONTH_ALONE.search(text)
    if alone is not None and not alone["rel"]:
        first, last = _month(previous.year, MONTHS[alone["month"].lower()], alone["part"])
        return TimeInterval(first, last, "month", "event")
    return None


def _in_the_month_named(text: str, sentence: str) -> TimeInterval | None:
    """ "September 2023 - Border forces exchange fire on September 6" (a timeline's
    entry), "In March 2019, gunmen struck on March 14": a yearless day in a sentence that
    names its month with a year is in that year, not in the year nearest publication.
    None when the sentence names that month in no year or in more than one."""
    match = _MONTH_DAY.search(text)
    if match is None or match["year"]:
        return None
    month = MONTHS[(match["month"] or match["month2"]).lower()]
    years = {
        int(named["year"])
        for named in _MONTH_YEAR.finditer(sentence)
        if MONTHS[named["month"].lower()] == month
    }
    if len(years) != 1:
        return None
    try:
        day = dt.date(years.pop(), month, int(match["day"] or match["day2"]))
    except ValueError:
        return None
    return TimeInterval(day, day, "day", "absolute")


# How far after the event told before a yearless day that follows from it may lie.
_NARRATIVE_DAYS = 120


def _in_the_told_year(
    text: str, sentence: str, published: dt.date | None, previous: dt.date | None
) -> TimeInterval | None:
    """ "In February 2019, a bombing killed 40. Twelve days later, on 26 February, jets
    struck": a yearless day in a sentence that goes on from the event told before ("...
    later", "... after") is in that event's year, when that event lies in an earlier year
    than publication's; the nearest year to publication would be six years off. Without
    a publication date, a yearless day that follows the event told before is in its year
    whatever the sentence says: a timeline's "On 6 May 2025, ... On 6 July, ...", where
    nothing else gives the year."""
    match = _MONTH_DAY.search(text)
    if match is None or match["year"] or previous is None:
        return None
    if published is not None and (
        previous.year >= published.year or not _GOES_ON.search(sentence.lower())
    ):
        return None
    month = MONTHS[(match["month"] or match["month2"]).lower()]
    for year in (previous.year, previous.year + 1):
        try:
            day = dt.date(year, month, int(match["day"] or match["day2"]))
        except ValueError:
            continue
        if previous <= day <= previous + dt.timedelta(days=_NARRATIVE_DAYS):
            return TimeInterval(day, day, "day", "event")
    return None


def _point(
    text: str, published: dt.date | None, previous: dt.date | None, future: bool
) -> TimeInterval | None:
    """One point or unit of time (not a period)."""
    for rule in (_absolute, _to_event):
        found = rule(text, published, previous, future)
        if found is not None:
            return found
    if published is None:
        return None
    for relative in (
        _day_word, _ago, _weekend, _day_of_a_relative_year, _month_of_a_relative_year,
        _weekday_of_a_relative_week, _relative_unit, _quarter,
        _month_day, _weekday, _month_only,
    ):  # fmt: skip
        found = relative(text, published, previous, future)
        if found is not None:
            return found
    return None


def _absolute(
    text: str, published: dt.date | None, previous: dt.date | None, future: bool
) -> TimeInterval | None:
    """Expressions that name their year: full dates, months and quarters of a year, years."""
    iso = _ISO.search(text)
    if iso:
        try:
            day = dt.date(int(iso["year"]), int(iso["month"]), int(iso["day"]))
        except ValueError:
            return None
        return TimeInterval(day, day, "day", "absolute")
    match = _MONTH_DAY.search(text)
    if match and match["year"]:
        month = MONTHS[(match["month"] or match["month2"]).lower()]
        try:
            day = dt.date(int(match["year"]), month, int(match["day"] or match["day2"]))
        except ValueError:
            return None
        return TimeInterval(day, day, "day", "absolute")
    if match:
        return None  # a month and day without a year: relative to publication
    quarter = _QUARTER.search(text)
    if quarter:
        nth = "1234".index(quarter["nth"][0]) if quarter["nth"][0].isdigit() else (
            ("first", "second", "third", "fourth").index(quarter["nth"]))  # fmt: skip
        year = int(quarter["year"])
        first = dt.date(year, nth * 3 + 1, 1)
        return TimeInterval(first, month_last_day(year, nth * 3 + 3), "quarter", "absolute")
    month_year = _MONTH_YEAR.search(text)
    if month_year:
        month = MONTHS[month_year["month"].lower()]
        first, last = _month(int(month_year["year"]), month, _part(month_year["part"]))
        return TimeInterval(first, last, "month", "absolute")
    only_year = _YEAR_ALONE.match(text)
    if only_year:
        number = int(only_year["year"])
        return TimeInterval(dt.date(number, 1, 1), dt.date(number, 12, 31), "year", "absolute")
    return None


def names_its_day(expression: str) -> bool:
    """Whether the words name a calendar day ("January 18", "18 Jan."): such a date is
    explicit even when its year comes from the publication date."""
    return bool(_MONTH_DAY.search(expression.lower()) or _ISO.search(expression))


def _part(words: str | None) -> str | None:
    if not words:
        return None
    if words in ("early", "the beginning of", "the start of"):
        return "early"
    if words in ("mid", "the middle of"):
        return "mid"
    return "late"


def _day_word(
    text: str, published: dt.date, previous: dt.date | None, future: bool
) -> TimeInterval | None:
    words = time_words()
    bare = _LEADING.sub("", text)
    if bare == "overnight" or bare.startswith("overnight "):
        return TimeInterval(published - dt.timedelta(days=1), published, "day", "publication")
    offset = words.day_words.get(bare)
    if offset is None:
        return None
    day = published + dt.timedelta(days=offset)
    return TimeInterval(day, day, "day", "publication")


def _count(word: str) -> int:
    return int(word) if word.isdigit() else time_words().numbers[word]


def _ago(
    text: str, published: dt.date, previous: dt.date | None, future: bool
) -> TimeInterval | None:
    match = _AGO.search(text)
    if not match:
        return None
    n, unit = _count(match["n"]), match["unit"]
    if unit == "day":
        day = published - dt.timedelta(days=n)
        return TimeInterval(day, day, "day", "publication")
    if _TO_THE_DAY.match(text, match.end()):
        # "Two weeks ago today", "a year ago today": that very day, not the week or year.
        if unit == "week":
            day = published - dt.timedelta(days=7 * n)
        else:
            year, month = add_months(
                published.year, published.month, -n * (12 if unit == "year" else 1)
            )
            day = dt.date(year, month, min(published.day, month_last_day(year, month).day))
        return TimeInterval(day, day, "day", "publication")
    if unit == "week":
        return TimeInterval(*_week_of(published - dt.timedelta(days=7 * n)), "week", "publication")
    if unit == "month":
        year, month = add_months(published.year, published.month, -n)
        return TimeInterval(*_month(year, month), "month", "publication")
    year = published.year - n
    return TimeInterval(dt.date(year, 1, 1), dt.date(year, 12, 31), "year", "publication")


def _weekend(
    text: str, published: dt.date, previous: dt.date | None, future: bool
) -> TimeInterval | None:
    match = _WEEKEND.search(text)
    if not match:
        return None
    saturday_offset = (published.weekday() - 5) % 7  # days since the latest Saturday
    latest_saturday = published - dt.timedelta(days=saturday_offset)
    if match["rel"] == "next" or future:
        saturday = published + dt.timedelta(days=(5 - published.weekday()) % 7 or 7)
    elif match["rel"] == "last" or published.weekday() == 5:
        saturday = latest_saturday - dt.timedelta(days=7 if published.weekday() == 5 else 0)
        if match["rel"] == "last" and published.weekday() == 6:
            saturday -= dt.timedelta(days=7)
    else:
        saturday = latest_saturday
    return TimeInterval(saturday, saturday + dt.timedelta(days=1), "day", "publication")


def _relative_unit(
    text: str, published: dt.date, previous: dt.date | None, future: bool
) -> TimeInterval | None:
    match = _RELATIVE_UNIT.search(text)
    if not match:
        return None
    rel, unit = match["rel"], match["unit"]
    step = {"last": -1, "the previous": -1, "the past": -1, "early last": -1, "late last": -1,
            "next": 1, "the following": 1, "the coming": 1, "the next": 1,
            "early next": 1, "late next": 1}.get(rel, 0)  # fmt: skip
    if unit == "week":
        first, last = _week_of(published + dt.timedelta(days=7 * step))
        if rel in ("earlier this", "earlier in the"):
            last = published
        elif rel == "later this":
            first = published
        return TimeInterval(first, last, "week", "publication")
    if unit == "month":
        year, month = add_months(published.year, published.month, step)
        first, last = _month(year, month)
        if rel in ("earlier this", "earlier in the"):
            last = published
        elif rel == "later this":
            first = published
        return TimeInterval(first, last, "month", "publication")
    year = published.year + step
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    if rel in ("earlier this", "earlier in the", "early this"):
        first, last = first, published if rel != "early this" else dt.date(year, 4, 30)
    elif rel == "later this":
        first = published
    elif rel.startswith("early"):
        last = dt.date(year, 4, 30)
    elif rel.startswith("late"):
        first = dt.date(year, 9, 1)
    return TimeInterval(first, last, "year", "publication")


_QUARTER_RELATIVE = re.compile(
    r"\b(?:the\s+)?(?:(?P<rel>last|this|next|current|previous|coming|latest)\s+)?"
    r"(?:(?P<nth>first|second|third|fourth|1st|2nd|3rd|4th)\s+)?(?:fiscal\s+)?quarter\b"
)


def _quarter(
    text: str, published: dt.date, previous: dt.date | None, future: bool
) -> TimeInterval | None:
    """A quarter without its year: "the third quarter" is the latest one that began by
    publication (a future clause: the first that has not ended), "last quarter" the one
    before publication's, "this quarter" publication's own."""
    match = _QUARTER_RELATIVE.search(text)
    if not match or not (match["rel"] or match["nth"]):
        return None
    current = (published.month - 1) // 3
    if match["nth"]:
        nth = ("1234".index(match["nth"][0]) if match["nth"][0].isdigit()
               else ("first", "second", "third", "fourth").index(match["nth"]))  # fmt: skip
        year = published.year
        if future and nth < current:
            year += 1
        elif not future and nth > current:
            year -= 1
    else:
        step = {"last": -1, "previous": -1, "next": 1, "coming": 1}.get(match["rel"], 0)
        year, month = add_months(published.year, current * 3 + 1, 3 * step)
        nth = (month - 1) // 3
    first = dt.date(year, nth * 3 + 1, 1)
    return TimeInterval(first, month_last_day(year, nth * 3 + 3), "quarter", "publication")


def _weekday(
    text: str, published: dt.date, previous: dt.date | None, future: bool
) -> TimeInterval | None:
    match = _WEEKDAY.search(text)
    if not match:
        return None
    index = WEEKDAYS.index(match["weekday"])
    rel = match["rel"]
    back = (published.weekday() - index) % 7  # days back to the latest such weekday
    ahead = (index - published.weekday()) % 7 or 7  # days on to the next, strictly after
    if rel == "last":
        day = published - dt.timedelta(days=back or 7)
    elif rel in ("next", "this coming", "coming"):
        day = published + dt.timedelta(days=ahead)
    elif future:
        day = published + dt.timedelta(days=(index - published.weekday()) % 7)
    else:
        day = published - dt.timedelta(days=back)
    return TimeInterval(day, day, "day", "publication")


_STEP = {"last": -1, "this": 0, "next": 1}  # "last week", "this year", "next week"
_WEEKDAY_OF_RELATIVE_WEEK = re.compile(
    r"\b(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+(?:of\s+)?"
    r"(?P<rel>last|this|next) week\b"
)


def _weekday_of_a_relative_week(
    text: str, published: dt.date, previous: dt.date | None, future: bool
) -> TimeInterval | None:
    """ "Tuesday last week", "Friday of next week": that weekday in the week the words
    name, weeks running Monday to Sunday (read apart, the week lost the day)."""
    match = _WEEKDAY_OF_RELATIVE_WEEK.search(text)
    if not match:
        return None
    monday = _week_of(published)[0] + dt.timedelta(weeks=_STEP[match["rel"]])
    day = monday + dt.timedelta(days=WEEKDAYS.index(match["weekday"]))
    return TimeInterval(day, day, "day", "publication")


def _month_day(
    text: str, published: dt.date, previous: dt.date | None, future: bool
) -> TimeInterval | None:
    match = _MONTH_DAY.search(text)
    if not match or match["year"]:
        return None
    month = MONTHS[(match["month"] or match["month2"]).lower()]
    number = int(match["day"] or match["day2"])
    named = _WEEKDAY.search(text)
    if named is not None:
        # "Thursday, 8 May" (a liveblog's day heading the day after publication): the
        # weekday says which year, before tense does.
        weekday = WEEKDAYS.index(named["weekday"])
        fitting = []
        for year in (published.year - 1, published.year, published.year + 1):
            try:
                candidate = dt.date(year, month, number)
            except ValueError:
                continue
            if candidate.weekday() == weekday:
                fitting.append(candidate)
        if fitting:
            fits = min(fitting, key=lambda d: abs((d - published).days))
            return TimeInterval(fits, fits, "day", "publication")
    day = nearest_year(month, number, published, future)
    return TimeInterval(day, day, "day", "publication") if day else None


def nearest_year(month: int, day: int, published: dt.date, future: bool | None) -> dt.date | None:
    """The month-day in the year nearest `published`: never after it in a past clause,
    never before it in a future one (either, when `future` is None)."""
    options = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            options.append(dt.date(year, month, day))
        except ValueError:
            continue  # February 29 outside a leap year
    allowed = [
        d for d in options
        if future is None or (d >= published if future else d <= published)
    ]  # fmt: skip
    if not allowed:
        return None
    return min(allowed, key=lambda d: abs((d - published).days))


def _month_only(
    text: str, published: dt.date, previous: dt.date | None, future: bool
) -> TimeInterval | None:
    match = _MONTH_ALONE.search(text)
    if not match or len(match["month"]) <= 3 and match["month"] != "may":
        return None  # "Jan" alone is too often something else
    if match["month"] == "may" and not (match["rel"] or match["part"] or text.startswith("in ")):
        return None  # the verb "may"
    month, rel = MONTHS[match["month"]], match["rel"]
    if rel == "last" or rel == "past":
        year = published.year if month < published.month else published.year - 1
    elif rel in ("next", "this coming"):
        year = published.year if month > published.month else published.year + 1
    elif rel == "this":
        year = published.year
    elif future:
        year = published.year if month >= published.month else published.year + 1
    else:
        year = published.year if month <= published.month else published.year - 1
    first, last = _month(year, month, _part(match["part"]))
    return TimeInterval(first, last, "month", "publication")


_MONTH_OF_RELATIVE_YEAR = re.compile(
    rf"\b{_PART}(?P<month>{_MONTH_NAMES})\.?\s+(?:of\s+)?(?P<rel>last|this|next) year\b"
)


_RELATIVE_YEAR = r",?\s+(?:of\s+)?(?P<rel>last|this|next) year\b"


def _day_of_a_relative_year(
    text: str, published: dt.date, previous: dt.date | None, future: bool
) -> TimeInterval | None:
    """ "29 June last year", "on March 3 this year": the day, in the year the words name
    counted from P (the month alone would lose the day, the year alone the month)."""
    match = _MONTH_DAY.search(text)
    if not match or match["year"]:
        return None
    rel = re.match(_RELATIVE_YEAR, text[match.end() :])
    if not rel:
        return None
    year = published.year + _STEP[rel["rel"]]
    month = MONTHS[(match["month"] or match["month2"]).lower()]
    try:
        day = dt.date(year, month, int(match["day"] or match["day2"]))
    except ValueError:
        return None  # "February 29" of a year without one
    return TimeInterval(day, day, "day", "publication")


def _month_of_a_relative_year(
    text: str, published: dt.date, previous: dt.date | None, future: bool
) -> TimeInterval | None:
    """ "late July last year", "in March this year", "June of next year": the month of
    the year the words name, counted from P."""
    match = _MONTH_OF_RELATIVE_YEAR.search(text)
    if not match:
        return None
    year = published.year + _STEP[match["rel"]]
    first, last = _month(year, MONTHS[match["month"]], _part(match["part"]))
    return TimeInterval(first, last, "month", "publication")


def _to_event(
    text: str, published: dt.date | None, previous: dt.date | None, future: bool
) -> TimeInterval | None:
    """ "Two days later", "the next day", "a day earlier": counted from `previous`."""
    words = time_words()
    bare = _LEADING.sub("", text)
    offset = 0 if clock_time(bare) else words.event_day_words.get(bare)
    if offset is None:
        shift = _SHIFT.fullmatch(bare) or _SHIFT.fullmatch(bare.removesuffix(" that"))
        if not shift or shift["dir"] == "on" or _hedged_weeks(shift):
            return None
        n = _count(shift["n"]) * {"day": 1, "week": 7}.get(shift["unit"], 0)
        if n == 0:
            return None  # "two months later": a month shift is not a day
        offset = n if shift["dir"] in ("later", "after", "afterwards") else -n
    if previous is None:
        return None
    day = previous + dt.timedelta(days=offset)
    return TimeInterval(day, day, "day", "event")


def _hedged_weeks(shift: re.Match[str]) -> bool:
    """ "Nearly a week later", "less than two weeks after": a hedged shift of weeks is
    days off either way, no day. A hedged shift of days stays counted: "less than two
    days after" is told of the day two days before, as "two days after" is."""
    return bool(shift["hedge"]) and shift["unit"] != "day"


def clock_time(text: str) -> bool:
    """Whether the words are only a time of day: an hour ("about 3am", "10:30 p.m.
    local time", "0300 GMT") or a time-of-day noun after "the" or a hedge ("before dawn",
    "at midnight"; time_words.yaml clock_nouns)."""
    text = _LEADING.sub("", " ".join(text.lower().split()))
    return bool(_clock_pattern().fullmatch(text))


@cache
def _clock_pattern() -> re.Pattern[str]:
    """`clock_time`'s pattern, compiled once: it is read for every date word of every
    event mention."""
    nouns = "|".join(map(re.escape, sorted(time_words().clock_nouns)))
    return re.compile(_CLOCK_HEDGE + rf"(?:{_CLOCK_HOUR}|(?:the\s+)?(?:{nouns}))")


def _relative_to_named_date(
    text: str, sentence: str, published: dt.date | None, future: bool
) -> TimeInterval | None:
    """ "A day before the January 26 deadline", "on the eve of the March 3 vote": the
    reference is the date the expression names."""
    eve = _EVE.search(text)
    shift = _SHIFT.search(text)
    if not eve and not (shift and shift["dir"] in ("after", "before")):
        return None
    if not eve and shift is not None and _hedged_weeks(shift):
        return None  # "less than two weeks after the January 3 bombings": no day
    cut = (eve or shift).end()  # type: ignore[union-attr]
    rest = text[cut:].strip()
    # The named date is an event's own ("the January 26 deadline" may still be ahead):
    # its year is the nearest, whatever the tense of the clause.
    reference = _absolute(rest, published, None, future)
    named = _MONTH_DAY.search(rest)
    if reference is None and named and published is not None:
        month = MONTHS[(named["month"] or named["month2"]).lower()]
        day = int(named["day"] or named["day2"])
        near = nearest_year(month, day, published, None)
        reference = TimeInterval(near, near, "day", "publication") if near else None
    if reference is None or reference.granularity != "day":
        return None
    if eve:
        offset = -1
    else:
        assert shift is not None
        n = _count(shift["n"]) * {"day": 1, "week": 7}.get(shift["unit"], 0)
        if n == 0:
            return None
        offset = n if shift["dir"] == "after" else -n
    target = reference.first + dt.timedelta(days=offset)
    return TimeInterval(target, target, "day", "event")


def _since(rest: str, sentence: str, published: dt.date | None) -> TimeInterval | None:
    """ "since October" starts a period that runs to publication."""
    if published is None:
        return None
    start = _point(rest, published, None, future=False)
    if start is None or start.first > published:
        return None
    return TimeInterval(start.first, published, start.granularity, start.resolution, period=True)


def _past_span(text: str, published: dt.date | None) -> TimeInterval | None:
    """ "Over the past week", "in the last 10 days": a period ending at publication."""
    match = _PAST_SPAN.search(text)
    if not match:
        return None
    if published is None:
        return None
    n = _count(match["n"]) if match["n"] else 1
    unit = match["unit"]
    if unit == "day":
        first = published - dt.timedelta(days=n)
    elif unit == "week":
        first = published - dt.timedelta(days=7 * n)
    elif unit == "month":
        first = _same_day_months_before(published, n)
    else:
        first = _same_day_months_before(published, 12 * n)
    granularity: Granularity = unit  # type: ignore[assignment]
    if unit == "month" and n % 12 == 0:
        granularity = "year"  # "the past 12 months" is a year back
    return TimeInterval(first, published, granularity, "publication", period=True)


# --- finding expressions in a text --------------------------------------------------------


@dataclass(frozen=True)
class TimeMention:
    """A time expression found in a text: its words and where they are."""

    text: str
    start: int
    end: int


_DAY_WORDS = (
    r"today|tonight|(?:early )?this (?:morning|afternoon|evening)|(?:earlier|later|early) today|"
    r"earlier in the day|(?:the day before |late |early |earlier )?yesterday"
    r"(?: (?:morning|afternoon|evening))?|(?:late )?last night|overnight|tomorrow"
)
# Every expression starts a word: the leading \b lets the engine skip the positions inside
# words (most of a text) without trying each alternative there; 3x faster, same matches
# on every text of seeds/ and the eval sets.
_IN_RELATIVE_YEAR = r",?\s+(?:of\s+)?(?:last|this|next) year\b"  # "June 29 last year"
_FIND = re.compile(
    r"\b(?:"
    + "|".join(
        [
            r"(?:(?:more|less) than |about |nearly |almost )?"
            + _NUMBER_WORD.replace("?P<n>", "?:")
            + r"\s+"
            r"(?:day|week|month|year)s?\s+(?:ago|later|earlier|after|before)"
            rf"(?:\s+(?:the\s+)?(?:{_MONTH_NAMES})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b)?",
            rf"(?:on\s+)?the eve of(?:\s+the)?\s+(?:{_MONTH_NAMES})\.?\s+\d{{1,2}}\b",
            r"(?:ever\s+)?since\s+(?:(?:last|early|late|mid)\s+)?(?:"
            + _MONTH_NAMES
            + r")\.?(?:\s+\d{1,2}(?:st|nd|rd|th)?)?(?:,?\s+(?:19|20)\d{2})?",
            r"since\s+(?:19|20)\d{2}",
            r"(?:over|in|during|within)\s+the\s+(?:past|last|previous)\s+(?:\w+\s+)?(?:days?|weeks?|months?|years?)",
            r"(?:19|20)\d{2}-\d{2}-\d{2}",
            rf"(?:(?:early|mid|late)[\s-]+)?(?:{_MONTH_NAMES})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b"
            rf"(?:,?\s+(?:19|20)\d{{2}}|{_IN_RELATIVE_YEAR})?",
            rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH_NAMES})\b\.?"
            rf"(?:,?\s+(?:19|20)\d{{2}}|{_IN_RELATIVE_YEAR})?",
            rf"(?:(?:early|mid|late)[\s-]+|(?:last|next|this)\s+)?(?:{_MONTH_NAMES})\.?,?\s+(?:of\s+)?(?:19|20)\d{{2}}",
            r"(?:(?:last|next|this coming|this)\s+)?(?:(?:early|late)\s+)?"
            r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:'s)?"
            r"(?:\s+(?:morning|afternoon|evening|night))?"
            r"(?:\s+(?:of\s+)?(?:last|this|next) week\b)?",  # "Tuesday last week"
            _DAY_WORDS,
            r"(?:over|at|during)\s+the\s+weekend|(?:this|last|next)\s+weekend",
            r"(?:earlier this|later this|this|last|next|early last|late last)"
            r"\s+(?:week|month|year)",
            r"(?:the\s+)?(?:first|second|third|fourth)\s+quarter\s+of\s+(?:19|20)\d{2}",
            r"(?:(?:last|next|this)\s+)?(?:(?:early|mid|late)[\s-]+)?"
            r"(?:january|february|march|april|june|july|august|september|october|november|december)",
            r"(?:in|since|during|by)\s+(?:19|20)\d{2}",
        ]
    )
    + ")",
    re.IGNORECASE,
)


_ABBREVIATED_MONTHS = frozenset(
    m for m in MONTHS if len(m) <= 4 and m not in ("may", "june", "july")
)


def find_expressions(text: str) -> list[TimeMention]:
    """The time expressions of `text`, longest first where they overlap, in text order."""
    found = []
    for match in _FIND.finditer(text):
        words = match.group()
        last_word = words.rstrip().rsplit(None, 1)[-1].rstrip(".").lower()
        if words.endswith(".") and last_word not in _ABBREVIATED_MONTHS:
            words = words[:-1]  # "since October." ends a sentence; "Oct." keeps it
        start = match.start() + len(words) - len(words.lstrip())
        words = words.strip()
        if words:
            found.append(TimeMention(words, start, start + len(words)))
    return found


@dataclass(frozen=True)
class ResolvedMention:
    """A time expression of a text with what it means (None: not resolvable)."""

    mention: TimeMention
    sentence: str
    interval: TimeInterval | None


# A sentence ends at a stop before a capital or a digit, but not at an abbreviated
# month's ("on the night of Dec. 24 killed ...").
_NOT_AFTER_MONTH = "".join(f"(?<!\\b{m.capitalize()}\\.)" for m in sorted(_ABBREVIATED_MONTHS))
SENTENCE_BREAK = re.compile(rf"{_NOT_AFTER_MONTH}(?<=[.!?])[\"”’']?\s+(?=[\"“‘']?[A-Z0-9])|\n+")


def normalize_text(text: str, published: dt.date | None) -> list[ResolvedMention]:
    """Every time expression of `text` with its interval, in one pass: each is read in
    its sentence against the publication date, and "two days later" against the last
    single day resolved before it."""
    resolved = []
    previous: dt.date | None = None
    offset = 0
    for sentence in SENTENCE_BREAK.split(text):
        start = text.find(sentence, offset)
        offset = start + len(sentence)
        for local in find_expressions(sentence):
            mention = TimeMention(local.text, start + local.start, start + local.end)
            interval = resolve_expression(mention.text, sentence, published, previous)
            resolved.append(ResolvedMention(mention, sentence, interval))
            if interval is not None and interval.days == 1 and not interval.period:
                previous = interval.first
    return resolved
