"""Run the pipeline over an input folder and gather its output (used by build and validate)."""

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from newsevents.pipeline.corpus import run_corpus_steps
from newsevents.pipeline.ingest import InputFolder
from newsevents.pipeline.workers import run_stages
from newsevents.schema import Article, IncidentRow, InputFile, Reject, SkippedFile


@dataclass
class Collected:
    """The validated articles in build order, the incidents across them, the rejects,
    and the counts for the manifest.

    Only output accumulates here; drafts are dropped as soon as they are validated.
    """

    articles: list[Article] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)
    removed_lines: Counter[str] = field(default_factory=Counter)
    inputs: list[InputFile] = field(default_factory=list)
    skipped: list[SkippedFile] = field(default_factory=list)
    accounting: dict[str, int] = field(default_factory=dict)
    incidents: list[IncidentRow] = field(default_factory=list)
    workers: int | None = 1  # processes that ran the stages (1: this one; None: a Dask cluster's)


def collect(
    input_dir: Path,
    *,
    workers: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    on_item: Callable[[str], None] | None = None,
    on_start: Callable[[int], None] | None = None,
    worker_init: Callable[[], None] | None = None,
) -> Collected:
    """Stream every input through the stages, then run the corpus steps over all the
    articles (near-duplicates, incidents); `on_start(article_files)` and
    `on_item(source_file)` (once per record, in this process) report progress.

    With `workers` > 1 the per-article stages run in that many processes (see
    workers.py), on a local Dask cluster with `engine="dask"`, or on the cluster of
    `scheduler` (dask_engine.py); the result is the same for any number and engine.
    `worker_init` is for tests."""
    folder = InputFolder(input_dir)
    out = Collected(skipped=folder.skipped)
    if on_start:
        on_start(len(folder.article_files))
    out.workers, results = run_stages(
        folder.documents(),
        workers=workers,
        engine=engine,
        scheduler=scheduler,
        worker_init=worker_init,
    )
    for item in results:
        if isinstance(item, Reject):
            out.rejects.append(item)
            name = item.file
        else:
            out.articles.append(item.article)
            out.removed_lines.update(item.removed)
            name = item.article.source_file
        if on_item:
            on_item(name)
    corpus = run_corpus_steps(out.articles)
    out.articles, out.incidents = corpus.articles, corpus.incidents
    out.inputs = sorted(
        (f.model_copy(update={"records": folder.records.get(f.path)}) for f in folder.inputs),
        key=lambda f: f.path,
    )
    out.accounting = account(folder, out)
    return out


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
