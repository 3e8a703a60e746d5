"""Stage `claims`: every casualty figure an article reports, as a claim.

For each outcome word (killed, injured, missing, abducted; knowledge/claims.yaml)
the dependency parse gives the victims it governs ("nine people were slain",
"killed two children", "the killing of 9 Pakistanis", "claimed the lives of at
least two youngsters"), their figure and its hedge ("at least", "up to", "three or
four", "dozens"), and breakdowns ("including two men, three women and four
children"). The claimant is the subject of the attribution verb that governs the
figure ("which Pakistan said killed", "Umrani said", "according to local
activists"), resolved to the article's entities; a figure stated without
attribution has no claimant. The claim links to the event its sentence reports,
else to the nearest assault before it.
"""

import datetime as dt
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from newsevents.knowledge import claim_lexicon
from newsevents.pipeline.document import Draft
from newsevents.pipeline.events import EntityIndex, implied_assault, is_aggregate
from newsevents.pipeline.quotations import quotation_at, quotations
from newsevents.schema import CasualtyClaim, Entity, Event, Evidence
from newsevents.schema.extractions import claim_day
from newsevents.schema.spans import Phrase
from newsevents.temporal.dates import AGE, MONTHS
from newsevents.temporal.event_dates import (
    YEAR,
    clause_verb,
    reporting_verb,
    sentence_dates,
    verb_dates,
    when_clause_head,
)
from newsevents.temporal.timex import Resolved, date_span, first_resolved

# 4: one attack's toll is no running total; 5: "tens of thousands"; 6: "left 12 people
# dead", "were reported missing", "kill 15, abduct 40" and "five dead and 17 wounded";
# a count right after a verb the parser left without its object; hostages set free
VERSION = "7"

PRONOUNS = frozenset({"he", "she", "they", "it"})
SINGULAR_DETERMINERS = frozenset({"a", "an", "one"})


Span = tuple[int, int]  # character offsets into the article text


@dataclass(frozen=True)
class Figure:
    count_min: int
    count_max: int | None
    qualifier: str
    victims: Span | None  # the victims phrase as written
    group: str
    number: Any  # the token the figure was read from (for position)
    span: Span  # the figure as written, hedge included ("at least 14")
    vague: bool = False  # "dozens": a lexicon value, not a stated number
    breakdown: bool = False  # "including two children": part of another figure


def extract_claims(draft: Draft) -> Draft:
    if draft.nlp is None:
        return draft
    index = EntityIndex(draft.entities)
    events = {e.event_id: e for e in draft.events}
    sentences = dict(draft.event_sentences)
    triggers = dict(draft.event_triggers)
    claims: list[CasualtyClaim] = []
    seen: set[tuple[Any, ...]] = set()
    stated: set[tuple[str, int, int | None]] = set()
    by_number: set[tuple[str, int]] = set()
    previous_person: str | None = None
    # The sentence before, and who "he" or "she" was by its end: who spoke in it is
    # worked out only when a figure asks (a walk of its parse; most sentences state
    # no figure).
    before: tuple[Any, str | None] | None = None
    referents = Referents(index)
    quoters = Quoters(draft.nlp, index)
    title_end = len(draft.title)
    # Body first: a headline figure the body states too is the body's claim; so is the
    # figure of a line written as a headline (a standfirst, a summary bullet).
    body_start = _body_start(draft.text, title_end)
    ordered = sorted(
        draft.nlp.sents,
        key=lambda s: (
            s.start_char < title_end or _headline_line(draft.text, s.start_char, body_start),
            s.start_char,
        ),
    )
    doc_ents = draft.nlp.ents  # read once (spaCy rebuilds every span on each read)
    # The first attribution each sentence gave a figure, by the sentence's start.
    attributed: dict[int, tuple[str | None, Span]] = {}
    for sent in ordered:
        end = sent.end_char
        while end > sent.start_char and draft.text[end - 1].isspace():
            end -= 1
        dates = sentence_dates(sent, doc_ents)  # read once, for every figure of the sentence
        previous_speaker: tuple[str | None, Span] | None = None
        speaker_known = False
        for token in sent:
            outcome = outcome_of(token)
            if outcome is None:
                continue
            if not speaker_known:
                previous_speaker = _speaker(before[0], index, before[1]) if before else None
                speaker_known = True
            claimant, claimant_at, stance = _claimant(
                token, sent, index, previous_person, previous_speaker, referents
            )
            if claimant_at is None and token.dep_ == "conj" and outcome_of(token.head):
                # "a toll of 11 dead and 27 injured": the second figure's attribution
                # is the first's.
                claimant, claimant_at, stance = _claimant(
                    token.head, sent, index, previous_person, previous_speaker, referents
                )
            if claimant_at is None:
                # "The statement read in part: "... two soldiers were killed ...": a
                # figure quoted with no attribution of its own is the quoter's.
                claimant, claimant_at = quoters.of(token.idx) or (claimant, claimant_at)
            if claimant_at is None and previous_speaker is not None and _goes_on_reporting(sent):
                # "He said the miners were shot dead. Two others were wounded ...": in
                # the paragraph of a report, a figure with no attribution of its own
                # goes on with the report.
                claimant, claimant_at = previous_speaker
            if claimant_at is None and before is not None and not _names_a_time(dates):
                # "According to the UN, at least 70 people lost their lives. At least 16
                # others were seriously injured.": a figure with no attribution and no date
                # of its own ("over the same period" is none), right after an attributed
                # one in its paragraph, goes on with that attribution.
                carried = attributed.get(before[0].start_char)
                if carried is not None and _same_paragraph(before[0], sent, draft.text):
                    claimant, claimant_at = carried
            claimant_span = _phrase(draft.text, claimant_at)
            claimant_text = claimant_span.text if claimant_span else None
            event = _event_for(
                (sent.start_char, sent.end_char), token.idx, events, sentences, triggers,
                _sentence_before(sent, draft.text), _reported_apart(token, sent),
            )  # fmt: skip
            aggregate = is_aggregate(token) or _still_held(token)
            if aggregate:
                event = None  # a running total belongs to no one event
            elif event is not None:
                event = _event_of_stated_day(
                    event, _stated_day(token, sent, dates, draft.published_date), events,
                    same_sentence=sent.start_char in sentences.get(event.event_id, ()),
                    headline=max(sentences.get(event.event_id, {0})) < title_end,
                )  # fmt: skip
                said = _said_on(token, sent, dates, draft.published_date)
                if event is not None and event.date_start and said and said < event.date_start:
                    event = None  # "said in late July they had killed 47": not August's attack
            elif event is None and sent.start_char >= title_end:
                # A figure with no assault told anywhere implies the one that caused it.
                event = implied_assault(token, sent, index, draft.published_date, len(events) + 1)
                if event is not None:
                    events[event.event_id] = event
                    sentences[event.event_id] = frozenset({sent.start_char})
                    triggers[event.event_id] = frozenset({token.idx})
            for figure in figures(token):
                victims_span = _phrase(draft.text, figure.victims)
                who = claimant or (claimant_text or "").lower() or None
                key = (outcome, figure.count_min, figure.count_max, who, event and event.event_id)
                counts = (outcome, figure.count_min, figure.count_max)
                # "The four injured people were rushed ...", "the two soldiers killed
                # were ...": a definite phrase describes victims already counted. "The
                # nine workers were killed by gunmen, police said" is the police's claim.
                described = who is None or token.dep_ in ("acl", "amod")
                if key in seen or (_refers_back(figure) and counts in stated and described):
                    continue
                # One number read by two outcome words ("a toll of 11 dead") is one claim.
                number_key = (outcome, figure.number.i)
                if number_key in by_number:
                    continue
                by_number.add(number_key)
                if claimant_at is not None:
                    attributed.setdefault(sent.start_char, (claimant, claimant_at))
                seen.add(key)
                stated.add(counts)
                claims.append(
                    CasualtyClaim(
                        claim_id=f"c{len(claims) + 1}",
                        outcome=outcome,  # type: ignore[arg-type]
                        count_min=figure.count_min,
                        count_max=figure.count_max,
                        qualifier=figure.qualifier,  # type: ignore[arg-type]
                        figure_span=_exact(draft.text, figure.span),
                        vague=figure.vague,
                        scope="cumulative" if aggregate else "incident",
                        breakdown=figure.breakdown,
                        victims=victims_span.text if victims_span else None,
                        victims_span=victims_span,
                        victim_group=figure.group,  # type: ignore[arg-type]
                        claimant=claimant,
                        claimant_text=claimant_text,
                        claimant_span=claimant_span,
                        stance=stance,  # type: ignore[arg-type]
                        event_id=event.event_id if event else None,
                        **_date_of(event),
                        evidence=Evidence(
                            start=sent.start_char, end=end, text=draft.text[sent.start_char : end]
                        ),
                    )
                )
        people = [e for e in index.in_tokens(sent) if e.type == "PERSON"]
        previous_person = people[-1].entity_id if people else previous_person
        before = (sent, previous_person)
        referents.note(sent)
    kept = _without_restated_headline(claims, title_end, draft.text, body_start)
    kept = _issuer_s_word(kept, _release_issuer(draft.text, body_start), draft.entities)
    kept.sort(key=lambda c: c.evidence.start)
    # A later figure may have dated its event: every claim copies its event's final date.
    renumbered = [
        c.model_copy(update={"claim_id": f"c{i}", **_date_of(events.get(c.event_id or ""))})
        for i, c in enumerate(kept, 1)
    ]
    return replace(draft, casualty_claims=tuple(renumbered), events=tuple(events.values()))


# A running count is dated by when it was counted: "the death toll rose to 13 on Saturday".
TALLY_WORDS = frozenset({"toll", "tally", "rise", "climb", "reach", "stand", "increase", "mount"})


def _phrase(text: str, span: Span | None) -> Phrase | None:
    return None if span is None else _exact(text, span)


def _exact(text: str, span: Span) -> Phrase:
    start, end = span
    return Phrase(start=start, end=end, text=text[start:end])


def _date_of(event: Event | None) -> dict[str, Any]:
    if event is None:
        return {"event_date": None, "date_source": "none"}
    day, source = claim_day(event)
    return {"event_date": day, "date_source": source}


def _reported_apart(token: Any, sent: Any) -> frozenset[int]:
    """Where the words of the sentence's other reported facts stand (characters): a
    clause coordinated with the figure's that opens with its own "that" ("said 38 bodies
    had been counted and that troops had clashed ..."), when the figure is not in it."""
    apart: set[int] = set()
    for word in sent:
        if word.dep_ != "conj" or not any(
            c.dep_ == "mark" and c.lower_ == "that" for c in word.children
        ):
            continue
        if token not in word.subtree:
            apart.update(t.idx for t in word.subtree)
    return frozenset(apart)


def _stated_day(
    token: Any, sent: Any, dates: list[Any], published: dt.date | None
) -> Resolved | None:
    """The date the figure's own sentence gives the casualties: words in the outcome
    word's clause ("were killed on Saturday"), in the clause a participle hangs on
    ("hit a market late on Monday, killing 14"), or in the "when" clause that tells
    how ("were killed ... when shells landed ... late on Wednesday")."""
    if not dates:
        return None
    verb = clause_verb(token)
    if {token.lemma_.lower(), verb.lemma_.lower()} & TALLY_WORDS:
        return None  # "the toll rose to 13 on Saturday": the day of the count, not the deaths
    clauses = [verb]
    if verb.dep_ == "advcl" and verb.tag_ == "VBG":
        clauses.append(verb.head)
    clauses += [c for c in verb.children if c.dep_ == "advcl" and when_clause_head(c) is not None]
    for clause in clauses:
        own = [e for e in dates if token in e] + verb_dates(clause, dates)
        found = first_resolved(own, published, sent.text)
        if found is not None:
            return found[1]
    return None


def _said_on(token: Any, sent: Any, dates: list[Any], published: dt.date | None) -> dt.date | None:
    """The last day of the statement that reports the figure ("rebels said in late July
    they had killed 47"): the casualties cannot be later."""
    speaker = reporting_verb(clause_verb(token))
    if speaker is None:
        return None
    found = first_resolved(verb_dates(speaker, dates), published, sent.text)
    return None if found is None else date_span(found[1].date, found[1].precision)[1]


