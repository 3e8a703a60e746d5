"""Stage `metadata`: headline provenance, publication date, outlet, agency, dateline, flags.

Curated `sources.yaml` values win over input metadata, which wins over what the
text says; every choice is recorded (`published_date_provenance`, `flags`).
"""

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import cache
from urllib.parse import urlsplit

from newsevents.knowledge import actors, boilerplate, credits, office_terms, outlets
from newsevents.pipeline.document import Draft
from newsevents.pipeline.gazetteer import gazetteer
from newsevents.schema import Source
from newsevents.temporal.dates import (
    MONTHS,
    DateLine,
    ambiguous_date_line,
    date_in_url,
    dateline_date,
    dates_in_text,
    entry_stamps,
    parse_date_line,
    parse_full_date,
)
from newsevents.temporal.publication import dateline_day_in_office, infer_publication_date

# Seed 004 carries a "February, 23, 2024" header over talks it calls "today" that
# took place on 29 January: a header three weeks or more after the latest date
# the body names, in a text that speaks of today/yesterday/weekdays, is suspect.
STALE_HEADER_DAYS = 21
_DEICTIC = re.compile(
    r"\b(today|tonight|yesterday|this (morning|afternoon|evening)|"
    r"(on|late on|early on|last) (monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b",
    re.IGNORECASE,
)
# "BEIRUT:", "PESHAWAR, Pakistan —", "TEHRAN (AFP) -", and PTI's "Islamabad, Jan 5 (PTI)"
# with no mark after the credit.
# EFE's "Bogotá, Sep 18 (EFE).-" closes the credit with ".-".
_LEAD = re.compile(
    r"^(?P<prefix>[^:—–\n]{2,60}?)\s*(?::|\s[—–-]{1,2}|(?<=\))\.?[—–-]{1,2}|(?<=\))(?=\s+[A-Z\"“])"
    # The credit between slashes closes it: "Bishkek, May 19 /Kabar/.", "MOSCOW, May 19.
    # /TASS/."
    r"|(?<=/)\.)"
    r"\s+\S"
)
# Sudan Tribune's and some African dailies' date-first dateline: "May 16, 2025 (EL
# FASHER) –", "16 May 2025 (JUBA) -". The date is the story's, with its year.
_DATE_FIRST_LEAD = re.compile(
    r"^(?P<date>[A-Za-z0-9 ,.]{5,24}?(?:19|20)\d{2})\s*\((?P<place>[^)]{2,40})\)\s*[—–-]{1,2}\s+\S"
)
# A closing credit, "(AFP)" or "/TASS/"; a country in brackets after the place,
# "Culiacán (Mexico), 4 March (EFE)".
_PAREN = re.compile(r"\s*(?:\((?P<inside>[^)]{1,30})\)|/[^/\s]{2,30}/)\s*$")
_COUNTRY_AFTER_PLACE = re.compile(r"\s*\([^()\d]{2,30}\)(?=,)")
_LEAD_DATE = re.compile(
    r",?\s*(?:(?P<month>[A-Z][a-z]{2,8})\.?\s+(?P<day>\d{1,2})"
    r"|(?P<day2>\d{1,2})\s+(?P<month2>[A-Z][a-z]{2,8})\.?)\.?$"
)
# The place-first dateline with a whole date: "GEORGETOWN, 1 March 2025 -", "ABUJA,
# March 1, 2025 -" (press releases, some dailies): the story's date, with its year.
_LEAD_FULL_DATE = re.compile(
    r",\s*(?P<date>(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?)"
    r"\s+(?:19|20)\d{2})\.?$"
)
_BYLINE = re.compile(
    r"^(?:(?:edited|written|reported|compiled)\s+by|by)\s*:?\s*(?P<name>.+)$", re.IGNORECASE
)
_BCP47 = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


@dataclass(frozen=True)
class Lead:
    """What the opening of the body says: a dateline place or an outlet credit."""

    dateline: str | None = None
    outlet: str | None = None
    day: tuple[int, int] | None = None  # (month, day) a wire dateline carries: "Jan 5"
    date: dt.date | None = None  # the full date a date-first dateline carries
    length: int = 0  # characters of the first line the dateline or credit takes, separator too


