"""Knowledge files (YAML data with sources noted) and typed loaders for them.

Loaders are cached: the files are read once per process and the returned values
are immutable, so no stage holds mutable global state.
"""

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import Any

import yaml

from newsevents.user_cache import compiled_value

# The knowledge files are the package's own, trusted data: libyaml's C loader reads them
# about 9 times faster than the pure-Python one (1.9 s against 0.2 s for all of them),
# a fixed cost of every build and every worker. Untrusted YAML (sidecars, gold) goes
# through safe_yaml's guarded loader instead.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(name: str) -> Any:
    """Parse `knowledge/<name>.yaml` shipped inside the package.

    Parsed once per installation and version of the file: the values are pickled into
    the user's cache folder (user_cache.py), which loads all the files in about 0.01 s
    where parsing them takes 0.2 s, in every build process."""
    text = files(__package__).joinpath(f"{name}.yaml").read_text("utf-8")
    return compiled_value(
        f"knowledge_{name}",
        [f"pyyaml {yaml.__version__} {_LOADER.__name__}", text],
        lambda: yaml.load(text, Loader=_LOADER),  # noqa: S506 - a safe loader, C or Python
    )


@dataclass(frozen=True)
class LineRule:
    """Lines of one boilerplate kind: exact (normalized) lines and full-line patterns."""

    kind: str
    exact: frozenset[str]
    patterns: tuple[re.Pattern[str], ...]

    def matches(self, normalized: str) -> bool:
        return normalized.lower() in self.exact or any(
            p.fullmatch(normalized) for p in self.patterns
        )


@dataclass(frozen=True)
class Boilerplate:
    rules: tuple[LineRule, ...]
    date_line_max_chars: int
    date_labels: dict[str, tuple[str, ...]]  # "published"/"updated" -> labels, longest first
    chrome_tags: frozenset[str] = frozenset()  # page regions whose dates never count
    chrome_class_words: frozenset[str] = frozenset()
    link_labels: frozenset[str] = frozenset()  # "read more", "see also": a list of links
    month_first_countries: frozenset[str] = frozenset()  # ISO 3166-1 alpha-2
    unknown_country_domains: frozenset[str] = frozenset()  # ".io", ".tv": no country


@cache
def boilerplate() -> Boilerplate:
    data = load_yaml("boilerplate")
    rules = tuple(
        LineRule(
            kind=rule["kind"],
            exact=frozenset(s.lower() for s in rule.get("exact", [])),
            patterns=tuple(re.compile(p, re.IGNORECASE) for p in rule.get("pattern", [])),
        )
        for rule in data["rules"]
    )
    labels = {
        kind: tuple(sorted(names, key=len, reverse=True))
        for kind, names in data["date_labels"].items()
    }
    chrome = data.get("page_chrome") or {}
    return Boilerplate(
        rules,
        int(data["date_line_max_chars"]),
        labels,
        chrome_tags=frozenset(chrome.get("tags") or ()),
        chrome_class_words=frozenset(chrome.get("class_words") or ()),
        link_labels=frozenset(data.get("link_labels") or ()),
        month_first_countries=frozenset(data.get("month_first_countries") or ()),
        unknown_country_domains=frozenset(data.get("unknown_country_domains") or ()),
    )


@dataclass(frozen=True)
class Outlets:
    """Outlet names by domain and by alias (knowledge/outlets.yaml)."""

    by_domain: dict[str, str]
    by_alias: dict[str, str]  # casefolded name or alias -> canonical name
    country_by_name: dict[str, str] = field(default_factory=dict)  # canonical name -> ISO2

    def for_domain(self, domain: str) -> str | None:
        """The outlet of a host, trying parent domains (en.dailypakistan.com.pk -> ...)."""
        parts = domain.lower().split(".")
        for i in range(len(parts) - 1):
            name = self.by_domain.get(".".join(parts[i:]))
            if name:
                return name
        return None

    def for_name(self, name: str) -> str | None:
        return self.by_alias.get(name.strip().casefold())


@cache
def outlets() -> Outlets:
    by_domain: dict[str, str] = {}
    by_alias: dict[str, str] = {}
    country_by_name: dict[str, str] = {}
    for entry in load_yaml("outlets")["outlets"]:
        country_by_name[entry["name"]] = entry["country"]
        for domain in entry["domains"]:
            by_domain[domain.lower()] = entry["name"]
        for alias in [entry["name"], *entry.get("aliases", [])]:
            by_alias[alias.casefold()] = entry["name"]
    return Outlets(by_domain, by_alias, country_by_name)


