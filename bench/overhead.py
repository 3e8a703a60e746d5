"""Our per-article overhead against the bare spaCy pipeline (issue 15).

Makes a deterministic corpus of N articles (default 200) by cycling, in name order,
through the seed articles and the dev articles (../shared/eval/dev and
../shared/eval/dev-synth, when present) under distinct file names, then times two
whole processes, each fresh, start-up included:

(a) bare spaCy: `load_nlp()` (the same model and components) and `nlp.pipe` over the
    cleaned texts, at spaCy's default batch size;
(b) the build's stages: `collect(folder, workers=1)`, imports included, with each
    stage of `STAGES` timed by wrapping its `run` (production code unchanged).

Each process runs R times (default 3); the best and the median are printed, with
articles/s and the ratio (b)/(a), and the seconds per stage of the best build run.
Prints figures; asserts nothing.
Run: .venv/bin/python bench/overhead.py [N] [--repeat R]
"""

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = (ROOT / "seeds", ROOT.parent / "shared/eval/dev", ROOT.parent / "shared/eval/dev-synth")


def corpus(folder: Path, n: int) -> int:
    """Copy N articles into `folder`, cycling through the sources; returns N."""
    articles = []
    for source in SOURCES:
        if source.is_dir():
            articles += sorted(source.glob("*.txt"))
        else:
            print(f"skipping {source}: not found")
    for i in range(n):
        path = articles[i % len(articles)]
        shutil.copy(path, folder / f"{i:05d}_{path.name}")
    print(f"corpus: {n} articles cycled from {len(articles)} distinct ones")
    return n


def cleaned_texts(folder: Path) -> list[str]:
    """The texts the parse stage sees: each document after the clean stage."""
    from newsevents.pipeline.clean import clean_text
    from newsevents.pipeline.document import Draft, RawDocument
    from newsevents.pipeline.ingest import InputFolder

    docs = InputFolder(folder).documents()
    return [clean_text(Draft(d)).text for d in docs if isinstance(d, RawDocument)]


# --- the two child processes: each prints one JSON line of in-process timings ---


def child_spacy(texts_file: str) -> None:
    start = time.perf_counter()
    from newsevents.pipeline.nlp import load_nlp

    texts = json.loads(Path(texts_file).read_text())
    nlp = load_nlp()
    loaded = time.perf_counter()
    for _ in nlp.pipe(texts):
        pass
    print(json.dumps({"load": loaded - start, "pipe": time.perf_counter() - loaded}))


def child_build(folder: str) -> None:
    from dataclasses import replace

    start = time.perf_counter()
    from newsevents.pipeline import stages
    from newsevents.pipeline.collect import collect
    from newsevents.pipeline.nlp import load_nlp

    seconds = dict.fromkeys((s.name for s in stages.STAGES), 0.0)

    def timed(stage: stages.Stage) -> stages.Stage:
        def run(drafts):  # type: ignore[no-untyped-def]
            begin = time.perf_counter()
            try:
                return stage.run(drafts)
            finally:
                seconds[stage.name] += time.perf_counter() - begin

        return replace(stage, run=run)

    stages.STAGES = tuple(timed(s) for s in stages.STAGES)
    imported = time.perf_counter()
    load_nlp()  # timed apart, so that the parse stage is the parsing alone
    loaded = time.perf_counter()
    collected = collect(Path(folder), workers=1)
    done = time.perf_counter()
    figures = {
        "imports": imported - start,
        "model load": loaded - imported,
        **seconds,
        "rest of collect": done - loaded - sum(seconds.values()),
        "articles": len(collected.articles),
        "rejects": len(collected.rejects),
    }
    print(json.dumps(figures))


def run_child(*args: str) -> tuple[float, dict[str, float]]:
    """Wall seconds of a fresh process running this file with `args`, and its figures."""
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, __file__, *args], check=True, capture_output=True, text=True
    )
    return time.perf_counter() - start, json.loads(out.stdout.splitlines()[-1])


def main(n: int, repeat: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        corpus(folder, n)
        texts = cleaned_texts(folder)
        words = sum(len(t.split()) for t in texts)
        print(f"{len(texts)} cleaned texts, {words / len(texts):.0f} words on average")
        texts_file = Path(tmp) / "texts.json"
        texts_file.write_text(json.dumps(texts))
        spacy_runs, build_runs = [], []
        for _ in range(repeat):  # interleaved, so that load from others hits both alike
            spacy_runs.append(run_child("--child-spacy", str(texts_file)))
            build_runs.append(run_child("--child-build", str(folder)))
    spacy_walls = [w for w, _ in spacy_runs]
    build_walls = [w for w, _ in build_runs]
    print(f"\nwhole processes, {repeat} runs each")
    print(f"{'':12} {'best s':>8} {'median s':>9} {'best art/s':>11} {'median art/s':>13}")
    for name, walls in (("bare spaCy", spacy_walls), ("build", build_walls)):
        best, median = min(walls), statistics.median(walls)
        print(f"{name:12} {best:8.2f} {median:9.2f} {n / best:11.2f} {n / median:13.2f}")
    print(
        f"ratio build/bare (articles/s): best {min(spacy_walls) / min(build_walls):.2f}, "
        f"median {statistics.median(spacy_walls) / statistics.median(build_walls):.2f}"
    )
    _, spacy = min(spacy_runs, key=lambda r: r[0])
    print(f"\nbare spaCy, best run: model load {spacy['load']:.2f} s, pipe {spacy['pipe']:.2f} s")
    wall, build = min(build_runs, key=lambda r: r[0])
    print(f"build, best run ({wall:.2f} s wall), seconds:")
    counts = {"articles": build.pop("articles"), "rejects": build.pop("rejects")}
    for name, value in build.items():
        print(f"  {name:16} {value:8.2f}")
    print(f"  {counts['articles']:.0f} articles, {counts['rejects']:.0f} rejects")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--child-spacy":
        child_spacy(sys.argv[2])
    elif len(sys.argv) == 3 and sys.argv[1] == "--child-build":
        child_build(sys.argv[2])
    else:
        parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
        parser.add_argument("n", type=int, nargs="?", default=200, help="articles (200)")
        parser.add_argument("--repeat", type=int, default=3, help="runs of each process (3)")
        args = parser.parse_args()
        main(args.n, args.repeat)
