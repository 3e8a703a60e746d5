"""Which date words belong to which event trigger in a sentence.

spaCy tags the dates; the dependency parse says whose they are. A date belongs to
the trigger its phrase hangs on ("strikes ... on January 18"), or to the trigger a
light verb or "with" phrase governs ("retaliate with strikes ... on January 18"); a
reporting verb keeps its own date ("said on Friday"). Shifts keep their direction
("two days later"), bare "later" continues the day just told, and "now" is the day
of publication.
"""

import re
from collections.abc import Sequence
from functools import cache
from typing import Any

from newsevents.knowledge import event_lexicon, time_words
from newsevents.temporal.dates import AGE, MONTHS

SHIFT_WORDS = frozenset({"later", "after", "earlier", "before", "ago"})


def date_words(ent: Any, trigger: Any) -> str | None:
    """The date phrase with the word that gives its direction: spaCy's "two days" plus
    "later". Before a noun ("two days after the bombing") the phrase dates the other
    events of the sentence from that one: "after" stays, and the bombing itself is not
    dated by it (None). Before a clause ("E1 came two days after E2 ...") it dates
    E2 from E1: seen from E2 (the trigger after it) the shift runs the other way ("two
    days earlier"), and it does not date E1 at all (None): E1 is dated by its own words
    or the story."""
    doc = ent.doc
    following = doc[ent.end].lower_ if ent.end < len(doc) else ""
    preceding = doc[ent.start - 1].lower_ if ent.start > 0 else ""
    if preceding == "within" and ent.text.lower() in ("hours", "minutes"):
        return f"within {ent.text}"  # "Within hours, jets struck": the day told before
    if preceding == "since" and _compared(doc[ent.start - 1].head):
        return None  # "the first fatal clash since 1975": a baseline, not the clash's day
    if following not in SHIFT_WORDS or (following in ("after", "before") and not _a_gap(ent)):
        return ent.text  # "shot dead yesterday after soldiers fired": the day itself
    if following in ("after", "before"):
        word = doc[ent.end]
        if word.dep_ == "prep" and misread_clause(word) is None:
            objects = [c for c in word.children if c.dep_ == "pobj"]
            if any(trigger in o.subtree for o in objects):
                return None
            return f"{ent.text} {following}"
        if trigger.i < ent.start:
            return None
        following = "earlier" if following == "after" else "later"
    return f"{ent.text} {following}"


# The nouns of a gap a shift measures ("two days after", "moments before").
GAP_NOUNS = frozenset({"minute", "hour", "day", "week", "month", "year", "moment"})


def _a_gap(ent: Any) -> bool:
    """Whether the date words measure a gap ("a day", "two weeks", "hours") rather than
    name a time ("yesterday", "on Monday", "May 3")."""
    return ent.root.lemma_.lower() in GAP_NOUNS


def _compared(noun: Any) -> bool:
    """Whether a noun is ranked against the others of its kind ("the first fatal clash",
    "the deadliest attack", "the worst violence"): a "since" phrase on it gives the span
    it is ranked over, not its start ("the fighting since April 4" is the fighting's)."""
    return noun.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ == "amod" and (c.tag_ == "JJS" or c.ent_type_ == "ORDINAL" or c.lower_ == "first")
        for c in noun.children
    )


def sentence_dates(sent: Any, doc_ents: Sequence[Any] | None = None) -> list[Any]:
    """The sentence's date expressions: spaCy's DATE and TIME entities, without ages
    ("7-year-old"), with a year spaCy split off joined back ("October 7" + ", 2023").

    A caller that goes through every sentence passes the doc's entities, read once:
    `sent.ents` has spaCy rebuild every entity span of the article on each read."""
    doc = sent.doc
    found: list[Any] = []
    if doc_ents is None:
        ents = sent.ents
    else:  # what `sent.ents` gives: the entities wholly inside the sentence
        ents = [e for e in doc_ents if e.start >= sent.start and e.end <= sent.end]
    ents = [_with_its_day(part) for ent in ents for part in _day_and_shift(ent)]
    for ent in ents:
        if ent.label_ not in ("DATE", "TIME") or AGE.search(ent.text) or _in_dateline(ent):
            continue
        if _clock_time(ent) or ent.text.lower() in time_words().frequency_words:
            continue  # "a weekly market" says how often, not when
        if found and ent.label_ == "DATE" and YEAR.fullmatch(ent.text):
            gap = doc[found[-1].end : ent.start]
            if all(t.is_punct and t.text == "," for t in gap) and len(gap) <= 1:
                found[-1] = doc[found[-1].start : ent.end]
                continue
        # "Two weeks ago" + "today": one day, that very one.
        if (
            found and ent.text.lower() in ("today", "tonight")
            and found[-1].end == ent.start and found[-1].text.lower().endswith(" ago")
        ):  # fmt: skip
            found[-1] = doc[found[-1].start : ent.end]
            continue
        found.append(ent)
    return found


