"""Stage `events`: PLOVER-coded events with absolute dates, actors, targets, places
and the sentence they were read from.

Triggers are data (knowledge/events.yaml): verb and noun lemmas per PLOVER type.
The dependency parse gives the trigger's actor (subject, possessor, "by X", a
demonym: "Iranian strikes") and target (object, "on/against X"), resolved to the
article's entity ids, and the places in "in/inside/near X" phrases. The date words
attached to the trigger are resolved against the publication date (timex.py).
Mentions of one real occurrence (the strike in the headline, the lead and the
background) are merged into one event: same type, compatible dates, overlapping
actors and places. A mention with no actor, target, place or date never makes an
event on its own ("the tit-for-tat strikes"): it can only confirm one.
"""

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from typing import Any

from newsevents.knowledge import Trigger, actors, event_lexicon
from newsevents.pipeline.document import Draft
from newsevents.pipeline.gazetteer import gazetteer
from newsevents.schema import Entity, Event, Evidence
from newsevents.temporal.dates import AGE
from newsevents.temporal.event_dates import (
    date_words,
    dates_for,
    is_shift,
    later_that_day,
    said_to_be_now,
    untagged_shifts,
)
from newsevents.temporal.known_dates import known_date
from newsevents.temporal.timex import TODAY, WEEKDAYS, date_span, resolve

VERSION = "3"

# Verbs whose object noun carries the event: "launched strikes", "held talks", "signed
# an agreement", "reached a deal".
LIGHT_VERBS = frozenset({"launch", "conduct", "carry", "hold", "undertake", "stage", "mount",
                         "make", "pay", "have", "begin", "start", "continue", "order",
                         "sign", "reach", "conclude", "seal", "broker", "strike", "clinch",
                         "finalize", "finalise", "declare", "announce", "impose"})  # fmt: skip
LOCATIVE = frozenset({"in", "inside", "near", "at", "across", "within", "into", "outside"})
TARGETING = frozenset({"on", "against", "at", "upon"})
PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


@dataclass
class Mention:
    """One trigger in one sentence, before mentions of the same event are merged."""

    type: str
    mode: str | None
    status: str
    trigger: str
    start: int  # evidence sentence bounds
    end: int
    position: int  # character offset of the trigger
    actors: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    locations: list[str] = field(default_factory=list)
    date: dt.date | None = None
    precision: str | None = None
    date_text: str | None = None
    sentences: set[int] = field(default_factory=set)  # starts of every merged mention's sentence
    from_calendar: bool = False  # the date came from knowledge/incidents.yaml
    positions: set[int] = field(default_factory=set)  # every merged mention's trigger offset

    def __post_init__(self) -> None:
        self.sentences.add(self.start)
        self.positions.add(self.position)

    @property
    def anchored(self) -> bool:
        """Enough to stand as an event. An attack may be known only by its place or
        day; a meeting, demand or condemnation is an interaction between named actors
        ("he visited the district hospital" is not one, dev 02_poonch)."""
        if self.type == "ASSAULT":
            return bool(self.actors or self.targets or self.locations or self.date)
        return bool(self.actors or self.targets)


# A weekday fitted to a known incident dates the article less firmly than its own words.
CALENDAR_CONFIDENCE = 0.5


def extract_events(draft: Draft) -> Draft:
    if draft.nlp is None:
        return draft
    index = EntityIndex(draft.entities)
    events, anchors = _events(draft, index, draft.published_date)
    flags = set(draft.flags)
    if draft.published_date is None and anchors:
        # A weekday fitted a known incident: that week is the article's time frame,
        # so its other relative dates ("on Thursday", "two days later") resolve too.
        anchor = max(anchors)
        events, _ = _events(draft, index, anchor)
        if TODAY.search(draft.text.lower()):
            # "earlier in the day", "this morning": reported on the day it happened.
            draft = replace(
                draft,
                published_date=anchor,
                published_date_provenance="inferred",
                published_date_confidence=CALENDAR_CONFIDENCE,
            )
            flags = (flags - {"no-published-date"}) | {"published-date-inferred"}
    if any(m.from_calendar for m in events):
        flags.add("event-date-from-known-incident")
    text = draft.text
    return replace(
        draft,
        flags=tuple(sorted(flags)),
        events=tuple(_to_event(i, m, text, draft.published_date) for i, m in enumerate(events, 1)),
        event_sentences=tuple((f"ev{i}", frozenset(m.sentences)) for i, m in enumerate(events, 1)),
        event_triggers=tuple((f"ev{i}", frozenset(m.positions)) for i, m in enumerate(events, 1)),
    )


