"""Near-duplicate articles: rewrites of one wire story (seeds 000 and 001).

Each article's body is reduced to a MinHash of its word 3-shingles (datasketch,
256 permutations, fixed seed, so the result is the same on every run); an article
whose estimated Jaccard similarity with an earlier one reaches THRESHOLD is marked
`near_duplicate_of` that earlier article.
"""

import re
from collections.abc import Sequence

from newsevents.schema import Article

# Measured on the seeds and ../shared/eval/dev (bench/near_duplicates.py prints the
# table): the PTI story and its rewrite (seeds 001/000) score 0.125; every other pair,
# including different stories on the same strikes, scores 0.027 or less.
THRESHOLD = 0.06
SHINGLE = 3
PERMUTATIONS = 256


def signature(text: str):  # type: ignore[no-untyped-def]
    from datasketch import MinHash

    words = re.findall(r"[a-z0-9]+", text.lower())
    minhash = MinHash(num_perm=PERMUTATIONS, seed=1)
    for i in range(max(len(words) - SHINGLE + 1, 1)):
        minhash.update(" ".join(words[i : i + SHINGLE]).encode("utf-8"))
    return minhash


def mark_near_duplicates(articles: Sequence[Article]) -> list[Article]:
    """Articles in build order, each rewrite pointing at the first article it copies."""
    seen: list[tuple[str, object]] = []
    marked = []
    for article in articles:
        sig = signature(article.text)
        original = next((aid for aid, other in seen if sig.jaccard(other) >= THRESHOLD), None)
        seen.append((article.article_id, sig))
        marked.append(
            article.model_copy(update={"near_duplicate_of": original}) if original else article
        )
    return marked