def _event_of_stated_day(
    event: Event,
    stated: Resolved | None,
    events: dict[str, Event],
    *,
    same_sentence: bool,
    headline: bool,
) -> Event | None:
    """The event a figure belongs to, given the day its own sentence states. An
    undated event told in the figure's sentence or in the headline takes that day (the
    sentence tells the same occurrence). A dated event on another day is probably the
    wrong link: the figure goes to the assault of its day, or to none."""
    if stated is None:
        return event
    first, last = date_span(stated.date, stated.precision)
    if event.date is None:
        if not (same_sentence or headline):
            return event
        dated = event.model_copy(
            update={"date": stated.date, "date_precision": stated.precision,
                    "date_start": first, "date_end": last, "date_source": "same-occurrence"}
        )  # fmt: skip
        events[event.event_id] = dated
        return dated
    if _overlaps(event, first, last):
        return event
    same_day = [e for e in events.values() if e.type == "ASSAULT" and _overlaps(e, first, last)]
    return same_day[0] if len(same_day) == 1 else None


def _overlaps(event: Event, first: dt.date, last: dt.date) -> bool:
    if event.date_start is None or event.date_end is None:
        return False
    return event.date_start <= last and first <= event.date_end


def _sentence_before(sent: Any, text: str) -> int | None:
    """Where the sentence before this one starts, when it is in the same paragraph.
    `text` is the doc's (`sent.doc.text` joins every token anew on each read)."""
    if sent.start == 0:
        return None
    previous = sent.doc[sent.start - 1].sent
    between = text[previous.end_char : sent.start_char]
    return None if "\n\n" in between or "\n\n" in previous.text else previous.start_char


def _refers_back(figure: Figure) -> bool:
    """A figure introduced by "the" ("the four injured people") names victims
    already counted."""
    doc = figure.number.doc
    return figure.number.i > 0 and doc[figure.number.i - 1].lower_ == "the"


def _without_restated_headline(
    claims: list[CasualtyClaim], title_end: int, text: str, body_start: int
) -> list[CasualtyClaim]:
    """A headline figure the body states too is the body's claim, summarized
    ("US-British strikes leave 14 dead", dev 09_us-uk-strikes-yemen-houthi). So is a
    figure of a line written as a headline: a standfirst, a summary bullet or a
    a line with no closing stop above the body."""

    def headline(claim: CasualtyClaim) -> bool:
        start = claim.evidence.start
        return start <= title_end or _headline_line(text, start, body_start)

    # A headline drops the hedge: "Five killed" restates "At least five ... were killed";
    # and its few words are often misread ("six civilians killed, 31 injured" read as six
    # injured): a figure the body states is the body's, whatever outcome it was read as.
    body = {c.count_min for c in claims if not headline(c)}
    dropped = [c for c in claims if headline(c) and c.count_min in body]
    kept = [c for c in claims if not headline(c) or c.count_min not in body]
    # "... left four more dead, police said" above "four armed men were killed": who
    # the headline says gave the figure gave the body's, which names nobody.
    said = {(c.outcome, c.count_min): c for c in dropped if c.claimant_text}
    return [
        c.model_copy(update={
            "claimant": source.claimant, "claimant_text": source.claimant_text,
            "claimant_span": source.claimant_span, "stance": source.stance,
        })
        if not c.claimant_text and (source := said.get((c.outcome, c.count_min))) else c
        for c in kept
    ]  # fmt: skip


_CLOSING_STOP = re.compile(r"[.!?:;\"”’)\]]$")


def _release_issuer(text: str, body_start: int) -> Phrase | None:
    """Who issued a press release printed as it came: the first line of the heading
    block that holds its label ("HEADQUARTERS OPERATION SAFE HAVEN" over "PRESS
    RELEASE"), the line under a label that opens its block ("PRESS RELEASE" over
    "Headquarters, 3rd Infantry Division"), or the first line of the block above a label
    that stands alone, without the words before
    the name (claims.yaml release_labels, release_issuer_prefixes); None for an article
    that is no release."""
    lexicon = claim_lexicon()
    blocks = [m for m in re.finditer(r"[^\n]+(?:\n[^\n]+)*", text[:body_start])]
    for number, block in enumerate(blocks):
        lines = block.group().split("\n")
        labels = [i for i, line in enumerate(lines) if _label(line) in lexicon.release_labels]
        if not labels:
            continue
        if labels[0] > 0:
            heading, start = lines[0], block.start()
        elif len(lines) > 1 and (_issuer_prefix().match(lines[1]) or _a_name_line(lines[1])):
            # "PRESS RELEASE" over "Headquarters, 3rd Infantry Division" or "Ministry of
            # Foreign Affairs": the issuer is the line under the label (not "For
            # immediate release").
            heading, start = lines[1], block.start() + len(lines[0]) + 1
        elif number > 1:  # the block above; not the headline (block 0)
            heading, start = blocks[number - 1].group().split("\n")[0], blocks[number - 1].start()
        else:
            return None
        prefix = _issuer_prefix().match(heading)
        skip = prefix.end() if prefix else 0
        name = heading[skip:].strip()
        if not name and prefix is not None:
            # "HEADQUARTERS" alone over "NIGERIAN ARMY": the name is the next line.
            rest = text[start + len(heading) + 1 : body_start].split("\n", 1)[0]
            if rest.strip() and _a_name_line(rest.strip()):
                start += len(heading) + 1
                heading, skip = rest, 0
                name = rest.strip()
        if not name or _label(name) in lexicon.release_labels:
            return None
        start += heading.index(name, skip)
        return Phrase(start=start, end=start + len(name), text=name)
    return _report_issuer(text, body_start)


# How far into the text a report names its issuer: its opening paragraphs.
_ISSUER_SENTENCE_CHARS = 1500


def _report_issuer(text: str, body_start: int) -> Phrase | None:
    """ "This flash update is produced by OCHA Cameroon in collaboration with
    humanitarian partners.": the issuer a report names in its opening lines
    (claims.yaml self_issued_reports), without what follows its name."""
    match = _self_issued().search(text, 0, max(body_start, _ISSUER_SENTENCE_CHARS))
    if match is None:
        return None
    return Phrase(start=match.start("name"), end=match.end("name"), text=match["name"])


@cache
def _self_issued() -> re.Pattern[str]:
    """`_report_issuer`'s pattern, compiled once (it is read for every article)."""
    kinds = "|".join(re.escape(k) for k in claim_lexicon().self_issued_reports)
    return re.compile(
        rf"\bThis (?:{kinds}) (?:is|was|has been) (?:produced|prepared|issued|published|"
        rf"compiled) by (?:the )?(?P<name>[A-Z][\w'’.&-]*(?: (?:of |for |the |and )?"
        rf"[A-Z][\w'’.&-]*)*)"
    )


def _a_name_line(line: str) -> bool:
    """A line that can be only a name: short, capitalized, with no figure, no full stop
    and no label ("Ministry of Foreign Affairs and International Cooperation")."""
    words = line.split()
    return (
        0 < len(words) <= 10
        and line[0].isupper()
        and not any(ch.isdigit() for ch in line)
        and not line.rstrip().endswith((".", "!", "?", ":"))
        and _label(line) not in claim_lexicon().release_labels
    )


def _label(line: str) -> str:
    return " ".join(line.lower().split()).rstrip(":")


@cache
def _issuer_prefix() -> re.Pattern[str]:
    """The words before an issuer's name (claims.yaml release_issuer_prefixes), compiled
    on first use, not when the module is imported."""
    words = "|".join(re.escape(w) for w in claim_lexicon().release_issuer_prefixes)
    return re.compile(rf"\s*(?:{words})\b[\s,]*", re.IGNORECASE)


def _issuer_s_word(
    claims: list[CasualtyClaim], issuer: Phrase | None, entities: Sequence[Entity]
) -> list[CasualtyClaim]:
    """The claims no one is named for, as the release's issuer's: the entity the
    issuer's name is a mention of ("U.S. Central Command" over the release, "CENTCOM" in
    it), else the name alone."""
    if issuer is None:
        return claims
    name = issuer.text.casefold()
    issuer_id = next(
        (e.entity_id for e in entities if any(m.text.casefold() == name for m in e.mentions)),
        None,
    )
    if issuer_id is None:
        # "OCHA Cameroon": the entity named within the issuer's name (its country office).
        inside = [
            (m.end - m.start, e.entity_id) for e in entities
            if e.type in ("ORGANIZATION", "ARMED_GROUP")
            for m in e.mentions if issuer.start <= m.start and m.end <= issuer.end
        ]  # fmt: skip
        issuer_id = max(inside)[1] if inside else None
    return [
        c if c.claimant_text else c.model_copy(
            update={"claimant_text": issuer.text, "claimant_span": issuer, "stance": "asserted",
                    "claimant": issuer_id}
        )
        for c in claims
    ]  # fmt: skip


def _lines(text: str, start: int) -> Iterable[tuple[int, str]]:
    """The lines of `text` from offset `start` on, with where each begins."""
    for match in re.finditer(r"[^\n]+", text[start:]):
        yield start + match.start(), match.group().strip()


def _body_start(text: str, title_end: int) -> int:
    """Where the body begins below the title: its first line of a sentence's length
    that ends with a closing stop. The lines above it with none are written as
    headlines (a standfirst, summary bullets)."""
    for start, line in _lines(text, title_end):
        if len(line.split()) >= 8 and _CLOSING_STOP.search(line):
            return start
    return len(text)


def _headline_line(text: str, position: int, body_start: int) -> bool:
    """Whether the line at `position` is written as a headline, with no closing stop at
    its end: above the body (a standfirst, summary bullets), or in it a short line with
    no quotation (a liveblog's "11:30 a.m. — Attacks kill 3, injure 18 in the region").
    A line of the body with a quotation ("... killed two children," Commissioner X" with
    its "said" lost) is the body's."""
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    line = text[start : end if end >= 0 else len(text)].strip()
    if not line or _CLOSING_STOP.search(line):
        return False
    return position < body_start or (
        len(line.split()) <= _SUBHEADING_WORDS and not _QUOTATION_MARK.search(line)
    )


_SUBHEADING_WORDS = 20
_QUOTATION_MARK = re.compile(r"[\"“”]")


def outcome_of(token: Any) -> str | None:
    lexicon = claim_lexicon()
    lemma = token.lemma_.lower()
    if lemma in ("life", "lives") or token.lower_ in ("life", "lives"):
        # "claimed the lives of", "lost their lives": only with those verbs
        return "killed" if token.head.lemma_.lower() in lexicon.life_verbs else None
    if token.pos_ not in ("VERB", "NOUN", "ADJ", "AUX"):
        return None
    if token.pos_ == "VERB" and lemma in lexicon.phrasal_verbs:
        # The parser reads the particle as an adverb too: "had taken away four men".
        particle = next(
            (c.lower_ for c in token.children if c.dep_ == "prt" or (
                c.dep_ == "advmod" and c.lower_ in ("away", "down", "off")
            )),
            None,
        )  # fmt: skip
        phrasal = lexicon.phrasal_outcomes.get(f"{lemma} {particle}") if particle else None
        if phrasal is not None:
            # "took away the bodies": what is done with the dead; "police took away four
            # men": an arrest; neither is an abduction.
            carried = any(
                c.dep_ in ("dobj", "obj", "nsubjpass") and c.lemma_.lower() == "body"
                for c in token.children
            )
            arrest = phrasal == "abducted" and any(
                c.dep_ == "nsubj" and c.lemma_.lower() in lexicon.arresting_subjects
                for c in token.children
            )
            return None if carried or arrest else phrasal
    if lemma == "price":  # "three soldiers paid the supreme price"
        paid = token.head.lemma_.lower() == "pay"
        words = lexicon.death_price_words
        return "killed" if paid and any(c.lower_ in words for c in token.children) else None
    if lemma == "send":  # "five terrorists were sent to hell"
        return "killed" if _sent_to_death(token) else None
    if lemma == "lose":  # "India lost 88 soldiers"; not "lost the town"
        objects = [c for c in token.children if c.dep_ in ("dobj", "obj")]
        return "killed" if any(o.lemma_.lower() in lexicon.lost_people for o in objects) else None
    if lemma == "body" and not _dead_bodies(token):
        return None  # "the two bodies agreed": organizations
    if lemma == "treat" and not any(t.lemma_.lower() in lexicon.treatment_cues for t in token.sent):
        return None  # "the detainees were treated well": no care of the wounded
    if lemma == "condition":  # "eight people are in critical condition"
        return "injured" if _in_a_grave_condition(token) else None
    if lemma == "hostage" and (_released(token) or _victims_of_another_outcome(token)):
        # "released three hostages": captives freed; "killed 214 hostages", "21 hostages
        # dead": the hostages are the victims of that outcome, no abduction toll
        return None
    outcome = lexicon.outcome_of.get(lemma) or lexicon.outcome_of.get(token.lower_)
    if outcome is not None and _among_victims_of_another_outcome(token, outcome):
        return None  # "four of the wounded died in hospital": deaths, no new wounded
    return outcome


