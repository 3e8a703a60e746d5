"""An article's near-duplicate signature, made when the article is built.

The body is reduced to a MinHash of its word SHINGLE-shingles (datasketch, PERMUTATIONS
permutations, fixed seed, so the result is the same on every run). It is made in the
per-article stages, so a worker sends it back and the cache keeps it; the corpus step
(corpus/near_duplicates.py, which explains the figures) compares signatures only.
"""

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # datasketch is imported when used: it brings scipy, slow to load
    from datasketch import MinHash

SHINGLE = 3
PERMUTATIONS = 1024  # near_duplicates.BANDS x ROWS


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
