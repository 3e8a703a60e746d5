"""Resolve the date words an event is reported with to an absolute date.

Relative expressions are read against the publication date ("on Tuesday" is the
latest Tuesday on or before it; for an expected event, the next one on or after
it), or against the previous dated event ("two days later"). Without a
publication date only a fully absolute date resolves: a date is never invented.
"""

import datetime as dt
import re
from dataclasses import dataclass

from newsevents.temporal.dates import MONTHS, dates_in_text

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10}  # fmt: skip
_SHIFT = re.compile(
    r"\b(?P<n>\d+|a|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?P<unit>day|week)s?\s+"
    r"(?P<dir>later|after|earlier|before|ago)\b"
)
TODAY = re.compile(r"\b(today|tonight|this (morning|afternoon|evening)|earlier in the day)\b")
_YESTERDAY = re.compile(r"\b(yesterday|last night)\b")
_MONTH_ONLY = re.compile(r"\b(?:in|since|during|last|early|late|mid)?\s*(?P<month>[a-z]+)\b")


@dataclass(frozen=True)
class Resolved:
    date: dt.date
    precision: str  # day, week, month, year


def resolve(
    text: str,
    *,
    published: dt.date | None,
    previous: dt.date | None = None,
    future: bool = False,
) -> Resolved | None:
    """The absolute date of a date expression, or None when it cannot be known."""
    lowered = text.lower().strip()
    if lowered.startswith("since "):
        return None  # "since November" starts a period; it does not date one event
    if published is None:
        return _absolute_with_year(text)
    named = dates_in_text(text, reference=published + dt.timedelta(days=365 if future else 0))
    if named:
        return Resolved(named[0].date, "day")
    if TODAY.search(lowered):
        return Resolved(published, "day")
    if _YESTERDAY.search(lowered):
        return Resolved(published - dt.timedelta(days=1), "day")
    shift = _SHIFT.search(lowered)
    if shift:
        n = int(shift["n"]) if shift["n"].isdigit() else _NUMBERS[shift["n"]]
        days = n * (7 if shift["unit"] == "week" else 1)
        if shift["dir"] == "ago":
            return Resolved(published - dt.timedelta(days=days), "day")
        if previous is None:
            return None
        sign = 1 if shift["dir"] in ("later", "after") else -1
        return Resolved(previous + dt.timedelta(days=sign * days), "day")
    for index, day in enumerate(WEEKDAYS):
        if re.search(rf"\b{day}\b", lowered):
            if future:
                return Resolved(
                    published + dt.timedelta(days=(index - published.weekday()) % 7), "day"
                )
            return Resolved(published - dt.timedelta(days=(published.weekday() - index) % 7), "day")
    week_start = published - dt.timedelta(days=published.weekday())
    if "last week" in lowered or "previous week" in lowered:
        return Resolved(week_start - dt.timedelta(days=7), "week")
    if "this week" in lowered:
        return Resolved(week_start, "week")
    if re.search(r"\b(this|earlier this|last|previous) month\b", lowered):
        month = published.replace(day=1)
        if "this" not in lowered:
            month = (month - dt.timedelta(days=1)).replace(day=1)
        return Resolved(month, "month")
    for match in _MONTH_ONLY.finditer(lowered):
        number = MONTHS.get(match["month"])
        if number and len(match["month"]) > 3:
            guess = published.year if number <= published.month else published.year - 1
            explicit = re.search(r"\b(19|20)\d{2}\b", lowered)
            return Resolved(
                dt.date(int(explicit.group()) if explicit else guess, number, 1), "month"
            )
    only_year = re.fullmatch(r"(?:in\s+)?((?:19|20)\d{2})", lowered)
    if only_year:
        return Resolved(dt.date(int(only_year.group(1)), 1, 1), "year")
    return None


def _absolute_with_year(text: str) -> Resolved | None:
    """Without a publication date, only 'January 16, 2024' is knowable."""
    for mention in dates_in_text(text, reference=dt.date(2000, 1, 1)):
        if re.search(r"\b(19|20)\d{2}\b", text[mention.start : mention.end]):
            return Resolved(mention.date, "day")
    return None


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