def _among_victims_of_another_outcome(noun: Any, outcome: str) -> bool:
    """Whether the outcome word names those counted among the victims of another
    outcome: "four of the wounded had died", "two of the injured succumbed"."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "of":
        return False
    count = noun.head.head
    if count.dep_ not in ("nsubj", "nsubjpass"):
        return False
    other = claim_lexicon().outcome_of.get(count.head.lemma_.lower())
    return other is not None and other != outcome


def _sent_to_death(verb: Any) -> bool:
    """ "were sent to hell" (claims.yaml death_destinations)."""
    places = claim_lexicon().death_destinations
    return any(
        prep.dep_ == "prep" and prep.lower_ == "to"
        and any(o.dep_ == "pobj" and o.lower_ in places for o in prep.children)
        for prep in verb.children
    )  # fmt: skip


def _in_a_grave_condition(noun: Any) -> bool:
    """Whether "condition" is a patient's: "in critical condition", "in a serious
    condition" (claims.yaml grave_conditions)."""
    return (
        noun.dep_ == "pobj" and noun.head.lower_ == "in"
        and any(c.lower_ in claim_lexicon().grave_conditions for c in noun.children)
    )  # fmt: skip


def _victims_of_another_outcome(noun: Any) -> bool:
    """Whether the noun is the victims of another outcome word: the object or subject of
    an outcome verb ("killed 214 hostages", "three hostages died"), or modified by one
    ("21 hostages dead")."""
    other = claim_lexicon().outcome_of
    heads = ("dobj", "obj", "nsubj", "nsubjpass", "npadvmod")  # npadvmod: "21 hostages dead"
    if noun.dep_ in heads and other.get(noun.head.lemma_.lower()):
        return noun.head.lemma_.lower() != noun.lemma_.lower()
    return any(
        c.dep_ in ("amod", "acomp", "acl") and other.get(c.lemma_.lower()) for c in noun.children
    )


def _still_held(token: Any) -> bool:
    """ "Hamas is still holding 101 hostages": a standing count of captives, not the
    toll of one abduction (it never enters an incident's figures)."""
    if token.lemma_.lower() != "hostage" or token.dep_ not in ("dobj", "obj", "nsubj"):
        return False
    return token.head.lemma_.lower() in claim_lexicon().holding_verbs


def _released(hostage: Any) -> bool:
    """Whether the hostages are released, freed or exchanged: the word their phrase
    hangs on ("released three hostages", "freed five of the hostages", "the release of
    33 hostages") is one of claims.yaml release_words."""
    phrase = hostage
    if phrase.dep_ == "pobj" and phrase.head.lower_ == "of":
        phrase = phrase.head.head  # "five of the hostages", "the release of"
    if phrase.lemma_.lower() in claim_lexicon().release_words:
        return True
    return phrase.dep_ in ("dobj", "obj", "nsubjpass") and (
        phrase.head.lemma_.lower() in claim_lexicon().release_words
    )


def _dead_bodies(token: Any) -> bool:
    """ "recovered the bodies of 11 people", "nine bodies were brought in": bodies of
    the dead are recovered, found, brought, carried; other bodies are not."""
    verb = token.head if token.dep_ in ("dobj", "obj", "nsubjpass", "nsubj") else None
    verbs = claim_lexicon().body_verbs
    return bool(verb is not None and verb.lemma_.lower() in verbs) or any(
        c.dep_ == "prep" and c.lower_ == "of" for c in token.children
    )


def figures(outcome: Any) -> list[Figure]:
    """Every figure the outcome word governs, breakdowns included."""
    found: list[Figure] = []
    speakers = _speakers_read_as_victims(outcome)
    for number, head in enumerate(_victim_heads(outcome)):
        # "Nine people were killed ..., including five children": the breakdown may
        # hang on the outcome verb.
        parts = _included(head) + (_included(outcome) if number == 0 else [])
        # "five dead and 17 wounded": a conjunct that its own outcome word follows is
        # that word's figure.
        # "between 25 and 30": the second number is the range's bound, no figure of its own.
        first = _figure(head)
        if number == 0:
            parts += _listed_after_colon(outcome, first)
        ranged = first is not None and first.qualifier == "range"
        own = [
            c for c in _conjuncts(head)
            if not _counts_another_outcome(c, outcome) and not (ranged and c.like_num)
            and not _clause_of_its_own(c) and c not in speakers
        ]  # fmt: skip
        for noun in [head, *own, *parts]:
            figure = first if noun is head else _figure(noun)
            if figure and all(f.number != figure.number for f in found):
                found.append(replace(figure, breakdown=noun in parts))
    if found:
        for number in _earlier_figures(outcome):
            figure = _figure(number)
            if figure and all(f.number != figure.number for f in found):
                found.append(figure)
    return found


def _earlier_figures(outcome: Any) -> list[Any]:
    """ "23 fighters were killed, up from 18 it reported overnight": the figure a new one
    replaces, which its source gave before (a claim of its own, superseded)."""
    # "the death toll had risen to 12, up from eight": on the toll's verb.
    holders = [outcome, outcome.head] if outcome.head.lemma_.lower() in TOLL_VERBS else [outcome]
    # "... has risen to 51, police said on Friday, up from 34 on Thursday": hung on the
    # verb of saying the toll's clause is reported by.
    holders += [
        verb
        for verb in holders[-1].ancestors
        if verb.lemma_.lower() in claim_lexicon().attribution_verbs
    ][:1]
    return [
        number for holder in holders for word in holder.children
        if word.dep_ == "advmod" and word.lower_ in ("up", "down")
        for prep in word.children if prep.dep_ == "prep" and prep.lower_ == "from"
        for number in prep.children if number.dep_ == "pobj" and number.like_num
    ]  # fmt: skip


def _listed_after_colon(outcome: Any, total: Figure | None) -> list[Any]:
    """ "eight people were killed in the attack: four in Petah Tikva, three in Haifa and
    one in Bnei Brak": the parts of an exact figure a colon lists by place or group, each
    a number with its phrase, when they add up to it."""
    if total is None or total.count_min != total.count_max:
        return []
    sent = outcome.sent
    colon = next((t for t in sent if t.text == ":" and t.i > outcome.i), None)
    if colon is None:
        return []
    listed = [
        t for t in sent
        if t.i > colon.i and _is_number(t) and any(c.dep_ == "prep" for c in t.children)
    ]  # fmt: skip
    values = [_number_value(t) for t in listed]
    if len(listed) < 2 or None in values or sum(v or 0 for v in values) != total.count_min:
        return []
    return listed


def _speakers_read_as_victims(outcome: Any) -> list[Any]:
    """ "killed between 12 and 15 civilians, witnesses and a health worker told AFP": the
    parser ran the list of victims on into the speakers of the verb of saying right
    after it. The nouns of the list from the one after a comma on are those speakers,
    not victims."""
    doc = outcome.doc
    for victims in _direct_victim_heads(outcome):
        nouns = _conjuncts(victims)
        after_comma = [c for c in nouns if doc[c.left_edge.i - 1].text == ","]
        if not after_comma:
            continue
        end = max(c.right_edge.i for c in nouns) + 1
        says = doc[end] if end < len(doc) else None
        if (
            says is not None and says.pos_ in ("VERB", "AUX")
            and says.lemma_.lower() in claim_lexicon().attribution_verbs
        ):  # fmt: skip
            return [c for c in nouns if c.i >= after_comma[0].i]
    return []


def _counts_another_outcome(noun: Any, outcome: Any) -> bool:
    """Whether the word right after `noun` is an outcome word other than `outcome`."""
    after = noun.nbor() if noun.i + 1 < len(noun.doc) else None
    return after is not None and after != outcome and outcome_of(after) is not None


TOTALS = frozenset({"total", "tally"})  # "a total of 17 people were abducted"
TOLL_VERBS = frozenset({"rise", "climb", "reach", "stand", "jump", "increase", "hit", "mount"})


def _victim_heads(outcome: Any) -> Iterable[Any]:
    """The noun (or number) that counts the victims of an outcome word."""
    for head in _direct_victim_heads(outcome):
        head = _antecedent(head)
        if head.lemma_.lower() in TOTALS:
            yield from (g for c in head.children if c.lower_ == "of" for g in c.children)
        else:
            yield head


def _antecedent(word: Any) -> Any:
    """For "who" of "three soldiers who were wounded" or "three others who sustained
    gunshot wounds", the noun its relative clause is on: the victims counted; any other
    word as it is."""
    if word.lower_ not in RELATIVES or word.tag_ not in ("WP", "WDT"):
        return word
    clause = word.head
    while clause.dep_ != "relcl" and clause.head != clause and clause.dep_ in ("conj", "xcomp"):
        clause = clause.head
    return clause.head if clause.dep_ == "relcl" else word


