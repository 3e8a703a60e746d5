"""Scale: every figure of issue 15 from one run on one synthetic corpus.

The corpus is deterministic: article i is a headline and paragraphs drawn (seeded by i)
from the real articles in seeds/ and, when present, ../shared/eval/dev and dev-synth,
each about 345 words. Prints, asserts nothing:

1. throughput of the full build (`newsevents build`, a fresh process with its start-up,
   no cache) with 1 and 2 workers, median of 3 runs, in articles/s and words/s, and the
   CPU seconds of all its processes;
2. the bare spaCy pipeline (the parse the build runs, `nlp.pipe`, in a fresh process with
   its start-up) on the same texts, and the build's ratio to it; for reference, the model
   as spaCy ships it (without the build's indexed attribute ruler);
3. seconds per stage (per-article stages and corpus steps, one process);
4. peak memory of the build at two sizes (the build process's RSS; all its processes',
   RSS summed, which counts the pages they share with the fork server in each, and PSS
   summed, which splits them);
5. a rebuild after changing 1% of the articles, against the full build (with the cache),
   and the CPU seconds its processes used: over this machine's cores, the least it can take;
6. the cross-article steps alone at a large size, from signatures and compact articles
   made by varying those of real articles, with the rows of incidents of one event made
   per article beforehand (as the workers make them): seconds and candidate pairs, and
   the seconds those rows took.

Run: .venv/bin/python bench/scale.py [--quick]   (the full run takes about 25 minutes)
"""

import argparse
import gc
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import numpy as np
import psutil

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [ROOT / "seeds", *(ROOT.parent / "shared" / "eval" / s for s in ("dev", "dev-synth"))]
NEWSEVENTS = [sys.executable, "-m", "newsevents.cli"]
WORDS = 345
RUNS = 3


# --- the corpus -------------------------------------------------------------------------


def _paragraphs() -> tuple[list[str], list[str]]:
    """Headlines and body paragraphs of the real articles (text files only)."""
    headlines, paragraphs = [], []
    for folder in SOURCES:
        for path in sorted(folder.glob("*.txt")) if folder.is_dir() else []:
            blocks = [b.strip() for b in re.split(r"\n\s*\n", path.read_text("utf-8")) if b.strip()]
            headlines.append(blocks[0])
            paragraphs += [b for b in blocks[1:] if len(b.split()) >= 12]
    return headlines, paragraphs


def make_corpus(folder: Path, n: int) -> int:
    """N articles in `folder`; returns the number of words."""
    headlines, paragraphs = _paragraphs()
    folder.mkdir(parents=True, exist_ok=True)
    words = 0
    for i in range(n):
        rng = random.Random(i)
        body: list[str] = []
        while sum(len(p.split()) for p in body) < WORDS:
            body.append(rng.choice(paragraphs))
        text = rng.choice(headlines) + "\n\n" + "\n\n".join(body) + "\n"
        (folder / f"a{i:07d}.txt").write_text(text, "utf-8")
        words += len(text.split())
    return words


# --- measurements -----------------------------------------------------------------------


def timed_build(
    inputs: Path, out: Path, workers: int, *cache: str, memory: bool = False
) -> tuple[float, dict]:
    """Wall seconds of `newsevents build` as a user runs it, and the CPU seconds of all
    its processes (each process's last reading: a process that ends loses at most its
    last sampling interval). With `memory`, also the peak RSS (MiB) of its main
    process, and of all its processes together twice: their resident sets summed (a
    page the workers and side processes share with the fork server, the model, counts
    once in each) and their proportional sets summed (a shared page split among the
    processes that share it: the memory the build holds), sampled every 50 ms.

    Only the memory figures sample the proportional sets: reading them (the kernel walks
    every page of a process) costs about 3 ms per process and call, a third of a core
    at this rate, which a build that keeps both cores busy loses to the sampler. A
    timed run reads the CPU times alone (0.03 ms), every 100 ms."""
    command = [*NEWSEVENTS, "build", "--input", str(inputs), "--out", str(out),
               "--version", "b", "--workers", str(workers), "--keep-going", "--force",
               *(cache or ("--no-cache",))]  # fmt: skip
    start = time.perf_counter()
    process = psutil.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    main_peak = rss_peak = pss_peak = 0
    cpu: dict[int, float] = {}
    while process.poll() is None:
        try:
            processes = [process, *process.children(recursive=True)]
            sizes = [p.memory_full_info() for p in processes] if memory else []
            for p in processes:
                times = p.cpu_times()
                cpu[p.pid] = times.user + times.system
        except psutil.Error:
            continue
        if sizes:
            main_peak = max(main_peak, sizes[0].rss)
            rss_peak = max(rss_peak, sum(s.rss for s in sizes))
            pss_peak = max(pss_peak, sum(s.pss for s in sizes))
        time.sleep(0.05 if memory else 0.1)
    seconds = time.perf_counter() - start
    if process.returncode != 0:
        raise SystemExit(f"build failed: {process.stderr.read().decode()[-2000:]}")
    mib = 2**20
    return seconds, {"main": main_peak / mib, "all": rss_peak / mib, "pss": pss_peak / mib,
                     "cpu": sum(cpu.values())}  # fmt: skip


