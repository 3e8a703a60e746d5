"""Stage `entities`: every person, organization, armed group, country and place an
article names, once, under one canonical name and id, with every mention's offsets.

Recall comes from spaCy's statistical NER (a place's name it cut short is widened),
from the place words around proper nouns it left untagged, and from lower-case
ministries after the country that owns them; identity from the gazetteer
(knowledge/actors.yaml): a name the gazetteer knows (exactly, or spelled within
FUZZY_THRESHOLD) takes its canonical name, type and QID; a name it does not know is
kept under a stable slug with the NER type. Within an article, short forms
("Kakar" after "Anwaarul Haq Kakar"), acronyms the text defines ("National Security
Committee (NSC)"), near spellings and a bare state institution ("the Army" where the
article names "the Pakistan Army" and no other army) are folded into one entity.
"""

import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

from newsevents.knowledge import Actor, actors, names
from newsevents.pipeline.document import Draft
from newsevents.pipeline.gazetteer import (
    FUZZY_MIN_LENGTH,
    FUZZY_THRESHOLD,
    gazetteer,
    phrase_matcher,
)
from newsevents.pipeline.institutions import canonical, lowercase_mentions, qualified
from newsevents.schema import Entity, Mention
from newsevents.textutil import name_key, slugify, whole_words

# 2: hints outvote NER; 3: a bare institution folds; 4: names widened; 5: lower-case
# ministries; 6: a generic head ("the Council") or a time zone alone names no entity, a
# name cut after "of" is joined, an institution's owner country is named; 7: weapon
# models and operation code names name no entity, "in the Sahel" and "X, Y and three
# other towns" are places, hyphenated known names match in any case, a person's name
# NER split in two is one, a name ends before a bracket it does not close, the long form
# of a known acronym is its actor
VERSION = "8"

HINT_WEIGHT = 2  # a mention whose words point to a type counts as two NER labels
NER_TYPES = {"PERSON": "PERSON", "ORG": "ORGANIZATION", "GPE": "LOCATION", "LOC": "LOCATION",
             "FAC": "LOCATION", "NORP": "OTHER"}  # fmt: skip
_POSSESSIVE = re.compile(r"['’]s?$")
_LEADING_WORD = re.compile(r"(\w+)\s+[-–—]\s+")
_LEADING_CLOCK = re.compile(r"\d{1,2}[:.]\d{2}\s+")
_HYPHENED_ACRONYM = re.compile(r"-[A-Z]{2,}\b")
_ACRONYM_HYPHEN = re.compile(r"\b[A-Z]{2,}-$")
_NAME_GOES_ON = re.compile(r"[A-Z][\w'’.]*(?:-[A-Z][\w'’.]*)*(?:\s+[A-Z][\w'’.-]*){0,2}")
# What follows a name in a list: ", Barmer and Sri Ganganagar districts" -> districts.
# The list may end with "and three other towns" or name places with a particle
# ("Nioro du Sahel").
_LIST_TAIL = re.compile(
    r"(?:\s*(?:,|and)\s+[A-Z][\w'’-]*(?:\s+(?:(?:de|del|da|do|du|al|el)\s+)?[A-Z][\w'’-]*)*)*"
    r"(?:,?\s+(?:and|or)\s+(?:[a-z]+\s+)?other)?\s+(?P<word>[a-z]+)\b"
)
# "Kareem Dad alias Idrees" (dev 02_dailymoon): the second name is the first's alias.
_ALIAS = re.compile(
    r"(?P<long>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*),?\s+(?:alias|aka|a\.k\.a\.|also known as)\s+"
    r"(?P<short>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)"
)
FUNCTION_WORDS = frozenset({"of", "and", "the", "for", "on", "in", "de", "al"})
# "Nur Khan airbase", "Lhubiriha secondary school": a facility word after the name, with
# at most one of the kind words before it (names.yaml facility_modifiers).
_FACILITY = re.compile(
    r"\s+(?:(?:" + "|".join(re.escape(w) for w in names().facility_modifiers) + r")\s+)?"
    r"(?:" + "|".join(re.escape(w) for w in names().facility_words) + r")\b",
    re.IGNORECASE,
)
# A place's name NER cut at a hyphen: "Kyzyl-Bel" read as "Kyzyl", "Dand-e-Patan" as
# "Dand", "Haute-Kotto" as "Kotto" (a lower-case particle of up to three letters may
# stand between the parts).
_HYPHEN_AFTER = re.compile(r"(?:-[a-z]{1,3})*-[A-Z][\w'’]*")
_HYPHEN_BEFORE = re.compile(r"[A-Z][\w'’]*(?:-[a-z]{1,3})*-$")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)  # "The National Security Committee"
# "National Security Committee (NSC)": a capitalized phrase, then its acronym, on one
# line (a headline's last word above is no part of the name).
# A unit's number may open it: "8th Infantry Division (8ID)".
_ACRONYM = re.compile(
    r"(?P<long>(?:\d{1,3}(?:st|nd|rd|th)[ \t]+)?[A-Z][\w'’-]*"
    r"(?:[ \t]+(?:of|and|for|the|on|[A-Z][\w'’-]*))*[ \t]+[A-Z][\w'’-]*)"
    r"[ \t]*\((?P<short>\d{0,3}[A-Z][A-Z0-9]{1,7})\)"
)


@dataclass
class Candidate:
    """A span that may name an entity."""

    start: int
    end: int
    text: str
    label: str  # NER label, or "GAZETTEER" for a phrase-matcher hit
    actor: Actor | None = None
    hint: str | None = None  # entity type the surrounding words point to

    @property
    def length(self) -> int:
        return self.end - self.start


@dataclass
class Group:
    """The mentions of one entity while it is being assembled."""

    candidates: list[Candidate] = field(default_factory=list)
    actor: Actor | None = None
    # "Ministry of Defence (Niger)": a state institution its first mention names with
    # its country (institutions.py); another country's is another entity.
    institution: str | None = None

    @property
    def first(self) -> int:
        return min(c.start for c in self.candidates)

    def name(self) -> str:
        if self.actor:
            return self.actor.name
        # A place's name drops its place word ("Panjgur district"); a unit's keeps it
        # ("Southern Military District").
        place = self._voted_type() == "LOCATION"
        form = _lookup_form if place else _spaced
        # A form not in capitals first: "Dakar" of the body over the dateline's "DAKAR".
        name = max(
            (form(c.text) for c in self.candidates), key=lambda s: (len(s), not s.isupper(), s)
        )
        # A place named only in a dateline's capitals ("DAKAR, Senegal (AP) —").
        return name.title() if place and name.isupper() and len(name) > 3 else name

    def type(self) -> str:
        if self.actor:
            return self.actor.type
        kind = self._voted_type()
        if kind == "ORGANIZATION" and _is_armed_group(self.name()):
            return "ARMED_GROUP"
        return kind

    def _voted_type(self) -> str:
        # The words around a mention say more than NER's guess from the name alone,
        # which often reads a place it has not seen ("Zamfara", "Goris") as a person:
        # a mention with a hint counts HINT_WEIGHT times, and hints break ties.
        votes: Counter[str] = Counter()
        hinted: Counter[str] = Counter()
        for c in self.candidates:
            if c.hint:
                votes[c.hint] += HINT_WEIGHT
                hinted[c.hint] += 1
            else:
                votes[NER_TYPES.get(c.label, "OTHER")] += 1
        return max(votes, key=lambda k: (votes[k], hinted[k], k == "PERSON", k))

    def key(self) -> str:
        return name_key(self.name())


def extract_entities(draft: Draft) -> Draft:
    if draft.nlp is None:
        return draft
    dateline = draft.source.dateline
    # Headlines and subheadings are in Title Case, which fools NER: a name the
    # gazetteer does not know counts only if running prose names it too, and no name
    # is widened there.
    headings = heading_ranges(draft.text)
    known = _after_another_country(list(_gazetteer_candidates(draft.nlp)), draft.text)
    candidates = _select(
        known
        + list(_anchored_aliases(draft.text, known))
        + list(_ner_candidates(draft.nlp, dateline, headings))
        + list(_untagged_places(draft.nlp, headings))
        + list(_ranked_people(draft.nlp, headings))
        + list(_offices_of_a_holder(draft.text))
        + list(_defined_short_forms(draft.text))
        + list(_dateline_place(draft.text, dateline))
        + [
            Candidate(start, end, draft.text[start:end], "ORG", hint="ORGANIZATION")
            for start, end in lowercase_mentions(draft.text)
        ]
    )
    candidates = sorted(candidates + _possessors(candidates), key=lambda c: c.start)
    candidates = _surnames_of_people(candidates, draft.nlp)
    groups = _group(candidates, draft.text)
    groups = [
        g for g in groups
        if g.actor or any(not _inside(c, headings) for c in g.candidates)
    ]  # fmt: skip
    return replace(
        draft,
        entities=tuple(_to_entity(g, draft.text) for g in sorted(groups, key=lambda g: g.first)),
    )


