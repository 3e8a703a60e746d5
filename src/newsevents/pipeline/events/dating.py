"""The dates one sentence gives its event mentions.

Date words attached to a trigger come first (absolute and deictic ones, then shifts
such as "two days after", counted from the event this sentence dates, else from a day
the sentence names, else from the day the text told last); then "now" and a bare
"later"; then the trigger's clause (`_date_from_clause`). Reads the parse and the
mentions `_sentence_mentions` made; writes each mention's date and `date_source`, and
the clause facts the story-level steps (anchoring) need.
"""

import datetime as dt
from typing import Any

from newsevents.knowledge import event_lexicon
from newsevents.pipeline.events.mention import ON_THE_GROUND, Mention
from newsevents.pipeline.events.triggers import _trigger_rule
from newsevents.temporal.event_dates import (
    SPEECH,
    clause_verb,
    coordinated,
    date_words,
    harm_clause_head,
    is_shift,
    later_that_day,
    participle_head,
    pronoun_subject,
    purpose_head,
    recounted,
    refers_back,
    reporting_verb,
    said_to_be_now,
    sentence_dates,
    simple_present,
    statement_before,
    temporal_clauses,
    verb_dates,
    when_clause_head,
)
from newsevents.temporal.expressions import clock_time
from newsevents.temporal.timex import Resolved, date_span, resolve


def date_mentions(
    mentions: list[tuple[Mention, Any, list[tuple[Any, str]]]],
    sent: Any,
    dates: list[Any],
    published: dt.date | None,
    previous: dt.date | None,
    named: dt.date | None,
    event_day: dt.date | None = None,
) -> None:
    """Date the sentence's mentions: (mention, trigger token, its own date words);
    `named` is the single day the sentence's own words name (`day_named`);
    `event_day` the last day the text gave an event."""
    # Absolute and deictic dates first; then shifts ("two days after ...") from the
    # event this sentence dates, else from a day the sentence names ("pulled out on
    # Monday, hours after ..."), else from the previous dated event. A bare time of day
    # ("opened fire at about 3am") is an hour of the day of this sentence's event, else
    # of the last event told: not of a day the text names for a statement ("officials
    # said Monday") or a period ("mourning from June 24").
    clock_day = event_day
    for shifts in (False, True):
        for mention, token, mention_dates in mentions:
            for ent, words in mention_dates:
                clock = clock_time(words)
                if (is_shift(words) or clock) != shifts or mention.date:
                    continue
                if clock and _opens_its_line(ent):
                    continue  # a liveblog entry's time: its day is the heading's (anchoring)
                resolved = resolve(
                    words, published=published, previous=clock_day if clock else previous,
                    future=mention.status == "expected", sentence=sent.text,
                )  # fmt: skip
                mention.date_text = mention.date_text or ent.text
                if resolved and not shifts:
                    # Also the day its "when" clause names ("Last month, nine people were
                    # killed when gunmen fired on a bus ... on June 9").
                    inner = [
                        (d, w)
                        for d in _in_its_time_clauses(token, dates)
                        if (w := date_words(d, d.root))
                    ]
                    ent, resolved = _finest(
                        ent, resolved, mention_dates + inner, mention, sent, published
                    )
                if resolved:
                    mention.take_date(resolved.date, resolved.precision, ent.text, resolved.source)
                    break
        if not shifts:
            anchors = [m.date for m, _, _ in mentions if m.date and m.precision == "day"]
            previous = anchors[-1] if anchors else named or previous
            clock_day = anchors[-1] if anchors else event_day
    for mention, token, _ in mentions:
        verb = clause_verb(token)
        mention.recounted = recounted(verb)
        mention.pronoun_subject = pronoun_subject(verb)
        # "the strikes", or "killed in the strikes": the noun names the occurrence, and
        # its word is the one to compare with the occurrences told before.
        attack = token if refers_back(token) else _told_attack_acts(mention, token)
        mention.refers_back = attack is not None
        mention.lemma = (attack if attack is not None else token).lemma_.lower()
        mention.noun = attack.lower_ if attack is not None else ""
        if mention.date is None and said_to_be_now(token):
            resolved = resolve("today", published=published)
            if resolved:
                mention.take_date(resolved.date, "day", "now", "relative")
        elif mention.date is None and previous and later_that_day(token):
            mention.take_date(previous, "day", "later", "relative")
        if mention.date is None:
            _date_from_clause(mention, token, verb, mentions, dates, published, previous, sent.text)


