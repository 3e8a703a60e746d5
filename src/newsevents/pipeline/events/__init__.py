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
places), `status`, `merging` (one event per occurrence), `mention` (the shared
record); this module runs them in order and dates the events.
"""

import datetime as dt
from dataclasses import replace
from typing import Any

from newsevents.knowledge import Trigger
from newsevents.pipeline.document import Draft
from newsevents.pipeline.events.mention import BACKGROUND_DAYS, Mention
from newsevents.pipeline.events.merging import _merge, _one_statement
from newsevents.pipeline.events.roles import EntityIndex, _mention
from newsevents.pipeline.events.triggers import (
    _content_of_speech_act,
    _habitual,
    _is_heading,
    _nested,
    _trigger_rule,
    _visit_to_a_facility,
)
from newsevents.schema import Event, Evidence
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

__all__ = ["VERSION", "EntityIndex", "extract_events", "implied_assault", "is_aggregate"]


VERSION = "3"


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
    rule = Trigger(type="ASSAULT", mode="abduct" if token.lemma_.lower() in ABDUCTION else None)
    mention = _mention(token, rule, sent, index)
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
