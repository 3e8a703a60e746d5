"""Stable ids: an unchanged article keeps its article, event, claim and incident ids
whatever else the corpus holds and whatever order the files are read in."""

import shutil
from pathlib import Path

import pytest
import yaml

from newsevents.pipeline import ingest
from newsevents.pipeline.collect import Collected, collect
from newsevents.pipeline.corpus import run_corpus_steps
from newsevents.pipeline.walk import Listing, list_inputs
from newsevents.safe_yaml import load as load_yaml
from newsevents.schema import Article

from .conftest import GOOD_ARTICLE, SEEDS, write_inputs
from .test_ingest import HTML_ARTICLE

KEPT = ["001_429613359d8e87e9.txt", "003_89c3de90ed6096f9.txt"]


def _ids(article: Article) -> tuple:
    """The article's id and everything about its events and claims (ids included)."""
    return (
        article.article_id,
        [e.model_dump() for e in article.events],
        [c.model_dump() for c in article.casualty_claims],
    )


def _by_id(collected: Collected) -> dict[str, tuple]:
    return {a.article_id: _ids(a) for a in collected.articles}


def _small_corpus(folder: Path) -> Path:
    """Two of the seeds, with their curated metadata and nothing else."""
    folder.mkdir()
    for name in KEPT:
        shutil.copy(SEEDS / name, folder / name)
    sources = load_yaml((SEEDS / "sources.yaml").read_text("utf-8"))
    kept = {name: sources[name] for name in KEPT}
    (folder / "sources.yaml").write_text(yaml.safe_dump(kept, sort_keys=False), "utf-8")
    return folder


def _big_corpus(folder: Path) -> Path:
    """Every seed, plus articles whose names sort before and after them."""
    shutil.copytree(SEEDS, folder)
    return write_inputs(
        folder,
        {"0/first.txt": GOOD_ARTICLE, "a/index.html": HTML_ARTICLE, "zz.html": HTML_ARTICLE},
    )


def _listing_reversed(root: Path) -> Listing:
    """The usual (sorted) listing, its article files in reverse order."""
    listing = list_inputs(root)
    listing.article_files.reverse()
    return listing


def test_unchanged_articles_keep_every_id_inside_a_bigger_corpus(tmp_path: Path) -> None:
    small = collect(_small_corpus(tmp_path / "small"))
    big = collect(_big_corpus(tmp_path / "big"))
    assert not small.rejects and not big.rejects
    assert sorted(_by_id(small)) == ["001_429613359d8e87e9", "003_89c3de90ed6096f9"]
    big_ids = _by_id(big)
    for article_id, ids in _by_id(small).items():
        assert big_ids[article_id] == ids
    # An incident with the same members has the same id in both corpora.
    big_incidents = {tuple(i.event_ids): i.incident_id for i in big.incidents}
    shared = [i for i in small.incidents if tuple(i.event_ids) in big_incidents]
    assert len(shared) >= len(small.incidents) // 2 > 0
    assert all(big_incidents[tuple(i.event_ids)] == i.incident_id for i in shared)


def test_read_order_changes_no_id(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _big_corpus(tmp_path / "big")
    forwards = collect(folder)
    with monkeypatch.context() as patched:
        patched.setattr(ingest, "list_inputs", _listing_reversed)
        backwards = collect(folder)
    order = [a.article_id for a in backwards.articles]
    assert order[0] == "zz" and order[-1] == "0/first"
    assert [a.article_id for a in forwards.articles] == sorted(order)
    assert _by_id(backwards) == _by_id(forwards)
    assert backwards.incidents == forwards.incidents


def test_corpus_steps_do_not_depend_on_article_order(tmp_path: Path) -> None:
    articles = collect(_big_corpus(tmp_path / "big")).articles
    forwards, backwards = run_corpus_steps(articles), run_corpus_steps(articles[::-1])
    assert list(forwards.incidents) == list(backwards.incidents)
    assert sorted(forwards.articles, key=lambda a: a.article_id) == sorted(
        backwards.articles, key=lambda a: a.article_id
    )


def test_same_file_name_in_two_folders_is_two_articles(tmp_path: Path) -> None:
    folder = write_inputs(
        tmp_path / "in", {"a/index.html": HTML_ARTICLE, "b/index.html": HTML_ARTICLE}
    )
    collected = collect(folder)
    assert collected.rejects == []
    assert [(a.article_id, a.source_file) for a in collected.articles] == [
        ("a/index", "a/index.html"),
        ("b/index", "b/index.html"),
    ]


def test_seed_ids_are_their_file_stems(seed_release) -> None:  # type: ignore[no-untyped-def]
    ids = [line.split('"article_id":"', 1)[1].split('"', 1)[0] for line in (
        seed_release.release_dir / "jsonl" / "articles.jsonl"
    ).read_text("utf-8").splitlines()]  # fmt: skip
    assert ids == sorted(p.stem for p in SEEDS.glob("*.txt"))