def _opens_its_line(ent: Any) -> bool:
    """Whether the date words open their line ("2:05 p.m. — Shelling in the east"): the
    token before them holds the line break (read from tokens: spaCy rebuilds the doc's
    text on every read)."""
    return ent.start == 0 or "\n" in ent.doc[ent.start - 1].text_with_ws


_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


def _in_its_time_clauses(token: Any, dates: list[Any]) -> list[Any]:
    """The date expressions inside the "when"/"as" clauses of the trigger's verb, or of
    a verb coordinated with it ("were killed and 41 injured when ...")."""
    clauses = [c for v in coordinated(clause_verb(token)) for c in temporal_clauses(v)]
    return [d for d in dates if any(d.root in c.subtree for c in clauses)]


def _finest(
    ent: Any,
    resolved: Resolved,
    mention_dates: list[tuple[Any, str]],
    mention: Mention,
    sent: Any,
    published: dt.date | None,
) -> tuple[Any, Resolved]:
    """The mention's first date, or a finer one of its other date words that falls
    inside it: "September 2023 - Border forces exchange fire on September 6" is the 6th,
    not the month the entry's heading names."""
    if resolved.precision == "day":
        return ent, resolved
    first, last = date_span(resolved.date, resolved.precision)
    for other, words in mention_dates:
        if other is ent or is_shift(words):
            continue
        finer = resolve(
            words, published=published, future=mention.status == "expected", sentence=sent.text
        )
        if (
            finer is not None
            and _PRECISION_RANK[finer.precision] < _PRECISION_RANK[resolved.precision]
            and first <= finer.date <= last
        ):
            return other, finer
    return ent, resolved


# Verbs that place a told occurrence in time against another: "the strike came two
# days after rebels overran an outpost", "the attack took place hours after ...".
_PLACED_BY = frozenset({"come", "follow", "happen", "occur", "take"})


def told_occurrence_day(sent: Any, days_told: dict[str, dt.date]) -> dt.date | None:
    """The day a shift in the sentence counts from when the sentence names, as one
    already told, the occurrence it counts from: a definite trigger noun after "after" or
    "before" ("Two days after the attack, police arrested four men"), or as the subject
    that a shift places ("The strike came two days after rebels overran an outpost").
    That occurrence's day is the last one the text gave an occurrence of its word, else
    the first it gave one of its type, the story's own (`days_told`): not the last day the
    text told, which may be a reaction's or another incident's. None when the sentence
    names no such occurrence."""
    for token in sent:
        if not refers_back(token):
            continue
        head = token.head
        shifted = (token.dep_ == "pobj" and head.lower_ in ("after", "before")) or (
            token.dep_ == "nsubj" and head.lemma_.lower() in _PLACED_BY
            and any(c.lower_ in ("after", "before") for c in head.subtree)
        )  # fmt: skip
        rule = _trigger_rule(token) if shifted else None
        if rule is not None:
            day = days_told.get(token.lemma_.lower()) or days_told.get(rule.type)
            if day is not None:
                return day
    return None


def day_named(sent: Any, dates: list[Any], published: dt.date | None) -> dt.date | None:
    """The first single day the sentence's own date words name, if any."""
    for ent in dates:
        if is_shift(date_words(ent, ent.root) or "later"):
            continue
        resolved = resolve(ent.text, published=published, sentence=sent.text)
        if resolved and resolved.precision == "day":
            return resolved.date
    return None