def _direct_victim_heads(outcome: Any) -> Iterable[Any]:
    lemma = outcome.lemma_.lower()
    intransitive = lemma in ("die", "perish", "dead")  # "nine died"
    objects = [c for c in outcome.children if c.dep_ in ("dobj", "obj")]
    for child in outcome.children:
        if child.dep_ in ("nsubjpass", "dobj", "obj", "npadvmod", "attr", "nummod") or (
            child.dep_ == "nsubj" and (intransitive or _elided_passive(outcome, child, objects))
        ):
            yield child
        elif child.dep_ == "prep" and child.lower_ in ("of", "between"):
            # "killed between eight and 12 civilians": the parser makes the range a
            # phrase of "between" whose object is the victims.
            yield from (c for c in child.children if c.dep_ == "pobj")
    verb = outcome.head
    if (
        outcome.dep_ == "xcomp" and verb.lemma_.lower() in claim_lexicon().hearsay_verbs
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in outcome.children)
    ):  # fmt: skip
        # "Nine soldiers were reported killed", "five fighters were believed to have been
        # killed": the victims are the subject of the verb of hearsay, also where the
        # parser read a bare participle as active: "with 12 people believed killed".
        bare = (
            verb.dep_ in ("pcomp", "acl")
            or verb.tag_ == "VBN"
            or any(c.dep_ == "mark" and c.lower_ == "with" for c in verb.children)
        )
        subjects = ("nsubjpass", "nsubj") if bare else ("nsubjpass",)
        yield from (c for c in verb.children if c.dep_ in subjects)
        if verb.dep_ == "acl" and not any(c.dep_ in subjects for c in verb.children):
            yield verb.head  # "with two traders believed killed": on the noun it describes
    if lemma in ("hostage", "captive"):
        yield from _taken_hostage(outcome)
    if lemma == "death" and outcome.dep_ == "pobj" and outcome.head.lower_ == "to":
        # "Seventeen boys were burned to death", "beat two men to death": who was put
        # to death is the verb's object or passive subject.
        killing = outcome.head.head
        if killing.pos_ == "VERB":
            yield from (c for c in killing.children if c.dep_ in ("nsubjpass", "dobj", "obj"))
    if (
        lemma in ("injury", "wound", "burn")
        and outcome.dep_ == "pobj"
        and outcome.head.lower_ == "for"
        and outcome.head.head.lemma_.lower() in claim_lexicon().care_verbs
    ):
        # "Twenty people were treated for injuries", "the hospital admitted 12 people for
        # wounds": who is cared for was hurt.
        cared = outcome.head.head
        yield from (c for c in cared.children if c.dep_ in ("nsubjpass", "dobj", "obj"))
    if outcome.dep_ == "pobj" and verb.lower_ == "as" and verb.dep_ == "prep":
        verb = verb.head  # "seven soldiers fell as martyrs": the verb the "as" phrase is on
    if lemma in claim_lexicon().subject_outcomes.get(verb.lemma_.lower(), ()):
        # "two commandos lost their lives", "Three crew members sustained injuries",
        # "four soldiers embraced martyrdom", "fell as martyrs": the verb's subject
        # suffered it.
        yield from (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass"))
    if lemma in ("injury", "wound") and outcome.dep_ == "pobj" and outcome.head.lower_ == "with":
        # "received five people with gunshot wounds": the people carry the wounds,
        # however the parser hung "with" (on them, or on the verb that took them in)
        carrier = outcome.head.head
        if carrier.pos_ in ("NOUN", "PROPN", "NUM"):
            yield carrier
        elif carrier.pos_ == "VERB":
            yield from (c for c in carrier.children if c.dep_ in ("dobj", "obj"))
    if lemma in ("injury", "wound") and outcome.dep_ in ("dobj", "obj"):
        # "caused injuries to 12 others" (the "to" phrase hangs on the noun or the verb)
        preps = [*outcome.children, *verb.children]
        for prep in (c for c in preps if c.dep_ == "prep" and c.lower_ == "to"):
            yield from (c for c in prep.children if c.dep_ == "pobj")
    # "the blast left 12 people dead", "eight people were reported missing", "reports
    # that 460 patients had been shot dead": the verb's object or passive subject.
    held = [c for c in verb.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
    if outcome.dep_ == "oprd" and held:
        yield from held
    elif outcome.dep_ in ("acomp", "oprd") and verb.dep_ == "acl":
        yield verb.head  # "three or four soldiers lying dead"
    elif outcome.dep_ in ("oprd", "acomp") and verb.lemma_.lower() in claim_lexicon().lying_verbs:
        # "Two civilians were lying dead in the street": the subject lies dead.
        yield from (c for c in verb.children if c.dep_ == "nsubj")
    # A participle takes no object: one with a count right after it ("An air strike ...
    # killed at least 23 people" read as "a strike [that was] killed") is a verb in use.
    active = (
        outcome.tag_ == "VBD"
        or outcome.dep_ == "acl"
        or any(c.dep_ == "nsubj" for c in outcome.children)
    )
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in outcome.children)
    if outcome.pos_ == "VERB" and not objects and active and not passive:
        # "... killed at least 23 people, ..., a local group said": the parser may take
        # the counted noun right after the verb for the subject of the verb of saying.
        counted = _counted_right_after(outcome)
        if counted is not None:
            yield counted
    before = outcome.nbor(-1) if outcome.i > 0 else None
    if (
        before is not None and before.like_num and before.ent_type_ != "DATE"
        and (before.dep_ == "conj" or before.dep_ == "pobj" and before.head.lower_ == "with")
        and outcome.dep_ not in ("amod", "compound")
    ):  # fmt: skip
        # "five dead and 17 wounded": the parser left 17 on "five"; "the bodies of four
        # soldiers, along with three wounded": on "with"
        yield before
    if outcome.dep_ == "acomp":
        # "Eleven people remain missing", "nine people are dead"; but "police shot dead
        # two suspected rebels": the shot are the dead, not the police.
        shot = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
        yield from shot or (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass"))
    counter = _count_noun(outcome)
    if counter is not None and counter.dep_ in ("nsubj", "nsubjpass", "dobj", "obj"):
        # "brings to 11 the number of people killed", "raised the number of dead to 15",
        # "the number of people killed has risen to 46": the count is the "to" phrase.
        # "the real number of dead could be between 120 and 130"
        for child in counter.head.children:
            if child.dep_ in ("prep", "dative") and child.lower_ in ("to", "at", "between"):
                yield from (c for c in child.children if c.dep_ == "pobj")
        # "putting the number of soldiers killed at between 20 and 25": the parser may
        # hang the "at" phrase on the outcome word; only a number there is the count.
        for child in outcome.children:
            if child.dep_ == "prep" and child.lower_ == "at":
                yield from (c for c in child.children if c.dep_ == "pobj" and _is_number(c))
    if outcome.lemma_.lower() == "toll" and outcome.dep_ == "pobj" and outcome.head.lower_ == "of":
        # "Estimates of the death toll ranged from 200 to 600": the estimates' verb
        estimates = outcome.head.head
        if estimates.dep_ in ("nsubj", "dobj", "obj") and (
            estimates.lemma_.lower() in claim_lexicon().count_nouns
        ):
            yield from _toll_figures(estimates)
    if outcome.lemma_.lower() == "toll" and outcome.dep_ in ("nsubj", "dobj", "obj"):
        yield from _toll_figures(outcome)
    elif outcome.dep_ in ("dobj", "obj") and outcome.head.lemma_.lower() == "put":
        # "put the group's dead at up to 80": the dead are put at a figure, as a toll is.
        yield from _toll_figures(outcome)
    if outcome.dep_ in ("amod", "acl") and outcome.head.pos_ in ("NOUN", "PROPN", "NUM"):
        yield outcome.head  # "two injured girls", "14 people killed"
    if (
        outcome.dep_ == "ccomp" and verb.lemma_.lower() in claim_lexicon().attribution_verbs
        and any(c.dep_ == "auxpass" for c in outcome.children)
        and not any(c.dep_ in ("nsubjpass", "nsubj") for c in outcome.children)
    ):  # fmt: skip
        # "said 12 soldiers and ... , a militia that ..., were killed": over a long
        # subject the parser takes the victims for the object of the verb of saying.
        yield from (c for c in verb.children if c.dep_ in ("dobj", "obj") and c.i < outcome.i)
    if outcome.lemma_.lower() == "condition":
        # "Eight people are in critical condition", "left five in serious condition": who
        # is in it, the subject of the verb the phrase hangs on, else its object.
        holder = outcome.head.head
        held = [c for c in holder.children if c.dep_ in ("dobj", "obj")]
        yield from held or (c for c in holder.children if c.dep_ in ("nsubj", "nsubjpass"))
    if outcome.dep_ == "pobj" and outcome.head.lower_ == "of" and outcome.head.head.like_num:
        yield outcome.head.head  # "38 of the dead were students"
    if outcome.dep_ == "pobj" and outcome.head.lower_ == "among":
        # "12 soldiers and at least eight volunteers were among the dead": who was among
        # them, the subject of the verb the phrase hangs on.
        yield from (c for c in outcome.head.head.children if c.dep_ in ("nsubj", "nsubjpass"))
    if outcome.dep_ == "conj" and not any(
        c.dep_ in ("nsubjpass", "dobj", "nsubj") or c.like_num for c in outcome.children
    ):
        # "14 people have been killed and over 30 wounded": the number may hang on
        # the first verb; not in "kill 15, abduct 40", where the second verb has its own.
        for child in outcome.head.children:
            if child.like_num and child.i > outcome.head.i:
                yield child


COUNT_NOUNS = frozenset({"number", "count", "tally", "total"})


def _taken_hostage(noun: Any) -> Iterable[Any]:
    """Who a verb of taking makes hostages: its other object ("took five people
    hostage"), or the first of the objects the hostages are coordinated with ("took 170
    guards and staff hostage", as spaCy reads it)."""
    first = noun.head if noun.dep_ == "conj" else None
    verb = first.head if first is not None else noun.head
    if verb.lemma_.lower() not in claim_lexicon().hostage_taking_verbs:
        return
    if first is not None:
        if first.dep_ in ("dobj", "obj"):
            yield first
        return
    yield from (c for c in verb.children if c.dep_ in ("dobj", "obj") and c != noun)


def _toll_figures(toll: Any) -> Iterable[Any]:
    """The figures a toll's verb gives it (`toll`: the toll, or the estimates of it)."""
    verb = toll.head
    # "The death toll has risen to 45", "the toll stands at 32", "reached 50",
    # "the ministry put the death toll at 57", "ranged from 200 to 600", "was
    # between 25 and 30", "had given the toll as 116"
    # "revised the toll down to 26", "up to 30": the figure hangs on the particle.
    particles = [c for c in verb.children if c.dep_ == "prt" and c.lower_ in ("down", "up")]
    preps = [*verb.children, *(p for c in particles for p in c.children if p.lower_ == "to")]
    for child in preps:
        if child.dep_ == "prep" and child.lower_ in ("to", "at", "from", "between", "as"):
            for place in (c for c in child.children if c.dep_ == "pobj"):
                yield place
                # "puts the death toll from the unrest at 74": the parser hangs the
                # figure on what the toll is from.
                yield from (
                    c for p in place.children if p.dep_ == "prep" and p.lower_ in ("at", "to")
                    for c in p.children if c.dep_ == "pobj" and c.like_num
                )  # fmt: skip
        elif (
            child.dep_ in ("dobj", "obj")
            and child is not toll
            and verb.lemma_.lower() in TOLL_VERBS
        ):
            yield child
        elif child.dep_ in ("attr", "acomp") and verb.lemma_ == "be" and toll.dep_ == "nsubj":
            # "the death toll was 40", "the toll among demonstrators is now nearly 40",
            # "the toll is now 12 people"
            if child.like_num:
                yield child
            else:
                yield from (c for c in child.children if c.dep_ == "nummod" and c.like_num)


def _count_noun(outcome: Any) -> Any | None:
    """ "number" of "the number of people killed" or "the number of dead": the noun that
    counts the outcome's victims, else None."""
    word = outcome.head if outcome.dep_ in ("acl", "amod", "relcl") else outcome
    if outcome.lower_ in ("life", "lives") and outcome.head.dep_ == "relcl":
        word = outcome.head.head  # "the number of its soldiers who lost their lives"
    if word.lemma_.lower() in COUNT_NOUNS and word is not outcome:
        return word  # "put the number of its members killed at seven", hung on "number"
    of = word.head if word.dep_ == "pobj" else None
    if of is None or of.lower_ != "of" or of.head.lemma_.lower() not in COUNT_NOUNS:
        return None
    return of.head


def _counted_right_after(verb: Any) -> Any | None:
    """The noun a number right after `verb` counts, a hedge of claims.yaml ("at least",
    "more than") between, or None."""
    doc = verb.doc
    i = verb.i + 1
    following = " ".join(t.lower_ for t in doc[i : i + 5]) + " "
    for phrase, _ in claim_lexicon().hedges:  # longest first
        if following.startswith(phrase + " "):
            i += len(phrase.split())
            break
    if i >= len(doc) or not doc[i].like_num or doc[i].ent_type_ in ("DATE", "TIME"):
        return None
    number = doc[i]
    head = number.head
    if number.dep_ == "nummod" and head.pos_ in ("NOUN", "PROPN") and 0 < head.i - i <= 3:
        return head
    return None


def _elided_passive(outcome: Any, subject: Any, objects: list[Any]) -> bool:
    """ "killed and 12 wounded", "27 injured", "3 crew hurt", "31 people missing": an
    outcome verb with no object whose subject is counted is a passive with its "were"
    left out; the subject are the victims (never "gunmen killed": no count)."""
    if objects or outcome.pos_ != "VERB":
        return False
    counted = _is_number(subject) or any(
        c.dep_ == "nummod" and _is_number(c) for c in subject.children
    )
    return counted


def _conjuncts(head: Any) -> list[Any]:
    """ "two men, three women and four children": every noun of the list."""
    found = []
    for child in head.children:
        if child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN", "NUM"):
            found += [child, *_conjuncts(child)]
    return found


def _included(head: Any) -> list[Any]:
    """Breakdown nouns: "nine nationals, including two men, three women and four children"."""
    found = []
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in ("including", "among"):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    # "..., and more than 130,000 people evacuated": a conjunct with a
                    # clause of its own is another fact, not part of the breakdown.
                    parts = [pobj, *_conjuncts(pobj)]
                    found += [p for p in parts if not _clause_of_its_own(p)]
    return found


def _clause_of_its_own(noun: Any) -> bool:
    """ "..., and more than 130,000 people evacuated", "six killed, nine who surrendered":
    a noun of a list with a clause of its own, on no outcome word, counts another fact."""
    return any(c.dep_ in ("acl", "relcl") and not outcome_of(c) for c in noun.children)


def _figure(noun: Any) -> Figure | None:
    lexicon = claim_lexicon()
    number = noun if _is_number(noun) else None
    if number is None:
        numbers = [
            c for c in noun.children
            if (c.dep_ in ("nummod", "quantmod") and _is_number(c))
            # spaCy sometimes tags a sentence-initial "Eleven" as an adjective or a name
            or (c.dep_ in ("amod", "compound") and c.is_alpha and c.i < noun.i
                and _number_value(c) is not None)
        ]  # fmt: skip
        number = numbers[0] if numbers else None
    edge = noun.left_edge
    if (
        number is None
        and edge.i < noun.i
        and edge.dep_ in ("compound", "nummod", "amod", "nmod")
        and (_is_number(edge) or (edge.is_alpha and _number_value(edge) is not None))
        and noun in edge.ancestors
    ):
        # "Twenty Indian Army personnel": the parser hung the number on the name inside
        # the phrase, not on its head.
        number = edge
    if number is None and noun.left_edge.i > 0:
        # "said on Friday 14 people have been killed": spaCy reads "Friday 14" as a
        # date and hangs 14 on it; the figure still stands right before the noun.
        before = noun.doc[noun.left_edge.i - 1]
        if _is_number(before) and before.head != noun and noun.pos_ in ("NOUN", "PROPN"):
            number = before
    lemma = noun.lemma_.lower()
    if lemma in lexicon.not_victims or AGE.search(noun.text):
        return None
    if number is not None and _part_of_a_date(number, noun):
        return None
    if any(c.lower_ in NEGATIONS for c in (number or noun).children if c.dep_ == "det"):
        return None  # "no one was hurt": nobody is counted
    if number is None:
        # "dozens of people", "about a dozen wounded"; or a quantity on the noun, "a
        # dozen soldiers".
        quantity = next(
            (c for c in noun.children if c.dep_ == "nummod" and _vague_key(c) in lexicon.vague),
            noun,
        )
        vague = lexicon.vague.get(_vague_key(quantity))
        counted = [
            o for p in quantity.children if p.dep_ == "prep" and p.lower_ == "of"
            for o in p.children if o.dep_ == "pobj"
        ]  # fmt: skip
        if any(o.lemma_.lower() in lexicon.not_victims for o in counted):
            return None  # "dozens of families": households, not people
        if vague:
            low, high, qualifier = vague
            first, times = _vague_multiplier(quantity)
            low, high = low * times, high * times if high is not None else None
            victims = _victims(noun, None)
            return Figure(low, high, qualifier, victims, _group(noun), noun,
                          _span(first, quantity), vague=True)  # fmt: skip
        dets = [c for c in noun.children if c.dep_ in ("det", "nummod")]
        singular = [d for d in dets if d.lower_ in SINGULAR_DETERMINERS]
        if singular and noun.tag_ in ("NN", "NNP") and _group(noun) != "unknown":
            # "a child was killed", "A 7-year-old girl was critically injured"
            figure_span = _span(singular[0], singular[0])
            return Figure(1, 1, "exact", _victims(noun, None), _group(noun), noun, figure_span)
        return None
    if AGE.search(number.text):
        return None
    value = _number_value(number)
    doc = number.doc
    if _tens_before(number) and value is not None and value < 10:
        # spaCy splits "Twenty-nine" into Twenty / - / nine
        number = doc[number.i - 2]
        value = (_number_value(number) or 0) + value
    if value is None:
        return None
    low, high, qualifier, first, last = _hedged(number, value)
    victims_noun = noun if noun != number else None
    figure_span = _span(doc[first], doc[last])
    return Figure(
        low, high, qualifier, _victims(victims_noun, number), _group(noun), number, figure_span
    )


NEGATIONS = frozenset({"no"})


def _tens_before(number: Any) -> bool:
    """Whether a tens word and a hyphen stand right before the number, unspaced:
    "Twenty-nine"; not "February 19, 2024 - Five members" (a dateline's year)."""
    doc = number.doc
    if number.i < 2 or doc[number.i - 1].text != "-":
        return False
    tens, hyphen = doc[number.i - 2], doc[number.i - 1]
    value = _number_value(tens)
    return (
        tens.is_alpha and value is not None and 20 <= value <= 90 and value % 10 == 0
        and not tens.whitespace_ and not hyphen.whitespace_
    )  # fmt: skip


def _part_of_a_date(number: Any, noun: Any) -> bool:
    """ "July 31, 2024: Haniyeh killed", "on Tuesday morning, 12 March", "the 2015
    Garissa attack": the day or the year of a date, which the parse may hang on a noun
    like a count. ("said on Friday 14 people were killed" keeps its 14: the noun counted
    there is no date.)"""
    if number.ent_type_ not in ("DATE", "TIME"):
        return False
    # A number alone may read as a date too ("the toll was between 25 and 30"): only one
    # on a date's noun ("July 31", "morning, 12 March") or a year is a date's.
    on_a_date = noun != number and noun.ent_type_ in ("DATE", "TIME")
    return on_a_date or noun.lower_.rstrip(".") in MONTHS or bool(YEAR.fullmatch(number.text))


def _vague_key(word: Any) -> str:
    """The word as claims.yaml `vague` lists it: "a dozen" with its article."""
    article = any(c.lower_ in ("a", "an") for c in word.children if c.i < word.i)
    return f"a {word.lower_}" if article else word.lower_


def _vague_multiplier(noun: Any) -> tuple[Any, int]:
    """ "tens of thousands": the word that multiplies a vague quantity, and by how much;
    else the quantity itself, once. Read from the words before it, however the parse
    hangs "of thousands"."""
    doc = noun.doc
    if noun.i >= 2 and doc[noun.i - 1].lower_ == "of":
        times = claim_lexicon().vague_multipliers.get(doc[noun.i - 2].lower_)
        if times:
            return doc[noun.i - 2], times
    return noun, 1


def _span(first: Any, last: Any) -> Span:
    return first.idx, last.idx + len(last.text)


def _is_number(token: Any) -> bool:
    return (token.like_num or token.pos_ == "NUM") and not AGE.search(token.text)


def _number_value(token: Any) -> int | None:
    text = token.text.lower().replace(",", "")
    if text.isdigit():
        return int(text)
    words = claim_lexicon().numbers
    parts = re.split(r"[-\s]", text)
    if parts and all(p in words for p in parts):
        return sum(words[p] for p in parts)
    return None


def _hedged(number: Any, value: int) -> tuple[int, int | None, str, int, int]:
    """count_min, count_max and qualifier from the words around the figure, and the
    first and last token of the figure as written ("at least 14", "three or four")."""
    doc = number.doc
    i = number.i
    last = i + 1 if i + 1 < len(doc) and doc[i + 1].text == "-" else i  # "Twenty-nine"
    while last + 1 < len(doc) and doc[last].text == "-":
        last += 1
    before = " ".join(t.lower_ for t in doc[max(0, i - 4) : i])
    after = " ".join(t.lower_ for t in doc[last + 1 : last + 3])
    # Ranges: "three or four", "10 to 12", "between 10 and 12".
    nxt = doc[last + 1 : last + 3]
    if len(nxt) == 2 and nxt[0].lower_ in ("or", "to", "and") and _is_number(nxt[1]):
        other = _number_value(nxt[1])
        if other is not None and other > value:
            first = i - 1 if i > 0 and doc[i - 1].lower_ == "between" else i
            return value, other, "range", first, nxt[1].i
    if i >= 2 and doc[i - 1].lower_ in ("or", "to", "and") and _is_number(doc[i - 2]):
        # "eight to 12 civilians": the parse may count the noun by the range's bound.
        low = _number_value(doc[i - 2])
        if low is not None and low < value:
            first = i - 3 if i >= 3 and doc[i - 3].lower_ == "between" else i - 2
            return low, value, "range", first, last
    if after.startswith("or more"):
        return value, None, "at_least", i, last + 2
    for phrase, qualifier in claim_lexicon().hedges:
        if before.endswith(phrase):
            first = i - len(phrase.split())
            if qualifier == "at_least":
                return value, None, "at_least", first, last
            if qualifier == "at_most":
                return 0, value, "at_most", first, last
            return value, value, "approx", first, last
    return value, value, "exact", i, last


def _victims(noun: Any, number: Any | None) -> Span | None:
    """The victims phrase as written, from after the figure to the noun ("innocent
    children" in "two innocent children")."""
    if noun is None:
        return None
    words = [t for t in noun.subtree if t.i <= noun.i and t.dep_ not in ("det", "punct")]
    words = [t for t in words if (number is None or t.i > number.i) and not _is_number(t)]
    # The words of a range ("between 20 and 25 soldiers") hang on its numbers.
    words = [t for t in words if t.head == noun or t == noun or not _is_number(t.head)]
    words = [t for t in words if t.text != "-" and t.i >= noun.left_edge.i]
    first = min(words, key=lambda t: t.i) if words else noun
    return _span(first, noun)


def _group(noun: Any) -> str:
    lexicon = claim_lexicon()
    words = [noun.lemma_.lower(), noun.lower_] + [
        c.lower_ for c in noun.children if c.dep_ in ("amod", "compound")
    ]
    groups = [lexicon.victim_group_of[w] for w in words if w in lexicon.victim_group_of]
    return groups[0] if groups else "unknown"


def _claimant(
    outcome: Any,
    sent: Any,
    index: EntityIndex,
    previous_person: str | None,
    previous_speaker: tuple[str | None, Span] | None = None,
    referents: "Referents | None" = None,
) -> tuple[str | None, Span | None, str]:
    """(entity_id, where the claimant is named, stance) of whoever asserts the figure."""
    lexicon = claim_lexicon()
    own = outcome.head if outcome.lower_ in ("life", "lives") else None  # "claimed the lives"
    parenthetical = [
        c for c in outcome.children if c.dep_ in ("parataxis", "ccomp", "advcl")
        and not _apart(c, lexicon.apart_clause_marks)
    ]  # fmt: skip
    if outcome.dep_ == "conj" and outcome.head.pos_ == "VERB":
        # "killed 11 civilians ... and wounded 20 others ..., residents said": the
        # attribution hangs on the first verb.
        parenthetical += [
            c for c in outcome.head.children if c.dep_ in ("parataxis", "ccomp", "advcl")
        ]
    # "Four soldiers were killed and six others wounded when ..., the spokesman said":
    # an attribution at the end of the sentence that the parser hung on the verb
    # coordinated after the figure's attributes both.
    parenthetical += [
        c for conj in outcome.children if conj.dep_ == "conj" and conj.pos_ == "VERB"
        for c in conj.children if c.dep_ in ("parataxis", "ccomp") and c.i > conj.i
    ]  # fmt: skip
    # Nested attributions ("Witnesses said ... , the Iranian news agency reported")
    # go to the first speaker the article names; else to the nearest speaker.
    found: list[tuple[str | None, Span, str]] = []
    # "X stormed ..., killing 20, a rights group said, as ...": an aside on a clause
    # above the figure attributes it too.
    asides = [c for a in outcome.ancestors for c in a.children if c.dep_ == "parataxis"]
    # "... left at least 67 people dead, while 19 others were wounded, the head of the WHO
    # said": an attribution after a comma that the parser coordinated with the clause of
    # the figure, or hung on the main verb as a clause of its own ("... gunned down 23 men,
    # ..., before torching 35 trucks, Assistant Commissioner Najeebullah Kakar told
    # Reuters"); not one an "and" joins: "killed five and said ..." tells two acts.
    asides += [
        c for a in [outcome, *outcome.ancestors] for c in a.children
        if c.dep_ in ("conj", "advcl") and c.pos_ == "VERB" and c.i > outcome.i
        and _after_a_comma(c) and (c.dep_ == "conj" or _ends_its_sentence(c))
        and not _apart(c, lexicon.apart_clause_marks)
    ]  # fmt: skip
    for verb in [*parenthetical, *_own_ancestors(outcome, lexicon.apart_clause_marks), *asides]:
        lemma = verb.lemma_.lower()
        # "revised the figure to 88 dead", "put it at 12 dead": the figure after "to" or
        # "at" is the verb's object as much as "raised the death toll".
        objected = outcome.head == verb or (
            outcome.dep_ == "pobj" and outcome.head.lower_ in ("to", "at")
            and outcome.head.head == verb
        )  # fmt: skip
        by_object = lemma in lexicon.object_attribution_verbs and objected
        if (lemma not in lexicon.attribution_verbs and not by_object) or verb == own:
            continue
        if any(c.dep_ == "xcomp" and c.lemma_ == "be" for c in verb.children):
            continue  # "nationals, said to be Pakistanis": hearsay about the victims
        subject = _subject_of(verb, climb=verb not in parenthetical)
        if subject is not None and subject.dep_ == "nsubjpass" and subject.head == verb:
            continue  # "eight people were reported missing": what is reported, not who
        if subject is not None and subject.lemma_.lower() in lexicon.count_nouns:
            continue  # "The toll, initially put at four, rose": what is put, not who
        stance = (
            "denied" if lemma in lexicon.denying_verbs
            else "disputed" if lemma in lexicon.disputing_verbs
            else "asserted"
        )  # fmt: skip
        if subject is not None:
            entity, where = _resolve(subject, index, previous_person, referents)
            said_here = subject.lower_ == "it" and _governing_subject(subject) is not None
            if _it(subject) and not said_here and previous_speaker and previous_speaker[0]:
                speaker = index.by_id.get(previous_speaker[0])
                if speaker is not None and speaker.type in BODIES:
                    # "The Israeli military said ... It said": the body that spoke last.
                    entity = speaker.entity_id
            found.append((entity, where, stance))
    if found:
        named = [f for f in found if f[0] is not None]
        return (named or found)[0]
    maker = _count_made_by(outcome, sent)
    if maker is not None:
        entity, where = _resolve(maker, index, previous_person, referents)
        return entity, where, "asserted"
    speakers = _speakers_read_as_victims(outcome)
    if speakers:  # "killed 12 civilians, witnesses and a health worker told AFP"
        entity, where = _resolve(speakers[0], index, previous_person, referents)
        return entity, where, "asserted"
    for token in sent:  # "according to local activists"
        if token.lower_ == "according" and token.i + 1 < len(token.doc):
            to = token.doc[token.i + 1]
            pobj = [c for c in to.children if c.dep_ == "pobj"] or [
                c for c in token.children if c.dep_ == "pobj"
            ]
            if pobj:
                entity, where = _resolve(_source_of_count(pobj[0]), index, previous_person)
                return entity, where, "asserted"
    if sent.text.lstrip()[:1] in ("“", '"') and previous_speaker is not None:
        # A quotation with no attribution of its own continues the speaker just
        # introduced ("... Ambassador to Iran condemned ... “Deeply shocked by
        # horrifying killing of 9 Pakistanis”", dev 12_arynews).
        return (*previous_speaker, "asserted")
    return None, None, "asserted"


def _own_ancestors(outcome: Any, marks: frozenset[str]) -> list[Any]:
    """The words the figure's clause hangs under, up to the first clause a conjunction
    sets apart once a speaker of its own is told in it: in "the military said six
    soldiers were killed, while the rebels said they had killed at least nine", the
    nine are the rebels' alone."""
    ancestors = []
    attributed = False  # a speaker already told inside the clause
    for ancestor in outcome.ancestors:
        ancestors.append(ancestor)
        attributed |= ancestor.lemma_.lower() in claim_lexicon().attribution_verbs
        if attributed and _apart(ancestor, marks):
            break  # not "officials said seven died, while 15 injured were treated"
    return ancestors


def _apart(clause: Any, marks: frozenset[str]) -> bool:
    """ "while the CENIDH puts the figure at about 300": a clause a conjunction opens
    (claims.yaml apart_clause_marks) is its own speaker's, no attribution of the figure
    of the clause it hangs on."""
    return any(m.dep_ == "mark" and m.lower_ in marks for m in clause.children)


RELATIVES = frozenset({"which", "who", "whom", "that"})


def _names_a_time(dates: list[Any]) -> bool:
    """Whether any of the date phrases names a year or a month ("in 2019", "in March"):
    a time of its own, where "over the same period" goes on with the one told."""
    return any(
        YEAR.search(d.text) or any(w.lower().strip(".,") in MONTHS for w in d.text.split())
        for d in dates
    )


def _same_paragraph(before: Any, sent: Any, text: str) -> bool:
    """Whether `sent` follows `before` right after it, in the same paragraph."""
    # The sentence before keeps the blank line after it: no line break from its start.
    return (
        before.start_char < sent.start_char
        and "\n" not in text[before.start_char : sent.start_char]
    )


def _ends_its_sentence(verb: Any) -> bool:
    """Whether nothing after the verb but its objects and phrases ends the sentence: no
    other verb ("..., the official told Reuters.")."""
    return not any(t.pos_ in ("VERB", "AUX") for t in verb.doc[verb.i + 1 : verb.sent.end])


def _after_a_comma(verb: Any) -> bool:
    """Whether the clause of `verb` opens after a comma, with no "and" or "but" before it."""
    start = verb.left_edge.i
    return start > 0 and verb.doc[start - 1].text == ","


def _goes_on_reporting(sent: Any) -> bool:
    """Whether the sentence before, in the same paragraph, is someone's report: its main
    verb one of saying whose subject is the speaker ("He said the miners, all migrant
    workers, were shot dead.")."""
    doc = sent.doc
    if sent.start == 0:
        return False
    before = doc[sent.start - 1].sent
    if any("\n" in t.text_with_ws for t in doc[before.end - 1 : sent.start]):
        return False  # a new paragraph
    root = before.root
    return root.lemma_.lower() in claim_lexicon().attribution_verbs and any(
        c.dep_ == "nsubj" for c in root.children
    )


def _source_of_count(noun: Any) -> Any:
    """ "according to figures from state prosecutors", "data by the UN": whoever the
    figures come from (knowledge/claims.yaml count_nouns), else the noun itself, which
    may name its maker ("an AFP tally of official Israeli figures" is AFP's)."""
    if noun.lemma_.lower() not in claim_lexicon().count_nouns or any(
        c.dep_ in ("compound", "poss") for c in noun.children
    ):
        return noun
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("from", "by")):
        source = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if source is not None:
            return source
    return _agent_of_count(noun) or noun


def _agent_of_count(noun: Any) -> Any | None:
    """Who made the count, named by a participle on it: "the toll announced by the
    authorities", "a tally released by the health ministry"."""
    for participle in (c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"):
        for agent in (c for c in participle.children if c.dep_ == "agent"):
            source = next((c for c in agent.children if c.dep_ == "pobj"), None)
            if source is not None:
                return source
    return None


def _count_made_by(outcome: Any, sent: Any) -> Any | None:
    """The maker of a count the figure's sentence gives it in, when no one is said to
    state it: "The initial toll announced by the authorities on 4 October was at least
    70 dead", "A toll released by the ministry put the dead at 14"."""
    count_nouns = claim_lexicon().count_nouns
    verb = clause_verb(outcome)
    for noun in sent:
        counted = noun.lemma_.lower() in count_nouns and noun.dep_ in ("nsubj", "nsubjpass")
        if counted and (noun.head == verb or noun.head in outcome.ancestors):
            return _agent_of_count(noun)
    return None


def _speaker(
    sent: Any, index: EntityIndex, previous_person: str | None
) -> tuple[str | None, Span] | None:
    """Who speaks in a sentence: the named subject of its main verb, if any."""
    subject = _subject_of(sent.root, climb=False)
    if subject is None:
        return None
    entity, text = _resolve(subject, index, previous_person)
    return (entity, text) if entity else None


def _subject_of(verb: Any, *, climb: bool = True) -> Any | None:
    """The subject of an attribution verb; for "..., asserting that ..." the subject
    of the verb it hangs on; for "Islamabad, which said" the antecedent."""
    current = verb
    tail = _trailing_speaker(verb)
    for _ in range(3):
        subjects = [c for c in current.children if c.dep_ in ("nsubj", "nsubjpass")]
        named = [c for c in subjects if c.lower_ not in RELATIVES]
        if tail is not None and (not named or named[0].i < tail.left_edge.i):
            return tail
        if named:
            # "which Pakistan said": Pakistan; "the Syrian Observatory for Human Rights, a war
            # monitor based in Britain, said": the name before the description.
            return _name_before_description(named[0]) or _name_after_description(named) or named[0]
        if subjects and current.dep_ == "relcl":
            if current.head.pos_ == "PROPN":
                return current.head
            return _name_before_relative(subjects[0])
        inverted = _inverted_subject(current)
        if inverted is not None:
            return inverted
        if climb and current.dep_ in ("advcl", "conj", "xcomp") and current.head is not current:
            current = current.head
        else:
            return None
    return None


def _name_before_relative(relative: Any) -> Any | None:
    """ "... by the Group for the Support of Islam and Muslims (JNIM), which claims to
    have killed ...": the name right before the comma that opens the relative clause,
    which the parser hung on another noun (its short form in brackets stands for it)."""
    doc, i = relative.doc, relative.i - 1
    if i < 1 or doc[i].text != ",":
        return None
    i -= 1
    if doc[i].text == ")" and i >= 1:
        i -= 1
    return doc[i] if doc[i].pos_ == "PROPN" else None


def _name_after_description(subjects: list[Any]) -> Any | None:
    """ "The rights group Hengaw said": the parser makes both the description and the
    name right after it subjects of the verb; the name is the speaker."""
    if len(subjects) < 2 or subjects[0].pos_ == "PROPN":
        return None
    name = subjects[1]
    if name.pos_ == "PROPN" and name.left_edge.i == subjects[0].i + 1:
        return name
    return None


def _trailing_speaker(verb: Any) -> Any | None:
    """ "..., killing one crew member, the U.N. mission in South Sudan said.": the noun
    phrase between the last comma and a sentence-final attribution verb is its speaker,
    however the parser hung it (often as an apposition of the figure before it)."""
    doc = verb.doc
    rest = doc[verb.i + 1 : verb.sent.end]
    stop = next((t.i for t in rest if t.text in (",", ";")), verb.sent.end)
    if any(t.pos_ in ("VERB", "AUX") for t in doc[verb.i + 1 : stop]):
        return None  # not the end of its clause ("said on Tuesday, as ..." is fine)
    # The three commas nearest the verb at most: the apposition's two and the one before.
    commas = list(
        itertools.islice((t for t in reversed(doc[verb.sent.start : verb.i]) if t.text == ","), 3)
    )
    if not commas:
        return None
    if verb.i - commas[0].i >= 2:
        words = doc[commas[0].i + 1 : verb.i]
        if any(t.pos_ in ("VERB", "AUX") or t.lower_ in RELATIVES for t in words):
            return None
        heads = _heads(words)
        # Not "there" of "a medical source there said" (the parser's expletive or adverb).
        nouns = [t for t in heads if t.pos_ in ("NOUN", "PROPN", "PRON") and t.dep_ != "expl"]
        return nouns[0] if len(nouns) == 1 else None
    # The comma closes an apposition. The name in it is the speaker: "..., the head of the
    # regional administration, Oleh Syniehubov, said"; after a description, the name the
    # description is of: "..., the Syrian Observatory for Human Rights, a war monitor
    # based in Britain, said" and "Ali Khan, a police spokesman, said".
    for later, earlier in list(itertools.pairwise(commas))[:2]:
        words = doc[earlier.i + 1 : later.i]
        heads = _heads(words)
        if len(heads) != 1 or any(t.lower_ in RELATIVES for t in words):
            return None
        if heads[0].pos_ == "PROPN" and not any(t.pos_ in ("VERB", "AUX") for t in words):
            return heads[0]
        if heads[0].pos_ != "NOUN" or any(
            t.pos_ in ("VERB", "AUX") and t.dep_ not in ("acl", "amod") for t in words
        ):
            return None
    return None


def _name_before_description(subject: Any) -> Any | None:
    """The name a common-noun subject describes in apposition, where the parser hung the
    name elsewhere: "the Syrian Observatory for Human Rights, a war monitor based in
    Britain, said" (the name, between the commas before the description, is a proper
    noun phrase with no verb of its own). None otherwise."""
    if subject.pos_ != "NOUN":
        return None
    doc = subject.doc
    comma = subject.left_edge.i - 1
    if comma < 1 or doc[comma].text != ",":
        return None
    start = comma - 1
    while start > 0 and not doc[start].is_sent_start and doc[start - 1].text not in (",", ";", ":"):
        start -= 1
    words = doc[start:comma]
    heads = _heads(words)
    if len(heads) != 1 or heads[0].pos_ != "PROPN":
        return None
    if any(t.pos_ in ("VERB", "AUX") for t in words) or words[0].pos_ == "ADP":
        return None  # a clause, or a place phrase ("In Gaza, a spokesman said")
    return heads[0]


def _heads(words: Any) -> list[Any]:
    """The words of a span whose heads lie outside it, punctuation aside."""
    return [t for t in words if not (words.start <= t.head.i < words.end) and not t.is_punct]


def _inverted_subject(verb: Any) -> Any | None:
    """ "Twenty-nine persons were injured ..., reported AFP" (dev 02_poonch): after
    the reported clause, spaCy reads the speaker as the verb's object."""
    clause_before = any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children)
    after = [c for c in verb.children if c.dep_ in ("dobj", "obj") and c.i > verb.i]
    return after[0] if clause_before and after else None


def _resolve(
    phrase: Any,
    index: EntityIndex,
    previous_person: str | None,
    referents: "Referents | None" = None,
) -> tuple[str | None, Span]:
    """The entity a claimant phrase names, and the phrase as written. A pronoun stands
    for the referent the sentences before left (`referents`), named or not ("a security
    official ... He said"), else for the person or body named last."""
    tokens = [t for t in phrase.subtree if not _inside_prep(t, phrase)]
    if phrase.lower_ in PRONOUNS and len(tokens) == 1:
        person = phrase.lower_ in ("he", "she")
        governing = _governing_subject(phrase)
        if governing is not None and phrase.lower_ != "they":
            # "the prosecutor's office said on Sunday, when it reported seven dead": the
            # clause's "it" is the subject of the sentence it hangs in.
            named, _ = _resolve(governing, index, previous_person)
            wanted = "person" if person else "body"
            if named is not None and _referent_kind(governing, named, index) == wanted:
                return named, _span(phrase, phrase)
        referent = referents.last(person) if referents else None
        if person and referent and _named_since(previous_person, referent[1], phrase, index):
            referent = None  # "A police official said ... Commissioner Umrani ... He said"
        if referent and phrase.lower_ != "they":
            named, where = referent
            return named, where if named is None else _span(phrase, phrase)
        if person:
            return previous_person, _span(phrase, phrase)
        # "It said ...": the organization or group named last.
        return _last_body(phrase, index), _span(phrase, phrase)
    if referents is not None and _the_document(phrase):
        # "..., the statement said": the word of whoever issued the statement told before.
        issuer = referents.issuer(phrase.lemma_.lower())
        if issuer is not None:
            named, where = issuer
            return named, where if named is None else noun_phrase(phrase)
    if referents is not None and _bare(phrase, claim_lexicon().speaker_anaphora):
        # "The Sudan Doctors Network blamed ... More than 40 were wounded, the group said."
        body = referents.last_body_since(_sentences_back(phrase, 2))
        if body is not None:
            named, where = body
            return named, where if named is None else noun_phrase(phrase)
    if any(c.dep_ == "poss" and c.lower_ == "its" for c in phrase.children):
        # "Its spokesman said": the spokesman speaks for the body named last.
        return _last_body(phrase, index), noun_phrase(phrase)
    name = _name_in_apposition(phrase)
    if name is not None:
        # "the acting governor of the region, Alexei Smirnov, said", "according to the
        # monitoring group Deep South Watch": the name says who, not the words that
        # describe them (nor a place named in those words).
        in_apposition = index.head_entity(name, list(name.subtree))
        if in_apposition is None or in_apposition.type in BODIES | {"PERSON"}:
            return (in_apposition.entity_id if in_apposition else None), noun_phrase(name)
    # The bracketed name is the most specific ("the U.N. mission in South Sudan (UNMISS)").
    entity = _named_aside(phrase, index) or _named_as(phrase, index)
    # "the NPA's Eastern Visayas regional command", "Hamas's armed wing": a part of a
    # body speaks for it (not the place in the part's name).
    entity = entity or _possessor_body(phrase, index)
    entity = entity or index.head_entity(phrase, tokens)
    entity = entity or _body_of_role(phrase, index) or index.referred_to([phrase])
    entity = entity or _named_after_comma(phrase, index)
    if entity is None and (fuller := _described_before(phrase)) is not None:
        # "the official said" after "a Pakistani security official told AFP": as for a
        # pronoun, the words written here when they stand for a name, else the fuller ones.
        named, where = _resolve(fuller, index, previous_person)
        return named, where if named is None else noun_phrase(phrase)
    if entity is None and (later := _named_later(phrase)) is not None:
        # "..., a police spokesman said." then "police spokesman Ali Warsame told ...".
        named, _ = _resolve(later, index, previous_person)
        if named is not None:
            return named, noun_phrase(phrase)
    if entity is not None and entity.type == "LOCATION":
        if phrase.lemma_.lower() in claim_lexicon().lay_people:
            return None, noun_phrase(phrase)  # "a resident of Beit Lahia" is no village
        entity = index.state_of(entity)  # "the envoy of Islamabad": Pakistan
    return (entity.entity_id if entity else None), noun_phrase(phrase)


# Clauses a pronoun's verb may hang in, below the verb whose subject it stands for.
_SUBORDINATE = frozenset({"advcl", "ccomp", "xcomp", "relcl", "conj"})


def _governing_subject(pronoun: Any) -> Any | None:
    """The named subject of the clause a pronoun's own clause hangs in, written before
    it: "the office said on Sunday, when it reported ...", "the army said it had
    killed ...". None for a pronoun that is the subject of its sentence's main verb."""
    verb = pronoun.head
    while verb.dep_ in _SUBORDINATE and verb.head is not verb:
        verb = verb.head
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects and subjects[0].i < pronoun.i:
            return subjects[0] if subjects[0].pos_ != "PRON" else None
    return None


BODIES = frozenset({"ORGANIZATION", "ARMED_GROUP"})


def _possessor_body(phrase: Any, index: EntityIndex) -> Any | None:
    """The body a common noun's possessive names ("the NPA's regional command"), or
    None."""
    if phrase.pos_ != "NOUN":
        return None
    for owner in (c for c in phrase.children if c.dep_ == "poss" and c.pos_ == "PROPN"):
        entity = index.head_entity(owner, list(owner.subtree))
        if entity is not None and entity.type in BODIES:
            return entity
    return None


# How far (in tokens) "the official" looks back, and "a police spokesman" ahead, for the
# phrase that says who they are.
_REFERENCE_WITHIN = 300


def _described_before(phrase: Any) -> Any | None:
    """The fuller phrase a bare "the <noun>" refers back to, in the sentences before:
    "a Pakistani security official told AFP ... the official said", "the city's
    Emergency Medicine Centre says ... the centre said", "CISC, a rights group, ... The
    group said" (an apposition stands for the name it describes), "The source, who asked
    not to be named, put the toll at 41" (a clause about it adds no words of its own),
    "Interior Minister Ana Ruiz said ... the minister said" (the title's name). None when
    the noun has words of its own or nothing before describes it."""
    children = [c for c in phrase.children if c.dep_ not in ("relcl", "punct")]
    if phrase.tag_ != "NN" or [c.lower_ for c in children] != ["the"]:
        return None
    lemma, doc = phrase.lemma_.lower(), phrase.doc
    for token in reversed(doc[max(0, phrase.sent.start - _REFERENCE_WITHIN) : phrase.sent.start]):
        if token.lemma_.lower() != lemma or token.pos_ not in ("NOUN", "PROPN"):
            continue
        described = token.pos_ == "PROPN" or any(
            c.dep_ in ("compound", "amod", "poss", "nmod") for c in token.children
        )
        if described:
            if token.dep_ == "appos" or (token.dep_ == "compound" and token.head.pos_ == "PROPN"):
                # "the Observatory, a rights group": the name; "Interior Minister
                # Víctor Rojas said ... The minister said": the name the title stands before.
                return token.head
            return _name_before(token) or token
    return None


def _named_later(phrase: Any) -> Any | None:
    """The person a lede's unnamed "a police spokesman" turns out to be, named with the
    same role in the sentences after it ("police spokesman Ali Warsame told reporters",
    "Ali Warsame, a police spokesman"): the name's head token, or None. The role's own
    words ("police") must stand with it there: "an army spokesman" is not the police's."""
    if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in phrase.children):
        return None
    if phrase.lemma_.lower() not in claim_lexicon().speaker_roles:
        return None
    words = {c.lower_ for c in phrase.children if c.dep_ in ("compound", "amod")}
    doc, lemma = phrase.doc, phrase.lemma_.lower()
    for token in doc[phrase.sent.end : phrase.sent.end + _REFERENCE_WITHIN]:
        if token.lemma_.lower() != lemma or token.dep_ not in ("compound", "appos"):
            continue
        name = token.head
        if name.ent_type_ != "PERSON":
            continue
        near = {t.lower_ for t in doc[max(0, token.i - 3) : token.i]}
        near |= {c.lower_ for c in token.children if c.dep_ in ("compound", "amod")}
        if words <= near:
            return name
    return None