# The parse the build runs: the model with the build's sentence rule and its indexed
# attribute ruler (pipeline/nlp.py), nothing after it. The floor.
BARE_SPACY = """
import sys
from pathlib import Path
from newsevents.pipeline.nlp import BATCH_SIZE, load_nlp
nlp = load_nlp()
texts = [p.read_text("utf-8") for p in sorted(Path(sys.argv[1]).glob("*.txt"))]
for _ in nlp.pipe(texts, batch_size=BATCH_SIZE):
    pass
"""

# The model as spaCy ships it, every component: for reference, not the floor.
STOCK_SPACY = """
import sys
from pathlib import Path
import spacy
from newsevents.pipeline.nlp import BATCH_SIZE, MODEL
nlp = spacy.load(MODEL)
texts = [p.read_text("utf-8") for p in sorted(Path(sys.argv[1]).glob("*.txt"))]
for _ in nlp.pipe(texts, batch_size=BATCH_SIZE):
    pass
"""


def bare_spacy(inputs: Path, script: str = BARE_SPACY) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", script, str(inputs)], check=True)
    return time.perf_counter() - start


STAGE_TIMES = """
import sys, time
from collections import Counter
from dataclasses import replace
from pathlib import Path
from newsevents.pipeline import corpus, stages
seconds = Counter()
def timed(name, run):
    def wrapped(*args):
        start = time.perf_counter()
        try:
            return run(*args)
        finally:
            seconds[name] += time.perf_counter() - start
    return wrapped
stages.STAGES = tuple(replace(s, run=timed(s.name, s.run)) for s in stages.STAGES)
corpus.CORPUS_STEPS = tuple(replace(s, run=timed(s.name, s.run)) for s in corpus.CORPUS_STEPS)
from newsevents.config import BuildConfig
from newsevents.release import assemble
assemble.write_release = timed("write release", assemble.write_release)
start = time.perf_counter()
assemble.build_release(BuildConfig(input_dir=Path(sys.argv[1]), out_dir=Path(sys.argv[2]),
    version="s", workers=1, use_cache=False, keep_going=True, force=True))
total = time.perf_counter() - start
for name, s in seconds.items():
    print(f"{name}\\t{s:.2f}")
print(f"total (after imports)\\t{total:.2f}")
"""


def stage_seconds(inputs: Path, out: Path) -> list[tuple[str, float]]:
    run = subprocess.run([sys.executable, "-c", STAGE_TIMES, str(inputs), str(out)],
                         check=True, capture_output=True, text=True)  # fmt: skip
    return [(n, float(s)) for n, s in (line.split("\t") for line in run.stdout.splitlines())]


