"""Validated articles kept on disk between the per-article stages and the writing of the
release, so that a build's memory does not grow with its corpus.

The corpus steps (near-duplicates, incidents) need every article before any can be
written: a rewrite is marked only once its original is known. The articles therefore
go to a spool file as they are built, in build order, and the corpus steps run on
compact copies (corpus/compact.py) and signatures; the release is
then written from the spool, each article read back with what the corpus steps set.
"""

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TextIO

from newsevents.schema import Article


class ArticleSpool:
    """Articles appended one line of JSON each, read back in the same order."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._out: TextIO | None = path.open("w", encoding="utf-8", newline="\n")
        self._count = 0
        self._near_duplicate_of: Mapping[str, str] = {}

    def add(self, article: Article) -> None:
        assert self._out is not None, "the spool is closed for writing once read"
        self._out.write(article.model_dump_json() + "\n")
        self._count += 1

    def close(self, near_duplicate_of: Mapping[str, str]) -> None:
        """No more articles; reading back sets `near_duplicate_of` from this map."""
        if self._out is not None:
            self._out.close()
            self._out = None
        self._near_duplicate_of = near_duplicate_of

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[Article]:
        assert self._out is None, "close the spool before reading it"
        with self.path.open(encoding="utf-8") as lines:
            for line in lines:
                article = Article.model_validate_json(line)
                original = self._near_duplicate_of.get(article.article_id)
                yield (
                    article.model_copy(update={"near_duplicate_of": original})
                    if original
                    else article
                )
