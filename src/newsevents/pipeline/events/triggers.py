"""Which words are event triggers (knowledge/events.yaml) and which are not events:
habits, headings, visits to facilities, the content of a threat or demand, a trigger
inside another of the same type, an agreement named in passing.

Reads spaCy tokens and the event lexicon; writes nothing (answers per token)."""

from functools import cache
from typing import TYPE_CHECKING, Any

from newsevents.knowledge import Trigger, credits, event_lexicon, outlets, time_words
from newsevents.pipeline.events.mention import LIGHT_VERBS
from newsevents.temporal.event_dates import WAVE_NOUNS, misread_clause, small_clause_subjects

if TYPE_CHECKING:
    from newsevents.pipeline.events.roles import EntityIndex

HABITUAL_ADVERBS = frozenset({"regularly", "often", "frequently", "repeatedly", "routinely",
                              "consistently", "constantly", "continually", "usually",
                              "habitually", "periodically", "sometimes"})  # fmt: skip


# What "hit by" a condition names is a state of affairs, not an event.
CONDITIONS = frozenset({"banditry", "violence", "insecurity", "conflict", "war", "crime",
                        "terrorism", "insurgency", "unrest", "fighting", "crisis",
                        "flood", "drought", "famine", "inflation", "sanction"})  # fmt: skip
HABITUAL_MODIFIERS = frozenset({"multiple", "several", "numerous", "frequent", "repeated",
                                "many", "countless", "past", "previous", "recurring"})  # fmt: skip


SERIES_NOUNS = frozenset({"spate", "series", "string", "wave", "campaign", "history"})
# A wave of strikes (event_dates.WAVE_NOUNS) is one operation when the text counts it
# ("the first wave", "a fresh wave") or gives it a day ("on 15 March", "overnight").
WAVE_ORDER = frozenset({"first", "second", "third", "fourth", "fifth", "fresh", "new",
                        "latest", "last", "initial", "final", "another"})  # fmt: skip


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
    agents = [g for c in token.children if c.dep_ == "agent" for g in c.children]
    if any(g.lemma_.lower() in CONDITIONS for g in agents):
        return True  # "the states worst hit by banditry": a condition, not one attack
    verb = token if token.pos_ == "VERB" else token.head
    # "have killed or wounded ... since": the second verb shares the first's tense.
    clause = [verb, verb.head] if verb.dep_ == "conj" else [verb]
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for v in clause for c in v.children)
    if perfect and any(
        c.dep_ == "prep" and c.lower_ == "since" for v in clause for c in v.children
    ):
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
        and not _one_wave(token.head.head)
    ):
        return True
    bare = not any(c.dep_ in ("det", "poss", "nummod") for c in children)
    head = token.head
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in head.children)
    return bare and perfect and token.dep_ in ("dobj", "obj") and head.lemma_.lower() in LIGHT_VERBS


def _one_wave(series: Any) -> bool:
    """ "the first wave of strikes", "carried out a wave of strikes on 15 March": one
    operation, counted or dated to a day or a night; "a wave of attacks across the
    country" is many."""
    if series.lemma_.lower() not in WAVE_NOUNS:
        return False
    if any(c.dep_ in ("amod", "det") and c.lower_ in WAVE_ORDER for c in series.children):
        return True
    verb = series.head if series.dep_ in ("dobj", "obj", "nsubj", "nsubjpass") else None
    return verb is not None and any(_a_day(c) for c in verb.children if c is not series)


def _a_day(word: Any) -> bool:
    """Whether a verb's dependent gives it a day or a night: "on 15 March", "on Monday",
    "overnight", "late on Sunday" (spaCy's DATE and TIME entities, not a year or a span)."""
    if word.dep_ == "prep" and word.lower_ == "on":
        return any(g.ent_type_ == "DATE" for g in word.children if g.dep_ == "pobj")
    return (
        word.dep_ in ("npadvmod", "advmod", "tmod")
        and word.ent_type_ in ("DATE", "TIME")
        and (word.lower_ not in ("years", "months", "weeks", "days"))
    )


def _label(token: Any) -> bool:
    """A noun that names what a speaker calls the object of his verb: "condemned the
    strikes as murder", "described the shelling as a massacre". It tells how the act is
    judged, not a second act, and never who did it (the speaker)."""
    if token.pos_ != "NOUN" or token.dep_ != "pobj" or token.head.lower_ != "as":
        return False
    verb = token.head.head
    return verb.pos_ == "VERB" and any(c.dep_ in ("dobj", "obj") for c in verb.children)