# The nouns of a span of time a shift counts in ("hours after", "two days later").
DURATION_NOUNS = frozenset({"minute", "hour", "day", "week", "month"})


def _with_its_day(ent: Any) -> Any:
    """A month NER tagged without the day beside it, joined to it: "on the night of 4
    February" gives "February" alone, "4" untagged, and "in the early hours of 3 October
    2024" gives "October 2024"; "24 August -" heading a timeline's entry, "24" as a
    number. A number after the month only when untagged ("in March 12 people died" is
    no day), and only after a month alone."""
    from spacy.tokens import Span

    if ent.label_ != "DATE" or ent[0].lower_ not in MONTHS:
        return ent
    with_year = len(ent) == 2 and YEAR.fullmatch(ent[1].text)
    if len(ent) != 1 and not with_year:
        return ent
    doc = ent.doc
    before = doc[ent.start - 1] if ent.start > 0 else None
    after = doc[ent.end] if ent.end < len(doc) else None
    if before is not None and _a_day(before) and before.ent_type_ in ("", "CARDINAL"):
        return Span(doc, ent.start - 1, ent.end, label="DATE")
    if after is not None and not with_year and _a_day(after) and not after.ent_type_:
        return Span(doc, ent.start, ent.end + 1, label="DATE")
    return ent


def _a_day(token: Any) -> bool:
    return token.is_digit and 1 <= int(token.text) <= 31


def _day_and_shift(ent: Any) -> list[Any]:
    """An entity spaCy made of a day and the shift after its comma, as two: "on July 30,
    hours after the letter was made public" dates the act on July 30, and the shift
    dates what its clause tells. "October 7, 2023" and "Monday, January 29" stay whole."""
    from spacy.tokens import Span

    if ent.label_ != "DATE":
        return [ent]
    comma = next((t for t in ent if t.text == ","), None)
    if comma is None or comma.i in (ent.start, ent.end - 1):
        return [ent]
    doc = ent.doc
    day, shift = doc[ent.start : comma.i], doc[comma.i + 1 : ent.end]
    if shift.root.lemma_.lower() not in DURATION_NOUNS or not any(
        t.pos_ == "PROPN" or t.like_num for t in day
    ):
        return [ent]
    return [
        Span(doc, day.start, day.end, label="DATE"),
        Span(doc, shift.start, shift.end, label="DATE"),
    ]


# "10 p.m. (2000 GMT)", "at 1430 UTC": a wire story's clock time in four digits is no year.
_ZONES = frozenset({"gmt", "utc", "hrs", "hours", "local", "z"})


def _clock_time(ent: Any) -> bool:
    """Whether the entity is a four-digit clock time with its zone ("2000 GMT")."""
    doc = ent.doc
    after = ent[1] if len(ent) > 1 else doc[ent.end] if ent.end < len(doc) else None
    return after is not None and after.lower_ in _ZONES and bool(YEAR.fullmatch(ent[0].text))


def _in_dateline(ent: Any) -> bool:
    """ "Islamabad, Jan 5 (PTI) Four soldiers were killed ...": the wire dateline's
    date is the day the story was filed, not the day of what it tells."""
    doc = ent.doc
    return (
        ent.start - ent.sent.start <= 4
        and ent.end < len(doc)
        and doc[ent.end].text == "("
        and any(t.text == ")" for t in doc[ent.end + 1 : ent.end + 5])
    )


YEAR = re.compile(r"(?:19|20)\d{2}")  # a year as news writes it


# spaCy's labels of names: a word inside one is no verb, whatever its tag.
PLACE_OR_NAME = frozenset({"GPE", "LOC", "FAC", "ORG", "PERSON", "NORP"})

REPORTING = frozenset({"say", "report", "tell", "announce", "state", "add", "confirm", "claim",
                       "quote", "write", "post", "note", "declare"})  # fmt: skip