def extract_metadata(draft: Draft) -> Draft:
    doc, flags = draft.doc, list(draft.flags) + list(draft.doc.flags)
    curated, meta = doc.curated, doc.meta
    lead_start, lead = body_lead(draft.body)
    url = (curated.url if curated else None) or meta.url
    domain = domain_of(url)
    bylines = [r.text for r in draft.removed if r.kind == "byline"]
    # A credit line ending in its date ("(Dawn / AFP - 4th Feb, 2022)") was removed as a
    # date line; its credit still counts.
    date_lines = [r.text for r in draft.removed if r.kind == "date-line"]
    agency = find_agency(bylines + date_lines, draft.body)
    outlet = (
        pick_outlet(curated.outlet if curated else None, meta.outlet, domain, lead)
        or masthead_outlet(bylines + date_lines + head_lines(draft.body))
        # Wire copy nobody else is named as publishing: the agency's own story.
        or (
            outlets().for_name(agency)
            if agency and _wire_dateline(draft.body[lead_start:], agency)
            else None
        )
    )
    day_first = _day_first(outlet, domain)
    date, provenance, date_flags = published_date(draft, lead, day_first)
    confidence = None
    if date is None:
        # A dateline's day without a year comes first: the text's own word on the day.
        terms = office_terms()
        on_dateline = dateline_day_in_office(*lead.day, draft.body, terms) if lead.day else None
        inferred = on_dateline or infer_publication_date(draft.body, terms)
        if inferred is not None:
            date, provenance, confidence = inferred.date, "inferred", inferred.confidence
            flags.append("published-date-inferred")
    # The article's language is the screen stage's; a malformed tag in the page is noted.
    if meta.language and not _BCP47.match(meta.language.strip()):
        flags.append("unrecognized-language")
    source = Source(
        outlet=outlet,
        url=url,
        domain=domain,
        author=meta.author or author_from_bylines(bylines),
        agency=agency,
        dateline=lead.dateline,
    )
    if not date:
        flags.append("no-published-date")
    return replace(
        draft,
        source=source,
        published_date=date,
        published_date_provenance=provenance,
        published_date_confidence=confidence,
        flags=tuple(sorted(set(flags + date_flags))),
    )


def published_date(
    draft: Draft, lead: Lead | None = None, day_first: bool | None = None
) -> tuple[dt.date | None, str, list[str]]:
    """Pick the publication date (curated > metadata > text > dateline > url) and flag
    disagreements. `lead` is the body's dateline as body_lead reads it; `day_first`, how
    the outlet's country orders a numeric date (None: unknown)."""
    doc = draft.doc
    text_lines = [
        d for r in draft.removed if r.kind == "date-line" if (d := parse_date_line(r.text))
    ]
    # A liveblog's entry stamps stay in its body (clean.py): the first one dates it too.
    body_lines = draft.body.split("\n")
    text_lines += [d for i in entry_stamps(body_lines)[:1] if (d := parse_date_line(body_lines[i]))]
    text_date = (
        _first_published(text_lines)
        or _read_by_the_story(draft.body, day_first)
        or _signed_off(draft.body)
    )
    lead = lead or body_lead(draft.body)[1]
    candidates = [
        ("curated", doc.curated.published_date if doc.curated else None),
        ("metadata", doc.meta.published_date),
        ("text", text_date),
        ("dateline", lead.date or (dateline_date(*lead.day, draft.body) if lead.day else None)),
        # Last resort: a date in the URL path; it may be the day the page was filed.
        ("url", date_in_url((doc.curated.url if doc.curated else None) or doc.meta.url)),
    ]
    present = [(source, date) for source, date in candidates if date is not None]
    flags = []
    if len({date for _, date in present}) > 1:
        flags.append("published-date-conflict")
    if any(_stale(date, draft.body) for source, date in present if source != "curated"):
        flags.append("published-date-after-events")
    if not present:
        return None, "none", flags
    source, date = present[0]
    return date, source, flags


# How many lines at the top of the body a page's date line may stand in, and how long
# after the last day the story names it may have been published.
_DATE_LINE_WITHIN = 20
_STORY_TO_PUBLICATION_DAYS = 45