# Where an opening dateline may stand: the headline, a deck or a byline above it.
DATELINE_WITHIN = 400


def _dateline_place(text: str, dateline: str | None) -> Iterable[Candidate]:
    """The place the article's dateline names (metadata stage), where it stands at the
    top of the text: NER misses most datelines written in capitals ("DAKAR, Senegal
    (AP) —")."""
    if not dateline:
        return
    found = re.search(rf"(?<!\w){re.escape(dateline)}(?!\w)", text[:DATELINE_WITHIN], re.I)
    if found is not None:
        written = text[found.start() : found.end()]
        yield Candidate(found.start(), found.end(), written, "GPE", hint="LOCATION")


def _gazetteer_candidates(doc: Any) -> Iterable[Candidate]:
    from spacy.util import filter_spans

    from newsevents.pipeline.nlp import load_nlp

    lower, exact = phrase_matcher(load_nlp())
    table = actors()
    spans = []
    for matcher in (lower, exact):
        for match_id, start, end in matcher(doc):
            span = doc[start:end]
            span.label_ = doc.vocab.strings[match_id]
            spans.append(span)
    full = doc.text
    # "the Ambazonia Defence Forces (ADF)": a short form the text defines is what it says
    # it is, not the actor the gazetteer knows by it (the Allied Democratic Forces).
    defined = {m.group("short"): m.group("long") for m in _ACRONYM.finditer(full)}
    for span in filter_spans(spans):
        actor = table[int(span.label_)]
        if actor.type != "PERSON" and _tail_of_a_longer_name(span):
            continue  # "the National Security Council" is not the UN's "Security Council"
        long = _LEADING_THE.sub("", defined.get(span.text, ""))
        if long and _abbreviates(span.text, long):
            meant = gazetteer().lookup(long)
            if meant is None and not _shares_words(long, actor):
                continue  # the text's own short form: a mention of its long form
            actor = meant or actor
        # Case-insensitive matching must not turn "turkey" or "us" into countries.
        if span.text[0].islower() and not any(
            s.startswith(span.text[0]) for s in (actor.name, *actor.aliases)
        ):
            continue
        start, end = span.start_char, span.end_char
        unit = _CAPITAL_PLACE_WORD_AFTER.match(full, end) if actor.type == "LOCATION" else None
        if unit is not None and _place_word(unit.group("word").lower(), plural=False):
            # "Aleppo Governorate" is Aleppo's mention as written; "Donetsk Oblast" is the
            # oblast, not the city the gazetteer knows (names.yaml place_nouns).
            end = unit.end()
            if unit.group("word").lower() in names().place_nouns:
                yield Candidate(start, end, full[start:end], "GPE", hint="LOCATION")
                continue
        yield Candidate(start, end, full[start:end], "GAZETTEER", actor)


def _tail_of_a_longer_name(span: Any) -> bool:
    """Whether a known name is the end of a longer one NER tagged as one name, whose
    capitalised word before it is no name of its own: "Security Council" in "the
    Regional Security Council" or "the Supreme National Security Council". Not after a
    country or a demonym ("Sudanese Rapid Support Forces"), an acronym ("UN") or a title
    ("State Counsellor Aung San Suu Kyi": a person is never the tail of a name)."""
    if span.start == 0 or span[0].ent_iob_ != "I":
        return False
    before = span.doc[span.start - 1]
    if not before.is_title or before.pos_ in ("DET", "PRON") or before.ent_iob_ not in "BI":
        return False
    if before.ent_type_ in ("NORP", "GPE") or before.is_sent_start:
        return False
    if before.lower_ in names().titles:
        return False
    gaz = gazetteer()
    return before.lower_ not in gaz.country_words and gaz.lookup(before.text) is None


def _abbreviates(short: str, long: str) -> bool:
    """Whether the short form's letters are the long form's initials, in order ("ADF" of
    "Ambazonia Defence Forces"; not "AFP" of the dateline "Addis Ababa (AFP)")."""
    words = re.findall(r"[^\W\d_][\w'’]*", _LEADING_THE.sub("", long))  # a hyphen splits
    initials = [w[0].upper() for w in words if w[0].isupper()]
    letters = [c for c in short.upper() if c.isalpha()]
    if not letters or not initials or letters[0] != initials[0]:
        return False
    # In order, one letter may be the text's own ("Gorno-Badakhshan Autonomous Region
    # (GBAO)", whose O is the Russian "Oblast").
    it = iter(initials)
    return sum(c not in it for c in letters) <= (1 if len(letters) >= 4 else 0)


def _shares_words(long: str, actor: Actor) -> bool:
    """Whether half the long form's words are in a name of the actor ("Islamic State West
    Africa Province" and "Islamic State – West Africa Province")."""
    words = {w.lower() for w in re.findall(r"\w+", long) if len(w) > 2}
    for name in (actor.name, *actor.aliases):
        if len(words & {w.lower() for w in re.findall(r"\w+", name)}) * 2 >= len(words):
            return True
    return False


def _ner_candidates(
    doc: Any, dateline: str | None = None, headings: list[tuple[int, int]] | None = None
) -> Iterable[Candidate]:
    """NER's names, trimmed, widened where NER cut a place's name short (outside the
    `headings`), and looked up; `dateline`, the place the article's dateline names (stage
    metadata), is a place wherever the text names it ("Bogotá, Sep 18")."""
    gaz = gazetteer()
    full = doc.text  # Doc.text is rebuilt on every access: read it once
    # Each name is looked up once an article: an article names an actor several times,
    # and a name the gazetteer lacks is compared with every key (0.15 ms a search).
    looked_up: dict[str, Actor | None] = {}

    def lookup(name: str) -> Actor | None:
        if name not in looked_up:
            looked_up[name] = gaz.lookup(name)
        return looked_up[name]

    # "the Coordinating Committee on Manipur Integrity (COCOMI)": the whole name the
    # text defines an acronym by, where NER cut it at "on".
    defined = [(m.start("long"), m.end("long"), m.group("short")) for m in _ACRONYM.finditer(full)]
    for ent in _joined_people(doc):
        if ent.label_ not in NER_TYPES or "\n" in ent.text:
            continue
        start, end = _outside_brackets(full, *_trim(full, ent))
        if start >= end:
            continue
        if not _within(start, end, headings or ()):
            start, end = _widen(doc, full, ent, start, end)
        start, end = _across_hyphens(full, start, end, lookup)
        if ent.label_ == "ORG":
            end = _to_defined_end(full, start, end, defined)
        if full[start:end].endswith(" of"):
            end = _cut_at_of(doc, ent, end)
        text = full[start:end]
        actor = lookup(text) or lookup(_lookup_form(text))
        if actor is None and " and " in text:
            end = _before_a_conjunct_of_another_noun(doc, full, start, end)
            text = full[start:end]
            actor = lookup(text) or lookup(_lookup_form(text))
        if ent.label_ == "NORP":
            # Demonyms ("Iranian") and faiths are not entities; groups the
            # gazetteer knows under a plural name ("Houthis") are.
            if actor is None or actor.type in ("COUNTRY", "LOCATION"):
                continue
        elif actor is None:
            tokens = [t for t in doc[ent.start : ent.end] if start <= t.idx < end]
            # A surname the tagger read as a common word ("Trump said") is still a name.
            surname = _surname_told_before(doc, text, ent.start)
            if not (surname or any(t.pos_ == "PROPN" for t in tokens)) or _not_a_name(text, gaz):
                continue
            if _starts_a_title(text, full[end : end + 40]):
                continue  # "Additional Foreign" of "Additional Foreign Secretary"
            if "," in text:
                continue  # spans across a list ("Sarmachars, Foreign Office")
            pair = _joined_places(full, start, end)
            if pair:
                # "the Assam-Meghalaya border": each name a place of its own (a name the
                # gazetteer knows is found as such).
                for part_start, part_end in pair:
                    part = full[part_start:part_end]
                    if not lookup(part):
                        yield Candidate(part_start, part_end, part, "GPE", None, "LOCATION")
                continue
            if any(
                mark in text and all(lookup(part) for part in text.split(mark))
                for mark in ("-", "/")
            ):
                # "the Armenia-Azerbaijan border", a "Doda/Jammu:" dateline: two names,
                # each its own
                continue
            if _common_word_opening(doc, full, start, end) and not surname:
                continue  # "10:30 GMT - First casualties reported": "First" names no one
            if _names_a_weapon(text, full, end) or _names_an_operation(full, start, end):
                continue  # "Thai F-16 jets", "Operation Sindoor": a model, a code name
        label = ent.label_
        facility = _FACILITY.match(full, end) if actor is None else None
        if facility:  # "Nur Khan airbase" is a place, not a person
            end, label = facility.end(), "FAC"
            text = full[start:end]
        if actor:
            hint = None
        elif text == dateline:
            hint = "LOCATION"
        else:
            hint = type_hint(full, start, end, closes_apposition=_closes_apposition(doc, end))
            if hint is None and label in ("PERSON", "ORG") and _where_they_went(doc, start):
                hint = "LOCATION"
            if hint is None and label == "PERSON" and _after_place_article(full, start):
                hint = "LOCATION"  # "in the Sahel": no person is "in the" anyone
        yield Candidate(start, end, text, label, actor, hint)