# What an accusation says a party does ("accuses Tehran of siding with Armenia",
# "accused Algeria of supplying arms to the rebels"): a standing alignment alleged, which
# the text does not report as having happened. An accused attack stays an event.
ALLEGED_ALIGNMENTS = frozenset({"SUPPORT", "AID", "COOPERATE"})


def _alleged(token: Any, rule: Trigger, found: list[tuple[Any, Trigger]]) -> Any | None:
    """The accusation whose alleged alignment the trigger is, or None: the gerund after
    "of" or "for" of an ACCUSE trigger ("accuses X of siding with Y", "blamed X for
    arming"). Like a nested trigger, it is part of that event, and its date is."""
    if rule.type not in ALLEGED_ALIGNMENTS or token.dep_ != "pcomp":
        return None
    prep = token.head
    if prep.lower_ not in ("of", "for"):
        return None
    accusation = prep.head
    return accusation if any(t.i == accusation.i and r.type == "ACCUSE" for t, r in found) else None


def _is_heading(sent: Any) -> bool:
    """A short line with no verb inside the body: a section heading ("The 2023
    offensive", "Border clashes in 2022"), which names events the text then tells."""
    if sent.start_char <= _first_line_length(sent.doc):
        return False  # the headline itself
    words = [t for t in sent if not t.is_punct and not t.is_space]
    return len(words) <= 6 and not any(t.pos_ in ("VERB", "AUX") for t in words)


def _first_line_length(doc: Any) -> int:
    """The length of the text's first line, read from the headline's tokens only:
    `doc.text` would join every token of the article, once per sentence."""
    for token in doc:
        if "\n" in token.text_with_ws:
            return token.idx + token.text_with_ws.index("\n")
    return len(doc.text)


def _visit_to_a_facility(token: Any, rule: Trigger, index: "EntityIndex") -> bool:
    """ "He visited the district hospital" is no consultation: a visit is one when what
    is visited is named (a capital, a country, a leader), not a common noun."""
    if rule.type != "CONSULT" or rule.mode != "visit" or token.pos_ != "VERB":
        return False
    visited = [c for c in token.children if c.dep_ in ("dobj", "obj")]
    if not visited or visited[0].pos_ != "NOUN" or index.entity_at(visited[0]) is not None:
        return False
    # "hosted Pakistan's delegation", "received the ambassador, Hasan Zaigham": a noun whose owner
    # or apposition is named is someone's ("the Poonch district hospital" stays a place).
    attached = [c for c in visited[0].children if c.dep_ in ("poss", "appos")]
    return all(index.entity_at(w) is None for w in attached)


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
    intention or limit ("a commitment to collaborate", "the deadline to pull out"), or
    what is to stop ("stop attacking ships")."""
    if _for_to_infinitive(token) or _demanded_in_a_headline(token) or _stopped(token):
        return True
    acts = {t.i for t, r in found if r.type in SPEECH_ACTS and t is not token}
    current = token
    # Up to five steps: "asked Kabul to prevent the TTP from using Afghan soil to
    # launch attacks" (launch < using < from < prevent < asked).
    for _ in range(5):
        if (
            current.dep_ == "pcomp" and current.head.lower_ == "with"
            and any(c.dep_ == "nsubj" for c in current.children)
        ):  # fmt: skip
            return False  # "..., with Tehran swiftly condemning the killing": its own act
        if current.dep_ == "conj" and current.head.dep_ in ("xcomp", "ccomp"):
            # "urged the authorities to exercise restraint and to investigate": the second
            # thing urged is urged too (not "threatened retaliation and launched strikes",
            # two acts of one clause).
            current = current.head
        head = current.head
        if current.dep_ == "advcl" and head.pos_ == "NOUN" and head.lemma_.lower() in INTENT_NOUNS:
            return True  # "the deadline for troops to pull out", not "ordered ..., warning"
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


def _demanded_in_a_headline(token: Any) -> bool:
    """ "Kenya Urges Somalia to Pull Back Troops": a to-infinitive after a demand or a
    threat in a Title Case headline, however the parser hung the two (it takes the
    headline's verb for part of a name)."""
    verb, infinitive = token, False
    for _ in range(3):  # "Warns Sudan to Stop Shelling": the infinitive carries the trigger
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        if infinitive or verb.dep_ not in ("xcomp", "dobj", "obj") or verb.head == verb:
            break
        verb = verb.head
    return infinitive and any(_headline_speech_verb(t) for t in token.sent if t.i < verb.i)


def _headline_speech_verb(token: Any) -> bool:
    """A demand or threat in a Title Case headline, which the parser takes for a proper
    noun: "Urges", "Warns", "Asks"."""
    word = token.lower_
    if token.pos_ != "PROPN" or not token.text[:1].isupper() or not word.endswith("s"):
        return False
    stems = {word[:-1], word[:-2]} if word.endswith("es") else {word[:-1]}
    return any(
        rule.type in SPEECH_ACTS and stem in rule.verbs
        for stem in stems
        for rule in _rules_for(stem)
    )


def _blamed_by_no_one(token: Any, rule: Trigger) -> bool:
    """ "Drone strikes blamed on the RSF hit a market": a participle that lays the blame
    with no one laying it (no "by" agent) is the reporter's attribution of the act, not an
    accusation someone made."""
    return (
        rule.type == "ACCUSE"
        and token.tag_ == "VBN"
        and token.dep_ in ("acl", "amod")
        and not any(c.dep_ == "agent" for c in token.children)
    )


def _stopped(token: Any) -> bool:
    """ "agreed to stop attacking American ships", "refrain from attacks", "a halt to US
    bombing", "called for an end to the shelling": the act is what is to stop."""
    lexicon = event_lexicon()
    head = token.head
    if token.dep_ in ("xcomp", "dobj", "obj", "pcomp") and head.pos_ in ("VERB", "AUX"):
        return head.lemma_.lower() in lexicon.stopping_verbs and head is not token
    if token.dep_ in ("pobj", "pcomp") and head.lower_ in ("to", "of", "from", "on"):
        governor = head.head
        if governor.pos_ in ("NOUN", "PROPN"):
            return governor.lemma_.lower() in lexicon.stopping_nouns
        return governor.pos_ == "VERB" and governor.lemma_.lower() in lexicon.stopping_verbs
    return False


def _for_to_infinitive(token: Any) -> bool:
    """ "(called) for the RSF to allow access", "time for Russia to end the war": a
    "for ... to" clause says what someone wants done, whatever it hangs on (the parser
    may coordinate it with the demand's object)."""
    kids = list(token.children)
    return (
        token.pos_ == "VERB"
        and any(c.dep_ == "mark" and c.lower_ == "for" for c in kids)
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in kids)
    )


