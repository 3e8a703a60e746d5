"""The per-article cache: a rebuild reprocesses only the articles that changed.

A result (the validated article's JSON with its compact copy, tally facts and
signature, as `stages.Built` carries them; or the reject) is stored under a key
hashing the raw document (its id, file, line, text and input metadata) and the
pipeline's fingerprint (fingerprint.py): change one article and only it misses; change
a rule, a knowledge file, the model or a library and every article misses, as every
article's result may change. Internal errors are not stored: they may be passing
(memory) and must be retried.

The cache is one SQLite file outside the release (`build --cache DIR`, by default
`.cache/` under `--out`). Results are committed in transactions of `BATCH`, so a build
killed mid-way leaves the cache as it was after the last commit, never half-written;
a later build goes on from there. A stored result that cannot be read back (a damaged
file) counts as a miss: the document goes through the stages again. After a build that
ends well, results of other fingerprints are dropped, so the cache holds one version of
the pipeline and does not grow with each edit.

Beside its result, an article's rows of incidents of one event (`corpus.lone_rows`) are
kept under the same key and the corpus fingerprint (`fingerprint.corpus_fingerprint`),
which hashes the code the pipeline's leaves out as well: an edit to a corpus step keeps
every cached result, and the build's process makes those rows again, once, and keeps them.
"""

import hashlib
import pickle
import sqlite3
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any

from newsevents.errors import E, UserError
from newsevents.pipeline.document import RawDocument
from newsevents.pipeline.stages import Built
from newsevents.schema import Reject

CACHE_FILE = "articles.sqlite"
BATCH = 64  # results per transaction: a killed build loses at most this many
SCHEMA = """CREATE TABLE IF NOT EXISTS results (
    key TEXT PRIMARY KEY,
    fingerprint TEXT NOT NULL,
    body BLOB NOT NULL,
    signature BLOB
)"""

LONE_SCHEMA = """CREATE TABLE IF NOT EXISTS lone_rows (
    key TEXT PRIMARY KEY,
    fingerprint TEXT NOT NULL,
    body BLOB NOT NULL
)"""

Item = RawDocument | Built | Reject
Result = Built | Reject
# What `store` does with the result of a document `resolve` saw: its key, whether to
# save the result (a miss), whether to save its lone rows (none cached for it).
Pending = tuple[str, bool, bool]


class ArticleCache:
    """Looks up documents before the stages (`resolve`) and stores what they give
    (`store`); `hits` and `misses` count this build's documents."""

    def __init__(self, folder: Path, fingerprint: str, corpus_fingerprint: str) -> None:
        self.path = folder / CACHE_FILE
        self.fingerprint, self.corpus_fingerprint = fingerprint, corpus_fingerprint
        self.hits = self.misses = 0
        self._pending: deque[Pending | None] = deque()
        self._unsaved: list[tuple[str, str, bytes, bytes | None]] = []
        self._unsaved_lone: list[tuple[str, str, bytes]] = []
        try:
            folder.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, timeout=60)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute(SCHEMA)
            self._db.execute(LONE_SCHEMA)
        except (OSError, sqlite3.Error) as err:
            raise UserError(E.E040, path=self.path, problem=err) from err

    def key(self, doc: RawDocument) -> str:
        # The document's repr: every field, nested ones included, quoted and escaped (a
        # frozen dataclass of strings, numbers, dates and tuples), at about half the cost
        # of a JSON dump of `dataclasses.asdict`.
        return hashlib.sha256(f"{self.fingerprint}\0{doc!r}".encode()).hexdigest()

    def resolve(self, items: Iterable[Item]) -> Iterator[Item]:
        """The items with every cached document replaced by its result; the stages then
        run only on the documents left, and `store` saves what they give."""
        for item in items:
            pending = None
            if isinstance(item, RawDocument):
                key = self.key(item)
                found = self._load(key)
                if found is not None:
                    self.hits += 1
                    item, pending = found, (key, False, True)
                    if isinstance(found, Built) and (lone := self._load_lone(key)) is not None:
                        item, pending = replace(found, lone_rows=lone), (key, False, False)
                else:
                    self.misses += 1
                    pending = (key, True, True)
            self._pending.append(pending)
            yield item

    def store(self, results: Iterable[Result]) -> Iterator[Result]:
        """Pass the results through, saving those of the documents `resolve` missed, and
        the lone rows it found none of (results come in the order of the items, one
        each; the lone rows are saved when made by then)."""
        for result in results:
            pending = self._pending.popleft()
            if pending is not None:
                key, missed, lone_missing = pending
                if missed and not _passing(result):
                    self._unsaved.append((key, self.fingerprint, *_encode(result)))
                if lone_missing and isinstance(result, Built) and result.lone_rows is not None:
                    body = _compress(pickle.dumps(result.lone_rows, pickle.HIGHEST_PROTOCOL))
                    self._unsaved_lone.append((key, self.corpus_fingerprint, body))
                if len(self._unsaved) + len(self._unsaved_lone) >= BATCH:
                    self._commit()
            yield result
        self._commit()

    def finish(self) -> None:
        """After a build that ended well: drop the results of other fingerprints."""
        self._commit()
        with self._db:
            self._db.execute("DELETE FROM results WHERE fingerprint != ?", (self.fingerprint,))
            self._db.execute(
                "DELETE FROM lone_rows WHERE fingerprint != ?", (self.corpus_fingerprint,)
            )
        self._db.close()

    def close(self) -> None:
        self._db.close()

    def counts(self) -> dict[str, int]:
        return {"reused": self.hits, "processed": self.misses}

    def _load(self, key: str) -> Result | None:
        """The stored result, or None: not stored, or stored damaged (then the document
        goes through the stages again and its result replaces the damaged one)."""
        row = self._db.execute(
            "SELECT body, signature FROM results WHERE key = ?", (key,)
        ).fetchone()
        if row is None:
            return None
        try:
            return _decode(*row)
        except Exception:  # a damaged body (disk, a copy cut short): never fatal here
            return None

    def _load_lone(self, key: str) -> tuple[str, ...] | None:
        """The article's lone rows stored under this corpus fingerprint, or None."""
        row = self._db.execute(
            "SELECT body FROM lone_rows WHERE key = ? AND fingerprint = ?",
            (key, self.corpus_fingerprint),
        ).fetchone()
        if row is None:
            return None
        try:
            rows = pickle.loads(_decompress(row[0]))
        except Exception:  # damaged, as in `_load`: made again
            return None
        return rows if isinstance(rows, tuple) else None

    def _commit(self) -> None:
        if self._unsaved or self._unsaved_lone:
            with self._db:  # one transaction: all of the batch or none of it
                self._db.executemany(
                    "INSERT OR REPLACE INTO results VALUES (?, ?, ?, ?)", self._unsaved
                )
                self._db.executemany(
                    "INSERT OR REPLACE INTO lone_rows VALUES (?, ?, ?)", self._unsaved_lone
                )
            self._unsaved, self._unsaved_lone = [], []


