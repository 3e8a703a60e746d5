"""Near-duplicate articles: rewrites of one wire story (seed 000 rewrites the PTI
story of seed 001).

Each article's body is reduced to a MinHash of its word 3-shingles when it is built
(signature.py: datasketch's MinHash, computed with numpy; PERMUTATIONS permutations, a
fixed seed). Articles are taken in order of publication (undated ones last, ties by
`article_id`), never in input order: an article whose estimated Jaccard similarity with
an earlier one reaches THRESHOLD is marked `near_duplicate_of` the story that one
copies, or that one itself, so `near_duplicate_of` always names an original. Of several
earlier matches the earliest wins, as when every pair was compared.

Pairs are not all compared: an LSH index (BANDS bands of ROWS rows of the signature)
hands each article only the earlier ones that share a whole band with it, and only those
are scored. The index is our own, built by sorting each band's keys: datasketch's
MinHashLSH gives the same candidates but spends 5-9 ms an article on 512 bands (a
Python call and a set per band), a quarter of an hour at 100,000 articles; this index
takes seconds. bench/near_duplicates.py scale: 100,000 synthetic articles, 3.4 million
candidate pairs of 5 billion, 59 s with the signatures, 996 of 1,000 planted rewrites.
"""

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsevents.pipeline.compact import ArticleLike
from newsevents.pipeline.signature import PERMUTATIONS, SHINGLE, signature, signature_values
from newsevents.schema import Article

if TYPE_CHECKING:
    import numpy as np
    from datasketch import MinHash

