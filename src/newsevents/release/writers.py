"""Parquet and JSONL writers. Same rows in, same bytes out."""

from collections.abc import Iterator, Sequence
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from pydantic import BaseModel

from newsevents.release.arrow import arrow_schema

# The Hub's dataset viewer reads row groups of at most 100k rows and files below 500 MB.
# A shard is cut by the Arrow (uncompressed) size of its rows, which bounds the size of
# the zstd-compressed file, so the check needs no trial write and the bytes stay the same.
ROW_GROUP_ROWS = 100_000
SHARD_BYTES = 400 * 1000**2


def shard_name(index: int, count: int) -> str:
    return f"train-{index:05d}-of-{count:05d}.parquet"


def write_parquet(
    folder: Path,
    model: type[BaseModel],
    rows: Sequence[BaseModel],
    *,
    row_group_rows: int = ROW_GROUP_ROWS,
    shard_bytes: int = SHARD_BYTES,
) -> list[Path]:
    """The rows as `folder/train-0000i-of-0000N.parquet`, one explicit schema; dates stay
    dates (`mode="python"`). A small config is one file. Returns the files written."""
    schema = arrow_schema(model)
    table = pa.Table.from_pylist([r.model_dump(mode="python") for r in rows], schema=schema)
    shards = _shards(table, row_group_rows, shard_bytes)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index, groups in enumerate(shards):
        path = folder / shard_name(index, len(shards))
        with pq.ParquetWriter(path, schema, compression="zstd") as writer:
            # An empty config gets no row group at all: a zero-row group makes
            # `datasets` fail with "BatchSize must be greater than 0" instead of
            # its plain "corresponds to no data".
            for group in groups:
                writer.write_table(group, row_group_size=group.num_rows)
        paths.append(path)
    return paths


def _shards(table: pa.Table, row_group_rows: int, shard_bytes: int) -> list[list[pa.Table]]:
    """Row groups packed into shards of at most `shard_bytes` (Arrow size); at least one
    shard, empty for an empty table."""
    shards: list[list[pa.Table]] = [[]]
    size = 0
    for group in _row_groups(table, row_group_rows, shard_bytes):
        if shards[-1] and size + group.nbytes > shard_bytes:
            shards.append([])
            size = 0
        shards[-1].append(group)
        size += group.nbytes
    return shards


def _row_groups(table: pa.Table, rows: int, max_bytes: int) -> Iterator[pa.Table]:
    """Slices of at most `rows` rows; one larger than `max_bytes` is halved until it fits
    (a single row larger than that stays alone)."""
    for start in range(0, table.num_rows, rows):
        group = table.slice(start, rows)
        if group.nbytes > max_bytes and group.num_rows > 1:
            yield from _row_groups(group, (group.num_rows + 1) // 2, max_bytes)
        else:
            yield group


def write_jsonl(path: Path, rows: Sequence[BaseModel]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for row in rows:
            out.write(row.model_dump_json() + "\n")
