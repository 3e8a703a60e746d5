"""`build --text full|spans|none`: how much article text a release ships, with every
offset still valid against the full text whose hash the release keeps."""

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
import yaml
from pydantic import ValidationError

from newsevents.config import BuildConfig
from newsevents.errors import UserError
from newsevents.release.assemble import BuildReport, build_release
from newsevents.release.text_policy import apply_text_policy
from newsevents.schema import Article, sha256_text
from newsevents.schema.article import spans_of

from .conftest import SEEDS


def _seed_articles(seed_release: BuildReport) -> list[Article]:
    lines = (seed_release.release_dir / "jsonl" / "articles.jsonl").read_text("utf-8")
    return [Article.model_validate_json(line) for line in lines.splitlines()]


def test_spans_keeps_offsets_and_only_the_evidence(seed_release: BuildReport) -> None:
    for full in _seed_articles(seed_release):
        kept = apply_text_policy(full, "spans")
        assert kept.text_policy == "spans"
        assert len(kept.text) == len(full.text)
        assert kept.content_sha256 == full.content_sha256 == sha256_text(full.text)
        assert kept.text.startswith(full.title + "\n\n")
        for _, span in spans_of(kept):
            assert kept.text[span.start : span.end] == span.text
        inside = set()
        for _, span in spans_of(kept):
            inside.update(range(span.start, span.end))
        inside.update(range(len(full.title)))
        outside = [kept.text[i] for i in range(len(full.text)) if i not in inside]
        assert set(outside) <= {" ", "\n"}
        assert full.text.count("\n") == kept.text.count("\n")  # paragraphs stay where they were
        assert len(kept.text.split()) < len(full.text.split())


def test_none_ships_no_text_but_keeps_hash_offsets_and_values(seed_release: BuildReport) -> None:
    for full in _seed_articles(seed_release):
        bare = apply_text_policy(full, "none")
        assert (bare.text, bare.text_policy, bare.title) == ("", "none", full.title)
        assert bare.content_sha256 == full.content_sha256
        for event, original in zip(bare.events, full.events, strict=True):
            assert event.evidence.text == ""
            assert (event.evidence.start, event.evidence.end) == (
                original.evidence.start,
                original.evidence.end,
            )
        for claim in bare.casualty_claims:
            assert claim.evidence.text == ""
            assert (
                claim.figure_span.text == full.text[claim.figure_span.start : claim.figure_span.end]
            )
        assert [e.mentions for e in bare.entities] == [e.mentions for e in full.entities]


def test_a_full_article_may_not_withhold_its_evidence(seed_release: BuildReport) -> None:
    article = next(a for a in _seed_articles(seed_release) if a.events)
    record = article.model_dump()
    record["events"][0]["evidence"]["text"] = ""
    with pytest.raises(ValidationError, match="span .* reads .* in text, not ''"):
        Article.model_validate(record)
    record["text_policy"] = "spans"  # under spans the evidence must still be there
    with pytest.raises(ValidationError, match="in text, not ''"):
        Article.model_validate(record)


def test_build_records_the_policy_in_manifest_card_and_licence(tmp_path: Path) -> None:
    report = build_release(
        BuildConfig(input_dir=SEEDS, out_dir=tmp_path, version="s", text_policy="spans")
    )
    folder = report.release_dir
    assert json.loads((folder / "manifest.json").read_text())["text_policy"] == "spans"
    card = (folder / "README.md").read_text("utf-8")
    assert "(`text_policy: spans`)" in card.split("## Article texts")[1]
    front = yaml.safe_load(card.split("---\n")[1])
    assert front["license_details"].endswith("(text_policy: spans)")
    assert "Text policy of this release: `spans`" in card.split("## License")[1]
    table = pq.read_table(folder / "articles" / "train-00000-of-00001.parquet")
    assert set(table.column("text_policy").to_pylist()) == {"spans"}
    events = pq.read_table(folder / "events" / "train-00000-of-00001.parquet").to_pylist()
    assert events and all(e["evidence"]["text"].strip() for e in events)
    for line in (folder / "jsonl" / "articles.jsonl").read_text("utf-8").splitlines():
        Article.model_validate_json(line)  # the shipped records are valid as shipped


def test_an_unknown_policy_is_a_user_error() -> None:
    with pytest.raises(UserError, match=r"\[E026\] text policy 'some' is unknown; use one of "):
        BuildConfig(text_policy="some")
