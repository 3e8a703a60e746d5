"""Arrow schemas derived from the pydantic models.

Every Parquet file is written with one explicit schema so that an all-null or
all-empty-list column keeps its real type (otherwise `datasets` fails with
"Couldn't cast date32 to null").
"""

import datetime as dt
import types
import typing
from functools import cache
from typing import Any, Literal, get_args, get_origin

import pyarrow as pa
from pydantic import BaseModel


def arrow_schema(model: type[BaseModel]) -> pa.Schema:
    return pa.schema(_fields(model))


def _fields(model: type[BaseModel]) -> list[pa.Field]:
    fields = []
    for name, info in model.model_fields.items():
        arrow_type, nullable = _arrow_type(info.annotation)
        fields.append(pa.field(name, arrow_type, nullable=nullable))
    return fields


def _arrow_type(annotation: Any) -> tuple[pa.DataType, bool]:
    """(arrow type, nullable) for a model field annotation."""
    origin = get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in get_args(annotation) if a is not type(None)]
        if len(inner) != 1:
            raise TypeError(f"unsupported union {annotation}")
        return _arrow_type(inner[0])[0], True
    if origin is list:
        (item,) = get_args(annotation)
        return pa.list_(_arrow_type(item)[0]), False
    if origin is dict:
        key, value = get_args(annotation)
        return pa.map_(_arrow_type(key)[0], _arrow_type(value)[0]), False
    if origin is Literal or annotation is str:
        return pa.string(), False
    if annotation is bool:
        return pa.bool_(), False
    if annotation is int:
        return pa.int64(), False
    if annotation is float:
        return pa.float64(), False
    if annotation is dt.date:
        return pa.date32(), False
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return pa.struct(_fields(annotation)), False
    raise TypeError(f"no Arrow type for {annotation!r}")


def batch_from_json(lines: bytes, schema: pa.Schema) -> pa.RecordBatch:
    """Rows given as JSON lines (each a model's `model_dump_json`) as one record batch
    of `schema`: parsed by Arrow's JSON reader, in C++, not row by row in Python.

    The reader is given a schema it can fill from JSON (dates as strings, every field
    nullable); `_conform` then gives each column its real type. A null struct's
    required children are null as read; they take the type's empty value, which no
    reader sees (the struct is null) and Parquet does not store, so the batch equals,
    and writes the same bytes as, the one `RecordBatch.from_pylist` makes of the
    models' `model_dump()`."""
    import pyarrow.json as pa_json

    table = pa_json.read_json(
        pa.BufferReader(lines),
        read_options=pa_json.ReadOptions(use_threads=False, block_size=len(lines) + 1),
        parse_options=pa_json.ParseOptions(
            explicit_schema=_as_read(schema), unexpected_field_behavior="error"
        ),
    ).combine_chunks()
    columns = [
        _conform(_one_chunk(column), field.type, field.nullable)
        for column, field in zip(table.columns, schema, strict=True)
    ]
    return pa.RecordBatch.from_arrays(columns, schema=schema)


def _as_read(schema: pa.Schema) -> pa.Schema:
    return pa.schema([pa.field(f.name, _read_type(f.type)) for f in schema])


def _read_type(arrow_type: pa.DataType) -> pa.DataType:
    """The type the JSON reader fills for `arrow_type`: dates as their ISO strings,
    every field nullable."""
    if pa.types.is_date32(arrow_type):
        return pa.string()
    if pa.types.is_struct(arrow_type):
        return pa.struct([pa.field(f.name, _read_type(f.type)) for f in arrow_type])
    if pa.types.is_list(arrow_type):
        return pa.list_(_read_type(arrow_type.value_type))
    if pa.types.is_map(arrow_type):
        raise TypeError("a map column cannot be read from JSON lines")
    return arrow_type


def _one_chunk(column: pa.ChunkedArray) -> pa.Array:
    return column.chunk(0) if column.num_chunks == 1 else pa.concat_arrays(column.chunks)


def _conform(array: pa.Array, arrow_type: pa.DataType, nullable: bool) -> pa.Array:
    """`array`, as read with `_read_type(arrow_type)`, as an array of `arrow_type`."""
    import pyarrow.compute as pc

    mask = array.is_null() if nullable and array.null_count else None
    if pa.types.is_struct(arrow_type):
        children = [_conform(array.field(i), f.type, f.nullable) for i, f in enumerate(arrow_type)]
        return pa.StructArray.from_arrays(children, fields=list(arrow_type), mask=mask)
    if pa.types.is_list(arrow_type):
        item = arrow_type.value_field
        values = _conform(array.flatten(), item.type, item.nullable)
        offsets = array.offsets  # flatten() starts at the first offset: so do they
        if offsets[0].as_py():
            offsets = pc.subtract(offsets, offsets[0])
        return pa.ListArray.from_arrays(offsets, values, type=arrow_type, mask=mask)
    if pa.types.is_date32(arrow_type):
        array = array.cast(arrow_type)
    if array.null_count and not nullable:
        array = pc.fill_null(array, _empty_value(arrow_type))
    return array


# What a required field holds under a null struct (never read: see batch_from_json), as
# JSON: the Arrow scalars are read from it (`_empty_value`), as making them from Python
# values would import pandas (pyarrow checks every Python value for a pandas type), a
# quarter of a second in every process that writes a config.
_EMPTY_JSON = b'{"string":"","int64":0,"double":0.0,"bool":false,"date32[day]":"1970-01-01"}\n'


@cache
def _empty_values() -> pa.RecordBatch:
    import pyarrow.json as pa_json

    read = pa_json.read_json(pa.BufferReader(_EMPTY_JSON)).combine_chunks()
    return pa.RecordBatch.from_arrays(
        [read.column(name).chunk(0) for name in read.column_names], names=read.column_names
    )


def _empty_value(arrow_type: pa.DataType) -> pa.Scalar:
    column = _empty_values().column(str(arrow_type))
    return (column.cast(arrow_type) if column.type != arrow_type else column)[0]
