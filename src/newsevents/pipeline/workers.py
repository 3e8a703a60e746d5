"""Run the per-article stages in a pool of worker processes (`build --workers N`).

The parent keeps everything that is not per article: it walks and reads the input
folder, counts records, and gathers the results in input order, so a release's bytes
do not depend on the number of workers. Workers receive raw documents in tasks of
`TASK` (one task pays one round of pickling) and send back what `stages.process`
returns: a validated `Built` (with its rows of incidents of one event, `process_here`)
or a `Reject`. The fault barrier therefore runs inside
the worker exactly as it runs in process, and an article that raises still becomes
the same `internal-error` reject. While the workers start, the parent runs the stages
that need no model on the documents it reads (`stages.prepare`, behind the same
barrier), and those go to the workers as drafts, taken on from the parse. The pool
starts at the first document: results read before it (a rebuild's cached articles) go on
at once, and a rebuild that misses nothing in the cache waits for no worker.

A task holds TASK documents, not TASK items: in a rebuild the few documents the cache
lacks lie scattered among cached results, and a task of one document costs the workers
about 1.6 times as much per document as a task of eight (the parse pays a fixed cost for
each batch it runs). So the items are read in chunks of TASK documents, cut at
CHUNK_ITEMS items to bound the results held while a chunk fills.

Workers are not forked from the build's process: it may hold threads (the progress
bar) and a forked copy of a threaded process can deadlock. Where the system has it
(Linux, macOS), they are forked from multiprocessing's fork server, a fresh
single-threaded process that imports `preload.py` first: the model, the knowledge and
the stages' one-time tables are loaded there once (about 2 s) and every worker starts
with them, shared copy-on-write, instead of each loading its own copy on a busy core.
Elsewhere they are spawned and load them in their initializer. As with any spawned
process, a script that builds with workers > 1 must guard its entry point with
`if __name__ == "__main__":` (the fork server imports the script's main module).

A task that fails as a whole (a worker killed by the system, a result that does not
pickle) is run again in the parent, where its articles meet the fault barrier as
usual; once the pool is broken, the rest of the input runs in the parent too.
"""

import threading
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import suppress
from dataclasses import replace
from itertools import chain
from typing import TypeVar, cast

from newsevents.pipeline.corpus import lone_rows
from newsevents.pipeline.document import Draft, RawDocument
from newsevents.pipeline.fork_server import worker_context
from newsevents.pipeline.stages import Built, prepare, process, run_items
from newsevents.schema import Reject

TASK = 8  # documents per task: a few ms of pickling against a second or so of stages
CHUNK_ITEMS = 512  # items in a chunk at most, whatever the documents among them
# Tasks submitted ahead of the one the parent waits for, per worker: enough to keep every
# worker busy, few enough that memory stays bounded by the window, not the corpus.
AHEAD_PER_WORKER = 4
WINDOW_ITEMS = 2048  # items held in the window at most, whatever they are
LOOK_AHEAD = 64  # items `plan` may hold while it decides (cached results are whole articles)

Item = RawDocument | Built | Reject  # what is already a result passes through
# What a chunk holds once read: a draft is a document `prepare` has begun.
Held = RawDocument | Draft | Built | Reject
Work = RawDocument | Draft
ItemOrHeld = TypeVar("ItemOrHeld", Item, Held)
Result = Built | Reject
Task = tuple[list[Work], "Future[list[Result]]"]  # documents sent, and their results


def plan(items: Iterable[Item], workers: int) -> tuple[int, Iterator[Item]]:
    """How many processes to run the stages on, and the items, none lost.

    Starting workers costs each of them the model load (seconds), so an input of no
    more than one task runs in the parent whatever `workers` says: the output is the
    same either way. At most LOOK_AHEAD items are read ahead to decide (a rebuild whose
    articles nearly all come from the cache has few documents among many results); an
    input that long gets the workers."""
    stream = iter(items)
    if workers == 1:
        return 1, stream
    head: list[Item] = []
    docs = 0
    for item in stream:
        head.append(item)
        docs += isinstance(item, RawDocument)
        if docs > TASK or len(head) >= LOOK_AHEAD:
            return workers, chain(head, stream)
    return 1, iter(head)


def run_stages(
    items: Iterable[Item],
    *,
    workers: int,
    engine: str = "local",
    scheduler: str | None = None,
    worker_init: Callable[[], None] | None = None,
    while_waiting: Callable[[], None] | None = None,
) -> tuple[int | None, Iterator[Result]]:
    """The per-article stages over `items` on the engine the build asked for, and how
    many processes run them: 1 is this one, None an existing Dask cluster's workers.

    A `scheduler` was named to be used, so even a small input goes to its cluster;
    otherwise `plan` decides, for a local Dask cluster as for the pool."""
    # Imported here: dask_engine imports this module.
    from newsevents.pipeline.dask_engine import run_on_dask

    if scheduler is not None:
        return None, run_on_dask(
            items, scheduler=scheduler, workers=workers, worker_init=worker_init
        )
    processes, stream = plan(items, workers)
    if processes == 1:
        return 1, run_items(stream)
    if engine == "dask":
        return processes, run_on_dask(
            stream, scheduler=None, workers=processes, worker_init=worker_init
        )
    return processes, run_in_pool(
        stream, processes, worker_init=worker_init, while_waiting=while_waiting
    )


