"""`build --workers N`: the per-article stages in a process pool give the same release,
the same rejects and the same progress reports as in this process."""

import hashlib
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsevents.cli import app
from newsevents.config import BuildConfig, default_workers
from newsevents.pipeline import stages
from newsevents.pipeline.collect import collect
from newsevents.pipeline.corpus import lone_rows
from newsevents.pipeline.ingest import InputFolder
from newsevents.pipeline.spool import ArticleSpool, RecordSpool
from newsevents.pipeline.stages import Built, Stage
from newsevents.pipeline.workers import TASK, run_in_pool
from newsevents.release import assemble
from newsevents.release.assemble import build_release
from newsevents.schema import EventRow

from .conftest import GOOD_ARTICLE, SEEDS, write_inputs

MARKER = "officials said EXPLODE"


def _seed_corpus(folder: Path) -> Path:
    """The seeds (with their sidecar and dataset.yaml) and enough copies of the seed
    articles that the pool gets several tasks; a folder of one task runs in process."""
    shutil.copytree(SEEDS, folder)
    for path in sorted(SEEDS.glob("*.txt")):
        shutil.copy(path, folder / f"copy_{path.name}")
    assert len(list(folder.glob("*.txt"))) > TASK
    return folder


def _files(release: Path) -> dict[str, str]:
    return {
        str(p.relative_to(release)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(release.rglob("*"))
        if p.is_file()
    }


def test_two_workers_build_the_same_bytes_and_progress_as_one(tmp_path: Path) -> None:
    inputs = _seed_corpus(tmp_path / "in")
    releases, reported = {}, {}
    for workers in (1, 2):
        names: list[str] = []
        config = BuildConfig(
            input_dir=inputs, out_dir=tmp_path / f"out{workers}", version="v", workers=workers
        )
        report = build_release(config, on_item=names.append)
        assert report.workers == workers
        releases[workers], reported[workers] = report.release_dir, names
    one, two = _files(releases[1]), _files(releases[2])
    assert "SHA256SUMS" in one and "jsonl/articles.jsonl" in one
    assert two == one
    assert (releases[2] / "SHA256SUMS").read_bytes() == (releases[1] / "SHA256SUMS").read_bytes()
    # One report per record, in input order, fired in this process.
    assert reported[2] == reported[1] and len(reported[1]) == len(list(inputs.glob("*.txt")))


def test_the_workers_make_each_article_s_lone_incident_rows(tmp_path: Path) -> None:
    inputs = _seed_corpus(tmp_path / "in")
    docs = list(InputFolder(inputs).documents())
    built = [r for r in run_in_pool(docs, 2) if isinstance(r, Built)]
    assert len(built) == len(docs) == len(list(inputs.glob("*.txt")))
    for result in built:
        # What the build's process makes for an article that comes without them.
        assert result.lone_rows == lone_rows(result.compact)
        assert len(result.lone_rows) == len(result.compact.events)
    assert sum(len(r.compact.events) for r in built) > 0


def _explode_on_marker() -> None:
    """Worker initializer for the test below: the events stage raises on one article,
    as the in-process test in test_hardening makes it (monkeypatch cannot reach a worker)."""
    real = next(s for s in stages.STAGES if s.name == "events")

    def explode(drafts):  # type: ignore[no-untyped-def]
        if any("EXPLODE" in d.text for d in drafts):
            raise RuntimeError("boom in the events stage")
        return real.run(drafts)

    stages.STAGES = tuple(
        Stage(s.name, explode, s.version) if s.name == "events" else s for s in stages.STAGES
    )


def _exit_on_marker() -> None:
    """Worker initializer: the worker that meets the marked article dies outright."""
    real = next(s for s in stages.STAGES if s.name == "events")

    def die(drafts):  # type: ignore[no-untyped-def]
        if any("EXPLODE" in d.text for d in drafts):
            os._exit(1)
        return real.run(drafts)

    stages.STAGES = tuple(
        Stage(s.name, die, s.version) if s.name == "events" else s for s in stages.STAGES
    )


def _marked_corpus(folder: Path) -> Path:
    files = {
        f"a{i:02d}.txt": GOOD_ARTICLE.replace("Monday", day)
        for i, day in enumerate(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"] * 2)
    }
    files["a07.txt"] = GOOD_ARTICLE.replace("officials said", MARKER)
    return write_inputs(folder, files)


def test_a_stage_that_raises_in_a_worker_gives_the_in_process_reject(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inputs = _marked_corpus(tmp_path / "in")
    pooled = collect(inputs, workers=2, worker_init=_explode_on_marker)
    with monkeypatch.context() as patch:
        patch.setattr(stages, "STAGES", stages.STAGES)  # undone on leaving the block
        _explode_on_marker()
        alone = collect(inputs, workers=1)
    assert pooled.workers == 2 and alone.workers == 1
    assert [(r.file, r.reason, r.value) for r in pooled.rejects] == [
        ("a07.txt", "internal-error", "RuntimeError")
    ]
    assert "stage events: a07.txt: RuntimeError: boom in the events stage" in (
        pooled.rejects[0].message
    )
    assert pooled.rejects == alone.rejects
    assert pooled.articles == alone.articles and len(pooled.articles) == 9


def test_a_worker_that_dies_costs_no_article(tmp_path: Path) -> None:
    """A killed worker breaks the pool; its task and the rest are run in this process,
    where the stage is not broken, so every article is built."""
    inputs = _marked_corpus(tmp_path / "in")
    pooled = collect(inputs, workers=2, worker_init=_exit_on_marker)
    alone = collect(inputs, workers=1)
    assert pooled.workers == 2
    assert pooled.rejects == [] and len(pooled.articles) == 10
    assert pooled.articles == alone.articles


def test_an_input_of_one_task_runs_in_process(tmp_path: Path) -> None:
    report = build_release(
        BuildConfig(input_dir=SEEDS, out_dir=tmp_path / "out", version="v", workers=4)
    )
    assert report.workers == 1


def test_workers_default_to_the_cores() -> None:
    assert BuildConfig().workers == default_workers() == (os.cpu_count() or 1)


@pytest.mark.parametrize("workers", ["0", "-2"])
def test_workers_below_one_is_a_user_error(tmp_path: Path, workers: str) -> None:
    args = ["build", "--input", str(SEEDS), "--out", str(tmp_path), "--workers", workers]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 1
    assert result.output == (
        f"error: [E030] --workers {workers} is not a number of processes; pass 1 or more "
        "(1 runs the build in this process; the default is this machine's "
        f"{default_workers()} cores)\n"
    )
    assert not any(tmp_path.iterdir())


def _loaded_when_forked() -> tuple[int, int, int]:
    """In a pool worker, before anything runs: whether the model, the gazetteer's
    phrase matcher and the language identifier are already in this process."""
    from newsevents.pipeline import gazetteer, nlp, screen

    return (
        nlp.load_nlp.cache_info().currsize,
        gazetteer.phrase_matcher.cache_info().currsize,
        screen.language_identifier.cache_info().currsize,
    )


@pytest.mark.skipif(
    "forkserver" not in __import__("multiprocessing").get_all_start_methods(),
    reason="no fork server on this system: workers are spawned and load the model themselves",
)
def test_workers_are_forked_with_the_model_already_loaded(tmp_path: Path) -> None:
    from concurrent.futures import ProcessPoolExecutor

    from newsevents.pipeline.fork_server import PRELOAD, start_fork_server, worker_context

    (tmp_path / "crawl.jsonl").write_text("")  # a JSONL file may hold any number
    start_fork_server(2, tmp_path)  # as `build` does first thing; twice is harmless
    context = worker_context()
    assert context.get_start_method() == "forkserver" and PRELOAD
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:  # no initializer
        assert pool.submit(_loaded_when_forked).result() == (1, 1, 1)


def test_a_failing_preparation_beside_the_workers_costs_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the build's process loads while the workers start is only a head start: if
    it fails there, the corpus steps load it themselves."""
    from newsevents.pipeline import collect as collect_module

    calls = []

    def broken_preparation() -> None:
        calls.append(1)
        raise OSError("a knowledge file could not be read just then")

    inputs = _marked_corpus(tmp_path / "in")
    monkeypatch.setattr(collect_module, "prepare_corpus_steps", broken_preparation)
    pooled = collect(inputs, workers=2)
    assert calls == [1] and pooled.workers == 2
    assert pooled.rejects == [] and len(pooled.articles) == 10 and len(pooled.incidents) > 0
    from newsevents.pipeline.workers import _quietly

    _quietly(broken_preparation)  # the thread's own body: no traceback from the thread
    assert calls == [1, 1]


def test_the_fork_server_is_started_early_only_for_more_than_one_task(tmp_path: Path) -> None:
    from newsevents.pipeline.fork_server import ONE_TASK, _more_than_one_task

    assert ONE_TASK == TASK
    assert not _more_than_one_task(SEEDS)  # five articles and two YAML files
    assert not _more_than_one_task(tmp_path / "missing")
    small = write_inputs(tmp_path / "small", {f"a{i}.txt": GOOD_ARTICLE for i in range(TASK)})
    assert not _more_than_one_task(small)
    many = write_inputs(tmp_path / "many", {f"a{i}.txt": GOOD_ARTICLE for i in range(TASK + 3)})
    assert _more_than_one_task(many)
    assert _more_than_one_task(write_inputs(tmp_path / "nested", {"2024/a.txt": GOOD_ARTICLE}))
    assert _more_than_one_task(write_inputs(tmp_path / "crawl", {"crawl.jsonl": "{}\n"}))


def test_articles_written_beside_give_the_same_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A large corpus has a side process write its articles config and their explorer
    pages, and the events config, while this one writes the rest (assemble.RowsBeside):
    same release."""
    inputs = _seed_corpus(tmp_path / "in")
    alone = build_release(
        BuildConfig(input_dir=inputs, out_dir=tmp_path / "out1", version="v", workers=1)
    )
    submitted: list[tuple[bool, bool]] = []
    start = assemble.RowsBeside.start

    def recorded(
        self: assemble.RowsBeside, articles: ArticleSpool, events: RecordSpool[EventRow] | None
    ) -> None:
        start(self, articles, events)
        submitted.append((self.articles is not None, self.events))

    monkeypatch.setattr(assemble, "SIDE_ARTICLES", 2)  # the seeds' corpus counts
    monkeypatch.setattr(assemble.RowsBeside, "start", recorded)
    beside = build_release(
        BuildConfig(input_dir=inputs, out_dir=tmp_path / "out2", version="v", workers=2)
    )
    assert submitted == [(True, True)]
    assert _files(beside.release_dir) == _files(alone.release_dir)


def test_a_failed_build_leaves_no_folder_its_side_jobs_wrote(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inputs = _seed_corpus(tmp_path / "in")

    def fail(*args: object) -> None:
        raise RuntimeError("the incidents could not be written")

    monkeypatch.setattr(assemble, "SIDE_ARTICLES", 2)
    monkeypatch.setattr(assemble, "write_corpus_configs", fail)
    config = BuildConfig(input_dir=inputs, out_dir=tmp_path / "out", version="v", workers=2)
    with pytest.raises(RuntimeError, match="could not be written"):
        build_release(config)
    # Nothing but the per-article cache: no temporary release, no spool, no lock.
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [".cache"]


def _doc_id(item: object) -> str:
    from newsevents.pipeline.document import Draft

    return item.doc.article_id if isinstance(item, Draft) else item.article_id  # type: ignore[attr-defined]


class _InlinePool:
    """A stand-in for the process pool: runs each task at once, and records its size."""

    sizes: list[int] = []

    def __init__(self, **kwargs: object) -> None:
        _InlinePool.sizes = []

    def submit(self, fn, *docs):  # type: ignore[no-untyped-def]
        from concurrent.futures import Future

        future: Future[object] = Future()
        if docs:  # not the task that starts the workers
            _InlinePool.sizes.append(len(docs[0]))
        future.set_result(fn(*docs))
        return future

    def shutdown(self, **kwargs: object) -> None:
        pass


def test_the_last_tasks_are_cut_small_and_results_keep_their_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from newsevents.pipeline import workers
    from newsevents.pipeline.document import RawDocument

    monkeypatch.setattr(workers, "ProcessPoolExecutor", _InlinePool)
    # A document read before the pool has started goes as a draft (begun here).
    monkeypatch.setattr(workers, "process", lambda docs: [f"built {_doc_id(d)}" for d in docs])
    docs = [RawDocument(f"a{i:02d}", f"a{i:02d}.txt", None, "text") for i in range(37)]
    cached = "a cached result"  # passes through in its place
    items = [*docs[:20], cached, *docs[20:]]
    results = list(workers.run_in_pool(items, 2))
    expected = [f"built {d.article_id}" for d in docs[:20]]
    assert results == [*expected, cached, *(f"built {d.article_id}" for d in docs[20:])]
    # 37 documents in chunks of 8 (the third holds the cached result too): the first
    # three go whole; the last two (one per worker: 8 and 5 documents) together, in four
    # tasks (two per worker) as even as they can be.
    assert _InlinePool.sizes == [8, 8, 8, 4, 3, 3, 3]


def test_documents_scattered_among_cached_results_go_out_in_whole_tasks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A rebuild: one document in ten missed the cache. Its documents are sent TASK at
    a time, not one task per TASK items read (a task of one document costs the workers
    more per document), and every result keeps its place."""
    from newsevents.pipeline import workers
    from newsevents.pipeline.document import RawDocument

    monkeypatch.setattr(workers, "ProcessPoolExecutor", _InlinePool)
    monkeypatch.setattr(workers, "process", lambda docs: [f"built {_doc_id(d)}" for d in docs])
    items: list[object] = []
    for i in range(300):
        items.append(RawDocument(f"a{i:03d}", f"a{i:03d}.txt", None, "text") if i % 10 == 0
                     else f"cached {i}")  # fmt: skip
    results = list(workers.run_in_pool(items, 2))  # type: ignore[arg-type]
    assert results == [f"built a{i:03d}" if i % 10 == 0 else f"cached {i}" for i in range(300)]
    # 30 documents: two tasks of 8, then the last two chunks (8 and 6) shared out.
    assert _InlinePool.sizes == [8, 8, 4, 4, 3, 3]


def test_a_chunk_is_cut_at_task_documents_or_at_chunk_items() -> None:
    from newsevents.pipeline.document import RawDocument
    from newsevents.pipeline.workers import CHUNK_ITEMS, chunks

    def doc(i: int) -> RawDocument:
        return RawDocument(f"a{i}", f"a{i}.txt", None, "text")

    # A long run of results with no document: cut at CHUNK_ITEMS, nothing lost.
    items = [*(f"cached {i}" for i in range(CHUNK_ITEMS + 10)), *(doc(i) for i in range(11))]
    cut = list(chunks(items))
    assert [len(c) for c in cut] == [CHUNK_ITEMS, 10 + TASK, 11 - TASK]
    assert [item for c in cut for item in c] == items
    assert list(chunks([])) == []


def test_an_input_read_whole_while_the_workers_start_is_sent_in_the_same_tasks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The workers start in a thread (waiting for the fork server) while the build's
    process reads on; an input read to its end meanwhile still goes out in tasks of
    TASK, only its last chunks shared out in smaller tasks."""
    import threading

    from newsevents.pipeline import workers
    from newsevents.pipeline.document import RawDocument

    read_whole = threading.Event()

    class LateStartPool(_InlinePool):
        def submit(self, fn, *docs):  # type: ignore[no-untyped-def]
            if not docs:  # the workers start only once the input has been read
                assert read_whole.wait(10)
            return super().submit(fn, *docs)

    def items():  # type: ignore[no-untyped-def]
        yield from [RawDocument(f"a{i:02d}", f"a{i:02d}.txt", None, "text") for i in range(38)]
        read_whole.set()

    monkeypatch.setattr(workers, "ProcessPoolExecutor", LateStartPool)
    # Read while the workers start: each document goes as a draft (begun here).
    monkeypatch.setattr(workers, "process", lambda drafts: [d.doc.article_id for d in drafts])
    results = list(workers.run_in_pool(items(), 2))
    assert results == [f"a{i:02d}" for i in range(38)]
    assert LateStartPool.sizes == [8, 8, 8, 4, 4, 3, 3]


def test_documents_begun_in_this_process_end_as_documents_run_whole() -> None:
    """`prepare` (the stages before the parse, run by the build's process while the
    workers start) then `process` gives what `process` gives alone: articles, and the
    rejects of the early stages (an empty article, one not in English)."""
    from newsevents.pipeline.document import RawDocument
    from newsevents.pipeline.ingest import InputFolder

    docs = list(InputFolder(SEEDS).documents())[:3]
    docs += [
        RawDocument("empty", "empty.txt", None, "A headline only"),
        RawDocument("french", "french.txt", None, "Un titre\n\n" + "Le gouvernement a "
                    "annoncé mardi de nouvelles mesures pour la région. " * 8),
    ]  # fmt: skip
    begun = stages.prepare(docs)
    assert [d.stages_done for d in begun] == [stages.BEFORE_PARSE] * len(docs)
    assert all(d.nlp is None for d in begun), "the parse is left to the workers"
    whole, taken_on = stages.process(docs), stages.process(begun)
    assert taken_on == whole
    assert [type(r).__name__ for r in whole] == ["Built"] * 3 + ["Reject"] * 2
    assert [r.reason for r in whole[3:]] == ["empty-article", "unsupported-language"]


def test_documents_read_while_the_workers_start_are_begun_here(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Chunks of documents read before the workers have started go to them as drafts
    past the stages before the parse; a chunk holding a cached result goes as it is."""
    import threading

    from newsevents.pipeline import workers
    from newsevents.pipeline.document import Draft, RawDocument

    read_whole = threading.Event()
    sent: list[str] = []

    class LateStartPool(_InlinePool):
        def submit(self, fn, *docs):  # type: ignore[no-untyped-def]
            if not docs:
                assert read_whole.wait(10)
            sent.extend(type(d).__name__ for d in (docs[0] if docs else []))
            return super().submit(fn, *docs)

    def items():  # type: ignore[no-untyped-def]
        docs = [RawDocument(f"a{i:02d}", f"a{i:02d}.txt", None, "T\n\nBody.") for i in range(23)]
        yield from [*docs[:16], "a cached result", *docs[16:]]
        read_whole.set()

    def run(drafts):  # type: ignore[no-untyped-def]
        return [d.stages_done if isinstance(d, Draft) else 0 for d in drafts]

    monkeypatch.setattr(workers, "ProcessPoolExecutor", LateStartPool)
    monkeypatch.setattr(workers, "process", run)
    results = list(workers.run_in_pool(items(), 2))
    begun = stages.BEFORE_PARSE
    assert results == [begun] * 16 + ["a cached result"] + [0] * 7
    assert sent == ["Draft"] * 16 + ["RawDocument"] * 7


def test_cached_results_before_the_first_document_go_on_while_the_workers_start(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A rebuild: the results read before the first document the cache missed need no
    worker, so they are passed on before the workers have started (which takes the
    model's load); an input with no document at all starts no pool."""
    import threading

    from newsevents.pipeline import workers
    from newsevents.pipeline.document import RawDocument

    started = threading.Event()
    pools: list[object] = []

    class SlowStartPool(_InlinePool):
        def __init__(self, **kwargs: object) -> None:
            super().__init__(**kwargs)
            pools.append(self)

        def submit(self, fn, *docs):  # type: ignore[no-untyped-def]
            if not docs:  # the workers start once the first results have been taken
                passed_on.wait(5)
                started.set()
            return super().submit(fn, *docs)

    passed_on = threading.Event()
    monkeypatch.setattr(workers, "ProcessPoolExecutor", SlowStartPool)
    monkeypatch.setattr(workers, "process", lambda docs: [f"built {_doc_id(d)}" for d in docs])
    cached = [f"cached {i}" for i in range(workers.CHUNK_ITEMS + 3)]
    docs = [RawDocument(f"a{i}", f"a{i}.txt", None, "text") for i in range(3)]
    results = workers.run_in_pool([*cached, *docs], 2)  # type: ignore[list-item]
    first = [next(results) for _ in range(workers.CHUNK_ITEMS)]
    assert first == cached[: workers.CHUNK_ITEMS]
    assert not started.is_set(), "passed on before the workers started"
    passed_on.set()
    assert list(results) == [*cached[workers.CHUNK_ITEMS :], "built a0", "built a1", "built a2"]
    assert started.is_set()

    pools.clear()
    assert list(workers.run_in_pool(cached, 2)) == cached  # type: ignore[arg-type]
    assert pools == [], "no document, no pool"
