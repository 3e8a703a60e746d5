"""Who acted, on whom, where: the roles of a trigger from the dependency parse.

Reads the spaCy sentence and the article's entities (`EntityIndex`); writes a
`Mention` with actor, target and place entity ids, its mode and status."""

import re
from collections.abc import Mapping
from functools import cache
from typing import Any

from newsevents.knowledge import Trigger, actors, claim_lexicon, event_lexicon, names
from newsevents.pipeline.events.aggregates import counts_figure
from newsevents.pipeline.events.mention import LIGHT_VERBS, LOCATIVE, TARGETING, Mention
from newsevents.pipeline.events.status import _status
from newsevents.pipeline.events.triggers import _first_line_length, _trigger_rule
from newsevents.pipeline.gazetteer import gazetteer
from newsevents.pipeline.geocode.data import countries, curated, unit_key, units_by_name
from newsevents.schema import Entity
from newsevents.temporal.event_dates import (
    CARRIERS,
    part_of_series,
    recounted,
    sentence_before,
    small_clause_subjects,
    wave_of,
)
from newsevents.textutil import name_key


class EntityIndex:
    """Which entity a character belongs to, and where places lie."""

    def __init__(self, entities: tuple[Entity, ...], skip: range = range(0)) -> None:
        """`skip`: characters whose names play no role, as a wire dateline's place and
        agency ("KHARTOUM, Jan. 5 (Xinhua) -- At least 13 civilians were killed"), which
        the parser reads into the first sentence's subject."""
        self.by_char: dict[int, Entity] = {}
        for entity in entities:
            for m in entity.mentions:
                if m.start in skip:
                    continue
                for i in range(m.start, m.end):
                    self.by_char.setdefault(i, entity)
        self.by_id = {e.entity_id: e for e in entities}
        self.by_name = {e.name: e for e in entities}
        self.country_of = _country_of()

    def entity_at(self, token: Any) -> Entity | None:
        return self.by_char.get(token.idx)

    def in_tokens(self, tokens: Any) -> list[Entity]:
        found: list[Entity] = []
        demonyms = gazetteer().by_demonym
        for token in tokens:
            entity = self.entity_at(token)
            if entity is None and token.lower_ in demonyms and not _negated(token):
                # "Iranian strikes": the demonym names the country, when the article does.
                entity = self.by_name.get(demonyms[token.lower_].name)
            if entity is not None and entity not in found:
                found.append(entity)
        return found

    def head_entity(self, phrase: Any, tokens: list[Any]) -> Entity | None:
        """The entity a phrase is about: the one named nearest its head word, preferring
        the longer name ("Wad Madani Resistance Committee" over "Wad Madani")."""
        best: tuple[int, int, Entity] | None = None
        for entity in self.by_id.values():
            for m in entity.mentions:
                covered = [t for t in tokens if m.start <= t.idx < m.end]
                if covered:
                    distance = min(abs(t.i - phrase.i) for t in covered)
                    rank = (distance, -(m.end - m.start), entity)
                    if best is None or rank[:2] < best[:2]:
                        best = rank
        if best is None:
            found = self.in_tokens(tokens)  # demonyms: "the Iranian news agency"
            return found[0] if found else None
        return best[2]

    def referred_to(self, phrase: list[Any]) -> Entity | None:
        """The named actor a definite description refers back to: "the paramilitary
        group" is the armed group named last before it, "the ministry" the last
        ministry (knowledge/events.yaml `anaphora`)."""
        heads = [t for t in phrase if t.dep_ in ("nsubj", "nsubjpass", "agent", "pobj")]
        head = heads[0] if heads else None
        if head is None or not any(c.lower_ == "the" for c in head.children):
            return None
        anaphora = event_lexicon().anaphora
        # Keyed by lemma ("group") or as written ("militants": the lemma is singular).
        rule = anaphora.get(head.lemma_.lower()) or anaphora.get(head.lower_)
        if rule is None:
            return None
        kind, words = rule
        best: tuple[int, Entity] | None = None
        for entity in self.by_id.values():
            if entity.type != kind:
                continue
            if words and not words & set(entity.name.lower().split()):
                continue
            before = [m.start for m in entity.mentions if m.start < head.idx]
            if before and (best is None or max(before) > best[0]):
                best = (max(before), entity)
        return best[1] if best else None

    def state_of(self, place: Entity) -> Entity:
        """A city speaking is its state speaking ("Tehran said" -> Iran), when the
        article names the state."""
        country = self.country_of.get(place.entity_id)
        return self.by_name.get(country, place) if country else place

    def home_country(self) -> Entity | None:
        """The one country the article is about: named at least twice and more often
        than any other (an unnamed "the government" acts for it). None in a story of
        two or more countries named alike."""
        countries = sorted(
            (e for e in self.by_id.values() if e.type == "COUNTRY"),
            key=lambda e: -len(e.mentions),
        )
        if not countries or len(countries[0].mentions) < 2:
            return None
        if len(countries) > 1 and len(countries[1].mentions) * 2 > len(countries[0].mentions):
            return None
        return countries[0]

    def main_countries(self) -> list[Entity]:
        """The two countries the article names most, when it names at least two."""
        countries = [e for e in self.by_id.values() if e.type == "COUNTRY"]
        ranked = sorted(countries, key=lambda e: (-len(e.mentions), e.mentions[0].start))
        return ranked[:2] if len(ranked) >= 2 else []

    def holds(self, countries: list[str], places: list[str]) -> bool:
        """Whether one of `countries` holds one of `places` that the gazetteer does not
        list: a district the admin units put in that country ("Ntoroko", Uganda), which
        `region` cannot tell. Two such districts of one country are not one place."""
        codes = {self._code(x) for x in countries if self._kind(x) == "COUNTRY"} - {None}
        return bool(codes) and any(
            self._kind(x) == "LOCATION" and x not in self.country_of and self._code(x) in codes
            for x in places
        )

    def _kind(self, entity_id: str) -> str | None:
        entity = self.by_id.get(entity_id)
        return entity.type if entity is not None else None

    def _code(self, entity_id: str) -> str | None:
        entity = self.by_id.get(entity_id)
        return _country_code(entity.type, entity.name) if entity is not None else None

    def regions(self, entity_ids: list[str]) -> set[str]:
        return set().union(*(self.region(x) for x in entity_ids)) if entity_ids else set()

    def region(self, entity_id: str) -> set[str]:
        """A place and the country it lies in ("Balochistan, Pakistan" -> Pakistan)."""
        entity = self.by_id.get(entity_id)
        country = self.country_of.get(entity_id)
        names = {entity_id}
        # An armed group is not its host state (Jaish al-Adl is not Iran acting).
        if country and entity and entity.type != "ARMED_GROUP":
            names.add(country)
        if entity is not None:
            names.add(entity.name)
            # A branch acts as its group: "Islamic State fighters" in a headline, ISWAP in
            # the body (actors.yaml part_of).
            parent = _part_of().get(entity.name)
            if parent is not None:
                names.add(parent)
        return names


