"""Which date words belong to which event trigger in a sentence.

spaCy tags the dates; the dependency parse says whose they are. A date belongs to
the trigger its phrase hangs on ("strikes ... on January 18"), or to the trigger a
light verb or "with" phrase governs ("retaliate with strikes ... on January 18"); a
reporting verb keeps its own date ("said on Friday"). Shifts keep their direction
("two days later"), bare "later" continues the day just told, and "now" is the day
of publication.
"""

import re
from typing import Any

SHIFT_WORDS = frozenset({"later", "after", "earlier", "before", "ago"})


def date_words(ent: Any, trigger: Any) -> str:
    """The date phrase with the word that gives its direction: spaCy's "two days" plus
    "later". In "E1, two days after E2 ..." the phrase dates E1 from E2, so seen from
    E2 (the trigger after it) the shift runs the other way."""
    doc = ent.doc
    following = doc[ent.end].lower_ if ent.end < len(doc) else ""
    if following not in SHIFT_WORDS:
        return ent.text
    if following in ("after", "before") and trigger.i > ent.end:
        following = "earlier" if following == "after" else "later"
    return f"{ent.text} {following}"


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
    for ent in dates:
        owner = after_clause_trigger(ent, triggers)
        for ancestor in [ent.root, *ent.root.ancestors] if owner is None else []:
            if ancestor in triggers and ancestor is not ent.root:
                owner = ancestor
                break
            governed = [t for t in triggers if _governs(ancestor, t)]
            if governed:
                owner = min(governed, key=lambda t: abs(t.i - ent.root.i))
                break
            if ancestor.lemma_.lower() in REPORTING or (
                ancestor.pos_ in ("VERB", "AUX") and ancestor is not ent.root
            ):
                break  # a date belongs to its own clause ("since ... began in October")
        if owner == trigger:
            mine.append(ent)
    return mine


def after_clause_trigger(ent: Any, triggers: list[Any]) -> Any | None:
    """In "A day after Tehran violated ... and killed two civilians, Pakistan
    retaliated", the shift measures the gap back to the events of the "after"
    clause: those are the ones it dates (as "a day earlier")."""
    verb = ent.root.head
    if ent.root.dep_ != "npadvmod" or not any(
        c.dep_ == "mark" and c.lower_ in ("after", "before") for c in verb.children
    ):
        return None
    clause = [verb, *(c for c in verb.children if c.dep_ == "conj")]
    inside = [t for t in triggers if t in clause or t.head in clause and t.dep_ in ("dobj", "obj")]
    return inside[0] if inside else None


def _governs(word: Any, trigger: Any) -> bool:
    if trigger.head == word and trigger.dep_ in ("dobj", "obj", "nsubjpass", "nsubj"):
        return True
    return (
        trigger.dep_ == "pobj"
        and trigger.head.head == word
        and trigger.head.lower_ in ("with", "in", "of")
    )


_SHIFT_PHRASE = re.compile(
    r"\b(?:a|one|two|three|four|five|six|seven|\d+)\s+(?:day|days|week|weeks)(?=\s+(?:after|before|later|earlier)\b)",
    re.IGNORECASE,
)


def untagged_shifts(sent: Any, dates: list[Any]) -> list[Any]:
    """ "A day after Tehran violated ..." (dev 06_dailypakistan): spaCy does not
    always tag the shift as a date."""
    tagged = {t.i for d in dates for t in d}
    found = []
    for match in _SHIFT_PHRASE.finditer(sent.text):
        span = sent.doc.char_span(sent.start_char + match.start(), sent.start_char + match.end())
        if span is not None and not any(t.i in tagged for t in span):
            found.append(span)
    return found


def is_shift(words: str) -> bool:
    return any(w in SHIFT_WORDS for w in words.lower().split())


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