def cross_article(n: int, real: Path, folder: Path) -> dict[str, float]:
    """The corpus steps over N compact articles and signatures varied from a real build's,
    with each article's `lone_rows` made beforehand, as the workers make them, and spooled
    in `folder` as a build spools them: seconds of making the lone rows (the workers'
    share), of the near-duplicate index, and of the corpus steps; candidate pairs and
    incidents."""
    from newsevents.pipeline.collect import collect
    from newsevents.pipeline.collector import bulk_work
    from newsevents.pipeline.corpus import compact, lone_rows, run_corpus_steps
    from newsevents.pipeline.corpus.near_duplicates import find_copies, signature_values
    from newsevents.pipeline.spool import LineSpool

    built = collect(real).articles
    bases = [compact(a) for a in built]
    base_sigs = [np.frombuffer(signature_values(a.text), np.uint32) for a in built]
    rng = np.random.default_rng(0)
    articles, signatures = [], []
    for i in range(n):
        k = i % len(bases)
        shift = timedelta(days=int(rng.integers(0, 3 * 365)))
        base = bases[k]
        events = tuple(
            replace(
                e,
                date=e.date and e.date + shift,
                date_start=e.date_start and e.date_start + shift,
                date_end=e.date_end and e.date_end + shift,
            )
            for e in base.events
        )
        published = base.published_date and base.published_date + shift
        articles.append(
            replace(base, article_id=f"s{i:07d}", published_date=published, events=events)
        )
        # Another story: most values differ from the base's; 1 in 100 is a rewrite of one.
        keep = 0.5 if i % 100 == 0 else 0.02
        values = base_sigs[k].copy()
        fresh = rng.random(values.size) >= keep
        values[fresh] = rng.integers(0, 2**32, int(fresh.sum()), dtype=np.uint64).astype(np.uint32)
        signatures.append(values.tobytes())
    # With the collector's thresholds of a build (collector.bulk_work), as a build runs them.
    with bulk_work():
        lone = LineSpool(folder / "lone-incidents")
        # A worker makes an article's lone rows with little else in its memory; here
        # every article is, and the cycle collector would walk them all again and again.
        gc.disable()
        start = time.perf_counter()
        for article in articles:
            for line in lone_rows(article):
                lone.add(line)
        lone.finish()
        lone_seconds = time.perf_counter() - start
        gc.enable()
        start = time.perf_counter()
        _, candidates = find_copies(signatures)
        index_seconds = time.perf_counter() - start
        start = time.perf_counter()
        result = run_corpus_steps(articles, signatures, lone)
        incidents = sum(1 for _ in result.lines)  # rows are made as they are taken
        steps_seconds = time.perf_counter() - start
        lone.close()
    return dict(lone=lone_seconds, index=index_seconds, steps=steps_seconds,
                candidates=candidates, incidents=incidents)  # fmt: skip


# --- the run ----------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, to try the script")
    parser.add_argument("--parts", default="123456", help="which parts to run, e.g. 456")
    parser.add_argument("--rebuild-size", type=int, help="articles of part 5 (default 2,000)")
    args = parser.parse_args()
    sizes = dict(throughput=200, rss=(1_000, 10_000), rebuild=2_000, cross=100_000)
    if args.quick:
        sizes = dict(throughput=20, rss=(20, 60), rebuild=40, cross=2_000)
    if args.rebuild_size:
        sizes["rebuild"] = args.rebuild_size
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        n = sizes["throughput"]
        words = make_corpus(tmp / "t", n)
        print(f"corpus: {n} articles, {words / n:.0f} words each")

        if "1" in args.parts or "2" in args.parts:
            throughput(tmp, n, words)
        if "3" in args.parts:
            print("\n3. seconds per stage (1 process, after imports)")
            for name, seconds in stage_seconds(tmp / "t", tmp / "s"):
                print(f"  {name:24s} {seconds:7.2f}")
        if "4" in args.parts:
            peak_memory(tmp, sizes["rss"])
        if "5" in args.parts:
            rebuild(tmp, sizes["rebuild"])
        if "6" in args.parts:
            print("\n6. cross-article steps alone, from signatures and compact articles")
            size = sizes["cross"]
            got = cross_article(size, tmp / "t", tmp)
            print(
                f"  {size} articles: near-duplicate index {got['index']:5.1f} s, "
                f"{got['candidates']} candidate pairs; corpus steps {got['steps']:5.1f} s, "
                f"{got['incidents']} incidents\n"
                f"  made with each article before (by the workers in a build): the rows of "
                f"incidents of one event, {got['lone']:5.1f} s in one process, "
                f"{got['lone'] / size * 1000:.2f} ms an article"
            )


