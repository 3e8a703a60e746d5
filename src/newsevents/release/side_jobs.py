"""The release's independent writes in side processes, while this one writes the rest.

The card's figure (timeline_figure.py) and the explorer's pages of each config
(explorer/write.py) read a config once it is on disk and nothing else; a large corpus's
articles and events configs are read from the spool once the near-duplicates are
marked (assemble.RowsBeside). They run beside the incidents step, the other configs, the
croissant, the schema and the card. A build given more than one process (`--workers
N`, N > 1) starts up to two side processes when the per-article stages are done: then the
stages' workers have ended and a core is idle while this process runs the corpus steps
and writes the configs. They are forked from the fork server the build started for its
workers (fork_server.side_context), which imported pyarrow and the writers with the
model; where the build started none they are spawned and import them (about 0.5 s of
CPU each), not on the build's path (matplotlib only in the one that draws the figure).
With one process (`--workers 1`) every job runs here, in turn.

A job's bytes do not depend on where it ran. A side process that dies (the system
killing it) costs nothing but time: its job is run again here. A job that raises
raises here, as if it had run here.
"""

import os
import select
import signal
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from newsevents.pipeline.fork_server import side_context

MAX_PROCESSES = 2  # the figure and the explorer
_PR_SET_PDEATHSIG = 1  # prctl(2)


def _start_side_process(build: int) -> None:
    """Run once in each side process: tie it to the build's process, then import what
    the jobs need before they arrive (done already in one forked from the fork server).

    A side job writes into the build's temporary folder. When the build is killed, its
    side processes must die with it, not write on into a folder the next build clears.
    A spawned one is the build's child: the system kills it when its parent dies
    (Linux: PR_SET_PDEATHSIG). One forked from the fork server is the server's child,
    and the server outlives the build while its children run (each holds the pipe
    whose end the server waits for): a thread watches the build instead."""
    if sys.platform.startswith("linux"):
        import ctypes

        ctypes.CDLL(None).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != build:  # the fork server's child, or the build died just now
        _end_with(build)
    import_side_modules()


def _end_with(build: int) -> None:
    """End this process as soon as process `build` ends: at once where the system can
    say so (Linux's pidfd), else within a tenth of a second."""
    try:
        handle: int | None = os.pidfd_open(build)
    except (AttributeError, OSError):  # not Linux, or the build has ended already
        handle = None

    def watch() -> None:
        if handle is not None:
            select.select([handle], [], [])  # readable when the process ends
        else:
            while _alive(build):
                time.sleep(0.1)
        os._exit(1)

    threading.Thread(target=watch, name="end-with-the-build", daemon=True).start()


def import_side_modules() -> None:
    """What the side jobs import. matplotlib (half a second) is imported by the figure's
    job alone: one process draws it, and the other would import it for nothing."""
    import pyarrow.parquet  # noqa: F401

    import newsevents.explorer.write  # noqa: F401
    import newsevents.release.article_configs  # noqa: F401


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process took its number
        return False
    return True


class SideJobs:
    """Run jobs in up to `processes` side processes (none: here, at `submit`)."""

    def __init__(self, processes: int) -> None:
        self.processes = min(processes, MAX_PROCESSES)
        self._executor: ProcessPoolExecutor | None = None
        self._jobs: list[SideJob] = []

    def start(self) -> None:
        """Start the side processes now (they warm up while this process works on)."""
        if self.processes < 1 or self._executor is not None:
            return
        self._executor = ProcessPoolExecutor(
            max_workers=self.processes,
            mp_context=side_context(),
            initializer=_start_side_process,
            initargs=(os.getpid(),),
        )
        for _ in range(self.processes):  # a pool spawns its processes as work arrives
            self._executor.submit(int)

    def submit(self, job: Callable[..., Any], *args: Any) -> "SideJob":
        """Run `job(*args)` in a side process, or here when there is none."""
        future: Future[Any] = Future()
        if self._executor is None:
            future.set_result(job(*args))
        else:
            try:
                future = self._executor.submit(job, *args)
            except BrokenProcessPool:
                future.set_result(job(*args))
        submitted = SideJob(future, job, args)
        self._jobs.append(submitted)
        return submitted

    def wait(self) -> None:
        """Wait for every job; one whose process died runs again here."""
        jobs, self._jobs = self._jobs, []
        for job in jobs:
            job.result()

    def close(self, wait: bool = False) -> None:
        """End the side processes: jobs not started are dropped; with `wait`, a job still
        running is waited for (a failed build, before it removes the folder it writes)."""
        if self._executor is not None:
            self._executor.shutdown(wait=wait and bool(self._jobs), cancel_futures=True)
            self._executor = None


class SideJob:
    """A submitted job: `result()` waits for it and gives what it returned."""

    def __init__(self, future: Future[Any], job: Callable[..., Any], args: tuple[Any, ...]):
        self._future, self._job, self._args = future, job, args
        self._done, self._value = False, None

    def result(self) -> Any:
        """What the job returned (waited for once); run here if its process died."""
        if not self._done:
            try:
                self._value = self._future.result()
            except BrokenProcessPool:
                self._value = self._job(*self._args)
            self._done = True
        return self._value
