"""The stage order, written once, and the run that ends in validation.

Articles stream through in chunks of `CHUNK` so that the spaCy model sees
batches (`nlp.pipe`) while memory stays bounded by the chunk, not the corpus.
Output order is input order, rejects included.
"""

from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice

from pydantic import ValidationError

from newsevents.build import claims, clean, entities, events, metadata, nlp
from newsevents.build.document import Draft, RawDocument
from newsevents.build.ingest import InputFolder
from newsevents.build.readers import reject
from newsevents.schema import Article, Reject, sha256_text

CHUNK = 64

BatchStep = Callable[[Sequence[Draft]], list[Draft]]


def per_article(step: Callable[[Draft], Draft]) -> BatchStep:
    """Lift a one-article stage to a batch stage."""
    return lambda drafts: [step(d) for d in drafts]


@dataclass(frozen=True)
class Stage:
    name: str
    run: BatchStep
    version: Callable[[], str]


STAGES: tuple[Stage, ...] = (
    Stage("clean", per_article(clean.clean_text), lambda: "1"),
    Stage("metadata", per_article(metadata.extract_metadata), lambda: "1"),
    Stage("parse", nlp.parse, nlp.model_version),
    Stage("entities", per_article(entities.extract_entities), lambda: entities.VERSION),
    Stage("events", per_article(events.extract_events), lambda: events.VERSION),
    Stage("claims", per_article(claims.extract_claims), lambda: claims.VERSION),
)


@dataclass(frozen=True)
class Built:
    """A validated article and what the clean stage removed from it."""

    article: Article
    removed: Counter[str]


def process(docs: Sequence[RawDocument]) -> list[Built | Reject]:
    """Run every stage over a batch of documents, then validate each."""
    drafts = [Draft(doc) for doc in docs]
    for stage in STAGES:
        drafts = stage.run(drafts) if drafts else drafts
    return [assemble(d) for d in drafts]


def run_pipeline(folder: InputFolder) -> Iterator[Built | Reject]:
    """Stream articles through the stages in the folder's fixed order."""
    items = folder.documents()
    while chunk := list(islice(items, CHUNK)):
        docs = [item for item in chunk if isinstance(item, RawDocument)]
        results = iter(process(docs))
        for item in chunk:
            yield item if isinstance(item, Reject) else next(results)


def assemble(draft: Draft) -> Built | Reject:
    """Validate the draft as an Article; any broken invariant becomes a reject."""
    doc = draft.doc
    if not draft.title or not draft.body:
        missing = "headline" if not draft.title else "body text after the headline"
        return reject(
            doc.source_file,
            "empty-article",
            f"no {missing} once boilerplate is removed",
            line=doc.source_line,
        )
    text = draft.text
    try:
        article = Article(
            article_id=doc.article_id,
            source_file=doc.source_file,
            source_line=doc.source_line,
            content_sha256=sha256_text(text),
            title=draft.title,
            text=text,
            language=doc.meta.language or "en",
            source=draft.source,
            published_date=draft.published_date,
            published_date_provenance=draft.published_date_provenance,  # type: ignore[arg-type]
            entities=list(draft.entities),
            events=list(draft.events),
            casualty_claims=list(draft.casualty_claims),
            flags=list(draft.flags),
        )
    except ValidationError as err:
        first = err.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or None
        return reject(
            doc.source_file,
            "invalid-record",
            f"{field or 'article'}: {first['msg']}",
            line=doc.source_line,
            field=field,
            value=first.get("input"),
        )
    return Built(article, Counter(r.kind for r in draft.removed))
