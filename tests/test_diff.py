"""`newsevents diff` and `build --previous`: two real builds, the seeds and the seeds
without one file and with another extended by one sentence."""

import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsevents.cli import app
from newsevents.config import BuildConfig
from newsevents.errors import UserError
from newsevents.release.assemble import BuildReport, build_release
from newsevents.release.diff import diff_releases, format_diff
from newsevents.release.verify import verify_release

from .conftest import SEEDS

runner = CliRunner()
REMOVED = "002_78899e4275e58e70"
EXTENDED = "003_89c3de90ed6096f9"
ADDED_SENTENCE = "Officials said two more people were killed in a separate attack on Friday."


def _second_corpus(folder: Path) -> Path:
    shutil.copytree(SEEDS, folder)
    (folder / f"{REMOVED}.txt").unlink()
    sources = (folder / "sources.yaml").read_text("utf-8")
    entries = re.split(r"(?m)^(?=\S[^\n]*\.txt:\s*$)", sources)
    kept = "".join(e for e in entries if not e.startswith(REMOVED))
    (folder / "sources.yaml").write_text(kept, "utf-8")
    extended = folder / f"{EXTENDED}.txt"
    extended.write_text(extended.read_text("utf-8").rstrip("\n") + f"\n\n{ADDED_SENTENCE}\n")
    return folder


def _added_event(first: BuildReport) -> str:
    """The id the added sentence's event takes: the next after the extended article's
    events in the first release (ids number an article's events in order)."""
    lines = (first.release_dir / "jsonl" / "events.jsonl").read_text("utf-8").splitlines()
    count = sum(json.loads(line)["article_id"] == EXTENDED for line in lines)
    return f"{EXTENDED}/ev{count + 1}"


@pytest.fixture(scope="module")
def second_release(
    seed_release: BuildReport, tmp_path_factory: pytest.TempPathFactory
) -> BuildReport:
    inputs = _second_corpus(tmp_path_factory.mktemp("inputs") / "seeds2")
    out = tmp_path_factory.mktemp("releases")
    config = BuildConfig(
        input_dir=inputs, out_dir=out, version="second", previous=seed_release.release_dir
    )
    return build_release(config)


def test_diff_of_two_builds(seed_release: BuildReport, second_release: BuildReport) -> None:
    changes = diff_releases(seed_release.release_dir, second_release.release_dir)
    by_config = {c.config: c for c in changes.configs}
    articles = by_config["articles"]
    assert (articles.added, articles.removed) == ((), (REMOVED,))
    assert [(c.key, c.fields) for c in articles.changed] == [
        (EXTENDED, ("casualty_claims", "content_sha256", "events", "text"))
    ]
    # The new sentence adds an event and a claim after the old ones, whose ids and
    # fields do not move; every record of the removed article is gone.
    events = by_config["events"]
    assert events.added == (_added_event(seed_release),) and events.changed == ()
    assert events.removed and all(k.startswith(f"{REMOVED}/") for k in events.removed)
    claims = by_config["claims"]
    assert claims.added == (f"{EXTENDED}/c1",)
    assert all(k.startswith(f"{REMOVED}/") for k in claims.removed)
    assert {c.fields for c in claims.changed} <= {("incident_id",)}
    assert by_config["incidents"].removed  # the removed article's incidents lost members
    same = diff_releases(seed_release.release_dir, seed_release.release_dir)
    assert all(c.unchanged for c in same.configs)


def test_diff_cli_text_and_json(seed_release: BuildReport, second_release: BuildReport) -> None:
    args = ["diff", str(seed_release.release_dir), str(second_release.release_dir)]
    text = runner.invoke(app, args)
    assert text.exit_code == 0, text.output
    lines = text.output.splitlines()
    assert lines[:4] == [
        "test -> second",
        "articles: 0 added, 1 removed, 1 changed",
        f"  - {REMOVED}",
        f"  ~ {EXTENDED}: casualty_claims, content_sha256, events, text",
    ]
    as_json = runner.invoke(app, [*args, "--json"])
    assert as_json.exit_code == 0, as_json.output
    data = json.loads(as_json.output)
    assert data["configs"]["articles"]["removed"] == [REMOVED]
    assert data["configs"]["events"]["added"] == [_added_event(seed_release)]
    expected = format_diff(diff_releases(seed_release.release_dir, second_release.release_dir))
    assert text.output.strip() == expected
    missing = runner.invoke(app, ["diff", str(seed_release.release_dir), "/nonexistent"])
    assert missing.exit_code == 1
    assert "[E005] /nonexistent is not a release folder" in missing.output


def test_card_changelog(seed_release: BuildReport, second_release: BuildReport) -> None:
    first = (seed_release.release_dir / "README.md").read_text("utf-8")
    assert "## Changelog\n\nFirst release.\n" in first
    card = (second_release.release_dir / "README.md").read_text("utf-8")
    section = card.split("## Changelog\n", 1)[1].split("\n## ", 1)[0]
    assert "Changes since version `test`" in section
    assert "| articles | 0 | 1 | 1 |" in section
    assert f"- articles removed: `{REMOVED}`" in section
    assert f"- events added: `{_added_event(seed_release)}`" in section
    assert second_release.manifest.previous_version == "test"
    assert seed_release.manifest.previous_version is None
    assert verify_release(second_release.release_dir) == []


def test_previous_must_be_a_release(tmp_path: Path) -> None:
    config = BuildConfig(input_dir=SEEDS, out_dir=tmp_path, version="v", previous=SEEDS)
    with pytest.raises(UserError, match=r"\[E005\] .*seeds is not a release folder"):
        build_release(config)
    assert not (tmp_path / "v").exists()


def test_forced_rebuild_is_recorded(tmp_path: Path) -> None:
    config = BuildConfig(input_dir=SEEDS, out_dir=tmp_path, version="v1")
    assert build_release(config).manifest.forced is False
    with pytest.raises(UserError, match=r"\[E003\] .* already exists; pass --force"):
        build_release(config)
    forced = build_release(BuildConfig(input_dir=SEEDS, out_dir=tmp_path, version="v1", force=True))
    manifest = json.loads((forced.release_dir / "manifest.json").read_text("utf-8"))
    assert manifest["forced"] is True
    # --force for a version that does not exist yet replaces nothing.
    fresh = build_release(BuildConfig(input_dir=SEEDS, out_dir=tmp_path, version="v2", force=True))
    assert fresh.manifest.forced is False
