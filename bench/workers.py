"""Build throughput with 1 and 2 worker processes on the same synthetic corpus.

The corpus is the seed articles copied N times (distinct file names, default 30, so 150
articles). Each setting runs 3 times; the median, including the workers' start-up
(each loads the spaCy model), is what a user waits for. Prints figures; asserts
nothing. Run: .venv/bin/python bench/workers.py [COPIES]
"""

import statistics
import sys
import tempfile
import time
from pathlib import Path

from throughput import SEEDS, corpus

from newsevents.pipeline.collect import collect

RUNS = 3


def rate(folder: Path, n: int, workers: int) -> float:
    """Median articles/s over RUNS runs of the stages and corpus steps."""
    rates = []
    for _ in range(RUNS):
        start = time.perf_counter()
        collected = collect(folder, workers=workers)
        rates.append(n / (time.perf_counter() - start))
        assert len(collected.articles) == n and collected.workers == workers
    return statistics.median(rates)


def main(copies: int) -> None:
    collect(SEEDS)  # warm up this process: imports, model and knowledge files
    with tempfile.TemporaryDirectory() as tmp:
        n = corpus(Path(tmp), copies)
        one, two = rate(Path(tmp), n, 1), rate(Path(tmp), n, 2)
    print(f"{n} articles, median of {RUNS} runs")
    print(f"{'workers':>8} {'articles/s':>11}")
    print(f"{1:8d} {one:11.2f}")
    print(f"{2:8d} {two:11.2f}")
    print(f"ratio 2/1: {two / one:.2f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 30)