def _events(
    draft: Draft, index: "EntityIndex", reference: dt.date | None
) -> tuple[list[Mention], list[dt.date]]:
    """Merged events with dates resolved against `reference` (the publication date,
    or an anchor), then completed from known incidents; also the dates a weekday fitted
    to a known incident (anchors for an undated article)."""
    mentions: list[Mention] = []
    previous: dt.date | None = None
    sentences = {s.start_char: s.text for s in draft.nlp.sents}
    for sent in draft.nlp.sents:
        for mention in _sentence_mentions(sent, index, reference, previous):
            mentions.append(mention)
            if mention.date and mention.precision == "day":
                previous = mention.date
    events = _merge(mentions, index, reference)
    anchors = []
    for event in events:
        found = known_date(
            event, index, [sentences[s] for s in sorted(event.sentences)], draft.published_date
        )
        if found is None:
            continue
        date, words = found
        if event.date is None and words in WEEKDAYS:
            anchors.append(date)
        event.date, event.precision, event.from_calendar = date, "day", True
        event.date_text = event.date_text or (words.capitalize() or None)
    return events, anchors


class EntityIndex:
    """Which entity a character belongs to, and where places lie."""

    def __init__(self, entities: tuple[Entity, ...]) -> None:
        self.by_char: dict[int, Entity] = {}
        for entity in entities:
            for m in entity.mentions:
                for i in range(m.start, m.end):
                    self.by_char.setdefault(i, entity)
        self.by_id = {e.entity_id: e for e in entities}
        self.by_name = {e.name: e for e in entities}
        self.country_of = {a.entity_id: a.country for a in actors() if a.country}
        # A capital stands for its state: "Tehran launched" is Iran acting.
        self.country_of.update(
            {a.entity_id: a.country for a in actors() if a.type == "LOCATION" and a.country}
        )

    def entity_at(self, token: Any) -> Entity | None:
        return self.by_char.get(token.idx)

    def in_tokens(self, tokens: Any) -> list[Entity]:
        found: list[Entity] = []
        for token in tokens:
            entity = self.entity_at(token)
            negated = (
                token.i >= 2
                and token.doc[token.i - 1].text == "-"
                and (token.doc[token.i - 2].lower_ in ("anti", "non", "pro"))
            )  # "anti-Iranian organization", "non-Iranians" do not name Iran
            if entity is None and token.lower_ in gazetteer().by_demonym and not negated:
                # "Iranian strikes": the demonym names the country, when the article does.
                entity = self.by_name.get(gazetteer().by_demonym[token.lower_].name)
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
        rule = event_lexicon().anaphora.get(head.lemma_.lower())
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

    def main_countries(self) -> list[Entity]:
        """The two countries the article names most, when it names at least two."""
        countries = [e for e in self.by_id.values() if e.type == "COUNTRY"]
        ranked = sorted(countries, key=lambda e: (-len(e.mentions), e.mentions[0].start))
        return ranked[:2] if len(ranked) >= 2 else []

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
        return names


