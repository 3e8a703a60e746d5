"""Near-duplicate articles: rewrites of one wire story (seed 000 rewrites the PTI
story of seed 001).

Each article's body is reduced to a MinHash of its word 3-shingles (datasketch,
PERMUTATIONS permutations, fixed seed, so the result is the same on every run). Articles
are taken in order of publication (undated ones last, ties by `article_id`), never in
input order: an article whose estimated Jaccard similarity with an earlier one reaches
THRESHOLD is marked `near_duplicate_of` the story that one copies, or that one itself, so
`near_duplicate_of` always names an original. Of several earlier matches the earliest
wins, as when every pair was compared.

Pairs are not all compared: an LSH index (BANDS bands of ROWS rows of the signature)
hands each article only the earlier ones that share a whole band with it, and only those
are scored. The index is our own, built by sorting each band's keys: datasketch's
MinHashLSH gives the same candidates but spends 5-9 ms an article on 512 bands (a
Python call and a set per band), a quarter of an hour at 100,000 articles; this index
takes seconds. bench/near_duplicates.py scale: 100,000 synthetic articles, 3.4 million
candidate pairs of 5 billion, 86 s with the signatures, 996 of 1,000 planted rewrites.
"""

import datetime as dt
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsevents.pipeline.corpus.compact import ArticleLike
from newsevents.schema import Article

if TYPE_CHECKING:  # datasketch is imported when used: it brings scipy, slow to load
    import numpy as np
    from datasketch import MinHash

# Derived from labelled pairs by bench/near_duplicate_threshold.py (seeds, ../shared/eval
# dev and dev-synth, three programmatic rewrites of each; it prints the tables). Exact
# Jaccard of 3-shingles: the seed pair 0.106, different stories at most 0.032 (001 and
# 002, the same strikes), so THRESHOLD is the geometric midpoint. Word 2-shingles keep as
# many positives above every negative but share "of the" across stories, flooding the
# index (5% of negatives become candidates, against 0.3%). A pair this dissimilar needs
# bands of 2 rows: with 3 rows even 768 permutations find the seed pair 77% of the time;
# 512 bands of 2 find a pair of 0.106 99.7% of the time, all positives at or above
# THRESHOLD 98.6%. End to end: recall 0.79 (the rest are reworded below THRESHOLD),
# precision 1.00, 223 candidate pairs of 10,878.
THRESHOLD = 0.06
SHINGLE = 3
BANDS, ROWS = 512, 2
PERMUTATIONS = BANDS * ROWS


def signature(text: str) -> "MinHash":
    from datasketch import MinHash

    words = re.findall(r"[a-z0-9]+", text.lower())
    shingles = {" ".join(words[i : i + SHINGLE]) for i in range(max(len(words) - SHINGLE + 1, 1))}
    minhash = MinHash(num_perm=PERMUTATIONS, seed=1)
    # Sorted so the batch is the same on every run; a MinHash does not depend on order.
    minhash.update_batch([s.encode("utf-8") for s in sorted(shingles)])
    return minhash


def signature_values(text: str) -> bytes:
    """The signature's values as compact bytes (uint32: a MinHash value is below 2**32), the
    form a worker sends back and the cache keeps, so the corpus step needs no article text."""
    import numpy as np

    return signature(text).hashvalues.astype(np.uint32).tobytes()


def signature_matrix(signatures: "Sequence[MinHash | bytes] | np.ndarray") -> "np.ndarray":
    """The signatures as one (articles x PERMUTATIONS) uint32 array; an array is taken as
    it is (a build gathers its signatures into one buffer, so nothing is copied)."""
    import numpy as np

    if isinstance(signatures, np.ndarray):
        return signatures
    if not len(signatures):
        return np.zeros((0, PERMUTATIONS), dtype=np.uint32)
    rows = [
        np.frombuffer(s, dtype=np.uint32) if isinstance(s, bytes) else s.hashvalues
        for s in signatures
    ]
    return np.stack(rows).astype(np.uint32)


def find_copies(
    signatures: "Sequence[MinHash | bytes] | np.ndarray", order: Sequence[int] | None = None
) -> tuple[dict[int, int], int]:
    """{position: earliest earlier position it copies}, positions being places in
    publication order: `order[p]` is the signature at position p (by default the
    signatures are in that order); and the number of candidate pairs the index handed
    over (each one scored once). Memory beyond the signatures is a few vectors of one
    value per article, one band at a time."""
    import numpy as np

    values = signature_matrix(signatures)
    if not len(values):
        return {}, 0
    rows = np.arange(len(values)) if order is None else np.asarray(order)
    # One key per band: its two 32-bit MinHash values side by side, so equal keys are
    # equal bands, with no hash to collide. (ROWS > 2 would need a hash of the row.)
    assert ROWS == 2
    earlier: dict[int, set[int]] = {}
    for band in range(BANDS):  # articles sharing a band are found by sorting it, not a scan
        pair = values[rows, 2 * band : 2 * band + 2].astype(np.uint64)
        keys = (pair[:, 0] << np.uint64(32)) | pair[:, 1]
        ranking = np.argsort(keys, kind="stable")
        ranked = keys[ranking]
        starts = np.flatnonzero(np.r_[True, ranked[1:] != ranked[:-1]])
        ends = np.r_[starts[1:], len(ranked)]
        for start, end in zip(starts[ends - starts > 1], ends[ends - starts > 1], strict=True):
            group = sorted(ranking[start:end].tolist())
            for k, later in enumerate(group[1:], 1):
                earlier.setdefault(later, set()).update(group[:k])
    copies: dict[int, int] = {}
    for i, candidates in earlier.items():
        ranked_candidates = sorted(candidates)  # earliest first: the earliest match wins
        # As MinHash.jaccard computes it: the share of equal values.
        same = values[rows[ranked_candidates]] == values[rows[i]]
        hits = np.flatnonzero(np.count_nonzero(same, axis=1) / PERMUTATIONS >= THRESHOLD)
        if hits.size:
            copies[i] = ranked_candidates[hits[0]]
    return copies, sum(map(len, earlier.values()))


def originals(
    articles: Sequence[ArticleLike], signatures: "Sequence[bytes] | np.ndarray | None" = None
) -> dict[str, str]:
    """{article_id of a rewrite: article_id of the original it copies}.

    `signatures[i]` (`signature_values`) is article i's, computed when it was built;
    without them they are computed here from the texts (full articles only)."""
    if signatures is None:
        signatures = [signature_values(a.text) for a in articles]  # type: ignore[union-attr]
    order = sorted(range(len(articles)), key=lambda i: _publication_order(articles[i]))
    ordered = [articles[i].article_id for i in order]
    copies, _ = find_copies(signatures, order)
    original_of: dict[str, str] = {}
    for i in sorted(copies):  # an earlier article's original is known before a later's
        copied = ordered[copies[i]]
        original_of[ordered[i]] = original_of.get(copied, copied)
    return original_of


def mark_near_duplicates(
    articles: Sequence[Article], signatures: Sequence[bytes] | None = None
) -> list[Article]:
    """The articles in the order given, each rewrite pointing at the original it copies."""
    original_of = originals(articles, signatures)
    return [
        a.model_copy(update={"near_duplicate_of": original_of[a.article_id]})
        if a.article_id in original_of
        else a
        for a in articles
    ]


def _publication_order(article: ArticleLike) -> tuple[bool, dt.date, str]:
    return (
        article.published_date is None,
        article.published_date or dt.date.min,
        article.article_id,
    )
