"""Dates from known incidents (knowledge/incidents.yaml): the last resort.

Some articles date an event only by weekday and carry no publication date to count
back from ("Pakistan on Thursday said it struck hideouts in Iran ... Iran summoned
Pakistan's envoy on Thursday"), or only by month ("killed 11 police in December").
When the event's type, actors and places fit an incident of the calendar and its
date words fit that incident's date (the same weekday; a day inside the month or
week), the event takes the incident's date. This is the world knowledge a human
coder uses to resolve such dates; the text always wins: an event the text dates to a
day is never changed, an event that fits two incidents on different days stays as
the text dates it, and without a publication date one fitting event is not enough
(see `calendar_dates`).
"""

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Protocol

from newsevents.knowledge import KnownIncident, actors, known_incidents
from newsevents.temporal.timex import WEEKDAYS, date_span
from newsevents.textutil import whole_words

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


@dataclass(frozen=True)
class Fit:
    """A listed incident an event fits: its day, the date words that fit it, and
    whether the event's own actors and places matched (`strong`) or only its places,
    for an event whose actor the text leaves unsaid ("the envoy was summoned")."""

    incident: str
    date: dt.date
    words: str
    strong: bool
    named: bool  # the event's sentences name the incident ("Operation Marg Bar Sarmachar")


def calendar_dates(
    events: Sequence[Dated],
    index: Regions,
    sentences: Sequence[Iterable[str]],
    published: dt.date | None,
    text: str = "",
) -> dict[int, tuple[dt.date, str]]:
    """The day the calendar gives each event it dates (by position in `events`), with
    the date words that fit it.

    The calendar is the last resort: an event the text dates to a day is never
    changed, and an incident the article itself dates for another of its events is
    not this one (the text told them apart). Without a publication date a weekday fits
    one day in every week of every year, so one fitting event is not enough: a new
    strike in the same district on the same weekday would take the listed one's day.
    Then the story must be a listed episode: another of the article's events fits
    another listed incident within a week, or the text names a listed incident of the
    month before ("in response to the Pahalgam attack"), or names this one, or names
    the day itself ("on January 18": only the year comes from the calendar).
    """
    told: set[tuple[str, dt.date | None]] = {
        (e.type, e.date) for e in events if e.date and e.precision == "day"
    }
    fits: dict[int, Fit] = {}
    corroborating: list[Fit] = []
    for number, (event, words) in enumerate(zip(events, sentences, strict=True)):
        found = _fit(event, index, list(words), published, told)
        if found is not None and found.strong:
            fits[number] = found
        elif found is not None:
            corroborating.append(found)
    if published is None and fits:
        fitted = [*fits.values(), *corroborating]
        lowered = text.lower()
        named = [i.date for i in known_incidents() if i.aliases and _names(lowered, i.aliases)]
        fits = {
            n: f for n, f in fits.items()
            if f.named or any(c.isdigit() for c in f.words)
            or any(o.incident != f.incident and abs((o.date - f.date).days) <= 7 for o in fitted)
            or any(0 <= (f.date - day).days <= 31 for day in named)
        }  # fmt: skip
    return {n: (f.date, f.words) for n, f in fits.items()}


def _fit(
    event: Dated,
    index: Regions,
    sentences: list[str],
    published: dt.date | None,
    told: set[tuple[str, dt.date | None]],
) -> Fit | None:
    """The one known incident this event is, or None (none fits, or two on different
    days)."""
    if event.date is not None and event.precision == "day":
        return None
    text = " ".join(sentences).lower()
    who = index.regions(event.actors)
    where = index.regions(event.locations + event.targets)
    fits: dict[dt.date, Fit] = {}
    for incident in _incidents_of_type(known_incidents()).get(event.type, ()):
        if published and incident.date > published:
            continue
        if (incident.type, incident.date) in told:
            continue  # the article dates that incident itself, as another event
        # Who acted, and where or against whom, must both overlap the incident's (names,
        # and the countries places lie in), and the shared place or target must be finer
        # than a country: "Pakistan struck Afghanistan on Monday" or "Russia struck Ukraine
        # in March" fit too many days to pick one. Or the text names the incident.
        # Cheap set tests first: this runs for every event against every incident.
        touched = where & (incident.places | incident.targets)
        named = bool((who or where) and _names(text, incident.aliases))
        strong = bool(who & incident.actors and touched - _countries()) or named
        # A corroborating fit may share only a country, or leave its actor unsaid.
        if not strong and not (touched and (not who or who & incident.actors)):
            continue
        words = _date_words_fit(incident.date, event, text)
        if words is not None:
            fits.setdefault(incident.date, Fit(incident.name, incident.date, words, strong, named))
    return next(iter(fits.values())) if len(fits) == 1 else None


def _names(text: str, aliases: tuple[str, ...]) -> bool:
    # The substring test first: it runs for every event against every incident, and
    # most aliases are nowhere in the text (a regex search per alias cost more than
    # the rest of the events stage).
    return any(a in text and whole_words(a).search(text) for a in aliases)


_BY_TYPE: dict[int, tuple[tuple[KnownIncident, ...], dict[str, tuple[KnownIncident, ...]]]] = {}


def _incidents_of_type(
    incidents: tuple[KnownIncident, ...],
) -> dict[str, tuple[KnownIncident, ...]]:
    """The calendar by PLOVER type: an event is compared only with incidents of its type.
    Indexed once per calendar (the cached tuple `known_incidents` returns)."""
    kept = _BY_TYPE.get(id(incidents))
    if kept is not None and kept[0] is incidents:
        return kept[1]
    by_type: dict[str, list[KnownIncident]] = {}
    for incident in incidents:
        by_type.setdefault(incident.type, []).append(incident)
    index = {kind: tuple(found) for kind, found in by_type.items()}
    _BY_TYPE.clear()  # one calendar at a time
    _BY_TYPE[id(incidents)] = (incidents, index)
    return index


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
    return f"{month} {date.day}" if days else month
