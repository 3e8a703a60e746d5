"""Steps over the whole corpus, run once every article is built and validated.

Each per-article stage sees one article; these steps see them all: rewrites of one
wire story are marked (`near_duplicates.py`), then event mentions are clustered
across articles into incidents with their casualty figures (`incidents.py`). The
order is written once, as data, like the per-article `STAGES`; each step's version
goes into the manifest beside theirs.
"""

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from newsevents.pipeline.corpus.incidents import build_incidents
from newsevents.pipeline.corpus.near_duplicates import mark_near_duplicates
from newsevents.schema import Article, IncidentRow


@dataclass(frozen=True)
class Corpus:
    """The articles in build order and what the corpus steps derived from them."""

    articles: list[Article]
    incidents: list[IncidentRow] = field(default_factory=list)


@dataclass(frozen=True)
class CorpusStep:
    name: str
    run: Callable[[Corpus], Corpus]
    version: str


# Versions: near_duplicates 3 scores only the candidates of an LSH index, over 1,024
# permutations (2 names the earliest published story the original; 1: the first read);
# incidents 2 clusters by date intervals, hashes the members into the id and states which
# claims make the figures.
CORPUS_STEPS: tuple[CorpusStep, ...] = (
    CorpusStep(
        "near_duplicates",
        lambda c: replace(c, articles=mark_near_duplicates(c.articles)),
        "3",
    ),
    CorpusStep("incidents", lambda c: replace(c, incidents=build_incidents(c.articles)), "2"),
)


def run_corpus_steps(articles: list[Article]) -> Corpus:
    corpus = Corpus(articles)
    for step in CORPUS_STEPS:
        corpus = step.run(corpus)
    return corpus


__all__ = [
    "CORPUS_STEPS", "Corpus", "CorpusStep", "build_incidents", "mark_near_duplicates",
    "run_corpus_steps",
]  # fmt: skip