def _sentence_mentions(
    sent: Any, index: EntityIndex, published: dt.date | None, previous: dt.date | None
) -> list[Mention]:
    found: list[tuple[Any, Trigger]] = []
    if _is_heading(sent):
        return []  # "The 2023 offensive": an explainer's section heading
    for token in sent:
        rule = _trigger_rule(token)
        if rule is not None:
            found.append((token, rule))
    # A trigger inside another trigger's phrase of the same type is the same event
    # ("strikes ... that killed nine people").
    governor = {t.i: _nested(t, r.type, found) for t, r in found}
    kept = [
        (t, r) for t, r in found
        if governor[t.i] is None and not _habitual(t) and not _content_of_speech_act(t, found)
        and not _visit_to_a_facility(t, r, index)
    ]  # fmt: skip
    all_triggers = [t for t, _ in found]
    # Ages ("7-year-old", "11-month-old") are DATE entities to spaCy, not dates.
    dates = [e for e in sent.ents if e.label_ in ("DATE", "TIME") and not AGE.search(e.text)]
    dates += untagged_shifts(sent, dates)

    def owned(trigger: Any) -> list[Any]:
        # A nested trigger's date is its governor's ("strikes ... that killed nine
        # people on Thursday", seed 001).
        return [
            d for t in all_triggers if t == trigger or governor[t.i] == trigger
            for d in dates_for(t, dates, all_triggers)
        ]  # fmt: skip

    mentions = []
    for token, rule in kept:
        mention = _mention(token, rule, sent, index)
        mention_dates = [(d, date_words(d, token)) for d in owned(token)]
        mentions.append((mention, token, mention_dates))
    # Absolute and deictic dates first; then shifts ("two days after ...") from the
    # event this sentence dates, else from the previous dated event.
    for shifts in (False, True):
        for mention, _token, mention_dates in mentions:
            for ent, words in mention_dates:
                if is_shift(words) != shifts or mention.date:
                    continue
                resolved = resolve(
                    words, published=published, previous=previous,
                    future=mention.status == "expected", sentence=sent.text,
                )  # fmt: skip
                mention.date_text = mention.date_text or ent.text
                if resolved:
                    mention.date, mention.precision = resolved.date, resolved.precision
                    mention.date_text = ent.text
                    break
        if not shifts:
            anchors = [m.date for m, _, _ in mentions if m.date and m.precision == "day"]
            previous = anchors[-1] if anchors else previous
    for mention, token, _ in mentions:
        if mention.date is None and said_to_be_now(token):
            resolved = resolve("today", published=published)
            if resolved:
                mention.date, mention.precision, mention.date_text = resolved.date, "day", "now"
        elif mention.date is None and previous and later_that_day(token):
            mention.date, mention.precision, mention.date_text = previous, "day", "later"
    return _one_statement([(m, t) for m, t, _ in mentions])


# Verbal reactions: one statement that condemns and calls on, or denies and calls a
# claim groundless, is one act (typed by its first verb), not two events.
STATEMENT_TYPES = frozenset({"ACCUSE", "REQUEST", "REJECT", "THREATEN", "SUPPORT"})


def _one_statement(mentions: list[tuple[Mention, Any]]) -> list[Mention]:
    """Fold a reaction coordinated with an earlier one of the same speaker ("condemned
    the attack and called on ASEAN to ...", "denied ..., calling the account groundless
    hype") into it. A summons stays its own act (a diplomat was called in)."""
    kept: list[tuple[Mention, Any]] = []
    for mention, token in mentions:
        first = next(
            (
                (m, t) for m, t in kept
                if m.type in STATEMENT_TYPES and mention.type in STATEMENT_TYPES
                and "summon" not in (m.mode, mention.mode)
                and token.dep_ in ("conj", "advcl", "xcomp") and token.head == t
                and (not mention.actors or set(mention.actors) <= set(m.actors))
            ),
            None,
        )  # fmt: skip
        if first is None:
            kept.append((mention, token))
        else:
            first[0].targets += [x for x in mention.targets if x not in first[0].targets]
    return [m for m, _ in kept]


HABITUAL_ADVERBS = frozenset({"regularly", "often", "frequently", "repeatedly", "routinely",
                              "consistently", "constantly", "continually", "usually",
                              "habitually", "periodically", "sometimes"})  # fmt: skip
HABITUAL_MODIFIERS = frozenset({"multiple", "several", "numerous", "frequent", "repeated",
                                "many", "countless", "past", "previous", "recurring"})  # fmt: skip
SERIES_NOUNS = frozenset({"spate", "series", "string", "wave", "campaign", "history"})


def _habitual(token: Any) -> bool:
    """A pattern of events, not one occurrence: "has carried out attacks inside Iran"
    (dev 02_dailymoon), "Sarmachars who continued to kill Pakistanis" (dev
    06_dailypakistan), "implicated in multiple attacks" (seed 004), "a spate of deadly
    attacks" (dev 12_arynews). No single event can be coded from these."""
    if any(a.lemma_.lower() == "continue" for a in [token.head, *list(token.ancestors)[:2]]):
        return True
    verb_ = token if token.pos_ == "VERB" else token.head
    if any(c.dep_ == "advmod" and c.lower_ in HABITUAL_ADVERBS for c in verb_.children):
        return True  # "regularly carries out bombings", "had consistently mobilised"
    verb = token if token.pos_ == "VERB" else token.head
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
    if perfect and any(c.dep_ == "prep" and c.lower_ == "since" for c in verb.children):
        return True  # "The Houthis have attacked ships in the Red Sea since November"
    if token.tag_ != "NNS":
        return False
    children = list(token.children)
    if any(c.lower_ in HABITUAL_MODIFIERS for c in children):
        return True
    if (
        token.dep_ == "pobj"
        and token.head.lower_ == "of"
        and token.head.head.lemma_.lower() in SERIES_NOUNS
    ):
        return True
    bare = not any(c.dep_ in ("det", "poss", "nummod") for c in children)
    head = token.head
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in head.children)
    return bare and perfect and token.dep_ in ("dobj", "obj") and head.lemma_.lower() in LIGHT_VERBS


