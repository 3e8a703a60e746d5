"""Print the estimated Jaccard similarity of every pair of articles, highest first, to
check near_duplicates.THRESHOLD. Run: .venv/bin/python bench/near_duplicates.py seeds DIR..."""

import itertools
import sys
from pathlib import Path

from newsevents.pipeline.corpus.near_duplicates import THRESHOLD, signature


def main(folders: list[str]) -> None:
    texts = {p.name: p.read_text("utf-8") for d in folders for p in sorted(Path(d).glob("*.txt"))}
    sigs = {name: signature(text) for name, text in texts.items()}
    pairs = sorted(
        ((sigs[a].jaccard(sigs[b]), a, b) for a, b in itertools.combinations(sigs, 2)), reverse=True
    )
    print(f"threshold {THRESHOLD}")
    for score, a, b in pairs[:10]:
        print(f"{score:.3f}  {a}  {b}")


if __name__ == "__main__":
    main(sys.argv[1:] or ["seeds"])
