"""`build --engine dask [--scheduler ADDRESS]`: the per-article stages on a Dask cluster
give the same release, the same rejects in the same places and the same progress
reports as the local engine; each worker loads the model once; a task that fails on
the cluster costs no article; a scheduler that is not there is a one-line error."""

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from distributed import Client, LocalCluster
from typer.testing import CliRunner

from newsevents.cli import app
from newsevents.config import BuildConfig
from newsevents.pipeline import dask_engine, stages
from newsevents.pipeline.collect import collect
from newsevents.pipeline.ingest import InputFolder
from newsevents.pipeline.nlp import load_nlp
from newsevents.pipeline.stages import run_items
from newsevents.release.assemble import build_release

from .conftest import SEEDS
from .test_workers import _files, _seed_corpus

EMPTY = "003_empty.txt"  # sorts among the seeds: a reject in the middle of the first task


def _cluster(n_workers: int) -> LocalCluster:
    return LocalCluster(
        n_workers=n_workers, processes=True, threads_per_worker=1, dashboard_address=":0"
    )


@contextmanager
def _scheduler_alone() -> Iterator[str]:
    """A `dask scheduler` with no worker, in its own process as a user starts it (a second
    in-process cluster beside the module's may not get its event loop going in time on a
    loaded machine)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1",
               "--port", str(port), "--dashboard-address", ":0"]  # fmt: skip
    scheduler = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert scheduler.poll() is None and time.monotonic() < deadline, "no scheduler"
                time.sleep(0.2)
        yield f"tcp://127.0.0.1:{port}"
    finally:
        scheduler.terminate()
        scheduler.wait(30)


@pytest.fixture(scope="module")
def cluster() -> Iterator[LocalCluster]:
    """A running cluster, as `dask scheduler` and `dask worker` would give."""
    with _cluster(2) as running:
        yield running


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds twice (more documents than one task) and an empty file, rejected."""
    folder = _seed_corpus(tmp_path_factory.mktemp("dask") / "in")
    (folder / EMPTY).write_text("")
    return folder


def _config(inputs: Path, out: Path, **options: Any) -> BuildConfig:
    return BuildConfig(input_dir=inputs, out_dir=out, version="v", keep_going=True, **options)