def run_in_pool(
    items: Iterable[Item],
    workers: int,
    *,
    worker_init: Callable[[], None] | None = None,
    while_waiting: Callable[[], None] | None = None,
) -> Iterator[Result]:
    """`stages.process` over every document of `items` on `workers` processes, in input
    order; results among the items (a reader's reject, a cached article) pass through.

    `worker_init`, a picklable top-level function, runs once in each worker after the
    model loads (tests use it to make a stage fail inside the workers). `while_waiting`
    runs in a thread of this process while the workers start: what this process will
    need after the stages (knowledge, imports) is loaded then, while it would otherwise
    wait, not after the last result."""
    window: deque[tuple[list[Held], list[Task] | None]] = deque()
    # The last `workers` chunks read, not sent yet: when the input ends, their documents
    # go out together in smaller tasks (`_tail_size`), so the workers finish together:
    # with whole tasks, one worker ran the last task of 8 while the others waited. Until
    # the workers have started, every chunk read from the first document on waits here too.
    held: deque[list[Held]] = deque()
    tasks = 0  # tasks in the window, with the workers
    items_held = 0  # items in `held` and in the window: at most WINDOW_ITEMS, about
    broken = False
    # The workers start in a thread, at the first document read: starting them waits
    # for the fork server to load the model (about 2 s), while this process reads on. A
    # rebuild that misses nothing in the cache starts none.
    pool: ProcessPoolExecutor | None = None
    started = threading.Event()
    starting: threading.Thread | None = None
    # Beside it, what this process needs after the stages.
    preparing = threading.Thread(target=_quietly, args=(while_waiting,), daemon=True)
    preparing.start()

    def start() -> None:
        nonlocal pool, starting
        pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=worker_context(),
            initializer=load_once,
            initargs=(worker_init,),
        )
        starting = threading.Thread(target=_start, args=(pool, started), daemon=True)
        starting.start()

    def hold(chunk: list[Held]) -> None:
        nonlocal items_held
        held.append(chunk)
        items_held += len(chunk)

    def send(chunk: list[Held], size: int) -> None:
        """Submit the chunk's documents in tasks of at most `size`, as even as they
        can be (none: run here on gathering), once the workers have started."""
        nonlocal broken, tasks
        docs = [item for item in chunk if isinstance(item, Work)]
        sent: list[Task] | None = None
        if docs and not broken:
            started.wait()
            assert pool is not None  # started at the first document
            parts = _even_parts(docs, size)
            try:
                sent = [(part, pool.submit(process_here, part)) for part in parts]
            except BrokenProcessPool:
                broken, sent = True, None  # a task sent before it breaks is redone here
        window.append((chunk, sent))
        tasks += len(sent or ())

    stream: Iterable[Held] = items
    try:
        for chunk in chunks(stream):
            if pool is None and _has_docs(chunk):
                start()
            if not started.is_set() and items_held < WINDOW_ITEMS:
                # Waiting for the workers: this process runs the stages that need no
                # model on the chunk's documents, which the workers then take on.
                hold(_prepared(chunk))
                # What comes before the first document needs no worker: a rebuild's
                # cached results go on at once, not after the workers have started.
                while held and not window and not _has_docs(held[0]):
                    passed = held.popleft()
                    items_held -= len(passed)
                    yield from cast(list[Result], passed)
                continue
            hold(chunk)
            while held and (len(held) > workers or not _has_docs(held[0])):
                send(held.popleft(), TASK)
            # Bounded by tasks (enough to keep every worker busy) and by items (a cached
            # result is a whole article in memory): a rebuild reads on through its cached
            # articles while the workers start and run the few documents it missed.
            while tasks > workers * AHEAD_PER_WORKER or items_held > WINDOW_ITEMS:
                gathered, sent = window.popleft()
                tasks -= len(sent or ())
                items_held -= len(gathered)
                broken |= yield from _gather(gathered, sent)
        while len(held) > workers:  # all of the input, if read whole while waiting
            send(held.popleft(), TASK)
        # The input's last chunks, as one: their documents shared out in smaller tasks.
        tail = list(chain.from_iterable(held))
        held.clear()
        if tail:
            send(tail, _tail_size(sum(isinstance(item, Work) for item in tail), workers))
        while window:
            broken |= yield from _gather(*window.popleft())
    finally:
        # Not waited for: the workers end while this process goes on to the corpus steps.
        if starting is not None and pool is not None:
            starting.join()
            pool.shutdown(wait=False, cancel_futures=True)
        preparing.join()


