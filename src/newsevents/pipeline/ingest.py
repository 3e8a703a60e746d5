"""Walk an input folder in a fixed order and yield documents or rejects, one at a time.

Order: folders and files sorted by relative path, JSONL records by line. Curated
`sources.yaml` metadata is attached here; duplicate article ids are rejected here
(the first in that order wins, so the result does not depend on the file system).

Nothing is lost: every path under the folder is read, refused with a reject, or listed
as skipped with its reason (walk.py), and every record of a file read (a .txt or .html
file, a non-blank .jsonl line) becomes exactly one document or one reject. The counts
that prove it are kept in `records` for the manifest.
"""

import errno
import hashlib
import os
import stat
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from newsevents.errors import E, UserError
from newsevents.limits import (
    MAX_FILE_BYTES,
    MAX_JSONL_LINE_BYTES,
    MAX_YAML_BYTES,
)
from newsevents.pipeline.decode import DecodeError, decode_text
from newsevents.pipeline.document import RawDocument
from newsevents.pipeline.readers import read_file, read_jsonl_line, reject
from newsevents.pipeline.sidecar import Sidecar, parse_sidecar
from newsevents.pipeline.walk import list_inputs
from newsevents.schema import InputFile, Reject, SkippedFile

_BLOCK = 1 << 20
# UTF-16/32 byte order marks: such a file cannot be split into lines as bytes.
_WIDE_BOMS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")


class InputFolder:
    """The article files of one input root. `documents()` streams them; as it goes it
    records every file read in `inputs` and the records of each in `records`."""

    def __init__(self, root: Path) -> None:
        if not root.is_dir():
            raise UserError(E.E001, path=root)
        try:
            listing = list_inputs(root)
        except OSError as err:
            raise UserError(E.E013, path=root, problem=err.strerror or str(err)) from err
        self.root = root
        self.article_files = listing.article_files
        self.sidecar_files = listing.sidecar_files
        self.refused = listing.refused
        self.skipped = [SkippedFile(path=p, reason=r) for p, r in listing.skipped]
        self.inputs: list[InputFile] = []
        self.records: Counter[str] = Counter()  # article file -> records it yielded
        self.unread: list[str] = []  # files that failed while being read (rejected)
        if listing.description_file:  # read by the build for the card; listed as an input
            self.inputs.append(_described(root, listing.description_file))
        if not self.article_files and not self.refused:
            raise UserError(E.E002, path=root)

    def documents(self) -> Iterator[RawDocument | Reject]:
        sidecars = {
            str(PurePosixPath(rel).parent): self._load_sidecar(rel) for rel in self.sidecar_files
        }
        for loaded in sidecars.values():
            yield from loaded.file_rejects
        for rel, reason, detail in self.refused:
            self.records[rel] += 1
            yield reject(rel, reason, detail)
        seen: dict[str, str] = {}
        for rel in self.article_files:
            folder, name = str(PurePosixPath(rel).parent), PurePosixPath(rel).name
            sidecar = sidecars.get(folder)
            entry_reject = sidecar.entry_rejects.get(name) if sidecar else None
            for result in self._read_article_file(rel):
                self.records[rel] += 1
                if isinstance(result, Reject):
                    yield result
                elif entry_reject is not None:
                    yield _withheld(result, entry_reject)
                else:
                    yield self._dedupe(_attach(result, sidecar, name), seen)
        known = set(self.article_files) | {rel for rel, _, _ in self.refused}
        for folder, sidecar in sidecars.items():
            yield from _unknown_entries(sidecar, folder, known)

    def _read_article_file(self, rel: str) -> Iterator[RawDocument | Reject]:
        """Every record of one file; an I/O error or a reader's bug is a reject, not a crash."""
        produced = 0
        try:
            with _open_regular(self.root / rel) as raw:
                size = os.fstat(raw.fileno()).st_size
                is_jsonl = rel.lower().endswith(".jsonl")
                reader = _HashingReader(raw)
                if is_jsonl and not reader.peek().startswith(_WIDE_BOMS):
                    for result in _jsonl_records(rel, reader):  # reads to the end
                        produced += 1
                        yield result
                else:
                    # Refused unread: hashing a huge (or sparse) file would cost its size.
                    data = b"" if size > MAX_FILE_BYTES else reader.read(MAX_FILE_BYTES + 1)
                    if size > MAX_FILE_BYTES or len(data) > MAX_FILE_BYTES:
                        self.unread.append(rel)
                        yield reject(
                            rel, "file-too-large",
                            f"{max(size, len(data))} bytes, over the limit of {MAX_FILE_BYTES}",
                            value=max(size, len(data)),
                        )  # fmt: skip
                        return
                    for result in read_file(rel, data):
                        produced += 1
                        yield result
                self.inputs.append(
                    InputFile(path=rel, sha256=reader.hexdigest(), bytes=reader.size)
                )
        except OSError as err:
            self.unread.append(rel)
            where = f" after {produced} record(s)" if produced else ""
            yield reject(rel, "unreadable-file", f"cannot be read{where}: {err.strerror or err}")
        except Exception as err:  # a reader's bug must not cost the rest of the crawl
            self.unread.append(rel)
            yield internal_error(rel, None, err)

    def _load_sidecar(self, rel: str) -> Sidecar:
        try:
            with _open_regular(self.root / rel) as raw:
                size = os.fstat(raw.fileno()).st_size
                reader = _HashingReader(raw)
                data = b"" if size > MAX_YAML_BYTES else reader.read(MAX_YAML_BYTES + 1)
                if size > MAX_YAML_BYTES or len(data) > MAX_YAML_BYTES:
                    self.unread.append(rel)  # refused unread, like an over-large article file
                    return _broken_sidecar(
                        rel, "unsafe-yaml",
                        f"{max(size, len(data))} bytes, over the limit of {MAX_YAML_BYTES}",
                    )  # fmt: skip
                self.inputs.append(
                    InputFile(path=rel, sha256=reader.hexdigest(), bytes=reader.size)
                )
        except OSError as err:
            self.unread.append(rel)
            return _broken_sidecar(rel, "unreadable-file", f"cannot be read: {err.strerror or err}")
        text = decode_text(data)
        if isinstance(text, DecodeError):
            return _broken_sidecar(rel, text.reason, f"{text.detail} at byte offset {text.offset}")
        try:
            return parse_sidecar(rel, text)
        except Exception as err:  # never lose the articles to a sidecar bug
            sidecar = Sidecar(rel)
            sidecar.file_rejects.append(internal_error(rel, None, err))
            return sidecar

    def _dedupe(self, doc: RawDocument, seen: dict[str, str]) -> RawDocument | Reject:
        where = doc.source_file + (f" line {doc.source_line}" if doc.source_line else "")
        first = seen.setdefault(doc.article_id, where)
        if first == where:
            return doc
        return reject(
            doc.source_file, "duplicate-article-id",
            f"article id {doc.article_id!r} is already used by {first}",
            line=doc.source_line, field="article_id", value=doc.article_id,
        )  # fmt: skip


