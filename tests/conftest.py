"""Shared fixtures: the seed release (built once per session) and input helpers."""

import os
from pathlib import Path

import pytest

from newsevents.config import BuildConfig
from newsevents.release.assemble import BuildReport, build_release

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
GOLD = ROOT / "gold"
DEV = ROOT.parent / "shared" / "eval" / "dev"

# Tests never reach a hub: every `datasets` load is local and offline.
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_OFFLINE", "1")


@pytest.fixture(scope="session")
def seed_release(tmp_path_factory: pytest.TempPathFactory) -> BuildReport:
    out = tmp_path_factory.mktemp("releases")
    return build_release(BuildConfig(input_dir=SEEDS, out_dir=out, version="test"))


@pytest.fixture
def dev_dir() -> Path:
    if not DEV.is_dir():
        pytest.skip(f"the dev set {DEV} is absent (it sits beside the repo in CI)")
    return DEV


def write_inputs(folder: Path, files: dict[str, bytes | str]) -> Path:
    """Create an input folder from {relative name: content}."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)
    return folder


GOOD_ARTICLE = (
    "Pakistan and Iran agree to ease tensions\n\n"
    "ISLAMABAD: Pakistan and Iran agreed on Monday to return their ambassadors, "
    "officials said.\n\nThe two foreign ministers spoke by telephone.\n"
)
