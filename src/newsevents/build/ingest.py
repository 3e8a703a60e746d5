"""Walk an input folder in a fixed order and yield documents or rejects, one at a time.

Order: folders and files sorted by relative path, JSONL records by line. Curated
`sources.yaml` metadata is attached here; duplicate article ids are rejected here
(the first in that order wins, so the result does not depend on the file system).
"""

import hashlib
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path, PurePosixPath

from newsevents.build.document import RawDocument
from newsevents.build.readers import READERS_SUFFIXES, read_file, reject
from newsevents.build.sidecar import SIDECAR_NAME, Sidecar, parse_sidecar
from newsevents.errors import E, UserError
from newsevents.schema import InputFile, Reject, SkippedFile


class InputFolder:
    """The article files of one input root. `documents()` streams them; as it goes it
    records every file read in `inputs` (for the manifest)."""

    def __init__(self, root: Path) -> None:
        if not root.is_dir():
            raise UserError(E.E001, path=root)
        self.root = root
        self.article_files: list[str] = []
        self.sidecar_files: list[str] = []
        self.skipped: list[SkippedFile] = []
        self.inputs: list[InputFile] = []
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            rel = path.relative_to(root).as_posix()
            if any(part.startswith(".") for part in PurePosixPath(rel).parts):
                self.skipped.append(SkippedFile(path=rel, reason="hidden file"))
            elif path.name == SIDECAR_NAME:
                self.sidecar_files.append(rel)
            elif path.suffix.lower() in READERS_SUFFIXES:
                self.article_files.append(rel)
            else:
                self.skipped.append(
                    SkippedFile(path=rel, reason="not an article format (.txt, .html, .jsonl)")
                )
        if not self.article_files:
            raise UserError(E.E002, path=root)

    def documents(self) -> Iterator[RawDocument | Reject]:
        sidecars = {
            str(PurePosixPath(rel).parent): self._load_sidecar(rel) for rel in self.sidecar_files
        }
        for loaded in sidecars.values():
            yield from loaded.file_rejects
        seen: dict[str, str] = {}
        for rel in self.article_files:
            folder, name = str(PurePosixPath(rel).parent), PurePosixPath(rel).name
            sidecar = sidecars.get(folder)
            entry_reject = sidecar.entry_rejects.get(name) if sidecar else None
            for result in read_file(rel, self._read(rel)):
                if isinstance(result, Reject):
                    yield result
                elif entry_reject is not None:
                    yield entry_reject.model_copy(
                        update={"message": entry_reject.message + f" (article {rel} withheld)"}
                    )
                else:
                    yield self._dedupe(_attach(result, sidecar, name), seen)
        for folder, sidecar in sidecars.items():
            yield from _unknown_entries(sidecar, folder, set(self.article_files))

    def _read(self, rel: str) -> bytes:
        data = (self.root / rel).read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        self.inputs.append(InputFile(path=rel, sha256=digest, bytes=len(data)))
        return data

    def _load_sidecar(self, rel: str) -> Sidecar:
        data = self._read(rel)
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as err:
            sidecar = Sidecar(rel)
            sidecar.file_rejects.append(
                reject(rel, "not-utf8", f"byte offset {err.start} is not UTF-8", value=err.start)
            )
            return sidecar
        return parse_sidecar(rel, text)

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
