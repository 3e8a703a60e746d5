"""The release's independent writes in side processes (release/side_jobs.py)."""

import os
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
