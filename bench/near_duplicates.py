"""Near-duplicates: the closest pairs of real articles, and the cost of the index as the
corpus grows.

  .venv/bin/python bench/near_duplicates.py pairs seeds DIR...   highest estimated Jaccard
  .venv/bin/python bench/near_duplicates.py scale [N...]          candidate pairs, seconds

`scale` builds N synthetic articles (1k, 10k and 100k by default), deterministic, from the
real paragraphs of seeds/ and ../shared/eval: each keeps the shape of a real paragraph
(its short words, mostly function words, in place) with every longer word drawn at random
from the corpus, so they read as news vocabulary but no two are one story. One article in
a hundred is instead a rewrite of an earlier one (sentences shuffled, a third dropped, a
new lede): these must be found. Comparing every pair would score N(N-1)/2 pairs; the
index scores only the candidate pairs. The threshold and bands: near_duplicate_threshold.py.

Measured (2 cores): 1,000 articles 334 candidate pairs 1 s; 10,000: 31,698, 5 s;
100,000: 3,431,490 (of 4,999,950,000), 59 s, 996 of 1,000 rewrites found. Candidates stay
about 1 in 1,500 pairs: unrelated news shares a few 3-shingles ("in the", "of the ..."),
and bands of 2 rows let a pair of Jaccard s through with chance about 512 s^2, so they
still grow with N^2, at a rate that leaves the signatures (linear) most of the time.
"""

import itertools
import random
import re
import sys
import time
from pathlib import Path

from newsevents.pipeline.corpus.near_duplicates import (
    BANDS,
    ROWS,
    THRESHOLD,
    find_copies,
    signature,
)

EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
FOLDERS = ["seeds", str(EVAL / "dev"), str(EVAL / "dev-synth")]
REWRITE_EVERY = 100


def pairs(folders: list[str]) -> None:
    texts = {p.name: p.read_text("utf-8") for d in folders for p in sorted(Path(d).glob("*.txt"))}
    sigs = {name: signature(text) for name, text in texts.items()}
    scored = sorted(
        ((sigs[a].jaccard(sigs[b]), a, b) for a, b in itertools.combinations(sigs, 2)), reverse=True
    )
    print(f"threshold {THRESHOLD}")
    for score, a, b in scored[:10]:
        print(f"{score:.3f}  {a}  {b}")


def synthetic(n: int, paragraphs: list[str]) -> tuple[list[str], dict[int, int]]:
    """n texts, and {rewrite: the earlier text it rewrites}."""
    vocabulary = sorted({w for p in paragraphs for w in p.split() if len(w) > 3})
    texts: list[str] = []
    planted: dict[int, int] = {}
    for i in range(n):
        rng = random.Random(i)
        if i % REWRITE_EVERY == REWRITE_EVERY - 1:
            source = rng.randrange(i)
            sentences = re.split(r"(?<=[.!?])\s+", texts[source])
            rng.shuffle(sentences)
            kept = sentences[: max(2, len(sentences) * 2 // 3)]
            lede = " ".join(rng.sample(vocabulary, 12))  # its own, unlike every other's
            texts.append(" ".join([lede, *kept]))
            planted[i] = source
            continue
        shape = " ".join(rng.choice(paragraphs) for _ in range(3)).split()
        texts.append(" ".join(w if len(w) <= 3 else rng.choice(vocabulary) for w in shape))
    return texts, planted


def scale(sizes: list[int], folders: list[str]) -> None:
    paragraphs = [
        p
        for d in folders
        for f in sorted(Path(d).glob("*.txt"))
        for p in f.read_text("utf-8").split("\n")
        if len(p.split()) >= 20
    ]
    print(f"{len(paragraphs)} real paragraphs; {BANDS} bands of {ROWS} rows, threshold {THRESHOLD}")
    print("articles   all pairs        candidate pairs  per article  found/planted  seconds")
    for n in sizes:
        texts, planted = synthetic(n, paragraphs)
        start = time.perf_counter()
        sigs = [signature(t) for t in texts]
        copies, candidates = find_copies(sigs)
        seconds = time.perf_counter() - start
        # A rewrite of a rewrite copies the first story: compare the originals.
        found = sum(i in copies and _root(i, copies) == _root(i, planted) for i in planted)
        extra = sum(i not in planted or _root(i, copies) != _root(i, planted) for i in copies)
        print(f"{n:8,}  {n * (n - 1) // 2:14,}  {candidates:15,}  {candidates / n:11.2f}  "
              f"{found:5}/{len(planted):<5}  {seconds:7.1f}"
              + (f"  ({extra} wrong marks)" if extra else ""))  # fmt: skip


def _root(i: int, links: dict[int, int]) -> int:
    while i in links:
        i = links[i]
    return i


if __name__ == "__main__":
    mode, *args = sys.argv[1:] or ["pairs"]
    if mode == "scale":
        scale([int(a) for a in args] or [1_000, 10_000, 100_000], FOLDERS)
    else:
        pairs(args or FOLDERS)
