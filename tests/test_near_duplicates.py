"""Near-duplicates (pipeline/corpus/near_duplicates.py): rewrites of one wire story are
found through an LSH index, not by comparing every pair. Texts are the seeds' and the
development sets'; rewrites are made here the way bench/near_duplicate_threshold.py
makes its positives."""

import datetime as dt
import random
import re
from pathlib import Path

import numpy as np
import pytest

from newsevents.pipeline.corpus import near_duplicates
from newsevents.pipeline.corpus.near_duplicates import (
    BANDS,
    find_copies,
    mark_near_duplicates,
    signature,
)
from newsevents.pipeline.signature import PERMUTATIONS
from newsevents.schema import Article

from .conftest import DEV, SEEDS
from .factories import article_data

BASE = Article.model_validate(article_data())
PTI, REWRITE = "001_429613359d8e87e9", "000_05db8eedf180f2ed"


def _article(path: Path, published: dt.date | None, text: str | None = None) -> Article:
    # Only the id, the date and the text matter to this step.
    return BASE.model_copy(
        update={
            "article_id": path.stem,
            "published_date": published,
            "text": path.read_text("utf-8") if text is None else text,
        }
    )


def _seeds() -> list[Article]:
    # 000 is undated (sources.yaml); the others dated as curated there.
    days = {"000": None, "001": dt.date(2024, 1, 19), "002": dt.date(2024, 1, 29)}
    return [
        _article(p, days.get(p.name[:3], dt.date(2024, 1, 29))) for p in sorted(SEEDS.glob("*.txt"))
    ]


