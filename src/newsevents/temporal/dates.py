"""Date parsing shared by the stages: date lines, metadata values, dates named in text.

dateparser is always called with `languages=["en"]`: without it the first miss
loads every locale and slows every later parse. Only its absolute parsers run, with
a fixed base: "yesterday", "2 days ago" or a Unix timestamp (read in the machine's
time zone) would make the output depend on the day and place of the build.
"""

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from newsevents.knowledge import boilerplate, time_words
from newsevents.limits import EARLIEST_DATE, LATEST_DATE

# Ages ("7-year-old", "11-month-old") look like dates and numbers to spaCy; they are
# neither event dates nor casualty figures.
AGE = re.compile(r"\d+-(year|month|week|day)s?-old|\byears? old\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(19|20)\d{2}\b")
_TIME = re.compile(
    r"\b\d{1,2}:\d{2}(:\d{2})?\s*([AaPp]\.?[Mm]\.?)?\b"
    r"(\s*(PKT|IST|GMT|UTC|PST|EST|EDT|CET|CEST|EAT|WAT|CAT|BST)([+-]\d{1,2}(:?\d{2})?)?)?"
)
# A page's note of how recently it changed, after the date: "Updated 4 hours ago".
_RECENTLY = re.compile(r"\s+(?:updated|modified)\s+\d+\s+\w+\s+ago$", re.IGNORECASE)
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_STRICT = {
    "REQUIRE_PARTS": ["day", "month", "year"],
    "STRICT_PARSING": True,
    "PARSERS": ["custom-formats", "absolute-time"],
    "RELATIVE_BASE": dt.datetime(2000, 1, 1),
}

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}  # fmt: skip
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
# "January 16", "Jan. 18, 2024", "16 January", "16 Jan 2024"; a day must be 1-31.
_DAY = r"(?P<day>[12]?\d|3[01])(?:st|nd|rd|th)?"
_DAY_FIRST = _DAY.replace("day>", "day2>") + r"\s+" + _MONTH.replace("month>", "month2>")
_MONTH_DAY = re.compile(
    rf"\b(?:{_MONTH}\s+{_DAY}|{_DAY_FIRST})\b(?:,?\s+(?P<year>(?:19|20)\d{{2}}))?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DateLine:
    """A line that is only a (labelled) date, such as 'Published On: Jan 29, 2024'."""

    kind: Literal["published", "updated"]
    date: dt.date


@lru_cache(maxsize=4096)
def parse_full_date(text: str) -> dt.date | None:
    """A date with day, month and year, or None; impossible dates (Feb 30) give None.

    Remembered: dateparser takes a millisecond, and an article's date line is read
    twice (the clean stage removes it, the metadata stage dates the article by it)."""
    import dateparser  # heavy: imported on first use so `--help` stays instant

    text = text.strip()
    if _ISO_DATE.match(text):
        # The whole value must be ISO 8601: "2024-01-19T25:61:99Z" or "2024-01-111" is
        # not a date with noise after it.
        if text[10:11] not in ("", " ", "T"):
            return None  # "2024-01-111...": digits run on past the day
        try:
            return dt.datetime.fromisoformat(text).date()
        except ValueError:
            pass  # "2024-01-22 10:00:00 UTC": dateparser below reads the whole value
    parsed = dateparser.parse(text, languages=["en"], settings=_STRICT)  # type: ignore[arg-type]
    return parsed.date() if parsed else None


def load_date_parser() -> None:
    """dateparser's one-time work done now: its import, its English data and its
    time-zone expressions, 0.4 s on the first date parsed. The pool's fork server runs
    this (workers.load_once), so a worker's first article does not pay it."""
    parse_full_date.__wrapped__("Monday, 29 January 2024 10:00 GMT")


def parse_date_line(line: str) -> DateLine | None:
    """Recognize a line that holds nothing but a date, optionally labelled and timed."""
    rules = boilerplate()
    line = " ".join(_TEMPLATE.sub(" ", line).split())
    parts = _CREDIT_SEPARATOR.split(line)
    if len(parts) > 1 and all(_YEAR.search(part) for part in parts):
        # "Published 08:10 GMT, 15 November 2022 | Updated 14:32 GMT, 15 November 2022":
        # a date line each; the first published one is the line's.
        lines = [parse_date_line(part) for part in parts]
        if all(lines):
            dated = [d for d in lines if d is not None]
            return next((d for d in dated if d.kind == "published"), dated[0])
    if len(line) > rules.date_line_max_chars or not _YEAR.search(line):
        return None
    if len(parts) > 1 and not any(_YEAR.search(part) for part in parts[:-1]):
        # "TNN / Updated: Jan 7, 2025, 06:12 IST", "By Staff Reporter | Published: March
        # 3, 2024": a credit, then the date line.
        return parse_date_line(parts[-1])
    kind: Literal["published", "updated"] = "published"
    lowered = line.lower()
    for label_kind, labels in rules.date_labels.items():
        label = next((lb for lb in labels if lowered.startswith(lb)), None)
        if label:
            kind = "updated" if label_kind == "updated" else "published"
            line = line[len(label) :].lstrip(" :-–—")
            break
    else:
        credited = _CREDITED_DATE.fullmatch(line)
        if credited:
            line = credited["date"]  # "(Some Outlet / Some Agency - 4th Feb, 2022)"
    # "Published Nov 6, 2024 3:12 PM by The Maritime Executive": the byline after it.
    line = _BYLINE_AFTER.sub("", line)
    remainder = _TIME.sub(" ", _RECENTLY.sub("", line)).replace("|", " ").strip(" ,-–—")
    remainder = _COUNTERS.sub("", remainder) or remainder
    # "Thursday, 23 January 2025 (Tir 15, 2017 E.C.)", "(14 Rajab 1445 AH)": the same
    # day in another calendar, in brackets after it.
    remainder = _OTHER_CALENDAR.sub("", remainder).strip(" ,-–—") or remainder
    # "14 September 2022, 07:45 (Yerevan time, GMT+4)": the clock's zone, in brackets.
    remainder = _ZONE_NOTE.sub("", remainder).strip(" ,-–—") or remainder
    if not remainder or re.search(r"[a-z]{3,}", remainder.lower()) and not _has_month(remainder):
        return None
    numeric = _NUMERIC_DATE.fullmatch(remainder)
    if (
        numeric
        and int(numeric["a"]) <= 12
        and int(numeric["b"]) <= 12
        and numeric["a"] != numeric["b"]
    ):
        return None  # "12/03/2021": day and month order unknowable
    date = parse_full_date(remainder)
    return DateLine(kind, date) if date and in_window(date) else None


# A live blog entry's time, alone on its line or opening it: "19.30 BST", "10:12 p.m.",
# "14:05 (GMT)" (the clean stage and the HTML reader read entries by it).
ENTRY_CLOCK = r"\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:\(?[A-Z]{2,4}\)?)?"
# A clock time in a liveblog's entry stamp: "22.20 BST", "14:05".
_STAMP_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\b")


def entry_stamp(line: str) -> dt.date | None:
    """The day of a liveblog entry's stamp, a line that is only a day and a clock time
    with no label ("Tue 1 Oct 2024 22.20 BST", "1 October 2024 14:05"); None for any
    other line ("Updated 8 May 2025, 09:05 GMT" is the page's)."""
    line = " ".join(line.split())
    if not _STAMP_CLOCK.search(line) or not line[:1].isalnum():
        return None
    lowered = line.lower()
    if any(
        lowered.startswith(lb) for labels in boilerplate().date_labels.values() for lb in labels
    ):
        return None
    dated = parse_date_line(line)
    return dated.date if dated is not None and dated.kind == "published" else None


def entry_stamps(lines: list[str]) -> list[int]:
    """The indices of the lines that are liveblog entry stamps: only where two or more
    are (one dated line is the page's date line)."""
    found = [i for i, line in enumerate(lines) if entry_stamp(line) is not None]
    return found if len(found) >= 2 else []


def ambiguous_date_line(line: str) -> tuple[dt.date, dt.date] | None:
    """The two readings of a date line whose day and month order is unknowable
    ("05/12/2025", "Published: 03/04/2024 - 10:15"): (day first, month first), or None
    for any other line."""
    line = " ".join(line.split())
    if len(line) > boilerplate().date_line_max_chars:
        return None
    lowered = line.lower()
    for labels in boilerplate().date_labels.values():
        label = next((lb for lb in labels if lowered.startswith(lb)), None)
        if label:
            line = line[len(label) :].lstrip(" :-–—")
            break
    remainder = _TIME.sub(" ", _RECENTLY.sub("", line)).replace("|", " ").strip(" ,-–—")
    # "Thursday, 23 January 2025 (Tir 15, 2017 E.C.)", "(14 Rajab 1445 AH)": the same
    # day in another calendar, in brackets after it.
    remainder = _OTHER_CALENDAR.sub("", remainder).strip(" ,-–—") or remainder
    numeric = _NUMERIC_DATE.fullmatch(remainder)
    if numeric is None or numeric["a"] == numeric["b"]:
        return None
    a, b, year = int(numeric["a"]), int(numeric["b"]), int(remainder[-4:])
    if a > 12 or b > 12:
        return None
    readings = (dt.date(year, b, a), dt.date(year, a, b))
    return readings if all(in_window(d) for d in readings) else None


# A credit line ending in its date: "(Some Outlet / Some Agency - 4th Feb, 2022)".
_CREDITED_DATE = re.compile(r"\(?(?P<credit>[^()\d]{2,60}?)\s[-–—]\s(?P<date>[^()]+?)\)?")
# What separates a credit from the date line it shares a line with.
_CREDIT_SEPARATOR = re.compile(r"\s+[|/·•]\s+")
# What a saved page's widgets leave on its date line: a template placeholder the page's
# script never filled ("{{hitsCtrl.values.hits}}"), and the comment or view counts
# after the date ("10 May 2022 02:15 pm - 6 -").
_TEMPLATE = re.compile(r"\{\{[^{}]*\}\}")
_COUNTERS = re.compile(r"(?<=\d{4})(?:\s+[-–—]\s*\d{1,6})+\s*[-–—]?$")
_BYLINE_AFTER = re.compile(r"(?<=[\dMT])\s+by\s+[A-Z][^\d]*$")
# A bracketed remainder after a full date: the day in another calendar.
_OTHER_CALENDAR = re.compile(r"(?<=\d)\s*[(\[][^()\[\]]*\d[^()\[\]]*[)\]]$")
_ZONE_NOTE = re.compile(r"\s*[(\[][^()\[\]]*\b(?:time|GMT|UTC)\b[^()\[\]]*[)\]]$", re.IGNORECASE)
_NUMERIC_DATE = re.compile(r"(?P<a>\d{1,2})[/.-](?P<b>\d{1,2})[/.-](?:19|20)\d{2}")


class DateOutOfRange(ValueError):
    """A real calendar date outside the supported window (limits.EARLIEST/LATEST_DATE)."""


def parse_date_value(value: str) -> dt.date:
    """Parse a metadata date ('2024-01-19', '2024-01-19T10:00:00Z', 'Jan 19, 2024').

    Raises ValueError naming the value when it is not a real calendar date, and
    DateOutOfRange when it is one outside the supported window.
    """
    date = parse_full_date(value[:200])
    if date is None:
        raise ValueError(f"{value[:200]!r} is not a real calendar date")
    if not in_window(date):
        raise DateOutOfRange(
            f"{date.isoformat()} is outside the supported window "
            f"{EARLIEST_DATE.isoformat()} to {LATEST_DATE.isoformat()}"
        )
    return date


def in_window(date: dt.date) -> bool:
    return EARLIEST_DATE <= date <= LATEST_DATE


@dataclass(frozen=True)
class DateMention:
    """A calendar date named in running text ('January 16'), resolved to a year."""

    date: dt.date
    start: int
    end: int
    has_year: bool = False  # the text wrote the year ("January 16, 2024")


def dates_in_text(text: str, *, reference: dt.date) -> list[DateMention]:
    """Month-day dates named in `text`, with a missing year taken from `reference`.

    A yearless date more than a week after the reference is read as last year's
    ("in December" written in January means the December before).
    """
    found = []
    for m in _MONTH_DAY.finditer(text):
        month = MONTHS[(m.group("month") or m.group("month2")).lower()]
        day = int(m.group("day") or m.group("day2"))
        year = int(m.group("year")) if m.group("year") else reference.year
        try:
            date = dt.date(year, month, day)
            if not m.group("year") and date > reference + dt.timedelta(days=7):
                date = dt.date(year - 1, month, day)
        except ValueError:
            continue
        found.append(DateMention(date, m.start(), m.end(), bool(m.group("year"))))
    return found


def _has_month(text: str) -> bool:
    return any(word.strip(".,").lower() in MONTHS for word in text.split())


# Dates news sites put in article URLs: /2024/01/18/, /2024/jan/18/ (theguardian.com),
# -2024-01-18, /20240118/, /18-Jan-2024/ (en.dailypakistan.com.pk). Year first or a
# month name: never a bare "01-02-2024", whose day and month order is unknowable.
_URL_DATES = (
    re.compile(r"/(?P<year>20\d{2})/(?P<month>\d{1,2}|[A-Za-z]{3,9})/(?P<day>\d{1,2})(?=/|$)"),
    re.compile(r"[/_-](?P<year>20\d{2})-(?P<month>\d{2})-(?P<day>\d{2})(?=[/_.-]|$)"),
    re.compile(r"/(?P<year>20\d{2})(?P<month>\d{2})(?P<day>\d{2})(?=/)"),
    re.compile(r"[/_-](?P<day>\d{1,2})-(?P<month>[A-Za-z]{3,9})-(?P<year>20\d{2})(?=[/_.-]|$)"),
)


def date_in_url(url: str | None) -> dt.date | None:
    """The publication date a URL path carries, if any and if it is a real date."""
    if not url:
        return None
    for pattern in _URL_DATES:
        match = pattern.search(url)
        if not match:
            continue
        month = match["month"]
        number = int(month) if month.isdigit() else MONTHS.get(month.lower())
        if number is None:
            continue
        try:
            return dt.date(int(match["year"]), number, int(match["day"]))
        except ValueError:
            continue  # /2024/02/30/ is not a date
    return None


def dateline_date(month: int, day: int, body: str) -> dt.date | None:
    """The date of a wire dateline's day ("Islamabad, Jan 5 (PTI)"), which carries no year.

    The year is the one that puts the day nearest the latest fully dated day the text
    names (on a tie, the later year): wire copy dates its background in full ("on
    November 28, 2022") and its news by the dateline. When the lede names the weekday
    of its news ("KHARTOUM, June 3 (Reuters) - ... on Tuesday") and exactly one of the
    years around that latest date puts the dateline's day on that weekday, that year
    wins: the weekday is the text's own word on which year it is; when the lede gives its
    report that weekday ("police said on Sunday") and none of those years fits it, the
    year is further off and unknown (None). With no full date in
    the text the year is unknown and the result is None: never a guess, never the day of
    the build. A month named with its year ("in December 2021") beside a full date counts
    as its first day.
    """
    mentions = [m for m in dates_in_text(body, reference=LATEST_DATE) if m.has_year]
    named = [m.date for m in mentions]
    if not named:
        return None
    # What the text tells as past is before the news: the day follows it.
    future = time_words().future
    past = [m.date for m in mentions if not future.search(_sentence_around(body, m.start).lower())]
    # A month the text names with its year ("In December 2021, ...") is background as a
    # full date is: the news of the dateline comes after it. Alone it is too coarse to
    # give the year (the people in office do better: `dateline_day_in_office`).
    # One told as to come ("as Uganda prepares for elections in January 2026") is not.
    named += [
        _first_of_month(m) for m in _MONTH_AND_YEAR.finditer(body)
        if not future.search(_sentence_around(body, m.start()).lower())
    ]  # fmt: skip
    latest = max(named)
    options = []
    for year in (latest.year - 1, latest.year, latest.year + 1, latest.year + 2):
        try:
            options.append(dt.date(year, month, day))
        except ValueError:
            continue  # February 29 outside a leap year
    if not options:
        return None
    weekday, reported = _lede_weekday(body) or (None, False)
    if reported and all(d.weekday() != weekday for d in options):
        # "Dec 5 (PTI) ... police said on Sunday", beside a background "June 4, 2015": no
        # year near the text's dates puts the report on its weekday, so the year is
        # further off, and unknown.
        return None
    agreeing = [d for d in options if d.weekday() == weekday and d >= latest]
    after_past = [d for d in options if past and 0 <= (d - max(past)).days <= 366]
    if len(agreeing) == 1:
        best = agreeing[0]
    elif after_past:
        best = min(after_past)  # "In April 2018, ... On August 9, 2018, ..." then June 17
    else:
        near = [d for d in options if d.year <= latest.year + 1]
        best = min(near, key=lambda d: (abs((d - latest).days), -d.year))
    return best if in_window(best) else None


def _sentence_around(text: str, position: int) -> str:
    start = max(text.rfind(". ", 0, position), text.rfind("\n", 0, position)) + 1
    ends = [e for e in (text.find(". ", position), text.find("\n", position)) if e >= 0]
    return text[start : min(ends) if ends else len(text)]


# "December 2021", "May, 2019", "June of 2020": a month with its year and no day.
_MONTH_AND_YEAR = re.compile(rf"\b{_MONTH},?\s+(?:of\s+)?(?P<year>(?:19|20)\d{{2}})\b", re.I)


def _first_of_month(match: re.Match[str]) -> dt.date:
    return dt.date(int(match["year"]), MONTHS[match["month"].lower()], 1)


_LEDE_WEEKDAY = re.compile(
    r"\b(?:on\s+|late\s+|early\s+)(" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE
)


# Words between a report verb and its weekday: "told Reuters on", "said in a statement on".
_REPORT_GAP = 5


def lede_weekday(body: str) -> int | None:
    """The weekday of the report the lede (the first line) gives: the weekday after a
    report verb ("..., two security sources told Reuters on Thursday"), else its first
    weekday ("... said on Tuesday"; "Militants attacked ... on Tuesday")."""
    found = _lede_weekday(body)
    return found[0] if found else None


def _lede_weekday(body: str) -> tuple[int, bool] | None:
    """`lede_weekday`, and whether a report verb stands before it."""
    first_line = body.lstrip().split("\n", 1)[0]
    found = list(_LEDE_WEEKDAY.finditer(first_line))
    if not found:
        return None
    verbs = time_words().report_verbs
    for match in found:
        before = re.findall(r"[\w'’]+", first_line[: match.start()])[-_REPORT_GAP - 1 :]
        if any(word.lower() in verbs for word in before):
            return WEEKDAYS.index(match.group(1).lower()), True
    return WEEKDAYS.index(found[0].group(1).lower()), False
