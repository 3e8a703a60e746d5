"""Parquet and JSONL writers. Same rows in, same bytes out."""

from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

import pyarrow as pa
import pyarrow.parquet as pq
from pydantic import BaseModel

from newsevents.release.arrow import arrow_schema, batch_from_json

# The Hub's dataset viewer reads row groups of at most 100k rows and files below 500 MB.
# A shard is cut by the Arrow (uncompressed) size of its rows, which bounds the size of
# the zstd-compressed file, so the check needs no trial write and the bytes stay the same.
ROW_GROUP_ROWS = 100_000
SHARD_BYTES = 400 * 1000**2


# A row group is also cut when the JSON of its rows reaches this many bytes: a streamed
# build holds one row group per config at a time, so this bounds its memory.
ROW_GROUP_BYTES = 16 * 1000**2
# Rows wait as their JSON lines only this many bytes at a time; then they become an
# Arrow batch (about their JSON size) until the group is written.
BATCH_BYTES = 4 * 1000**2


def shard_name(index: int, count: int) -> str:
    return f"train-{index:05d}-of-{count:05d}.parquet"


class ConfigWriter:
    """One config written as its rows arrive: `folder/train-0000i-of-0000N.parquet` with
    one explicit Arrow schema, and the same rows as JSON lines in `jsonl`.

    Rows are buffered into a row group of at most `row_group_rows` rows and
    `row_group_bytes` bytes of JSON, which is written as soon as it is full; a shard is
    closed before a group would take its Arrow size past `shard_bytes`. The cuts depend
    only on the rows, so the same rows give the same bytes. Shards are written under
    temporary names and renamed once their count is known. The Parquet rows are read
    from the same JSON lines as the JSONL file (`arrow.batch_from_json`): a row is
    serialised once. An empty config is one file with no row group: a
    zero-row group makes `datasets` fail with "BatchSize must be greater than 0"
    instead of its plain "corresponds to no data"."""

    def __init__(
        self,
        folder: Path,
        model: type[BaseModel],
        jsonl: Path | None = None,
        *,
        row_group_rows: int = ROW_GROUP_ROWS,
        row_group_bytes: int = ROW_GROUP_BYTES,
        shard_bytes: int = SHARD_BYTES,
    ) -> None:
        self.folder, self.schema = folder, arrow_schema(model)
        self.limits = (row_group_rows, row_group_bytes, shard_bytes)
        folder.mkdir(parents=True, exist_ok=True)
        self._jsonl: BinaryIO | None = None
        if jsonl is not None:
            jsonl.parent.mkdir(parents=True, exist_ok=True)
            self._jsonl = jsonl.open("wb")
        self._lines: list[bytes] = []  # not yet in a batch
        self._line_bytes = 0
        self._batches: list[pa.RecordBatch] = []
        self._group_rows = self._row_bytes = 0
        self._parts: list[Path] = []
        self._writer: pq.ParquetWriter | None = None
        self._shard_size = 0

    def add(self, row: BaseModel) -> None:
        self.add_json(row.model_dump_json())

    def add_json(self, line: str) -> None:
        """A row as its model's `model_dump_json()` (one line), made and validated where
        the row was made."""
        self.add_line((line + "\n").encode())

    def add_line(self, data: bytes) -> None:
        """A row as `add_json` takes it, UTF-8 with its line end."""
        if self._jsonl is not None:
            self._jsonl.write(data)
        self._lines.append(data)
        self._line_bytes += len(data)
        self._group_rows += 1
        self._row_bytes += len(data) - 1
        if self._line_bytes >= BATCH_BYTES:
            self._batch()
        rows, group_bytes, _ = self.limits
        if self._group_rows >= rows or self._row_bytes >= group_bytes:
            self._write_group()

    def close(self) -> list[Path]:
        """Write what is buffered, close the files; the shards' final paths."""
        self._write_group()
        if not self._parts:
            self._open_shard()
        assert self._writer is not None
        self._writer.close()
        if self._jsonl is not None:
            self._jsonl.close()
        paths = [self.folder / shard_name(i, len(self._parts)) for i in range(len(self._parts))]
        for part, path in zip(self._parts, paths, strict=True):
            part.replace(path)
        return paths

    def _write_group(self) -> None:
        self._batch()
        if not self._batches:
            return
        group = pa.Table.from_batches(self._batches, schema=self.schema).combine_chunks()
        self._batches, self._group_rows, self._row_bytes = [], 0, 0
        if self._writer is None or (
            self._shard_size and self._shard_size + group.nbytes > self.limits[2]
        ):
            self._open_shard()
        assert self._writer is not None
        self._writer.write_table(group, row_group_size=group.num_rows)
        self._shard_size += group.nbytes

    def _batch(self) -> None:
        if self._lines:
            self._batches.append(batch_from_json(b"".join(self._lines), self.schema))
            self._lines, self._line_bytes = [], 0

    def _open_shard(self) -> None:
        if self._writer is not None:
            self._writer.close()
        part = self.folder / f".part-{len(self._parts):05d}.parquet"
        self._parts.append(part)
        self._writer = pq.ParquetWriter(part, self.schema, compression="zstd")
        self._shard_size = 0


def write_parquet(
    folder: Path,
    model: type[BaseModel],
    rows: Iterable[BaseModel],
    *,
    row_group_rows: int = ROW_GROUP_ROWS,
    shard_bytes: int = SHARD_BYTES,
) -> list[Path]:
    """The rows as one config's Parquet files (see ConfigWriter); the files written."""
    writer = ConfigWriter(folder, model, row_group_rows=row_group_rows, shard_bytes=shard_bytes)
    for row in rows:
        writer.add(row)
    return writer.close()


def write_jsonl(path: Path, rows: Iterable[BaseModel]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for row in rows:
            out.write(row.model_dump_json() + "\n")
