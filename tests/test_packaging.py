"""newsevents installed from a wheel, in a fresh virtual environment, builds a release
from a folder outside the repository: nothing is read from the source checkout."""

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

from .conftest import GOOD_ARTICLE, ROOT, write_inputs

# The wheel holds every file the package reads at run time.
PACKAGE_DATA = (
    "newsevents/release/dataset_card.md",
    "newsevents/release/accuracy.json",
    "newsevents/knowledge/actors.yaml",
    "newsevents/explorer/static/index.html",
    "newsevents/explorer/static/explorer.js",
    "newsevents/explorer/vendor/vega-6.4.0/vega.min.js",
    "newsevents/explorer/vendor/world-atlas-2.0.2/countries-110m.json",
    "newsevents/explorer/vendor/leaflet-1.9.4/LICENSE",
)


def _run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    run = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600
    )
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    return run.stdout + run.stderr


def test_a_wheel_in_a_fresh_venv_builds_a_release(tmp_path: Path) -> None:
    # Build from a copy, so the checkout gets no build/ or egg-info folders.
    source = tmp_path / "source"
    shutil.copytree(
        ROOT / "src", source / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info")
    )
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy(ROOT / name, source / name)
    wheels = tmp_path / "wheels"
    _run(sys.executable, "-m", "pip", "wheel", ".", "--no-deps", "-q", "-w", wheels, cwd=source)
    [wheel] = wheels.glob("newsevents-*.whl")
    listing = _run(sys.executable, "-m", "zipfile", "-l", wheel, cwd=tmp_path)
    for name in (*PACKAGE_DATA, "LICENSE"):
        assert name in listing, f"{name} is not in the wheel"

    # A fresh venv without pip; the dependencies come from this environment's
    # site-packages, added by a .pth path line (which does not run that folder's .pth
    # files, so this checkout's editable install stays out of it).
    venv = tmp_path / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp_path)
    python = venv / "bin" / "python"
    site = _run(
        python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))", cwd=tmp_path
    )
    Path(site.strip(), "dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    _run(sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "-q", wheel,
         cwd=tmp_path)  # fmt: skip

    elsewhere = tmp_path / "elsewhere"
    write_inputs(elsewhere / "talks", {"a.txt": GOOD_ARTICLE})
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    where = _run(
        python, "-c", "import newsevents; print(newsevents.__file__)", cwd=elsewhere, env=env
    )
    assert where.strip().startswith(str(venv)), where
    out = _run(venv / "bin" / "newsevents", "build", "--input", "talks", "--out", "releases",
               "--version", "1.0", cwd=elsewhere, env=env)  # fmt: skip
    assert "built 1 articles" in out
    card = (elsewhere / "releases" / "1.0" / "README.md").read_text("utf-8")
    assert card.split("---\n", 2)[2].lstrip().startswith("# talks\n")
    assert "## How accurate is it" in card and "dev-synth" in card
    explorer = elsewhere / "releases" / "1.0" / "explorer"  # written from package data
    assert (explorer / "index.html").is_file() and (explorer / "vendor" / "README.md").is_file()


def test_citation_and_licence_agree_with_pyproject() -> None:
    import tomllib

    import yaml

    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text("utf-8"))
    # The keys CFF 1.2.0 requires, and the ones that must not drift from the package.
    assert cff["cff-version"] == "1.2.0"
    assert cff["message"] and cff["title"] and cff["authors"]
    assert all("name" in a or "family-names" in a for a in cff["authors"])
    assert (cff["version"], cff["license"]) == (project["version"], project["license"])
    assert (ROOT / "LICENSE").read_text("utf-8").startswith(f"{project['license']} License\n")