def _date_from_clause(
    mention: Mention,
    token: Any,
    verb: Any,
    mentions: list[tuple[Mention, Any, Any]],
    dates: list[Any],
    published: dt.date | None,
    previous: dt.date | None,
    sentence: str,
) -> None:
    """Date a trigger that no date words hang on from its clause: a verb coordinated
    with it ("summoned ... on Wednesday and cancelled ..."), the main clause of its
    "when" clause or of its participle clause ("recalled ... on Sunday, accusing ..."),
    a relative clause on the trigger noun ("the agreement, which took effect on
    November 27", "a truce announced on Tuesday"), or, for a verbal or diplomatic act
    not told in the perfect, the statement that announces it ("said on Friday that China
    hoped ..."), or the one the sentence before made when a pronoun goes on with its
    speaker ("He called on ...")."""
    named = _named_by_a_verbal_act(token, verb, mentions)
    group = coordinated(verb)
    participle = participle_head(verb)
    shared = group - {verb} | ({participle} if participle is not None else set())
    for other, other_token, _ in mentions:
        if other.date and clause_verb(other_token) in shared and not named:
            mention.take_date(other.date, other.precision or "day", other.date_text,
                              other.date_source)  # fmt: skip
            return
    sources: list[tuple[Any, str | None]] = [
        (v, None) for v in group - {verb} if v.lemma_.lower() not in SPEECH
    ]
    # "took to the streets on Friday to protest": the purpose itself, not what it names
    # ("formed a commission last Tuesday to investigate the killings").
    purpose = purpose_head(verb) if token == verb else None
    for head in (when_clause_head(verb), participle, harm_clause_head(verb), purpose):
        if head is not None:
            sources.append((head, None))
    # "A bomb killed two rangers as their patrol passed ... early on Monday": the clause
    # that says when the act happened.
    sources += [(c, None) for c in temporal_clauses(verb)]
    if participle is not None:
        # "landed on the ship on 19 November and sailed it to Yemen, taking its crew
        # hostage": the participle hangs on the second verb of one coordinated clause.
        sources += [
            (v, None) for v in sorted(coordinated(participle) - {participle}, key=lambda v: v.i)
        ]
    # "the agreement, which took effect on November 27", "a truce announced on Tuesday":
    # a relative clause, reduced or not, tells the noun's day.
    sources += [(c, None) for c in token.children if c.dep_ in ("relcl", "acl")]
    # "a government decision on September 4 to block 26 platforms", "an order on Monday
    # to withdraw": the act decided or ordered takes the day of the decision.
    if (
        token == verb and verb.dep_ == "acl" and verb.head.pos_ == "NOUN"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    ):  # fmt: skip
        sources.append((verb.head, "medium"))
    # "Zulum, who visited the village on Monday, condemned the attack": the day a clause
    # on the subject tells is the day of the act (a single day only: "Putin, who came to
    # power in 2000, condemned ..." says nothing of when).
    if token == verb:  # not the attack it condemns
        sources += [(c, "subject-clause") for c in _subject_clauses(verb)]
        # "Speaking on state television on Monday night, Maduro accused ...": a participle
        # clause before the verb tells when the speaker did it.
        sources += [
            (c, None) for c in verb.children
            if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i < verb.i
        ]  # fmt: skip
        # "urged Rubio in a phone call on Sunday": the day of the call or meeting it was
        # done in.
        sources += [(m, "medium") for m in _media(verb)]
    before = None
    verbal = mention.type not in ON_THE_GROUND  # a verbal act is made in its statement
    if mention.type != "ASSAULT" and not mention.recounted:
        speaker = reporting_verb(verb)
        if speaker is not None:
            sources.append((speaker, "reporting"))
            if verbal:
                # "X, in a statement issued on Monday, said ... and accused ...": a verbal
                # act's day is the statement's (not so what it reports done on the ground:
                # "said its fighters had killed 60 soldiers and seized weapons").
                sources += [(m, "statement") for m in _statements(speaker)]
        before = statement_before(verb) if mention.pronoun_subject else None
        if before is not None:
            sources.append((before, "reporting"))
        # "In a message posted on X on Wednesday, the spokesman denied ...": a verbal
        # act's day is that of the statement it was made in.
        if token == verb:
            sources += [(m, "statement") for m in _statements(verb)]
            # "X, in a statement issued on Monday, said ... and accused Y": the act
            # coordinated with the saying was done in the same statement.
            for said in sorted(group - {verb}, key=lambda v: v.i):
                if said.lemma_.lower() in SPEECH and verbal:
                    sources += [(said, "reporting")]
                    sources += [(m, "statement") for m in _statements(said)]
    if named:  # only the noun's own clause ("the attack perpetrated on Tuesday") dates it
        sources = [
            (w, kind) for w, kind in sources if w.head == token and w.dep_ in ("relcl", "acl")
        ]
    # Each source is (word, kind): kind "reporting" is also the date's `date_source`;
    # "subject-clause" takes a single day only; "medium" and "statement" are nouns whose
    # own dates count (a statement's day is also `reporting`).
    for word, kind in sources:
        # Every source is in the trigger's sentence but the statement before.
        around = sentence_dates(before.sent) if before is not None and word is before else dates
        if kind in ("medium", "statement"):
            own = [e for e in around if _hangs_on(e, word)]
        else:
            own = [e for e in around if word in e] or verb_dates(word, around)
        for ent in own:
            words = date_words(ent, word)
            if words is None or clock_time(words):
                continue  # a time of day is read with the trigger's own words only
            # "announced late on Wednesday that the bloc would send troops": the act is
            # to come, the announcement is not; its day is read as the report's.
            told_later = mention.status == "expected" and kind not in ("reporting", "statement")
            resolved = resolve(
                words, published=published, previous=previous, future=told_later,
                sentence=sentence,
            )  # fmt: skip
            if resolved is None or kind == "subject-clause" and resolved.precision != "day":
                continue
            source = "reporting" if kind in ("reporting", "statement") else resolved.source
            mention.take_date(resolved.date, resolved.precision, ent.text, source)
            return
    # "The Ministry condemns in the strongest terms ...", "The Government calls on ...":
    # a statement's act in the present is done as it is issued (dated last, by the
    # publication day, if the story around it gives no day: events/__init__.py).
    mention.performative = token == verb and _performative(mention, verb)