# A government the text does not name: "the government", "the authorities".
_THE_STATE = (["the", "government"], ["the", "authorities"])


@cache
def _country_code(kind: str, name: str) -> str | None:
    """The ISO code of a country, or of the one country whose admin units
    (geo_units.csv) bear a place's name."""
    if kind == "COUNTRY":
        return countries().code(name)
    if kind != "LOCATION":
        return None
    found = {u.cc for u in units_by_name().get(unit_key(name, curated().generic_words), ())}
    return found.pop() if len(found) == 1 else None


@cache
def _country_of() -> Mapping[str, str]:
    """Gazetteer: entity id -> the country it lies in or acts for. Built once, not for
    every article's index: it walks every actor twice."""
    country_of = {a.entity_id: a.country for a in actors() if a.country}
    # A capital stands for its state: "Tehran launched" is Iran acting.
    country_of.update(
        {a.entity_id: a.country for a in actors() if a.type == "LOCATION" and a.country}
    )
    return country_of


@cache
def _part_of() -> Mapping[str, str]:
    """Gazetteer: an armed group's name -> the name of the group it is a branch of."""
    return {a.name: a.part_of for a in actors() if a.part_of}


# ASSAULT modes that say what was done, not with what: they win over the weapon.
ACT_MODES = frozenset({"abduct", "abduction", "sexual", "torture", "execution", "occupy"})


def _mention(token: Any, rule: Trigger, sent: Any, index: EntityIndex) -> Mention:
    # Where troops are sent is where the mobilization takes place: "deployed to Bassa".
    actors_, targets, places = _roles(
        token, index, destination=rule.type == "MOBILIZE", acts_on=rule.type in ACTS_ON,
        partners=rule.type == "CONSULT",
    )  # fmt: skip
    mode = rule.mode
    if rule.type == "ASSAULT" and mode not in ACT_MODES:
        mode = _assault_mode(token) or mode  # the weapon, unless the act names the mode
    # The sentence without trailing blank lines. (Not `sent.doc.text`: spaCy joins
    # every token of the article anew each time it is read.)
    end = sent.start_char + len(sent.text.rstrip())
    return Mention(
        type=rule.type, mode=mode, status=_status(token), trigger=token.text,
        start=sent.start_char, end=end, position=token.idx,
        actors=[e.entity_id for e in actors_], targets=[e.entity_id for e in targets],
        locations=[e.entity_id for e in places],
        unnamed_side=not actors_ and rule.type in ONE_SIDED and _definite_side(token),
        # "The first round of talks opened in Zanzibar on 25 April": talks told as what
        # took place, which stand by their place or day as an attack does.
        took_place=rule.type == "CONSULT" and _meeting_verb(token) is not None,
        counted=_counts_victims(token) if rule.type == "ASSAULT" else (
            mode in PEOPLE_TAKEN and counts_figure(token, VICTIM_ROLES)
        ),
    )  # fmt: skip


