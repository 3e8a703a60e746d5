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

The parts: `triggers` (which words are events), `roles` (actors, targets,
places), `status`, `dating` (the dates one sentence gives its mentions), `merging`
(one event per occurrence), `anchoring` (dates from the story around an event),
`mention` (the shared record); this module runs them in order, then consults the
calendar of known incidents as the last resort.
"""

import datetime as dt
import re
from dataclasses import replace
from typing import Any

from newsevents.knowledge import Trigger, claim_lexicon, time_words
from newsevents.pipeline.document import Draft
from newsevents.pipeline.events.aggregates import is_aggregate, running_total
from newsevents.pipeline.events.anchoring import date_from_story, dated_entries, opening_day
from newsevents.pipeline.events.dating import (
    date_mentions,
    day_named,
    in_the_statement,
    statement_day,
    told_occurrence_day,
)
from newsevents.pipeline.events.mention import BACKGROUND_DAYS, Mention
from newsevents.pipeline.events.merging import _merge, _one_statement
from newsevents.pipeline.events.roles import EntityIndex, _mention
from newsevents.pipeline.events.triggers import (
    _alleged,
    _blamed_by_no_one,
    _content_of_speech_act,
    _habitual,
    _is_heading,
    _label,
    _nested,
    _trigger_rule,
    _visit_to_a_facility,
)
from newsevents.pipeline.metadata import body_lead
from newsevents.schema import Event, Evidence
from newsevents.temporal.event_dates import (
    date_words,
    dates_for,
    sentence_dates,
    untagged_shifts,
)
from newsevents.temporal.known_dates import calendar_dates
from newsevents.temporal.timex import TODAY, WEEKDAYS, date_span, first_resolved

__all__ = ["VERSION", "EntityIndex", "extract_events", "implied_assault", "is_aggregate"]


# 7: "the attack killed" is one attack; 8: participle and reduced relative clauses,
# pronouns across sentences, running totals over a span, "request for comment", "called
# off", no actor from a subject's clause or an event a clause is timed against, "killed
# in an RSF assault", "accused X of shelling"; 9: a capital the gazetteer lacks acts
# alone ("Bangkok recalled"), "Saturday's attack killed" is the attack told before, a
# finite verb the parser hung on a root subject keeps it, a "for X to" clause is no
# event, "vowed to retaliate" threatens, a wire dateline's names play no role, nor the
# speaker of a passive told in two verbs
VERSION = "10"


# A weekday fitted to a known incident dates the article less firmly than its own words.
CALENDAR_CONFIDENCE = 0.5


def _lead(draft: Draft) -> range:
    """The characters of the body's wire dateline or credit ("KHARTOUM, Jan. 5 (Xinhua)
    --"): the place and agency there play no role in the first sentence's events."""
    if not draft.body:
        return range(0)
    offset, lead = body_lead(draft.body)
    start = len(draft.title) + 2 + offset  # Draft.text: the headline, a blank line, the body
    return range(start, start + lead.length)