def dates_for(trigger: Any, dates: list[Any], triggers: list[Any]) -> list[Any]:
    """The date expressions syntactically attached to this trigger.

    Walking up from a date's head, the first word that is a trigger, or that
    governs one through an object or a "with" phrase ("retaliate with strikes ...
    on January 18"), owns the date. A reporting verb ("said on Friday") stops the
    walk: that date is when it was said, not when it happened.
    """
    mine = []
    for date in dates:
        # "on Friday evening, 29 November 2024,": a date that restates the one before
        # it belongs where that one does, wherever the parser hung it.
        ent = _restated(date, dates) or date
        said = _said_right_before(ent)
        if said is not None and said is not trigger:
            continue  # "said on Tuesday it had carried out a strike on Sunday": the saying's
        owner = after_clause_trigger(ent, triggers) or _attached_trigger(ent, triggers)
        if owner is None and _names_a_thing(ent, triggers):
            continue  # "ended the 2015 peace agreement": the agreement's year, not the act's
        for ancestor in [ent.root, *ent.root.ancestors] if owner is None else []:
            if ancestor in triggers and ancestor is not ent.root:
                owner = ancestor
                break
            governed = [t for t in triggers if _governs(ancestor, t)]
            if governed:
                owner = min(governed, key=lambda t: abs(t.i - ent.root.i))
                break
            if ancestor is not ent.root and _earlier_occurrence(ancestor):
                break  # "After brawls ... in May 2020, troops fought": the brawls' month
            if ancestor is not ent.root and _a_statement(ancestor):
                break  # "condemned both attacks in a statement issued Sunday": its day
            if _purpose_of_a_trigger(ancestor, triggers):
                # "fired tear gas to disperse protesters on Tuesday", "called on both
                # sides to exercise restraint on Friday": the act's own day.
                owner = ancestor.head
                break
            if ancestor.dep_ == "appos" and ancestor is not ent.root:
                break  # "Kamil Idris, a former official appointed last month, condemned"
            if _on_a_present_acts_object(ancestor):
                # "We condemn the crime committed yesterday", "We reject the statement
                # issued yesterday evening": the object's day, not the statement's act;
                # the day of the act its "when" clause tells ("the crime committed
                # yesterday afternoon, when they shelled a resort").
                owner = next((t for t in triggers if _told_when(t, ancestor)), None)
                break
            if _naming_clause(ancestor):
                continue  # "strike what Islamabad calls TTP hideouts ... on December 24"
            if small_clause(ancestor):
                continue  # "declared two diplomats persona non grata on Sunday"
            if ancestor.lemma_.lower() in REPORTING and (
                reported := _reported_before_attribution(ent, ancestor, triggers)
            ):
                owner = reported  # "... in Sumisip, on Wednesday, the military said"
                break
            if ancestor.lemma_.lower() in REPORTING or (
                ancestor.pos_ in ("VERB", "AUX") and ancestor != ent.root
                and not (ancestor.dep_ == "acl" and ancestor.tag_ in ("VBG", "VBN"))
                and ancestor.ent_type_ not in PLACE_OR_NAME
            ):  # fmt: skip
                # A date belongs to its own clause ("since ... began in October"); a
                # participle on a noun is no clause of its own ("struck planes flying
                # into the airport on Monday"), nor is a name the parser took for a
                # verb ("bombed a school in Sagaing on Thursday": "Sagaing" as VBG).
                break
        if _acted_on(owner, ent, triggers) == trigger:
            mine.append(date)
    return mine


def _names_a_thing(ent: Any, triggers: list[Any]) -> bool:
    """Whether the date words only modify a common noun that is no event ("the 2015
    peace agreement", "the June 2023 law"): they tell which thing,
    not when the act on it was done. A trigger noun ("Tuesday's attack") keeps them."""
    root = ent.root
    noun = root.head
    return (
        root.dep_ in ("nummod", "compound", "amod")
        # a common noun: "On 4 April Somalia expelled" hangs the day on a name
        and noun.pos_ == "NOUN"
        and noun.i > root.i
        and noun not in triggers
        and noun.ent_type_ not in ("DATE", "TIME")
    )


