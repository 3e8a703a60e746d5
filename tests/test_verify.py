"""`newsevents verify`: a sound release passes; a changed byte, a broken record or a
dangling reference is named with its file."""

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsevents.cli import app
from newsevents.release.assemble import PARQUET_NAME, BuildReport
from newsevents.release.checksums import write_checksums
from newsevents.release.verify import verify_release

runner = CliRunner()


@pytest.fixture
def release(seed_release: BuildReport, tmp_path: Path) -> Path:
    """A private copy of the seed release, free to damage."""
    return Path(shutil.copytree(seed_release.release_dir, tmp_path / "test"))


def _rewrite_jsonl(path: Path, change) -> None:  # type: ignore[no-untyped-def]
    records = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    change(records)
    path.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")


def test_seed_release_verifies(release: Path) -> None:
    assert verify_release(release) == []
    result = runner.invoke(app, ["verify", str(release)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"OK {release} (version test): 5 articles, ")
    assert len(result.output.strip().splitlines()) == 1


def test_one_flipped_byte_in_parquet_is_named(release: Path) -> None:
    parquet = release / "events" / PARQUET_NAME
    data = bytearray(parquet.read_bytes())
    data[len(data) // 2] ^= 0x01
    parquet.write_bytes(bytes(data))
    problems = verify_release(release)
    assert problems[0] == (
        f"events/{PARQUET_NAME}: SHA-256 does not match SHA256SUMS (the file changed after "
        "the build)"
    )
    result = runner.invoke(app, ["verify", str(release)])
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == f"error: {problems[0]}"


def test_dangling_reference_is_caught_even_with_fixed_checksums(release: Path) -> None:
    def dangle(claims: list[dict]) -> None:
        linked = next(c for c in claims if c["incident_id"])
        linked["incident_id"] = "attack-2099-01-01-0000000000"

    _rewrite_jsonl(release / "jsonl" / "claims.jsonl", dangle)
    write_checksums(release)  # someone "repaired" the sums: the bytes check passes
    problems = verify_release(release)
    dangling = [p for p in problems if "is not in the release" in p]
    assert dangling and dangling[0].startswith("jsonl/claims.jsonl line ")
    assert dangling[0].endswith(": incident 'attack-2099-01-01-0000000000' is not in the release")
    # The Parquet copy still holds the old value, and says so.
    assert f"claims/{PARQUET_NAME}: rows differ from jsonl/claims.jsonl" in problems


def test_invalid_record_and_wrong_count_are_named(release: Path) -> None:
    def break_first(events: list[dict]) -> None:
        events[0]["type"] = "PICNIC"

    _rewrite_jsonl(release / "jsonl" / "events.jsonl", break_first)
    manifest = json.loads((release / "manifest.json").read_text("utf-8"))
    manifest["counts"]["articles"] += 1
    (release / "manifest.json").write_text(json.dumps(manifest), "utf-8")
    write_checksums(release)
    problems = verify_release(release)
    assert problems[0].startswith("jsonl/events.jsonl line 1: type: Input should be ")
    assert "manifest.json: counts.articles is 6 but the release holds 5" in problems


def test_added_file_and_not_a_release(release: Path, tmp_path: Path) -> None:
    (release / "notes.txt").write_text("added later")
    added = "notes.txt: not listed in SHA256SUMS (added after the build)"
    assert verify_release(release) == [added]
    assert verify_release(tmp_path / "nowhere") == [
        f"{tmp_path / 'nowhere'}: not a release folder (no manifest.json); pass the folder "
        "`build` wrote"
    ]
