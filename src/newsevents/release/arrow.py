"""Arrow schemas derived from the pydantic models.

Every Parquet file is written with one explicit schema so that an all-null or
all-empty-list column keeps its real type (otherwise `datasets` fails with
"Couldn't cast date32 to null").
"""

import datetime as dt
import types
import typing
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