def _read_by_the_story(body: str, day_first: bool | None = None) -> dt.date | None:
    """The date of a date line whose day and month order is unknowable ("05/12/2025",
    also as a part of a masthead line: "24.kg | Politics | 10/03/2023 16:05"), read the
    way the story's own dates fit: news is published soon after the last day it names.
    The reading that follows that day within `_STORY_TO_PUBLICATION_DAYS`, when only one
    does; else the reading of the outlet's country (`day_first`), if known; else None
    (the line is no evidence)."""
    for line in body.split("\n")[:_DATE_LINE_WITHIN]:
        readings = ambiguous_date_line(line) or next(
            filter(None, map(ambiguous_date_line, _MASTHEAD_PARTS.split(line))), None
        )
        if readings is None:
            continue
        fitting = []
        for reading in readings:
            named = [m.date for m in dates_in_text(body, reference=reading) if m.date <= reading]
            if named and (reading - max(named)).days <= _STORY_TO_PUBLICATION_DAYS:
                fitting.append(reading)
        if len(fitting) == 1:
            return fitting[0]
        if day_first is None:
            return None
        return readings[0] if day_first else readings[1]
    return None


# A masthead line's parts: "24.kg | Politics | 10/03/2023 16:05".
_MASTHEAD_PARTS = re.compile(r"\s+[|·•]\s+")


def _day_first(outlet: str | None, domain: str | None) -> bool | None:
    """Whether the outlet's country writes the day before the month in a numeric date
    (knowledge/boilerplate.yaml): the outlet table's country, else the URL's
    country-code domain; None when neither tells."""
    known = boilerplate()
    country = outlets().country_by_name.get(outlet) if outlet else None
    if country is None and domain:
        tld = domain.rsplit(".", 1)[-1].lower()
        if len(tld) == 2 and tld not in known.unknown_country_domains:
            country = "GB" if tld == "uk" else tld.upper()
    if country is None:
        return None
    return country not in known.month_first_countries


# A statement's closing place and date: "Prishtina, 30 November 2024", "Islamabad,
# January 16, 2024." (ministries, embassies, the UN), the last line of the text.
_SIGN_OFF = re.compile(
    r"(?P<place>[^\W\d_][\w'’-]*(?: [^\W\d_][\w'’-]*){0,3}),\s+(?P<date>[^,]{6,30}(?:, \d{4})?)\.?"
)


def _signed_off(body: str) -> dt.date | None:
    """The date a statement is signed off with on its last line, or None."""
    last = body.rstrip().rsplit("\n", 1)[-1].strip()
    match = _SIGN_OFF.fullmatch(last)
    if match is None or not match["place"][0].isupper():
        return None
    return parse_full_date(match["date"])


def _first_published(lines: list[DateLine]) -> dt.date | None:
    published = [d.date for d in lines if d.kind == "published"]
    updated = [d.date for d in lines if d.kind == "updated"]
    return (published or updated)[0] if published or updated else None


def _stale(date: dt.date, body: str) -> bool:
    if not _DEICTIC.search(body):
        return False
    named = [m.date for m in dates_in_text(body, reference=date) if m.date <= date]
    return bool(named) and (date - max(named)).days >= STALE_HEADER_DAYS


# How many heading lines may stand above a press release's dateline ("PRESS RELEASE",
# the ministry's name, the country's, the statement's title: "Statement of the Ministry
# of Foreign Affairs on the shelling of ..."); each of at most LETTERHEAD_WORDS words.
LETTERHEAD_LINES = 4
LETTERHEAD_WORDS = 24


def body_lead(body: str) -> tuple[int, Lead]:
    """The lead of the body's first line, and where that line starts; a press release's
    letterhead ("PRESS RELEASE", "Ministry of Foreign Affairs", short lines without a
    full stop) is passed over to the dateline under it ("GEORGETOWN, 1 March 2025 -").
    A body whose short opening lines lead to no dateline keeps its first line's."""
    first_line = body.split("\n", 1)[0]
    first = read_lead(first_line)
    offset = 0
    deck = _deck_then_dateline(body, first_line) if not first.length else None
    if deck is not None:
        return deck
    for _ in range(LETTERHEAD_LINES):
        line = body[offset:].split("\n", 1)[0]
        if first.length or not _letterhead(line):
            break
        offset += len(line) + 1
        while body[offset : offset + 1] == "\n":
            offset += 1  # the blank lines between
        lead = read_lead(body[offset:].split("\n", 1)[0])
        # Below the first line only a dated dateline counts: "Key points: ..." is none.
        if lead.length and (lead.date or lead.day):
            return offset, lead
    return 0, first


