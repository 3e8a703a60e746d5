"""Run the pipeline over an input folder and gather its output (used by build and validate)."""

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

from newsevents.pipeline import collector
from newsevents.pipeline.cache import ArticleCache
from newsevents.pipeline.corpus import CompactArticle, lone_rows, run_corpus_steps
from newsevents.pipeline.ingest import InputFolder
from newsevents.pipeline.signature import PERMUTATIONS
from newsevents.pipeline.spool import ArticleSpool, LineSpool, RecordSpool
from newsevents.pipeline.stages import Built
from newsevents.pipeline.workers import Item, Result, run_stages
from newsevents.release.tally import ReleaseTally
from newsevents.schema import (
    Article,
    ClaimRow,
    EventRow,
    IncidentRow,
    InputFile,
    Reject,
    SkippedFile,
)


@dataclass
class Collected:
    """The validated articles in build order, the incidents across them, the rejects,
    and the counts for the manifest and the card.

    `articles` is a list, or with `collect(spool=...)` an `ArticleSpool` read from disk:
    then only compact copies of the articles are held while the corpus steps run.
    """

    articles: list[Article] | ArticleSpool = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)
    removed_lines: Counter[str] = field(default_factory=Counter)
    inputs: list[InputFile] = field(default_factory=list)
    skipped: list[SkippedFile] = field(default_factory=list)
    accounting: dict[str, int] = field(default_factory=dict)
    incidents: list[IncidentRow] | RecordSpool[IncidentRow] = field(default_factory=list)
    # With `collect(spool=...)`: the rows of the events and claims configs as the
    # articles came with them (stages.Built), for a release with the full text.
    event_rows: RecordSpool[EventRow] | None = None
    claim_rows: RecordSpool[ClaimRow] | None = None
    workers: int | None = 1  # processes that ran the stages (1: this one; None: a Dask cluster's)
    tally: ReleaseTally | None = None  # None: tallied from `articles` when asked
    cache: dict[str, int] | None = None  # articles reused from the cache and processed
    # 'article_id/event_id' -> incident_id for events with claims (None: from `incidents`)
    incident_of: dict[str, str] | None = None

    def counted(self) -> ReleaseTally:
        if self.tally is None:
            self.tally = ReleaseTally.of(self.articles)
        return self.tally