# Acts one side performs alone, by what it says: a condemnation, a demand, a denial, a
# threat. Told of "the government" or "the Secretary-General", they are events though
# the story never names that side in full (a government's own communiqué, a UN report).
ONE_SIDED = frozenset({"ACCUSE", "REQUEST", "REJECT", "THREATEN"})
_LONGEST_SIDE = 4  # "the UN chief", "the foreign ministry", "the prime minister"


def _meeting_verb(token: Any) -> Any | None:
    """The verb that tells talks taking place with the noun (or the round it is a part
    of) for its subject: "Talks opened", "the meeting was held", "the second round of
    talks ended" (events.yaml `meeting_verbs`; not "talks collapsed in 2017"); or None."""
    if token.pos_ != "NOUN":
        return None
    subject = part_of_series(token) or token
    verb = subject.head
    if (
        subject.dep_ in ("nsubj", "nsubjpass")
        and verb.lemma_.lower() in event_lexicon().meeting_verbs
    ):
        return verb
    return None


def _definite_side(token: Any) -> bool:
    """Whether the verb's subject is a definite institution or office with no name:
    "The Government firmly condemns", "The Secretary-General condemned", "the ministry
    rejected" (the heads of events.yaml `anaphora` and names.yaml `office_nouns`), or the
    issuer of a statement speaking as "we" ("We reject the statement"). Not "officials"
    or "residents": no one side."""
    if token.pos_ != "VERB":
        return False
    phrase, _ = _subject(token)
    if not phrase:
        return False
    doc, start = token.doc, min(t.i for t in phrase)
    # "The Secretary-General": the parser hangs "The Secretary -" apart from "General".
    while start >= 2 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_:
        start -= 2
    if start >= 1 and doc[start - 1].lower_ == "the":
        start -= 1
    words = doc[start : max(t.i for t in phrase) + 1].text.lower().split()
    if words[:1] == ["we"]:
        return True  # a statement in its issuer's words: "We strongly condemn", "We reject"
    if not 2 <= len(words) <= _LONGEST_SIDE or words[0] != "the":
        return False
    return words[-1] in event_lexicon().anaphora or words[-1] in names().office_nouns


def _counts_victims(token: Any) -> bool:
    """ "Six passengers were killed", "killing 12 people": the act counts its victims,
    which tells an occurrence even when no side, place or day is named with it. Not a
    total told in the perfect ("landmines have killed or wounded 300 people")."""
    verb = token.head if token.dep_ == "conj" else token
    return not recounted(verb) and counts_figure(token, VICTIM_ROLES)


VICTIM_ROLES = frozenset({"nsubjpass", "dobj", "obj"})
# COERCE modes whose count of people taken tells an occurrence, whatever its tense: "76
# people detained so far", "more than 100 arrested since the unrest began" are arrests
# (a tally of them) even with no side, place or day named.
PEOPLE_TAKEN = frozenset({"arrest", "deport"})


# Types whose verbs act on someone: with no object, a headline's past tells a passive.
ACTS_ON = frozenset({"ASSAULT", "COERCE"})


