"""Paged data files a page opened from `file://` can load: `<script>` files, each of
which hands one page of records to the page's registry.

`data/<collection>-0001.js` holds `NEX.add("<collection>", 1, JSON.parse("..."));`.
A page is closed before its JSON would pass `max_bytes` (a record larger than that
goes alone in its page), so every file stays small whatever the corpus; records are
written as they come, so memory holds one page at a time. Same records, same bytes:
keys sorted, no spaces, no timestamp.
"""

import json
from pathlib import Path
from typing import Any

PAGE_BYTES = 1_000_000  # about a second of loading on a slow disk, far less on most


def page_name(collection: str, number: int) -> str:
    return f"{collection}-{number:04d}.js"


def to_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


_CONTAINERS = (dict, list)


def compact(value: Any) -> Any:
    """`value` without its null and false fields, at any depth (the page reads a missing
    field as null): a third of the bytes of a typical incident."""
    # Only containers are descended into: a call per number and string cost more than
    # the JSON encoding of the page.
    if isinstance(value, dict):
        return {
            k: compact(v) if isinstance(v, _CONTAINERS) else v
            for k, v in value.items()
            if v is not None and v is not False
        }
    if isinstance(value, list):
        return [compact(v) if isinstance(v, _CONTAINERS) else v for v in value]
    return value


class PagedWriter:
    """Records of one collection, written into `folder` in pages of bounded size."""

    def __init__(self, folder: Path, collection: str, *, max_bytes: int = PAGE_BYTES) -> None:
        self.folder, self.collection, self.max_bytes = folder, collection, max_bytes
        self.pages = 0  # pages written so far
        self.records = 0
        self._pending: list[str] = []
        self._size = 0

    @property
    def next_page(self) -> int:
        """The number of the page the next record will go in (1-based)."""
        return self.pages + 1

    def fits(self, encoded: str) -> bool:
        return not self._pending or self._size + len(encoded.encode()) + 1 <= self.max_bytes

    def add(self, record: Any) -> int:
        """Add one record; returns the number of the page it lands in."""
        encoded = to_json(compact(record))
        if not self.fits(encoded):
            self._flush()
        self._pending.append(encoded)
        self._size += len(encoded.encode()) + 1
        self.records += 1
        return self.next_page

    def close(self) -> list[str]:
        """Write the last page; returns the file names, in order."""
        if self._pending:
            self._flush()
        return [page_name(self.collection, n) for n in range(1, self.pages + 1)]

    def _flush(self) -> None:
        self.pages += 1
        payload = "[" + ",".join(self._pending) + "]"
        # A JSON string literal is a JS string literal; JSON.parse of one string is
        # faster than a JS object literal of the same size.
        script = (
            f"NEX.add({to_json(self.collection)},{self.pages},"
            f"JSON.parse({json.dumps(payload, ensure_ascii=False)}));\n"
        )
        path = self.folder / page_name(self.collection, self.pages)
        path.write_text(script, encoding="utf-8")
        self._pending, self._size = [], 0