def collect(
    input_dir: Path,
    *,
    workers: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    cache: ArticleCache | None = None,
    spool: Path | None = None,
    on_item: Callable[[str], None] | None = None,
    on_start: Callable[[int], None] | None = None,
    after_stages: Callable[[], None] | None = None,
    on_spooled: Callable[[ArticleSpool, RecordSpool[EventRow] | None], None] | None = None,
    worker_init: Callable[[], None] | None = None,
) -> Collected:
    """Stream every input through the stages, then run the corpus steps over all the
    articles (near-duplicates, incidents); `on_start(article_files)` and
    `on_item(source_file)` (once per record, in this process) report progress;
    `after_stages()` is called when the last article is through the stages, and
    `on_spooled(articles, event_rows)` when the spooled articles are final
    (near-duplicates marked), before the incidents step.

    With `workers` > 1 the per-article stages run in that many processes (see
    workers.py), on a local Dask cluster with `engine="dask"`, or on the cluster of
    `scheduler` (dask_engine.py); the result is the same for any number and engine.
    With a `cache`, only the documents it does not hold go through the stages. With
    `spool` (a file path) the articles go to disk as they come (spool.py) instead of
    staying in memory.
    `worker_init` is for tests."""
    folder = InputFolder(input_dir)
    out = Collected(skipped=folder.skipped, tally=ReleaseTally())
    if on_start:
        on_start(len(folder.article_files))
    items: Iterable[Item] = folder.documents()
    if cache is not None:
        items = cache.resolve(items)
    out.workers, results = run_stages(
        items, workers=workers, engine=engine, scheduler=scheduler, worker_init=worker_init,
        while_waiting=prepare_corpus_steps,
    )  # fmt: skip
    if spool:  # before the cache, which keeps them
        results = _with_lone_rows(results)
    if cache is not None:
        results = cache.store(results)
    sink = ArticleSpool(spool) if spool else None
    lone: LineSpool | None = None  # the rows of incidents of one event (Corpus.lone_rows)
    if spool:
        out.event_rows = RecordSpool(spool.with_name(spool.name + ".events"), EventRow)
        out.claim_rows = RecordSpool(spool.with_name(spool.name + ".claims"), ClaimRow)
        lone = LineSpool(spool.with_name(spool.name + ".lone-incidents"))
    full: list[Article] = []  # the articles themselves, when not spooled
    kept: list[CompactArticle] = []  # what the corpus steps read
    # One buffer of uint32 values, a row per article: no object per signature.
    signatures = bytearray()
    for item in results:
        if isinstance(item, Reject):
            out.rejects.append(item)
            name = item.file
        else:
            # Read from what the worker or the cache made: no Article is rebuilt here.
            out.counted().add_facts(item.facts)
            out.removed_lines.update(item.removed)
            signatures += item.signature
            kept.append(item.compact)
            if sink is not None and lone is not None:
                sink.add_article(item.article_json, item.compact.article_id)
                _spool_rows(out, item)
                for line in item.lone_rows or ():  # made by _with_lone_rows at the latest
                    lone.add(line)
            else:
                full.append(item.article)
            name = item.facts.source_file
        if on_item:
            on_item(name)
    for rows in (out.event_rows, out.claim_rows):
        if rows is not None:
            rows.close()
    if after_stages:
        after_stages()
    matrix = np.frombuffer(signatures, dtype=np.uint32).reshape(-1, PERMUTATIONS)
    if lone is not None:
        lone.finish()
    corpus = run_corpus_steps(kept, matrix, lone)
    del matrix
    del kept, signatures  # the corpus steps drop them as soon as they are used
    original_of = corpus.original_of
    if sink is not None and spool is not None and lone is not None:
        sink.mark(original_of)
        out.articles = sink
        if on_spooled:
            on_spooled(sink, out.event_rows)
        incidents = RecordSpool(spool.with_name(spool.name + ".incidents"), IncidentRow)
        out.incident_of = {}
        for incident in corpus.lines:
            incidents.add_json(incident.json)
            # Read now, not again from disk.
            out.incident_of.update(dict.fromkeys(incident.claim_events, incident.incident_id))
        incidents.close()
        lone.close()
        out.incidents = incidents
        del corpus, original_of
        collector.give_back_freed_memory()  # before the writers, beside their side processes
    else:
        out.articles = [
            a.model_copy(update={"near_duplicate_of": original_of[a.article_id]})
            if a.article_id in original_of
            else a
            for a in full
        ]
        out.incidents = list(corpus.incidents)
    out.inputs = sorted(
        (f.model_copy(update={"records": folder.records.get(f.path)}) for f in folder.inputs),
        key=lambda f: f.path,
    )
    out.accounting = account(folder, out)
    if cache is not None:
        out.cache = cache.counts()
    return out


def _with_lone_rows(results: Iterable[Result]) -> Iterator[Result]:
    """The results, each article with its `lone_rows`: made here for one that comes
    without them (neither a worker nor the cache made them)."""
    for result in results:
        if isinstance(result, Built) and result.lone_rows is None:
            result = replace(result, lone_rows=lone_rows(result.compact))
        yield result


def _spool_rows(out: Collected, item: Built) -> None:
    assert out.event_rows is not None and out.claim_rows is not None
    for line in item.event_rows:
        out.event_rows.add_json(line)
    for key, line in item.claim_rows:
        out.claim_rows.add_json(line, key)


def prepare_corpus_steps() -> None:
    """Load what the corpus steps and the writers need here (about 0.5 s), while the
    workers run the stages: after the last result it would be on the build's path."""
    import pyarrow.json  # noqa: F401  # the writers read their rows with it
    import pyarrow.parquet  # noqa: F401

    from newsevents import knowledge
    from newsevents.pipeline.geocode import data

    knowledge.actors()  # the incidents' regions
    data.units()  # the incidents' common province or country
    data.countries()


def account(folder: InputFolder, out: Collected) -> dict[str, int]:
    """The counts that show every path and every record ended somewhere."""
    sidecars = set(folder.sidecar_files)
    sidecar_rejects = sum(1 for r in out.rejects if r.file in sidecars)
    refused = len(folder.refused) + len(folder.unread)
    return {
        "paths": len(out.inputs) + len(out.skipped) + refused,
        "files_read": len(out.inputs),
        "skipped": len(out.skipped),
        "refused": refused,
        "records": sum(folder.records.values()),
        "articles": len(out.articles),
        "rejected_records": len(out.rejects) - sidecar_rejects,
        "sidecar_rejects": sidecar_rejects,
        "rejects": len(out.rejects),
    }