_BYLINE_OPENING = re.compile(r"\s*By\s+[A-Z]")
# A dateline that ends in a wire credit in brackets and a dash: "DAKAR, Senegal (AP) —".
_CREDITED_DATELINE = re.compile(r"[^\n]{2,80}?\([A-Z][A-Za-z]{1,12}\)\s*[—–-]")


def _deck_then_dateline(body: str, first_line: str) -> tuple[int, Lead] | None:
    """A standfirst over the story's lead, as a page's deck is ("The encounter broke out
    around 9 pm on Monday in the Desa forest belt" over "Doda/Jammu: Four soldiers
    ..."): one line without a closing full stop, then a lead whose dateline is a place
    the gazetteer knows, any dateline under a byline ("By Rhea M. Salvador" over
    "ZAMBOANGA CITY — ...") or one a wire credit closes ("Associated Press" over
    "DAKAR, Senegal (AP) — ..."). None otherwise: "Key points: ..." names no place."""
    if not first_line.strip() or first_line.rstrip().endswith((".", "?", "!", '"', "”", ":")):
        return None
    offset = len(first_line) + 1
    while body[offset : offset + 1] == "\n":
        offset += 1
    lead = read_lead(body[offset:].split("\n", 1)[0])
    if not lead.length or lead.dateline is None:
        return None
    if _BYLINE_OPENING.match(first_line):
        return offset, lead  # "By Rhea M. Salvador / Philippine Daily Inquirer" over it
    if _CREDITED_DATELINE.match(body, offset):
        return offset, lead  # "DAKAR, Senegal (AP) —" under the agency's name: a wire lead
    known = gazetteer().lookup(lead.dateline)
    if known is None or known.type not in ("LOCATION", "COUNTRY"):
        return None
    return offset, lead


def _letterhead(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= LETTERHEAD_WORDS and not line.rstrip().endswith(
        (".", "?", "!", '"', "”")
    )


# Armenpress's and other agencies' dateline, the credit after the day and a full stop:
# "YEREVAN, MARCH 6, ARMENPRESS. Two servicemen ...".
_CREDIT_AFTER_DAY = re.compile(
    r"^(?P<place>[A-Z][A-Za-z .'-]{1,30}),\s+(?:(?P<month>[A-Za-z]{3,9})\.?\s+(?P<day>\d{1,2})"
    r"|(?P<day2>\d{1,2})\s+(?P<month2>[A-Za-z]{3,9})),\s+(?P<credit>[A-Z][A-Za-z-]{2,20})\."
    r"\s+(?=\S)"
)


# The outlet's credit after a whole date and a slash, on a line of its own or before the
# story (AzerNews, Trend): "BAKU, January 27, 2023 / AzerNews".
_DATE_SLASH_CREDIT = re.compile(
    r"^(?P<place>[A-Z][A-Za-z .'-]{1,30}),\s+(?P<date>[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}"
    r"|\d{1,2}\s+[A-Za-z]{3,9},?\s+\d{4})\s*/\s*(?P<credit>[A-Z][\w.&' -]{1,30}?)\.?"
    r"(?:\s*$|\s+(?=\S))"
)


# A statement's or release's place and date, alone on their line under its letterhead:
# "Warsaw, 6 June 2024", "Lomé, 21 July 2024", "Islamabad, January 17, 2024".
_PLACE_DATE_LINE = re.compile(
    r"^(?P<place>[A-Z][\w .'’-]{1,30}),\s+(?P<date>(?:[A-Za-z]{3,9}\.?\s+\d{1,2},?"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9},?)\s+(?:19|20)\d{2})\.?\s*$"
)


