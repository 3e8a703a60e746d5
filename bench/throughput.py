"""Build throughput on one process: articles per second and peak memory.

Copies the seed articles N times (distinct file names) into a temporary folder and
runs the whole pipeline over it (no release written). Prints figures; asserts
nothing. Run: .venv/bin/python bench/throughput.py [N ...]
"""

import shutil
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from newsevents.pipeline.collect import collect

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def corpus(folder: Path, copies: int) -> int:
    articles = sorted(p for p in SEEDS.glob("*.txt"))
    for i in range(copies):
        for path in articles:
            shutil.copy(path, folder / f"{i:05d}_{path.name}")
    return copies * len(articles)


def main(sizes: list[int]) -> None:
    collect(SEEDS)  # warm up: imports and knowledge files, excluded from timings
    print(
        f"{'articles':>9} {'seconds':>8} {'articles/s':>11} {'words/s':>8} {'peak MiB':>9} "
        f"{'KiB/article':>12}"
    )
    for copies in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            n = corpus(Path(tmp), copies)
            start = time.perf_counter()
            collected = collect(Path(tmp))
            seconds = time.perf_counter() - start
            # A second pass under tracemalloc (which slows Python) for the memory peak.
            tracemalloc.start()
            collect(Path(tmp))
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            assert len(collected.articles) == n
            words = sum(len(a.text.split()) for a in collected.articles)
            print(
                f"{n:9d} {seconds:8.2f} {n / seconds:11.1f} {words / seconds:8.0f} "
                f"{peak / 2**20:9.1f} {peak / 1024 / n:12.1f}"
            )


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [20, 200])
