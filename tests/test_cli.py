"""The CLI: help with examples, exit codes, one-line errors with remedies."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsevents.cli import app

from .conftest import GOLD, GOOD_ARTICLE, ROOT, SEEDS, write_inputs

runner = CliRunner()
COMMANDS = ["build", "init", "validate", "schema", "eval"]


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