def read_lead(first_line: str) -> Lead:
    """Read 'NEW DELHI:', 'PESHAWAR, Pakistan —', 'TEHRAN (AFP) -', 'Infostani
    International:', 'May 16, 2025 (EL FASHER) –' or 'YEREVAN, MARCH 6, ARMENPRESS.'."""
    credited_day = _CREDIT_AFTER_DAY.match(first_line)
    if credited_day and credited_day["credit"] in credits().agency_by_alias:
        month = MONTHS.get((credited_day["month"] or credited_day["month2"]).lower())
        day_of_month = int(credited_day["day"] or credited_day["day2"])
        if month and 1 <= day_of_month <= 31:
            place = credited_day["place"].strip()
            return Lead(
                dateline=_place_name(place) if place.isupper() else place,
                outlet=outlets().for_name(credited_day["credit"]),
                day=(month, day_of_month),
                length=credited_day.end() - 1,
            )
    alone = _PLACE_DATE_LINE.match(first_line.strip())
    if alone and (date := parse_full_date(alone["date"])) is not None:
        place = alone["place"].strip()
        if len(place.split()) <= 3 and place not in credits().not_places:
            name = _place_name(place) if place.isupper() else place
            return Lead(dateline=name, date=date, length=len(first_line))
    slashed = _DATE_SLASH_CREDIT.match(first_line)
    if slashed and (outlet := outlets().for_name(slashed["credit"].strip())) is not None:
        date = parse_full_date(slashed["date"])
        if date is not None:
            place = slashed["place"].strip()
            return Lead(
                dateline=_place_name(place) if place.isupper() else place,
                outlet=outlet, date=date, length=slashed.end(),
            )  # fmt: skip
    dated = _DATE_FIRST_LEAD.match(first_line)
    date = parse_full_date(dated["date"]) if dated else None
    if dated and date is not None:
        place, known = dated["place"].strip(), credits()
        credited = outlets().for_name(place)  # "May 16, 2025 (Reuters) -"
        if credited or any(w in known.lead_credit_words for w in place.split()):
            return Lead(outlet=credited, date=date, length=dated.end() - 1)
        if place not in known.not_places and len(place.split()) <= 3:
            name = _place_name(place) if place.isupper() else place
            return Lead(dateline=name, date=date, length=dated.end() - 1)
    match = _LEAD.match(first_line)
    if not match:
        return Lead()
    prefix = _PAREN.sub("", match.group("prefix")).strip()
    prefix = _COUNTRY_AFTER_PLACE.sub("", prefix)
    whole = _LEAD_FULL_DATE.search(prefix)
    full_date = parse_full_date(whole["date"]) if whole else None
    if whole and full_date is not None:
        prefix = prefix[: whole.start()]
    day = _lead_day(prefix)
    prefix = _LEAD_DATE.sub("", prefix).strip(" ,")
    words = prefix.replace("/", " ").split()
    known = credits()
    if not words or len(words) > 5 or not all(w[0].isupper() for w in words):
        return Lead()
    if any(w in known.lead_credit_words for w in words):
        named = outlets().for_name(prefix)
        is_desk = any(w in known.desk_words for w in words)
        return Lead(outlet=named or (None if is_desk else prefix), length=match.end() - 1)
    place = prefix.split(",")[0].split("/")[0].strip()
    if place in known.not_places or len(place.split()) > 3:
        return Lead()
    dateline = _place_name(place) if place.isupper() else place
    return Lead(dateline=dateline, day=day, date=full_date, length=match.end() - 1)


def _place_name(upper: str) -> str:
    """A capitalized dateline place as the gazetteer spells it ("PORT-AU-PRINCE" ->
    "Port-au-Prince"), else in title case."""
    known = _gazetteer_places().get(upper.casefold())
    if known:
        return known
    particles = credits().place_particles
    words = upper.title().split(" ")
    return " ".join([words[0], *(w.lower() if w.lower() in particles else w for w in words[1:])])


@cache
def _gazetteer_places() -> dict[str, str]:
    spelled: dict[str, str] = {}
    for actor in actors():
        if actor.type in ("LOCATION", "COUNTRY"):
            for name in (actor.name, *actor.aliases):
                spelled.setdefault(name.casefold(), name)
    return spelled


def _lead_day(prefix: str) -> tuple[int, int] | None:
    """(month, day) of "Islamabad, Jan 5" or "KHARTOUM, June 3"; None without one."""
    match = _LEAD_DATE.search(prefix)
    if not match:
        return None
    month = MONTHS.get((match["month"] or match["month2"]).lower())
    day = int(match["day"] or match["day2"])
    return (month, day) if month and 1 <= day <= 31 else None


def pick_outlet(
    curated: str | None, given: str | None, domain: str | None, lead: Lead
) -> str | None:
    """Curated name, else input metadata, else the outlet table's name for the URL's
    domain, else the lead credit. Never a bare host name ("www.example-news.cn"): an
    outlet nobody named stays null, and the host is kept in `source.domain`."""
    table = outlets()
    if curated:
        return curated
    if given:
        given_domain = domain_of(given) if "." in given and " " not in given else None
        if given_domain:  # a crawl's `domain` field, or a page whose site name is its host
            return table.for_domain(given_domain) or lead.outlet
        return table.for_name(given) or given
    if domain and (named := table.for_domain(domain)):
        return named
    return lead.outlet