def _reported_before_attribution(ent: Any, verb: Any, triggers: list[Any]) -> Any | None:
    """The trigger of the reported clause a date ends, when the attribution comes after
    both: "Armed men ambushed troops in Sumisip, Basilan province, on Wednesday, the
    military said" (the parser hangs the day on "said", across the commas). The day is
    the act's, not the saying's, which follows it with a subject of its own. None
    otherwise ("the military said on Wednesday that ...")."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    clauses = [c for c in verb.children if c.dep_ == "ccomp" and c.i < ent.start]
    if not subjects or not clauses or not ent.end <= subjects[0].left_edge.i < verb.i:
        return None
    reported = [t for t in triggers if t.i < ent.start and any(t in c.subtree for c in clauses)]
    return max(reported, key=lambda t: t.i) if reported else None  # the nearest before it


def _said_right_before(ent: Any) -> Any | None:
    """The reporting verb the date follows at once ("said on Tuesday", "said Tuesday"),
    however the parser hung the date; None otherwise."""
    i = ent.start - 1
    if i >= 0 and ent.doc[i].lower_ == "on":
        i -= 1
    if i < 0:
        return None
    word = ent.doc[i]
    return word if word.pos_ == "VERB" and word.lemma_.lower() in REPORTING else None


def _restated(date: Any, dates: list[Any]) -> Any | None:
    """The date expression right before `date` that it restates after a comma ("on
    Friday evening, 29 November 2024"), or None."""
    i = date.start
    if i < 2 or date.doc[i - 1].text != ",":
        return None
    if is_shift(date.text) or not any(t.like_num for t in date):
        return None  # "on Monday, hours after ...": a time of its own
    return next((d for d in dates if d is not date and d.end == i - 1), None)


def _a_statement(word: Any) -> bool:
    """Whether the word is the noun of a statement that the parser hung on a noun
    ("condemned both attacks in a statement issued Sunday"; events.yaml
    statement_nouns): the dates in its phrase are the statement's, not that noun's."""
    return (
        word.dep_ == "pobj"
        and word.head.lower_ in ("in", "during", "at")
        and word.head.head.pos_ in ("NOUN", "PROPN")
        and word.lemma_.lower() in event_lexicon().statement_nouns
    )


# Verbs that name what the clause is about: "what Islamabad calls TTP hideouts".
_NAMING = frozenset({"call", "dub", "term", "label", "describe"})


def _naming_clause(verb: Any) -> bool:
    """Whether the verb only names the object of the clause above it ("jets strike what
    Islamabad calls TTP hideouts in Barmal on December 24"): the parser hangs the
    sentence's phrases on it, and they are the act's."""
    return (
        verb.lemma_.lower() in _NAMING
        and verb.dep_ in ("ccomp", "relcl")
        and any(c.dep_ in ("dobj", "obj") and c.lower_ in ("what", "which") for c in verb.children)
        and any(
            c.dep_ in ("oprd", "dobj", "obj") and c.lower_ not in ("what", "which")
            for c in verb.children
        )
    )


def _purpose_of_a_trigger(verb: Any, triggers: list[Any]) -> bool:
    """Whether the verb is a "to" clause (a purpose or complement) of a trigger, and no
    trigger itself."""
    return (
        verb.pos_ == "VERB" and verb.dep_ in ("xcomp", "advcl") and verb not in triggers
        and verb.head in triggers
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    )  # fmt: skip


def _earlier_occurrence(word: Any) -> bool:
    """A noun that an "after", "before" or "since" phrase names, other than a time of
    day or a date (time_words.yaml sequence_prepositions, clock_nouns)."""
    words = time_words()
    return (
        word.pos_ in ("NOUN", "PROPN")
        and word.dep_ == "pobj"
        and word.head.lower_ in words.sequence_prepositions
        and word.lemma_.lower() not in words.clock_nouns
        and word.ent_type_ not in ("DATE", "TIME")
    )


def _acted_on(owner: Any, ent: Any, triggers: list[Any]) -> Any:
    """The trigger a date belongs to when the parse hangs it on `owner`. In "the mission
    condemned the attack on Wednesday" (or "Tuesday's attack on Wednesday", "the attacks
    on Monday evening") a day hung on a definite noun that an act takes as its object
    ("the attack", told before) is the act's day: the attack is named, not told again.
    Otherwise `owner`."""
    if owner is None or owner.dep_ != "dobj" or not (refers_back(owner) or _dated(owner)):
        return owner
    # The preposition the date stands in: "on Monday", "on Monday evening".
    prep = next((a for a in ent.root.ancestors if a.dep_ == "prep"), None)
    if owner.head in triggers and prep is not None and prep.lower_ == "on" and prep.head == owner:
        return owner.head
    return owner


def _dated(noun: Any) -> bool:
    """ "Tuesday's attack": a noun whose day stands before it names an occurrence already
    told, as "the attack" does."""
    return noun.pos_ == "NOUN" and any(
        c.dep_ == "poss" and c.ent_type_ == "DATE" for c in noun.children
    )


def _attached_trigger(ent: Any, triggers: list[Any]) -> Any | None:
    """A trigger a word of the date hangs on, or that hangs on the date as its
    apposition ("Hamas's October 7, 2023 attack", parsed "October ..., attack")."""
    for trigger in triggers:
        if trigger in ent:
            continue
        if any(t.head == trigger for t in ent) or (
            trigger.head in ent and trigger.dep_ in ("appos", "compound")
        ):
            return trigger
    return None


def after_clause_trigger(ent: Any, triggers: list[Any]) -> Any | None:
    """In "A day after Tehran violated ... and killed two civilians, Pakistan
    retaliated", the shift measures the gap back to the events of the "after"
    clause: those are the ones it dates (as "a day earlier"). So in "The attack came a
    day after troops said they had killed 11 insurgents": the first event the "after"
    clause tells (past its reporting verb)."""
    if ent.root.dep_ != "npadvmod" or not _a_gap(ent):
        return None  # "shot dead yesterday after soldiers fired": a day, not a gap
    verb = ent.root.head
    if _marked_after(verb):
        clause = [verb, *(c for c in verb.children if c.dep_ == "conj")]
        run_on = _verb_after_participle(verb)
        if run_on is not None:
            clause.append(run_on)
        inside = [
            t for t in triggers if t in clause or t.head in clause and t.dep_ in ("dobj", "obj")
        ]  # fmt: skip
        return inside[0] if inside else None
    doc = ent.doc
    if ent.end >= len(doc) or doc[ent.end].lower_ not in ("after", "before"):
        return None  # "came a day after ...": the shift stands right before its clause
    misread = misread_clause(doc[ent.end])
    if misread is not None:
        if misread in triggers:
            return misread
        span = range(doc[ent.end].i + 1, misread.right_edge.i + 1)
        inside = [t for t in triggers if t.i in span]
        return inside[0] if inside else None
    for clause_verb_ in (c for c in verb.children if c.dep_ == "advcl" and _marked_after(c)):
        inside = [t for t in triggers if t in clause_verb_.subtree]
        return inside[0] if inside else None
    return None


def misread_clause(word: Any) -> Any | None:
    """The verb of the clause an "after" or "before" opens, where the parser read the
    clause's subject as the preposition's object and hung its verb on the main verb:
    "The strike came two days after a drone attack on the base, also in the province,
    wounded two soldiers" (a verb in the past with no subject of its own, nothing
    coordinating it and nothing marking a clause of its own); "came a day after the
    Popular Defence Force and allied militias overran an outpost" (a subject after
    "after", an "and" with no comma before it). None where "after" heads a phrase:
    "retaliated two days after the attack and killed five" coordinates two verbs of one
    subject."""
    if word.dep_ != "prep" or word.lower_ not in ("after", "before"):
        return None
    doc, head = word.doc, word.head
    for verb in head.children:
        if verb.dep_ not in ("conj", "advcl") or verb.i < word.i or verb.tag_ != "VBD":
            continue
        if any(c.dep_ == "mark" for c in verb.children):
            continue  # a clause of its own: "..., after which rebels took the town"
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        joins = [c for c in head.children if c.dep_ == "cc" and word.i < c.i < verb.i]
        if not subjects and not joins:
            return verb
        if (
            subjects and joins and all(s.i > word.i for s in subjects)
            and doc[joins[0].i - 1].text != ","
        ):  # fmt: skip
            return verb
    return None


def _verb_after_participle(verb: Any) -> Any | None:
    """The clause's own verb where the parser took a participle on its subject for it:
    "came a day after a rocket fired from the hills hit a house" reads "fired" as the
    clause's verb and hangs "hit" (past, no subject of its own) on the main verb."""
    if verb.tag_ != "VBN" or not any(c.dep_ == "nsubj" for c in verb.children):
        return None
    for other in verb.head.children:
        if (
            other.dep_ == "conj"
            and other.i > verb.i
            and other.tag_ == "VBD"
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in other.children)
        ):
            return other
    return None