def _name_before(token: Any) -> Any | None:
    """The name a description stands beside as an apposition the parse missed: "the
    Observatory for Peace (OFP), a Malian rights group": Peace."""
    doc, i = token.doc, token.left_edge.i - 1
    if i < 1 or doc[i].text != "," or token.dep_ in ("nsubj", "nsubjpass"):
        return None  # "late Monday, a security official told AFP": a subject, no aside
    i -= 1
    if doc[i].text == ")":  # past the bracketed short name
        while i > 0 and doc[i].text != "(":
            i -= 1
        i -= 1
    named = i >= 0 and doc[i].pos_ == "PROPN" and doc[i].ent_type_ not in ("DATE", "TIME")
    return doc[i] if named else None


def _bare(phrase: Any, lemmas: frozenset[str]) -> bool:
    """ "the group": one of these nouns with "the" and no words of its own."""
    children = [c for c in phrase.children if c.dep_ not in ("relcl", "punct")]
    return (
        phrase.lemma_.lower() in lemmas
        and phrase.tag_ == "NN"
        and [c.lower_ for c in children] == ["the"]
    )


def _sentences_back(phrase: Any, count: int) -> int:
    """Where the sentence `count` sentences before the phrase's starts (characters)."""
    sent = phrase.sent
    for _ in range(count):
        if sent.start == 0:
            break
        sent = phrase.doc[sent.start - 1].sent
    return int(sent.start_char)


