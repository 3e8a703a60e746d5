"""Running totals: a figure summed over many occurrences ("the conflict has killed
more than 400", "were killed in attacks across the country in 2022") is no one event.
The claims stage keeps such a figure as a cumulative claim; the events stage codes no
event from it.

Reads the dependency parse only."""

import re
from typing import Any

from newsevents.pipeline.events.triggers import _trigger_rule
from newsevents.temporal.event_dates import recounted

# What kills in aggregate is no single event: "the conflict has killed more than 400".
AGGREGATE_SUBJECTS = frozenset({"conflict", "war", "violence", "insurgency", "fighting",
                                "crisis", "unrest", "campaign", "hostility", "hostilities",
                                "toll", "attack"})  # fmt: skip


# What a clause hanging on the noun sums over: "the conflict, which ..., killed 600,000".
WARS = AGGREGATE_SUBJECTS - {"attack", "toll"}

DURATION_UNITS = frozenset({"day", "week", "month", "year", "decade"})


def is_aggregate(token: Any) -> bool:
    """A running total, not one occurrence: "the conflict has killed more than 400",
    "have killed 3,000 people since 2017", "had been killed since the war began",
    "were killed during more than a year of hostilities", "were killed in attacks
    across the country in 2022". A verb joined to one ("has killed 462 and wounded
    2,355") is one too."""
    if token.dep_ == "conj" and token.head != token and is_aggregate(token.head):
        return True
    if token.dep_ in ("acl", "relcl") and token.head.lemma_.lower() in WARS:
        return True  # "The Tigray conflict, which ended in 2022, killed 600,000"
    # The parser sometimes hangs the subject and phrases on the auxiliary ("The war
    # ... has in more than two years killed"): read them from there too.
    children = [
        *token.children,
        *(g for c in token.children if c.dep_ == "aux" for g in c.children),
    ]
    subjects = [c for c in children if c.dep_ in ("nsubj", "nsubjpass")]
    if any(_sums_occurrences(s) for s in subjects):
        return True
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in token.children)
    since = any(
        (c.dep_ == "prep" and c.lower_ == "since")
        or (c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "since" for m in c.children))
        for c in children
    )
    return (perfect and since) or any(_over_a_span(c) for c in children)


def _sums_occurrences(subject: Any) -> bool:
    """Whether a subject names more than one occurrence: "the conflict", "the toll",
    "attacks"; "the attack" (one) does not, nor does "its deadliest attack in recent
    years", which is one attack however long the span it is compared over."""
    lemma = subject.lemma_.lower()
    if lemma == "attack":
        return subject.tag_ in PLURAL_TAGS  # NNPS: "Attacks" opening a sentence
    return lemma in AGGREGATE_SUBJECTS


def _over_a_span(prep: Any) -> bool:
    """ "during more than a year of hostilities", "over four days", "in 2022", "between
    Friday and Sunday": a figure summed over a span longer than one occurrence."""
    if prep.dep_ == "prep" and prep.lower_ == "between":
        # Two times ("between 25 and 31 August", "between January and March"), not two
        # parties ("clashes between the army and rebels").
        return any(
            o.ent_type_ == "DATE" and any(c.dep_ == "conj" for c in o.children)
            for o in prep.children if o.dep_ == "pobj"
        )  # fmt: skip
    if prep.dep_ != "prep" or prep.lower_ not in ("during", "over", "in", "throughout", "from"):
        return False
    for obj in (c for c in prep.children if c.dep_ == "pobj"):
        if (
            obj.lemma_.lower() in DURATION_UNITS
            and obj.lower_ != obj.lemma_.lower()
            and prep.lower_ != "from"
        ):
            return True  # "over four days", "during months"
        if obj.lemma_.lower() in DURATION_UNITS and any(c.lower_ == "of" for c in obj.children):
            return True  # "during more than a year of hostilities", "from four days of"
        if prep.lower_ == "in" and obj.ent_type_ == "DATE" and YEAR_ONLY.fullmatch(obj.text):
            return True  # "in 2022": a year's count
    return False


YEAR_ONLY = re.compile(r"(?:19|20)\d{2}")


COUNTED_ROLES = frozenset({"nsubj", "nsubjpass", "dobj", "obj"})
PLURAL_TAGS = frozenset({"NNS", "NNPS"})


def running_total(token: Any, precision: str | None) -> bool:
    """A casualty verb with a figure that sums over a span: "nearly 300 soldiers were
    killed in attacks across the country in 2022", "attacks killed 300 people last
    year", "attacks have killed 300". Dated to a day or not dated, in the simple past,
    it stays an event: "Russian attacks killed five people in Kharkiv overnight" tells
    one night's wave."""
    if token.pos_ != "VERB" or precision == "day":
        return False
    if precision is None and not recounted(token):
        return False
    return counts_figure(token, COUNTED_ROLES) and _many_occurrences(token) and is_aggregate(token)


def counts_figure(token: Any, roles: frozenset[str]) -> bool:
    """Whether a word in one of these roles of the verb is a figure or has one: "300"
    of "attacks have killed 300", "six passengers" of "six passengers were killed"."""
    return any(
        c.dep_ in roles and (c.like_num or any(g.dep_ == "nummod" for g in c.children))
        for c in token.children
    )


def _many_occurrences(verb: Any) -> bool:
    """Whether the verb's subject, or what it happened in, is plural occurrences:
    "attacks killed", "were killed in attacks", "in clashes", or a war's worth of them:
    "were killed in political violence in 2024", "the insurgency killed". "In 2019, a
    suicide bomber killed 40 soldiers" is one attack, dated to its year."""
    causes = [c for c in verb.children if c.dep_ in ("nsubj", "agent")]
    causes += [g for c in verb.children if c.dep_ == "agent" for g in c.children]
    causes += [
        g for c in verb.children
        if c.dep_ == "prep" and c.lower_ in ("in", "during")
        for g in c.children if g.dep_ == "pobj"
    ]  # fmt: skip
    # "were killed in a week of riots", "during three days of clashes": what the span
    # is of.
    causes += [
        g for c in causes if c.lemma_.lower() in DURATION_UNITS
        for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
        for g in p.children if g.dep_ == "pobj"
    ]  # fmt: skip
    return any(
        (c.tag_ in PLURAL_TAGS and _trigger_rule(c) is not None) or c.lemma_.lower() in WARS
        for c in causes
    )