def throughput(tmp: Path, n: int, words: int) -> None:
    print("\n1-2. full build (fresh process, start-up included, no cache), median of 3")
    rates = {}
    for workers in (1, 2):
        runs = [timed_build(tmp / "t", tmp / f"o{workers}", workers) for _ in range(RUNS)]
        seconds = statistics.median(r[0] for r in runs)
        cpu = statistics.median(r[1]["cpu"] for r in runs)
        rates[workers] = n / seconds
        print(f"  {workers} worker(s): {seconds:6.1f} s  {n / seconds:5.2f} articles/s  "
              f"{words / seconds:6.0f} words/s  ({cpu:5.1f} s of CPU, all processes)")  # fmt: skip
    print(f"  2 workers / 1 worker: {rates[2] / rates[1]:.2f}x")
    spacy_seconds = statistics.median(bare_spacy(tmp / "t") for _ in range(RUNS))
    print(f"  bare spaCy (the build's parse alone, nlp.pipe, start-up included): "
          f"{spacy_seconds:6.1f} s  {n / spacy_seconds:5.2f} articles/s")  # fmt: skip
    print(f"  full build (1 worker) / bare spaCy: {rates[1] / (n / spacy_seconds):.2f}x")
    stock_seconds = statistics.median(bare_spacy(tmp / "t", STOCK_SPACY) for _ in range(RUNS))
    print(f"  for reference, the model as shipped (spacy.load, nlp.pipe): {stock_seconds:6.1f} s"
          f"; full build / it: {rates[1] / (n / stock_seconds):.2f}x")  # fmt: skip


def peak_memory(tmp: Path, sizes: tuple[int, int]) -> None:
    print("\n4. peak memory of a build with 2 workers (MiB): main process RSS; all processes,"
          " RSS summed and PSS summed")  # fmt: skip
    peaks = {}
    for size in sizes:
        make_corpus(tmp / f"r{size}", size)
        seconds, peaks[size] = timed_build(tmp / f"r{size}", tmp / f"ro{size}", 2, memory=True)
        shutil.rmtree(tmp / f"ro{size}")
        got = peaks[size]
        print(f"  {size:>6} articles: {got['main']:7.0f} {got['all']:7.0f} {got['pss']:7.0f}"
              f"   ({size / seconds:.2f} articles/s)")  # fmt: skip
    small, large = (peaks[s] for s in sizes)
    names = {"main": "main", "all": "all RSS", "pss": "all PSS"}
    ratios = ", ".join(f"{name} {large[key] / small[key]:.2f}x" for key, name in names.items())
    print(f"  ratio {sizes[1]} / {sizes[0]}: {ratios}")


def rebuild(tmp: Path, size: int) -> None:
    print("\n5. rebuild after changing 1% of the articles (2 workers, with the cache)")
    make_corpus(tmp / "c", size)
    cache = ("--cache", str(tmp / "cache"))
    full, _ = timed_build(tmp / "c", tmp / "co", 2, *cache)
    changed = sorted((tmp / "c").glob("*.txt"))[::100][: max(size // 100, 1)]
    for path in changed:
        path.write_text(path.read_text("utf-8") + "\nA line added for the rebuild.\n", "utf-8")
    again, usage = timed_build(tmp / "c", tmp / "co", 2, *cache)
    unchanged, _ = timed_build(tmp / "c", tmp / "co", 2, *cache)
    start = time.perf_counter()  # the fixed cost: a process that imports the build and ends
    subprocess.run([sys.executable, "-c", "import newsevents.release.assemble"], check=True)
    startup = time.perf_counter() - start
    print(f"  full build of {size}: {full:6.1f} s; rebuild after changing {len(changed)}: "
          f"{again:5.1f} s = {again / full:.1%} of the full build; with nothing changed "
          f"{unchanged:5.1f} s; start-up (imports) {startup:4.1f} s")  # fmt: skip
    cores = psutil.cpu_count() or 1
    print(f"  the rebuild's processes used {usage['cpu']:5.1f} s of CPU: on {cores} cores it "
          f"cannot take less than {usage['cpu'] / cores:4.1f} s")  # fmt: skip


if __name__ == "__main__":
    main()
