"""Run the per-article stages on a Dask cluster (`build --engine dask [--scheduler ADDRESS]`).

The contract is the pool's (workers.py): this process reads the inputs and gathers
the results in input order, so a release's bytes do not depend on the engine; tasks
of up to `workers.TASK` documents run `stages.process` on the cluster (`workers.process_here`,
as in the pool), whose fault barrier
makes an article that raises the same `internal-error` reject as in process; items
that are not documents pass through in place. Only a window of tasks is in flight,
so memory is bounded by the window, not the corpus.

Without a scheduler address a `LocalCluster` of `workers` processes (one thread each:
the stages hold the GIL) is started for the build and closed after it. With one, the
build connects to that scheduler and its workers run the stages; every worker needs
the same newsevents installed, and nothing else: the documents are sent to it.

Each worker loads the spaCy model and the knowledge files once, when the build's
worker plugin is set up on it (a worker that joins later is set up as it joins), not
in every task. A task that fails as a whole (a worker lost, a result that does not
arrive) is run again in this process, where its articles meet the fault barrier.

`distributed` is imported inside the functions: it takes half a second to import, and
a build on the local engine must not pay for it.
"""

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from newsevents.errors import E, UserError
from newsevents.pipeline.document import RawDocument
from newsevents.pipeline.stages import process
from newsevents.pipeline.workers import (
    AHEAD_PER_WORKER,
    TASK,
    WINDOW_ITEMS,
    Item,
    Result,
    chunks,
    load_once,
    process_here,
)

if TYPE_CHECKING:  # for the type checker only: see the last paragraph above
    from distributed import Client, Future, WorkerPlugin

# Long enough for a scheduler across a network, short enough that a wrong address is
# reported at once instead of after distributed's default of 30 s.
CONNECT_TIMEOUT = 5  # seconds
# A scheduler without workers would leave the build waiting forever; workers started
# together with it get this long to join.
WORKERS_TIMEOUT = 30  # seconds
PLUGIN_NAME = "newsevents-load-once"


def run_on_dask(
    items: Iterable[Item],
    *,
    scheduler: str | None,
    workers: int,
    worker_init: Callable[[], None] | None = None,
) -> Iterator[Result]:
    """`stages.process` over every document of `items` on a Dask cluster, in input
    order; items that are not documents pass through unchanged.

    `scheduler` is the address of a running scheduler (tcp://HOST:8786), or None to
    start a local cluster of `workers` processes for this run. `worker_init`, a
    picklable top-level function, runs once on each worker after the model loads
    (tests use it to break the stages inside the workers)."""
    with _client(scheduler, workers) as client:
        client.register_plugin(_load_once_plugin(worker_init))
        yield from _in_order(client, items, ahead=AHEAD_PER_WORKER * _threads(client))


@contextmanager
def _client(scheduler: str | None, workers: int) -> Iterator["Client"]:
    """A client of the given scheduler, or of a local cluster that lives as long as it."""
    from distributed import Client, LocalCluster

    if scheduler is None:
        # The scheduler's web server on a free port: the usual 8787 may be another
        # cluster's, and taking the next one warns.
        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0"
        )
        with cluster, Client(cluster) as client:
            yield client
    else:
        with _connect(scheduler) as client:
            _wait_for_a_worker(client, scheduler)
            yield client


def _connect(scheduler: str) -> "Client":
    from distributed import Client

    try:
        return Client(scheduler, timeout=CONNECT_TIMEOUT)
    except (OSError, ValueError) as err:  # unreachable, or not an address at all
        raise UserError(E.E033, address=scheduler, problem=err) from err


def _wait_for_a_worker(client: "Client", scheduler: str) -> None:
    try:
        client.wait_for_workers(1, timeout=WORKERS_TIMEOUT)
    except TimeoutError as err:
        raise UserError(E.E034, address=scheduler, seconds=WORKERS_TIMEOUT) from err


def _threads(client: "Client") -> int:
    """Task slots of the cluster as the build starts (a local cluster: its workers)."""
    return max(1, sum(client.nthreads().values()))


def _load_once_plugin(worker_init: Callable[[], None] | None) -> "WorkerPlugin":
    """The worker plugin that loads the model on each worker when it is set up.

    The class is made here so that `distributed` is imported only by a Dask build;
    the client pickles it by value, and its `setup` calls `workers.load_once` by
    reference (the worker imports newsevents to run the stages anyway)."""
    from distributed import WorkerPlugin

    class LoadOnce(WorkerPlugin):
        name = PLUGIN_NAME
        # Registered again by every build on a long-lived cluster: the model stays
        # loaded in each worker, so there is nothing to set up a second time.
        idempotent = True

        def setup(self, worker: Any) -> None:
            load_once(worker_init)

    return LoadOnce()


Sent = tuple[list[Item], "Future[list[Result]] | None"]  # a chunk of items, its task (if any)


def _in_order(client: "Client", items: Iterable[Item], *, ahead: int) -> Iterator[Result]:
    """Send the items' documents in tasks (the pool's chunks, `workers.chunks`), keep
    `ahead` tasks in flight beyond the one waited for, and yield the results in input
    order. The items held are bounded too: as many as `ahead` tasks of TASK documents
    hold, and no fewer than the pool's window (a rebuild's chunks hold cached results)."""
    window: deque[Sent] = deque()
    most_items = max(WINDOW_ITEMS, ahead * TASK)
    items_held = 0
    for chunk in chunks(items):
        window.append((chunk, _submit(client, _documents(chunk))))
        items_held += len(chunk)
        while len(window) > ahead or items_held > most_items:
            chunk, future = window.popleft()
            items_held -= len(chunk)
            yield from _results(chunk, future)
    while window:
        yield from _results(*window.popleft())


def _documents(chunk: list[Item]) -> list[RawDocument]:
    return [item for item in chunk if isinstance(item, RawDocument)]


def _submit(client: "Client", docs: list[RawDocument]) -> "Future[list[Result]] | None":
    """The task's future, or None when there is nothing to send or the client can no
    longer send (its scheduler is gone): the task then runs in this process."""
    if not docs:
        return None
    try:
        # pure=False: each task is new work; hashing the documents for a key buys nothing.
        return client.submit(process_here, docs, pure=False)
    except Exception:  # a closed client (its scheduler gone), documents that do not pickle
        return None


def _results(chunk: list[Item], future: "Future[list[Result]] | None") -> Iterator[Result]:
    """The chunk's results in order: a document's from its task, other items as they are."""
    docs = _documents(chunk)
    done = iter(_outcome(future, docs))
    for item in chunk:
        yield next(done) if isinstance(item, RawDocument) else item


def _outcome(future: "Future[list[Result]] | None", docs: list[RawDocument]) -> list[Result]:
    if future is None:
        return process(docs) if docs else []
    try:
        return future.result()
    except Exception:  # the task as a whole failed (a worker lost, a lost scheduler): redo it here
        return process(docs)