def _the_document(phrase: Any) -> bool:
    """ "the statement", "this communique": a document told before, with no issuer of its
    own ("the army's statement" and "the statement of the ministry" name theirs)."""
    return (
        phrase.lemma_.lower() in claim_lexicon().document_nouns
        and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in phrase.children)
        and not any(c.dep_ in ("poss", "prep", "compound", "amod") for c in phrase.children)
    )


class Quoters:
    """Who introduced each quotation of an article (quotations.py): the speaker of the
    sentence the quotation opens in ("Buba said: "..."), else, when that one names
    nobody ("The statement read in part: "..."), of the sentence before it. Worked out
    when a figure inside a quotation asks."""

    def __init__(self, doc: Any, index: EntityIndex) -> None:
        self.doc, self.index = doc, index
        self._spans: list[tuple[int, int]] | None = None
        self._speakers: dict[int, tuple[str | None, Span] | None] = {}

    def of(self, position: int) -> tuple[str | None, Span] | None:
        if self._spans is None:
            self._spans = quotations(self.doc.text)
        quoted = quotation_at(self._spans, position)
        if quoted is None:
            return None
        start = quoted[0]
        if start not in self._speakers:
            self._speakers[start] = self._introducer(start)
        return self._speakers[start]

    def _introducer(self, start: int) -> tuple[str | None, Span] | None:
        opening = self.doc.char_span(start, start + 1, alignment_mode="expand")
        if opening is None:
            return None
        sent = opening[0].sent
        candidates = [sent] + ([self.doc[sent.start - 1].sent] if sent.start > 0 else [])
        for candidate in candidates:
            speaker = _speaker(candidate, self.index, None)
            if speaker is not None and speaker[1][0] < start:  # not a word of the quote
                return speaker
        return None