# Dependencies that end a clause: a trigger beyond one is a separate event.
CLAUSE_DEPS = frozenset({"advcl", "conj", "ccomp", "xcomp", "parataxis", "ROOT", "csubj"})


def _nested(token: Any, kind: str, found: list[tuple[Any, Trigger]]) -> Any | None:
    """The trigger of the same type that governs this one inside one clause
    ("launched missile attacks", "strikes ... that killed nine people"), never across
    clauses ("After Pakistan conducted strikes ..., Iran launched an attack")."""
    agreement = _agreed_on(token, found)
    if agreement is not None:
        return agreement
    # "came two days after a drone attack on the base wounded two soldiers": the
    # attack is the subject of the clause's verb, which the parser took for an object.
    clause = misread_clause(token.head) if token.dep_ == "pobj" else None
    if clause is not None and any(t.i == clause.i and r.type == kind for t, r in found):
        return clause
    if token.dep_ == "pobj" and token.head.lower_ in time_words().sequence_prepositions:
        return None  # "After a bombing on May 2, gunmen stormed a post": another occurrence
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


# spaCy entity labels of names, whose words are never triggers (LAW and EVENT are not
# among them: "a ceasefire agreement" may be tagged LAW).
NAME_ENTITIES = frozenset({"ORG", "GPE", "PERSON", "NORP", "FAC", "LOC", "WORK_OF_ART"})


@cache
def _rules_for(lemma: str) -> tuple[Trigger, ...]:
    """The rules that name this lemma as a verb, a noun or the head of a noun phrase, in
    file order (the first that fits wins): a token is checked against a handful of
    rules, not all of them."""
    return _rule_index().get(lemma, ())


@cache
def _rule_index() -> dict[str, tuple[Trigger, ...]]:
    index: dict[str, list[Trigger]] = {}
    for rule in event_lexicon().triggers:
        heads = {phrase.rsplit(" ", 1)[-1] for phrase in rule.noun_phrases}
        for lemma in rule.verbs | rule.nouns | heads:
            index.setdefault(lemma, []).append(rule)
    return {lemma: tuple(rules) for lemma, rules in index.items()}


