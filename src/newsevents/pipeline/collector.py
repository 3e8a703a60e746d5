"""How the build uses Python's cyclic garbage collector.

A build allocates millions of small objects (spaCy tokens, pydantic models, the dicts
of rows) that reference counting frees as soon as they are done with; few form cycles.
With the default thresholds (700, 10, 10) the collector still runs every 700
allocations, and its full collections walk every live object: the model, the
knowledge tables and every article held at the time. Measured on this project's
benchmark corpus: about 2 s of a 13 s rebuild of 2,000 cached articles, and about 1 s
of a 25 s build of 200 articles in one process; turning the collector off entirely
saved no more than these thresholds do.

Objects loaded once for the life of a process (the model, the knowledge) are frozen
after loading: the collector no longer walks them, and in a worker forked from the
fork server it no longer writes into their pages, which would copy the shared model
page by page (the reason `gc.freeze` exists).
"""

import ctypes
import ctypes.util
import gc
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from functools import cache

# A young collection every 100,000 allocations instead of 700; a full one rarely.
BULK_THRESHOLDS = (100_000, 50, 1_000)


def tune_for_bulk_work() -> None:
    """For a process that only runs the stages (a pool or Dask worker, the fork server)."""
    gc.set_threshold(*BULK_THRESHOLDS)


@contextmanager
def bulk_work() -> Iterator[None]:
    """The bulk thresholds for the duration of a build, then the caller's again (a
    library caller or a test suite keeps its own)."""
    before = gc.get_threshold()
    gc.set_threshold(*BULK_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def freeze_loaded() -> None:
    """Move every object alive now out of the collector's reach: called once what lives
    as long as the process (the model, the knowledge tables) is loaded."""
    gc.freeze()


def give_back_freed_memory() -> None:
    """Return the C heap's free pages to the system, where the C library can (glibc's
    `malloc_trim`; elsewhere nothing happens). Called once the corpus steps have dropped
    what they held: glibc otherwise keeps the freed pages of the process's heap for
    reuse, and the build's process held them while it wrote the release (at 10,000
    articles of the benchmark, 413 MiB resident before the trim and 241 MiB after)."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@cache
def _malloc_trim():  # type: ignore[no-untyped-def]
    with suppress(OSError, AttributeError):
        name = ctypes.util.find_library("c")
        return ctypes.CDLL(name).malloc_trim if name else None
    return None