class Referents:
    """Whom "he"/"she" and "it" stand for: the last subject of a sentence's main verb
    that is a person (named, or "a security official") or a body (named, or "the
    ministry" that said something), with where it is written. Sentences only note their
    subject as they are read (`note`); a subject is resolved when a pronoun asks, since
    most sentences state no figure."""

    def __init__(self, index: EntityIndex) -> None:
        self.index = index
        self._subjects: list[Any] = []  # main-verb subjects, in reading order
        self._kinds: dict[int, tuple[str | None, tuple[str | None, Span]]] = {}

    def note(self, sent: Any) -> None:
        """Keep the subject of the sentence's main verb; a pronoun or a plural goes on
        with the referent before ("He said ..., he added")."""
        subject = _subject_of(sent.root, climb=False)
        if subject is not None and subject.pos_ != "PRON" and subject.tag_ not in ("NNS", "NNPS"):
            self._subjects.append(subject)

    def last(self, person: bool) -> tuple[str | None, Span] | None:
        """The last person (else body) noted, as (entity_id, where it is written)."""
        wanted = "person" if person else "body"
        for subject in reversed(self._subjects):
            kind, referent = self._kind(subject)
            if kind == wanted:
                return referent
        return None

    def last_body_since(self, start: int) -> tuple[str | None, Span] | None:
        """The last body (organization or armed group) noted as a subject at or after
        character `start`, as (entity_id, where it is written); a name no entity holds
        ("The Syrian Network for Human Rights accused ...") as (None, where)."""
        for subject in reversed(self._subjects):
            if subject.idx < start:
                break
            _, (entity_id, where) = self._kind(subject)
            entity = self.index.by_id.get(entity_id) if entity_id else None
            if entity is not None and entity.type in BODIES:
                return entity.entity_id, where
            if entity is None and subject.pos_ == "PROPN" and subject.ent_type_ in ("", "ORG"):
                return None, where
        return None

    def issuer(self, document: str) -> tuple[str | None, Span] | None:
        """Who issued the `document` ("statement") a later sentence quotes: the subject
        of the last sentence that tells of one ("In a statement on Monday, the army
        said ..."), as (entity_id, where it is written)."""
        documents = claim_lexicon().document_nouns
        for subject in reversed(self._subjects):
            if subject.lemma_.lower() in documents:
                continue  # "The statement added ...": no issuer named there
            if any(t.lemma_.lower() == document for t in subject.sent):
                return self._kind(subject)[1]  # whoever it is: it issued the document
        return None

    def _kind(self, subject: Any) -> tuple[str | None, tuple[str | None, Span]]:
        if subject.i not in self._kinds:
            entity_id, where = _resolve(subject, self.index, None)
            self._kinds[subject.i] = (
                _referent_kind(subject, entity_id, self.index),
                (entity_id, where),
            )
        return self._kinds[subject.i]