def extract_events(draft: Draft) -> Draft:
    if draft.nlp is None:
        return draft
    index = EntityIndex(draft.entities, skip=_lead(draft))
    events, anchors = _events(draft, index, draft.published_date)
    flags = set(draft.flags)
    if draft.published_date is None and anchors:
        # A weekday fitted a known incident: that week is the article's time frame,
        # so its other relative dates ("on Thursday", "two days later") resolve too.
        anchor = max(anchors)
        events, _ = _events(draft, index, anchor, from_calendar=True)
        if TODAY.search(draft.text.lower()):
            # "earlier in the day", "this morning": reported on the day it happened.
            draft = replace(
                draft,
                published_date=anchor,
                published_date_provenance="inferred",
                published_date_confidence=CALENDAR_CONFIDENCE,
            )
            flags = (flags - {"no-published-date"}) | {"published-date-inferred"}
    if any(m.date_source == "calendar" for m in events):
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
    draft: Draft, index: "EntityIndex", reference: dt.date | None, from_calendar: bool = False
) -> tuple[list[Mention], list[dt.date]]:
    """Merged events with dates resolved against `reference` (the publication date,
    or a day the calendar gave: `from_calendar`), then dated from the story around
    them, then, last, from known incidents; also the days a weekday fitted to a known
    incident (anchors for an undated article)."""
    mentions: list[Mention] = []
    previous: dt.date | None = None
    event_day: dt.date | None = None  # the last day the text gave an event
    # Days the text gave occurrences: "two days after the attack" counts from the
    # attack's. By word, the last one ("strike"); by type, the first ("ASSAULT"), as
    # "the attack" with no word told before is the story's own, told in its lead.
    days_told: dict[str, dt.date] = {}
    said_on: dt.date | None = None  # the day of the last statement the text dated
    sentences = {s.start_char: s.text for s in draft.nlp.sents}
    doc_ents = draft.nlp.ents  # read once (spaCy rebuilds every span on each read)
    entries = dated_entries(draft.text, reference)
    frame: dt.date | None = None  # the day that opened the paragraph (`_in_its_episode`)
    for sent in draft.nlp.sents:
        dates = sentence_dates(sent, doc_ents)
        told, named = _sentence_mentions(
            sent, dates, index, reference, previous, days_told, event_day, said_on
        )
        said_on = statement_day(sent, dates, reference) or said_on
        if entries:
            _in_a_dated_entry(told, sent, draft.text, entries)
        if _opens_a_paragraph(sent, draft.text):
            frame = opening_day(sent, reference) or _scene_day(sent, told, named)
        elif frame is not None and named is not None and named != frame:
            frame = None  # the paragraph goes on to another day
        elif frame is not None and (_no_time_of_its_own(dates) or named == frame):
            _in_its_episode(told, frame)
        mentions += told
        days = [m.date for m in told if m.date and m.precision == "day"]
        # "the next day" counts from the last day the text told, event or not ("On
        # September 19, Azerbaijan launched 'measures' ... agreed the next day").
        previous = days[-1] if days else named or previous
        event_day = days[-1] if days else event_day
        for m in told:
            if m.date and m.precision == "day":
                days_told[m.lemma] = m.date
                days_told.setdefault(m.type, m.date)
    events = _merge(mentions, index, reference)
    events = date_from_story(events, index, draft.text, len(draft.title), reference)
    if from_calendar:
        for event in events:
            if event.date and event.date_source != "explicit":
                event.date_source = "calendar"  # counted from the calendar's day
    anchors = []
    known = calendar_dates(
        events, index, [[sentences[s] for s in sorted(e.sentences)] for e in events],
        # Counting from a day the calendar gave, the story was already found to be a
        # listed episode: that day bounds the incidents as a publication date would.
        reference if from_calendar else draft.published_date, draft.text,
    )  # fmt: skip
    for number, (date, words) in known.items():
        event = events[number]
        if event.date is None and words in WEEKDAYS:
            anchors.append(date)
        event.take_date(date, "day", event.date_text or words.capitalize() or None, "calendar")
    for event in events:
        if event.date is None and event.performative and reference is not None:
            event.take_date(reference, "day", None, "reporting")  # "The Ministry condemns"
    return events, anchors


def _opens_a_paragraph(sent: Any, text: str) -> bool:
    paragraph = text.rfind("\n\n", 0, sent.start_char)
    return not text[paragraph + 1 if paragraph >= 0 else 0 : sent.start_char].strip()


def _no_time_of_its_own(dates: list[Any]) -> bool:
    """Whether a sentence's date words name no time of their own: none, or only a part
    of a day ("resigned in the afternoon", time_words.yaml clock_nouns), which keeps the
    day its paragraph is on."""
    clock = time_words().clock_nouns
    return all(
        {w.lower_ for w in d if w.is_alpha} - {"the", "in", "on", "at", "by", "late", "early"}
        <= clock
        for d in dates
    )


def _scene_day(sent: Any, told: list[Mention], named: dt.date | None) -> dt.date | None:
    """The day a paragraph's first sentence sets its scene on when it tells no act of
    its own ("The protests turned violent on Tuesday."): what the paragraph goes on to
    tell happened then. None for a statement's day ("Police said on Tuesday ...")."""
    if named is None or told or sent.root.lemma_.lower() in claim_lexicon().attribution_verbs:
        return None
    return named


def _in_its_episode(told: list[Mention], day: dt.date) -> None:
    """Date the undated acts of a sentence that names no time, in a paragraph a day
    opened ("On 19 June 2018, police entered the city. ... Between five and seven people
    were killed during the incursion."), with that day, before they are merged: what the
    paragraph goes on to tell happened then, unless the perfect puts it earlier or it
    has not happened yet."""
    for mention in told:
        if mention.date is None and not mention.recounted and mention.status == "occurred":
            mention.take_date(day, "day", None, "narrative")


def _in_a_dated_entry(
    told: list[Mention], sent: Any, text: str, entries: dict[int, dt.date]
) -> None:
    """Date the mentions of a timeline entry's paragraph ("24 August - Israeli aircraft
    strike ...") with its day, before they are merged: one without a date, or with a
    coarser one that holds the day (NER read only "August")."""
    # The entry is the sentence's line (a list item) or its paragraph.
    line = text.rfind("\n", 0, sent.start_char) + 1
    paragraph = text.rfind("\n\n", 0, sent.start_char)
    day = entries.get(line) or entries.get(paragraph + 2 if paragraph >= 0 else 0)
    if day is None:
        return
    for mention in told:
        if mention.date is not None:
            first, last = date_span(mention.date, mention.precision)
            if mention.precision == "day" or not first <= day <= last:
                continue
        mention.take_date(day, "day", mention.date_text, "narrative")
        mention.in_timeline = True