def _roles(
    token: Any,
    index: EntityIndex,
    *,
    destination: bool = False,
    acts_on: bool = False,
    partners: bool = False,
) -> tuple[list[Entity], list[Entity], list[Entity]]:
    """Actors, targets and places of a trigger from the dependency parse; with
    `destination`, a "to" phrase names a place too; with `acts_on`, the verb acts on
    someone (`_headline_passive`); with `partners`, a "with" phrase names the other side
    of a meeting or a call ("a phone call with Wang Yi")."""
    locative = LOCATIVE | {"to"} if destination else LOCATIVE
    actor_tokens: list[Any] = []
    target_tokens: list[Any] = []
    place_tokens: list[Any] = []
    head = token
    carrier = wave_of(token) or token  # "launched a wave of strikes": as "launched strikes"
    if (
        token.pos_ in ("NOUN", "PROPN")
        and carrier.dep_ in ("dobj", "obj")
        and carrier.head.lemma_ in LIGHT_VERBS
    ):
        head = carrier.head  # "Pakistan launched a raid": the raid's actor is the subject
    if token.dep_ == "pobj" and token.head.lower_ == "with" and token.head.head.pos_ == "VERB":
        head = token.head.head  # "retaliate with strikes": the retaliating side strikes
    meeting = _meeting_verb(token) if partners else None
    if meeting is not None:
        # "Talks opened in Zanzibar", "the second round of talks ended in Dar es Salaam":
        # where the verb says they took place is the talks' place.
        place_tokens += [
            t for c in meeting.children
            if c.dep_ == "prep" and c.lower_ in LOCATIVE for t in c.subtree
        ]  # fmt: skip
    phrase, places = _subject(head)
    if acts_on and _headline_passive(head):
        target_tokens += phrase  # "Police Officer Killed in Attack": the officer was killed
    else:
        actor_tokens += phrase
    place_tokens += places
    objects = [c for c in head.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
    # (the object of "declared two diplomats persona non grata" is its predicate's
    # subject to the parser)
    for child in objects + small_clause_subjects(head):
        if child != token:
            target_tokens += _object_phrase(child)
    for child in token.children:
        nominal = token.pos_ in ("NOUN", "PROPN") and child.dep_ in (
            "poss",
            "compound",
            "amod",
            "nmod",
        )
        if nominal or child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            phrase, places = _split_places(child)  # "by gunmen in ... province of Iran"
            actor_tokens += phrase
            place_tokens += places
    if token.pos_ in ("NOUN", "PROPN"):
        # "bombing of Iran's embassy", "killing of 9 Pakistanis"
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in ("of", "to"):
                target_tokens += list(child.subtree)  # "a visit to Pakistan"
    # In a fixed order: a set of the two would iterate by hash, and a spaCy Token hashes
    # by its Doc's identity, so the places' order changed from run to run.
    for holder in (head,) if head == token else (head, token):
        for child in holder.children:
            targeting = TARGETING | {"with", "to"} if partners else TARGETING
            if child.dep_ == "prep" and child.lower_ in targeting:
                target_tokens += list(child.subtree)
            elif child.dep_ == "prep" and child.lower_ in locative:
                place_tokens += list(child.subtree)
    if not actor_tokens:
        actor_tokens += _claimed_by(token)
    if (
        not actor_tokens
        and token.pos_ == "VERB"
        and token.lemma_.lower() in claim_lexicon().outcome_of
    ):
        actor_tokens += _cause_named(token)
    if (
        token.dep_ == "pobj"
        and token.head.dep_ == "prep"
        and token.head.lower_ not in TIME_PREPOSITIONS
        and not actor_tokens
    ):
        # "In a recent telephonic conversation, Jilani emphasized ...": the subject
        # of the verb the phrase modifies took part; not in "Hours after the strikes,
        # the ministry announced ...", which only says when.
        verb = token.head.head
        if (
            token.head.lower_ in ("in", "during")
            and verb.pos_ in ("NOUN", "PROPN")
            and verb.dep_ in ("dobj", "obj")
        ):
            verb = verb.head  # "conveyed India's protest in a phone call": the caller
        actor_tokens += [t for c in verb.children if c.dep_ == "nsubj" for t in c.subtree]
    if head.tag_ == "VBG" and head.dep_ in ("pcomp", "advcl") and not index.in_tokens(actor_tokens):
        # "Iran displayed its might by carrying out a missile attack" (dev
        # 06_dailypakistan), "..., killing nine": the gerund's doer is the clause's.
        governor = head.head.head if head.dep_ == "pcomp" else head.head
        objects = [c for c in governor.children if c.dep_ in ("dobj", "obj")]
        if head.dep_ == "pcomp" and head.head.lower_ in ("of", "for") and objects:
            # "accused the RSF of shelling", "blamed Kigali for backing": the object did it.
            actor_tokens += [t for c in objects for t in c.subtree]
        else:
            # "landed on the ship and sailed it to Yemen, taking its crew hostage": a
            # verb joined to the clause's first shares its subject.
            while (
                governor.dep_ == "conj" and not _subject(governor)[0] and governor.head != governor
            ):
                governor = governor.head
            if _suffered(governor):
                # "A UN helicopter came under fire ..., killing one crew member": the
                # clause's subject was struck, it did not strike.
                target_tokens += _subject(governor)[0]
            else:
                actor_tokens += _subject(governor)[0]
    if not actor_tokens and (issuer := _issuer_of_its_statement(head)) is not None:
        actor_tokens += issuer
    if head.dep_ in ("ccomp", "conj") and [t.lower_ for t in actor_tokens] in PRONOUNS:
        # "Pakistan on Thursday said it struck hideouts" (dev 09_ifpnews): the
        # pronoun is the speaker; "X said it had received reports ... and urged the
        # authorities": up through the clauses to the speaker.
        actor_tokens = _speaker(head) or actor_tokens
    first = head.head
    if (
        head.dep_ == "conj" and not actor_tokens and first.tag_ == "VBG"
        and first.dep_ == "advcl" and _suffered(first.head)
    ):  # fmt: skip
        # "came under fire ..., killing one crew member and injuring two others": the
        # second gerund's victims are the first's, and so is what was struck.
        target_tokens += _subject(first.head)[0]
    elif head.dep_ == "conj" and not actor_tokens:
        # "Islamabad recalled its ambassador ... and blocked Iran's envoy"; not the
        # speaker of "were spotted ... and neutralized in airstrikes, the ministry said",
        # a passive whose doer is left unsaid ("Beijing was concerned and urged both
        # sides" is active: the verb has an object).
        # Only a participle shares the passive: "said 26 civilians had been killed, and
        # called on the government to ..." is the speaker's finite act.
        unsaid = (
            _passive(head.head)
            and head.tag_ == "VBN"
            and not any(c.dep_ in ("dobj", "obj") for c in head.children)
        )
        if _described_in_a_report(head.head):
            # "said that the strike was a flagrant violation ... and called on Ankara to":
            # what a copula describes in a report is no doer; the speaker acts.
            actor_tokens += _speaker(head.head)
        else:
            actor_tokens += _subject(head.head)[0] or ([] if unsaid else _speaker(head))
        if [t.lower_ for t in actor_tokens] in PRONOUNS:
            actor_tokens = _speaker(head.head) or actor_tokens
    if head.dep_ == "xcomp" and not actor_tokens:
        # "prompting Pakistan to retaliate", "are expected to hold talks"
        governor = head.head
        objects = [c for c in governor.children if c.dep_ in ("dobj", "obj") and c is not head]
        passive = [c for c in governor.children if c.dep_ == "nsubjpass"]
        actor_tokens += (
            [t for c in objects for t in c.subtree]
            or _subject(governor)[0]
            or [t for c in passive for t in c.subtree]  # "X and Y are expected to meet"
        )
    actors_ = _acting(index.in_tokens(actor_tokens))
    if not actors_:
        referred = index.referred_to(actor_tokens)  # "the group had threatened ..."
        actors_ = [referred] if referred is not None else []
    if not actors_ and [t.lower_ for t in actor_tokens] in PRONOUNS:
        actors_ = _previous_subject(token, actor_tokens[0].lower_, index)
    if not actors_ and _BOTH_SIDES.search(" ".join(t.lower_ for t in actor_tokens)):
        actors_ = index.main_countries()  # "the two nations declared", "both sides agreed"
    if not actors_ and [t.lower_ for t in actor_tokens] in _THE_STATE:
        home = index.home_country()  # "the government lifted the ban": Nepal's
        actors_ = [home] if home is not None else []
    # A country that names a border says where it runs, not where the event was.
    place_tokens = [t for t in place_tokens if not _names_a_border(t)]
    target_tokens = [t for t in target_tokens if not _names_a_border(t)]
    inner_places = {t.i for t in target_tokens for _ in [0] if _in_locative(t, token)}
    place_tokens += [t for t in target_tokens if t.i in inner_places]
    targets = index.in_tokens(t for t in target_tokens if t not in place_tokens)
    places = [e for e in index.in_tokens(place_tokens) if e.type in ("LOCATION", "COUNTRY")]
    # Places named inside the target phrase ("hideouts in Iran's Sistan province").
    places += [e for e in targets if e.type == "LOCATION" and e not in places]
    targets = [e for e in targets if e.type != "LOCATION" and e not in actors_]
    return actors_, targets, places


def _headline_passive(verb: Any) -> bool:
    """A headline's passive without its auxiliary: "Kosovo Police Officer Killed in
    Attack", "UN Helicopter Attacked Near Nasir". In a headline (the article's first
    line), a verb of an act on someone, in the past with a subject and no object, tells
    what its subject suffered; the present tells the act ("Gunmen Kill Five")."""
    if verb.pos_ != "VERB" or verb.tag_ not in ("VBD", "VBN") or not _on_first_line(verb):
        return False
    children = list(verb.children)
    return any(c.dep_ == "nsubj" for c in children) and not any(
        c.dep_ in ("dobj", "obj") for c in children
    )


def _on_first_line(token: Any) -> bool:
    """Whether the token stands on the article's first line, its headline."""
    return token.idx < _first_line_length(token.doc)


def _names_a_border(token: Any) -> bool:
    """Whether the word names a border rather than a place: "near the Somali border",
    "on the border with Somalia", "the Kenya-Somalia frontier" (events.yaml border_nouns)."""
    borders = event_lexicon().border_nouns
    # As written: the name right before the noun, past the rest of the name ("South
    # Sudan border", "Kenya-Somalia border"), whatever the parse (a headline's is poor).
    doc, after = token.doc, token.i + 1
    while (
        after < len(doc)
        and after - token.i <= 3
        and (doc[after].pos_ == "PROPN" or doc[after].text in ("-", "–"))
    ):
        after += 1
    if after < len(doc) and doc[after].lemma_.lower() in borders:
        return True
    word = token
    for _ in range(4):
        if word.dep_ in ("compound", "amod", "nmod", "poss"):
            word = word.head
        elif word.dep_ == "pobj" and word.head.lower_ in ("with", "of", "between"):
            word = word.head.head
        elif word.dep_ == "conj":
            word = word.head  # "the border between Kenya and Somalia"
            continue
        else:
            return False
        if word.lemma_.lower() in borders:
            return True
    return False


def _object_phrase(obj: Any) -> list[Any]:
    """The tokens naming a trigger's target. When the object is itself an event
    ("condemned Pakistan's raid on Iran's soil", dev 09_ifpnews), the target is who
    carried that event out, not where or whom it struck."""
    if obj.pos_ in ("NOUN", "PROPN") and _trigger_rule(obj) is not None:
        return [
            t for c in obj.children if c.dep_ in ("poss", "compound", "amod") for t in c.subtree
        ]
    return list(obj.subtree)


def _claimed_by(token: Any) -> list[Any]:
    """ "Jaish al-Adl ... claimed responsibility for killing 11 police" (seed 004):
    who claims an attack carried it out."""
    prep = token.head
    if not (token.dep_ in ("pobj", "pcomp") and prep.lower_ == "for"):
        return []
    if prep.head.lemma_.lower() != "responsibility":
        return []
    verb = prep.head.head
    while verb.pos_ in ("VERB", "AUX"):
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return [t for c in subjects for t in c.subtree]
        if verb.dep_ != "conj":
            break
        verb = verb.head  # "has been implicated in attacks ... and claimed responsibility"
    return []


def _cause_named(verb: Any) -> list[Any]:
    """ "were killed in an RSF assault", "died in a Russian missile strike": who carried
    out the event the victims fell in, named on its noun (for a casualty verb only)."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "by")):
        for noun in (g for g in prep.children if g.dep_ == "pobj"):
            if _trigger_rule(noun) is None:
                continue
            return [
                t for c in noun.children
                if c.dep_ in ("poss", "compound", "amod", "nmod") for t in c.subtree
            ]  # fmt: skip
    return []


def _in_locative(token: Any, trigger: Any) -> bool:
    """Whether a token sits in an "in/near X" phrase below the trigger ("bases in
    Pakistan's Balochistan province": Pakistan is a place, not the target)."""
    for ancestor in token.ancestors:
        if ancestor == trigger:
            return False
        if ancestor.dep_ == "prep" and ancestor.lower_ in LOCATIVE:
            return True
    return False


PRONOUNS = (["it"], ["they"], ["we"], ["he"], ["she"])

# Prepositions that place an act in time against an event, not in it.
TIME_PREPOSITIONS = frozenset({"after", "before", "since", "following", "amid", "despite",
                               "until", "ahead"})  # fmt: skip


def _described_in_a_report(verb: Any) -> bool:
    """A copula in what was said ("said that the strike was a violation"): its subject is
    described, it does nothing."""
    return (
        verb.lemma_.lower() == "be"
        and verb.dep_ == "ccomp"
        and verb.head.lemma_.lower() in claim_lexicon().attribution_verbs
    )


def _issuer_of_its_statement(verb: Any) -> list[Any] | None:
    """ "The EU issued a statement condemning the attack", "In a message denouncing the
    raid, the ministry said ...": a participle on a statement noun is the act of who
    issued or made the statement, the subject of the verb the noun hangs on."""
    if verb.dep_ != "acl" or verb.tag_ not in ("VBG", "VBN"):
        return None
    noun = verb.head
    if noun.lemma_.lower() not in event_lexicon().statement_nouns:
        return None
    governor = noun.head.head if noun.dep_ == "pobj" else noun.head
    if noun.dep_ not in ("dobj", "obj", "pobj") or governor.pos_ not in ("VERB", "AUX"):
        return None
    return _subject(governor)[0] or None


def _speaker(clause: Any) -> list[Any]:
    """The first subject that is not a pronoun, up through the clauses and phrases that
    carry this one: who "it" is in "X said it had received reports that ... and urged
    the authorities to ..." however the parser attached the "and urged"."""
    current = clause
    for _ in range(6):
        if current.dep_ not in CARRIERS or current.head is current:
            return []
        current = current.head
        subject = _subject(current)[0]
        if subject and [t.lower_ for t in subject] not in PRONOUNS:
            return subject
    return []


# Which actors a subject pronoun may stand for; "we" speaks in a quote, for no one named.
PRONOUN_TYPES = {
    "he": frozenset({"PERSON"}),
    "she": frozenset({"PERSON"}),
    "it": frozenset({"COUNTRY", "ORGANIZATION", "ARMED_GROUP"}),
    "they": frozenset({"ORGANIZATION", "ARMED_GROUP"}),
}


def _previous_subject(token: Any, pronoun: str, index: EntityIndex) -> list[Entity]:
    """Who a subject pronoun that nothing in its own sentence names stands for: the
    subject of the sentence before, when it names actors of the pronoun's kind
    ("Algeria's foreign ministry rejected the accusations. It announced it was
    recalling its ambassadors"), when the sentence's own main subject is a pronoun or
    missing. A subject that is itself a pronoun, or of another kind ("The ministry ...
    He said"), names no one."""
    kinds = PRONOUN_TYPES.get(pronoun)
    sent = token.sent
    if kinds is None or sent.start == 0:
        return []
    own = _subject(sent.root)[0]
    if own and [t.lower_ for t in own] not in PRONOUNS:
        return []  # "X announced that it was recalling ...": the sentence names it
    before = sentence_before(sent)
    if before is None:
        return []
    subject = _subject(before.root)[0]
    if not subject or [t.lower_ for t in subject] in PRONOUNS:
        return []
    named = _acting(index.in_tokens(subject))
    if pronoun == "they" and len(named) > 1:
        return named  # "Iran and Pakistan ... They agreed"
    head = index.head_entity(before.root, subject)
    if head is None or head not in named:
        return []
    return [head] if head.type in kinds or (_is_capital(head) and pronoun == "it") else []


def _subject(verb: Any) -> tuple[list[Any], list[Any]]:
    """Actor tokens of a verb (subject or "by" agent) and the places inside them."""
    actor_tokens: list[Any] = []
    places: list[Any] = []
    for child in verb.children:
        if child.dep_ in ("nsubj", "csubj", "agent"):
            clause: set[int] = set()
            if child.lower_ in ("which", "who") and verb.dep_ == "relcl":
                child = verb.head  # "Islamabad, which recalled its ambassador"
                clause = {t.i for t in verb.subtree}  # but not the clause's own words
            phrase, inner = _split_places(child)
            actor_tokens += [t for t in phrase if t.i not in clause]
            places += [t for t in inner if t.i not in clause]
    if not actor_tokens and _misparsed_subject(verb):
        # "The UN secretary general, António Guterres, called for ...": the parser made
        # the subject the root and hung the finite verb on it as a clause.
        actor_tokens, places = _split_places(verb.head)
    if not actor_tokens and (listed := _subject_joined_to_the_date(verb)) is not None:
        actor_tokens, places = _split_places(listed)
    return actor_tokens, places


def _subject_joined_to_the_date(verb: Any) -> Any | None:
    """ "On Monday, Estonia, Latvia and Lithuania imposed ...": the parser joined the
    list of subjects to the fronted date ("Monday" ... conj "Estonia"), leaving the verb
    without a subject. The first name of that list."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.i < verb.i):
        for when in (o for o in prep.children if o.dep_ == "pobj"):
            if when.ent_type_ not in ("DATE", "TIME"):
                continue
            for name in (c for c in when.children if c.dep_ == "conj" and c.i < verb.i):
                if name.pos_ == "PROPN" and name.ent_type_ not in ("DATE", "TIME"):
                    return name
    return None


def _passive(verb: Any) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def _suffered(verb: Any) -> bool:
    """Whether the verb's subject underwent the act: a passive ("a convoy was
    ambushed"), or "came under fire/attack"."""
    if _passive(verb):
        return True
    return verb.lemma_.lower() == "come" and any(
        c.dep_ == "prep" and c.lower_ == "under" for c in verb.children
    )


def _misparsed_subject(verb: Any) -> bool:
    """Whether a finite past verb hangs as a clause (acl) on a sentence's root noun
    before it, or on a noun the parser joined to the root verb ("France expressed
    concern, and the EU's policy chief, Josep Borrell, called for an inquiry"): a
    subject the parser took for the root or a conjunct, not a reduced relative clause
    ("a truce announced on Tuesday" is a participle)."""
    head = verb.head
    if not (
        verb.dep_ == "acl" and verb.tag_ == "VBD"
        and head.pos_ in ("NOUN", "PROPN") and head.i < verb.i
    ):  # fmt: skip
        return False
    # "the AU's chairman, Moussa Faki, called": a name in apposition, closed by a comma
    # right before the verb, wherever the parser hung the noun.
    named = (
        verb.i > 0
        and verb.doc[verb.i - 1].text == ","
        and any(c.dep_ == "appos" for c in head.children)
    )
    return head.dep_ in ("ROOT", "conj") or named


def _split_places(phrase_head: Any) -> tuple[list[Any], list[Any]]:
    """The actor part of a subject phrase, and the places inside it.

    Prepositional phrases are not actors: in "gunmen in the Sistan-Baluchistan
    province of Iran" Iran is a place, and in "Pakistan's Ambassador to Iran" Iran
    is neither (dev 12_arynews). Nor is a clause on the phrase: in "strikes targeting
    Hezbollah commanders" Hezbollah is what was struck."""
    places: list[Any] = []
    dropped: set[int] = set()
    for child in phrase_head.subtree:
        if child.i in dropped:
            continue
        if child.dep_ in ("acl", "relcl") and child != phrase_head:
            dropped.update(t.i for t in child.subtree)
            # "the junta led by Captain Ibrahim Traoré": a body named by no name of its
            # own acts through the leader its clause names.
            if _led_by(child, phrase_head):
                leader = [t for a in child.children if a.dep_ == "agent" for t in a.subtree]
                dropped.difference_update(t.i for t in leader[1:])  # not "by"
        elif child.dep_ == "prep" and child.lower_ != "of":
            inner = list(child.subtree)
            dropped.update(t.i for t in inner)
            if child.lower_ in LOCATIVE:
                places += inner
    return [t for t in phrase_head.subtree if t.i not in dropped], places


# The verbs of a clause that names who leads a body: "led by", "headed by".
LEADING = frozenset({"lead", "head", "command", "chair", "run"})


def _led_by(clause: Any, body: Any) -> bool:
    """ "the junta led by X", "a government headed by X": a common noun with a passive
    clause of leading and its agent."""
    return (
        body.pos_ == "NOUN"
        and clause.dep_ == "acl"
        and clause.tag_ == "VBN"
        and clause.lemma_.lower() in LEADING
        and any(c.dep_ == "agent" for c in clause.children)
    )


def _acting(named: list[Entity]) -> list[Entity]:
    """The entities of an actor phrase that may act: not places, but capitals
    (`_is_capital`). A capital the gazetteer lacks acts only alone: "Bangkok recalled
    its ambassador", not the dateline of "BOGOTÁ, Sep 18 (EFE) - Colombian President
    Gustavo Petro suspended"."""
    others = any(e.type != "LOCATION" for e in named)
    return [
        e for e in named
        if e.type != "LOCATION"
        or _is_capital(e)
        or (not others and name_key(e.name) in countries().capitals)
    ]  # fmt: skip


def _is_capital(entity: Entity) -> bool:
    """A capital used as an actor ("Tehran launched...") stays a LOCATION entity but
    acts for its state."""
    return entity.type == "LOCATION" and entity.wikidata is not None


def _assault_mode(token: Any) -> str | None:
    words = {t.lemma_.lower() for t in token.subtree} | {token.lemma_.lower()}
    words |= {c.lemma_.lower() for c in token.head.children} | {token.head.lemma_.lower()}
    for mode, cues in event_lexicon().assault_modes.items():
        if words & cues:
            return mode
    return None


# "both nations", "the two countries", "both sides": in a bilateral story, the two
# countries it is about (seeds 002 and 004).
_BOTH_SIDES = re.compile(
    r"\b(both|two)\s+(nations|countries|sides|neighbours|neighbors|governments|states)\b"
)


def _negated(token: Any) -> bool:
    """Whether a demonym is negated: "anti-Iranian organization", "non-Iranians" do not
    name Iran."""
    doc = token.doc
    return (
        token.i >= 2
        and doc[token.i - 1].text == "-"
        and doc[token.i - 2].lower_ in ("anti", "non", "pro")
    )