def _named_by_a_verbal_act(token: Any, verb: Any, mentions: list[tuple[Mention, Any, Any]]) -> bool:
    """Whether the trigger is a definite noun ("the attack", told before) that a verbal
    act takes as its object: "visited the town on 5 October and called the attack 'a
    horrific crime'" names the attack on the day of the visit, it does not tell it again
    (as "condemned the attack on Monday" does not: `event_dates._acted_on`)."""
    if token == verb or token.dep_ not in ("dobj", "obj") or not refers_back(token):
        return False
    return any(t == verb and m.type not in ON_THE_GROUND for m, t, _ in mentions)


def _performative(mention: Mention, verb: Any) -> bool:
    """A verbal act told in the simple present as the sentence's own ("condemns",
    "calls on", "rejects"): no auxiliary, no negation, the main verb or one coordinated
    with it, outside a quotation's report of another day."""
    if mention.type in ON_THE_GROUND or mention.status != "occurred":
        return False
    if not simple_present(verb):
        return False
    if verb.lemma_.lower() not in event_lexicon().performative_verbs:
        return False  # "Kigali denies backing the M23": a standing position
    if any(c.dep_ in ("aux", "auxpass", "neg") for c in verb.children):
        return False
    main = verb.head if verb.dep_ == "conj" else verb
    return main.dep_ == "ROOT" and simple_present(main)


def _media(verb: Any) -> list[Any]:
    """The meetings and calls the verb's act was done in ("in a phone call", "during
    talks"): nouns that are themselves CONSULT triggers, as the pobj of in/during/at."""
    found = []
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "during", "at"):
            continue
        for noun in prep.children:
            rule = _trigger_rule(noun) if noun.dep_ == "pobj" else None
            if rule is not None and rule.type == "CONSULT":
                found.append(noun)
    return found


def _statements(verb: Any) -> list[Any]:
    """The statements the verb's act was made in ("in a statement", "in a message
    posted on X", "during a televised speech"): nouns of events.yaml `statement_nouns`,
    as the pobj of in/during/at."""
    nouns = event_lexicon().statement_nouns
    # The parser may hang the phrase on the object: "condemned both attacks in a
    # statement issued Sunday".
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    return [
        noun
        for holder in (verb, *objects)
        for prep in holder.children
        if prep.dep_ == "prep" and prep.lower_ in ("in", "during", "at")
        for noun in prep.children
        if noun.dep_ == "pobj" and noun.lemma_.lower() in nouns
    ]


def _hangs_on(ent: Any, noun: Any) -> bool:
    """Whether a date expression belongs to the noun's phrase ("a call on Sunday"), also
    through a participle on it ("a message posted on X on Wednesday")."""
    for ancestor in ent.root.ancestors:
        if ancestor == noun:
            return True
        if ancestor.pos_ in ("VERB", "AUX") and not (
            ancestor.dep_ == "acl" and ancestor.head == noun and ancestor.tag_ == "VBN"
        ):
            return False
    return False


