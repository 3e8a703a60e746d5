"""Where the pool's workers come from (workers.py): multiprocessing's fork server with
the model preloaded (preload.py), or spawned processes where there is no fork server.
The release's side processes (release/side_jobs.py) come from the same server once a
build has started it: they start with their imports done instead of importing them.

Kept apart from workers.py, which imports every stage: `build` starts the fork server
first thing, before its own imports, so the model loads on an idle core while this
process reads its options, its imports and the first articles."""

import multiprocessing
import multiprocessing.context
import os
from pathlib import Path

PRELOAD = ["newsevents.pipeline.preload"]
ONE_TASK = 8  # workers.TASK: an input of no more than one task runs in the build's process
_started = False  # whether this process has started (or asked for) the fork server


def worker_context() -> multiprocessing.context.BaseContext:
    """The fork server with the model preloaded where there is one, else spawn. The
    server starts with the first process the context starts."""
    global _started
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    # One fork server per process: set before it starts, the same list every time.
    context.set_forkserver_preload(PRELOAD)
    _started = True
    return context


def side_context() -> multiprocessing.context.BaseContext:
    """Where the side processes come from: the fork server when this build started it
    (its processes start with the model and the writers imported, about 0.5 s of CPU
    less each than a spawned one), else spawn, which imports only the writers: a
    build that started no server (one worker, a small input) must not load the model
    for them."""
    if _started:
        return worker_context()
    return multiprocessing.get_context("spawn")


def start_fork_server(workers: int | None, input_dir: Path) -> None:
    """Start the fork server now when a pool of `workers` (None: one per core) may be
    used on `input_dir`; it does not wait for the model to load. A build that turns out
    too small for a pool after all (workers.plan) leaves it unused; it ends with this
    process."""
    if (workers if workers is not None else os.cpu_count() or 1) < 2:
        return
    if not _more_than_one_task(input_dir):
        return
    if worker_context().get_start_method() == "forkserver":
        import multiprocessing.forkserver  # not on every system

        multiprocessing.forkserver.ensure_running()


def _more_than_one_task(input_dir: Path) -> bool:
    """Whether the input may hold more than ONE_TASK articles, from a glance at the top
    of the folder: a subfolder or a JSONL file may hold any number; otherwise its files
    are counted, beside a dataset.yaml and a sources.yaml. A small folder such as seeds/
    then loads no model in vain, and a crawl of a million files is not walked twice (a
    wrong guess costs a model load, or starts the server at the first task instead)."""
    files = 0
    try:
        with os.scandir(input_dir) as entries:
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                if entry.is_dir(follow_symlinks=False) or entry.name.lower().endswith(".jsonl"):
                    return True
                files += 1
                if files > ONE_TASK + 2:
                    return True
    except OSError:
        return False  # the build reports the folder itself
    return False
