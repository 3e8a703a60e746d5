"""Loading a release without traps: types kept, and never stale rows after a rebuild."""

import datetime
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pytest

import newsevents
from newsevents.config import BuildConfig
from newsevents.errors import UserError
from newsevents.release.arrow import arrow_schema
from newsevents.release.assemble import BuildReport, build_release
from newsevents.schema import CONFIG_MODELS

from .conftest import SEEDS


def test_load_keeps_nullable_integers_and_dates(seed_release: BuildReport) -> None:
    articles = newsevents.load(seed_release.release_dir)
    assert str(articles["source_line"].dtype) == "int64[pyarrow]"  # all null, still an integer
    assert str(articles["published_date"].dtype) == "date32[day][pyarrow]"
    late = articles[articles["published_date"] >= datetime.date(2024, 1, 29)]
    assert sorted(late["article_id"]) == [
        "002_78899e4275e58e70",
        "003_89c3de90ed6096f9",
        "004_12d3afc6d6242718",
    ]
    with pytest.raises(TypeError):  # the trap the README warns about: a string is no date
        articles[articles["published_date"] >= "2024-01-29"]


@pytest.mark.parametrize("config", list(CONFIG_MODELS))
def test_load_arrow_has_the_model_schema(seed_release: BuildReport, config: str) -> None:
    table = newsevents.load(seed_release.release_dir, config, kind="arrow")
    assert isinstance(table, pa.Table)
    assert table.schema.equals(arrow_schema(CONFIG_MODELS[config]))
    assert table.num_rows == seed_release.manifest.counts[config]


def test_load_errors_name_the_remedy(seed_release: BuildReport, tmp_path: Path) -> None:
    with pytest.raises(UserError, match=r"\[E027\] config 'claim' is not in a release; use one"):
        newsevents.load(seed_release.release_dir, "claim")
    with pytest.raises(UserError, match=r"\[E028\] kind 'polars' is unknown"):
        newsevents.load(seed_release.release_dir, kind="polars")
    with pytest.raises(UserError, match=r"\[E029\] .* is not a release folder"):
        newsevents.load(tmp_path)


LOADERS = """
import newsevents
from datasets import load_dataset

ds = load_dataset("parquet", data_files="releases/v/articles/*.parquet", split="train")
print(sorted(ds["article_id"]))
print(sorted(newsevents.load("releases/v")["article_id"]))
"""


def test_the_readme_recipe_reads_a_release_rebuilt_in_place_afresh(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    for path in seeds[:2]:
        shutil.copy(path, first)
    for path in seeds[2:]:
        shutil.copy(path, second)
    env = {**os.environ, "HF_HOME": str(tmp_path / "hf"), "HF_DATASETS_OFFLINE": "1"}

    def load() -> list[str]:
        run = subprocess.run(
            [sys.executable, "-c", LOADERS], cwd=tmp_path, env=env, capture_output=True, text=True
        )
        assert run.returncode == 0, run.stderr[-2000:]
        return run.stdout.splitlines()

    out = tmp_path / "releases"
    build_release(BuildConfig(input_dir=first, out_dir=out, version="v"))
    ids = str(sorted(p.stem for p in seeds[:2]))
    assert load() == [ids, ids]
    build_release(BuildConfig(input_dir=second, out_dir=out, version="v", force=True))
    ids = str(sorted(p.stem for p in seeds[2:]))
    assert load() == [ids, ids]  # the same cache, the new rows