def _marked_after(verb: Any) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in ("after", "before") for c in verb.children)


# "launched a wave of strikes": the noun a trigger is counted by, which stands in the
# trigger's place in the clause.
WAVE_NOUNS = frozenset({"wave"})


def wave_of(trigger: Any) -> Any | None:
    """The wave a trigger noun makes ("a wave of strikes" -> wave), or None."""
    if trigger.dep_ == "pobj" and trigger.head.lower_ == "of":
        wave = trigger.head.head
        return wave if wave.lemma_.lower() in WAVE_NOUNS else None
    return None


# Nouns for a part of a series of talks or of acts: "the second round of talks".
PARTS = frozenset({"round", "session", "day", "phase", "stage", "series"})


def part_of_series(noun: Any) -> Any | None:
    """ "round" of "the second round of talks": the part (PARTS) a noun is told as a
    part of, or None."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_ in PARTS:
        return noun.head.head
    return None


def simple_present(verb: Any) -> bool:
    """A verb in the simple present, the tense of a statement's own acts ("condemns",
    "We reject"): tagged so, or a bare form the small tagger read as a past after "we"
    or "I" ("We ... strongly condemn": VBD)."""
    if verb.tag_ in ("VBZ", "VBP"):
        return True
    subjects = [c.lower_ for c in verb.children if c.dep_ == "nsubj"]
    return verb.tag_ == "VBD" and verb.lower_ == verb.lemma_ and subjects in (["we"], ["i"])


def _told_when(trigger: Any, participle: Any) -> bool:
    """Whether `trigger` heads a "when" clause on the participle or on the act whose
    object it describes (the parser hangs it on either)."""
    return (
        trigger.head in (participle, participle.head.head) and trigger.dep_ == "advcl"
        and any(c.dep_ == "advmod" and c.lower_ == "when" for c in trigger.children)
    )  # fmt: skip


def _on_a_present_acts_object(word: Any) -> bool:
    """Whether `word` is a participle on the object of a verb in the simple present,
    the tense of a statement's own acts ("condemns the attack carried out ...")."""
    head = word.head
    return (
        word.dep_ == "acl" and word.tag_ == "VBN" and head.dep_ in ("dobj", "obj")
        and simple_present(head.head)
    )  # fmt: skip