@pytest.fixture(scope="module")
def local_build(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """The release and the progress reports of the local engine, in this process."""
    names: list[str] = []
    out = tmp_path_factory.mktemp("local")
    report = build_release(_config(corpus, out, workers=1), on_item=names.append)
    return report.release_dir, names


def test_a_running_cluster_builds_the_same_bytes_rejects_and_progress(
    cluster: LocalCluster, corpus: Path, local_build: tuple[Path, list[str]], tmp_path: Path
) -> None:
    local_release, local_names = local_build
    names: list[str] = []
    config = _config(corpus, tmp_path, engine="dask", scheduler=cluster.scheduler_address)
    report = build_release(config, on_item=names.append)
    assert report.workers is None  # the cluster's workers, however many
    assert _files(report.release_dir) == _files(local_release)
    # One report per record, in input order, the reject in its place among them.
    assert names == local_names and names.index(EMPTY) == 4
    rejects = (report.release_dir / "rejects.jsonl").read_text("utf-8")
    assert f'"file":"{EMPTY}"' in rejects and '"reason":"empty-article"' in rejects


def test_engine_dask_without_a_scheduler_starts_its_own_cluster(
    corpus: Path, local_build: tuple[Path, list[str]], tmp_path: Path
) -> None:
    args = ["build", "--input", str(corpus), "--out", str(tmp_path), "--version", "v"]
    result = CliRunner().invoke(app, [*args, "--keep-going", "--engine", "dask", "--workers", "2"])
    assert result.exit_code == 0, result.output
    assert _files(tmp_path / "v") == _files(local_build[0])


def _model_loads(client: Client) -> dict[str, tuple[int, int]]:
    """Per worker: how many times the model was loaded, and how many times it was reused."""
    return {
        worker: (info.misses, info.hits) for worker, info in client.run(load_nlp.cache_info).items()
    }


def test_each_worker_loads_the_model_once_before_its_first_task(
    cluster: LocalCluster, corpus: Path
) -> None:
    address = cluster.scheduler_address
    collect(corpus, engine="dask", scheduler=address)  # registers the build's worker plugin
    with Client(address) as client:
        client.restart()  # fresh worker processes, on which no task has run yet
        fresh = _model_loads(client)
        assert fresh == {worker: (1, 0) for worker in client.nthreads()}  # loaded on setup
        collect(corpus, engine="dask", scheduler=address)
        after = _model_loads(client)
    assert after.keys() == fresh.keys()
    assert all(loads == 1 for loads, _ in after.values())  # no task loaded it again
    assert sum(reuses for _, reuses in after.values()) > 0  # the tasks ran on the workers


def _refuse_tasks() -> None:
    """Worker init for the test below: every task fails as a whole on this worker (the
    task's function is looked up by name when the worker unpickles it)."""

    def refuse(docs):  # type: ignore[no-untyped-def]
        raise RuntimeError("this worker cannot run the stages")

    stages.process = refuse


def test_a_task_that_fails_on_the_cluster_is_run_again_here(corpus: Path) -> None:
    documents = list(InputFolder(corpus).documents())
    with _cluster(1) as broken, Client(broken) as client:
        results = list(
            dask_engine.run_on_dask(
                documents, scheduler=broken.scheduler_address, workers=1,
                worker_init=_refuse_tasks,
            )
        )  # fmt: skip
        # The worker was broken all along: a task sent to it fails.
        refused = client.submit(stages.process, documents[:1], pure=False).exception()
    assert isinstance(refused, RuntimeError)
    assert results == list(run_items(documents))


def _build(*options: str, out: Path) -> tuple[int, str]:
    args = ["build", "--input", str(SEEDS), "--out", str(out), *options]
    result = CliRunner().invoke(app, args)
    return result.exit_code, result.output


@pytest.mark.parametrize(
    ("address", "problem"),
    [
        ("tcp://127.0.0.1:1", "Timed out trying to connect to tcp://127.0.0.1:1 after 1 s"),
        ("localhost", "missing port number in address 'localhost'"),
    ],
)
def test_a_scheduler_that_cannot_be_reached_is_a_user_error(
    address: str, problem: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dask_engine, "CONNECT_TIMEOUT", 1)
    code, output = _build("--engine", "dask", "--scheduler", address, out=tmp_path)
    assert code == 1
    assert output == (
        f"error: [E033] cannot reach the Dask scheduler at {address}: {problem}; start one "
        "with `dask scheduler` (it prints its address, tcp://HOST:8786) and pass that "
        "address, or drop --scheduler to start a local Dask cluster\n"
    )
    # No release and no temporary folder (the per-article cache may be opened).
    assert [p.name for p in tmp_path.iterdir() if p.name != ".cache"] == []


def test_a_scheduler_without_workers_is_a_user_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dask_engine, "WORKERS_TIMEOUT", 1)
    with _scheduler_alone() as address:
        code, output = _build("--engine", "dask", "--scheduler", address, out=tmp_path)
    assert code == 1
    assert output == (
        f"error: [E034] the Dask scheduler at {address} has no workers after 1 s; start some "
        f"with `dask worker {address} --nworkers 2 --nthreads 1` (each needs newsevents "
        "installed), or drop --scheduler to start a local Dask cluster\n"
    )


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--engine", "spark"], "[E031] engine 'spark' is unknown; use one of local, dask"),
        (
            ["--scheduler", "tcp://127.0.0.1:8786"],
            "[E032] --scheduler tcp://127.0.0.1:8786 needs --engine dask (the local engine "
            "runs no scheduler); add --engine dask, or drop --scheduler",
        ),
    ],
)
def test_an_engine_option_that_does_not_fit_is_a_user_error(
    options: list[str], message: str, tmp_path: Path
) -> None:
    assert _build(*options, out=tmp_path) == (1, f"error: {message}\n")
    # No release and no temporary folder (the per-article cache may be opened).
    assert [p.name for p in tmp_path.iterdir() if p.name != ".cache"] == []


def test_a_local_build_does_not_import_dask() -> None:
    """Importing distributed takes half a second; only a Dask build pays for it."""
    code = (
        "import sys\n"
        "from newsevents.cli import app\n"
        "from newsevents.release.assemble import build_release\n"
        "from newsevents.pipeline.workers import run_stages\n"
        "processes, results = run_stages([], workers=2)\n"
        "assert list(results) == [] and processes == 1\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')))\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout == "[]\n"