def _described(root: Path, rel: str) -> InputFile:
    data = (root / rel).read_bytes()  # small, and already read by description.py
    return InputFile(path=rel, sha256=hashlib.sha256(data).hexdigest(), bytes=len(data))


def internal_error(file: str, line: int | None, err: BaseException) -> Reject:
    """The reject for an unexpected exception: its type and message, for a bug report."""
    detail = f"{type(err).__name__}: {str(err).splitlines()[0] if str(err) else ''}".rstrip(": ")
    return reject(file, "internal-error", detail, line=line, value=type(err).__name__)


def _jsonl_records(rel: str, reader: "_HashingReader") -> Iterator[RawDocument | Reject]:
    number = 0
    while line := reader.readline(MAX_JSONL_LINE_BYTES + 1):
        number += 1
        if len(line) > MAX_JSONL_LINE_BYTES:
            size = len(line) + reader.skip_line()
            yield reject(
                rel, "article-too-long",
                f"the line is {size} bytes, over the limit of {MAX_JSONL_LINE_BYTES}",
                line=number, value=size,
            )  # fmt: skip
            continue
        try:
            result = read_jsonl_line(rel, number, line.rstrip(b"\r\n"))
        except Exception as err:  # one odd record never aborts the file
            result = internal_error(rel, number, err)
        if result is not None:
            yield result


def _open_regular(path: Path) -> BinaryIO:
    """Open a regular file for reading without following a link or blocking on a FIFO
    (the file could have been swapped since the walk)."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not a regular file")
        os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return os.fdopen(fd, "rb")


class _HashingReader:
    """Reads a binary file once, hashing and counting every byte that goes by."""

    def __init__(self, raw: BinaryIO) -> None:
        self._raw = raw
        self._sha = hashlib.sha256()
        self.size = 0

    def _seen(self, data: bytes) -> bytes:
        self._sha.update(data)
        self.size += len(data)
        return data

    def peek(self) -> bytes:
        head = self._raw.read(4)
        self._raw.seek(0)
        return head

    def read(self, limit: int) -> bytes:
        return self._seen(self._raw.read(limit))

    def readline(self, limit: int) -> bytes:
        return self._seen(self._raw.readline(limit))

    def skip_line(self) -> int:
        """Consume the rest of an over-long line; return how many bytes it had."""
        skipped = 0
        while chunk := self.readline(_BLOCK):
            skipped += len(chunk)
            if chunk.endswith(b"\n"):
                break
        return skipped

    def drain(self) -> None:
        while self.read(_BLOCK):
            pass

    def hexdigest(self) -> str:
        return self._sha.hexdigest()


def _broken_sidecar(rel: str, reason: str, detail: str) -> Sidecar:
    sidecar = Sidecar(rel)
    sidecar.file_rejects.append(reject(rel, reason, detail))
    return sidecar


def _withheld(doc: RawDocument, entry: Reject) -> Reject:
    """The article's own reject when its sidecar entry is invalid: one per record, so
    every record is accounted for, carrying the entry's reason and message."""
    where = doc.source_file + (f" line {doc.source_line}" if doc.source_line else "")
    return entry.model_copy(
        update={
            "file": doc.source_file,
            "line": doc.source_line,
            "message": f"{where} withheld: {entry.message}",
        }
    )


def _attach(doc: RawDocument, sidecar: Sidecar | None, name: str) -> RawDocument:
    if sidecar is None:
        return doc
    if sidecar.broken:
        return replace(doc, flags=(*doc.flags, "curated-metadata-unavailable"))
    return replace(doc, curated=sidecar.entries.get(name))


def _unknown_entries(sidecar: Sidecar, folder: str, files: set[str]) -> Iterator[Reject]:
    for name, line in sidecar.entry_lines.items():
        rel = name if folder == "." else f"{folder}/{name}"
        if rel not in files:
            yield reject(
                sidecar.path, "unknown-source-file", f"entry {name!r} names no article file",
                line=line, field=name, value=name,
            )  # fmt: skip
