"""The README's loading snippet works as written against a freshly built release."""

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsevents.cli import app
from newsevents.release.assemble import BuildReport

from .conftest import ROOT


def test_readme_python_snippets_run(seed_release: BuildReport, tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    loading = readme.split("## As a library")[0]  # that section has its own test below
    snippets = re.findall(r"```python\n(.*?)```", loading, flags=re.DOTALL)
    assert snippets, "the README shows how to load a release"
    version = re.search(r"releases/(\d[^/\s\"]*)/", snippets[0]).group(1)  # type: ignore[union-attr]
    shutil.copytree(seed_release.release_dir, tmp_path / "releases" / version)
    env = {**os.environ, "HF_HOME": str(tmp_path / "hf"), "HF_DATASETS_OFFLINE": "1"}
    for code in snippets:
        run = subprocess.run(
            [sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True
        )
        assert run.returncode == 0, run.stderr[-2000:]
        assert "published_date_provenance" in run.stdout  # the pandas frame was printed


def test_readme_verify_and_diff_commands_run(
    seed_release: BuildReport, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Usage lines for verify, build --previous and diff, run as written (after
    `make build` made releases/0.1.0) from a folder holding the seeds."""
    readme = (ROOT / "README.md").read_text("utf-8")
    lines = re.findall(
        r"^\.venv/bin/newsevents ((?:verify|diff|build .*--previous)[^#\n]*)", readme, re.M
    )
    assert [line.split()[0] for line in lines] == ["verify", "build", "diff", "diff"]
    shutil.copytree(seed_release.release_dir, tmp_path / "releases" / "0.1.0")
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    for line in lines:
        result = CliRunner().invoke(app, shlex.split(line))
        assert result.exit_code == 0, (line, result.output)
    assert result.output.startswith("{")  # the last line asks for --json


def test_readme_own_corpus_commands_run_as_written(tmp_path: Path) -> None:
    """The "Your own corpus" commands, with `.venv/bin/newsevents` this checkout's CLI."""
    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme.split("### Your own corpus")[1]
    commands = re.search(r"```sh\n(.*?)```", section, flags=re.DOTALL).group(1)  # type: ignore[union-attr]
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    cli = f'{sys.executable} -c "from newsevents.cli import app; app()"'
    script = "set -e\n" + commands.replace(".venv/bin/newsevents", cli)
    run = subprocess.run(["bash", "-c", script], cwd=tmp_path, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr[-2000:]
    manifest = (tmp_path / "releases" / "1.0" / "manifest.json").read_text("utf-8")
    assert '"dataset": "my-articles"' in manifest and '"text_policy": "none"' in manifest
    card = (tmp_path / "releases" / "1.0" / "README.md").read_text("utf-8")
    assert "pretty_name: My articles\nlicense: cc-by-4.0\n" in card


def test_readme_library_example_runs_as_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The "As a library" snippet, run as written from a folder holding the seeds."""
    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme.split("## As a library")[1]
    code = re.search(r"```python\n(.*?)```", section, flags=re.DOTALL).group(1)  # type: ignore[union-attr]
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    exec(compile(code, "README.md", "exec"), {})
    assert (tmp_path / "lib" / "1.0" / "croissant.json").is_file()
