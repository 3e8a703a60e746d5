"""Whether an event occurred, is expected, hypothetical or denied.

Reads the trigger and the verbs that carry it; writes the status string."""

from typing import Any

from newsevents.knowledge import event_lexicon


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
