"""The release's independent writes in side processes (release/side_jobs.py)."""

import multiprocessing
import os
import signal
import sys
import time
from pathlib import Path

import pytest

from newsevents.release.side_jobs import SideJobs


def write_pid(path: Path) -> None:
    path.write_text(str(os.getpid()))


def die_unless_in(parent: int, path: Path) -> None:
    """Kill the side process it runs in (as the system would); write `path` in `parent`."""
    if os.getpid() != parent:
        os._exit(1)
    path.write_text("written here")


def fail(message: str) -> None:
    raise ValueError(message)


def test_jobs_run_in_side_processes_and_are_waited_for(tmp_path: Path) -> None:
    side = SideJobs(4)
    assert side.processes == 2  # the figure and the explorer: no more are needed
    side.start()
    try:
        targets = [tmp_path / f"job{i}" for i in range(3)]
        for target in targets:
            side.submit(write_pid, target)
        side.wait()
        pids = {int(t.read_text()) for t in targets}
        assert os.getpid() not in pids and 1 <= len(pids) <= 2
    finally:
        side.close()


def test_without_side_processes_jobs_run_here_at_once(tmp_path: Path) -> None:
    side = SideJobs(0)
    side.start()
    side.submit(write_pid, tmp_path / "job")
    assert int((tmp_path / "job").read_text()) == os.getpid()  # before wait()
    side.wait()
    side.close()


def test_a_job_whose_process_dies_runs_again_here(tmp_path: Path) -> None:
    side = SideJobs(1)
    side.start()
    try:
        side.submit(die_unless_in, os.getpid(), tmp_path / "job")
        side.wait()
        assert (tmp_path / "job").read_text() == "written here"
        side.submit(write_pid, tmp_path / "after")  # the broken pool: run here
        side.wait()
        assert int((tmp_path / "after").read_text()) == os.getpid()
    finally:
        side.close()


def test_a_job_that_raises_raises_here() -> None:
    side = SideJobs(1)
    side.start()
    try:
        side.submit(fail, "no incidents config")
        with pytest.raises(ValueError, match="no incidents config"):
            side.wait()
    finally:
        side.close()


def slow_write(started: Path, path: Path) -> None:
    started.write_text(str(os.getppid()))
    time.sleep(2.0)
    path.write_text("written after its build was killed")


def build_with_a_slow_job(started: Path, path: Path, fork_server_input: Path | None = None) -> None:
    """A build's side job that writes late; with `fork_server_input`, the build first
    starts the fork server as `newsevents build` does, and the side process is forked
    from it."""
    if fork_server_input is not None:
        from newsevents.pipeline.fork_server import start_fork_server

        start_fork_server(2, fork_server_input)
    side = SideJobs(1)
    side.start()
    side.submit(slow_write, started, path)
    side.wait()


NO_FORK_SERVER = "forkserver" not in multiprocessing.get_all_start_methods()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
@pytest.mark.parametrize("from_fork_server", [False, True], ids=["spawned", "fork-server"])
def test_side_processes_die_with_a_killed_build(tmp_path: Path, from_fork_server: bool) -> None:
    """Spawned, a side process is the build's child; forked from the fork server, it is
    the server's, which ends with the build: either way it dies with the build."""
    started, path = tmp_path / "started", tmp_path / "late"
    crawl = None
    if from_fork_server:
        crawl = tmp_path / "in"
        crawl.mkdir()
        (crawl / "crawl.jsonl").write_text("")  # a JSONL file may hold any number
    # A fresh interpreter: a forked copy of this one would share its fork server.
    build = multiprocessing.get_context("spawn").Process(
        target=build_with_a_slow_job, args=(started, path, crawl)
    )
    build.start()
    deadline = time.monotonic() + 120  # the fork server loads the model first
    while not started.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert started.exists(), "the side job never started"
    assert build.pid is not None
    side_parent = int(started.read_text())
    assert (side_parent != build.pid) == from_fork_server
    os.kill(build.pid, signal.SIGKILL)
    build.join()
    time.sleep(3.0)
    assert not path.exists(), "a side process wrote on after its build was killed"


def where_it_runs(path: Path) -> None:
    """Write the side process's parent, and whether the model's library and the
    writers were imported before its job came."""
    imported = all(m in sys.modules for m in ("spacy", "newsevents.explorer.write"))
    path.write_text(f"{os.getppid()} {imported}")


@pytest.mark.skipif(
    NO_FORK_SERVER, reason="no fork server on this system: side processes are spawned"
)
def test_side_processes_come_from_the_fork_server_once_the_build_started_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsevents.pipeline import fork_server

    def run_one() -> tuple[int, bool]:
        side = SideJobs(1)
        side.start()
        try:
            side.submit(where_it_runs, tmp_path / "where")
            side.wait()
        finally:
            side.close()
        parent, imported = (tmp_path / "where").read_text().split()
        return int(parent), imported == "True"

    # A build that started no fork server (one task, or --engine dask) spawns them:
    # they must not load the model for nothing.
    monkeypatch.setattr(fork_server, "_started", False)
    assert run_one() == (os.getpid(), False)
    (tmp_path / "crawl.jsonl").write_text("")
    fork_server.start_fork_server(2, tmp_path)  # as `build` does first thing
    parent, imported = run_one()
    assert parent != os.getpid() and imported  # the server's child, with its imports
