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
    started.write_text(str(os.getpid()))
    time.sleep(2.0)
    path.write_text("written after its build was killed")


def build_with_a_slow_job(started: Path, path: Path) -> None:
    side = SideJobs(1)
    side.start()
    side.submit(slow_write, started, path)
    side.wait()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
def test_side_processes_die_with_a_killed_build(tmp_path: Path) -> None:
    started, path = tmp_path / "started", tmp_path / "late"
    build = multiprocessing.get_context("fork").Process(
        target=build_with_a_slow_job, args=(started, path)
    )
    build.start()
    deadline = time.monotonic() + 60
    while not started.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert started.exists(), "the side job never started"
    assert build.pid is not None
    os.kill(build.pid, signal.SIGKILL)
    build.join()
    time.sleep(3.0)
    assert not path.exists(), "a side process wrote on after its build was killed"
