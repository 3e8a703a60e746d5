"""How much of each article's text a release ships: `build --text full|spans|none`.

Article texts are their publishers' copyright; the annotations are ours. `spans` keeps
only what evidences an item, `none` only the offsets, so a release can be shared where
the texts cannot. Either way `content_sha256` stays the hash of the full cleaned text:
whoever holds the article can check it is the same text and read every span from it.
The pipeline always runs on the full text; the policy is applied when writing.
"""

from typing import Any, get_args

from newsevents.schema import Article
from newsevents.schema.article import TextPolicy, spans_of

TEXT_POLICIES: tuple[str, ...] = get_args(TextPolicy)

# What the card and the licence say about each policy.
POLICY_TEXT = {
    "full": "This release ships the full cleaned text of every article (`text_policy: full`).",
    "spans": "This release ships only the headline and the characters that evidence an item "
    "(`text_policy: spans`): the sentences events and claims were read from, the mentions of "
    "entities and the claims' phrases. Every other character of `text` is a space (line "
    "breaks stay), so every `start`/`end` still indexes the same characters; "
    "`content_sha256` is the hash of the full text, so whoever holds the article can check "
    "it is the same text.",
    "none": "This release ships no article text (`text_policy: none`): `text` is empty and "
    "every evidence sentence keeps its `start`/`end` but an empty `text`. Headlines, URLs, "
    "metadata and the extracted values are kept, with the short phrases that are those "
    "values (entity mentions, a claim's figure, victims and claimant phrases, which keep "
    "their words and offsets); `content_sha256` is the hash of the full cleaned text, so "
    "whoever holds the article can check it and read every span from it.",
}


def apply_text_policy(article: Article, policy: str) -> Article:
    """The article as the release ships it under `policy` (validated again)."""
    if policy == "full":
        return article
    record = article.model_dump()
    if policy == "spans":
        record["text"] = _keep_only(article.text, _ranges(article))
    elif policy == "none":
        record["text"] = ""
        for span in _evidence_dicts(record):
            span["text"] = ""
    else:
        raise ValueError(f"unknown text policy {policy!r}; use one of {TEXT_POLICIES}")
    record["text_policy"] = policy
    return Article.model_validate(record)


def _ranges(article: Article) -> list[tuple[int, int]]:
    return [(0, len(article.title))] + [(s.start, s.end) for _, s in spans_of(article)]


def _keep_only(text: str, ranges: list[tuple[int, int]]) -> str:
    keep = bytearray(len(text))
    for start, end in ranges:
        keep[start:end] = b"\x01" * (end - start)
    return "".join(c if keep[i] or c == "\n" else " " for i, c in enumerate(text))


def _evidence_dicts(record: dict[str, Any]) -> list[dict[str, Any]]:
    return [e["evidence"] for e in record["events"]] + [
        c["evidence"] for c in record["casualty_claims"]
    ]