# A head line is a short line above the story (a masthead, a credit, a label); the
# first line of this many words, or ending a sentence, is the story's.
_HEAD_LINE_WORDS = 12
_HEAD_LINES = 5
# Where a masthead or credit line is cut into parts: "OC Media | Live", "Myanmar Now |
# 15 September 2024", "By Jane Doe, Reuters", "Politics - Dawn".
_CREDIT_PARTS = re.compile(r"\s+[|·•]\s+|\s+[-–—]\s+|,\s+")
_BY = re.compile(r"(?:^|\s)by:?\s+(?P<name>.+)$", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s\b.*$")
_HOST = re.compile(r"[\w-]+(?:\.[\w-]+)+")


def head_lines(body: str) -> list[str]:
    """The short lines above the story: a masthead, credit or label each, or nothing."""
    lines = []
    for line in body.split("\n"):
        line = line.strip()
        if not line:
            continue
        if len(line.split()) >= _HEAD_LINE_WORDS or line.endswith((".", "!", "?", '"', "”")):
            break
        lines.append(line)
        if len(lines) == _HEAD_LINES:
            break
    return lines


def masthead_outlet(lines: list[str]) -> str | None:
    """The outlet a masthead or credit line names, as the outlet table knows it: "The New
    Arab Staff", "OC Media | Live", "By RFE/RL's Kyrgyz Service", "Published Nov 6, 2024
    by The Maritime Executive", "dawn.com". A part must be the outlet's name once its
    byline word, possessive and tail ("staff", "news agency": credits.yaml) are cut, so
    a headline or a sentence naming an outlet gives none."""
    table, tails = outlets(), credits().masthead_tails
    for line in lines:
        for part in _CREDIT_PARTS.split(line):
            by = _BY.search(part)
            name = _POSSESSIVE.sub("", by["name"] if by else part).strip(" .:")
            cut = True
            while cut:
                cut = False
                for tail in tails:
                    if name.lower().endswith(" " + tail):
                        name, cut = name[: -len(tail) - 1].rstrip(" ,"), True
                        break
            found = table.for_name(name) if name else None
            if found is None and _HOST.fullmatch(name):
                found = table.for_domain(name)
            if found:
                return found
    return None


# How far into the first line a dateline's credit stands: "SAN PEDRO SULA, Honduras,
# March 4 (Reuters) -".
_CREDIT_WITHIN = 80


def _wire_dateline(lead_line: str, agency: str) -> bool:
    """Whether the story opens on the agency's dateline credit ("KABUL, Dec 25 (Reuters)
    -", "MOSCOW, May 19. /TASS/."): wire copy as the agency sent it. A citation ("sources
    told PTI") credits the agency too, but not as the story's publisher. `lead_line`: the
    body from its lead on (body_lead: under a press release's letterhead too)."""
    opening = lead_line.lstrip()[:_CREDIT_WITHIN]
    aliases = [a for a, name in credits().agency_by_alias.items() if name == agency]
    return any(f"({a})" in opening or f"/{a}/" in opening for a in aliases)


def find_agency(bylines: list[str], body: str) -> str | None:
    """The wire agency credited as the story's origin (see knowledge/credits.yaml)."""
    known = credits()
    for text in [*bylines, body]:
        hits = [m for p in known.agency_credits for m in p.finditer(text)]
        if hits:
            first = min(hits, key=lambda m: m.start())
            return known.agency_by_alias[first.group("agency")]
    return None


def author_from_bylines(bylines: list[str]) -> str | None:
    known = credits()
    for line in bylines:
        match = _BYLINE.match(line)
        if not match:
            continue
        name = match.group("name").strip()
        if name in known.agency_by_alias or any(w in known.desk_words for w in name.split()):
            continue
        return name
    return None


def domain_of(url: str | None) -> str | None:
    """Host of a URL, lower-case, without 'www.' and port; also accepts a bare host."""
    if not url:
        return None
    host = urlsplit(url if "//" in url else f"//{url}").hostname
    if not host:
        return None
    return host.removeprefix("www.")
