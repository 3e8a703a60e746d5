"""Parquet and JSONL writers. Same rows in, same bytes out."""

from collections.abc import Sequence
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from pydantic import BaseModel

from newsevents.release.arrow import arrow_schema


def write_parquet(path: Path, model: type[BaseModel], rows: Sequence[BaseModel]) -> None:
    """One file, one explicit schema; dates stay dates (`mode="python"`)."""
    schema = arrow_schema(model)
    table = pa.Table.from_pylist([r.model_dump(mode="python") for r in rows], schema=schema)
    path.parent.mkdir(parents=True, exist_ok=True)
    with pq.ParquetWriter(path, schema, compression="zstd") as writer:
        # An empty config gets no row group at all: a zero-row group makes
        # `datasets` fail with "BatchSize must be greater than 0" instead of
        # its plain "corresponds to no data".
        if table.num_rows:
            writer.write_table(table)


def write_jsonl(path: Path, rows: Sequence[BaseModel]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for row in rows:
            out.write(row.model_dump_json() + "\n")
