"""Markdown field tables generated from the model descriptions (for the dataset card)."""

import datetime as dt
import types
import typing
from typing import Any, Literal, get_args, get_origin

from pydantic import BaseModel


def field_table(model: type[BaseModel]) -> str:
    """A table of every field, nested ones dotted (`source.outlet`, `entities[].type`)."""
    lines = ["| field | type | meaning |", "|---|---|---|"]
    for name, kind, description in _rows(model, ""):
        lines.append(f"| `{name}` | {kind} | {description} |")
    return "\n".join(lines)


def _rows(model: type[BaseModel], prefix: str) -> typing.Iterator[tuple[str, str, str]]:
    for name, info in model.model_fields.items():
        full = f"{prefix}{name}"
        yield full, _type_name(info.annotation), (info.description or "").replace("|", "\\|")
        nested, is_list = _nested_model(info.annotation)
        if nested is not None:
            yield from _rows(nested, f"{full}[]." if is_list else f"{full}.")


def _nested_model(annotation: Any) -> tuple[type[BaseModel] | None, bool]:
    origin = get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in get_args(annotation) if a is not type(None)]
        return _nested_model(inner[0])
    if origin is list:
        model, _ = _nested_model(get_args(annotation)[0])
        return model, True
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation, False
    return None, False


def _type_name(annotation: Any) -> str:
    origin = get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in get_args(annotation) if a is not type(None)]
        return f"{_type_name(inner[0])} or null"
    if origin is list:
        return f"list of {_type_name(get_args(annotation)[0])}"
    if origin is dict:
        key, value = get_args(annotation)
        return f"map {_type_name(key)} → {_type_name(value)}"
    if origin is Literal:
        return "string (" + ", ".join(f"`{v}`" for v in get_args(annotation)) + ")"
    if annotation is dt.date:
        return "date"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation.__name__
    return {str: "string", int: "integer", float: "number", bool: "boolean"}.get(
        annotation, str(annotation)
    )
