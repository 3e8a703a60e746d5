"""The models enforce the data contract; the checked-in JSON Schema matches them."""

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from newsevents.release.writers import write_jsonl, write_parquet
from newsevents.schema import SCHEMA_FILES, Article, CasualtyClaim, IncidentRow
from newsevents.schema.jsonschema import schema_documents
from newsevents.schema.spans import READ_BACK

from .conftest import ROOT
from .factories import TITLE, article_data, make_article


def test_valid_article_passes() -> None:
    article = make_article()
    assert len(article.entities) == 3 and len(article.casualty_claims) == 2


def _broken(mutate) -> str:  # type: ignore[no-untyped-def]
    data = copy.deepcopy(article_data())
    mutate(data)
    with pytest.raises(ValidationError) as err:
        Article.model_validate(data)
    return str(err.value)


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d["entities"][0]["mentions"][0].update(start=0, end=8),
         "reads 'Iranian ' in text, not 'Pakistan'"),
        (lambda d: d["entities"][1].update(entity_id="Q843"), "entity_id 'Q843' is used twice"),
        (lambda d: d["events"][0].update(actors=["Q1"]), "'Q1' does not resolve"),
        (lambda d: d["casualty_claims"][0].update(claimant="Q999"), "claimant: 'Q999' does not"),
        (lambda d: d["casualty_claims"][0].update(event_id="ev9"), "event_id: 'ev9' does not"),
        (lambda d: d["casualty_claims"][1].update(claim_id="c1"), "claim_id 'c1' is used twice"),
        (lambda d: d["casualty_claims"][0].update(count_min=5, count_max=2),
         "count_min 5 is greater than count_max 2"),
        (lambda d: d["casualty_claims"][0].update(qualifier="at_least"),
         "qualifier 'at_least' does not fit"),
        (lambda d: d["casualty_claims"][0].update(event_date=dt.date(2024, 1, 17)),
         "event_date is not its event's day"),
        (lambda d: d["casualty_claims"][0].update(date_source="explicit"),
         "date_source is not its event's"),
        (lambda d: d["casualty_claims"][0].update(event_id=None), "the claim has no event"),
        (lambda d: d["casualty_claims"][0].update(date_source="none"),
         "date_source is 'none' exactly when event_date is null"),
        (lambda d: d["events"][0].update(date_source="none"),
         "date_source is 'none' exactly when date is null"),
        (lambda d: d["events"][0].update(date_end=dt.date(2024, 1, 15)),
         "date_start <= date <= date_end"),
        (lambda d: d.update(text=d["text"] + "!"), "content_sha256 is not the SHA-256"),
        (lambda d: d.update(published_date=None), "provenance is 'none' exactly when"),
        (lambda d: d.update(flags=["Bad Flag"]), "is not a kebab-case slug"),
        (lambda d: d.update(colour="red"), "Extra inputs are not permitted"),
        (lambda d: d["events"][0].update(date=None), "date_precision must be set exactly"),
        (lambda d: d["events"][0].update(date=None, date_precision=None, date_source="none"),
         "date_start and date_end must be null"),
        (lambda d: d["entities"][0].update(wikidata="843"), "should match pattern"),
    ],
)  # fmt: skip
def test_each_invariant_is_enforced(mutate, message: str) -> None:  # type: ignore[no-untyped-def]
    assert message in _broken(mutate)


# A valid incident row: one event in Panjgur, two killed by one claim.
INCIDENT = {
    "incident_id": "assault-2024-01-16-0123456789", "type": "ASSAULT", "date": "2024-01-16",
    "date_min": "2024-01-16", "date_max": "2024-01-16", "actors": ["Q794"],
    "locations": ["Q1"], "article_ids": ["a1"], "event_ids": ["a1/ev1"],
    "independent_sources": 1, "claims": [], "killed_low": 2, "killed_best": 2,
    "killed_high": 2, "figures_conflict": False, "latitude": 26.9719, "longitude": 64.0946,
    "country_iso3": "PAK", "admin1": "Balochistan", "geo_precision": 1, "geo_place": "Q1",
    "geo_method": "gazetteer",
}  # fmt: skip


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"killed_low": 3}, "killed: low <= best <= high does not hold"),
        ({"killed_high": 1}, "killed: low <= best <= high does not hold"),
        ({"injured_low": 4, "injured_high": 3}, "injured: low <= best <= high does not hold"),
        ({"date_min": "2024-01-17"}, "date_min is after date_max"),
        ({"longitude": None}, "latitude and longitude come in pairs"),
        ({"geo_method": None}, "a point needs its geo_method"),
        ({"geo_ambiguous": True}, "geo_ambiguous is true exactly when"),
    ],
)  # fmt: skip
def test_each_incident_row_invariant_is_enforced(changes: dict[str, Any], message: str) -> None:
    assert IncidentRow.model_validate(INCIDENT).killed_best == 2
    assert IncidentRow.model_validate(INCIDENT | {"killed_low": None, "killed_high": 5})
    with pytest.raises(ValidationError, match=message):
        IncidentRow.model_validate(INCIDENT | changes)
    # Read back, a row this build made is not checked again (READ_BACK).
    assert IncidentRow.model_validate(INCIDENT | changes, context=READ_BACK)