def _passing(result: Result) -> bool:
    return isinstance(result, Reject) and result.reason == "internal-error"


def _encode(result: Result) -> tuple[bytes, bytes | None]:
    """A reject as its JSON; an article as its JSON with what the build reads of it
    (stages.Built): its compact copy, facts and rows, kept so that a rebuild reads its
    cached articles without validating them again. Pickled: the file is this installation's
    own, written by its builds and keyed by the pipeline's fingerprint."""
    if isinstance(result, Reject):
        body: tuple[object, ...] = ("R", result.model_dump_json())
        signature = None
    else:
        removed = dict(sorted(result.removed.items()))
        body = ("A", removed, result.article_json, result.compact, result.facts,
                result.event_rows, result.claim_rows)  # fmt: skip
        signature = result.signature
    return _compress(pickle.dumps(body, protocol=pickle.HIGHEST_PROTOCOL)), signature


def _decode(body: bytes, signature: bytes | None) -> Result:
    kind, *fields = pickle.loads(_decompress(body))
    if kind == "R":
        return Reject.model_validate_json(fields[0])
    removed, article_json, compact, facts, events, claims = fields
    return Built(article_json, compact, facts, Counter(removed), signature or b"", events, claims)


# Bodies are Zstandard frames (pyarrow's codec, level 1), after the pickle's length as 8
# little-endian bytes: against zlib at level 1, as small, compressed 3 times and read back
# 2.4 times as fast (2,000 articles of the benchmark: 0.08 s to read, not 0.18).
_LENGTH_BYTES = 8
# A pickle this many times its frame is a damaged length, not a record (records compress
# about 5 times): refused before the codec allocates it.
_MAX_RATIO = 64


@cache
def _codec() -> Any:
    import pyarrow as pa  # the build's process loads it for its writers anyway

    return pa.Codec("zstd", compression_level=1)


def _compress(data: bytes) -> bytes:
    return len(data).to_bytes(_LENGTH_BYTES, "little") + _codec().compress(data, asbytes=True)


def _decompress(body: bytes) -> bytes:
    size = int.from_bytes(body[:_LENGTH_BYTES], "little")
    if size > _MAX_RATIO * len(body):
        raise ValueError(f"a damaged record: {size} bytes from a frame of {len(body)}")
    data: bytes = _codec().decompress(body[_LENGTH_BYTES:], decompressed_size=size, asbytes=True)
    return data
