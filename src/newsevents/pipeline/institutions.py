"""Generic state institutions named with their country.

"Syria's Ministry of Health", "the Cambodian Defense Ministry", "Sudan's health
ministry", "Dagestan's health ministry": the gazetteer cannot list every country's or
region's ministries, and the bare name
("Ministry of Health") would give one id to every country's ministry. So a name
that is only an institution (knowledge/names.yaml `state_institutions`) takes the
country its mentions name, Wikipedia-style: "Ministry of Health (Syria)", and its
id follows. A mention qualified by no country keeps the bare name.
"""

import re
from collections.abc import Iterable
from functools import cache
from typing import NamedTuple

from newsevents.knowledge import names
from newsevents.pipeline.gazetteer import gazetteer
from newsevents.pipeline.geocode.data import countries
from newsevents.textutil import name_key

# Who owns a ministry: a country, or a republic, state or region with a government of
# its own ("Dagestan's health ministry", "Kurdistan's interior ministry").
OWNERS = frozenset({"COUNTRY", "LOCATION"})
# "Health Ministry" is written "Ministry of Health" (the Wikipedia title form).
_INVERTED = re.compile(r"^(?P<field>[A-Za-z ]+?) Ministry$", re.IGNORECASE)


def canonical(name: str) -> str | None:
    """The institution's canonical name, or None when the name is not only an
    institution ("Ministry of Health" yes, "Kamal Adwan Hospital" no)."""
    words = " ".join(name.split())
    inverted = _INVERTED.match(words)
    if inverted:
        field = inverted["field"].strip()
        field = names().ministry_fields.get(field.lower(), field.title())
        words = f"Ministry of {field}"
    key = words.lower()
    return words if key in names().state_institutions else None


def qualified(name: str, mentions: Iterable[tuple[int, int]], text: str) -> str | None:
    """ "Ministry of Health (Syria)" when a mention is qualified by one country, by
    a possessive before it ("Syria's"), a demonym in it ("Cambodian Defense
    Ministry") or "of <country>" after it or at its end ("Ministry of Health of
    Kyrgyzstan"); else None."""
    countries = set()
    for start, end in mentions:
        written = text[start:end]
        first, _, rest = written.partition(" ")
        demonym = gazetteer().by_demonym.get(first.casefold())
        base = canonical(rest) if demonym is not None else canonical(written)
        owner = None
        if base is None and " of " in written:
            # "Ministry of Health of Kyrgyzstan", "Ministry of Defence of the Republic of
            # Armenia": the country inside the name
            inside, _, after = _REPUBLIC_OF.sub(" of ", written).rpartition(" of ")
            base, owner = canonical(inside), gazetteer().lookup(after)
        if base is None:
            continue
        country = owner or demonym or _possessor(text, start) or _of_country(text, end)
        if country is not None and country.type in OWNERS:
            countries.add((base, country.name))
    return f"{min(countries)[0]} ({min(countries)[1]})" if len(countries) == 1 else None


_REPUBLIC_OF = re.compile(r" of the (?:Republic|Kingdom|State|Federation) of ", re.IGNORECASE)
_POSSESSOR = re.compile(r"([A-Z][\w.-]*(?: [A-Z][\w.-]*){0,2})['’]s\s+(?:the\s+)?$")
_OF_COUNTRY = re.compile(r"^\s+of\s+([A-Z][\w.-]*(?: [A-Z][\w.-]*){0,2})")


def _possessor(text: str, start: int):  # type: ignore[no-untyped-def]
    """The country or place whose possessive stands before `start` ("Saudi Arabia's"):
    its last one to three words, longest first, since a sentence before may end in a
    capitalized word ("... Khartoum. Sudan's"). A name the gazetteer does not know is
    taken for a place: what owns a ministry is a state or a region ("Dagestan's")."""
    match = _POSSESSOR.search(text[max(0, start - 40) : start])
    if match is None:
        return None
    words = match.group(1).split()
    for n in range(len(words), 0, -1):
        found = gazetteer().lookup(" ".join(words[-n:]))
        if found is None:
            continue
        if (
            found.type == "LOCATION"
            and found.country
            and name_key(found.name) in countries().capitals
        ):
            # "Baku's foreign ministry": a national capital stands for its state; a
            # region keeps its own ministry ("Kurdistan's interior ministry").
            return gazetteer().lookup(found.country) or found
        return found
    if not words[-1].isalpha() or name_key(words[-1]) in countries().capitals:
        return None  # "Minsk's defence ministry": a capital stands for a state not known here
    return _Place(words[-1])


class _Place(NamedTuple):
    """An owner the gazetteer does not know, named by the text (`_possessor`)."""

    name: str
    type: str = "LOCATION"


def _of_country(text: str, end: int):  # type: ignore[no-untyped-def]
    match = _OF_COUNTRY.match(text[end : end + 40])
    return gazetteer().lookup(match.group(1)) if match else None


def lowercase_mentions(text: str) -> list[tuple[int, int]]:
    """Bounds of institutions written in lower case after the country they belong to:
    "Sudan's health ministry" (the institution), "the Malian interior ministry" (with
    its demonym). NER rarely tags them, and a lower-case phrase is no name unless a
    country owns it: "the country's health ministry" is left out."""
    found = []
    for match in _lowercase_pattern().finditer(text):
        start, end = match.span("institution")
        if canonical(match.group("institution")) is None:
            continue  # no name to give it ("foreign ministry": which title?)
        before = text[max(0, start - 40) : start].split()
        demonym = gazetteer().by_demonym.get(before[-1].casefold()) if before else None
        country = demonym or _possessor(text, start)
        if country is not None and country.type in OWNERS:
            # The demonym is part of the name, as in "the Iraqi Foreign Ministry".
            found.append((text.rindex(before[-1], 0, start) if demonym else start, end))
    return found


@cache
def _lowercase_pattern() -> re.Pattern[str]:
    """The lower-case forms of the institutions of names.yaml written "<Field> Ministry"
    ("health ministry", "defence ministry")."""
    forms = sorted(
        (i for i in names().state_institutions if i.endswith(" ministry")), key=len, reverse=True
    )
    return re.compile(
        r"(?<![\w-])(?P<institution>" + "|".join(re.escape(f) for f in forms) + r")(?![\w-])"
    )
