"""Steps over the whole corpus, run once every article is built and validated.

Each per-article stage sees one article; these steps see them all: rewrites of one
wire story are marked (`near_duplicates.py`), then event mentions are clustered
across articles into incidents with their casualty figures (`incidents.py`). The
order is written once, as data, like the per-article `STAGES`; each step's version
goes into the manifest beside theirs.
"""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from newsevents.pipeline.compact import ArticleLike, CompactArticle, compact
from newsevents.pipeline.corpus.incidents import (
    IncidentLine,
    Lines,
    build_incidents,
    incident_lines,
    incident_rows,
    lone_rows,
)
from newsevents.pipeline.corpus.near_duplicates import (
    mark_near_duplicates,
    originals,
    signature_values,
)
from newsevents.schema import Article, IncidentRow

if TYPE_CHECKING:
    import numpy as np


@dataclass(frozen=True)
class Corpus:
    """The articles in build order (compact copies) and what the corpus steps derived
    from them."""

    articles: list[CompactArticle]
    # Article i's near-duplicate signature (`near_duplicates.signature_values`), computed
    # when it was built; dropped once used, as the largest thing held per article.
    signatures: "Sequence[bytes] | np.ndarray | None" = None
    original_of: dict[str, str] = field(default_factory=dict)  # rewrite id -> original id
    # `incidents.lone_rows` of every article, one line an event, in article order: made
    # where the articles were built. Given them, the incidents step gives `lines`.
    lone_rows: Lines | None = None
    # Made one at a time as they are taken (`incidents.incident_rows`, `incident_lines`).
    incidents: Iterable[IncidentRow] = ()
    lines: Iterable[IncidentLine] = ()


@dataclass(frozen=True)
class CorpusStep:
    name: str
    run: Callable[[Corpus], Corpus]
    version: str


def _near_duplicates(corpus: Corpus) -> Corpus:
    found = originals(corpus.articles, corpus.signatures)
    marked = [
        replace(a, near_duplicate_of=found[a.article_id]) if a.article_id in found else a
        for a in corpus.articles
    ]
    return replace(corpus, articles=marked, signatures=None, original_of=found)


def _incidents(corpus: Corpus) -> Corpus:
    if corpus.lone_rows is None:
        return replace(corpus, incidents=incident_rows(corpus.articles))
    return replace(corpus, lines=incident_lines(corpus.articles, corpus.lone_rows))


# Versions: near_duplicates 3 scores only the candidates of an LSH index, over 1,024
# permutations (2 names the earliest published story the original; 1: the first read);
# incidents 2 clusters by date intervals, hashes the members into the id and states which
# claims make the figures.
CORPUS_STEPS: tuple[CorpusStep, ...] = (
    CorpusStep("near_duplicates", _near_duplicates, "3"),
    CorpusStep("incidents", _incidents, "2"),
)


def run_corpus_steps(
    articles: Sequence[ArticleLike],
    signatures: "Sequence[bytes] | np.ndarray | None" = None,
    lone: Lines | None = None,
) -> Corpus:
    """The corpus steps over the articles (full ones are compacted); without
    `signatures`, they are computed from the full articles' texts. With `lone` (see
    `Corpus.lone_rows`) the incidents come as `lines`, else as `incidents`."""
    if signatures is None:  # only full articles have a text to compute them from
        full = [a for a in articles if isinstance(a, Article)]
        if len(full) != len(articles):
            raise ValueError("compact articles need the signatures computed when built")
        signatures = [signature_values(a.text) for a in full]
    kept = [a if isinstance(a, CompactArticle) else compact(a) for a in articles]
    corpus = Corpus(kept, signatures, lone_rows=lone)
    for step in CORPUS_STEPS:
        corpus = step.run(corpus)
    return corpus


__all__ = [
    "CORPUS_STEPS", "CompactArticle", "Corpus", "CorpusStep", "IncidentLine", "build_incidents",
    "compact", "lone_rows", "mark_near_duplicates", "run_corpus_steps",
]  # fmt: skip
