"""Derive near_duplicates.THRESHOLD, SHINGLE and the LSH (BANDS, ROWS) from labelled pairs.

Positives: rewrites of one story. The seeds hold one real pair (000 rewrites the PTI
story of 001); more are made by rewriting every article of seeds/ and ../shared/eval
(dev, dev-synth) three ways, each deterministic (seeded by the file name):
  reorder   sentence order shuffled, 20-40% of sentences dropped, a new lede;
  replace   reorder, and 20-40% of the kept sentences replaced by new ones;
  reword    replace, and 20-40% of the remaining words changed, as an editor
            paraphrasing a wire story does (seed 000 rewords 001 this way).
A new sentence is another article's sentence with its words shuffled: the vocabulary of
the news, none of its word order, so it adds no shingle of its source.
Negatives: every pair of different stories, among them different outlets' reports of
one incident (seeds 001-004: the January 2024 Iran-Pakistan strikes and the talks after
them) and each rewrite against every other story.

Run: .venv/bin/python bench/near_duplicate_threshold.py [FOLDER...]
"""

import itertools
import math
import random
import re
import sys
from pathlib import Path
from statistics import quantiles

from newsevents.pipeline.corpus import near_duplicates as nd

EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
FOLDERS = ["seeds", str(EVAL / "dev"), str(EVAL / "dev-synth")]
SEED_PAIR = ("000_05db8eedf180f2ed", "001_429613359d8e87e9")
SHINGLES = (1, 2, 3, 4, 5)
MAX_PERMUTATIONS = 1024
TARGET_RECALL = 0.98  # expected share of positives at or above THRESHOLD the index finds


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+|\n+", text) if len(s.split()) >= 4]


def rewrite(text: str, kind: str, rng: random.Random, pool: list[str]) -> str:
    kept = sentences(text)
    rng.shuffle(kept)
    kept = kept[: max(2, round(len(kept) * (1 - rng.uniform(0.2, 0.4))))]
    if kind in ("replace", "reword"):
        for i in rng.sample(range(len(kept)), round(len(kept) * rng.uniform(0.2, 0.4))):
            kept[i] = _new_sentence(rng, pool)
    words = " ".join([_new_sentence(rng, pool), *kept]).split()  # the new lede first
    if kind == "reword":
        vocabulary = " ".join(pool).split()
        for i in rng.sample(range(len(words)), round(len(words) * rng.uniform(0.2, 0.4))):
            words[i] = rng.choice(vocabulary)
    return " ".join(words)


def _new_sentence(rng: random.Random, pool: list[str]) -> str:
    words = rng.choice(pool).split()
    rng.shuffle(words)
    return " ".join(words)


def shingles(text: str, size: int) -> set[str]:
    words = re.findall(r"[a-z0-9]+", text.lower())
    return {" ".join(words[i : i + size]) for i in range(max(len(words) - size + 1, 1))}


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def labelled(folders: list[str]) -> tuple[dict[str, str], dict[str, str]]:
    """Texts by name, and the story each belongs to."""
    texts = {p.stem: p.read_text("utf-8") for d in folders for p in sorted(Path(d).glob("*.txt"))}
    story = {name: name for name in texts}
    if all(n in texts for n in SEED_PAIR):
        story[SEED_PAIR[0]] = SEED_PAIR[1]
    originals = dict(texts)
    for name, text in originals.items():
        pool = [s for other, t in originals.items() if story[other] != story[name]
                for s in sentences(t)]  # fmt: skip
        for kind in ("reorder", "replace", "reword"):
            texts[f"{name}~{kind}"] = rewrite(text, kind, random.Random(f"{name}~{kind}"), pool)
            story[f"{name}~{kind}"] = story[name]
    return texts, story


def describe(scores: list[float]) -> str:
    q = quantiles(scores, n=20) if len(scores) > 1 else scores * 19
    return f"n={len(scores):5}  min {min(scores):.3f}  p5 {q[0]:.3f}  median {q[9]:.3f}  " + (
        f"p95 {q[18]:.3f}  max {max(scores):.3f}"
    )


def kind_of(a: str, b: str) -> str:
    if (a, b) == SEED_PAIR or (b, a) == SEED_PAIR:
        return "seed"
    kinds = {n.partition("~")[2] for n in (a, b)} - {""}
    return max(kinds, key=["reorder", "replace", "reword"].index) if kinds else "seed"


