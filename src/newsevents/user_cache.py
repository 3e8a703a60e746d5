"""Files compiled once per installation into the user's cache folder, so that no build
process (the build's own, each pool or Dask worker) pays again for what every one of
them would compute the same way: the GeoNames places (geocode/compiled.py), the
language identifier's model (pipeline/screen.py), the parsed knowledge files and the
administrative units by name (`compiled_value`).

The folder is $NEWSEVENTS_CACHE_DIR, else $XDG_CACHE_HOME/newsevents, else
~/.cache/newsevents. A file is named by a digest of what it is made from (package
versions, the code that makes it), so an upgrade makes a new one and the old is
removed; it is written under a temporary name and renamed, so a process never reads
half a file. It is not the per-article cache, which lives under a build's --out.
"""

import hashlib
import os
import pickle
from collections.abc import Callable, Iterable
from contextlib import suppress
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def cache_folder() -> Path:
    if folder := os.environ.get("NEWSEVENTS_CACHE_DIR"):
        return Path(folder)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "newsevents"


def compiled_file(prefix: str, suffix: str, made_from: Iterable[str | bytes]) -> Path:
    """`<folder>/<prefix>-<digest><suffix>`, the digest over `made_from`."""
    digest = hashlib.sha256()
    for part in made_from:
        digest.update(part.encode() if isinstance(part, str) else part)
        digest.update(b"\0")
    return cache_folder() / f"{prefix}-{digest.hexdigest()[:16]}{suffix}"


def compiled_value(prefix: str, made_from: Iterable[str | bytes], make: Callable[[], T]) -> T:
    """What `make()` returns, pickled once into `compiled_file(prefix, ".pickle", ...)`
    and loaded from there by every later process: for values that take a build process
    longer to compute than to unpickle. `made_from` must name everything the value
    depends on (its input files' text, the code that makes it, package versions).

    A file that is missing or unreadable is made again; an unwritable cache folder
    costs each process the computation, nothing else. The file is pickled: the cache
    folder is the user's own, written only by this package."""
    path = compiled_file(prefix, ".pickle", made_from)
    try:
        return pickle.loads(path.read_bytes())  # type: ignore[no-any-return]  # noqa: S301
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, IndexError):
        pass  # not made yet, or damaged: made again
    value = make()
    with suppress(OSError):
        write_compiled(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    return value


def write_compiled(path: Path, content: bytes) -> None:
    """Write `content` to `path` (see make_compiled)."""
    make_compiled(path, lambda part: part.write_bytes(content))


def make_compiled(path: Path, make: Callable[[Path], object]) -> None:
    """Have `make(part)` write the file at a temporary path beside `path`, rename it to
    `path` whole, then remove the files of other versions (same prefix and suffix).
    Raises OSError when the folder cannot be written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    part = path.with_name(f"{path.name}.{os.getpid()}.part")
    make(part)
    os.replace(part, path)
    drop_others(path)


def drop_others(kept: Path) -> None:
    prefix = kept.name.split("-", 1)[0]
    for other in kept.parent.glob(f"{prefix}-*{''.join(kept.suffixes[-1:])}"):
        if other != kept:
            other.unlink(missing_ok=True)