# ASSAULT modes that say what was done, not with what: they win over the weapon.
ACT_MODES = frozenset({"abduct", "abduction", "sexual", "torture", "execution", "occupy"})


def _is_heading(sent: Any) -> bool:
    """A short line with no verb inside the body: a section heading ("The 2023
    offensive", "Border clashes in 2022"), which names events the text then tells."""
    if sent.start_char <= len(sent.doc.text.split("\n", 1)[0]):
        return False  # the headline itself
    words = [t for t in sent if not t.is_punct and not t.is_space]
    return len(words) <= 6 and not any(t.pos_ in ("VERB", "AUX") for t in words)


def _visit_to_a_facility(token: Any, rule: Trigger, index: "EntityIndex") -> bool:
    """ "He visited the district hospital" is no consultation: a visit is one when what
    is visited is named (a capital, a country, a leader), not a common noun."""
    if rule.type != "CONSULT" or rule.mode != "visit" or token.pos_ != "VERB":
        return False
    visited = [c for c in token.children if c.dep_ in ("dobj", "obj")]
    return bool(visited) and visited[0].pos_ == "NOUN" and index.entity_at(visited[0]) is None


# Acts whose complement is what they are about, not a second event: "threatened to hit
# military infrastructure", "urged both sides to stop the attacks", "refused to attend
# the talks", "vowed to retaliate".
SPEECH_ACTS = frozenset({"THREATEN", "REQUEST", "REJECT", "SANCTION"})


# Nouns whose complement is an intention, a duty or a limit, not an event: "a
# commitment to collaborate", "the deadline for troops to pull out", "its right to".
INTENT_NOUNS = frozenset({"commitment", "desire", "willingness", "readiness", "intention",
                          "plan", "bid", "effort", "deadline", "need", "right", "duty",
                          "obligation", "call", "demand", "appeal", "offer", "proposal",
                          "ability", "attempt", "determination", "resolve", "promise",
                          "pledge", "threat", "warning", "order", "mandate"})  # fmt: skip


# A report of an event inside a denial or demand is still a report of the event.
REPORTED_NOUNS = frozenset({"claim", "report", "allegation", "account", "assertion",
                            "statement", "suggestion", "version"})  # fmt: skip


def _content_of_speech_act(token: Any, found: list[tuple[Any, Trigger]]) -> bool:
    """Whether the trigger is the complement of a threat, demand or refusal, or of an
    intention or limit ("a commitment to collaborate", "the deadline to pull out")."""
    acts = {t.i for t, r in found if r.type in SPEECH_ACTS and t is not token}
    current = token
    for _ in range(3):
        if current.dep_ not in ("xcomp", "ccomp", "dobj", "obj", "pobj", "prep", "pcomp", "acl"):
            return False  # not an adverbial clause: "..., asserting that the strikes killed"
        current = current.head
        if current.lemma_.lower() in REPORTED_NOUNS:
            return False  # "denied Iran's claim that the strikes targeted terrorists"
        if current.i in acts and current.dep_ != "advcl":
            return True
        if current.pos_ == "NOUN" and current.lemma_.lower() in INTENT_NOUNS:
            return True
    return False


# Dependencies that end a clause: a trigger beyond one is a separate event.
CLAUSE_DEPS = frozenset({"advcl", "conj", "ccomp", "xcomp", "parataxis", "ROOT", "csubj"})


def _nested(token: Any, kind: str, found: list[tuple[Any, Trigger]]) -> Any | None:
    """The trigger of the same type that governs this one inside one clause
    ("launched missile attacks", "strikes ... that killed nine people"), never across
    clauses ("After Pakistan conducted strikes ..., Iran launched an attack")."""
    agreement = _agreed_on(token, found)
    if agreement is not None:
        return agreement
    current = token
    # A relative clause ("strikes on hideouts in the province that killed nine") may
    # sit deep in the phrase; anything else must be within two steps.
    for _ in range(6 if token.dep_ == "relcl" else 2):
        if current.dep_ in CLAUSE_DEPS - {"relcl"} or current.head is current:
            return None
        current = current.head
        if any(t.i == current.i and r.type == kind for t, r in found):
            return current
    return None