def _sentence_mentions(
    sent: Any,
    dates: list[Any],
    index: EntityIndex,
    published: dt.date | None,
    previous: dt.date | None,
    days_told: dict[str, dt.date],
    event_day: dt.date | None = None,
    said_on: dt.date | None = None,
) -> tuple[list[Mention], dt.date | None]:
    """The sentence's event mentions, dated (`dates`: its `sentence_dates`), and the
    single day its own words name; `days_told`: the days the text gave occurrences, by
    trigger word and by type (`told_occurrence_day`)."""
    found: list[tuple[Any, Trigger]] = []
    named = day_named(sent, dates, published)
    if _is_heading(sent):
        return [], named  # "The 2023 offensive": an explainer's section heading
    for token in sent:
        rule = _trigger_rule(token)
        if rule is not None:
            found.append((token, rule))
    # A trigger inside another trigger's phrase of the same type is the same event
    # ("strikes ... that killed nine people").
    governor = {t.i: _nested(t, r.type, found) or _alleged(t, r, found) for t, r in found}
    all_triggers = [t for t, _ in found]
    # Under a running total or a habit, which is no occurrence, a trigger that names its
    # own day is one ("23 have been killed since July, including six passengers who were
    # ambushed last Saturday"); one dated to a year is part of the total.
    freed = set()
    for t, _ in found:
        over = governor[t.i]
        if over is not None and _habitual(over) and dates_for(t, dates, all_triggers):
            governor[t.i] = None
            freed.add(t.i)
    kept = [
        (t, r) for t, r in found
        if governor[t.i] is None and not _habitual(t) and not _content_of_speech_act(t, found)
        and not _visit_to_a_facility(t, r, index) and not _label(t)
        and not _blamed_by_no_one(t, r)
    ]  # fmt: skip
    dates = dates + untagged_shifts(sent, dates)  # the caller's list stays as it was

    def owned(trigger: Any) -> list[Any]:
        # A nested trigger's date is its governor's ("strikes ... that killed nine
        # people on Thursday", seed 001).
        return [
            d for t in all_triggers if t == trigger or governor[t.i] == trigger
            for d in dates_for(t, dates, all_triggers)
        ]  # fmt: skip

    mentions = []
    weekday_sentence = published is None and bool(_WEEKDAY.search(sent.text))
    for token, rule in kept:
        mention = _mention(token, rule, sent, index)
        mention.weekday_sentence = weekday_sentence
        mention_dates = [(d, w) for d in owned(token) if (w := date_words(d, token))]
        mentions.append((mention, token, mention_dates))
    counted_from = told_occurrence_day(sent, days_told)
    date_mentions(mentions, sent, dates, published, counted_from or previous, named, event_day)
    if said_on is not None:
        # "In its statement, the group called on ...": the day the text gave the statement.
        for mention, token, _ in mentions:
            if mention.date is None and in_the_statement(mention, token):
                mention.take_date(said_on, "day", None, "reporting")
    told = [
        (m, t) for m, t, _ in mentions
        if not running_total(t, m.precision) and (t.i not in freed or m.precision == "day")
    ]  # fmt: skip
    return _one_statement(told), named


_WEEKDAY = re.compile(rf"\b(?:{'|'.join(WEEKDAYS)})\b", re.IGNORECASE)


def _to_event(number: int, m: Mention, text: str, published: dt.date | None) -> Event:
    mention = "new"
    span = date_span(m.date, m.precision) if m.date else None
    if (
        span is not None
        and published is not None
        and ((published - span[1]).days > BACKGROUND_DAYS)
    ):
        mention = "background"
    return Event(
        mention=mention,  # type: ignore[arg-type]
        event_id=f"ev{number}",
        type=m.type,  # type: ignore[arg-type]
        mode=m.mode,
        status=m.status,  # type: ignore[arg-type]
        date=m.date,
        date_precision=m.precision if m.date else None,  # type: ignore[arg-type]
        date_start=span[0] if span else None,
        date_end=span[1] if span else None,
        date_source=m.date_source if m.date else "none",  # type: ignore[arg-type]
        date_text=m.date_text,
        actors=m.actors,
        targets=[t for t in m.targets if t not in m.actors],
        locations=m.locations,
        trigger=m.trigger,
        evidence=Evidence(start=m.start, end=m.end, text=text[m.start : m.end]),
    )


def implied_assault(
    token: Any, sent: Any, index: EntityIndex, published: dt.date | None, number: int
) -> Event | None:
    """The assault a casualty figure implies when its sentence reports none ("six
    civilians were martyred on Sunday when ...", "gunmen abducted eight students"):
    claims and events then agree. None for an aggregate ("the war has killed 400"), a
    habit, or a speaker's label for an act ("condemned the strikes as murder")."""
    if is_aggregate(token) or _habitual(token) or _label(token):
        return None
    rule = Trigger(type="ASSAULT", mode="abduct" if token.lemma_.lower() in ABDUCTION else None)
    mention = _mention(token, rule, sent, index)
    found = first_resolved(sentence_dates(sent), published, sent.text)
    if found is not None:
        ent, resolved = found
        mention.take_date(resolved.date, resolved.precision, ent.text, resolved.source)
    return _to_event(number, mention, sent.doc.text, published) if mention.anchored else None


ABDUCTION = frozenset({"abduct", "kidnap", "seize", "take"})