@dataclass(frozen=True)
class Credits:
    """Wire agencies and how articles credit them (agencies.yaml + credits.yaml)."""

    agency_by_alias: dict[str, str]
    agency_credits: tuple[re.Pattern[str], ...]  # each has a group named `agency`
    lead_credit_words: frozenset[str]
    desk_words: frozenset[str]
    not_places: frozenset[str]
    place_particles: frozenset[str] = frozenset()
    masthead_tails: tuple[str, ...] = ()  # longest first


@cache
def credits() -> Credits:
    agency_by_alias: dict[str, str] = {}
    for entry in load_yaml("agencies")["agencies"]:
        for alias in [entry["name"], *entry.get("aliases", [])]:
            agency_by_alias[alias] = entry["name"]
    aliases = "|".join(re.escape(a) for a in sorted(agency_by_alias, key=len, reverse=True))
    any_agency = rf"(?<![\w-])(?P<agency>{aliases})(?![\w-])"
    data = load_yaml("credits")
    patterns = tuple(
        re.compile(p.replace("{agency}", any_agency), re.MULTILINE) for p in data["agency_credits"]
    )
    return Credits(
        agency_by_alias,
        patterns,
        frozenset(data["lead_credit_words"]),
        frozenset(data["desk_words"]),
        frozenset(data["not_places"]),
        frozenset(data.get("place_particles") or ()),
        tuple(sorted(data.get("masthead_tails") or (), key=len, reverse=True)),
    )


@dataclass(frozen=True)
class Actor:
    """One gazetteer entry (knowledge/actors.yaml)."""

    entity_id: str  # the QID when known, else a slug of the name
    name: str
    type: str
    wikidata: str | None
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    country: str | None
    geonames: int | None = None  # GeoNames id of a populated place (LOCATION entries)
    part_of: str | None = None  # the name of the group an armed group is a branch of
    # Short forms that are also common words ("IS"): a mention only in an article that
    # names the actor otherwise too, and not in a line written in capitals.
    anchored_aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Names:
    """Word lists for cleaning and typing names (knowledge/names.yaml)."""

    titles: tuple[str, ...]  # longest first, so "prime minister" wins over "minister"
    person_titles: tuple[str, ...]  # the titles only people hold ("president", "general")
    ranks: frozenset[str]  # military and police ranks: a name follows ("Sepoy Pradeep Kumar")
    place_suffixes: frozenset[str]
    armed_group_words: tuple[str, ...]
    not_names: frozenset[str]
    peoples: frozenset[str]
    facility_words: tuple[str, ...]  # longest first
    facility_modifiers: tuple[str, ...]  # "secondary" of "Lhubiriha secondary school"
    # "Kamal Adwan Hospital": a name ending in one of these is an institution
    institution_words: frozenset[str]
    org_words: frozenset[str]
    # "4th Special Forces Battalion": a number before a name ending in one is in the name
    numbered_units: frozenset[str]
    place_prepositions: frozenset[str]
    movement_verbs: frozenset[str]  # "deployed to Bassa": the "to" phrase is a place
    place_nouns: frozenset[str]  # a place word kept in the name ("Donetsk Oblast")
    pair_nouns: frozenset[str]  # "the Assam-Meghalaya border": two places
    body_nouns: frozenset[str]  # "the ruling Frelimo party": a body's name
    speaker_titles: frozenset[str]  # "Armed Forces Spokesman": the body's name before it
    place_list_openers: tuple[str, ...]  # "including" in "towns including A and B"
    armed_group_nouns: frozenset[str]  # "militia" in "Fano militiamen", "Fano, a militia"
    state_institutions: frozenset[str]  # lower case, canonical ("ministry of health")
    weapon_nouns: frozenset[str]  # "jet" in "F-16 jets": the name is a weapon model
    weapon_modifiers: frozenset[str]  # "fighter" in "F-16 fighter jets"
    operation_words: tuple[str, ...]  # "operation" in "Operation Sindoor"
    naming_verbs: tuple[str, ...]  # "dubbed" in "an offensive dubbed X"
    office_nouns: frozenset[str]  # "head" of "the head of X, Oleh Kiper, said"
    lowercase_units: frozenset[str]  # "the Artibonite department": a place
    service_words: frozenset[str]  # "the Springfield Fire department": an office
    # "foreign" -> "Foreign Affairs": "Foreign Ministry" is the "Ministry of Foreign Affairs".
    ministry_fields: dict[str, str] = field(default_factory=dict)