def _trigger_rule(token: Any) -> Trigger | None:
    lemma = token.lemma_.lower()
    doc = token.doc
    if token.i >= 2 and doc[token.i - 1].text == "-" and doc[token.i - 2].lower_ == "de":
        lemma = "de-" + lemma  # spaCy splits "de-escalated" into de / - / escalated
    for rule in _rules_for(lemma):
        if token.pos_ == "VERB" and lemma in rule.verbs:
            if rule.objects and not _has_object(token, rule.objects):
                continue
            if rule.subjects and not _has_subject(token, rule.subjects):
                continue
            if rule.not_subjects and _has_subject(token, rule.not_subjects):
                continue  # "gunmen who arrived on motorbikes"
            if rule.not_objects and _has_object(token, rule.not_objects, compounds=True):
                continue  # "met little resistance", "hosts Camp Lemonnier"
            # "vowed to punish" and "vowed that those responsible would be punished"
            # threaten the same; but "told X that Y would take part" reports, where "told
            # X to take part" asks: a clause is a threat's content only.
            clauses = ("xcomp", "ccomp") if rule.type == "THREATEN" else ("xcomp",)
            if rule.complements and not any(
                (c.dep_ in clauses and c.lemma_.lower() in rule.complements)
                or ("*" in rule.complements and c.dep_ == "ccomp")
                for c in token.children
            ):
                continue
            if rule.particles and not any(
                c.dep_ == "prt" and c.lower_ in rule.particles for c in token.children
            ):
                continue
            # The parser reads "on" of "has called on all parties" as a particle too. A
            # phrase of time is no appeal's: "what Islamabad calls TTP hideouts ... on the
            # night of December 24".
            if rule.preps and not any(
                c.dep_ in ("prep", "prt") and c.lower_ in rule.preps and not _of_time(c)
                for c in token.children
            ):
                continue
            if rule.preps and rule.not_objects and any(
                o.dep_ == "pobj" and (o.lemma_.lower() in rule.not_objects or _the_press(o))
                for c in token.children if c.dep_ == "prep" and c.lower_ in rule.preps
                for o in c.children
            ):  # fmt: skip
                # "speaking to reporters", "speaking to AFP on condition of anonymity": an
                # audience, not the other side
                continue
            if rule.predicates and not _has_predicate(token, rule):
                continue
            if not (rule.particles or rule.preps or rule.predicates) and lemma == "call":
                continue
            return rule
        if token.pos_ in ("NOUN", "PROPN") and (
            not rule.objects or _of_complement(token, rule.objects)  # "an exchange of fire"
        ):
            phrase = token.head if token.dep_ == "conj" else token  # "dialogue and consultation"
            if (
                phrase.dep_ == "pobj" and phrase.head.lower_ in rule.not_after
                and not _owns_a_day(token)
            ):  # fmt: skip
                # "summoned the envoy in protest": the summons is the event; but "the
                # scale of Sunday's fighting" is an occurrence its day names.
                continue
            if rule.not_for and _asks_for(token, rule.not_for):
                continue  # "did not respond to a request for comment": the reporter's
            if token.pos_ == "PROPN" and token.ent_type_ in NAME_ENTITIES:
                continue  # part of a name: "Government of National Accord"
            if rule.governors and not _concluded(token, rule.governors):
                continue  # "the 2015 peace agreement", mentioned in passing
            if lemma in rule.nouns:
                return rule
            modifiers = [c.lower_ for c in token.children if c.dep_ in ("compound", "amod")]
            if any(f"{m} {lemma}" in rule.noun_phrases for m in modifiers):
                return rule
    return None


def _owns_a_day(noun: Any) -> bool:
    """ "Sunday's fighting", "the January 5 clashes": a noun its day stands before."""
    return any(
        c.dep_ in ("poss", "compound", "nmod", "amod") and c.ent_type_ == "DATE"
        for c in noun.children
    )


def _asks_for(noun: Any, lemmas: frozenset[str]) -> bool:
    """Whether the noun's "for" phrase names one of these ("a request for comment")."""
    phrases = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "for"]
    return any(g.lemma_.lower() in lemmas for c in phrases for g in c.children)


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


