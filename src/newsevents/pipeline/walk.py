"""List an input folder without ever leaving it: every path is an input, or is listed
with the reason it was not read.

Symbolic links are never followed (a link to /etc/passwd must not be published);
FIFOs, sockets and devices are never opened (reading one can block forever); a
folder that cannot be entered, a hidden folder or a file name that is not UTF-8 is
listed, not dropped. Order is sorted by path, so the result does not depend on the
file system.
"""

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from newsevents.description import DESCRIPTION_FILE
from newsevents.pipeline.sidecar import SIDECAR_NAME

ARTICLE_SUFFIXES = (".txt", ".html", ".htm", ".jsonl")


@dataclass
class Listing:
    """What the walk found: files to read, and everything else with a reason."""

    article_files: list[str] = field(default_factory=list)
    sidecar_files: list[str] = field(default_factory=list)
    description_file: str | None = None  # the root's dataset.yaml, read by description.py
    # Paths listed with why they were not read.
    skipped: list[tuple[str, str]] = field(default_factory=list)
    # Article files that cannot be read at all: (path, reject reason, detail).
    refused: list[tuple[str, str, str]] = field(default_factory=list)


def list_inputs(root: Path) -> Listing:
    """Raises OSError when the root itself cannot be read."""
    listing = Listing()
    _walk(os.fsencode(root), "", False, listing)
    listing.skipped.sort()
    listing.refused.sort()
    return listing


def shown_name(raw: bytes) -> str:
    """A file name as text: UTF-8, with any other byte written as \\xNN."""
    return raw.decode("utf-8", "backslashreplace")


def _walk(folder: bytes, prefix: str, bad_name: bool, listing: Listing) -> None:
    with os.scandir(folder) as scan:
        entries = sorted(scan, key=lambda e: e.name)
    for entry in entries:
        name = shown_name(entry.name)
        _visit(entry, f"{prefix}{name}", name, bad_name or not _is_utf8(entry.name), listing)


def _visit(
    entry: "os.DirEntry[bytes]", rel: str, name: str, not_utf8: bool, listing: Listing
) -> None:
    is_article = name.lower().endswith(ARTICLE_SUFFIXES)
    try:
        mode = entry.stat(follow_symlinks=False).st_mode
    except OSError as err:
        listing.skipped.append((rel, f"cannot be inspected: {err.strerror}"))
        return
    if stat.S_ISLNK(mode):
        if is_article:
            listing.refused.append((rel, "symlink", "a symbolic link, not followed"))
        else:
            listing.skipped.append((rel, "symbolic link (not followed)"))
    elif name.startswith("."):
        kind = "folder" if stat.S_ISDIR(mode) else "file"
        listing.skipped.append((rel, f"hidden {kind}"))
    elif stat.S_ISDIR(mode):
        try:
            _walk(entry.path, f"{rel}/", not_utf8, listing)
        except OSError as err:
            listing.skipped.append((rel, f"folder cannot be read: {err.strerror}"))
    elif not stat.S_ISREG(mode):
        listing.skipped.append((rel, f"special file ({_special_kind(mode)}), not read"))
    elif not_utf8 and is_article:
        # The shown name writes bad bytes as \xNN; the raw bytes tell it apart from a
        # real name with a backslash in it.
        raw = entry.path.rsplit(b"/", 1)[-1]
        listing.refused.append((rel, "file-name-not-utf8", f"the path is not UTF-8 ({raw!r})"))
    elif name == SIDECAR_NAME and not not_utf8:
        listing.sidecar_files.append(rel)
    elif is_article:
        listing.article_files.append(rel)
    elif rel == DESCRIPTION_FILE:  # only the root's: a subfolder's is no description
        listing.description_file = rel
    else:
        listing.skipped.append((rel, "not an article format (.txt, .html, .jsonl)"))


def _is_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _special_kind(mode: int) -> str:
    for test, kind in (
        (stat.S_ISFIFO, "FIFO"), (stat.S_ISSOCK, "socket"),
        (stat.S_ISCHR, "character device"), (stat.S_ISBLK, "block device"),
    ):  # fmt: skip
        if test(mode):
            return kind
    return "unknown type"