@cache
def actors() -> tuple[Actor, ...]:
    from newsevents.textutil import slugify

    return tuple(
        Actor(
            entity_id=entry.get("wikidata") or slugify(entry["name"]),
            name=entry["name"],
            type=entry["type"],
            wikidata=entry.get("wikidata"),
            aliases=tuple(entry.get("aliases") or ()),
            demonyms=tuple(entry.get("demonyms") or ()),
            country=entry.get("country"),
            geonames=entry.get("geonames"),
            part_of=entry.get("part_of"),
            anchored_aliases=tuple(entry.get("anchored_aliases") or ()),
        )
        for entry in load_yaml("actors")["actors"]
    )


@cache
def names() -> Names:
    data = load_yaml("names")
    return Names(
        titles=tuple(sorted(data["titles"], key=len, reverse=True)),
        person_titles=tuple(
            sorted(set(data["titles"]) - set(data["titles_not_only_for_people"]), key=len)
        ),
        ranks=frozenset(data["ranks"]),
        place_suffixes=frozenset(data["place_suffixes"]),
        armed_group_words=tuple(data["armed_group_words"]),
        not_names=frozenset(data["not_names"]),
        peoples=frozenset(data["peoples"]),
        facility_words=tuple(sorted(data["facility_words"], key=len, reverse=True)),
        facility_modifiers=tuple(data["facility_modifiers"]),
        institution_words=frozenset(data.get("institution_words") or ()),
        org_words=frozenset(data["org_words"]),
        numbered_units=frozenset(data.get("numbered_units") or ()),
        place_prepositions=frozenset(data["place_prepositions"]),
        movement_verbs=frozenset(data["movement_verbs"]),
        place_nouns=frozenset(data["place_nouns"]),
        pair_nouns=frozenset(data["pair_nouns"]),
        body_nouns=frozenset(data["body_nouns"]),
        speaker_titles=frozenset(data["speaker_titles"]),
        place_list_openers=tuple(data["place_list_openers"]),
        armed_group_nouns=frozenset(data["armed_group_nouns"]),
        state_institutions=frozenset(w.lower() for w in data["state_institutions"]),
        ministry_fields={k.lower(): v for k, v in (data.get("ministry_fields") or {}).items()},
        weapon_nouns=frozenset(data["weapon_nouns"]),
        weapon_modifiers=frozenset(data["weapon_modifiers"]),
        operation_words=tuple(data["operation_words"]),
        naming_verbs=tuple(data["naming_verbs"]),
        office_nouns=frozenset(data["office_nouns"]),
        lowercase_units=frozenset(data["lowercase_units"]),
        service_words=frozenset(data["service_words"]),
    )


@dataclass(frozen=True)
class Trigger:
    """One trigger rule of knowledge/events.yaml."""

    type: str
    mode: str | None
    verbs: frozenset[str] = frozenset()
    nouns: frozenset[str] = frozenset()  # head lemmas; multiword nouns keep their modifiers
    noun_phrases: frozenset[str] = frozenset()  # "missile attack": modifier + head, lower case
    objects: frozenset[str] = frozenset()
    not_objects: frozenset[str] = frozenset()  # a verb with such an object is no event
    particles: frozenset[str] = frozenset()
    preps: frozenset[str] = frozenset()
    not_after: frozenset[str] = frozenset()  # a noun after these words is no event
    # A noun asking "for" one of these is the reporter's, no event ("a request for comment").
    not_for: frozenset[str] = frozenset()
    # A verb counts only when its to-infinitive is one of these ("pledged to cooperate",
    # not "pledged to restore security").
    complements: frozenset[str] = frozenset()
    # A noun counts only as the object or subject of one of these verbs ("signed an
    # agreement", not "the 2015 agreement" mentioned in passing).
    governors: frozenset[str] = frozenset()
    # A verb counts only when its subject (or a subject coordinated with it) is one of
    # these ("troops clashed at the border", not "the leaders clashed over policy").
    subjects: frozenset[str] = frozenset()
    # A verb never counts with one of these as its subject ("gunmen who arrived on
    # motorbikes" pay no visit).
    not_subjects: frozenset[str] = frozenset()
    # A verb counts only with an object predicate ("called the strike a war crime":
    # "*" any), none of whose words is in `not_predicates` ("called the strikes
    # legitimate self-defence" justifies, it does not accuse).
    predicates: frozenset[str] = frozenset()
    not_predicates: frozenset[str] = frozenset()


