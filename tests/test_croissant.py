"""croissant.json: generated from the models, checked by mlcroissant on the seed release."""

import hashlib
import json

import mlcroissant as mlc

from newsevents.release.assemble import BuildReport
from newsevents.release.croissant import CROISSANT_NAME
from newsevents.schema import CONFIG_MODELS


def test_croissant_is_listed_and_describes_every_parquet_file(seed_release: BuildReport) -> None:
    root = seed_release.release_dir
    sums = (root / "SHA256SUMS").read_text("utf-8")
    assert f"  {CROISSANT_NAME}\n" in sums
    doc = json.loads((root / CROISSANT_NAME).read_text("utf-8"))
    assert doc["conformsTo"] == "http://mlcommons.org/croissant/1.0"
    files = {f["contentUrl"]: f for f in doc["distribution"] if f["@type"] == "cr:FileObject"}
    assert set(files) == {p.relative_to(root).as_posix() for p in root.glob("*/*.parquet")}
    for rel, entry in files.items():
        assert entry["sha256"] == hashlib.sha256((root / rel).read_bytes()).hexdigest()
    assert [r["name"] for r in doc["recordSet"]] == list(CONFIG_MODELS)
    for record_set, model in zip(doc["recordSet"], CONFIG_MODELS.values(), strict=True):
        assert [f["name"] for f in record_set["field"]] == list(model.model_fields)
        for field, info in zip(record_set["field"], model.model_fields.values(), strict=True):
            assert field["description"] == info.description


def test_croissant_types_nested_and_list_fields(seed_release: BuildReport) -> None:
    doc = json.loads((seed_release.release_dir / CROISSANT_NAME).read_text("utf-8"))
    articles = {f["name"]: f for f in doc["recordSet"][0]["field"]}
    assert articles["published_date"]["dataType"] == "sc:Date"
    assert articles["published_date_confidence"]["dataType"] == "sc:Float"
    assert articles["flags"]["repeated"] is True
    outlet = next(f for f in articles["source"]["subField"] if f["name"] == "outlet")
    assert outlet["source"]["transform"] == {"jsonPath": "outlet"}
    entities = articles["entities"]
    assert entities["repeated"] is True
    mentions = next(f for f in entities["subField"] if f["name"] == "mentions")
    start = next(f for f in mentions["subField"] if f["name"] == "start")
    assert (start["dataType"], start["source"]["transform"]) == (
        "sc:Integer", {"jsonPath": "mentions[*].start"},
    )  # fmt: skip


def test_mlcroissant_validates_and_generates_every_record_set(
    seed_release: BuildReport,
) -> None:
    dataset = mlc.Dataset(jsonld=seed_release.release_dir / CROISSANT_NAME)
    assert not dataset.metadata.ctx.issues.errors
    counts = seed_release.manifest.counts
    records = {name: list(dataset.records(record_set=name)) for name in CONFIG_MODELS}
    assert {name: len(rows) for name, rows in records.items()} == {
        name: counts[name] for name in CONFIG_MODELS
    }
    article = next(r for r in records["articles"] if r["articles/article_id"].startswith(b"004"))
    assert article["articles/source"]["articles/source/outlet"] == b"Infostani International"
    assert str(article["articles/published_date"].date()) == "2024-01-29"
    claim = records["claims"][0]
    span = claim["claims/figure_span"]
    assert isinstance(span["claims/figure_span/start"], int)
    incident = next(r for r in records["incidents"] if r["incidents/claims"])
    assert {"incidents/claims/outcome", "incidents/claims/used"} <= set(
        incident["incidents/claims"][0]
    )