def test_a_record_read_back_skips_only_the_python_invariants() -> None:
    """READ_BACK is for records this build validated itself: the invariants written in
    Python are not run again, pydantic's type checks still are, and without the context
    the same record is refused."""
    data = copy.deepcopy(article_data())
    data["entities"][1]["entity_id"] = data["entities"][0]["entity_id"]  # a broken invariant
    line = json.dumps(data, default=str)
    with pytest.raises(ValidationError, match="is used twice"):
        Article.model_validate_json(line)
    assert Article.model_validate_json(line, context=READ_BACK).entities[1].entity_id
    data["events"][0]["date"] = "2024-02-30"  # a type error is caught either way
    with pytest.raises(ValidationError, match="date"):
        Article.model_validate_json(json.dumps(data, default=str), context=READ_BACK)
    good = make_article()
    assert Article.model_validate_json(good.model_dump_json(), context=READ_BACK) == good


def test_impossible_calendar_date_is_rejected() -> None:
    assert "day value is outside expected range" in _broken(
        lambda d: d.update(published_date="2024-02-30")
    )


def _all_models(model: type[BaseModel], seen: set[type]) -> set[type]:
    seen.add(model)
    for info in model.model_fields.values():
        for arg in _args(info.annotation):
            if isinstance(arg, type) and issubclass(arg, BaseModel) and arg not in seen:
                _all_models(arg, seen)
    return seen


def _args(annotation: Any) -> list[Any]:
    from typing import get_args

    out = [annotation]
    for a in get_args(annotation):
        out += _args(a)
    return out


def test_every_field_has_a_description() -> None:
    models: set[type] = set()
    for model in SCHEMA_FILES.values():
        _all_models(model, models)
    missing = [
        f"{m.__name__}.{name}"
        for m in models
        for name, info in m.model_fields.items()  # type: ignore[attr-defined]
        if not info.description
    ]
    assert missing == []


def test_checked_in_json_schema_is_current() -> None:
    folder = ROOT / "schema"
    for name, text in schema_documents().items():
        path = folder / name
        assert path.is_file(), f"{path} is missing: run `make schema`"
        assert path.read_text("utf-8") == text, f"{path} is stale: run `make schema`"
    assert sorted(p.name for p in folder.glob("*.schema.json")) == sorted(schema_documents())


# Round trips: model -> Parquet / JSONL -> model gives the same record.
counts = st.integers(min_value=0, max_value=10_000)


@st.composite
def claims(draw: st.DrawFn) -> CasualtyClaim:
    qualifier = draw(st.sampled_from(["exact", "at_least", "at_most", "approx", "range"]))
    low = draw(counts)
    high = {
        "exact": low, "approx": low, "at_least": None,
        "at_most": draw(counts), "range": low + 1 + draw(counts),
    }[qualifier]  # fmt: skip
    if qualifier == "at_most":
        low = 0
    base = article_data()["casualty_claims"][0]
    return CasualtyClaim.model_validate(
        base | {"count_min": low, "count_max": high, "qualifier": qualifier,
                "claimant": None, "claimant_text": None, "claimant_span": None}
    )  # fmt: skip


TITLE_CHARACTERS = st.characters(blacklist_categories=("Cs",), blacklist_characters="\n\r")


@settings(max_examples=25, deadline=None)
@given(
    claim_list=st.lists(claims(), max_size=3, unique_by=lambda c: c.count_max),
    flags=st.lists(st.from_regex(r"[a-z]{1,8}(-[a-z]{1,8})?", fullmatch=True), max_size=3),
    title_extra=st.text(alphabet=TITLE_CHARACTERS, max_size=15),
)
def test_round_trip_parquet_and_jsonl(
    tmp_path_factory: pytest.TempPathFactory,
    claim_list: list[CasualtyClaim],
    flags: list[str],
    title_extra: str,
) -> None:
    import pyarrow.parquet as pq

    data = article_data()
    title = data["title"] + title_extra.strip()
    text = data["text"].replace(data["title"], title, 1)
    shift = len(title) - len(data["title"])
    base = make_article()
    article = Article.model_validate(
        base.model_dump()
        | {
            "title": title,
            "text": text,
            "content_sha256": __import__("hashlib").sha256(text.encode()).hexdigest(),
            "flags": flags,
            "entities": [_shift(e.model_dump(), shift) for e in base.entities],
            "events": [_shift(e.model_dump(), shift) for e in base.events],
            "casualty_claims": [
                _shift(c.model_dump() | {"claim_id": f"c{i}"}, shift)
                for i, c in enumerate(claim_list)
            ],
        }
    )
    folder = tmp_path_factory.mktemp("rt")
    (parquet,) = write_parquet(folder / "articles", Article, [article])
    write_jsonl(folder / "a.jsonl", [article])
    from_parquet = Article.model_validate(pq.read_table(parquet).to_pylist()[0])
    from_jsonl = Article.model_validate_json((folder / "a.jsonl").read_text("utf-8"))
    assert from_parquet == article and from_jsonl == article


def _shift(record: dict[str, Any], by: int) -> dict[str, Any]:
    """Move every span of a record by `by` characters (after a longer title)."""
    out = json.loads(json.dumps(record, default=str))
    for key in ("evidence",):
        if key in out:
            out[key]["start"] += by
            out[key]["end"] += by
    for mention in out.get("mentions", []):
        if mention["start"] > len(TITLE):  # mentions in the title stay put
            mention["start"] += by
            mention["end"] += by
    return out


def test_schema_folder_has_no_python_packages_named_build_or_schema() -> None:
    # Top-level `build`/`schema` packages would shadow PyPI packages of those names.
    assert not (ROOT / "schema" / "__init__.py").exists()
    assert not (ROOT / "build").exists()
    assert Path(ROOT / "src" / "newsevents" / "schema" / "__init__.py").is_file()