@dataclass(frozen=True)
class EventLexicon:
    triggers: tuple[Trigger, ...]
    status_words: dict[str, frozenset[str]]
    assault_modes: dict[str, frozenset[str]]
    # head noun -> (entity type, words its name must contain): "the group" -> ARMED_GROUP
    anaphora: dict[str, tuple[str, frozenset[str]]] = field(default_factory=dict)
    border_nouns: frozenset[str] = frozenset()
    # "agreed to stop attacking ships", "a halt to the bombing": no occurrence is told.
    stopping_verbs: frozenset[str] = frozenset()
    stopping_nouns: frozenset[str] = frozenset()
    # "In a statement on Tuesday, X condemned ...": the statement's day is the act's.
    statement_nouns: frozenset[str] = frozenset()
    # "The Ministry condemns ...": acts a statement performs as it is issued.
    performative_verbs: frozenset[str] = frozenset()
    # "issued a statement on Friday": the statement's day.
    statement_verbs: frozenset[str] = frozenset()
    # "talks opened in Zanzibar on Monday": talks told as taking place.
    meeting_verbs: frozenset[str] = frozenset()


@cache
def event_lexicon() -> EventLexicon:
    data = load_yaml("events")
    triggers = []
    for entry in data["triggers"]:
        nouns = entry.get("nouns") or []
        triggers.append(
            Trigger(
                type=entry["type"],
                mode=entry.get("mode"),
                verbs=frozenset(entry.get("verbs") or ()),
                nouns=frozenset(n for n in nouns if " " not in n),
                noun_phrases=frozenset(n for n in nouns if " " in n),
                objects=frozenset(entry.get("objects") or ()),
                not_objects=frozenset(entry.get("not_objects") or ()),
                particles=frozenset(entry.get("particles") or ()),
                preps=frozenset(entry.get("preps") or ()),
                not_after=frozenset(entry.get("not_after") or ()),
                not_for=frozenset(entry.get("not_for") or ()),
                complements=frozenset(entry.get("complements") or ()),
                governors=frozenset(entry.get("governors") or ()),
                subjects=frozenset(entry.get("subjects") or ()),
                not_subjects=frozenset(entry.get("not_subjects") or ()),
                predicates=frozenset(entry.get("predicates") or ()),
                not_predicates=frozenset(entry.get("not_predicates") or ()),
            )
        )
    return EventLexicon(
        tuple(triggers),
        {k: frozenset(v) for k, v in data["status"].items()},
        {k: frozenset(v) for k, v in data["assault_modes"].items()},
        {
            head: (rule["type"], frozenset(rule.get("name_words") or ()))
            for head, rule in (data.get("anaphora") or {}).items()
        },
        frozenset(data.get("border_nouns") or ()),
        frozenset((data.get("stopping") or {}).get("verbs") or ()),
        frozenset((data.get("stopping") or {}).get("nouns") or ()),
        frozenset(data.get("statement_nouns") or ()),
        frozenset(data.get("performative_verbs") or ()),
        frozenset(data.get("statement_verbs") or ()),
        frozenset(data.get("meeting_verbs") or ()),
    )