def chunks(items: Iterable[ItemOrHeld]) -> Iterator[list[ItemOrHeld]]:
    """The items in order, in chunks of TASK documents, or of CHUNK_ITEMS items where the
    documents are scattered among results (a rebuild)."""
    chunk: list[ItemOrHeld] = []
    docs = 0
    for item in items:
        chunk.append(item)
        docs += isinstance(item, RawDocument)
        if docs == TASK or len(chunk) == CHUNK_ITEMS:
            yield chunk
            chunk, docs = [], 0
    if chunk:
        yield chunk


def _tail_size(docs: int, workers: int) -> int:
    """The size of the last tasks: two for each worker, so the workers finish close
    together, but none smaller than it must be (a task of few documents costs more per
    document) nor larger than TASK."""
    return max(1, min(TASK, -(-docs // (2 * workers))))


def _even_parts(docs: list[Work], size: int) -> list[list[Work]]:
    """`docs` in as few parts of at most `size` as can be, their sizes differing by at
    most one: 13 documents in parts of 4 are 4, 3, 3 and 3, not 4, 4, 4 and 1."""
    count = -(-len(docs) // size)
    cut, extra = divmod(len(docs), count)
    parts, start = [], 0
    for index in range(count):
        end = start + cut + (index < extra)
        parts.append(docs[start:end])
        start = end
    return parts


def _has_docs(chunk: list[Held]) -> bool:
    return any(isinstance(item, Work) for item in chunk)


def _prepared(chunk: list[Held]) -> list[Held]:
    """A chunk of documents through the stages before the parse (as drafts). A chunk
    that holds results too is left as it is: that is a rebuild, whose process has its
    cache to read meanwhile, and a few documents would not repay the stages' loading."""
    if not all(isinstance(item, RawDocument) for item in chunk):
        return chunk
    return list(prepare(cast(list[RawDocument], chunk)))


def _start(pool: ProcessPoolExecutor, started: threading.Event) -> None:
    """Start the pool: its first submit forks a worker, which waits for the fork server
    to have loaded; the others are forked at once as the stages' tasks arrive. A pool
    that fails to start is broken at the next submit, which says so where it is
    handled."""
    try:
        with suppress(Exception):
            pool.submit(_nothing)
    finally:
        started.set()


def _quietly(prepare: Callable[[], None] | None) -> None:
    """Run `prepare` in its thread; what fails there is only done later, where it is
    needed, and fails there with its own error."""
    with suppress(Exception):
        if prepare is not None:
            prepare()


def process_here(docs: list[Work]) -> list[Result]:
    """`stages.process` in a worker, each article with its `lone_rows`: made here, beside
    the others, instead of in the build's process, which runs the corpus steps alone
    once every article is in (`incidents.incident_lines` takes them)."""
    return [
        replace(r, lone_rows=lone_rows(r.compact)) if isinstance(r, Built) else r
        for r in process(docs)
    ]


def _nothing() -> None:
    """The task that starts the workers."""


def _gather(chunk: list[Held], sent: list[Task] | None) -> Generator[Result, None, bool]:
    """Yield the chunk's results in order; return whether the pool turned out broken.
    Its documents went out in the tasks `sent`, in order, or run here (None)."""
    docs = [item for item in chunk if isinstance(item, Work)]
    broke = False
    if sent is None:
        results = process(docs) if docs else []
    else:
        results = []
        for part, future in sent:
            try:
                results += future.result()
            except BrokenProcessPool:
                broke = True
                results += process(part)
            except Exception:  # the task as a whole failed (e.g. pickling): redo it here
                results += process(part)
    done = iter(results)
    for item in chunk:
        yield next(done) if isinstance(item, Work) else item
    return broke


def load_once(worker_init: Callable[[], None] | None = None) -> None:
    """Load the model, the knowledge files and the stages' one-time tables into this
    process's caches before the first task, so no task pays for them: run by the fork
    server (preload.py) and then by each pool worker (already loaded when forked from
    it), and by a Dask worker when the build's plugin is set up on it (dask_engine.py).
    Nothing here may hold an open file or connection: forked workers would share it."""
    from newsevents import knowledge
    from newsevents.pipeline import collector, gazetteer, nlp, screen
    from newsevents.pipeline.geocode import data
    from newsevents.temporal import dates

    collector.tune_for_bulk_work()
    model = nlp.load_nlp()
    for loader in (
        knowledge.boilerplate, knowledge.outlets, knowledge.credits, knowledge.actors,
        knowledge.names, knowledge.event_lexicon, knowledge.claim_lexicon,
        knowledge.known_incidents, knowledge.office_terms, knowledge.time_words,
        data.units, data.countries, screen.language_identifier, dates.load_date_parser,
    ):  # fmt: skip
        loader()
    gazetteer.phrase_matcher(model)
    collector.freeze_loaded()
    if worker_init is not None:
        worker_init()