def _agreed_on(token: Any, found: list[tuple[Any, Trigger]]) -> Any | None:
    """ "India and Pakistan agreed to a ceasefire": the ceasefire is what was agreed,
    one AGREE event, not a second one."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return None
    verb = token.head
    if token.dep_ == "pobj" and token.head.lower_ in ("to", "on", "upon"):
        verb = token.head.head
    elif token.dep_ not in ("dobj", "obj"):
        return None
    agree = any(t.i == verb.i and r.type == "AGREE" for t, r in found)
    return verb if agree and verb.i != token.i else None


def _trigger_rule(token: Any) -> Trigger | None:
    lemma = token.lemma_.lower()
    doc = token.doc
    if token.i >= 2 and doc[token.i - 1].text == "-" and doc[token.i - 2].lower_ == "de":
        lemma = "de-" + lemma  # spaCy splits "de-escalated" into de / - / escalated
    for rule in event_lexicon().triggers:
        if token.pos_ == "VERB" and lemma in rule.verbs:
            if rule.objects and not _has_object(token, rule.objects):
                continue
            if rule.complements and not any(
                c.dep_ == "xcomp" and c.lemma_.lower() in rule.complements for c in token.children
            ):
                continue
            if rule.particles and not any(
                c.dep_ == "prt" and c.lower_ in rule.particles for c in token.children
            ):
                continue
            if rule.preps and not any(
                c.dep_ == "prep" and c.lower_ in rule.preps for c in token.children
            ):
                continue
            if not (rule.particles or rule.preps) and lemma == "call":
                continue
            return rule
        if token.pos_ in ("NOUN", "PROPN") and not rule.objects:
            if token.dep_ == "pobj" and token.head.lower_ in rule.not_after:
                continue  # "summoned the envoy in protest": the summons is the event
            if token.ent_type_ and token.ent_type_ not in ("DATE", "TIME", "CARDINAL"):
                continue  # part of a name: "Government of National Accord"
            if rule.governors and not _concluded(token, rule.governors):
                continue  # "the 2015 peace agreement", mentioned in passing
            if lemma in rule.nouns:
                return rule
            modifiers = [c.lower_ for c in token.children if c.dep_ in ("compound", "amod")]
            if any(f"{m} {lemma}" in rule.noun_phrases for m in modifiers):
                return rule
    return None


def _concluded(noun: Any, governors: frozenset[str]) -> bool:
    """Whether the text tells the agreement concluded or taking effect: object or
    subject of a concluding verb ("signed a deal", "the truce took effect"), or
    qualified by one ("a ceasefire brokered by Russia", "Russian-brokered truce")."""
    if noun.dep_ in ("dobj", "obj", "nsubj", "nsubjpass") and noun.head.lemma_.lower() in governors:
        return True
    return any(
        c.dep_ in ("acl", "amod", "relcl") and c.lemma_.lower().split("-")[-1] in governors
        for c in noun.children
    )


def _has_object(verb: Any, lemmas: frozenset[str]) -> bool:
    """A direct object with one of these lemmas ("*": any direct object)."""
    return any(
        c.dep_ in ("dobj", "obj", "nsubjpass") and ("*" in lemmas or c.lemma_.lower() in lemmas)
        for c in verb.children
    )


def _mention(token: Any, rule: Trigger, sent: Any, index: EntityIndex) -> Mention:
    actors_, targets, places = _roles(token, index)
    mode = rule.mode
    if rule.type == "ASSAULT" and mode not in ACT_MODES:
        mode = _assault_mode(token) or mode  # the weapon, unless the act names the mode
    end = sent.end_char
    while end > sent.start_char and sent.doc.text[end - 1].isspace():
        end -= 1
    return Mention(
        type=rule.type, mode=mode, status=_status(token), trigger=token.text,
        start=sent.start_char, end=end, position=token.idx,
        actors=[e.entity_id for e in actors_], targets=[e.entity_id for e in targets],
        locations=[e.entity_id for e in places],
    )  # fmt: skip


def _roles(token: Any, index: EntityIndex) -> tuple[list[Entity], list[Entity], list[Entity]]:
    """Actors, targets and places of a trigger from the dependency parse."""
    actor_tokens: list[Any] = []
    target_tokens: list[Any] = []
    place_tokens: list[Any] = []
    head = token
    if (
        token.pos_ in ("NOUN", "PROPN")
        and token.dep_ in ("dobj", "obj")
        and token.head.lemma_ in LIGHT_VERBS
    ):
        head = token.head  # "Pakistan launched a raid": the raid's actor is the subject
    if token.dep_ == "pobj" and token.head.lower_ == "with" and token.head.head.pos_ == "VERB":
        head = token.head.head  # "retaliate with strikes": the retaliating side strikes
    phrase, places = _subject(head)
    actor_tokens += phrase
    place_tokens += places
    for child in head.children:
        if child.dep_ in ("dobj", "obj", "nsubjpass") and child is not token:
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
    for holder in {head, token}:
        for child in holder.children:
            if child.dep_ == "prep" and child.lower_ in TARGETING:
                target_tokens += list(child.subtree)
            elif child.dep_ == "prep" and child.lower_ in LOCATIVE:
                place_tokens += list(child.subtree)
    if not actor_tokens:
        actor_tokens += _claimed_by(token)
    if token.dep_ == "pobj" and token.head.dep_ == "prep" and not actor_tokens:
        # "In a recent telephonic conversation, Jilani emphasized ...": the subject
        # of the verb the phrase modifies took part.
        verb = token.head.head
        actor_tokens += [t for c in verb.children if c.dep_ == "nsubj" for t in c.subtree]
    if head.tag_ == "VBG" and head.dep_ in ("pcomp", "advcl") and not index.in_tokens(actor_tokens):
        # "Iran displayed its might by carrying out a missile attack" (dev
        # 06_dailypakistan), "..., killing nine": the gerund's doer is the clause's.
        governor = head.head.head if head.dep_ == "pcomp" else head.head
        actor_tokens += _subject(governor)[0]
    if head.dep_ in ("ccomp", "conj") and [t.lower_ for t in actor_tokens] in PRONOUNS:
        # "Pakistan on Thursday said it struck hideouts" (dev 09_ifpnews): the
        # pronoun is the speaker; "X said it had received reports ... and urged the
        # authorities": up through the clauses to the speaker.
        actor_tokens = _speaker(head) or actor_tokens
    if head.dep_ == "conj" and not actor_tokens:
        # "Islamabad recalled its ambassador ... and blocked Iran's envoy"
        actor_tokens += _subject(head.head)[0] or _speaker(head)
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
    actors_ = [e for e in index.in_tokens(actor_tokens) if e.type != "LOCATION" or _is_capital(e)]
    if not actors_:
        referred = index.referred_to(actor_tokens)  # "the group had threatened ..."
        actors_ = [referred] if referred is not None else []
    if not actors_ and _BOTH_SIDES.search(" ".join(t.lower_ for t in actor_tokens)):
        actors_ = index.main_countries()  # "the two nations declared", "both sides agreed"
    inner_places = {t.i for t in target_tokens for _ in [0] if _in_locative(t, token)}
    place_tokens += [t for t in target_tokens if t.i in inner_places]
    targets = index.in_tokens(t for t in target_tokens if t not in place_tokens)
    places = [e for e in index.in_tokens(place_tokens) if e.type in ("LOCATION", "COUNTRY")]
    # Places named inside the target phrase ("hideouts in Iran's Sistan province").
    places += [e for e in targets if e.type == "LOCATION" and e not in places]
    targets = [e for e in targets if e.type != "LOCATION" and e not in actors_]
    return actors_, targets, places


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


CARRIERS = frozenset({"ccomp", "conj", "advcl", "xcomp", "acl", "dobj", "obj", "pobj", "prep"})


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
    return actor_tokens, places


def _split_places(phrase_head: Any) -> tuple[list[Any], list[Any]]:
    """The actor part of a subject phrase, and the places inside it.

    Prepositional phrases are not actors: in "gunmen in the Sistan-Baluchistan
    province of Iran" Iran is a place, and in "Pakistan's Ambassador to Iran" Iran
    is neither (dev 12_arynews)."""
    places: list[Any] = []
    dropped: set[int] = set()
    for child in phrase_head.subtree:
        if child.dep_ == "prep" and child.lower_ != "of" and child.i not in dropped:
            inner = list(child.subtree)
            dropped.update(t.i for t in inner)
            if child.lower_ in LOCATIVE:
                places += inner
    return [t for t in phrase_head.subtree if t.i not in dropped], places


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


def _status(token: Any) -> str:
    """occurred, expected ("are expected to hold talks", "will visit"), hypothetical
    ("could strike", "if ...") or denied ("did not attack", "denied striking").

    Only the trigger and the verbs that carry it count (a light verb, "expected to",
    "set to"): a negation elsewhere in the sentence ("could not be called a crisis
    while on a visit") says nothing about the event."""
    words = event_lexicon().status_words
    chain = [token]
    current = token
    while (
        current.dep_ in ("dobj", "obj", "xcomp", "nsubjpass", "pobj", "prep", "aux")
        and len(chain) < 5
    ):
        if current.dep_ == "pobj" and current.head.lower_ not in ("with",):
            break
        current = current.head
        chain.append(current)
    for t in chain:
        kids = list(t.children)
        if t.pos_ not in ("VERB", "AUX", "ADJ") and t is not token:
            continue
        if any(c.dep_ == "neg" for c in kids) or t.lemma_.lower() == "deny" and t is not token:
            return "denied"
        if any(c.dep_ == "mark" and c.lower_ == "if" for c in kids):
            return "hypothetical"
        if any(c.dep_ == "aux" and c.lower_ in ("could", "may", "might", "should") for c in kids):
            return "hypothetical"
        if any(c.dep_ == "aux" and c.lower_ in ("will", "shall", "would") for c in kids):
            return "expected"
        if t is not token and t.lemma_.lower() in words["expected"]:
            return "expected"
        if t is not token and t.lemma_ == "be" and token.dep_ == "xcomp":
            return "expected"  # "troops were to withdraw within 60 days"
    return "occurred"


# "both nations", "the two countries", "both sides": in a bilateral story, the two
# countries it is about (seeds 002 and 004).
_BOTH_SIDES = re.compile(
    r"\b(both|two)\s+(nations|countries|sides|neighbours|neighbors|governments|states)\b"
)


def _merge(
    mentions: list[Mention], index: EntityIndex, published: dt.date | None = None
) -> list[Mention]:
    """One event per real-world occurrence. A mention joins the compatible event it
    shares most with (actors, places, the same day); an anchored mention that shares
    nothing with any event starts a new one, an unanchored one only confirms. An
    undated mention ("the missile strikes") refers to the news before an event the text
    recalls from long ago."""
    events: list[Mention] = []
    for mention in sorted(mentions, key=lambda m: (not m.anchored, m.position)):
        scored = [(_shared(e, mention, index), e) for e in events if _compatible(e, mention, index)]
        # Ties go to the event mentioned last before this mention: "the strikes" refers
        # back to the strikes just reported.
        best = max(
            scored,
            key=lambda pair: (
                pair[0],
                mention.date is not None or not _recalled(pair[1], published),
                max((s for s in pair[1].sentences if s <= mention.start), default=-1),
            ),
            default=(0, None),
        )
        if best[1] is not None and (best[0] > 0 or not mention.anchored):
            _absorb(best[1], mention)
        elif mention.anchored:
            events.append(mention)
    return sorted(events, key=lambda e: e.position)


def _recalled(event: Mention, published: dt.date | None) -> bool:
    """Whether the event lies long before publication (see BACKGROUND_DAYS)."""
    if event.date is None or published is None:
        return False
    return (published - date_span(event.date, event.precision)[1]).days > BACKGROUND_DAYS


def _shared(a: Mention, b: Mention, index: EntityIndex) -> int:
    score = 2 * bool(index.regions(a.actors) & index.regions(b.actors))
    score += bool(index.regions(a.locations) & index.regions(b.locations))
    score += bool(set(a.targets) & set(b.targets))
    score += 2 * bool(a.date and a.date == b.date and a.precision == b.precision == "day")
    score += bool(a.sentences & b.sentences)  # one sentence: "launched missile and drone strikes"
    score += bool(a.mode and a.mode == b.mode)  # "the missile strikes" are air strikes
    return score


# Sanctions on a diplomatic presence, told together, are one measure.
DIPLOMATIC_MEASURES = frozenset({"withdraw", "expel", "discontinue", None})


def _compatible(a: Mention, b: Mention, index: EntityIndex) -> bool:
    if a.type != b.type:
        return False
    one_measure = (
        a.type == "SANCTION"
        and bool(a.sentences & b.sentences)
        and {a.mode, b.mode} <= DIPLOMATIC_MEASURES
    )
    if a.mode and b.mode and a.mode != b.mode and not one_measure:
        # A phone call and a visit, an air strike and a shooting, recalling envoys and
        # closing the airspace: two events. But "recalled its ambassador ... and
        # blocked Iran's envoy" in one sentence is one diplomatic measure (dev
        # 12_arynews gold).
        return False
    if a.date and b.date:
        (a0, a1), (b0, b1) = date_span(a.date, a.precision), date_span(b.date, b.precision)
        if a1 < b0 or b1 < a0:
            return False
    if index.regions(a.actors) & index.regions(b.targets) or (
        index.regions(b.actors) & index.regions(a.targets)
    ):
        return False  # who strikes in one is struck in the other: two events
    if a.actors and b.actors:
        # "Tehran" acts for Iran, "Indian Armed Forces" for India.
        return bool(index.regions(a.actors) & index.regions(b.actors))
    places_a, places_b = index.regions(a.locations), index.regions(b.locations)
    return not places_a or not places_b or bool(places_a & places_b)


def _absorb(event: Mention, other: Mention) -> None:
    event.sentences |= other.sentences
    event.positions |= other.positions
    for role in ("actors", "targets", "locations"):
        merged = getattr(event, role)
        merged += [x for x in getattr(other, role) if x not in merged]
    if other.date and (
        event.date is None
        or PRECISION_RANK[other.precision or "year"] < PRECISION_RANK[event.precision or "year"]
    ):
        event.date, event.precision, event.date_text = other.date, other.precision, other.date_text
        event.start, event.end, event.trigger = other.start, other.end, other.trigger
    if other.status == "occurred" and other.anchored:
        event.status = "occurred"  # an unanchored headline does not settle the status
    event.mode = event.mode or other.mode


# An event whose last possible day is this long before publication is recalled as
# background, not reported as news ("the group attacked the capital on 12 May last year").
BACKGROUND_DAYS = 30


def _to_event(number: int, m: Mention, text: str, published: dt.date | None) -> Event:
    mention = "new"
    if m.date is not None and published is not None:
        last_day = date_span(m.date, m.precision)[1]
        if (published - last_day).days > BACKGROUND_DAYS:
            mention = "background"
    return Event(
        mention=mention,  # type: ignore[arg-type]
        event_id=f"ev{number}",
        type=m.type,  # type: ignore[arg-type]
        mode=m.mode,
        status=m.status,  # type: ignore[arg-type]
        date=m.date,
        date_precision=m.precision if m.date else None,  # type: ignore[arg-type]
        date_text=m.date_text,
        actors=m.actors,
        targets=[t for t in m.targets if t not in m.actors],
        locations=m.locations,
        trigger=m.trigger,
        evidence=Evidence(start=m.start, end=m.end, text=text[m.start : m.end]),
    )


# What kills in aggregate is no single event: "the conflict has killed more than 400".
AGGREGATE_SUBJECTS = frozenset({"conflict", "war", "violence", "insurgency", "fighting",
                                "crisis", "unrest", "campaign", "hostility", "hostilities",
                                "toll", "attack"})  # fmt: skip


def is_aggregate(token: Any) -> bool:
    """A running total, not one occurrence: "the conflict has killed more than 400",
    "have killed 3,000 people since 2017"."""
    subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
    if any(s.lemma_.lower() in AGGREGATE_SUBJECTS for s in subjects):
        return True
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in token.children)
    since = any(c.dep_ == "prep" and c.lower_ == "since" for c in token.children)
    return perfect and since


