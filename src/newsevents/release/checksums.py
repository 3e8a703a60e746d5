"""SHA256SUMS in `sha256sum -c` format, over every file of the release."""

import hashlib
from pathlib import Path

SUMS_NAME = "SHA256SUMS"


def write_checksums(release: Path) -> None:
    lines = []
    for path in sorted(p for p in release.rglob("*") if p.is_file() and p.name != SUMS_NAME):
        digest = sha256_file(path)
        lines.append(f"{digest}  {path.relative_to(release).as_posix()}\n")
    (release / SUMS_NAME).write_text("".join(lines), encoding="utf-8")


def verify_checksums(release: Path) -> list[str]:
    """Paths whose bytes no longer match SHA256SUMS (empty when all match)."""
    bad = []
    for line in (release / SUMS_NAME).read_text("utf-8").splitlines():
        digest, rel = line.split("  ", 1)
        path = release / rel
        if not path.is_file() or sha256_file(path) != digest:
            bad.append(rel)
    return bad


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as data:
        while block := data.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()
