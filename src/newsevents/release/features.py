"""Hugging Face `dataset_info.features` (card YAML) from an Arrow schema.

Declaring the features in the card makes `datasets` use our types instead of
inferring them from the first file.
"""

from typing import Any

import pyarrow as pa

_DTYPES = {
    pa.string(): "string",
    pa.int64(): "int64",
    pa.float64(): "float64",
    pa.bool_(): "bool",
    pa.date32(): "date32",
}


def features_yaml(schema: pa.Schema) -> list[dict[str, Any]]:
    return [_feature(field.name, field.type) for field in schema]


def _feature(name: str, arrow_type: pa.DataType) -> dict[str, Any]:
    return {"name": name, **_body(arrow_type)}


def _body(arrow_type: pa.DataType) -> dict[str, Any]:
    if arrow_type in _DTYPES:
        return {"dtype": _DTYPES[arrow_type]}
    if pa.types.is_struct(arrow_type):
        return {"struct": [_feature(f.name, f.type) for f in arrow_type]}
    if pa.types.is_list(arrow_type):
        item = arrow_type.value_type
        if pa.types.is_struct(item):
            return {"list": [_feature(f.name, f.type) for f in item]}
        inner = _body(item)
        return {"list": inner["dtype"]} if "dtype" in inner else {"list": inner}
    raise TypeError(f"no Hugging Face feature for {arrow_type}")