def _the_press(noun: Any) -> bool:
    """Whether the noun names a news outlet or a wire agency (knowledge/outlets.yaml,
    agencies.yaml): "AFP", "the BBC", "Al Jazeera"."""
    phrase = noun.doc[noun.left_edge.i : noun.i + 1].text
    for name in (phrase, noun.text, phrase.removeprefix("the ").removeprefix("The ")):
        if outlets().for_name(name) or name in credits().agency_by_alias:
            return True
    return False


def _has_subject(verb: Any, lemmas: frozenset[str]) -> bool:
    """Whether the verb's subject, or one coordinated with it, has one of these lemmas
    ("Indian and Chinese troops clashed", "rebels and soldiers clashed")."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if verb.dep_ == "relcl" and any(s.tag_ in ("WP", "WDT") for s in subjects):
        subjects.append(verb.head)  # "gunmen who arrived": the gunmen
    subjects += [c for s in subjects for c in s.conjuncts]
    return any(s.lemma_.lower() in lemmas for s in subjects)


# Words that take part of a group named after "of": "one of the ships", "some of the
# hostages" (numbers, "one" among them, are found by `like_num`).
PARTITIVES = frozenset({"some", "several", "many", "most", "all", "each", "both", "dozens",
                        "scores", "hundreds", "thousands"})  # fmt: skip


def _has_object(verb: Any, lemmas: frozenset[str], *, compounds: bool = False) -> bool:
    """A direct object with one of these lemmas ("*": any direct object), or "X of Y"
    ("declared a state of emergency"); with `compounds`, or when the object is a name, a
    word compounded with its head counts too ("Camp" of "Camp X", "Ambassador" of
    "Ambassador Abdullahi Mohamed Warfa")."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
    # "declared two diplomats persona non grata": the parser's subject of the predicate
    for c in objects + small_clause_subjects(verb):
        words = {c.lemma_.lower()}
        words |= {
            f"{c.lemma_.lower()} of {o.lemma_.lower()}"
            for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
            for o in p.children if o.dep_ == "pobj"
        }  # fmt: skip
        if c.like_num or c.lower_ in PARTITIVES:
            # "rammed one of the coast guard ships", "seized two of its vessels": the
            # thing is what the part is of.
            words |= {
                o.lemma_.lower()
                for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
                for o in p.children if o.dep_ == "pobj"
            }  # fmt: skip
        if compounds or c.pos_ == "PROPN":
            words |= {w.lemma_.lower() for w in c.children if w.dep_ == "compound"}
        # "extended the curfew hours": a compound and its head, as the lexicon lists them.
        words |= {
            f"{w.lemma_.lower()} {c.lemma_.lower()}"
            for w in c.children
            if w.dep_ in ("compound", "amod") and w.i == c.i - 1
        }
        if "*" in lemmas or words & lemmas:
            return True
    return False


def _has_predicate(verb: Any, rule: Trigger) -> bool:
    """An object predicate ("called the strike a war crime": "crime" is the parser's
    `oprd`) of the rule's `predicates`, none of whose words is a `not_predicates` one."""
    predicates = [c for c in verb.children if c.dep_ == "oprd"] or _quoted_predicate(verb)
    for predicate in predicates:
        words = {t.lemma_.lower() for t in predicate.subtree} | {
            t.lower_ for t in predicate.subtree
        }
        if words & rule.not_predicates:
            continue
        if "*" in rule.predicates or predicate.lemma_.lower() in rule.predicates:
            return True
    return False


def _quoted_predicate(verb: Any) -> list[Any]:
    """'called the raid "a flagrant violation of international law", and ...': a
    predicate in quotation marks right after the object, which the parser may hang
    elsewhere (as the subject of the next clause). Its head noun."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    if not objects:
        return []
    doc = verb.doc
    after = objects[0].right_edge.i + 1
    if after >= len(doc) or not doc[after].is_quote:
        return []
    for token in doc[after + 1 : after + 6]:
        if token.is_quote or token.is_punct:
            return []
        if token.pos_ == "NOUN":
            return [token]
    return []


def _of_complement(noun: Any, lemmas: frozenset[str]) -> bool:
    """Whether the noun's "of" phrase names one of these: "an exchange of fire"."""
    return any(
        o.dep_ == "pobj" and o.lemma_.lower() in lemmas
        for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
        for o in p.children
    )  # fmt: skip


def _of_time(prep: Any) -> bool:
    """Whether a preposition heads a phrase of time: its object a date or a time ("on
    Monday", "on the night of December 24", "for two days")."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return bool(objects) and all(o.ent_type_ in ("DATE", "TIME") for o in objects)
