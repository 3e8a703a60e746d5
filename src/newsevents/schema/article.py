"""The article record: cleaned text, provenance and everything extracted from it."""

import datetime as dt
import hashlib
import re
from collections.abc import Iterable
from typing import Literal

from pydantic import Field

from newsevents.schema.extractions import CasualtyClaim, Entity, Event, claim_day
from newsevents.schema.source import Source
from newsevents.schema.spans import Evidence, Record, _Span, invariant

# How much of the article text a release ships (see release/text_policy.py).
TextPolicy = Literal["full", "spans", "none"]
DateProvenance = Literal["curated", "metadata", "text", "dateline", "url", "inferred", "none"]
SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"


def sha256_text(text: str) -> str:
    """Hex SHA-256 of the UTF-8 bytes of `text` (the `content_sha256` of an article)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Article(Record):
    """One news article: the unit of the default `articles` config."""

    article_id: str = Field(
        min_length=1,
        description="Stable id: the input `id`; else, for a .txt or .html file, its path from "
        "the input root without the suffix ('a/index' for a/index.html, the stem at the "
        "root); else (a .jsonl record without `id`) a hash of its text.",
    )
    source_file: str = Field(description="Input path relative to the input root.")
    source_line: int | None = Field(
        default=None, ge=1, description="Line number in a `.jsonl` input, else null."
    )
    content_sha256: str = Field(
        pattern=r"^[0-9a-f]{64}$",
        description="SHA-256 of the full cleaned text encoded as UTF-8: of `text` itself under "
        "`text_policy: full`, of the text the offsets index under `spans` and `none`.",
    )
    title: str = Field(min_length=1, description="Headline.")
    text: str = Field(
        description="The cleaned article: the headline, a blank line, then the body. Every "
        "character offset in the record points into it. Under `text_policy: spans` every "
        "character outside the headline and the spans is a space (line breaks stay), so "
        "offsets still hold; under `none` it is empty."
    )
    text_policy: TextPolicy = Field(
        default="full",
        description="How much of the text the release ships: full, spans (only the headline, "
        "the evidence sentences and the mentions, at their offsets) or none (no text; evidence "
        "sentences keep their offsets but no text, mentions and claim phrases keep their words).",
    )
    language: str = Field(
        pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$", description="BCP-47 language code."
    )
    source: Source = Field(description="Outlet, URL, domain, author, wire agency, dateline.")
    published_date: dt.date | None = Field(default=None, description="Publication date.")
    published_date_provenance: DateProvenance = Field(
        description="Where `published_date` came from, in order of trust: curated (sources.yaml), "
        "metadata (page or crawl fields), text (a date line by the headline or byline), "
        "dateline (the day in a wire dateline such as 'KHARTOUM, June 3 (Reuters) -', its year "
        "from the dates the text names), url (a date in the URL path), inferred (from the "
        "content) or none."
    )
    published_date_confidence: float | None = Field(
        default=None,
        ge=0,
        le=1,
        description="For an inferred `published_date`, how firmly the content pins it (0-1): "
        "0.9 when the text pairs a weekday with a dated day, 0.75 when a weekday follows a "
        "dated day it links to, less when the year rests on a distant lower bound, 0.5 for a "
        "weekday fitted to a known incident. Null for a date the sources or text state.",
    )
    entities: list[Entity] = Field(default_factory=list, description="Entities named.")
    events: list[Event] = Field(default_factory=list, description="Events reported.")
    casualty_claims: list[CasualtyClaim] = Field(
        default_factory=list, description="Casualty figures reported, as claims."
    )
    near_duplicate_of: str | None = Field(
        default=None,
        description="`article_id` of an earlier article this one rewrites (same wire story).",
    )
    flags: list[str] = Field(
        default_factory=list, description="Data-quality warnings as kebab-case slugs."
    )

    @invariant
    def _contract_invariants(self) -> "Article":
        _check_text(self)
        for where, span in spans_of(self):
            if self.text_policy == "none":
                # No text to check against; evidence sentences are withheld, the
                # mentions and claim phrases keep their words (they are the values).
                if isinstance(span, Evidence) and span.text:
                    raise ValueError(f"{where}: text_policy none withholds evidence sentences")
            elif self.text[span.start : span.end] != span.text:
                raise ValueError(
                    f"{where}: span {span.start}..{span.end} reads "
                    f"{self.text[span.start : span.end]!r} in text, not {span.text!r}"
                )
        entity_ids = _unique("entity_id", [e.entity_id for e in self.entities])
        events = {e.event_id: e for e in self.events}
        _unique("event_id", [e.event_id for e in self.events])
        _unique("claim_id", [c.claim_id for c in self.casualty_claims])
        for event in self.events:
            for role in ("actors", "targets", "locations"):
                _resolve(f"event {event.event_id} {role}", getattr(event, role), entity_ids)
        for claim in self.casualty_claims:
            where = f"claim {claim.claim_id}"
            if claim.claimant is not None:
                _resolve(f"{where} claimant", [claim.claimant], entity_ids)
            if claim.event_id is not None:
                _resolve(f"{where} event_id", [claim.event_id], set(events))
                day, source = claim_day(events[claim.event_id])
                if claim.event_date != day:
                    raise ValueError(f"{where}: event_date is not its event's day ({day})")
                if claim.date_source != source:
                    raise ValueError(f"{where}: date_source is not its event's ({source})")
            elif claim.event_date is not None:
                raise ValueError(f"{where}: event_date is set but the claim has no event")
        for flag in self.flags:
            if not _is_slug(flag):
                raise ValueError(f"flag {flag!r} is not a kebab-case slug")
        return self


def _check_text(article: Article) -> None:
    # Under spans and none the hash is the full text's, which is not shipped.
    if article.text_policy == "full" and sha256_text(article.text) != article.content_sha256:
        raise ValueError("content_sha256 is not the SHA-256 of text")
    if article.text_policy == "none":
        if article.text:
            raise ValueError("text_policy none ships no text")
    elif article.text != article.title and not article.text.startswith(article.title + "\n\n"):
        raise ValueError("text must start with the title followed by a blank line")
    if (article.published_date is None) != (article.published_date_provenance == "none"):
        raise ValueError("published_date_provenance is 'none' exactly when published_date is null")
    if (article.published_date_confidence is not None) != (
        article.published_date_provenance == "inferred"
    ):
        raise ValueError("published_date_confidence is set exactly when the date is inferred")
    if article.near_duplicate_of == article.article_id:
        raise ValueError("an article cannot be a near-duplicate of itself")


def spans_of(article: Article) -> Iterable[tuple[str, _Span]]:
    """Every span of the article, with where it sits (for messages)."""
    for entity in article.entities:
        for mention in entity.mentions:
            yield f"entity {entity.entity_id} mention", mention
    for event in article.events:
        yield f"event {event.event_id} evidence", event.evidence
    for claim in article.casualty_claims:
        yield f"claim {claim.claim_id} evidence", claim.evidence
        yield f"claim {claim.claim_id} figure_span", claim.figure_span
        if claim.victims_span is not None:
            yield f"claim {claim.claim_id} victims_span", claim.victims_span
        if claim.claimant_span is not None:
            yield f"claim {claim.claim_id} claimant_span", claim.claimant_span


def _unique(what: str, ids: list[str]) -> set[str]:
    seen: set[str] = set()
    for value in ids:
        if value in seen:
            raise ValueError(f"{what} {value!r} is used twice in the article")
        seen.add(value)
    return seen


def _resolve(where: str, refs: list[str], known: set[str]) -> None:
    for ref in refs:
        if ref not in known:
            raise ValueError(f"{where}: {ref!r} does not resolve inside the article")


def _is_slug(value: str) -> bool:
    return re.fullmatch(SLUG_PATTERN, value) is not None
