"""JSON Schema files generated from the models (checked in under schema/)."""

import json
from pathlib import Path

from newsevents.schema import SCHEMA_FILES


def schema_documents() -> dict[str, str]:
    """File name -> JSON text, deterministic (sorted keys, trailing newline)."""
    return {
        f"{stem}.schema.json": json.dumps(model.model_json_schema(), indent=2, sort_keys=True)
        + "\n"
        for stem, model in SCHEMA_FILES.items()
    }


def write_schema(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schema_documents().items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
