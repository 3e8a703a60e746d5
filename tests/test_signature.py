"""The near-duplicate signature computed with numpy equals datasketch's MinHash."""

import numpy as np
import pytest

from newsevents.pipeline.signature import PERMUTATIONS, shingles, signature, signature_values

TEXTS = [
    "Militants attacked a police post in the north on Tuesday, killing at least four officers.",
    "Militants attacked a police post in the north on Tuesday, killing at least four officers.\n"
    "A spokesman for the provincial government said the attackers fled across the border.",
    "",  # no word: one empty shingle, as datasketch is given
    "Two words",
    "Ünïcode — and «quotes», digits 2024 and 17 too; THE case is folded.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_values_are_datasketchs_minhash_bit_for_bit(text: str) -> None:
    ours = np.frombuffer(signature_values(text), dtype=np.uint32)
    reference = signature(text).hashvalues
    assert ours.shape == (PERMUTATIONS,)
    assert np.array_equal(ours, reference.astype(np.uint32))
    assert int(reference.max()) < 2**32  # nothing is lost by storing uint32


def test_similar_texts_share_values_and_order_does_not_matter() -> None:
    first, second = (np.frombuffer(signature_values(t), np.uint32) for t in TEXTS[:2])
    share = float((first == second).mean())
    left, right = set(shingles(TEXTS[0])), set(shingles(TEXTS[1]))
    jaccard = len(left & right) / len(left | right)
    assert abs(share - jaccard) < 0.08  # the MinHash estimate of the Jaccard similarity
    assert shingles(TEXTS[1]) == sorted(shingles(TEXTS[1]))
