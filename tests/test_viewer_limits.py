"""The Hub's dataset viewer limits: row groups of at most 100k rows, files below 500 MB
(sharded), and no empty config in the card. Small thresholds stand in for the real ones."""

from pathlib import Path

import pyarrow.parquet as pq
import yaml
from datasets import load_dataset

from newsevents.config import BuildConfig
from newsevents.pipeline.collect import Collected
from newsevents.release.assemble import make_manifest, write_release
from newsevents.release.writers import ROW_GROUP_ROWS, SHARD_BYTES, write_parquet
from newsevents.schema import Article, EntityRow

from .factories import make_article


def _entities(n: int) -> list[EntityRow]:
    return [
        EntityRow(
            entity_id=f"e{i:04d}",
            name=f"Name {i} " + "x" * 200,
            type="PERSON",
            aliases=[f"alias {i}"],
            article_count=1,
            mention_count=1,
        )  # fmt: skip
        for i in range(n)
    ]


def test_the_real_limits_are_below_the_viewers() -> None:
    assert ROW_GROUP_ROWS <= 100_000
    assert SHARD_BYTES < 500 * 1000**2


def test_row_groups_hold_at_most_the_row_limit(tmp_path: Path) -> None:
    (path,) = write_parquet(tmp_path / "entities", EntityRow, _entities(25), row_group_rows=10)
    assert path.name == "train-00000-of-00001.parquet"
    meta = pq.ParquetFile(path).metadata
    assert [meta.row_group(i).num_rows for i in range(meta.num_row_groups)] == [10, 10, 5]


def test_a_large_config_is_sharded_and_reads_back_whole(tmp_path: Path) -> None:
    rows = _entities(40)
    paths = write_parquet(tmp_path / "entities", EntityRow, rows, row_group_rows=4,
                          shard_bytes=3_000)  # fmt: skip
    count = len(paths)
    assert count > 1
    assert [p.name for p in paths] == [
        f"train-{i:05d}-of-{count:05d}.parquet" for i in range(count)
    ]
    for path in paths:
        # The cut is on Arrow bytes, an upper bound of the zstd data at real sizes (at this
        # toy size Parquet's per-group headers dominate the file).
        assert pq.read_table(path).nbytes <= 3_000
        groups = pq.ParquetFile(path).metadata
        assert all(groups.row_group(i).num_rows <= 4 for i in range(groups.num_row_groups))
    again = [r for p in paths for r in pq.read_table(p).to_pylist()]
    assert [EntityRow.model_validate(r) for r in again] == rows
    ds = load_dataset("parquet", data_files=[str(p) for p in paths], split="train",
                      cache_dir=str(tmp_path / "cache"))  # fmt: skip
    assert ds.num_rows == 40


def test_an_empty_config_is_one_file_with_no_row_group(tmp_path: Path) -> None:
    (path,) = write_parquet(tmp_path / "entities", EntityRow, [])
    assert pq.ParquetFile(path).metadata.num_row_groups == 0


def test_an_empty_config_is_left_out_of_the_card(tmp_path: Path) -> None:
    config = BuildConfig(input_dir=tmp_path, out_dir=tmp_path / "out", version="t")
    collected = Collected(articles=[make_article()])  # no incidents
    folder = tmp_path / "release"
    folder.mkdir()
    write_release(folder, config, collected, make_manifest(config, collected))
    front = yaml.safe_load((folder / "README.md").read_text("utf-8").split("---\n")[1])
    listed = [c["config_name"] for c in front["configs"]]
    assert "incidents" not in listed and "articles" in listed
    assert [i["config_name"] for i in front["dataset_info"]] == listed
    # The file is still there, for pandas: zero typed rows.
    assert pq.read_table(folder / "incidents" / "train-00000-of-00001.parquet").num_rows == 0
    for name in listed:
        ds = load_dataset(str(folder), name, split="train", cache_dir=str(tmp_path / name))
        assert ds.num_rows > 0
    assert (
        Article.model_validate(
            load_dataset(str(folder), "articles", split="train", cache_dir=str(tmp_path / "a"))[0]
        )
        == make_article()
    )
