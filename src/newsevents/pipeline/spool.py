"""Records kept on disk between the stages and the writing of the release, so that a
build's memory does not grow with its corpus.

The corpus steps (near-duplicates, incidents) need every article before any can be
written: a rewrite is marked only once its original is known. The articles therefore
go to a spool file as they are built, in build order, and the corpus steps run on
compact copies (compact.py) and signatures; the release is then written from
the spool, each article read back with what the corpus steps set. Incident rows are
spooled the same way as the incidents step makes them, and the rows of the events and
claims configs made with the articles (stages.Built).

Each line is a key (a JSON string: no raw tab or line break) and a tab, then the
record's JSON: the key is what a writer looks the record up by without parsing it
(an article's id, a claim's `claim_key`).
"""

import json
from array import array
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import BinaryIO, Generic, TextIO, TypeVar

from pydantic import BaseModel

from newsevents.release.configs import set_null_field
from newsevents.schema import Article
from newsevents.schema.spans import READ_BACK

# An article spooled before the near-duplicates are known; the key appears once in its
# JSON (only Article has it, and a quote inside a string value is escaped).
NO_ORIGINAL = '"near_duplicate_of":null'
NO_KEY = json.dumps("")  # most records (event rows, incidents) are looked up by none

R = TypeVar("R", bound=BaseModel)


class RecordSpool(Generic[R]):
    """Records appended one line of JSON each, read back (validated) in the same order."""

    def __init__(self, path: Path, model: type[R]) -> None:
        self.path, self.model = path, model
        self._out: TextIO | None = path.open("w", encoding="utf-8", newline="\n")
        self._count = 0

    def add(self, record: R) -> None:
        self.add_json(record.model_dump_json())

    def add_json(self, line: str, key: str = "") -> None:
        """A record already dumped (`model_dump_json`, one line), as `add` writes it,
        under `key` (see keyed_lines)."""
        assert self._out is not None, "the spool is closed for writing once read"
        self._out.write(f"{json.dumps(key) if key else NO_KEY}\t{line}\n")
        self._count += 1

    def close(self) -> None:
        if self._out is not None:
            self._out.close()
            self._out = None

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[R]:
        for line in self.lines():  # written by this build from validated records
            yield self.model.model_validate_json(line, context=READ_BACK)

    def lines(self) -> Iterator[str]:
        """The records' JSON lines, in the order they were added (keys not decoded)."""
        for _, line in self._split_lines():
            yield line

    def keyed_lines(self) -> Iterator[tuple[str, str]]:
        """(key, the record's JSON line) in the order they were added."""
        for key, line in self._split_lines():
            yield json.loads(key), line

    def _split_lines(self) -> Iterator[tuple[str, str]]:
        """(the key as JSON, the record's JSON line) of each line of the file."""
        assert self._out is None, "close the spool before reading it"
        with self.path.open(encoding="utf-8", newline="\n") as lines:
            for raw in lines:
                key, _, line = raw.partition("\t")
                yield key, line[:-1]


class ArticleSpool(RecordSpool[Article]):
    """Articles, read back with the `near_duplicate_of` the corpus steps found."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, Article)
        self._near_duplicate_of: Mapping[str, str] = {}

    def mark(self, near_duplicate_of: Mapping[str, str]) -> None:
        """No more articles; reading back sets `near_duplicate_of` from this map."""
        self.close()
        self._near_duplicate_of = near_duplicate_of

    def add_article(self, line: str, article_id: str) -> None:
        """The article's JSON (`model_dump_json`) and its id."""
        self.add_json(line, article_id)

    def lines(self) -> Iterator[str]:
        """The articles' JSON lines with the `near_duplicate_of` found (set in the line,
        as pydantic writes it: reading the articles back reads these lines)."""
        for article_id, line in self.keyed_lines():
            original = self._near_duplicate_of.get(article_id)
            yield set_null_field(line, NO_ORIGINAL, original) if original else line


class LineSpool:
    """Lines of text appended in order, then read back by their number, in any order:
    the text stays on disk and each line costs this process 8 bytes, where it ends. A
    line is read where it lies (unbuffered: a line is shorter than a buffer), not through
    a memory map, whose pages would count in the build's resident memory. For
    `Corpus.lone_rows`, one line an event."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._out: BinaryIO | None = path.open("wb")
        self._ends = array("q")
        self._written = 0
        self._in: BinaryIO | None = None

    def add(self, line: str) -> None:
        assert self._out is not None, "the spool is closed for writing once read"
        data = line.encode("utf-8")
        self._out.write(data)
        self._written += len(data)
        self._ends.append(self._written)

    def finish(self) -> None:
        """No more lines: open the file to read them."""
        if self._out is not None:
            self._out.close()
            self._out = None
            self._in = self.path.open("rb", buffering=0)

    def close(self) -> None:
        """Done reading."""
        self.finish()
        if self._in is not None:
            self._in.close()
            self._in = None

    def __len__(self) -> int:
        return len(self._ends)

    def __getitem__(self, number: int) -> str:
        assert self._in is not None, "finish the spool before reading it"
        start = self._ends[number - 1] if number else 0
        self._in.seek(start)
        return self._in.read(self._ends[number] - start).decode("utf-8")