__all__ = ["SHINGLE", "THRESHOLD", "find_copies", "originals", "signature", "signature_values"]

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
# The signature itself (SHINGLE, PERMUTATIONS) is made per article, in signature.py.
THRESHOLD = 0.06
BANDS, ROWS = 512, 2
assert BANDS * ROWS == PERMUTATIONS


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
    over (each scored at most once: a position's candidates only until the first
    that it copies).

    Memory beyond the signatures: the distinct candidate pairs, 8 bytes each (a pair is
    one uint64, later position above earlier), and a block of _BLOCK_KEYS band keys at a
    time."""
    import numpy as np

    values = signature_matrix(signatures)
    if not len(values):
        return {}, 0
    rows = np.arange(len(values)) if order is None else np.asarray(order)
    pairs = _candidate_pairs(values, rows)
    copies: dict[int, int] = {}
    # Pairs are sorted by later position, then earlier: the first hit of a later position
    # is its earliest match, as when every pair was compared. Read a chunk at a time (a
    # later position's candidates may straddle two chunks: the first hit still wins).
    for start in range(0, len(pairs), _CHUNK):
        chunk = pairs[start : start + _CHUNK]
        later = (chunk >> np.uint64(32)).astype(np.int64)
        earlier = (chunk & np.uint64(0xFFFFFFFF)).astype(np.int64)
        bounds = np.flatnonzero(np.r_[True, later[1:] != later[:-1]]).tolist()
        for first, last in zip(bounds, [*bounds[1:], len(chunk)], strict=True):
            i = int(later[first])
            if i in copies:
                continue
            found = _first_hit(values, rows, i, earlier[first:last])
            if found is not None:
                copies[i] = found
    return copies, len(pairs)


# Candidates scored first, before the rest in batches FIRST_LOOK times larger each time:
# most candidates of a rewrite are copies, and only the earliest one counts.
_FIRST_LOOK = 4


def _first_hit(
    values: "np.ndarray", rows: "np.ndarray", i: int, candidates: "np.ndarray"
) -> int | None:
    """The first of the candidates (earlier positions, in order) that position i
    copies, scoring them in growing batches and stopping at the batch with a hit."""
    import numpy as np

    target = values[rows[i]]
    start, size = 0, _FIRST_LOOK
    while start < len(candidates):
        batch = candidates[start : start + size]
        # As MinHash.jaccard computes it: the share of equal values.
        same = np.count_nonzero(values[rows[batch]] == target, axis=1)
        hits = np.flatnonzero(same / PERMUTATIONS >= THRESHOLD)
        if hits.size:
            return int(batch[hits[0]])
        start, size = start + size, size * _FIRST_LOOK
    return None


_CHUNK = 1 << 20  # pairs decoded at once (16 MiB of positions)
# Pairs gathered from the bands before those already kept are dropped: at least
# _MERGE_AT, and at least a _KEPT_SHARE-th of the kept ones, so a merge (which copies the
# kept pairs once) comes a bounded number of times per doubling, and few pending pairs
# are held beside the kept ones.
_MERGE_AT = 1 << 20
_KEPT_SHARE = 4
_BLOCK_KEYS = 1 << 18  # band keys sorted in one call: 2 MiB, and about 10 MiB with their ranks


def _candidate_pairs(values: "np.ndarray", rows: "np.ndarray") -> "np.ndarray":
    """Sorted distinct (later << 32 | earlier) positions of the pairs sharing a band."""
    import numpy as np

    # One key per band: its two 32-bit MinHash values side by side, read as one 64-bit
    # word, so equal keys are equal bands, with no hash to collide. (ROWS > 2 would need
    # a hash of the row.)
    assert ROWS == 2
    bands = np.ascontiguousarray(values, dtype=np.uint32).view(np.uint64)
    kept = np.zeros(0, dtype=np.uint64)
    pending: list[np.ndarray] = []
    waiting = 0
    # The (later, earlier) index pairs of a group of each size, made once per size and
    # not once per band (512 bands meet the same few sizes).
    pairs_of_size: dict[int, tuple[np.ndarray, np.ndarray]] = {}
    # Bands are sorted a block at a time, in one call each: at 2,000 articles 131 bands a
    # call (numpy calls band by band took 0.27 s there, 0.13 s so), at 100,000 two; the
    # keys held at once stay at _BLOCK_KEYS whatever the corpus.
    block_bands = max(1, min(BANDS, _BLOCK_KEYS // max(len(rows), 1)))
    for first in range(0, BANDS, block_bands):
        # A row per band of the block, a column per position.
        keys = np.ascontiguousarray(bands[rows, first : first + block_bands].T)
        # An unstable sort (a stable one takes 2.5 times as long): only which keys are
        # equal matters, and each group's positions are sorted below.
        ranking = np.argsort(keys, axis=1)
        ranked = np.take_along_axis(keys, ranking, axis=1)
        # A group starts at every band's first key, so that, read as one line, no group
        # runs from one band into the next.
        new_group = np.ones(ranked.shape, dtype=bool)
        new_group[:, 1:] = ranked[:, 1:] != ranked[:, :-1]
        ranking, starts = ranking.ravel(), np.flatnonzero(new_group)
        sizes = np.diff(np.r_[starts, len(ranking)])
        for size in np.flatnonzero(np.bincount(sizes)).tolist():
            if size < 2:
                continue
            if size not in pairs_of_size:
                upper = np.triu_indices(size, 1)
                pairs_of_size[size] = (upper[1], upper[0])
            later_k, earlier_k = pairs_of_size[size]
            groups = starts[sizes == size]
            # Groups of this size a batch at a time, a (groups x size) array of positions
            # each; a batch's pairs are about _MERGE_AT at most (a crawl that holds one
            # page a thousand times must not fill memory with its pairs before a merge).
            batch = max(1, _MERGE_AT // len(later_k))
            for at in range(0, len(groups), batch):
                positions = ranking[groups[at : at + batch, None] + np.arange(size)]
                positions.sort(axis=1)
                later = positions[:, later_k].astype(np.uint64).ravel()
                earlier = positions[:, earlier_k].astype(np.uint64).ravel()
                pending.append((later << np.uint64(32)) | earlier)
                waiting += len(pending[-1])
                if waiting >= max(_MERGE_AT, len(kept) // _KEPT_SHARE):
                    kept = _merged(kept, pending)
                    waiting = 0
    return _merged(kept, pending) if pending else kept


def _merged(kept: "np.ndarray", pending: "list[np.ndarray]") -> "np.ndarray":
    """`kept` (sorted, distinct) with the pending pairs it lacks, in order; empties
    `pending`. Only the new pairs are inserted, so the merge holds `kept` twice at most,
    not `kept` and the pending pairs sorted together (4 to 5 times `kept` at its peak
    in the benchmark's 10,000 articles, which share many pairs from band to band)."""
    import numpy as np

    fresh = _distinct(np.concatenate(pending))
    pending.clear()
    if not len(kept):
        return fresh
    at = np.searchsorted(kept, fresh)
    known = at < len(kept)
    known[known] = kept[at[known]] == fresh[known]
    fresh, at = fresh[~known], at[~known]
    # Each value goes before the first kept pair above it; values at one place keep
    # their (sorted) order, so the result is sorted.
    return np.insert(kept, at, fresh) if len(fresh) else kept


def _distinct(codes: "np.ndarray") -> "np.ndarray":
    """The sorted distinct values (a sort, cheaper than numpy's hashing unique here)."""
    import numpy as np

    codes.sort()
    return codes[np.r_[True, codes[1:] != codes[:-1]]] if len(codes) else codes


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
