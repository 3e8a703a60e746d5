"""Where the pool's workers come from (workers.py): multiprocessing's fork server with
the model preloaded (preload.py), or spawned processes where there is no fork server.

Kept apart from workers.py, which imports every stage: `build` starts the fork server
first thing, before its own imports, so the model loads on an idle core while this
process reads its options, its imports and the first articles."""

import multiprocessing
import multiprocessing.context
import multiprocessing.forkserver
import os

PRELOAD = ["newsevents.pipeline.preload"]


def worker_context() -> multiprocessing.context.BaseContext:
    """The fork server with the model preloaded where there is one, else spawn."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    # One fork server per process: set before it starts, the same list every time.
    context.set_forkserver_preload(PRELOAD)
    return context


def start_fork_server(workers: int | None) -> None:
    """Start the fork server now when a pool of `workers` (None: one per core) may be
    used; it does not wait for the model to load. A build that turns out too small for
    a pool (workers.plan) leaves it unused; it ends with this process."""
    if (workers if workers is not None else os.cpu_count() or 1) < 2:
        return
    if isinstance(worker_context(), multiprocessing.context.ForkServerContext):
        multiprocessing.forkserver.ensure_running()
