"""The stage order, written once, and the per-article run that ends in validation."""

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from pydantic import ValidationError

from newsevents.build import claims, clean, entities, events, metadata
from newsevents.build.document import Draft, RawDocument
from newsevents.build.ingest import InputFolder
from newsevents.build.readers import reject
from newsevents.schema import Article, Reject, sha256_text


@dataclass(frozen=True)
class Stage:
    name: str
    run: Callable[[Draft], Draft]
    version: str


STAGES: tuple[Stage, ...] = (
    Stage("clean", clean.clean_text, "1"),
    Stage("metadata", metadata.extract_metadata, "1"),
    Stage("entities", entities.extract_entities, entities.VERSION),
    Stage("events", events.extract_events, events.VERSION),
    Stage("claims", claims.extract_claims, claims.VERSION),
)


@dataclass(frozen=True)
class Built:
    """A validated article and what the clean stage removed from it."""

    article: Article
    removed: Counter[str]


def process(doc: RawDocument) -> Built | Reject:
    draft = Draft(doc)
    for stage in STAGES:
        draft = stage.run(draft)
    return assemble(draft)


def run_pipeline(folder: InputFolder) -> Iterator[Built | Reject]:
    """Stream articles through the stages in the folder's fixed order."""
    for item in folder.documents():
        yield item if isinstance(item, Reject) else process(item)


def assemble(draft: Draft) -> Built | Reject:
    """Validate the draft as an Article; any broken invariant becomes a reject."""
    doc = draft.doc
    if not draft.title or not draft.body:
        missing = "headline" if not draft.title else "body text after the headline"
        return reject(
            doc.source_file, "empty-article", f"no {missing} once boilerplate is removed",
            line=doc.source_line,
        )  # fmt: skip
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
            doc.source_file, "invalid-record", f"{field or 'article'}: {first['msg']}",
            line=doc.source_line, field=field, value=first.get("input"),
        )  # fmt: skip
    return Built(article, Counter(r.kind for r in draft.removed))