def _named_since(person: str | None, where: Span, pronoun: Any, index: EntityIndex) -> bool:
    """Whether `person` is named after the sentence of the referent written at `where`
    and before the pronoun. A person named in the referent's own sentence is what it
    spoke of ("Gerasimov told Putin that ... He said": Gerasimov), not who speaks next."""
    entity = index.by_id.get(person) if person else None
    if entity is None:
        return False
    written = pronoun.doc.char_span(where[0], where[1], alignment_mode="expand")
    start = written.sent.end_char if written is not None else where[1]
    return any(start <= m.start < pronoun.idx for m in entity.mentions)


def _referent_kind(subject: Any, entity_id: str | None, index: EntityIndex) -> str | None:
    """ "person", "body" or None for a main verb's subject."""
    entity = index.by_id.get(entity_id) if entity_id else None
    lexicon = claim_lexicon()
    lemma = subject.lemma_.lower()
    kind = entity.type if entity is not None else None
    # "a security official in Peshawar" is a person, whatever body or place he speaks for.
    if kind == "PERSON" or lemma in lexicon.speaker_roles or lemma in lexicon.lay_people:
        return "person"
    # What "said" something and is no person is a body: "the ministry said", "Iran said".
    speaks = subject.sent.root.lemma_.lower() in lexicon.attribution_verbs
    # "the ministry said", or a name no entity holds: "The Health Ministry said" (the
    # parser's proper noun), but not a person's name.
    unnamed_body = kind is None and (
        subject.pos_ == "NOUN" or subject.pos_ == "PROPN" and subject.ent_type_ != "PERSON"
    )
    if kind in BODIES or speaks and (kind == "COUNTRY" or unnamed_body):
        return "body"
    return None


def _it(subject: Any) -> bool:
    """ "It said", "Its spokesman said": a body referred to by pronoun."""
    return subject.lower_ == "it" or any(
        c.dep_ == "poss" and c.lower_ == "its" for c in subject.children
    )


def _last_body(pronoun: Any, index: EntityIndex) -> str | None:
    """The organization or armed group named last before the pronoun."""
    best: tuple[int, str] | None = None
    for entity in index.by_id.values():
        if entity.type not in BODIES:
            continue
        before = [m.start for m in entity.mentions if m.end <= pronoun.idx]
        if before and (best is None or max(before) > best[0]):
            best = (max(before), entity.entity_id)
    return best[1] if best else None


# Named-entity labels of names that say no speaker: places, times, amounts.
_NOT_SPEAKERS = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME", "CARDINAL", "ORDINAL",
                           "MONEY", "QUANTITY", "PERCENT", "EVENT", "NORP", "LAW"})  # fmt: skip


def _name_in_apposition(phrase: Any) -> Any | None:
    """The proper name a common noun's apposition gives ("the acting governor of
    Kursk region, Alexei Smirnov"; "the independent monitoring group Deep South Watch"):
    the name's head word, or None. Not a place's name ("the village, Kelbani")."""
    if phrase.pos_ != "NOUN":
        return None
    # The parser often hangs a person's name on the last noun of the title instead
    # ("chief of the general staff, Valery Gerasimov": on "staff").
    deeper = [t for t in phrase.subtree if t.head != phrase and t.ent_type_ == "PERSON"]
    for child in [*phrase.children, *deeper]:
        if child.dep_ != "appos" or child.pos_ != "PROPN" or child.ent_type_ in _NOT_SPEAKERS:
            continue
        if any(t.pos_ in ("VERB", "AUX") for t in child.subtree):
            continue  # a clause, not a name
        return child
    return None


def _named_aside(phrase: Any, index: EntityIndex) -> Any | None:
    """ "the U.N. mission in South Sudan (UNMISS)": the bracketed name is the phrase's."""
    doc = phrase.doc
    bracket = next((t for t in doc[phrase.i : phrase.right_edge.i + 1] if t.text == "("), None)
    if bracket is None or bracket.i + 1 >= len(doc):
        return None
    return index.entity_at(doc[bracket.i + 1])


# "the al-Qaida-linked group known as JNIM", "a militia called the Kelbani Front".
NAMING_PARTICIPLES = frozenset({"know", "call", "name", "dub"})


def _named_as(phrase: Any, index: EntityIndex) -> Any | None:
    """ "The al-Qaida-linked group known as JNIM claimed ...": the name the phrase's
    "known as", "called" or "dubbed" gives is the phrase's."""
    for child in phrase.children:
        if child.dep_ != "acl" or child.lemma_.lower() not in NAMING_PARTICIPLES:
            continue
        for word in child.subtree:
            if word.i > child.i and (entity := index.entity_at(word)) is not None:
                return entity
    return None


def _named_after_comma(phrase: Any, index: EntityIndex) -> Any | None:
    """ "according to the military's media wing, the Inter-Services Public Relations":
    the organization named right after the phrase and a comma, however the parser hung
    the name (often on the main verb). People and bodies only: "the village, Kelbani" is
    no speaker."""
    doc = phrase.doc
    after = phrase.right_edge.i + 1
    if after + 1 >= len(doc) or doc[after].text != ",":
        return None
    start = after + 2 if doc[after + 1].lower_ == "the" else after + 1
    entity = index.entity_at(doc[start]) if start < len(doc) else None
    return entity if entity is not None and entity.type in BODIES | {"PERSON"} else None


def _body_of_role(phrase: Any, index: EntityIndex) -> Any | None:
    """ "Officials at the District Headquarters Hospital", "a spokesman for the army":
    who speaks for an organization is that organization. Never a place ("a resident of
    the village" is no village)."""
    roles = claim_lexicon().speaker_roles
    if phrase.lower_ not in roles and phrase.lemma_.lower() not in roles:
        return None
    for prep in (c for c in phrase.children if c.dep_ == "prep"):
        if prep.lower_ not in ("at", "of", "for", "from", "with", "in"):
            continue
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            entity = index.head_entity(obj, list(obj.subtree))
            if entity is not None and entity.type in BODIES:
                return entity
    return None


# What ends a claimant's noun phrase: a clause or an aside about it ("the Myinmu
# People's Defense Force, which is active in ...", "the Health Ministry (GNA)").
PHRASE_ENDS = frozenset({"relcl", "acl", "appos", "advcl", "parataxis", "punct", "cc", "conj"})
ASIDE_MARKS = frozenset({"(", ",", "—", "–", ";"})


def noun_phrase(head: Any) -> Span:
    """The whole noun phrase of `head` as written, without a leading "the" and without
    what follows it as a clause or an aside: "officials in the province", "a nurse at
    the general referral hospital in Walikale town", "the regional health ministry"."""
    words = list(head.subtree)
    cut = [c.left_edge.i for c in head.children if c.i > head.i and c.dep_ in PHRASE_ENDS]
    cut += [t.i for t in words if t.i > head.i and t.text in ASIDE_MARKS]
    if cut:
        words = [t for t in words if t.i < min(cut)]
    while len(words) > 1 and (
        words[0].lower_ == "the" or words[0].is_punct or _CLOCK.fullmatch(words[0].text)
    ):
        words = words[1:]  # "09:40 - Uzbekistan's National Guard": a live blog's entry time
    while len(words) > 1 and words[-1].is_punct:
        words = words[:-1]
    # A phrase starts at a word's start: "Italian-run Emergency hospital", where a
    # broken parse hangs "Italian -" elsewhere and the subtree starts at "run".
    doc, first = head.doc, words[0].i
    while first > 0 and not doc[first - 1].whitespace_ and _joins(doc[first - 1]):
        first -= 1
    return _span(doc[first], words[-1])


_CLOCK = re.compile(r"\d{1,2}[:.]\d{2}")


def _joins(token: Any) -> bool:
    return token.text in ("-", "–") or token.is_alpha or token.like_num


def _inside_prep(token: Any, phrase: Any) -> bool:
    """ "Pakistan's Ambassador to Iran": Iran is not the claimant. The phrase's own word
    is never inside one ("according to OCHA": OCHA is)."""
    if token == phrase:
        return False
    for ancestor in token.ancestors:
        if ancestor == phrase:
            return False
        if ancestor.dep_ == "prep" and ancestor.lower_ != "of":
            return True
    return False


def _event_for(
    sentence: tuple[int, int],
    position: int,
    events: dict[str, Event],
    sentences: dict[str, frozenset[int]],
    triggers: dict[str, frozenset[int]],
    previous_sentence: int | None = None,
    apart: frozenset[int] = frozenset(),
) -> Event | None:
    """The assault this sentence reports (of two, the one whose trigger is nearest the
    figure's word: "A day after Tehran ... killed two civilians, Pakistan retaliated
    with strikes"); else the nearest assault reported before it. An assault whose
    trigger stands at one of the `apart` positions is another fact the sentence reports
    ("said 38 bodies had been counted and that troops had clashed with ..."): not the
    figure's."""
    sentence_start, sentence_end = sentence
    assaults = [e for e in events.values() if e.type == "ASSAULT"]
    same = [
        e for e in assaults
        if sentence_start in sentences.get(e.event_id, frozenset())
        and not any(
            p in apart for p in triggers.get(e.event_id, frozenset())
            if sentence_start <= p < sentence_end
        )
    ]  # fmt: skip
    if same:
        return min(
            same,
            key=lambda e: min(
                (abs(p - position) for p in triggers.get(e.event_id, frozenset())
                 if sentence_start <= p < sentence_end),
                default=sentence_end,
            ),
        )  # fmt: skip
    # A figure right after a recalled attack goes on with it ("... Hamas's October 7
    # attack. Of the 251 hostages taken, ..."); otherwise a figure told after the news
    # refers to the news, not to an attack the text recalled in passing ("claimed
    # responsibility for killing 11 police in December").
    just_told = [
        e for e in assaults
        if previous_sentence is not None and previous_sentence in sentences.get(e.event_id, ())
    ]  # fmt: skip
    if len(just_told) == 1:
        return just_told[0]

    def told_before(told: list[Event]) -> list[tuple[int, Event]]:
        return [
            (max(s for s in sentences[e.event_id] if s < sentence_start), e)
            for e in told
            if any(s < sentence_start for s in sentences.get(e.event_id, frozenset()))
        ]

    # A report written weeks after the attack it is about tells it as background; the
    # news it tells later ("Between January and September, 4,544 people were killed")
    # is no occurrence the figure before it could be about.
    before = told_before([e for e in assaults if e.mention == "new"]) or told_before(assaults)
    # Of those, the last one the text dated: an undated one in between ("the
    # spokesman said the clash began after ... wounded three") is rarely the incident
    # a hospital's count is about.
    dated = [pair for pair in before if pair[1].date is not None]
    if dated or before:
        return max(dated or before, key=lambda pair: pair[0])[1]
    return assaults[0] if len(assaults) == 1 else None
