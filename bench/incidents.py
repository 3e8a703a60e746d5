"""Cost of the incidents step as the corpus grows: seconds and comparisons per mention.

The seed articles are copied N times with every date moved by a week per copy (a
corpus that grows over time, as news does) and by one day per copy modulo a month
(a corpus that grows denser on the same weeks). A scan of everything seen would make
N^2/2 comparisons; the index keeps the count per mention flat in the first case.
Prints figures; asserts nothing. Run: .venv/bin/python bench/incidents.py [N ...]
"""

import datetime as dt
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from newsevents.pipeline.collect import collect
from newsevents.pipeline.corpus import clustering
from newsevents.pipeline.corpus.incidents import build_incidents
from newsevents.schema import Article

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def shifted(article: Article, copy: int, days: int) -> Article:
    """The article as if told `days` later, under a new id (no validation: bench only)."""
    step = dt.timedelta(days=days)

    def move(day: dt.date | None) -> dt.date | None:
        return day + step if day else None

    events = [
        e.model_copy(
            update={"date": move(e.date), "date_start": move(e.date_start),
                    "date_end": move(e.date_end)}
        )
        for e in article.events
    ]  # fmt: skip
    return article.model_copy(
        update={"article_id": f"{copy:05d}_{article.article_id}", "events": events,
                "published_date": move(article.published_date)}
    )  # fmt: skip


def count_comparisons() -> Callable[[], int]:
    """Count the incidents the index hands over for a closer look."""
    calls = 0
    real = clustering._unique

    def counting(groups: Any) -> Any:
        nonlocal calls
        for cluster in real(groups):
            calls += 1
            yield cluster

    clustering._unique = counting  # type: ignore[assignment]
    return lambda: calls


def main(sizes: list[int]) -> None:
    seeds = collect(SEEDS).articles
    calls = count_comparisons()
    print("copies  articles  mentions  incidents  seconds  comparisons/mention  corpus")
    for copies in sizes:
        for name, days in (("over time", 7), ("same month", 1)):
            corpus = [
                shifted(a, i, i * days if name == "over time" else i % 30)
                for i in range(copies)
                for a in seeds
            ]
            mentions = sum(len(a.events) for a in corpus)
            before, start = calls(), time.perf_counter()
            rows = build_incidents(corpus)
            seconds = time.perf_counter() - start
            per_mention = (calls() - before) / mentions
            print(f"{copies:6d}  {len(corpus):8d}  {mentions:8d}  {len(rows):9d}  "
                  f"{seconds:7.2f}  {per_mention:19.1f}  {name}")  # fmt: skip


if __name__ == "__main__":
    main([int(n) for n in sys.argv[1:]] or [100, 400, 1600])
