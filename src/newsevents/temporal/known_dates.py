"""Dates from known incidents (knowledge/incidents.yaml).

Some articles date an event only by weekday and carry no publication date to count
back from ("Pakistan on Thursday said it struck hideouts in Iran", dev 09_ifpnews),
or only by month ("killed 11 police in December", seed 004). When the event's type,
actors and places fit an incident of the calendar and its date words fit that
incident's date (the same weekday; a day inside the month or week), the event takes
the incident's date. This is the world knowledge a human coder uses to resolve such
dates; the text always wins: an event the text dates to a day is never changed, and
an event that fits two incidents on different days stays as the text dates it.
"""

import datetime as dt
import re
from collections.abc import Iterable
from functools import cache
from typing import Protocol

from newsevents.knowledge import actors, known_incidents
from newsevents.temporal.timex import WEEKDAYS, date_span

MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august",
               "september", "october", "november", "december")  # fmt: skip


class Regions(Protocol):
    def regions(self, entity_ids: list[str]) -> set[str]: ...


class Dated(Protocol):
    type: str
    actors: list[str]
    targets: list[str]
    locations: list[str]
    date: dt.date | None
    precision: str | None


def known_date(
    event: Dated, index: Regions, sentences: Iterable[str], published: dt.date | None
) -> tuple[dt.date, str] | None:
    """The date of the one known incident this event is, with the date words that fit
    it (a weekday or month name, or the text's own coarser date), or None."""
    if event.date is not None and event.precision == "day":
        return None
    text = " ".join(sentences).lower()
    who = index.regions(event.actors)
    where = index.regions(event.locations + event.targets)
    fits: dict[dt.date, str] = {}
    for incident in known_incidents():
        if incident.type != event.type or (published and incident.date > published):
            continue
        # Who acted, and where or against whom, must both overlap the incident's (names,
        # and the countries places lie in), and the shared place or target must be finer
        # than a country: "Pakistan struck Afghanistan on Monday" or "Russia struck Ukraine
        # in March" fit too many days to pick one. Or the text names the incident.
        # Cheap set tests first: this runs for every event against every incident.
        shared = (where & (incident.places | incident.targets)) - _countries()
        if not (who & incident.actors and shared) and not (
            (who or where) and _names(text, incident.aliases)
        ):
            continue
        words = _date_words_fit(incident.date, event, text)
        if words is not None:
            fits.setdefault(incident.date, words)
    return next(iter(fits.items())) if len(fits) == 1 else None


def _names(text: str, aliases: tuple[str, ...]) -> bool:
    return any(re.search(rf"\b{re.escape(a)}\b", text) for a in aliases)


@cache
def _countries() -> frozenset[str]:
    return frozenset(a.name for a in actors() if a.type == "COUNTRY")


def _date_words_fit(date: dt.date, event: Dated, text: str) -> str | None:
    if event.date is not None:  # week, month or year precision: the day must lie inside
        first, last = date_span(event.date, event.precision)
        return "" if first <= date <= last else None
    weekday = WEEKDAYS[date.weekday()]
    if re.search(rf"\b{weekday}\b", text):
        return weekday
    month = MONTH_NAMES[date.month - 1]
    if not re.search(rf"\b{month}\b", text):
        return None
    years = {int(y) for y in re.findall(r"\b(?:19|20)\d{2}\b", text)}
    # "On January 20, Pakistan struck ..." names its own day: it must be the incident's.
    days = {
        int(d)
        for d in re.findall(rf"\b{month}\s+(\d{{1,2}})\b", text)
        + re.findall(rf"\b(\d{{1,2}})\s+{month}\b", text)
    }
    if (years and date.year not in years) or (days and date.day not in days):
        return None
    return month