@dataclass(frozen=True)
class ClaimLexicon:
    """Casualty-claim words (knowledge/claims.yaml)."""

    outcome_of: dict[str, str]  # lemma -> killed/injured/missing/abducted
    numbers: dict[str, int]
    vague: dict[str, tuple[int, int | None, str]]
    # "tens" of a vague quantity: "tens of thousands" is ten times "thousands"
    vague_multipliers: dict[str, int]
    hedges: tuple[tuple[str, str], ...]  # (phrase, qualifier), longest phrase first
    victim_group_of: dict[str, str]
    not_victims: frozenset[str]
    attribution_verbs: frozenset[str]
    object_attribution_verbs: frozenset[str]
    apart_clause_marks: frozenset[str]  # "while" of "..., while Y acknowledged casualties"
    life_verbs: frozenset[str]  # "claimed" of "claimed the lives of eight"
    treatment_cues: frozenset[str]  # "hospital": "treat" counts the wounded beside it
    denying_verbs: frozenset[str]
    disputing_verbs: frozenset[str]
    speaker_roles: frozenset[str]  # "officials at X", "a spokesman for X" speak for X
    subject_outcomes: dict[str, frozenset[str]]  # verb -> outcome nouns its subject suffered
    lay_people: frozenset[str]  # "a resident of X" speaks for no place
    care_verbs: frozenset[str]  # "were treated for injuries": the people were hurt
    lying_verbs: frozenset[str]  # "were lying dead": the subject is dead
    document_nouns: frozenset[str]  # "the statement said": its issuer's word
    body_verbs: frozenset[str]  # what is done with the bodies of the dead
    hearsay_verbs: frozenset[str]  # "were reported killed": the victims are its subject
    holding_verbs: frozenset[str]  # "still holds 101 hostages": a standing count
    death_price_words: frozenset[str]  # "paid the supreme price"
    death_destinations: frozenset[str]  # "five terrorists were sent to hell"
    lost_people: frozenset[str]  # "lost 88 soldiers": killed
    hostage_taking_verbs: frozenset[str]  # "took five people hostage"
    count_nouns: frozenset[str]  # "according to figures from X": X's claim
    release_words: frozenset[str]  # "released three hostages": no abduction toll
    release_labels: frozenset[str]  # "PRESS RELEASE": unattributed figures are the issuer's
    self_issued_reports: tuple[str, ...]  # "This flash update is produced by OCHA ..."
    release_issuer_prefixes: tuple[str, ...]  # "HEADQUARTERS" before the issuer's name
    grave_conditions: frozenset[str]  # "in critical condition": injured
    phrasal_outcomes: dict[str, str]  # "gun down" -> killed: a verb and its particle
    phrasal_verbs: frozenset[str]  # the verbs of phrasal_outcomes ("gun", "take")
    arresting_subjects: frozenset[str]  # "police took away four men": an arrest
    # "the group said": the body that was a subject just before (claims.yaml).
    speaker_anaphora: frozenset[str] = frozenset()


@cache
def claim_lexicon() -> ClaimLexicon:
    data = load_yaml("claims")
    hedges = [(phrase, q) for q, phrases in data["hedges"].items() for phrase in phrases]
    return ClaimLexicon(
        outcome_of={w: outcome for outcome, ws in data["outcomes"].items() for w in ws},
        phrasal_outcomes={
            w: outcome for outcome, ws in data["phrasal_outcomes"].items() for w in ws
        },
        arresting_subjects=frozenset(data["arresting_subjects"]),
        phrasal_verbs=frozenset(
            w.split()[0] for ws in data["phrasal_outcomes"].values() for w in ws
        ),
        numbers={str(k): int(v) for k, v in data["numbers"].items()},
        vague={k: (v[0], v[1], v[2]) for k, v in data["vague"].items()},
        vague_multipliers={str(k): int(v) for k, v in data["vague_multipliers"].items()},
        hedges=tuple(sorted(hedges, key=lambda h: -len(h[0]))),
        victim_group_of={w: g for g, ws in data["victim_groups"].items() for w in ws},
        not_victims=frozenset(data["not_victims"]),
        attribution_verbs=frozenset(data["attribution_verbs"]),
        object_attribution_verbs=frozenset(data["object_attribution_verbs"]),
        apart_clause_marks=frozenset(data["apart_clause_marks"]),
        life_verbs=frozenset(data["life_verbs"]),
        treatment_cues=frozenset(data["treatment_cues"]),
        denying_verbs=frozenset(data["denying_verbs"]),
        disputing_verbs=frozenset(data["disputing_verbs"]),
        speaker_roles=frozenset(data["speaker_roles"]),
        subject_outcomes={v: frozenset(ns) for v, ns in data["subject_outcomes"].items()},
        lay_people=frozenset(data["lay_people"]),
        care_verbs=frozenset(data["care_verbs"]),
        lying_verbs=frozenset(data["lying_verbs"]),
        document_nouns=frozenset(data["document_nouns"]),
        speaker_anaphora=frozenset(data.get("speaker_anaphora") or ()),
        body_verbs=frozenset(data["body_verbs"]),
        hearsay_verbs=frozenset(data["hearsay_verbs"]),
        holding_verbs=frozenset(data["holding_verbs"]),
        death_price_words=frozenset(data["death_price_words"]),
        death_destinations=frozenset(data["death_destinations"]),
        lost_people=frozenset(data["lost_people"]),
        hostage_taking_verbs=frozenset(data["hostage_taking_verbs"]),
        count_nouns=frozenset(data["count_nouns"]),
        release_words=frozenset(data["release_words"]),
        release_labels=frozenset(data["release_labels"]),
        self_issued_reports=tuple(data["self_issued_reports"]),
        release_issuer_prefixes=tuple(
            sorted(data["release_issuer_prefixes"], key=lambda w: -len(w))
        ),
        grave_conditions=frozenset(data["grave_conditions"]),
    )