def implied_assault(
    token: Any, sent: Any, index: EntityIndex, published: dt.date | None, number: int
) -> Event | None:
    """The assault a casualty figure implies when its sentence reports none ("six
    civilians were martyred on Sunday when ...", "gunmen abducted eight students"):
    claims and events then agree. None for an aggregate ("the war has killed 400") or a
    habit."""
    if is_aggregate(token) or _habitual(token):
        return None
    rule = Trigger(
        type="ASSAULT", mode="abduct" if token.lemma_.lower() in ABDUCTION else None,
        verbs=frozenset(), nouns=frozenset(), noun_phrases=frozenset(), objects=frozenset(),
        particles=frozenset(), preps=frozenset(), not_after=frozenset(),
    )  # fmt: skip
    mention = _mention(token, rule, sent, index)
    mention.mode = rule.mode or mention.mode  # an abduction is one whatever the weapon
    dates = [e for e in sent.ents if e.label_ == "DATE" and not AGE.search(e.text)]
    for ent in dates:
        resolved = resolve(ent.text, published=published, sentence=sent.text)
        if resolved:
            mention.date, mention.precision, mention.date_text = (
                resolved.date, resolved.precision, ent.text,
            )  # fmt: skip
            break
    return _to_event(number, mention, sent.doc.text, published) if mention.anchored else None


ABDUCTION = frozenset({"abduct", "kidnap", "seize", "take"})
