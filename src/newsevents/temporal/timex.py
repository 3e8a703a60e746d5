"""Event dates as the events stage stores them: one day and a precision.

The meaning of the words is `expressions.resolve_expression`'s; this module only
narrows its interval to the (date, precision) pair an event carries until events
carry intervals. A period ("since October") or a span of days that is not a calendar
unit ("overnight", "over the weekend") dates no single event here.
"""

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from newsevents.temporal.expressions import (
    WEEKDAYS,
    TimeInterval,
    names_its_day,
    resolve_expression,
)

__all__ = ["TODAY", "WEEKDAYS", "Resolved", "date_span", "first_resolved", "resolve"]

TODAY = re.compile(r"\b(today|tonight|this (morning|afternoon|evening)|earlier in the day)\b")


@dataclass(frozen=True)
class Resolved:
    date: dt.date
    precision: str  # day, week, month, year
    # "explicit" when the words name the day, month or year themselves ("January 18",
    # "in March 2024"); "relative" when they count from the publication date or from
    # another event ("on Tuesday", "two days later").
    source: str = "relative"


def resolve(
    text: str,
    *,
    published: dt.date | None,
    previous: dt.date | None = None,
    future: bool = False,
    sentence: str = "",
) -> Resolved | None:
    """The event date of a date expression, or None when it cannot be known."""
    interval = resolve_expression(text, sentence, published, previous, future=future)
    if interval is None:
        return None
    explicit = interval.resolution == "absolute" or names_its_day(text)
    return as_event_date(interval, "explicit" if explicit else "relative")


def first_resolved(
    ents: Iterable[Any], published: dt.date | None, sentence: str
) -> tuple[Any, Resolved] | None:
    """The first of these date expressions that resolves, with its date."""
    for ent in ents:
        resolved = resolve(ent.text, published=published, sentence=sentence)
        if resolved:
            return ent, resolved
    return None


def as_event_date(interval: TimeInterval, source: str = "relative") -> Resolved | None:
    if interval.period:
        return None
    if interval.granularity == "day":
        return Resolved(interval.first, "day", source) if interval.days == 1 else None
    if interval.granularity == "week":
        return Resolved(interval.first, "week", source)
    if interval.granularity == "month":
        return Resolved(interval.first.replace(day=1), "month", source)
    if interval.granularity == "year":
        return Resolved(interval.first.replace(month=1, day=1), "year", source)
    return None  # a quarter: events carry no such precision


def date_span(date: dt.date, precision: str | None) -> tuple[dt.date, dt.date]:
    """The days a date of this precision covers (first, last)."""
    if precision == "week":
        return date, date + dt.timedelta(days=6)
    if precision == "month":
        following = (date.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return date, following - dt.timedelta(days=1)
    if precision == "year":
        return date, date.replace(month=12, day=31)
    return date, date