_JOINED_NAMES = re.compile(r"[A-Z][^\W\d_]{2,}(?:-[A-Z][^\W\d_]{2,})+")
_NEXT_WORD = re.compile(r"\s+(?P<word>[a-z]+)\b")


def _joined_places(full: str, start: int, end: int) -> list[tuple[int, int]]:
    """The bounds of each name in a span of capitalised names a hyphen joins before a
    word of a border, route or tie ("the Assam-Meghalaya border", "the Maiduguri-Bama-
    Gwoza road": names.yaml pair_nouns); empty for any other span ("Haute-Kotto")."""
    if not _JOINED_NAMES.fullmatch(full, start, end):
        return []
    after = _NEXT_WORD.match(full, end)
    if not after or after.group("word") not in names().pair_nouns:
        return []
    bounds, at = [], start
    for part in full[start:end].split("-"):
        bounds.append((at, at + len(part)))
        at += len(part) + 1
    return bounds


def type_hint(text: str, start: int, end: int, *, closes_apposition: bool = False) -> str | None:
    """The type the words in and around a name point to, or None.

    "Al-Masirah TV" is an organization; "Major General Sylvain Ekenge" a person; "in
    Sanaa", "the area of Jarban", "Al-Hawk district", "Donetsk Oblast", "Bikaner,
    Jaisalmer and Barmer districts", "Bukavu, the capital of South Kivu" and every name
    of "in Kostiantynivka, Toretsk and Myrnohrad" or "towns including Jermuk, Goris and
    Vardenis" are places. `closes_apposition`: a comma and a verb follow the name.
    """
    words = names()
    name_words = text[start:end].lower().split()
    written = text[start:end].split()
    if (
        len(written) >= 2 and written[-1] in words.lowercase_units and written[-2][:1].isupper()
        and written[-2].lower() not in words.org_words | words.service_words
    ):  # fmt: skip
        # "the Artibonite department", "Cundinamarca department": a unit of Haiti,
        # Colombia, Peru or France, where "the State Department" is a ministry.
        return "LOCATION"
    if any(w in words.org_words for w in name_words):
        return "ORGANIZATION"
    if _place_word(name_words[-1], plural=False):  # not "Confederation of Sahel States"
        return "LOCATION"
    if len(name_words) >= 2 and name_words[-1] in words.institution_words:
        return "ORGANIZATION"  # "Debre Markos Comprehensive Specialized Hospital"
    if len(name_words) >= 2 and name_words[-1] in words.facility_words:
        return "LOCATION"  # "Tinzaouaten Airport", as "Nur Khan airbase"
    after = _LIST_TAIL.match(text, end)
    if after and _place_word(after.group("word").lower()):
        return "LOCATION"
    party = _NEXT_WORD.match(text, end)
    if party and party.group("word") in names().body_nouns:
        return "ORGANIZATION"  # "the ruling Frelimo party", "the Pheu Thai party"
    apposition = _APPOSITION.match(text, end)  # what the name is: ", the capital of"
    if apposition and _place_word(apposition.group("words").split()[-1], capital=True):
        return "LOCATION"
    if _armed_group_cue(text, start, end, apposition):
        return "ARMED_GROUP"
    if closes_apposition and _after_an_office_of(text[max(0, start - 120) : start]):
        return "PERSON"
    if _ends_with_title(text[max(0, start - 40) : start].lower().split()):
        return "PERSON"  # after the place words: "Sheikh Radwan neighbourhood"
    if text.startswith(("'s", "’s"), end):
        return None  # "in Khan's view": the preposition governs what follows
    head = _list_head(text, start, end)
    before = text[max(0, head - 60) : head].lower().split()
    if before and before[-1] in words.place_prepositions:
        return "LOCATION"
    if len(before) >= 2 and before[-1] == "of" and _place_word(before[-2]):
        return "LOCATION"
    if _opens_a_list_of_places(before):
        return "LOCATION"
    if _after_a_named_unit(text[max(0, head - 60) : head].split()) and not closes_apposition:
        return "LOCATION"
    return None


# "the head of the Odesa Regional Military Administration, " before a name.
_OFFICE_OF = re.compile(
    r"\b(?:the|its|their|his|her)\s+(?:[\w'’-]+\s+){0,3}?(?P<office>[\w-]+(?: chief)?)\s+of\s+"
    r"[^,.;:()]{2,80},\s*$",
    re.IGNORECASE,
)


def _after_an_office_of(before: str) -> bool:
    """Whether the words before a name are an office and its "of" phrase, closed by a
    comma: the name in apposition is the office holder's."""
    match = _OFFICE_OF.search(before)
    return match is not None and match["office"].lower() in names().office_nouns