def _governs(word: Any, trigger: Any) -> bool:
    wave = wave_of(trigger)
    if wave is not None and _governs(word, wave):
        return True  # "On 15 March, jets carried out a wave of strikes"
    if trigger.head == word and trigger.dep_ in ("dobj", "obj", "nsubjpass", "nsubj"):
        return True
    part = part_of_series(trigger)
    if part is not None:
        # "The second round of talks ended on Tuesday": the round's day is the talks'.
        return _governs(word, part)
    if trigger.head == word and trigger.dep_ == "xcomp" and word.pos_ == "VERB":
        # "On March 3, rebels used drones to drop explosives", "tried to storm": the
        # verb's complement is what was done that day.
        return word.lemma_.lower() not in REPORTING
    # "retaliate with strikes", "engaged in talks": a verb's phrase, not a noun's ("on
    # the sidelines of the summit on Thursday" dates the signing, not the summit).
    if trigger.dep_ != "pobj" or trigger.head.head != word or word.pos_ not in ("VERB", "AUX"):
        return False
    # "came under attack late on 7 July": the attack's day.
    under = trigger.head.lower_ == "under" and word.lemma_.lower() == "come"
    return trigger.head.lower_ in ("with", "in", "of") or under


_SHIFT_PHRASE = re.compile(
    r"\b(?:a|one|two|three|four|five|six|seven|\d+)\s+(?:day|days|week|weeks)(?=\s+(?:after|before|later|earlier)\b)",
    re.IGNORECASE,
)


@cache
def _event_day_phrase() -> re.Pattern[str]:
    """The words that date an event from another one (time_words.yaml `event_day_words`:
    "hours after", "moments later", "that night"), longest first. A phrase that ends in
    a shift word matches without it ("Hours" before "after"): `date_words` reads the
    word after a date for its direction, as it does for spaCy's dates."""
    alternatives = []
    for phrase in sorted(time_words().event_day_words, key=len, reverse=True):
        words = phrase.split()
        if words[-1] in SHIFT_WORDS and len(words) > 1:
            head, shift = words[:-1], words[-1]
            alternatives.append(r"\s+".join(map(re.escape, head)) + rf"(?=\s+{shift}\b)")
        else:
            alternatives.append(r"\s+".join(map(re.escape, words)) + r"\b")
    return re.compile(r"\b(?:" + "|".join(alternatives) + ")", re.IGNORECASE)


def untagged_shifts(sent: Any, dates: list[Any]) -> list[Any]:
    """Shifts spaCy did not tag as dates: "A day after Tehran violated ..." (dev
    06_dailypakistan), "Hours after the attack, a drone hit ...", "Minutes later,
    gunmen opened fire". A counted sub-day shift ("two hours later", "a few hours
    after") is left alone: it may cross midnight, and the resolver gives it no day."""
    tagged = {t.i for d in dates for t in d}
    found = []
    text = sent.text  # spaCy rebuilds a span's text on every read
    for pattern in (_SHIFT_PHRASE, _event_day_phrase()):
        for match in pattern.finditer(text):
            span = sent.doc.char_span(
                sent.start_char + match.start(), sent.start_char + match.end()
            )
            if span is None or any(t.i in tagged for t in span) or _counted(span):
                continue
            found.append(span)
            tagged.update(t.i for t in span)
    return found


def _counted(span: Any) -> bool:
    """ "two hours later", "a few minutes after", "24 hours before": a count before one
    of the sub-day units `event_day_words` names without a count."""
    if span.start == 0 or span[0].lower_ not in ("hours", "minutes", "moments"):
        return False
    before = span.doc[span.start - 1]
    return before.like_num or before.lower_ in _COUNT_WORDS


_COUNT_WORDS = frozenset({"a", "an", "few", "several", "couple", "of", "many"})


def is_shift(words: str) -> bool:
    """Whether the words count from another day ("two days later", "the previous night":
    from the statement of their own sentence when it names one)."""
    return any(w in SHIFT_WORDS or w == "previous" for w in words.lower().split())


def later_that_day(trigger: Any) -> bool:
    """ "Kanaani later condemned the assault" right after "was summoned on Thursday"
    (dev 09_ifpnews): a bare "later" continues the day the story just told."""
    return any(c.lower_ == "later" and c.dep_ == "advmod" and not list(c.children)
               for c in trigger.children)  # fmt: skip


def said_to_be_now(trigger: Any) -> bool:
    """ "now Pakistani forces launched..." (dev 06_dailypakistan): 'now' dates the
    event to the day of publication."""
    verb = trigger.head if trigger.dep_ in ("dobj", "obj") else trigger
    return any(c.lower_ == "now" and c.dep_ == "advmod" for c in verb.children)


# --- a date the trigger's clause gives it --------------------------------------------
# When no date words hang on the trigger itself, its clause may still date it: a verb
# coordinated with a dated one, the main clause of a "when" clause, or the statement
# that announces a verbal act. These read the dependency parse only.

