"""Records kept on disk between the stages and the writing of the release, so that a
build's memory does not grow with its corpus.

The corpus steps (near-duplicates, incidents) need every article before any can be
written: a rewrite is marked only once its original is known. The articles therefore
go to a spool file as they are built, in build order, and the corpus steps run on
compact copies (compact.py) and signatures; the release is then written from
the spool, each article read back with what the corpus steps set. Incident rows are
spooled the same way as the incidents step makes them.
"""

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Generic, TextIO, TypeVar

from pydantic import BaseModel

from newsevents.schema import Article
from newsevents.schema.spans import READ_BACK

R = TypeVar("R", bound=BaseModel)


class RecordSpool(Generic[R]):
    """Records appended one line of JSON each, read back (validated) in the same order."""

    def __init__(self, path: Path, model: type[R]) -> None:
        self.path, self.model = path, model
        self._out: TextIO | None = path.open("w", encoding="utf-8", newline="\n")
        self._count = 0

    def add(self, record: R) -> None:
        self.add_json(record.model_dump_json())

    def add_json(self, line: str) -> None:
        """A record already dumped (`model_dump_json`, one line), as `add` writes it."""
        assert self._out is not None, "the spool is closed for writing once read"
        self._out.write(line + "\n")
        self._count += 1

    def close(self) -> None:
        if self._out is not None:
            self._out.close()
            self._out = None

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[R]:
        assert self._out is None, "close the spool before reading it"
        with self.path.open(encoding="utf-8") as lines:
            for line in lines:  # written by this build from validated records
                yield self.model.model_validate_json(line, context=READ_BACK)


class ArticleSpool(RecordSpool[Article]):
    """Articles, read back with the `near_duplicate_of` the corpus steps found."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, Article)
        self._near_duplicate_of: Mapping[str, str] = {}

    def mark(self, near_duplicate_of: Mapping[str, str]) -> None:
        """No more articles; reading back sets `near_duplicate_of` from this map."""
        self.close()
        self._near_duplicate_of = near_duplicate_of

    def __iter__(self) -> Iterator[Article]:
        for article in super().__iter__():
            original = self._near_duplicate_of.get(article.article_id)
            yield (
                article.model_copy(update={"near_duplicate_of": original}) if original else article
            )