def _rewrite(text: str, seed: int) -> str:
    """Sentence order shuffled, a third of the sentences dropped, a new lede."""
    rng = random.Random(seed)
    sentences = [s for s in re.split(r"(?<=[.!?])\s+|\n+", text) if len(s.split()) >= 4]
    rng.shuffle(sentences)
    kept = sentences[: max(2, len(sentences) * 2 // 3)]
    return " ".join(["Officials gave fresh details on Saturday of what happened.", *kept])


def _marks(articles: list[Article]) -> dict[str, str | None]:
    return {a.article_id: a.near_duplicate_of for a in mark_near_duplicates(articles)}


def test_the_seed_rewrite_points_at_the_pti_story_and_nothing_else_is_marked() -> None:
    marks = _marks(_seeds())
    assert marks.pop(REWRITE) == PTI
    assert set(marks.values()) == {None}  # 002-004: the same strikes, other outlets


def test_different_outlets_on_one_incident_are_not_near_duplicates() -> None:
    # 001 (PTI), 003 and 004 all report the January 2024 strikes and the talks after them.
    seeds = [a for a in _seeds() if a.article_id != REWRITE]
    if DEV.is_dir():
        seeds += [_article(p, None) for p in sorted(DEV.parent.glob("dev*/*.txt"))]
    assert len(seeds) > 4
    assert set(_marks(seeds).values()) == {None}


def test_a_programmatic_rewrite_is_caught_and_points_at_the_earlier_story() -> None:
    story = next(p for p in SEEDS.glob("*.txt") if p.name.startswith("003"))
    rewrite = _article(
        story.with_name("rewrite.txt"), dt.date(2024, 2, 1), _rewrite(story.read_text(), 7)
    )
    marks = _marks([rewrite, *_seeds()])
    assert marks["rewrite"] == story.stem
    assert marks[REWRITE] == PTI
    assert sum(v is not None for v in marks.values()) == 2


def test_marks_do_not_depend_on_the_input_order() -> None:
    articles = _seeds()
    story = articles[3]
    articles.append(story.model_copy(update={"article_id": "later", "published_date": None,
                                             "text": _rewrite(story.text, 3)}))  # fmt: skip
    expected = _marks(articles)
    assert expected["later"] == story.article_id and expected[REWRITE] == PTI
    for seed in range(5):
        shuffled = articles[:]
        random.Random(seed).shuffle(shuffled)
        assert _marks(shuffled) == expected
        assert [a.article_id for a in mark_near_duplicates(shuffled)] == [
            a.article_id for a in shuffled
        ]


@pytest.fixture(scope="module")
def unrelated() -> list[str]:
    """300 texts of the seeds' words in a new order each: no two are one story."""
    words = " ".join(p.read_text("utf-8") for p in sorted(SEEDS.glob("*.txt"))).split()
    texts = []
    for i in range(300):
        rng = random.Random(i)
        texts.append(" ".join(rng.sample(words, 250)))
    return texts


def test_the_index_hands_over_few_candidate_pairs(unrelated: list[str]) -> None:
    pti = (SEEDS / f"{PTI}.txt").read_text("utf-8")
    texts = [pti, *unrelated[:150], _rewrite(pti, 1), *unrelated[150:]]
    copies, candidates = find_copies([signature(t) for t in texts])
    assert copies == {151: 0}  # the rewrite is found among 301 other texts
    all_pairs = len(texts) * (len(texts) - 1) // 2
    assert candidates < all_pairs / 500  # 45,451 pairs; the index hands over a few dozen


def _pairs_band_by_band(values: np.ndarray, rows: np.ndarray) -> set[tuple[int, int]]:
    """The candidate pairs as the index's definition reads: positions p > q whose
    signatures (rows[p], rows[q]) agree on both values of a band."""
    found = set()
    for band in range(BANDS):
        groups: dict[tuple[int, int], list[int]] = {}
        for position, row in enumerate(rows.tolist()):
            key = (int(values[row, 2 * band]), int(values[row, 2 * band + 1]))
            groups.setdefault(key, []).append(position)
        for members in groups.values():
            found.update((p, q) for i, p in enumerate(members) for q in members[:i])
    return found


@pytest.mark.parametrize(("block_keys", "merge_at"), [(1 << 20, 1 << 20), (3 * 40, 7)])
def test_the_index_pairs_are_those_sharing_a_band(
    monkeypatch: pytest.MonkeyPatch, block_keys: int, merge_at: int
) -> None:
    # Values drawn from a small range, so that bands agree by chance in groups of every
    # size; articles 30-39 copy articles 0-9 in a third of the bands. With a block of 3
    # bands and a merge every 7 pairs, blocks and merges fall everywhere.
    monkeypatch.setattr(near_duplicates, "_BLOCK_KEYS", block_keys)
    monkeypatch.setattr(near_duplicates, "_MERGE_AT", merge_at)
    rng = np.random.default_rng(3)
    values = rng.integers(0, 6, size=(40, PERMUTATIONS)).astype(np.uint32)
    values[:, ::2] = rng.integers(0, 40, size=(40, BANDS)).astype(np.uint32)
    copied = np.repeat(rng.random(BANDS) < 0.3, 2)
    values[30:, copied] = values[:10, copied]
    rows = rng.permutation(40)
    codes = near_duplicates._candidate_pairs(values, rows)
    pairs = {(int(c) >> 32, int(c) & 0xFFFFFFFF) for c in codes}
    assert len(pairs) == len(codes)  # distinct
    assert codes.tolist() == sorted(codes.tolist())
    assert pairs == _pairs_band_by_band(values, rows)


def test_of_many_candidates_the_earliest_copied_story_wins() -> None:
    # Signatures made by hand: the last one shares its first band with every other, so
    # all are candidates; it copies a fifth of the values of stories 6 and 7 only.
    rng = np.random.default_rng(0)
    values = rng.integers(0, 2**32, size=(9, PERMUTATIONS), dtype=np.uint64).astype(np.uint32)
    values[:, :2] = values[8, :2]
    copied = rng.random(PERMUTATIONS) < 0.2
    values[6, copied] = values[7, copied] = values[8, copied]
    copies, candidates = find_copies(values)
    assert candidates == 9 * 8 // 2  # every pair shares the first band
    # 8 copies 6, not 7, although 6 comes after the first candidates looked at.
    assert copies == {7: 6, 8: 6}
