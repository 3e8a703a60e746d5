"""Concurrent and interrupted builds: one lock per version, a release is either absent
or whole, and the build after a kill is byte-identical to an undisturbed one."""

import json
import multiprocessing
import os
import random
import shutil
import signal
import time
from pathlib import Path

import pytest

from newsevents.config import BuildConfig
from newsevents.errors import UserError
from newsevents.pipeline import nlp
from newsevents.release import atomic
from newsevents.release.assemble import build_release
from newsevents.release.atomic import VersionLock, old_name, publish

from .conftest import GOOD_ARTICLE, write_inputs

FORK = multiprocessing.get_context("fork")


def _inputs(tmp_path: Path) -> Path:
    return write_inputs(
        tmp_path / "in",
        {"a.txt": GOOD_ARTICLE, "b.txt": GOOD_ARTICLE.replace("Monday", "Tuesday")},
    )


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def _unforced(tree: dict[str, bytes]) -> dict[str, object]:
    """A release's files as they would be had it not replaced one and had it no cache
    (`forced` and the cache's counts aside, which also change SHA256SUMS, a --force
    rebuild gives the same bytes)."""
    manifest = json.loads(tree["manifest.json"]) | {"forced": False, "cache": None}
    return {k: v for k, v in tree.items() if k != "SHA256SUMS"} | {"manifest.json": manifest}


def _build_in_child(config: BuildConfig) -> None:
    try:
        build_release(config)
    except UserError as err:
        os.write(2, f"{err}\n".encode())
        os._exit(3)
    os._exit(0)


def test_a_second_build_of_the_same_version_refuses_naming_the_holder(tmp_path: Path) -> None:
    config = BuildConfig(input_dir=_inputs(tmp_path), out_dir=tmp_path / "out", version="v")
    with VersionLock(config.out_dir, "v", config.release_dir) as lock:
        assert lock.path.read_text() == f"{os.getpid()}\n"
        with pytest.raises(UserError, match=rf"E010.*being built by process {os.getpid()}"):
            build_release(config)
    assert not lock.path.exists()  # released and removed
    assert build_release(config).release_dir.is_dir()


def test_a_stale_lock_from_a_killed_build_is_cleared(tmp_path: Path) -> None:
    config = BuildConfig(input_dir=_inputs(tmp_path), out_dir=tmp_path / "out", version="v")
    config.out_dir.mkdir()
    (config.out_dir / ".v.lock").write_text("4194304\n")  # its process is gone: no flock
    report = build_release(config)
    assert "cleared the stale lock of process 4194304" in report.notes
    assert not (config.out_dir / ".v.lock").exists()


def test_builds_started_together_end_with_one_release(tmp_path: Path) -> None:
    nlp.load_nlp()  # loaded once, before the fork
    config = BuildConfig(input_dir=_inputs(tmp_path), out_dir=tmp_path / "out", version="v")
    children = [FORK.Process(target=_build_in_child, args=(config,)) for _ in range(3)]
    for child in children:
        child.start()
    for child in children:
        child.join(120)
    codes = sorted(child.exitcode or 0 for child in children)
    # One builds; the others refuse (lock held: E010, or release already there: E003).
    assert codes == [0, 3, 3], codes
    reference = build_release(
        BuildConfig(input_dir=config.input_dir, out_dir=tmp_path / "ref", version="v")
    )
    assert _tree(config.release_dir) == _tree(reference.release_dir)
    # No temporary folder is left; the per-article cache stays beside the release.
    assert sorted(p.name for p in config.out_dir.iterdir()) == [".cache", "v"]


def test_existence_is_checked_again_at_the_swap(tmp_path: Path) -> None:
    tmp, target = tmp_path / ".v.tmp-1", tmp_path / "v"
    for folder in (tmp, target):
        folder.mkdir()
        (folder / "manifest.json").write_text(folder.name)
    with pytest.raises(UserError, match=r"E012.*appeared while this build ran"):
        publish(tmp, target, replace=False)
    assert (target / "manifest.json").read_text() == "v"  # never overwritten


def test_replace_without_renameat2_recovers_from_a_kill_between_renames(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = BuildConfig(input_dir=_inputs(tmp_path), out_dir=tmp_path / "out", version="v")
    first = _tree(build_release(config).release_dir)
    # A kill between the two renames of the fallback leaves the release hidden.
    config.release_dir.rename(old_name(config.release_dir))
    assert not config.release_dir.exists()
    with pytest.raises(UserError, match="E003"):  # restored first, so it exists again
        build_release(config)
    assert _tree(config.release_dir) == first and not old_name(config.release_dir).exists()

    def no_exchange(src: Path, dst: Path, flags: int) -> None:
        if flags == atomic._RENAME_EXCHANGE:
            raise NotImplementedError
        os.rename(src, dst)

    monkeypatch.setattr(atomic, "_rename", no_exchange)
    forced = BuildConfig(
        input_dir=config.input_dir, out_dir=config.out_dir, version="v", force=True
    )
    rebuilt = _tree(build_release(forced).release_dir)
    assert json.loads(rebuilt["manifest.json"])["forced"] is True
    assert _unforced(rebuilt) == _unforced(first)
    assert sorted(p.name for p in config.out_dir.iterdir()) == [".cache", "v"]


def test_kills_at_random_moments_never_leave_a_partial_release(tmp_path: Path) -> None:
    nlp.load_nlp()
    inputs = _inputs(tmp_path)
    reference = _tree(
        build_release(
            BuildConfig(input_dir=inputs, out_dir=tmp_path / "ref", version="v")
        ).release_dir
    )
    out = tmp_path / "out"
    rng = random.Random(9)
    started = time.monotonic()
    _run_child(BuildConfig(input_dir=inputs, out_dir=out, version="timing"), kill_after=None)
    duration = time.monotonic() - started
    for attempt in range(20):
        # A kill hits a first build while there is no release yet, else a --force
        # replace of a whole release.
        existed = (out / "v").exists()
        config = BuildConfig(input_dir=inputs, out_dir=out, version="v", force=existed)
        _run_child(config, kill_after=rng.uniform(0, duration * 1.2))
        if existed:
            assert config.release_dir.exists(), f"kill {attempt} during a replace lost the release"
        if config.release_dir.exists():
            assert _unforced(_tree(config.release_dir)) == _unforced(reference), (
                f"partial release after kill {attempt}"
            )
        if attempt % 3 == 2 and config.release_dir.exists():
            shutil.rmtree(config.release_dir)  # let more kills hit a first build
    final = BuildConfig(input_dir=inputs, out_dir=out, version="v", force=True)
    assert _unforced(_tree(build_release(final).release_dir)) == _unforced(reference)
    assert sorted(p.name for p in out.iterdir()) == [".cache", "timing", "v"]


def _run_child(config: BuildConfig, *, kill_after: float | None) -> None:
    child = FORK.Process(target=_build_in_child, args=(config,))
    child.start()
    if kill_after is not None:
        child.join(kill_after)
        if child.is_alive() and child.pid is not None:
            os.kill(child.pid, signal.SIGKILL)
    child.join(120)
    assert child.exitcode is not None, "the build hung"
