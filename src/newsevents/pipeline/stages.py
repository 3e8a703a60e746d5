"""The stage order, written once, and the run that ends in validation.

Articles stream through in chunks of `CHUNK` so that the spaCy model sees
batches (`nlp.pipe`) while memory stays bounded by the chunk, not the corpus.
Output order is input order, rejects included.

A fault barrier stands around every stage: when a stage raises on a batch, the
batch is run again one article at a time, and the article that raises becomes an
`internal-error` reject naming the stage and the exception, so one bad article
never costs the rest of the run.
"""

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from itertools import islice

from pydantic import ValidationError

from newsevents.pipeline import claims, clean, entities, events, geocode, metadata, nlp, screen
from newsevents.pipeline.compact import CompactArticle, compact
from newsevents.pipeline.document import Draft, RawDocument
from newsevents.pipeline.facts import ArticleFacts, facts_of
from newsevents.pipeline.ingest import internal_error
from newsevents.pipeline.readers import reject
from newsevents.pipeline.rows import claim_key, claim_rows, event_rows
from newsevents.pipeline.signature import signature_values
from newsevents.schema import Article, Reject, sha256_text
from newsevents.schema.spans import READ_BACK

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
    Stage("screen", per_article(screen.screen), screen.identifier_version),
    Stage("metadata", per_article(metadata.extract_metadata), lambda: "1"),
    Stage("parse", nlp.parse, nlp.model_version),
    Stage("entities", per_article(entities.extract_entities), lambda: entities.VERSION),
    Stage("events", per_article(events.extract_events), lambda: events.VERSION),
    Stage("claims", per_article(claims.extract_claims), lambda: claims.VERSION),
    Stage("geocode", per_article(geocode.geocode_events), lambda: geocode.VERSION),
)


@dataclass(frozen=True)
class Built:
    """A validated article as its JSON, with what the build's process needs of it made
    where it was built: its compact copy for the corpus steps, its facts for the tally,
    what the clean stage removed from it, and its near-duplicate signature
    (`signature.signature_values`).

    The build's process writes the JSON to its spool as it is and reads the rest, so it
    never turns an article from a worker or from the cache back into an `Article`: only
    these travel between processes and into the cache. So do the article's rows of the
    events and claims configs, made (and validated) here as a release with the full
    text ships them: JSON lines, each claim's with its `claim_key` (its `incident_id`
    is set when the incidents are known). `article` is the `Article`
    itself: the one just validated in this process, or read back from the JSON on first
    use (the same article: the cache and the spool rely on that round trip)."""

    article_json: str
    compact: CompactArticle
    facts: ArticleFacts
    removed: Counter[str]
    signature: bytes
    event_rows: tuple[str, ...]
    claim_rows: tuple[tuple[str, str], ...]  # (claim_key, JSON line)
    _article: Article | None = field(default=None, repr=False, compare=False)
    # `corpus.lone_rows` of the article, when a worker made them (workers.py): not
    # cached, as the corpus steps' code is not in the cache's fingerprint; the build's
    # process makes those of a cached article.
    lone_rows: tuple[str, ...] | None = field(default=None, repr=False, compare=False)

    @classmethod
    def of(cls, article: Article, removed: Counter[str], signature: bytes) -> "Built":
        events = tuple(row.model_dump_json() for row in event_rows(article))
        claims = tuple((claim_key(row), row.model_dump_json()) for row in claim_rows(article))
        return cls(
            article.model_dump_json(), compact(article), facts_of(article), removed, signature,
            events, claims, article,
        )  # fmt: skip

    @property
    def article(self) -> Article:
        if self._article is None:
            # Frozen: the Article read back is kept beside the JSON it came from.
            article = Article.model_validate_json(self.article_json, context=READ_BACK)
            object.__setattr__(self, "_article", article)
        assert self._article is not None
        return self._article

    def __getstate__(self) -> dict[str, object]:
        """Pickled (to the build's process) without the `Article`: its JSON says it all."""
        return {**self.__dict__, "_article": None}


# The stages before the parse need no model: the build's process runs them on the
# documents it reads while the workers start (workers.py, `prepare`).
BEFORE_PARSE = next(i for i, stage in enumerate(STAGES) if stage.name == "parse")


def process(items: Sequence[RawDocument | Draft]) -> list[Built | Reject]:
    """Run every stage over a batch of documents, then validate each; a draft that
    `prepare` made goes through the stages it has not been through."""
    drafts = [item if isinstance(item, Draft) else Draft(item) for item in items]
    return [d.rejected or _assemble_guarded(d) for d in _advance(drafts, len(STAGES))]


def prepare(docs: Sequence[RawDocument]) -> list[Draft]:
    """The documents through the stages before the parse (BEFORE_PARSE), guarded as in
    `process`, which takes the drafts on from there."""
    drafts = _advance([Draft(doc) for doc in docs], BEFORE_PARSE)
    return [replace(draft, stages_done=BEFORE_PARSE) for draft in drafts]


def _advance(drafts: list[Draft], end: int) -> list[Draft]:
    """The drafts through STAGES[:end], each from the first stage it has not run."""
    for index, stage in enumerate(STAGES[:end]):
        live = [i for i, d in enumerate(drafts) if d.rejected is None and d.stages_done <= index]
        if live:
            for i, draft in zip(live, _run_guarded(stage, [drafts[i] for i in live]), strict=True):
                drafts[i] = draft
    return drafts


def _run_guarded(stage: Stage, drafts: list[Draft]) -> list[Draft]:
    """The stage over the batch; if it raises, over each article alone."""
    try:
        return stage.run(drafts)
    except Exception:
        return [_run_one(stage, draft) for draft in drafts]


def _run_one(stage: Stage, draft: Draft) -> Draft:
    try:
        return stage.run([draft])[0]
    except Exception as err:
        doc = draft.doc
        failure = internal_error(doc.source_file, doc.source_line, err)
        detail = f"stage {stage.name}: {failure.message}"
        return replace(draft, rejected=failure.model_copy(update={"message": detail}))


def _assemble_guarded(draft: Draft) -> Built | Reject:
    try:
        return assemble(draft)
    except Exception as err:
        return internal_error(draft.doc.source_file, draft.doc.source_line, err)


def run_items(documents: Iterable[RawDocument | Built | Reject]) -> Iterator[Built | Reject]:
    """Stream documents through the stages in this process; what is already a result (a
    reader's reject, a cached article) passes through in its place."""
    items = iter(documents)
    while chunk := list(islice(items, CHUNK)):
        docs = [item for item in chunk if isinstance(item, RawDocument)]
        results = iter(process(docs))
        for item in chunk:
            yield next(results) if isinstance(item, RawDocument) else item


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
            language=draft.language,
            source=draft.source,
            published_date=draft.published_date,
            published_date_provenance=draft.published_date_provenance,  # type: ignore[arg-type]
            published_date_confidence=draft.published_date_confidence,
            entities=list(draft.entities),
            events=list(draft.events),
            casualty_claims=list(draft.casualty_claims),
            flags=list(draft.flags),
        )
    except ValidationError as err:
        first = err.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or None
        return reject(
            doc.source_file,
            "invalid-record",
            f"{where or 'article'}: {first['msg']}",
            line=doc.source_line,
            field=where,
            value=first.get("input"),
        )
    return Built.of(article, Counter(r.kind for r in draft.removed), signature_values(text))