def main(folders: list[str]) -> None:
    texts, story = labelled(folders)
    pairs = list(itertools.combinations(sorted(texts), 2))
    positive = {p: story[p[0]] == story[p[1]] for p in pairs}
    print(f"{len(texts)} texts ({len(texts) // 4} articles and 3 rewrites of each), "
          f"{len(pairs)} pairs: {sum(positive.values())} positive\n")  # fmt: skip

    # 1. Per shingle size: recall of the positives above every negative (precision 1),
    # a threshold and the bands of its index (choose()). Chosen: among the sizes whose
    # recall is within 0.01 of the best, the one whose index hands over the fewest
    # negatives as candidates (short shingles share "of the" across every story).
    print("exact Jaccard of word k-shingles")
    results = []
    for size in SHINGLES:
        sets = {n: shingles(t, size) for n, t in texts.items()}
        score = {p: jaccard(sets[p[0]], sets[p[1]]) for p in pairs}
        neg = sorted(s for p, s in score.items() if not positive[p])
        pos = sorted(s for p, s in score.items() if positive[p])
        recall = sum(s > neg[-1] for s in pos) / len(pos)
        print(f"k={size}  seed pair {score.get(SEED_PAIR, float('nan')):.3f}  highest negative "
              f"{neg[-1]:.3f}  recall above it {recall:.3f}")  # fmt: skip
        print(f"    positives {describe(pos)}")
        print(f"    negatives {describe(neg)}")
        results.append((recall, size, score, neg, pos))
    top = max(r[0] for r in results)
    picked = []
    for recall, size, score, neg, pos in results:
        if recall >= top - 0.01:
            threshold, floor, (flood, bands, rows) = choose(size, score, neg, pos, quiet=False)
            print(f"k={size}: threshold {threshold}, {bands} bands of {rows} rows, expected "
                  f"negatives as candidates {flood:.4f}")  # fmt: skip
            picked.append((flood, size))
    size = min(picked)[1]
    _, _, score, neg, pos = next(r for r in results if r[1] == size)
    threshold, floor, (flood, bands, rows) = choose(size, score, neg, pos, quiet=False)
    for kind in ("seed", "reorder", "replace", "reword"):
        got = [s for p, s in score.items() if positive[p] and kind_of(*p) == kind]
        print(f"    {kind:8} recall {sum(s >= threshold for s in got) / len(got):.3f}  "
              f"{describe(got)}")  # fmt: skip
    print(f"\nchosen: k={size}, threshold {threshold} (between highest negative {neg[-1]:.3f} "
          f"and seed pair {floor:.3f}), {bands} bands of {rows} rows ({bands * rows} "
          f"permutations), expected negatives as candidates {flood:.4f}")  # fmt: skip

    # 4. The module's numbers, end to end: MinHash estimates, and datasketch's MinHashLSH
    # with the same bands (the candidates the module's own index finds by sorting).
    print(f"\nnear_duplicates.py: k={nd.SHINGLE} threshold {nd.THRESHOLD} bands {nd.BANDS} "
          f"rows {nd.ROWS}")  # fmt: skip
    if (size, threshold, bands, rows) != (nd.SHINGLE, nd.THRESHOLD, nd.BANDS, nd.ROWS):
        print("  (differs from the numbers chosen above: update the module)")
    evaluate(texts, positive)


def choose(
    size: int,
    score: dict[tuple[str, str], float],
    neg: list[float],
    pos: list[float],
    *,
    quiet: bool,
) -> tuple[float, float, tuple[float, int, int]]:
    """Threshold: halfway (geometrically) between the highest negative and the lowest real
    rewrite (the seed pair; without it, the lowest positive above the negatives).
    Bands: a pair of Jaccard s shares one of b bands of r rows with chance
    1 - (1 - s^r)^b. Among (b, r) with b*r <= MAX_PERMUTATIONS, those whose expected
    recall of the positives at or above the threshold, and of the seed pair, reaches
    TARGET_RECALL; of those, the one handing over the fewest negatives as candidates."""
    floor = score.get(SEED_PAIR) or min(s for s in pos if s > neg[-1])
    threshold = round(math.sqrt(neg[-1] * floor), 2)
    above = [s for s in pos if s >= threshold]
    if not quiet:
        print(f"\nk={size}: LSH bands over {len(above)} positives >= {threshold}, "
              f"{len(neg)} negatives")  # fmt: skip
        print("   b   r  perms  recall(expected)  seed pair  negatives as candidates (expected)")
    options = []
    for rows in (1, 2, 3, 4, 5):
        for bands in (16, 32, 64, 128, 256, 512, 1024):
            if bands * rows > MAX_PERMUTATIONS:
                continue
            recall = sum(_hit(s, bands, rows) for s in above) / len(above)
            seed = _hit(floor, bands, rows)
            flood = sum(_hit(s, bands, rows) for s in neg) / len(neg)
            if not quiet:
                print(f"{bands:4} {rows:3} {bands * rows:6}  {recall:16.3f}  {seed:9.3f}  "
                      f"{flood:.4f}")  # fmt: skip
            if min(recall, seed) >= TARGET_RECALL:
                options.append((flood, bands * rows, bands, rows))
    flood, _, bands, rows = min(options)
    return threshold, floor, (flood, bands, rows)


def _hit(jaccard: float, bands: int, rows: int) -> float:
    return 1 - (1 - jaccard**rows) ** bands


def evaluate(texts: dict[str, str], positive: dict[tuple[str, str], bool]) -> None:
    from datasketch import MinHashLSH

    names = sorted(texts)
    sigs = {n: nd.signature(texts[n]) for n in names}
    index = MinHashLSH(num_perm=nd.PERMUTATIONS, params=(nd.BANDS, nd.ROWS))
    for n in names:
        index.insert(n, sigs[n])
    candidates = {tuple(sorted((n, m))) for n in names for m in index.query(sigs[n]) if m != n}
    found = {p for p in candidates if sigs[p[0]].jaccard(sigs[p[1]]) >= nd.THRESHOLD}
    true = {p for p, is_pos in positive.items() if is_pos}
    tp = len(found & true)
    precision = tp / len(found) if found else 1.0
    print(f"  candidate pairs {len(candidates)} of {len(positive)} "
          f"({len(candidates) / len(positive):.1%}); positives among them "
          f"{len(candidates & true)} of {len(true)}")  # fmt: skip
    print(f"  marked {len(found)}: recall {tp / len(true):.3f}  precision {precision:.3f}")
    for kind in ("seed", "reorder", "replace", "reword"):
        got = [p for p in true if kind_of(*p) == kind]
        print(f"    {kind:8} recall {sum(p in found for p in got) / len(got):.3f} of {len(got)}")
    wrong = sorted(found - true)[:10]
    for a, b in wrong:
        print(f"    false: {a} {b} {sigs[a].jaccard(sigs[b]):.3f}")


if __name__ == "__main__":
    main(sys.argv[1:] or FOLDERS)