CLAUSE_ROLES = frozenset({"dobj", "obj", "pobj", "prep", "nsubj", "nsubjpass", "attr",
                          "compound", "appos", "amod"})  # fmt: skip


def clause_verb(trigger: Any) -> Any:
    """The verb whose clause holds the trigger: the trigger itself when it is a verb;
    for a noun, the verb it is an object or subject of ("launched strikes")."""
    word = trigger
    while word.pos_ not in ("VERB", "AUX") and word.dep_ in CLAUSE_ROLES and word.head != word:
        word = word.head
    return word


def verb_dates(verb: Any, dates: list[Any]) -> list[Any]:
    """The date expressions whose own clause is `verb`'s (the first verb above them; a
    predicate the parser read as a clause, "declared two diplomats persona non grata on
    Sunday", is the verb's own)."""
    found = []
    for ent in dates:
        owner = next((a for a in ent.root.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if owner is not None and small_clause(owner):
            owner = owner.head
        if owner == verb:
            found.append(ent)
    return found


def small_clause(clause: Any) -> bool:
    """Whether the parser made a verb's object and its predicate a clause of their own:
    "declared two diplomats persona non grata", "declared the envoy unwelcome" (the
    object its subject). A clause with a "that", a tense or a verb of its own is no such
    predicate ("declared that the envoy would leave")."""
    return (
        clause.dep_ in ("ccomp", "xcomp", "oprd")
        and clause.i > clause.head.i
        and clause.tag_ not in ("VBD", "VBZ", "VBN", "VBG")
        and not any(c.dep_ in ("mark", "aux", "auxpass") for c in clause.children)
        and any(c.dep_ == "nsubj" and c.i < clause.i for c in clause.children)
    )


def small_clause_subjects(verb: Any) -> list[Any]:
    """The objects of the verb's small clauses (`small_clause`)."""
    return [
        subject
        for clause in verb.children
        if small_clause(clause)
        for subject in clause.children
        if subject.dep_ == "nsubj" and subject.i < clause.i
    ]


def coordinated(verb: Any) -> set[Any]:
    """The verbs joined with `verb` by "and" ("summoned the ambassador on Wednesday and
    cancelled a planned visit"): one clause, one time. Not a clause's verb the parser
    hung on the main verb (`misread_clause`): "came two days after a bomb ... wounded"."""
    head = verb
    while head.dep_ == "conj" and head.head != head:
        head = head.head
    group, stack = set(), [head]
    while stack:
        word = stack.pop()
        group.add(word)
        misread = {misread_clause(c) for c in word.children if c.dep_ == "prep"}
        stack += [c for c in word.children if c.dep_ == "conj" and c not in misread]
    return group if verb in group else {verb}


def when_clause_head(verb: Any) -> Any | None:
    """In "relations deteriorated on Wednesday, when Thailand recalled its ambassador"
    the "when" clause happens at its main clause's time: the word it hangs on."""
    if verb.dep_ not in ("advcl", "relcl"):
        return None
    if not any(c.lower_ == "when" and c.dep_ in ("advmod", "mark") for c in verb.children):
        return None
    return verb.head


# The conjunctions of a clause that happens at its main clause's time.
AT_THE_TIME = frozenset({"when", "as", "while", "whilst"})


def temporal_clauses(verb: Any) -> list[Any]:
    """The clauses on the verb that say when it happened ("killed two rangers as their
    patrol passed ... on Monday", "opened fire when the convoy stopped on Friday"): a
    finite clause opened by "when", "as" or "while". Not a statement ("while the army
    said on Monday ..." sets a report against the act, not its time), nor one that
    tells what is to come ("comes as Uganda prepares for elections in January 2026":
    the setting, not the act's day)."""
    return [
        clause
        for clause in verb.children
        if clause.dep_ == "advcl"
        and clause.lemma_.lower() not in SPEECH
        and any(c.lower_ in AT_THE_TIME and c.dep_ in ("mark", "advmod") for c in clause.children)
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)
        and not _to_come(clause)
    ]


def _to_come(clause: Any) -> bool:
    """Whether a clause speaks of the future (time_words.yaml `future_markers`)."""
    doc = clause.doc
    text = doc[clause.left_edge.i : clause.right_edge.i + 1].text.lower()
    return bool(time_words().future.search(text))


def participle_head(verb: Any) -> Any | None:
    """In "Chad recalled its ambassador on Sunday, accusing Sudan of shelling" the
    present participle clause happens when the verb it hangs on does: that verb; so does
    a "by" gerund ("responded by expelling"). Not
    with a subject, a marker or an auxiliary of its own ("with troops advancing",
    "while fleeing", "having accused": another time)."""
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.lower_ == "by":
        # "responded on Monday by declaring two diplomats persona non grata": the
        # means is done when the act it is the means of.
        head = verb.head.head
        return head if head.pos_ in ("VERB", "AUX") else None
    if verb.dep_ != "advcl" or verb.tag_ != "VBG" or verb.head == verb:
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "mark", "aux", "auxpass") for c in verb.children):
        return None
    return verb.head


