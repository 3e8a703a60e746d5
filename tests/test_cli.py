"""The CLI: help with examples, exit codes, one-line errors with remedies."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsevents.cli import app

from .conftest import GOLD, GOOD_ARTICLE, ROOT, SEEDS, write_inputs

runner = CliRunner()
COMMANDS = ["build", "init", "validate", "verify", "diff", "schema", "eval", "explore"]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Example: newsevents " + command in " ".join(result.output.split())


def test_help_does_not_import_heavy_libraries() -> None:
    code = (
        "import sys, newsevents.cli;"
        "heavy = {'pyarrow', 'dateparser', 'trafilatura', 'scipy', 'pydantic'} & set(sys.modules);"
        "print(sorted(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_build_then_refuse_overwrite(tmp_path: Path) -> None:
    args = ["build", "--input", str(SEEDS), "--out", str(tmp_path), "--version", "v1"]
    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    assert "5 articles" in first.output
    second = runner.invoke(app, args)
    assert second.exit_code == 1
    assert second.output.strip().splitlines() == [
        f"error: [E003] release {tmp_path / 'v1'} already exists; pass --force to replace it "
        "or choose another --version"
    ]
    assert runner.invoke(app, [*args, "--force"]).exit_code == 0


def test_build_with_rejects_exits_1_unless_keep_going(tmp_path: Path) -> None:
    inputs = write_inputs(tmp_path / "in", {"good.txt": GOOD_ARTICLE, "bad.txt": b"\xff\xfd"})
    args = ["build", "--input", str(inputs), "--out", str(tmp_path / "out"), "--version", "v"]
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert lines[0].startswith("rejected: bad.txt: byte 0xff is not valid UTF-8 at byte offset 0")
    assert lines[-1].endswith("pass --keep-going to build without them")
    assert "Traceback" not in result.output
    result = runner.invoke(app, [*args, "--keep-going"])
    assert result.exit_code == 0 and "1 rejected" in result.output


def test_missing_input_is_one_line(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["build", "--input", str(tmp_path / "nope"), "--out", str(tmp_path)]
    )
    assert result.exit_code == 1
    assert (
        result.output.count("\n") == 1 and "pass an existing folder with --input" in result.output
    )


def test_validate(tmp_path: Path) -> None:
    ok = runner.invoke(app, ["validate", str(SEEDS)])
    assert ok.exit_code == 0 and "5 valid, 0 rejected" in ok.output
    inputs = write_inputs(tmp_path / "in", {"good.txt": GOOD_ARTICLE, "empty.txt": ""})
    bad = runner.invoke(app, ["validate", str(inputs)])
    assert bad.exit_code == 1 and "1 valid, 1 rejected" in bad.output
    assert sorted(p.name for p in inputs.iterdir()) == ["empty.txt", "good.txt"]  # wrote nothing


def test_schema_command_writes_the_checked_in_files(tmp_path: Path) -> None:
    result = runner.invoke(app, ["schema", "--out", str(tmp_path)])
    assert result.exit_code == 0
    for path in (ROOT / "schema").glob("*.schema.json"):
        assert (tmp_path / path.name).read_text() == path.read_text()


def test_eval_json(tmp_path: Path) -> None:
    runner.invoke(app, ["build", "--input", str(SEEDS), "--out", str(tmp_path), "--version", "v"])
    result = runner.invoke(app, ["eval", str(tmp_path / "v"), str(GOLD), "--json"])
    assert result.exit_code == 0
    report = json.loads(result.output)
    assert report["articles_scored"] == 5
    assert report["accuracies"]["published_date"]["accuracy"] == 1.0
    table = runner.invoke(app, ["eval", str(tmp_path / "v"), str(GOLD)])
    assert "entities" in table.output and "published_date    1.000    5" in table.output
    missing = runner.invoke(app, ["eval", str(tmp_path), str(GOLD)])
    assert missing.exit_code == 1 and "is not a release folder" in missing.output


def _read_only_folder(tmp_path: Path) -> Path:
    """A folder this process cannot write to: root ignores permission bits, not sysfs."""
    import os

    if os.geteuid() == 0:
        return Path("/sys/kernel")
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    return folder


@pytest.mark.parametrize("kind", ["file", "file-parent", "read-only"])
def test_a_bad_out_is_refused_before_any_article_is_read(
    kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsevents.release import assemble

    (tmp_path / "a-file").write_text("x")
    out, culprit = {
        "file": (tmp_path / "a-file", tmp_path / "a-file"),
        "file-parent": (tmp_path / "a-file" / "sub", tmp_path / "a-file"),
        "read-only": (_read_only_folder(tmp_path),) * 2,
    }[kind]

    def no_reading(*args: object, **kwargs: object) -> None:
        raise AssertionError("the articles were read before --out was checked")

    monkeypatch.setattr(assemble, "collect", no_reading)
    result = runner.invoke(app, ["build", "--input", str(SEEDS), "--out", str(out)])
    assert result.exit_code == 1
    [line] = result.output.strip().splitlines()
    if kind == "read-only":
        assert line.startswith(f"error: [E024] --out {out} cannot be written: ")
        assert line.endswith("; pass a folder you can write to")
    else:
        assert line == (
            f"error: [E023] --out {out}: {culprit} is a file, not a folder; pass a folder "
            "(it is created if missing)"
        )


def test_build_closes_with_a_summary(tmp_path: Path) -> None:
    inputs = write_inputs(tmp_path / "in", {"a.txt": GOOD_ARTICLE})
    result = runner.invoke(app, ["build", "--input", str(inputs), "--out", str(tmp_path / "o")])
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert lines[0].startswith("built 1 articles, ") and " incidents, 0 rejected in " in lines[0]
    assert lines[0].endswith(" s")
    assert lines[1].startswith("event dates: ") and "events undated (" in lines[1]
    release = tmp_path / "o" / __import__("newsevents").__version__
    assert lines[2] == f"release: {release} (text: full)"


def test_progress_reports_records_rate_files_and_eta(tmp_path: Path) -> None:
    from rich.console import Console

    from newsevents.cli import _BuildProgress, _progress

    with (tmp_path / "log").open("w") as log:
        terminal = Console(file=log, force_terminal=True, width=200)
        with _progress(terminal) as progress:
            task = progress.add_task("reading", total=None, records=0, rate="0.0")
            feed = _BuildProgress(progress, task)
            feed.start(3)
            for name in ["a.jsonl", "a.jsonl", "b.txt", "c.txt"]:
                feed.item(name)
            progress.refresh()
            shown = progress.tasks[0]
            assert (shown.total, shown.completed, shown.fields["records"]) == (3, 2, 4)
            assert float(shown.fields["rate"]) > 0
    screen = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", (tmp_path / "log").read_text())
    assert "4 records (" in screen and "/s)" in screen
    assert "2/3 files" in screen and "ETA" in screen and "c.txt" in screen