def _where_they_went(doc: Any, start: int) -> bool:
    """Whether the name at `start` is where people or forces were moved to: the object
    of "to" after a verb of moving ("troops were deployed to Bassa and Bokkos")."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or not len(span):
        return False
    word = span[0]
    while word.dep_ in ("compound", "conj") and word.head.i != word.i:
        word = word.head
    prep = word.head
    return (
        word.dep_ == "pobj"
        and prep.lower_ == "to"
        and prep.head.lemma_.lower() in names().movement_verbs
    )


def _closes_apposition(doc: Any, end: int) -> bool:
    """Whether the name ending at `end` is followed by a comma and a verb or "who": an
    apposition closing ("the governor of Kursk region, Alexei Smirnov, said" names a
    person), not a place phrase going on ("Kotile sub-county, Garba Tula, on Monday")."""
    comma = doc.char_span(end, end + 1)
    if comma is None or comma.text != "," or comma.end >= len(doc):
        return False
    after = doc[comma.end]
    return after.pos_ in ("VERB", "AUX") or after.lower_ in ("who", "whose")


def _after_a_named_unit(words: list[str]) -> bool:
    """ "Intan Jaya regency, Central Papua", "Lafey sub-county, Mandera": a name right
    after a named unit and a comma is the region it lies in ("the governor of the
    province, Ali Khan" names no unit: its place word follows no name)."""
    if len(words) < 2 or not words[-1].endswith(","):
        return False
    return words[-2][:1].isupper() and _place_word(words[-1][:-1].lower(), plural=False)


# A name followed by what it is: "Bukavu, the capital of South Kivu", "Misrata, a city
# on the coast", "Fano, a volunteer militia that". The phrase ends where a clause or a
# complement begins, so its last word is what it is ("Khan, the district chief" is a
# chief, not a district).
_APPOSITION = re.compile(
    r",\s+(?:the|a|an)\s+(?P<words>[a-z-]+(?:\s+[a-z-]+){0,3}?)(?=\s*[,.;]|\s+(?:of|in|on|"
    r"near|that|which|who|where|some|about|from|based|led|known|backed|allied)\b)"
)
# The list item just before a position: "Kostiantynivka, " or "Toretsk and ".
# Within a line: a heading above is no list item.
_ITEM_BEFORE = re.compile(
    r"(?<![\w'’-])[A-Z][\w'’-]*(?: +(?:(?:de|del|da|do|al|el) +)?[A-Z][\w'’-]*)*"
    r"(?P<sep> *, +(?:and +|or +)?| +(?:and|or) +)$"
)
# Another item after a name: ", Toretsk", ", and", " or". A comma before a lower-case
# word closes an apposition instead ("the commander in Jere, Modu Bulama, told").
_ITEM_AFTER = re.compile(r" *, +(?:and |or |[A-Z\d])| +(?:and|or) ")


def _list_head(text: str, start: int, end: int) -> int:
    """Where the list of names that the name at start:end belongs to begins ("in
    Kostiantynivka, Toretsk and Myrnohrad": Kostiantynivka), or `start`. The name must
    be joined by "and"/"or" or be followed by another item: in "killed in Quetta, Khan
    said", Khan continues no list."""
    match = _ITEM_BEFORE.search(text, max(0, start - 60), start)
    if match is None:
        return start
    joined = "and" in match.group("sep") or "or" in match.group("sep")
    if not joined and not _ITEM_AFTER.match(text, end):
        return start
    head = match.start()
    for _ in range(8):  # a list of a few names, not a paragraph of them
        match = _ITEM_BEFORE.search(text, max(0, head - 60), head)
        if match is None:
            break
        head = match.start()
    return head


# The words right after a name: "Fano militiamen", "M23 rebel group".
_WORDS_AFTER = re.compile(r" +(?P<words>[a-z]+(?: [a-z]+)?)")
_KNOWN_AS = re.compile(r"(?P<words>[a-z-]+(?: [a-z-]+)?) (?:known as|called|named) $")


def _armed_group_cue(text: str, start: int, end: int, apposition: re.Match[str] | None) -> bool:
    """Whether the words around a name say it is an armed group (names.yaml
    armed_group_nouns): "Fano militiamen", "Fano, a volunteer militia" (`apposition`,
    _APPOSITION's match after the name), "allied militias known as Wazalendo"."""
    nouns = names().armed_group_nouns
    after = _WORDS_AFTER.match(text, end)
    if after and (after.group("words") in nouns or after.group("words").split()[0] in nouns):
        return True
    known = _KNOWN_AS.search(text[max(0, start - 40) : start])
    return any(
        _ends_with_noun(match.group("words"), nouns)
        for match in (apposition, known)
        if match is not None
    )


def _names_a_weapon(name: str, text: str, end: int) -> bool:
    """Whether `name`, ending at `end`, is a weapon or aircraft model: a weapon noun
    follows it, at most one modifier between ("F-16 jets", "Shahed attack drones";
    names.yaml weapon_nouns, weapon_modifiers). Not an acronym without digits (a model
    has them: "JF-17") or a name with an organization's word: that is the force that
    flies them ("IAF fighter jets", "Air Force jets")."""
    words = names()
    acronym = name.isupper() and not any(c.isdigit() for c in name)
    if acronym or not words.org_words.isdisjoint(name.lower().split()):
        return False
    after = _WORDS_AFTER.match(text, end)
    if after is None:
        return False
    following = after.group("words").split()
    if following[0] in words.weapon_modifiers and len(following) > 1:
        following = following[1:]
    return not _singular_forms(following[0]).isdisjoint(words.weapon_nouns)


@cache
def _operation_name_before() -> re.Pattern[str]:
    """The words that introduce an operation's code name, at the end of a text:
    "operations ", "the operation, which Israel calls ", "an offensive dubbed '"."""
    words = names()
    operation = "|".join(re.escape(w) for w in words.operation_words)
    verbs = "|".join(re.escape(w) for w in words.naming_verbs)
    return re.compile(
        rf"(?<!of )\b(?:{operation})s?"
        rf"(?:,?\s+(?:(?:which|that)\s+[\w'’ -]{{1,30}}?\s+)?(?:{verbs}))?"
        r"\s+[\"'“‘]?$",
        re.IGNORECASE,
    )


def _names_an_operation(text: str, start: int, end: int) -> bool:
    """Whether the name at start:end is a military operation's code name ("Operation
    Sindoor", "operations Claw-Eagle and Claw-Tiger": every name of the list; not the
    "John Smith" of "head of operations John Smith")."""
    first, *rest = text[start:end].lower().split()
    if first == "operation" and rest:
        return True
    head = _list_head(text, start, end)
    return _operation_name_before().search(text[max(0, head - 80) : head]) is not None


def _after_place_article(text: str, start: int) -> bool:
    """Whether a place preposition and "the" come right before `start` ("in the")."""
    before = text[max(0, start - 30) : start].split()
    return len(before) >= 2 and before[-1] == "the" and before[-2] in names().place_prepositions


def _ends_with_noun(words: str, nouns: frozenset[str]) -> bool:
    """Whether `words` end with one of `nouns` ("a volunteer militia", "rebel group")."""
    split = words.split()
    return any(" ".join(split[i:]) in nouns for i in range(len(split)))


def _place_word(word: str, *, capital: bool = False, plural: bool = True) -> bool:
    """Whether `word` ("district"; with `plural`, "villages", "oblasts", "cities"; with
    `capital`, "capital") names a kind of place."""
    words = names()
    word = word.strip(",.;:")
    if capital and word == "capital":
        return True
    forms = _singular_forms(word) if plural else {word}
    return any(f in words.place_suffixes or f in words.place_nouns for f in forms)


def _singular_forms(word: str) -> set[str]:
    """The word and the singulars it may be the plural of: "villages", "batteries"."""
    forms = {word, word.removesuffix("s"), word.removesuffix("es")}
    if word.endswith("ies"):
        forms.add(word[:-3] + "y")
    return forms


def _ends_with_title(before: list[str]) -> bool:
    """Whether the words before a name end with a title that only people hold
    ("Spokesman Major General", "Prime Minister")."""
    tail = " ".join(before[-3:])
    return any(tail == t or tail.endswith(" " + t) for t in names().person_titles)


def _opens_a_list_of_places(before: list[str]) -> bool:
    """Whether the words end with an opener of names.yaml ("including") that follows a
    plural place word by at most four words ("towns inside Armenia, including")."""
    for opener in names().place_list_openers:
        n = len(opener.split())
        if " ".join(before[-n:]) == opener:
            return any(w.strip(",").endswith("s") and _place_word(w) for w in before[-n - 4 : -n])
    return False


def _not_a_name(text: str, gaz: Any) -> bool:
    lowered = text.lower()
    singular = lowered.removesuffix("s")
    words = names()
    return (
        text.islower()
        or len(text) < 2
        # "of Foreign Affairs": a name cut after its first word ("al-", "el-" open names)
        or text.split(None, 1)[0] in ("of", "and", "the", "for", "on", "in", "to", "at")
        or lowered in words.not_names
        or lowered in words.titles  # "Bishop", "Apostolic Nuncio" alone: a title, no one
        # "Humanitarian Coordinator for Cameroon": the title of whoever serves there
        or lowered.split(" for ", 1)[0] in words.titles
        or lowered in words.peoples
        or singular in words.peoples
        or singular in gaz.by_demonym
        or lowered in gaz.by_demonym
    )


# What may stand before the first word of a line that opens it: nothing, or a live blog's
# clock ("10:30 GMT -", "14:05 -", "9.15am:") or a bullet.
_LINE_OPENER = re.compile(
    r"\s*(?:[\d:.]+\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4}\b)?\s*)?[-–—:|•*]?\s*", re.IGNORECASE
)


def _surname_told_before(doc: Any, word: str, before: int) -> bool:
    """Whether the word is the last name of a person NER found named in full earlier
    ("President Donald Trump ... Trump said"): a surname, though a common word too."""
    return any(
        e.label_ == "PERSON" and len(e) >= 2 and e[-1].text == word and e.end <= before
        for e in doc.ents
    )


def _common_word_opening(doc: Any, full: str, start: int, end: int) -> bool:
    """Whether NER's one-word name is an ordinary English word that is capitalized only
    because it opens its sentence or line ("First casualties reported", "Convoys head
    south", "Welcome to our live coverage"): a word the model's lexicon knows as a verb,
    an adjective or an adverb, or a word the text writes in lower case elsewhere. A noun
    the lexicon knows is no sign alone: it lists places and peoples as nouns ("kabul",
    "hamas")."""
    text = full[start:end]
    if not text.isalpha() or not text[:1].isupper():
        return False
    lowered = text.lower()
    forms = {lowered, lowered.removesuffix("s"), lowered.removesuffix("es")}
    line_start = full.rfind("\n", 0, start) + 1
    # A quotation's first word ('Bio: "Calm has been restored"') opens it too.
    if _LINE_OPENER.fullmatch(full, line_start, start) is None and full[start - 1 : start] not in (
        '"',
        "“",
    ):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not span[0].is_sent_start:
            return False
    # A noun counts when the text itself writes it in lower case elsewhere ("Death toll
    # rises to 19" over "the death toll"; "Hospital receives bodies" over "the hospital's
    # mortuary"): no name is written so. Searched only for a word at an opening.
    if re.search(rf"\b{re.escape(lowered)}\b", full):
        return True  # "Connaught Hospital" elsewhere is another name's word, not this one
    if forms.isdisjoint(_ordinary_words()):
        return False
    # A name the text gives where no opening explains its capital ("Jeremy Hunt said ...
    # Hunt told reporters") is a name.
    return not any(
        m.start() != start and full[max(0, m.start() - 3) : m.start()].rstrip(" ")[-1:] not in
        _OPENS_AFTER
        for m in re.finditer(rf"\b{re.escape(text)}\b", full)
    )  # fmt: skip


_OPENS_AFTER = frozenset({"", ".", "!", "?", "\n", '"', "“", "-", "–", "—", ":", "•"})


@cache
def _ordinary_words() -> frozenset[str]:
    """The verbs, adjectives and adverbs of the model's lemmatizer tables (WordNet's)."""
    from newsevents.pipeline.nlp import load_nlp

    index = load_nlp().get_pipe("lemmatizer").lookups.get_table("lemma_index")
    words: set[str] = set()
    for pos in ("verb", "adj", "adv"):
        words.update(index.get(pos, ()))
    return frozenset(words)


def _starts_a_title(text: str, following: str) -> bool:
    combined = (text + following).lower()
    if any(len(t) > len(text) and combined.startswith(t) for t in names().titles):
        return True
    # "Union Home Minister Amit Shah", "who holds the Home portfolio": the field of an
    # office, not an organization.
    after = following.split(None, 1)[0].strip(".,;:'’s").lower() if following.strip() else ""
    return after in OFFICE_NOUNS


# The nouns of an office an unknown name before them is the field of ("Defense Secretary
# Hemasiri Fernando": the field, not an organization).
OFFICE_NOUNS = frozenset({"minister", "ministers", "portfolio", "secretary"})


def heading_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of the headline and of subheadings: short lines in Title Case
    without a sentence end ("The Future of Pakistan-Iran Relations", seed 004)."""
    ranges, offset = [], 0
    for number, line in enumerate(text.split("\n")):
        words = [w for w in line.split() if w[:1].isalpha()]
        capitalized = sum(w[0].isupper() for w in words if len(w) > 3)
        long_words = sum(1 for w in words if len(w) > 3)
        is_heading = number == 0 or (
            0 < len(words) <= 14
            and not line.rstrip().endswith((".", "!", "?", '"', "”", ":"))
            and capitalized >= 0.6 * max(long_words, 1)
        )
        if is_heading:
            ranges.append((offset, offset + len(line)))
        offset += len(line) + 1
    return ranges


def _inside(cand: Candidate, ranges: list[tuple[int, int]]) -> bool:
    return _within(cand.start, cand.end, ranges)


def _within(start: int, end: int, ranges: Iterable[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in ranges)


def _cut_at_of(doc: Any, ent: Any, end: int) -> int:
    """The end of a name NER cut after "of" ("The Catholic Diocese of" | "Kumbo"): past
    the capitalized proper nouns right after it; with none, before the "of"."""
    following = end
    for token in doc[ent.end : ent.end + 6]:
        if token.pos_ != "PROPN" or not token.text[:1].isupper():
            break
        following = token.idx + len(token.text)
    return following if following > end else end - len(" of")


def _joined_people(doc: Any) -> list[Any]:
    """NER's spans, with a person's name it split in two put back together: "Governor
    Oleksandr Prokudin" tagged "Oleksandr" and "Prokudin", two PERSON spans one space
    apart; and an organization's name it split at the preposition after its institution
    word: "the Permanent Committee" and "the Defense of Human Rights" are one name,
    "the Permanent Committee for the Defense of Human Rights"."""
    from spacy.tokens import Span

    spans: list[Any] = []
    for ent in doc.ents:
        last = spans[-1] if spans else None
        if (
            last is not None and last.label_ == "PERSON"
            and (ent.label_ == "PERSON" or _hyphened_surname(ent))
            and last.end == ent.start and doc[last.end - 1].whitespace_ == " "
        ):  # fmt: skip
            spans[-1] = Span(doc, last.start, ent.end, label="PERSON")
        elif last is not None and _split_institution(last, ent):
            spans[-1] = Span(doc, last.start, ent.end, label="ORG")
        else:
            spans.append(ent)
    return spans


def _hyphened_surname(ent: Any) -> bool:
    """ "Fils-" of "Alix Didier Fils-Aimé", which NER tags apart from the given names
    before it, as anything: a capitalised word that a hyphen ends or joins."""
    words = ent.text.split()
    return len(words) == 1 and ent.text[:1].isupper() and "-" in ent.text[1:]


# Prepositions an institution's name goes on with: "Committee for the ...", "Office of
# the ...", "Council on ...".
_NAME_PREPOSITIONS = frozenset({"for", "of", "on"})


def _split_institution(first: Any, second: Any) -> bool:
    """Whether two organization spans are one name NER split after an institution word
    (knowledge/names.yaml `org_words`) at the one preposition between them."""
    between = first.doc[first.end : second.start]
    return (
        first.label_ == second.label_ == "ORG"
        and first[-1].lower_ in names().org_words
        and len(between) == 1
        and between[0].lower_ in _NAME_PREPOSITIONS
        and "\n" not in first.doc[first.end - 1 : second.start + 1].text
    )


def _outside_brackets(text: str, start: int, end: int) -> tuple[int, int]:
    """A name NER ran into a bracket it did not close ("Line of Control (LoC") ends
    before it; one it took from inside a bracket ("LoC) in") starts after it."""
    name = text[start:end]
    if "(" in name and ")" not in name:
        end = start + len(name[: name.index("(")].rstrip())
    elif ")" in name and "(" not in name:
        cut = name.index(")") + 1
        start += cut + len(name[cut:]) - len(name[cut:].lstrip())
    return start, end


# A joining word or a preposition a name cannot end with: "Tabangout and", "the House
# of Representatives on" (NER ran on into "on Karki's recommendation").
_TRAILING_JOINER = re.compile(r"\s+(?:and|or|&|on|in|at|to|by|with|from)$")


# A formation's number right before its name: "4th", "201st", "34" (not a year).
# A bare number only after "the": "the 34 Artillery Brigade", not "said 12 Army ... officers".
_UNIT_NUMBER = re.compile(
    r"(?:(?<![\w,.])\d{1,4}(?:st|nd|rd|th)|(?<=\bthe )\d{1,3})\s+$", re.IGNORECASE
)


# A full stop, then a word that opens a sentence and never a name: NER read two
# sentences as one name ("X. He", "X. None of the crew").
_OVER_A_SENTENCE_END = re.compile(
    r"\.\s+(?:He|She|It|They|We|I|None|The|This|That|There|But|And|A|An)\b"
)


def _trim(text: str, ent: Any) -> tuple[int, int]:
    """Character bounds of a NER span without a leading 'the', titles or a possessive."""
    start, end = ent.start_char, ent.end_char
    if text[end - 1 : end] == "-":
        # "Jean-Noel Barrot", which NER cut at the hyphen: the name goes on.
        rest = _NAME_GOES_ON.match(text, end)
        end = _before_a_title(text, end, rest.end()) if rest else end
    # "CSP-DPA": two acronyms a hyphen joins are one name, which NER splits in two.
    if text[start:end].isupper():
        joined = _HYPHENED_ACRONYM.match(text, end)
        end = joined.end() if joined else end
        before = _ACRONYM_HYPHEN.search(text[max(0, start - 12) : start])
        start = start - len(before.group()) if before else start
    lowered = text[start:end].lower()
    # "King Fahd Hospital", "President Hotel": a title opening an institution's name is
    # part of it.
    last = lowered.rsplit(None, 1)[-1] if lowered.strip() else ""
    institution = last in names().org_words or last in names().facility_words
    titles = () if institution else tuple(f"{t} " for t in names().titles)
    changed = True
    while changed:
        changed = False
        for prefix in ("the ", *titles):
            if lowered.startswith(prefix):
                start += len(prefix)
                lowered = lowered[len(prefix) :]
                changed = True
    stamp = _LEADING_WORD.match(text, start, end)
    if stamp and stamp.group(1).lower() in names().not_names:
        start = stamp.end()  # "GMT - Sudan", a live blog's clock before its entry
    clock = _LEADING_CLOCK.match(text, start, end)
    if clock:
        start = clock.end()  # "21:30 Health ministry": an entry's time, no dash after it
    match = _POSSESSIVE.search(text[start:end])
    if match and end - start > len(match.group()):
        end -= len(match.group())
    owner = _OWNER.match(text[start:end])
    if owner and text[start + owner.end() : start + owner.end() + 1].isupper():
        known = gazetteer().lookup(owner.group(1))
        if known is not None and known.type in ("COUNTRY", "LOCATION"):
            # "Kyiv's Shevchenkivskyi district": the district, in the place that owns it
            # (named on its own by `_possessors` or NER).
            start += owner.end()
    while end > start and not text[end - 1].isalnum():
        end -= 1
    while start < end and not (text[start].isalnum() or text[start] in "'’\""):
        start += 1  # "• Logistics": a list's bullet before the name
    # "stormed Tabangout and Infoukaretane": NER ran the name on into the "and" of a
    # second name it did not tag.
    trailing = _TRAILING_JOINER.search(text, start, end)
    if trailing is not None and trailing.start() > start:
        end = trailing.start()
    over = _OVER_A_SENTENCE_END.search(text, start, end)
    if over is not None:
        # "wrote on X. He added": NER ran "X" on into the next sentence (an
        # abbreviation keeps its stop: "the U.S. The ...").
        end = over.start() + (text[over.start() - 2 : over.start() - 1] == ".")
    words = text[start:end].rsplit(None, 1)
    if len(words) == 2 and words[1].lower() in names().speaker_titles:
        # "the Egyptian Armed Forces Spokesman said": the body the spokesman speaks for.
        end = start + len(words[0])
    last = text[start:end].rsplit(None, 1)[-1].lower() if end > start else ""
    if last in names().numbered_units:
        # "the 4th Special Forces Battalion", "34 Artillery Brigade": NER leaves the
        # formation's number out of its name.
        number = _UNIT_NUMBER.search(text, max(0, start - 8), start)
        start = number.start() if number is not None else start
    return start, end


def _before_a_conjunct_of_another_noun(doc: Any, full: str, start: int, end: int) -> int:
    """Where a name NER ran on through "and" into the modifier of another noun ends:
    "the Assam Rifles and State police" names the Assam Rifles ("State" modifies
    "police"); else `end`."""
    cut = full.rfind(" and ", start, end)
    span = doc.char_span(start, end, alignment_mode="expand")
    if cut < 0 or span is None or not len(span) or span.end >= len(doc):
        return end
    noun = doc[span.end]  # the word right after the name
    if noun.pos_ != "NOUN" or not noun.text.islower():
        return end
    word = span[-1]
    while word.dep_ == "conj" and word.head.i >= span.start:
        word = word.head  # "Rifles and State": up to the first conjunct
    modifies = word.dep_ in ("compound", "nmod", "amod") and word.head == noun
    return cut if modifies or span[-1].head == noun else end


def _to_defined_end(full: str, start: int, end: int, defined: list[tuple[int, int, str]]) -> int:
    """The end of the long form an acronym defines ("Long Name (LN)") that the name at
    `start:end` begins and stops short of, on its line; else `end`. The acronym must
    begin with the name's initial, and what is added must not join another name ("the
    Irigwe Development Association and the Miyetti Allah ... (MACBAN)")."""
    for long_start, long_end, short in defined:
        added = full[end:long_end]
        if (
            long_start <= start and end < long_end
            and "\n" not in full[start:long_end] and " and " not in added
            and short[0].lower() == full[start].lower()
        ):  # fmt: skip
            return long_end
    return end


def _widen(doc: Any, full: str, ent: Any, start: int, end: int) -> tuple[int, int]:
    """The bounds of a name NER cut short, from the trimmed bounds `start:end` of `ent`.

    NER often splits the name of a place it has not seen: "Finote Selam" and "Preah
    Vihear" come as "Finote" and "Preah", a proper noun it tagged nothing left after
    them. A place's name takes such words after it. A lower-case place word after a
    name (names.yaml place_suffixes: "Syunik province", "Al Abdiyah district") joins the
    mention as written, not the name (`_lookup_form`; a place noun, "Walikale
    territory", is left to NER: `_with_place_word`). Either shows that what comes before
    is a place's name, so a title or a proper noun just before the span belongs to it
    too ("Sheikh Radwan neighbourhood", which NER reads as "Radwan", a person). `full`
    is the doc's text, read once by the caller (spaCy rebuilds it on every read)."""
    # A person's name NER began one word late in an apposition (", Saleban Yusuf Ali
    # Koore,", tagged "Yusuf Ali Koore"): an untagged capitalised proper noun right
    # after the comma or bracket that opens it is its first name (after a word it may
    # be a rank or an office NER left out: "spokesperson Commodore Jay Tarriela").
    if ent.label_ == "PERSON" and start == ent.start_char and ent.start > 1:
        first = doc[ent.start - 1]
        if (
            first.idx + len(first.text) + 1 == start
            and _untagged_name_word(first)
            and doc[first.i - 1].text in (",", "(", "—", "–")
        ):
            start = first.idx
    # A person's name NER cut short before a second surname ("Omar García Harfuch",
    # "Andrés Manuel López Obrador") goes on the same way.
    if ent.label_ in ("GPE", "LOC", "FAC", "PERSON") and end == ent.end_char:
        i = ent.end
        while (
            i < len(doc)
            and i < ent.end + 2
            and doc[i].idx == end + 1  # one space after the name
            and _bare_proper_noun(doc[i])
            and not _names_a_holder(doc[i].text)  # "US Secretary", "Marib Governor"
        ):
            end = doc[i].idx + len(doc[i].text)
            i += 1
    if full[start:end].split()[-1].lower() in names().facility_words:
        # "Debre Markos Comprehensive Specialized Hospital", which NER reads as "Markos
        # ... Hospital", a person: a facility's name takes the proper nouns before it.
        start = _proper_nouns_before(doc, ent, start)
    place_word = _PLACE_WORD_AFTER.match(full, end)
    if place_word is None or not _place_word(place_word.group("word"), plural=False):
        return start, end
    first = next(t.i for t in doc[ent.start : ent.end] if t.idx + len(t.text) > start)
    while first > 0 and first > ent.start - 2:
        before = doc[first - 1]
        in_name = before.i >= ent.start and before.text[:1].isupper()  # a title trimmed
        if before.idx + len(before.text) + 1 != start or not (in_name or _bare_proper_noun(before)):
            break
        start, first = before.idx, first - 1
    return start, _with_place_word(full, place_word)


def _across_hyphens(
    full: str, start: int, end: int, lookup: Callable[[str], Actor | None]
) -> tuple[int, int]:
    """The bounds of a place's name NER cut at a hyphen ("Kyzyl-Bel", "Dand-e-Patan",
    "Haute-Kotto"), unless the other part is a name of its own ("the Armenia-Azerbaijan
    border" joins two countries)."""
    after = _HYPHEN_AFTER.match(full, end)
    if after and not lookup(after.group().rsplit("-", 1)[-1]):
        end = after.end()
    before = _HYPHEN_BEFORE.search(full, max(0, start - 40), start)
    if before and not lookup(before.group().split("-", 1)[0]):
        start = before.start()
    return start, end


def _proper_nouns_before(doc: Any, ent: Any, start: int) -> int:
    """`start` moved back over up to two untagged proper nouns right before the span."""
    first = ent.start
    while first > 0 and first > ent.start - 2:
        before = doc[first - 1]
        if before.idx + len(before.text) + 1 != start or not _bare_proper_noun(before):
            break
        start, first = before.idx, first - 1
    return start


def _with_place_word(full: str, place_word: re.Match[str]) -> int:
    """The end of a name's mention with the place word `place_word` after it: past the
    word, or before it for a place noun that stays in a name ("Walikale territory", left
    to NER) and a place word that heads a place of its own ("the Red Sea port of
    Hodeidah", "the Red Sea port city of Hodeidah")."""
    further = _PLACE_WORD_AFTER.match(full, place_word.end())
    joins = place_word.group("word") in names().place_suffixes and not (
        further and (further.group("word") == "of" or _place_word(further.group("word")))
    )
    return place_word.end() if joins else place_word.start()


# NER labels that name nothing the entities stage keeps: a place NER read as a product
# ("in the Mir Ali area") counts as untagged.
_NO_ENTITY_LABELS = frozenset({"", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE"})
_RUN = 4  # words in a place name found without NER


def _untagged_places(doc: Any, headings: list[tuple[int, int]]) -> Iterable[Candidate]:
    """Places NER left untagged, or read as a product or a work, found by the words
    around them: a place word after ("Cabo Delgado province", "the Mir Ali area") or
    before ("the Angolan capital Luanda", "the villages of Kashebere"). The name is a
    run of up to `_RUN` proper nouns in capitals within a line, outside the headings."""
    full = doc.text
    gaz = gazetteer()
    i = 0
    while i < len(doc):
        if not _untagged_name_word(doc[i]):
            i += 1
            continue
        j = i + 1
        while (
            j < len(doc)
            and j - i < _RUN
            and _untagged_name_word(doc[j])
            and doc[j].idx == doc[j - 1].idx + len(doc[j - 1].text) + 1
        ):
            j += 1
        start, end = doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text)
        i = j
        text = full[start:end]
        if _not_a_name(text, gaz) or _within(start, end, headings):
            continue
        start, end = _across_hyphens(full, start, end, gaz.lookup)
        place_word = _PLACE_WORD_AFTER.match(full, end)
        before = full[max(0, start - 40) : start].lower().split()
        if place_word and _place_word(place_word.group("word"), plural=False):
            end = _with_place_word(full, place_word)
        elif not before or not (
            _place_word(before[-1], capital=True)
            or len(before) > 1
            and before[-1] == "of"
            and _place_word(before[-2])
        ):
            continue
        name = full[start:end]
        actor = gaz.lookup(name) or gaz.lookup(_lookup_form(name))
        yield Candidate(start, end, name, "LOC", actor, None if actor else "LOCATION")


def _ranked_people(doc: Any, headings: list[tuple[int, int]]) -> Iterable[Candidate]:
    """A person's name after a rank (names.yaml ranks): two to four capitalised proper
    nouns, which NER often tags as an organization, splits or misses in South Asian and
    African copy ("Lance Corporal Md Shahidul Islam", "Sepoy Pradeep Kumar")."""
    ranks = names().ranks
    last_words = {rank.rsplit(None, 1)[-1] for rank in ranks}
    for i, token in enumerate(doc):
        if token.lower_ not in last_words or not any(
            i - k >= 0 and " ".join(t.lower_ for t in doc[i - k : i + 1]) in ranks for k in range(3)
        ):
            continue
        j = i + 1
        while j < len(doc) and j - i <= 4 and _capitalized_proper_noun(doc[j]):
            if doc[j].lower_ in _title_words():
                break
            j += 1
        if j - i < 3:
            continue  # a rank and one word: a surname or a given name alone
        start, end = doc[i + 1].idx, doc[j - 1].idx + len(doc[j - 1].text)
        if _within(start, end, headings):
            continue
        text = doc.text[start:end]
        yield Candidate(start, end, text, "PERSON", gazetteer().lookup(text), "PERSON")


def _untagged_name_word(token: Any) -> bool:
    return (
        _capitalized_proper_noun(token)
        and token.ent_type_ in _NO_ENTITY_LABELS
        and not _names_a_holder(token.text)
    )


def _capitalized_proper_noun(token: Any) -> bool:
    return token.pos_ == "PROPN" and token.is_alpha and token.text[0].isupper()


def _before_a_title(text: str, start: int, end: int) -> int:
    """Where the words of `text[start:end]` stop before a title after the first word:
    "KwaZulu-Natal Premier Sihle Zikalala" goes on to "Natal", not to the premier."""
    for word in re.finditer(r"\S+", text[start:end]):
        if word.start() > 0 and _names_a_holder(word.group()):
            return start + len(text[start : start + word.start()].rstrip())
    return end


def _names_a_holder(word: str) -> bool:
    """Whether `word` is a title or the start of one ("Secretary", "Governor"): after a
    place, it names who holds an office there, not the place."""
    return word.lower() in _title_words()


@cache
def _holder_words() -> frozenset[str]:
    """The last word of every title of names.yaml ("general" of "attorney general")."""
    return frozenset(t.split()[-1] for t in names().titles)


# "the Guanajuato Attorney General's Office", "the President's Office": NER cuts such
# names at the possessive ("Guanajuato" and "General's Office").
_HOLDER_OFFICE = re.compile(
    r"\b(?P<name>(?:[A-Z][\w.-]*[ \t]+){0,5}(?P<holder>[A-Z][\w-]*))['’]s[ \t]+"
    r"(?:Office|Bureau|Secretariat|Chambers|Cabinet|Department)\b"
)


def _anchored_aliases(text: str, known: list[Candidate]) -> Iterable[Candidate]:
    """Every use of a short form that is also a common word (actors.yaml
    `anchored_aliases`: "IS claimed the attack") of an actor the article names otherwise:
    as written, a word of its own, in a line not written in capitals ("WHAT IS KNOWN")."""
    named = {c.actor.entity_id: c.actor for c in known if c.actor is not None}
    for actor in named.values():
        for alias in actor.anchored_aliases:
            for use in re.finditer(rf"(?<![\w-]){re.escape(alias)}(?![\w-])", text):
                line_start = text.rfind("\n", 0, use.start()) + 1
                line_end = text.find("\n", use.end())
                line = text[line_start : line_end if line_end >= 0 else len(text)]
                letters = [c for c in line if c.isalpha()]
                if sum(c.isupper() for c in letters) * 2 > len(letters):
                    continue  # a headline or heading in capitals
                yield Candidate(use.start(), use.end(), alias, "GAZETTEER", actor)


def _defined_short_forms(text: str) -> Iterable[Candidate]:
    """Every use of a short form the text defines ("the Army's 8th Infantry Division
    (8ID) ... the 8ID said", "the Amhara Fano National Movement (AFNM)"), which NER
    often tags as nothing: a mention of what it stands for (grouped with the long form
    by `_same_as`)."""
    defined = {
        m.group("short")
        for m in _ACRONYM.finditer(text)
        # "Troops of Operation Whirl Stroke (OPWS)": a code name, no body; "Addis Ababa
        # (AFP)": a dateline's credit, no short form
        if _abbreviates(m.group("short"), m.group("long"))
        and "Operation " not in m.group("long")
        and not _names_an_operation(text, m.start("long"), m.end("long"))
    }
    for short in defined:
        for use in re.finditer(rf"(?<![\w-]){re.escape(short)}(?![\w-])", text):
            yield Candidate(use.start(), use.end(), short, "ORG", hint="ORGANIZATION")


def _offices_of_a_holder(text: str) -> Iterable[Candidate]:
    """The office of a title's holder as one organization: "Attorney General's Office",
    "Prime Minister's Office" (names.yaml titles), with the capitalized words before
    the title that name whose ("Guanajuato Attorney General's Office")."""
    for match in _HOLDER_OFFICE.finditer(text):
        if match["holder"].lower() not in _holder_words():
            continue
        start = match.start()
        if text.startswith(("The ", "the "), start):
            start += 4
        yield Candidate(start, match.end(), text[start : match.end()], "ORG", hint="ORGANIZATION")


@cache
def _title_words() -> frozenset[str]:
    """Every title of names.yaml and the first word of each ("foreign" of "foreign
    secretary"): a name's word is one of these or starts none."""
    return frozenset(names().titles) | {t.split()[0] for t in names().titles}


# A lower-case word right after a name: "Syunik province" -> province.
_PLACE_WORD_AFTER = re.compile(r" (?P<word>[a-z]+)\b")
_CAPITAL_PLACE_WORD_AFTER = re.compile(r" (?P<word>[A-Z][a-z]+)\b")


def _bare_proper_noun(token: Any) -> bool:
    """Whether `token` is a proper noun in capitals that NER left out of every name,
    within the sentence (a capital after a full stop says nothing)."""
    return _capitalized_proper_noun(token) and token.ent_iob_ == "O" and not token.is_sent_start


def _spaced(text: str) -> str:
    """The name with one space between its words (a mention may run over a line break)."""
    return " ".join(text.split())


def _lookup_form(text: str) -> str:
    """A name without a trailing place word: 'Panjgur district' -> 'Panjgur'."""
    words = text.split()
    if len(words) > 1 and words[-1].lower() in names().place_suffixes:
        words = words[:-1]
    return " ".join(words)


def _select(candidates: list[Candidate]) -> list[Candidate]:
    """Resolve overlaps: gazetteer hits first, then longer spans. An unknown
    organization or person name may contain a known place ("Election Commission of
    Pakistan"): both are kept."""
    accepted: list[Candidate] = []
    # A name after a rank ends the unknown name NER ran on from the office before the
    # rank ("Chief of Defence Staff General Bipin Rawat" as one organization): the
    # person is the name (`_ranked_people`).
    ranked = [c for c in candidates if c.label == "PERSON" and c.hint == "PERSON"]
    candidates = [
        c for c in candidates
        if c.actor is not None or c.label == "PERSON"
        or not any(r.end == c.end and r.start > c.start for r in ranked)
    ]  # fmt: skip
    order = sorted(candidates, key=lambda c: (c.actor is None, -c.length, c.start))
    for cand in order:
        clash = [a for a in accepted if a.start < cand.end and cand.start < a.end]
        if _names_a_part(cand, clash):
            accepted.remove(clash[0])
            accepted.append(cand)
        elif clash and _surname_of_a_person(cand, clash):
            for known in clash:
                accepted.remove(known)
            accepted.append(cand)
        elif (
            not clash
            or cand.actor is None
            and cand.label in ("ORG", "FAC", "PERSON")
            and all(
                cand.start <= a.start
                and a.end <= cand.end
                and a.length < cand.length
                and a.actor is not None
                and a.actor.type in ("COUNTRY", "LOCATION")
                for a in clash
            )
        ):
            accepted.append(cand)
    return sorted(accepted, key=lambda c: c.start)


def _surnames_of_people(candidates: list[Candidate], doc: Any) -> list[Candidate]:
    """A known name that is the surname of a person the article names in full ("Thérèse
    Kayikwamba Wagner ... Wagner called on") stands for that person there, unless a noun
    follows it ("Wagner fighters", "Wagner mercenaries": the group)."""
    surnames = {
        c.text.split()[-1]
        for c in candidates
        if c.actor is None and c.label == "PERSON" and len(c.text.split()) >= 3
    }
    # A surname alone that NER took for an organization or a place ("President Donald
    # Trump ... Trump said", "Trump" tagged ORG) is the person too: of anyone named in
    # full before it, known to the gazetteer or not.
    people = {
        c.text.split()[-1]: c.start
        for c in reversed(candidates)
        if len(c.text.split()) >= 2
        and (c.label == "PERSON" if c.actor is None else c.actor.type == "PERSON")
    }
    if not surnames and not people:
        return candidates
    return [
        replace(c, label="PERSON", actor=None, hint=None)
        if (
            c.actor is not None and c.actor.type != "PERSON" and c.text in surnames
            or c.actor is None and c.label != "PERSON" and people.get(c.text, c.start) < c.start
        )
        and not _noun_after(doc, c.end)
        else c
        for c in candidates
    ]  # fmt: skip


def _noun_after(doc: Any, end: int) -> bool:
    """Whether the word after `end` is a noun the name modifies ("Wagner fighters")."""
    following = next((t for t in doc if t.idx >= end and not t.is_space), None)
    return following is not None and following.pos_ in ("NOUN", "PROPN")


def _surname_of_a_person(cand: Candidate, clash: list[Candidate]) -> bool:
    """Whether a name the gazetteer knows as no person is only the surname in NER's
    person's name: "Foreign Minister Thérèse Kayikwamba Wagner" is no Wagner Group."""
    return (
        cand.actor is None and cand.label == "PERSON"
        and all(
            a.actor is not None and a.actor.type != "PERSON" and a.end == cand.end
            and len(cand.text[: a.start - cand.start].split()) >= 2
            for a in clash
        )
    )  # fmt: skip


_OWNER = re.compile(r"(.+?)['’]s\s")


def _possessors(accepted: list[Candidate]) -> list[Candidate]:
    """The country or place named as the owner of an institution the gazetteer knows
    whole ("Saudi Arabia's foreign ministry"): the article names it too, though the
    institution's mention holds the words."""
    found = []
    starts = {c.start for c in accepted if c.actor is not None and c.actor.type == "COUNTRY"}
    for cand in accepted:
        if cand.actor is None or cand.actor.type not in ("ORGANIZATION", "ARMED_GROUP"):
            continue
        match = _OWNER.match(cand.text)
        owner = gazetteer().lookup(match.group(1)) if match else None
        if owner is None or owner.type not in ("COUNTRY", "LOCATION") or cand.start in starts:
            continue
        end = cand.start + len(match.group(1))  # type: ignore[union-attr]
        found.append(Candidate(cand.start, end, match.group(1), "GAZETTEER", owner))  # type: ignore[union-attr]
    return found


def _after_another_country(known: list[Candidate], text: str) -> list[Candidate]:
    """The gazetteer's hits, with an organization or armed group it knows in one country
    named right after another country's name read as one organization it does not know:
    "Uganda People's Defence Force" is Uganda's army, not Myanmar's People's Defence
    Force. The country's own mention stays; NER may have missed the whole name."""
    found = list(known)
    for country, body in itertools.pairwise(known):
        if (
            country.actor is not None and country.actor.type == "COUNTRY"
            and body.actor is not None and body.actor.type in ("ORGANIZATION", "ARMED_GROUP")
            and text[country.end : body.start] == " "
            and body.actor.country not in (None, country.actor.name)
        ):  # fmt: skip
            name = text[country.start : body.end]
            joined = Candidate(country.start, body.end, name, "ORG", hint="ORGANIZATION")
            found[found.index(body)] = joined
    return found


def _names_a_part(cand: Candidate, clash: list[Candidate]) -> bool:
    """Whether `cand`, a place NER found that the gazetteer does not know, names a part
    of the one known place inside it: "Middle Juba" is a region of Somalia, not Juba,
    the capital of South Sudan ("East Jerusalem", "Upper Nile"). The words it adds are
    in capitals or a place word ("Middle Juba region")."""
    if cand.actor is not None or cand.label not in ("GPE", "LOC") or len(clash) != 1:
        return False
    known = clash[0]
    if known.actor is None or known.actor.type not in ("COUNTRY", "LOCATION"):
        return False
    if not (cand.start <= known.start and known.end <= cand.end and known.length < cand.length):
        return False
    added = cand.text[: known.start - cand.start] + " " + cand.text[known.end - cand.start :]
    return all(
        w[:1].isupper() and w.isalpha() or _place_word(w, plural=False) for w in added.split()
    )


def _group(candidates: list[Candidate], text: str) -> list[Group]:
    known: dict[str, Group] = {}
    unknown: dict[str, Group] = {}
    for cand in candidates:
        if cand.actor:
            known.setdefault(cand.actor.entity_id, Group(actor=cand.actor)).candidates.append(cand)
        else:
            institution = qualified(cand.text, [(cand.start, cand.end)], text)
            key = name_key(institution or _lookup_form(cand.text))
            group = unknown.setdefault(key, Group(institution=institution))
            group.candidates.append(cand)
    groups = list(known.values())
    pending = sorted(unknown.values(), key=lambda g: -len(g.name()))
    acronyms = {
        m.group("short"): name_key(_LEADING_THE.sub("", m.group("long")))
        for pattern in (_ACRONYM, _ALIAS)
        for m in pattern.finditer(text)
    }
    for group in pending:
        target = _same_as(group, groups, acronyms)
        if target is None:
            groups.append(group)
        else:
            target.candidates.extend(group.candidates)
    return groups


def _same_as(group: Group, groups: list[Group], acronyms: dict[str, str]) -> Group | None:
    """The already-formed entity this unknown name is another form of, if any; never
    one that names another country's institution."""
    from rapidfuzz import fuzz

    groups = [
        g for g in groups
        if not (group.institution and g.institution and g.institution != group.institution)
    ]  # fmt: skip
    name = group.name()
    key = name_key(name)
    long_key = acronyms.get(name)
    if long_key:
        for other in groups:
            if any(name_key(_lookup_form(c.text)).endswith(long_key) for c in other.candidates):
                return other
    if _looks_like_acronym(name):
        for other in groups:
            if name.casefold() in _initials(other.name()):
                return other
    # "the National Liberation Army (ELN)": the long form the text gives a known acronym.
    shorts = {short for short, long in acronyms.items() if long == key}
    for other in groups:
        if other.actor is not None and any(c.text in shorts for c in other.candidates):
            return other
    words = name.split()
    # "the Army said" where the article names "the Pakistan Army": a bare state
    # institution is the one of that name the article names with its country.
    if canonical(name) is not None and group.institution is None:
        fuller = [
            g for g in groups
            if g.type() in ("ORGANIZATION", "ARMED_GROUP") and _ends_or_starts_with(g, words)
        ]  # fmt: skip
        if len(fuller) == 1:
            return fuller[0]
    # A short form of a person named in full elsewhere in the article.
    if len(words) <= 2:
        people = [
            g for g in groups
            if g.type() == "PERSON" and len(g.name().split()) > len(words)
            and _ends_or_starts_with(g, words)
        ]  # fmt: skip
        if len(people) == 1:
            return people[0]
    if len(key) >= FUZZY_MIN_LENGTH:
        for other in groups:
            if other.type() == group.type() and fuzz.ratio(key, other.key()) >= FUZZY_THRESHOLD:
                return other
    return None


def _looks_like_acronym(name: str) -> bool:
    """'RSF', 'NSC', 'MoFA': one short word with at least two capitals."""
    return " " not in name and 2 <= len(name) <= 6 and sum(c.isupper() for c in name) >= 2


def _initials(name: str) -> set[str]:
    """Initials with and without function words: 'Ministry of Foreign Affairs' ->
    {'mofa', 'mfa'}."""
    words = re.split(r"[\s-]+", name.casefold())
    return {
        "".join(w[0] for w in words if w),
        "".join(w[0] for w in words if w and w not in FUNCTION_WORDS),
    }


def _ends_or_starts_with(group: Group, words: list[str]) -> bool:
    target = [name_key(w) for w in words]
    for form in {group.name(), *(c.text for c in group.candidates)}:
        parts = [name_key(w) for w in form.split()]
        if len(parts) > len(target) and (
            parts[-len(target) :] == target or parts[: len(target)] == target
        ):
            return True
    return False


def _is_armed_group(name: str) -> bool:
    lowered = name.lower()
    if _NUMBERED_UNIT.match(name) and lowered.rsplit(None, 1)[-1] in names().numbered_units:
        # "1st Warsaw Armoured Brigade", "34 Artillery Brigade": a state army numbers its
        # formations; a militia's brigades go by name ("the Qassam Brigades").
        return False
    # The substring test first: this runs each time a group's type is asked for.
    words = names().armed_group_words
    return any(w in lowered and whole_words(w).search(lowered) for w in words)


_NUMBERED_UNIT = re.compile(r"(?:the\s+)?\d{1,4}(?:st|nd|rd|th)?\s", re.IGNORECASE)


def _to_entity(group: Group, text: str) -> Entity:
    mentions = sorted({(c.start, c.end, c.text) for c in group.candidates})
    name = group.name()
    if group.actor is None:
        # "Syria's Ministry of Health" is not every country's: "Ministry of Health (Syria)".
        name = qualified(name, [(s, e) for s, e, _ in mentions], text) or name
    return Entity(
        entity_id=group.actor.entity_id if group.actor else slugify(name),
        name=name,
        type=group.type(),  # type: ignore[arg-type]
        wikidata=group.actor.wikidata if group.actor else None,
        mentions=[Mention(start=s, end=e, text=t) for s, e, t in mentions],
    )