def harm_clause_head(verb: Any) -> Any | None:
    """In "the cruiser sank on 14 April after being hit by two missiles" or "he died
    on Monday after being shot" the passive "after being" clause tells the act that
    brought about what its main clause tells, in one episode: the verb it hangs on. Not
    an active clause ("withdrew on Monday after shelling the town" may be days apart),
    nor a death ("died in hospital on Monday after being shot": of wounds, days on)."""
    if verb.dep_ != "pcomp" or verb.head.lower_ != "after":
        return None
    if not any(c.dep_ == "auxpass" and c.lower_ == "being" for c in verb.children):
        return None
    head = verb.head.head
    if head.pos_ not in ("VERB", "AUX") or head.lemma_.lower() in LATER_DEATH:
        return None
    return head


LATER_DEATH = frozenset({"die", "succumb", "pass"})


def purpose_head(verb: Any) -> Any | None:
    """In "thousands took to the streets on Friday to protest against the amendments"
    the act is done in the doing it is the purpose of: the verb its "to" clause hangs
    on, when that one is done (not said, not to come: "plans to protest on Friday")."""
    if verb.dep_ != "advcl" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    head = verb.head
    if head.pos_ != "VERB" or head.lemma_.lower() in SPEECH or head.tag_ not in ("VBD", "VBN"):
        return None
    return head


SPEECH = REPORTING | {"announce"}


def reporting_verb(verb: Any) -> Any | None:
    """The saying verb whose content, or whose coordinated act, this verb is ("said on
    Friday that China hoped ...", "said on Monday it had received reports ... and
    urged ..."): a verbal act is done when it is said."""
    word = verb
    while word.dep_ == "conj" and word.head != word:
        word = word.head
        if word.lemma_.lower() in SPEECH:
            return word
    if word.dep_ in ("ccomp", "xcomp") and word.head.lemma_.lower() in SPEECH:
        return word.head
    if _joined_to_the_report(verb):
        # "said on Monday it had received reports that eight civilians were killed ...,
        # and urged the authorities to ...": the parser joined the finite verb to the
        # participle deep in what was said; it is the speaker's next act.
        word = verb.head
        for _ in range(6):
            if word.pos_ == "VERB" and word.lemma_.lower() in SPEECH:
                return word
            if word.dep_ not in REPORT_CARRIERS or word.head == word:
                break
            word = word.head
    return None


# The links that carry a clause up to the one it is part of (roles.py climbs them to a
# speaker); to the verb of saying, a relative clause too.
CARRIERS = frozenset({"ccomp", "conj", "advcl", "xcomp", "acl", "dobj", "obj", "pobj", "prep"})
REPORT_CARRIERS = CARRIERS | {"relcl"}


def _joined_to_the_report(verb: Any) -> bool:
    """A finite verb with an object and no subject of its own, joined to a participle:
    not that participle's fellow ("were killed and urged the authorities" is no passive
    pair) but a second act of the clause's subject."""
    return (
        verb.dep_ == "conj"
        and verb.tag_ in ("VBD", "VBZ", "VBP")
        and verb.head.tag_ == "VBN"
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
        and any(c.dep_ in ("dobj", "obj") for c in verb.children)
    )


def statement_before(verb: Any) -> Any | None:
    """The saying verb of the sentence before, when that sentence is a statement:
    "Mujahid said on Sunday that the clash began ... He called on Pakistan to ...": a
    verb whose subject is a pronoun (`pronoun_subject`) goes on with that statement."""
    before = sentence_before(verb.sent)
    if before is None:
        return None
    root = before.root
    return root if root.lemma_.lower() in SPEECH else None


def sentence_before(sent: Any) -> Any | None:
    """The sentence before `sent` that holds words (a blank line is no sentence), or None."""
    before = sent
    while before.start > 0:
        before = sent.doc[before.start - 1].sent
        if before.text.strip():
            return before
    return None


def recounted(verb: Any) -> bool:
    """Perfect aspect ("had struck", "has attacked") puts the act before the story's
    time: it takes no time from the sentences around it."""
    return any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


PRONOUNS = frozenset({"he", "she", "they", "it", "we"})


def pronoun_subject(verb: Any) -> bool:
    """ "He called on Pakistan to ...": the sentence goes on with who was just named."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in PRONOUNS for c in verb.children)


DEFINITE = frozenset({"the", "this", "that", "these", "those"})


def refers_back(trigger: Any) -> bool:
    """ "the attack", "the strikes": a definite noun names an occurrence already told."""
    return trigger.pos_ == "NOUN" and any(
        c.dep_ == "det" and c.lower_ in DEFINITE for c in trigger.children
    )
