"""Outputs of the last build reused (release/reuse.py): a config whose rows are the
same is linked from the cache with its pages and figure, gives the bytes a build
without the cache writes, and a kept file that changed is never reused."""

import shutil
from pathlib import Path

import pytest

from newsevents.release.reuse import INDEX, OUTPUTS_FOLDER, ReusedOutputs

from .conftest import SEEDS
from .test_cache import _build, _records


def _outputs(tmp_path: Path) -> ReusedOutputs:
    reused = ReusedOutputs.in_cache(tmp_path / "cache", "code")
    assert reused is not None
    return reused


def _release_with(tmp_path: Path, files: dict[str, bytes]) -> Path:
    release = tmp_path / "release"
    for name, data in files.items():
        (release / name).parent.mkdir(parents=True, exist_ok=True)
        (release / name).write_bytes(data)
    return release


def test_kept_files_come_back_at_their_paths_with_their_note(tmp_path: Path) -> None:
    outputs = _outputs(tmp_path)
    release = _release_with(tmp_path, {"claims/a.parquet": b"rows", "jsonl/x.js": b"page"})
    files = [release / "claims/a.parquet", release / "jsonl/x.js"]
    outputs.save("config-claims", "k1", release, files, {"records": 2})

    other = tmp_path / "other"
    assert outputs.restore("config-claims", "k1", other) == {"records": 2}
    assert (other / "claims/a.parquet").read_bytes() == b"rows"
    assert (other / "jsonl/x.js").read_bytes() == b"page"
    assert outputs.restore("config-claims", "k2", tmp_path / "third") is None, "another key"
    assert outputs.restore("config-events", "k1", tmp_path / "third") is None, "another entry"
    assert not (tmp_path / "third").exists()


def test_a_new_key_replaces_the_kept_one_and_other_entries_stay(tmp_path: Path) -> None:
    outputs = _outputs(tmp_path)
    release = _release_with(tmp_path, {"a": b"1", "b": b"2"})
    outputs.save("config-claims", "old", release, [release / "a"])
    outputs.save("config-events", "old", release, [release / "b"])
    outputs.save("config-claims", "new", release, [release / "b"])
    kept = sorted(p.name for p in (tmp_path / "cache" / OUTPUTS_FOLDER).iterdir())
    assert kept == ["config-claims-new", "config-events-old"]


def test_a_kept_file_changed_through_a_link_is_not_reused(tmp_path: Path) -> None:
    outputs = _outputs(tmp_path)
    release = _release_with(tmp_path, {"a": b"rows", "b": b"more rows"})
    outputs.save("config-claims", "k", release, [release / "a", release / "b"])
    kept = tmp_path / "cache" / OUTPUTS_FOLDER / "config-claims-k"
    with (kept / "1").open("r+b") as file:  # written in place: the release's link sees it
        file.write(b"MORE")

    other = tmp_path / "other"
    assert outputs.restore("config-claims", "k", other) is None
    assert not list(other.rglob("*.*")) and not (other / "a").exists(), "nothing left behind"
    assert not kept.exists(), "the damaged entry is dropped"


def test_an_entry_a_killed_build_left_unfinished_is_not_reused(tmp_path: Path) -> None:
    outputs = _outputs(tmp_path)
    release = _release_with(tmp_path, {"a": b"rows"})
    outputs.save("figure", "k", release, [release / "a"])
    (tmp_path / "cache" / OUTPUTS_FOLDER / "figure-k" / INDEX).unlink()
    assert outputs.restore("figure", "k", tmp_path / "other") is None


def test_the_key_follows_the_code_and_the_rows(tmp_path: Path) -> None:
    one = ReusedOutputs.in_cache(tmp_path, "code one")
    two = ReusedOutputs.in_cache(tmp_path, "code two")
    assert one is not None and two is not None
    assert ReusedOutputs.in_cache(None, "code one") is None, "no cache, nothing kept"
    assert one.digest("config claims").hexdigest() != two.digest("config claims").hexdigest()
    assert one.digest("config claims").hexdigest() != one.digest("config events").hexdigest()


def _inodes(release: Path) -> dict[str, tuple[int, int]]:
    return {
        str(p.relative_to(release)): (p.stat().st_dev, p.stat().st_ino)
        for p in release.rglob("*")
        if p.is_file()
    }


@pytest.mark.parametrize("workers", [1, 2])
def test_a_rebuild_links_the_unchanged_configs_and_writes_the_changed_one(
    tmp_path: Path, workers: int
) -> None:
    inputs = tmp_path / "in"
    shutil.copytree(SEEDS, inputs)
    for path in sorted(SEEDS.glob("*.txt")):  # enough articles for the workers' pool
        for copy in range(2):
            shutil.copy(path, inputs / f"copy{copy}_{path.name}")
    before = _inodes(_build(inputs, tmp_path / "out", workers=workers))
    cache = tmp_path / "out" / ".cache" / OUTPUTS_FOLDER

    changed = sorted(inputs.glob("copy1_*.txt"))[0]
    changed.write_text(changed.read_text("utf-8") + "\nA closing line of no news.\n", "utf-8")
    again = _build(inputs, tmp_path / "out", workers=workers)
    # A file reused is the last build's file itself (the cache kept it alive).
    reused = {name for name, inode in _inodes(again).items() if before.get(name) == inode}
    for config in ("claims", "events", "incidents", "entities"):
        assert f"{config}/train-00000-of-00001.parquet" in reused, config
    assert "images/timeline.png" in reused, "the same incidents: the same figure"
    assert any(name.startswith("explorer/data/incidents-") for name in reused)
    # The articles' rows changed (a text did): written again, and kept in place of the old.
    assert not any(name.startswith(("articles/", "explorer/data/texts-")) for name in reused)
    assert len(list(cache.glob("config-articles-*"))) == 1
    assert not any(name.startswith("jsonl/") for name in reused), "JSONL is always written"
    plain = _build(inputs, tmp_path / "plain", workers=workers, use_cache=False)
    assert _records(again) == _records(plain)
