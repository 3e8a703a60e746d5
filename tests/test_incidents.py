"""Near-duplicate articles and incidents clustered across articles."""

import json
from pathlib import Path

import pytest

from newsevents.pipeline.corpus.incidents import _figures, build_incidents
from newsevents.pipeline.corpus.near_duplicates import mark_near_duplicates
from newsevents.release.publish import BuildReport
from newsevents.schema import CasualtyClaim, IncidentRow

from .factories import article_data, make_article


def _rows(report: BuildReport, config: str) -> list[dict]:  # type: ignore[type-arg]
    path = report.release_dir / "jsonl" / f"{config}.jsonl"
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def test_seed_rewrite_is_a_near_duplicate(seed_release: BuildReport) -> None:
    articles = {a["article_id"][:3]: a for a in _rows(seed_release, "articles")}
    assert articles["001"]["near_duplicate_of"] == "000_05db8eedf180f2ed"
    assert [a["near_duplicate_of"] for k, a in sorted(articles.items()) if k != "001"] == [None] * 4


def test_seed_incidents_show_the_strikes_with_their_figures(seed_release: BuildReport) -> None:
    incidents = [r for r in _rows(seed_release, "incidents") if r["type"] == "ASSAULT"]
    by_date = {r["date"]: r for r in incidents}
    iran = by_date["2024-01-16"]  # Iran's strikes in Balochistan
    pakistan_figures = {
        (c["outcome"], c["count_min"]) for c in iran["claims"] if c["claimant"] == "Q843"
    }
    assert {("killed", 2), ("injured", 3)} <= pakistan_figures
    assert iran["killed_low"] == 2 and iran["injured_best"] == 3
    assert len(iran["article_ids"]) >= 3
    # The rewrite (000) and the PTI story it copies (001) count once.
    assert iran["independent_sources"] == len(iran["article_ids"]) - 1
    pakistan = by_date["2024-01-18"]  # Pakistan's strikes in Sistan-Baluchestan, nine dead
    assert "Q843" in pakistan["actors"]
    assert any(c["outcome"] == "killed" and c["count_min"] == 9 for c in pakistan["claims"])
    assert (pakistan["killed_low"], pakistan["killed_best"], pakistan["killed_high"]) == (9, 9, 9)
    assert len(pakistan["article_ids"]) >= 2
    for row in _rows(seed_release, "incidents"):
        IncidentRow.model_validate(row)


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
    assert _figures([_claim(*c) for c in claims]) == expected


def test_clustering_joins_reports_of_one_strike_and_keeps_others_apart() -> None:
    first = make_article()
    second = make_article(article_id="a2", source_file="a2.txt")
    other_day = article_data(article_id="a3", source_file="a3.txt")
    other_day["events"][0] |= {
        "date": "2024-01-19",
        "date_start": "2024-01-19",
        "date_end": "2024-01-19",
    }
    for claim in other_day["casualty_claims"]:
        claim["event_date"] = "2024-01-19"
    incidents = build_incidents([first, second, make_article(**other_day)])
    assert [r.article_ids for r in incidents] == [["a1", "a2"], ["a3"]]
    assert incidents[0].independent_sources == 2
    assert incidents[0].figures_conflict is False
    marked = mark_near_duplicates([first, second])
    assert marked[1].near_duplicate_of == "a1"  # identical text


def test_schema_file_for_incidents_is_checked_in() -> None:
    assert (Path(__file__).parents[1] / "schema" / "incidents.schema.json").is_file()


def test_an_article_recalling_the_incident_adds_no_source_and_no_figures() -> None:
    first = make_article()
    recalled = article_data(article_id="a2", source_file="a2.txt")
    recalled["events"][0] |= {"mention": "background"}
    for claim in recalled["casualty_claims"]:
        claim["count_min"] = claim["count_max"] = 500  # an explainer's round figure
    incidents = build_incidents([first, make_article(**recalled)])
    (incident,) = [r for r in incidents if "a2" in r.article_ids]
    assert incident.article_ids == ["a1", "a2"]  # both articles mention it
    assert incident.independent_sources == 1  # only one reports it as news
    assert all(c.count_min != 500 for c in incident.claims)