def _subject_clauses(verb: Any) -> list[Any]:
    """The relative clauses set off by commas on the verb's subject ("X, who ..., ")."""
    return [
        clause
        for subject in verb.children
        if subject.dep_ == "nsubj"
        for clause in subject.children
        if clause.dep_ == "relcl"
        and clause.i > subject.i
        and clause.doc[clause.left_edge.i - 1].text == ","
    ]


def _told_attack_acts(mention: Mention, token: Any) -> Any | None:
    """ "The attack killed five soldiers", "Tuesday's strike wounded ten", "ten were
    wounded in the strikes": a verb whose subject, or whose "in", "during", "by" or "from"
    phrase, is a definite attack noun tells more of an attack already told, not a new
    one. That noun, or None."""
    if mention.type != "ASSAULT" or token.pos_ != "VERB":
        return None
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    return next((n for n in subjects + _attack_it_came_in(token) if _told_attack(n)), None)


# "killed in the strikes", "wounded during Friday's raid", "died from the blast"
CAUSE_PREPOSITIONS = frozenset({"in", "during", "by", "from"})


def _attack_it_came_in(token: Any) -> list[Any]:
    """The nouns of "in the strikes" on a verb or on the verbs coordinated with it ("16
    people had been killed and 25 wounded in the strikes"): the harm told of an attack."""
    verbs = {token, *(c for c in token.children if c.dep_ == "conj")}
    if token.dep_ == "conj":
        verbs.add(token.head)
    return [
        noun for verb in verbs for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ in CAUSE_PREPOSITIONS
        for noun in prep.children if noun.dep_ == "pobj"
    ]  # fmt: skip


def _told_attack(noun: Any) -> bool:
    """A definite attack noun: an article, a demonstrative, or a day as possessor
    ("the attack", "Tuesday's strike")."""
    if noun.pos_ != "NOUN":
        return False
    dated = any(c.dep_ == "poss" and c.ent_type_ == "DATE" for c in noun.children)
    rule = _trigger_rule(noun) if dated or refers_back(noun) else None
    return rule is not None and rule.type == "ASSAULT"


def statement_day(sent: Any, dates: list[Any], published: dt.date | None) -> dt.date | None:
    """The day of a statement the sentence tells with its date ("said in a statement on
    Monday", "a statement issued on Friday"), or None: the day a later "its statement" or
    "the statement" was made (`in_the_statement`)."""
    nouns = event_lexicon().statement_nouns
    for noun in sent:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in nouns:
            continue
        own = [e for e in dates if _hangs_on(e, noun)]
        if not own and noun.dep_ == "pobj" and noun.head.lower_ in ("in", "during"):
            verb = noun.head.head
            if verb.lemma_.lower() in SPEECH:  # "said in a statement on Monday"
                own = verb_dates(verb, dates)
        elif not own and noun.dep_ in ("dobj", "obj"):
            verb = noun.head  # "issued a statement on Friday"
            if verb.lemma_.lower() in event_lexicon().statement_verbs:
                own = verb_dates(verb, dates)
        for ent in own:
            words = date_words(ent, noun)
            resolved = resolve(words, published=published, sentence=sent.text) if words else None
            if resolved is not None and resolved.precision == "day":
                return resolved.date
    return None


def in_the_statement(mention: Mention, token: Any) -> bool:
    """Whether a verbal act is told as made in a statement the text has told: "In its
    statement, the group called on ...", "The statement also urged ..." (a definite
    statement noun, by which the act is done or which does it)."""
    if mention.type in ON_THE_GROUND:
        return False
    verb = clause_verb(token)
    nouns = event_lexicon().statement_nouns
    makers = [c for c in verb.children if c.dep_ == "nsubj" and c.lemma_.lower() in nouns]
    return any(_definite(noun) for noun in (*_statements(verb), *makers))


def _definite(noun: Any) -> bool:
    return any(
        (c.dep_ == "det" and c.lower_ in ("the", "that", "this")) or c.dep_ == "poss"
        for c in noun.children
    )
