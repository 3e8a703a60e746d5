"""An article's near-duplicate signature, made when the article is built.

The body is reduced to a MinHash of its word SHINGLE-shingles: PERMUTATIONS
permutations with a fixed seed, so the result is the same on every run. It is made in
the per-article stages, so a worker sends it back and the cache keeps it; the corpus
step (corpus/near_duplicates.py, which explains the figures) compares signatures only.

The values are datasketch's `MinHash(num_perm=PERMUTATIONS, seed=1)` (its default
"affine32" scheme) bit for bit, computed here with numpy: importing datasketch brings
scipy, 0.9 s of start-up in every build process (each pool or Dask worker), while the
arithmetic is a few lines. `signature` still returns datasketch's own MinHash, the
reference that tests/test_signature.py compares these values with.
"""

import hashlib
import re
from functools import cache
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from datasketch import MinHash

SHINGLE = 3
PERMUTATIONS = 1024  # near_duplicates.BANDS x ROWS
SEED = 1
# MurmurHash3's 32-bit finalizer, which datasketch applies to each hash before permuting.
_FMIX = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35))


def shingles(text: str) -> list[bytes]:
    """The text's word SHINGLE-shingles, sorted (a MinHash does not depend on order, but
    sorting keeps any batch the same on every run)."""
    words = re.findall(r"[a-z0-9]+", text.lower())
    found = {" ".join(words[i : i + SHINGLE]) for i in range(max(len(words) - SHINGLE + 1, 1))}
    return [s.encode("utf-8") for s in sorted(found)]


def signature(text: str) -> "MinHash":
    """datasketch's MinHash of the text (the reference; slow to import)."""
    from datasketch import MinHash

    minhash = MinHash(num_perm=PERMUTATIONS, seed=SEED)
    minhash.update_batch(shingles(text))
    return minhash


def signature_values(text: str) -> bytes:
    """The signature's values as compact bytes (uint32), the form a worker sends back and
    the cache keeps, so the corpus step needs no article text."""
    # datasketch's sha1_hash32: the first 4 bytes of SHA-1, little-endian.
    digests = b"".join(hashlib.sha1(s).digest()[:4] for s in shingles(text))
    hashes = np.frombuffer(digests, dtype="<u4").astype(np.uint32).reshape(-1, 1)
    shift1, multiply1, shift2, multiply2 = _FMIX
    hashes = hashes ^ (hashes >> shift1)
    hashes = hashes * multiply1
    hashes = hashes ^ (hashes >> shift2)
    hashes = hashes * multiply2
    hashes = hashes ^ (hashes >> shift1)
    a, b = _permutations()
    return (hashes * a + b).min(axis=0).astype(np.uint32).tobytes()  # uint32 wraps: mod 2**32


@cache
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """datasketch's affine32 permutations for SEED: h -> a*h + b mod 2**32, `a` odd."""
    generator = np.random.RandomState(SEED)
    a = generator.randint(0, 1 << 31, PERMUTATIONS, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = generator.randint(0, 1 << 32, PERMUTATIONS, dtype=np.uint32)
    return a, b
