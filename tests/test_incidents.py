"""The `incidents` config and the claims' `incident_id` in the seed release, and the
low/best/high rule. The corpus steps themselves: tests/test_corpus_incidents.py."""

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from newsevents.pipeline.corpus.figures import low_best_high
from newsevents.release.assemble import PARQUET_NAME, BuildReport
from newsevents.schema import CasualtyClaim, IncidentRow

from .factories import article_data

IRAN, TEHRAN, PAKISTAN = "Q794", "Q3616", "Q843"


def _rows(report: BuildReport, config: str) -> list[dict]:  # type: ignore[type-arg]
    path = report.release_dir / "jsonl" / f"{config}.jsonl"
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def _events(report: BuildReport) -> dict[str, dict]:  # type: ignore[type-arg]
    return {f"{r['article_id']}/{r['event_id']}": r for r in _rows(report, "events")}


def test_seed_rewrite_is_a_near_duplicate(seed_release: BuildReport) -> None:
    # 000 rewrites the PTI story of 001 (sources.yaml); 001 is dated, 000 is not, so
    # 001 is the original whichever file is read first.
    articles = {a["article_id"][:3]: a for a in _rows(seed_release, "articles")}
    assert articles["000"]["near_duplicate_of"] == "001_429613359d8e87e9"
    assert [a["near_duplicate_of"] for k, a in sorted(articles.items()) if k != "000"] == [None] * 4


def test_seed_strikes_of_16_and_18_january_are_one_incident_each(
    seed_release: BuildReport,
) -> None:
    incidents = [r for r in _rows(seed_release, "incidents") if r["type"] == "ASSAULT"]
    events = _events(seed_release)
    by_date = {r["date"]: r for r in incidents if r["date"]}
    every_seed = ["000", "001", "002", "003", "004"]

    iran = by_date["2024-01-16"]  # Iran's missiles and drones on Jaish al-Adl in Balochistan
    assert [a[:3] for a in iran["article_ids"]] == every_seed
    assert all({IRAN, TEHRAN} & set(events[k]["actors"]) for k in iran["event_ids"])
    assert iran["independent_sources"] == 4  # 000 rewrites 001
    # Pakistan: two children killed, three girls injured (004). 002 says the strikes "in
    # Pakistan" killed at least nine: the text garbles Pakistan's strikes of the 18th
    # (gold/002), so its figure stands here, unattributed, against Pakistan's two.
    used = {(c["article_id"][:3], c["claimant"], c["outcome"], c["count_min"])
            for c in iran["claims"] if c["used"]}  # fmt: skip
    assert used == {("004", PAKISTAN, "killed", 2), ("004", PAKISTAN, "injured", 3),
                    ("002", None, "killed", 9)}  # fmt: skip
    assert (iran["killed_low"], iran["killed_best"], iran["killed_high"]) == (2, 2, 9)
    assert (iran["injured_low"], iran["injured_best"], iran["injured_high"]) == (3, 3, 3)
    assert iran["figures_conflict"] is True
    # 002's unattributed "at least two" comes before its "at least nine" in the article.
    (earlier,) = [c for c in iran["claims"] if not c["used"]]
    assert (earlier["article_id"][:3], earlier["count_min"]) == ("002", 2)
    assert earlier["left_out"] == "superseded by a later total from the same claimant"

    pakistan = by_date["2024-01-18"]  # Pakistan's strikes in Sistan-Baluchestan, nine dead
    assert [a[:3] for a in pakistan["article_ids"]] == every_seed
    assert all(PAKISTAN in events[k]["actors"] for k in pakistan["event_ids"])
    assert pakistan["independent_sources"] == 4
    assert [(c["article_id"][:3], c["count_min"], c["used"]) for c in pakistan["claims"]] == [
        ("001", 9, True)
    ]
    assert (pakistan["killed_low"], pakistan["killed_best"], pakistan["killed_high"]) == (9, 9, 9)
    assert pakistan["figures_conflict"] is False
    for row in _rows(seed_release, "incidents"):
        IncidentRow.model_validate(row)


def test_a_recalled_incident_has_no_source_and_no_figures(seed_release: BuildReport) -> None:
    # 004 recalls Jaish al-Adl killing 11 police in December: listed, left out.
    (rask,) = [r for r in _rows(seed_release, "incidents") if r["date"] == "2023-12-15"]
    assert rask["independent_sources"] == 0
    assert [(c["count_min"], c["used"], c["left_out"]) for c in rask["claims"]] == [
        (11, False, "background mention")
    ]
    assert rask["killed_best"] is None


def test_every_seed_claim_names_the_incident_of_its_event(seed_release: BuildReport) -> None:
    incident_of = {k: r["incident_id"] for r in _rows(seed_release, "incidents")
                   for k in r["event_ids"]}  # fmt: skip
    claims = _rows(seed_release, "claims")
    for claim in claims:
        key = f"{claim['article_id']}/{claim['event_id']}"
        assert claim["incident_id"] == (incident_of[key] if claim["event_id"] else None)
    nine = [c for c in claims if c["article_id"].startswith("001")]
    assert [c["incident_id"][:18] for c in nine] == ["assault-2024-01-18"]


def test_the_flat_claims_config_carries_the_claim_flags(seed_release: BuildReport) -> None:
    table = pq.read_table(seed_release.release_dir / "claims" / PARQUET_NAME)
    for column in ("incident_id", "figure_span", "vague", "scope", "breakdown"):
        assert column in table.column_names
    assert set(table.column("scope").to_pylist()) == {"incident"}
    card = (seed_release.release_dir / "README.md").read_text("utf-8")
    claims_table = card[card.index("### `claims`") : card.index("### `incidents`")]
    for field in ("`incident_id`", "`figure_span`", "`vague`", "`scope`", "`breakdown`"):
        assert field in claims_table
    incidents_table = card[card.index("### `incidents`") :]
    assert "`claims[].left_out`" in incidents_table


def _claim(
    qualifier: str, low: int, high: int | None, claimant: str | None = None
) -> CasualtyClaim:
    base = article_data()["casualty_claims"][0]
    return CasualtyClaim.model_validate(
        base | {"qualifier": qualifier, "count_min": low, "count_max": high, "claimant": claimant}
    )


@pytest.mark.parametrize(
    ("claims", "expected"),
    [
        ([("exact", 9, 9)], (9, 9, 9)),
        ([("exact", 2, 2), ("at_least", 2, None), ("at_least", 9, None)], (2, 2, 9)),
        ([("at_least", 100, None), ("at_most", 0, 100)], (100, 100, 100)),
        ([("range", 10, 12), ("exact", 14, 14)], (10, 11, 14)),
        ([], (None, None, None)),
    ],
)
def test_low_best_high_rule(claims: list[tuple], expected: tuple) -> None:  # type: ignore[type-arg]
    assert low_best_high([_claim(*c) for c in claims]) == expected


def test_schema_file_for_incidents_is_checked_in() -> None:
    schema = Path(__file__).parents[1] / "schema" / "incidents.schema.json"
    assert "left_out" in schema.read_text("utf-8")