@dataclass(frozen=True)
class KnownIncident:
    """One dated real-world incident (knowledge/incidents.yaml). Actors, targets and
    places are canonical gazetteer names, so they compare with an article's entities."""

    name: str
    date: dt.date
    type: str
    mode: str | None
    actors: frozenset[str]
    targets: frozenset[str]
    places: frozenset[str]
    aliases: tuple[str, ...]  # lowercased names of the incident itself ("operation sindoor")


@cache
def known_incidents() -> tuple[KnownIncident, ...]:
    return tuple(
        KnownIncident(
            name=entry["name"],
            date=entry["date"],  # YAML reads ISO dates as datetime.date
            type=entry["type"],
            mode=entry.get("mode"),
            actors=frozenset(entry.get("actors") or ()),
            targets=frozenset(entry.get("targets") or ()),
            places=frozenset(entry.get("places") or ()),
            aliases=tuple(a.lower() for a in entry.get("aliases") or ()),
        )
        for entry in load_yaml("incidents")["incidents"]
    )


@dataclass(frozen=True)
class OfficeTerm:
    """One person's term in one office: an article naming them with the title was
    written within it (knowledge/office_terms.yaml)."""

    name: str
    aliases: tuple[str, ...]
    office: str
    titles: tuple[str, ...]
    start: dt.date
    end: dt.date | None  # None: in office when the list was compiled


@cache
def office_terms() -> tuple[OfficeTerm, ...]:
    return tuple(
        OfficeTerm(
            name=entry["name"],
            aliases=tuple(entry.get("aliases") or ()),
            office=entry["office"],
            titles=tuple(entry["titles"]),
            start=entry["start"],  # YAML reads ISO dates as datetime.date
            end=entry.get("end"),
        )
        for entry in load_yaml("office_terms")["terms"]
    )


@dataclass(frozen=True)
class TimeWords:
    """Words the time-expression resolver reads (knowledge/time_words.yaml)."""

    numbers: dict[str, int]
    future: re.Pattern[str]
    clause_breaks: tuple[str, ...]
    day_words: dict[str, int]
    event_day_words: dict[str, int]
    not_dates: frozenset[str]
    holidays: dict[str, str]  # "christmas eve" -> "december 24"
    # "After brawls in May 2020, troops fought ... on June 15": a date inside such a
    # phrase on a noun is that noun's, not the clause's (unless the noun is a time of day).
    sequence_prepositions: frozenset[str] = frozenset()
    clock_nouns: frozenset[str] = frozenset()
    frequency_words: frozenset[str] = frozenset()  # "a weekly market": no date
    report_verbs: frozenset[str] = frozenset()  # "told Reuters on Thursday": the report's day


@cache
def time_words() -> TimeWords:
    data = load_yaml("time_words")
    markers = sorted(data["future_markers"], key=len, reverse=True)
    return TimeWords(
        numbers={str(k): int(v) for k, v in data["numbers"].items()},
        future=re.compile(
            r"(?<![\w'])(?:" + "|".join(re.escape(m) for m in markers) + r")(?![\w'])"
        ),
        clause_breaks=tuple(data["clause_breaks"]),
        day_words={str(k): int(v) for k, v in data["day_words"].items()},
        event_day_words={str(k): int(v) for k, v in data["event_day_words"].items()},
        not_dates=frozenset(data["not_dates"]),
        holidays={str(k): str(v) for k, v in data["holidays"].items()},
        sequence_prepositions=frozenset(data["sequence_prepositions"]),
        clock_nouns=frozenset(data["clock_nouns"]),
        frequency_words=frozenset(data.get("frequency_words") or ()),
        report_verbs=frozenset(data["report_verbs"]),
    )
