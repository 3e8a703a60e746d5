"""Files of the last build's release reused when what they are made from is the same.

A rebuild after a small change makes most of its release again from the same rows: the
incidents, claims and entities configs of a corpus where a few articles changed are
often row for row the last build's, and so are their explorer pages and the card's
figure. Making them costs seconds of CPU that grow with the corpus (Arrow parses every
row's JSON, the pages encode every record, matplotlib draws). So each such output is
kept in the build's cache folder (`build --cache DIR`, beside the per-article cache)
under a key that hashes what it is made from (the config's JSON lines, which the build
writes anyway) and the code and libraries that make it; a later build that comes to
the same key links the kept files into its release instead of making them.

An entry is a folder `outputs/<entry>-<key>` holding the files and `files.json` (their
paths in the release and SHA-256), written under a temporary name and renamed into
place whole, so an interrupted build leaves no half entry. Files are hard links where
the cache and the release share a file system (no copy, no disk), else copies. A file
whose bytes no longer match its SHA-256 (edited in place through a release's link) is
never reused: the entry is dropped and the output made again. Each entry name keeps
one key: saving a new one removes the old, so the folder holds one release's worth.
"""

import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from newsevents.release.checksums import sha256_file

OUTPUTS_FOLDER = "outputs"  # in the cache folder
INDEX = "files.json"
# Libraries whose versions shape the bytes of a kept output: the Parquet writer, the
# figure's renderer.
LIBRARIES = ("pyarrow", "matplotlib")


@dataclass(frozen=True)
class ReusedOutputs:
    """The kept outputs in `folder`, under keys seeded with `fingerprint` (the package's
    code and knowledge, and LIBRARIES' versions). Picklable: side jobs take it along."""

    folder: Path
    fingerprint: str

    @classmethod
    def in_cache(cls, cache_folder: Path | None, code_fingerprint: str) -> "ReusedOutputs | None":
        """The outputs kept in a build's cache folder; None for a build without a cache."""
        if cache_folder is None:
            return None
        digest = hashlib.sha256(code_fingerprint.encode())
        for name in LIBRARIES:
            digest.update(f"\0{name}={_version(name)}".encode())
        return cls(cache_folder / OUTPUTS_FOLDER, digest.hexdigest())

    def digest(self, entry: str) -> "hashlib._Hash":
        """A hash to feed what entry `entry` is made from; its hexdigest is the key."""
        return hashlib.sha256(f"{self.fingerprint}\0{entry}\0".encode())

    def restore(self, entry: str, key: str, release: Path) -> Any | None:
        """Link the files kept for `entry` under `key` into `release`, each at its path
        there; returns the note kept with them (`save`), or None when there is no such
        entry or it is damaged (then nothing of it is left in `release`)."""
        kept = self.folder / f"{entry}-{key}"
        try:
            index = json.loads((kept / INDEX).read_text("utf-8"))
            files: list[tuple[str, str]] = [tuple(f) for f in index["files"]]  # type: ignore[misc]
        except (OSError, ValueError, KeyError, TypeError):
            return None  # not kept, or kept by a build that was killed while writing it
        placed: list[Path] = []
        try:
            for number, (path, sha) in enumerate(files):
                target = release / path
                target.parent.mkdir(parents=True, exist_ok=True)
                target.unlink(missing_ok=True)
                _link_or_copy(kept / str(number), target)
                placed.append(target)
                if sha256_file(target) != sha:
                    raise ValueError(f"{path} was changed since it was kept")
        except (OSError, ValueError):
            for target in placed:
                target.unlink(missing_ok=True)
            shutil.rmtree(kept, ignore_errors=True)
            return None
        return index.get("note", {})

    def save(
        self, entry: str, key: str, release: Path, files: list[Path], note: Any = None
    ) -> None:
        """Keep `files` (paths in `release`) and a JSON-able `note` for `entry` under
        `key`, in place of what was kept for it before. Never fails the build: a cache
        that cannot be written only costs the next build the time."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            partial = Path(tempfile.mkdtemp(prefix=f".{entry}-", dir=self.folder))
            listed = []
            for number, path in enumerate(files):
                _link_or_copy(path, partial / str(number))
                listed.append((path.relative_to(release).as_posix(), sha256_file(path)))
            index = {"files": listed, "note": {} if note is None else note}
            (partial / INDEX).write_text(json.dumps(index), "utf-8")
            final = self.folder / f"{entry}-{key}"
            try:
                partial.rename(final)
            except OSError:  # kept already, by another build of the same rows
                shutil.rmtree(partial, ignore_errors=True)
            for other in self.folder.glob(f"{entry}-*"):
                if other != final and other.name[len(entry) + 1 :].isalnum():
                    shutil.rmtree(other, ignore_errors=True)
        except OSError:
            return


def _link_or_copy(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:  # another file system, or one without hard links
        shutil.copyfile(source, target)


def _version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "-"
