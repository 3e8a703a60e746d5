"""`croissant.json`: the release described in Croissant 1.0 (MLCommons' JSON-LD metadata).

Generated from the pydantic models, like the JSON Schema and the card's field table:
one RecordSet per config, one FileObject (with its SHA-256) per Parquet file, one Field
per model field with its description and type. A struct is a Field with `subField`s
read through a `jsonPath` transform of its column; a list is `repeated`. Written after
the Parquet files (it holds their checksums) and before SHA256SUMS (which lists it).
"""

import datetime as dt
import hashlib
import json
import types
import typing
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

CROISSANT_NAME = "croissant.json"
CONFORMS_TO = "http://mlcommons.org/croissant/1.0"
PARQUET_FORMAT = "application/x-parquet"

# The standard Croissant 1.0 @context: tools (mlcroissant among them) warn on any other.
CONTEXT: dict[str, Any] = {
    "@language": "en",
    "@vocab": "https://schema.org/",
    "citeAs": "cr:citeAs",
    "column": "cr:column",
    "conformsTo": "dct:conformsTo",
    "cr": "http://mlcommons.org/croissant/",
    "rai": "http://mlcommons.org/croissant/RAI/",
    "data": {"@id": "cr:data", "@type": "@json"},
    "dataType": {"@id": "cr:dataType", "@type": "@vocab"},
    "dct": "http://purl.org/dc/terms/",
    "equivalentProperty": "cr:equivalentProperty",
    "examples": {"@id": "cr:examples", "@type": "@json"},
    "extract": "cr:extract",
    "field": "cr:field",
    "fileProperty": "cr:fileProperty",
    "fileObject": "cr:fileObject",
    "fileSet": "cr:fileSet",
    "format": "cr:format",
    "includes": "cr:includes",
    "isLiveDataset": "cr:isLiveDataset",
    "jsonPath": "cr:jsonPath",
    "key": "cr:key",
    "md5": "cr:md5",
    "parentField": "cr:parentField",
    "path": "cr:path",
    "recordSet": "cr:recordSet",
    "references": "cr:references",
    "regex": "cr:regex",
    "repeated": "cr:repeated",
    "replace": "cr:replace",
    "samplingRate": "cr:samplingRate",
    "sc": "https://schema.org/",
    "separator": "cr:separator",
    "source": "cr:source",
    "subField": "cr:subField",
    "transform": "cr:transform",
}

_DATA_TYPES: dict[Any, str] = {
    str: "sc:Text",
    int: "sc:Integer",
    float: "sc:Float",
    bool: "sc:Boolean",
    dt.date: "sc:Date",
}


def croissant_metadata(
    release: Path,
    *,
    name: str,
    description: str,
    version: str,
    license_text: str,
    configs: Mapping[str, type[BaseModel]],
) -> dict[str, Any]:
    """The Croissant JSON-LD of the release folder `release`, whose Parquet files
    `<config>/*.parquet` are already written."""
    distribution: list[dict[str, Any]] = []
    record_sets = []
    for config, model in configs.items():
        shards = sorted((release / config).glob("*.parquet"))
        distribution += [_file_object(release, path) for path in shards]
        if len(shards) == 1:
            source = {"fileObject": {"@id": _file_id(release, shards[0])}}
        else:
            # Sharded: the FileObjects above carry the checksums, a FileSet reads them all.
            file_set = f"{config}-parquet-files"
            distribution.append(
                {
                    "@type": "cr:FileSet",
                    "@id": file_set,
                    "name": file_set,
                    "encodingFormat": PARQUET_FORMAT,
                    "includes": f"{config}/*.parquet",
                }
            )
            source = {"fileSet": {"@id": file_set}}
        record_sets.append(
            {
                "@type": "cr:RecordSet",
                "@id": config,
                "name": config,
                "description": _doc(model),
                "field": [
                    _field(f"{config}/{field}", field, info, source, column=field)
                    for field, info in model.model_fields.items()
                ],
            }
        )
    return {
        "@context": CONTEXT,
        "@type": "sc:Dataset",
        "conformsTo": CONFORMS_TO,
        "name": name,
        "description": description,
        "version": version,
        "license": license_text,
        "distribution": distribution,
        "recordSet": record_sets,
    }


def write_croissant(release: Path, **metadata: Any) -> Path:
    """Write `croissant.json` into `release` (keyword arguments as `croissant_metadata`)."""
    path = release / CROISSANT_NAME
    document = croissant_metadata(release, **metadata)
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", "utf-8")
    return path


def _file_id(release: Path, path: Path) -> str:
    return path.relative_to(release).as_posix()


def _file_object(release: Path, path: Path) -> dict[str, Any]:
    rel = _file_id(release, path)
    return {
        "@type": "cr:FileObject",
        "@id": rel,
        "name": rel,
        "contentUrl": rel,
        "encodingFormat": PARQUET_FORMAT,
        "contentSize": f"{path.stat().st_size} B",
        "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
    }


def _field(
    field_id: str,
    name: str,
    info: FieldInfo,
    source: Mapping[str, Any],
    *,
    column: str,
    json_path: str | None = None,
) -> dict[str, Any]:
    """One Field; a nested model's fields become `subField`s of the same column."""
    item, repeated = _unwrap(info.annotation)
    extract: dict[str, Any] = {**source, "extract": {"column": column}}
    if json_path is not None:
        # Inside a list of structs mlcroissant applies the path to each element.
        extract["transform"] = {"jsonPath": json_path}
    field: dict[str, Any] = {
        "@type": "cr:Field",
        "@id": field_id,
        "name": name,
        "description": info.description or "",
    }
    if isinstance(item, type) and issubclass(item, BaseModel):
        field["dataType"] = "cr:RecordSet"
        field["subField"] = [
            _field(
                f"{field_id}/{sub}",
                sub,
                sub_info,
                source,
                column=column,
                json_path=_child_path(json_path, sub, repeated),
            )
            for sub, sub_info in item.model_fields.items()
        ]
    else:
        field["dataType"] = _data_type(item)
        field["source"] = extract
    if repeated:
        field["repeated"] = True
    return field


def _child_path(parent: str | None, name: str, parent_repeated: bool) -> str:
    """JSONPath of a sub-field inside its top-level column's value.

    mlcroissant applies a transform to each element of a list column, so the children of a
    top-level list are addressed from its element (`entity_id`); a list deeper down is
    addressed with `[*]` (`mentions[*].start`). mlcroissant 1.1 keeps only the first match
    of such a path: the JSON-LD is right, but its records then hold the first mention only.
    """
    if parent is None:
        return name
    return f"{parent}[*].{name}" if parent_repeated else f"{parent}.{name}"


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """(item type, is a list) of a field annotation, with `None` removed from unions."""
    origin = get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in get_args(annotation) if a is not type(None)]
        if len(inner) != 1:
            raise TypeError(f"unsupported union {annotation}")
        return _unwrap(inner[0])
    if origin is list:
        item, _ = _unwrap(get_args(annotation)[0])
        return item, True
    return annotation, False


def _data_type(annotation: Any) -> str:
    if get_origin(annotation) is Literal:
        return "sc:Text"
    if annotation in _DATA_TYPES:
        return _DATA_TYPES[annotation]
    raise TypeError(f"no Croissant data type for {annotation!r}")


def _doc(model: type[BaseModel]) -> str:
    return " ".join((model.__doc__ or model.__name__).split())
