"""`eval` follows ../shared/eval/README.md; numbers below are worked out by hand."""

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml

from newsevents.config import BuildConfig
from newsevents.evaluate import (
    GoldArticle,
    Report,
    evaluate,
    evaluate_release,
    headline_figures,
    load_gold,
    normalize,
)
from newsevents.release.assemble import BuildReport, build_release
from newsevents.release.card import ACCURACY_FILE
from newsevents.schema import Article

from .conftest import DEV, GOLD
from .factories import TEXT, article_data, span

GOLD_A1 = {
    "file": "a1.txt",
    "published_date": dt.date(2024, 1, 17),
    "outlet": "Dawn News",
    "outlet_aliases": ["Dawn"],
    "agency": "AFP",
    "dateline": "Islamabad",
    "entities": [
        {"name": "Pakistan", "type": "COUNTRY"},
        {"name": "Iran", "type": "COUNTRY"},
        {"name": "Balochistan", "type": "COUNTRY"},  # the prediction says LOCATION
        {"name": "Sistan and Baluchestan", "type": "LOCATION"},  # not predicted: a miss
        {"name": "Tehran", "type": "LOCATION", "optional": True},
    ],
    "events": [
        {"type": ["ASSAULT"], "date": dt.date(2024, 1, 16)},
        {"type": ["ACCUSE", "REJECT"], "date": dt.date(2024, 1, 17)},  # a miss
        {"type": ["CONSULT"], "date": None, "optional": True},
    ],
    "claims": [
        {"outcome": "killed", "count_min": 2, "count_max": 2, "claimant": ["Pakistan"],
         "event_date": dt.date(2024, 1, 16)},
        {"outcome": "injured", "count_min": 3, "count_max": 3, "claimant": [],
         "event_date": None},  # prediction: claimant Pakistan, date 16 Jan -> both wrong
        {"outcome": "killed", "count_min": 9, "count_max": None, "qualifier": "at_least",
         "optional": True},
        {"outcome": "killed", "count_min": 11, "count_max": 11},  # a miss
    ],
}  # fmt: skip
GOLD_MISSING = {
    "file": "missing.txt",
    "entities": [{"name": "Iran", "type": "COUNTRY"}, {"name": "X", "type": "ORGANIZATION",
                                                        "optional": True}],
}  # fmt: skip


def _prediction(reverse: bool = False) -> Article:
    data = article_data()
    extra = {
        "claim_id": "c3", "outcome": "missing", "count_min": 1, "count_max": 1,
        "qualifier": "exact", "figure_span": span(TEXT, "two"), "victims": None,
        "victim_group": "civilians", "claimant": None, "claimant_text": None,
        "stance": "asserted", "event_id": None, "event_date": None,
        "evidence": span(TEXT, "Pakistan said"),
    }  # fmt: skip
    data["casualty_claims"].append(extra)
    if reverse:
        for key in ("entities", "events", "casualty_claims"):
            data[key].reverse()
    return Article.model_validate(data)


def _gold() -> list[GoldArticle]:
    return [GoldArticle.model_validate(GOLD_A1), GoldArticle.model_validate(GOLD_MISSING)]


def test_hand_computed_scores() -> None:
    report = evaluate([_prediction()], _gold()).as_dict()
    ents, events, claims = (report["scores"][k] for k in ("entities", "events", "claims"))
    # Entities: 3 matched of 4 required in a1, plus 1 required in the missing article.
    assert (ents["tp"], ents["fp"], ents["fn"]) == (3, 0, 2)
    assert (ents["precision"], ents["recall"]) == (1.0, 0.6)
    assert ents["f1"] == pytest.approx(0.75)
    assert (events["tp"], events["fp"], events["fn"]) == (1, 0, 1)
    assert events["f1"] == pytest.approx(2 / 3)
    # Claims: killed 2 and injured 3 match; "missing 1" is a false positive.
    assert (claims["tp"], claims["fp"], claims["fn"]) == (2, 1, 1)
    assert claims["precision"] == pytest.approx(2 / 3) and claims["recall"] == pytest.approx(2 / 3)
    acc = {k: (v["right"], v["total"]) for k, v in report["accuracies"].items()}
    assert acc == {
        "entity_type": (2, 3), "event_date": (1, 1), "event_date_no_calendar": (1, 1),
        "claimant": (1, 2), "claim_event_date": (1, 2), "claim_event_date_no_calendar": (1, 2),
        "published_date": (1, 1), "outlet": (1, 1), "agency": (0, 1), "dateline": (1, 1),
    }  # fmt: skip
    assert report["gold_without_article"] == ["missing.txt"]
    # The prediction's date is curated and right.
    assert report["published_date_by_provenance"] == {
        "curated": {"right": 1, "total": 1, "accuracy": 1.0}
    }


def test_publication_date_accuracy_by_provenance() -> None:
    wrong = Article.model_validate(
        article_data(article_id="b", source_file="b.txt", published_date=dt.date(2024, 1, 18),
                     published_date_provenance="url")
    )  # fmt: skip
    undated = Article.model_validate(
        article_data(article_id="c", source_file="c.txt", published_date=None,
                     published_date_provenance="none")
    )  # fmt: skip
    gold = [GoldArticle.model_validate({**GOLD_A1, "file": name}) for name in ("b.txt", "c.txt")]
    report = evaluate([wrong, undated], gold)
    counts = {k: (a.right, a.total) for k, a in report.published_date_by_provenance.items()}
    assert counts == {"url": (0, 1), "none": (0, 1)}
    assert "b.txt: published_date: 2024-01-18 (url), gold 2024-01-17" in report.errors


def test_order_of_predictions_does_not_change_the_score() -> None:
    assert evaluate([_prediction()], _gold()) == evaluate([_prediction(reverse=True)], _gold())


def test_optional_match_is_not_a_false_positive() -> None:
    gold = GoldArticle.model_validate(
        GOLD_A1 | {"claims": [{"outcome": "missing", "count_min": 1, "count_max": 1,
                               "optional": True}]}
    )  # fmt: skip
    claims = evaluate([_prediction()], [gold]).scores["claims"]
    # c3 matches the optional item; c1 and c2 match nothing: 2 false positives.
    assert (claims.tp, claims.fp, claims.fn) == (0, 2, 0)


def test_at_most_compares_count_max_only() -> None:
    data = article_data()
    data["casualty_claims"] = [
        data["casualty_claims"][0]
        | {"count_min": 0, "count_max": 100, "qualifier": "at_most", "event_id": None,
           "event_date": None, "date_source": "none"}
    ]  # fmt: skip
    gold = GoldArticle.model_validate(
        {"file": "a1.txt", "claims": [{"outcome": "killed", "count_min": 0, "count_max": 100,
                                       "qualifier": "at_most"}]}
    )  # fmt: skip
    assert evaluate([Article.model_validate(data)], [gold]).scores["claims"].tp == 1


def test_a_claimant_outside_the_entities_is_scored_by_its_words() -> None:
    """ "according to local activists": no entity, but the claim is attributed (here
    the words "Pakistan" left unlinked)."""
    data = article_data()
    data["casualty_claims"] = [data["casualty_claims"][0] | {"claimant": None}]
    prediction = Article.model_validate(data)

    def claimant_right(gold_claimant: list[str]) -> int:
        gold = GoldArticle.model_validate(
            {"file": "a1.txt", "claims": [{"outcome": "killed", "count_min": 2, "count_max": 2,
                                           "claimant": gold_claimant}]}
        )  # fmt: skip
        return evaluate([prediction], [gold]).accuracies["claimant"].right

    assert claimant_right(["Pakistan", "Wad Madani Resistance Committee"]) == 1
    assert claimant_right([]) == 0  # attributed, where gold says unattributed


@pytest.mark.parametrize(
    ("a", "b"),
    [("Amir-Abdollahian", "Amirabdollahian"), ("The Express Tribune", "express tribune"),
     ("Sistan-Baluchestan", "Sistan Baluchestan"), ("Kanaanī", "kanaani")],
)  # fmt: skip
def test_normalize(a: str, b: str) -> None:
    assert normalize(a) == normalize(b)


def test_seed_gold_files_are_valid_and_cover_the_seeds() -> None:
    gold = load_gold([GOLD])
    assert sorted(g.file for g in gold) == [
        "000_05db8eedf180f2ed.txt", "001_429613359d8e87e9.txt", "002_78899e4275e58e70.txt",
        "003_89c3de90ed6096f9.txt", "004_12d3afc6d6242718.txt",
    ]  # fmt: skip
    for item in gold:
        text = (GOLD.parent / "seeds" / item.file).read_text("utf-8")
        for claim in item.claims:
            assert claim.model_extra and claim.model_extra["evidence"] in text


def assert_extraction_targets(report: Report) -> None:
    """The targets of issues 3 to 5, held on the seeds and on the dev set."""
    assert report.accuracies["entity_type"].value >= 0.90  # type: ignore[operator]
    assert report.scores["events"].f1 >= 0.75  # type: ignore[operator]
    assert report.scores["claims"].f1 >= 0.92  # type: ignore[operator]
    assert report.accuracies["claimant"].value >= 0.85  # type: ignore[operator]
    assert report.accuracies["claim_event_date"].value >= 0.80  # type: ignore[operator]


def test_seed_release_metadata_against_seed_gold(seed_release: BuildReport) -> None:
    report = evaluate_release(seed_release.release_dir, [GOLD])
    assert report.articles_scored == 5
    for key in ("published_date", "outlet", "agency", "dateline"):
        assert report.accuracies[key].value == 1.0, key
    assert report.scores["entities"].f1 >= 0.90  # type: ignore[operator]
    assert_extraction_targets(report)


def test_eval_runs_against_the_dev_set(dev_dir: Path, tmp_path: Path) -> None:
    report = build_release(BuildConfig(input_dir=dev_dir, out_dir=tmp_path, version="dev"))
    assert report.manifest.counts["articles"] == 8
    scores = evaluate_release(report.release_dir, [dev_dir / "gold"])
    assert scores.articles_scored == 8 and scores.gold_without_article == []
    assert scores.accuracies["outlet"].value == 1.0
    assert scores.accuracies["agency"].value == 1.0
    assert scores.accuracies["dateline"].value == 1.0
    # Entity target of issue 3 on articles from other outlets and conflicts.
    assert scores.scores["entities"].f1 >= 0.85
    # Five required dev events are dated only by weekday in articles without a
    # publication date: the calendar of known incidents dates them.
    assert_extraction_targets(scores)
    assert scores.accuracies["event_date"].value >= 0.80  # type: ignore[operator]
    assert scores.event_dates["all"].as_dict()["wrong_among_dated"] <= 0.10


# The dataset card quotes release/accuracy.json: `bench/accuracy.py` rewrites it.
STALE = "release/accuracy.json is stale: run .venv/bin/python bench/accuracy.py"


def test_accuracy_file_holds_the_seed_figures(seed_release: BuildReport) -> None:
    figures = headline_figures(evaluate_release(seed_release.release_dir, [GOLD]))
    assert json.loads(ACCURACY_FILE.read_text("utf-8"))["seeds"] == figures, STALE


@pytest.mark.parametrize("name", ["dev", "dev-synth"])
def test_accuracy_file_holds_the_development_figures(name: str, tmp_path: Path) -> None:
    folder = DEV.parent / name
    if not folder.is_dir():
        pytest.skip(f"the development set {folder} is absent (it sits beside the repo in CI)")
    report = build_release(BuildConfig(input_dir=folder, out_dir=tmp_path, version="acc"))
    scores = evaluate_release(report.release_dir, [folder / "gold"])
    assert json.loads(ACCURACY_FILE.read_text("utf-8"))[name] == headline_figures(scores), STALE
    if name == "dev-synth":
        # Issue 12's targets on articles in other outlets' styles: dated events, and few
        # wrong dates among them (a wrong date misleads more than a blank).
        assert scores.scores["events"].f1 >= 0.70  # type: ignore[operator]
        assert scores.event_dates["all"].as_dict()["wrong_among_dated"] <= 0.10
        # 0.758 over 91 claims when issue 12 closed; issue 13 recalls 15 more, harder
        # ones (hospital counts, bodies), most of them dated right.
        assert scores.accuracies["claim_event_date"].value >= 0.74  # type: ignore[operator]
        # Issue 13's targets for claims.
        assert scores.scores["claims"].f1 >= 0.92  # type: ignore[operator]
        assert scores.accuracies["claimant"].value >= 0.85  # type: ignore[operator]


def test_the_card_quotes_the_accuracy_file(seed_release: BuildReport) -> None:
    card = (seed_release.release_dir / "README.md").read_text("utf-8")
    figures = json.loads(ACCURACY_FILE.read_text("utf-8"))
    assert f"| events F1 (type and date) | {figures['seeds']['events_f1']:.3f} |" in card
    assert "dev-synth (24)" in card or "dev-synth" not in figures


def test_invalid_gold_file_is_a_user_error(tmp_path: Path) -> None:
    from newsevents.errors import UserError

    (tmp_path / "bad.yaml").write_text(yaml.safe_dump({"entities": []}))
    with pytest.raises(UserError, match=r"E007.*bad.yaml is invalid"):
        load_gold([tmp_path])
    with pytest.raises(UserError, match=r"E006"):
        load_gold([tmp_path / "none"])


def test_event_dates_are_tallied_by_source_with_and_without_the_calendar() -> None:
    data = article_data()
    week = {"date": dt.date(2024, 1, 15), "date_precision": "week",
            "date_start": dt.date(2024, 1, 15), "date_end": dt.date(2024, 1, 21),
            "date_source": "calendar"}  # fmt: skip
    data["events"][0] |= week
    for claim in data["casualty_claims"]:
        claim |= {"event_date": dt.date(2024, 1, 15), "date_source": "calendar"}
    gold = GoldArticle.model_validate(
        {"file": "a1.txt", "events": [{"type": ["ASSAULT"], "date": dt.date(2024, 1, 16)}]}
    )
    report = evaluate([Article.model_validate(data)], [gold])
    tally = report.event_dates["calendar"].as_dict()
    # The week holds the gold day: not exact, not wrong, inside.
    assert (tally["pairs"], tally["exact_share"], tally["wrong_among_dated"]) == (1, 0.0, 0.0)
    assert tally["inside_among_dated"] == 1.0
    assert report.accuracies["event_date"].value == 0.0
    assert report.accuracies["event_date_no_calendar"].value == 0.0  # a blank is no better
    gold.events[0].date_optional = True
    report = evaluate([Article.model_validate(data)], [gold])
    assert report.accuracies["event_date_no_calendar"].value == 1.0


def test_details_name_a_missed_events_summary_and_a_false_positives_trigger() -> None:
    gold = GoldArticle.model_validate(
        GOLD_A1 | {"events": [{"type": ["CONSULT"], "date": None,
                               "summary": "envoys met in Doha"}]}
    )  # fmt: skip
    errors = evaluate([_prediction()], [gold]).errors
    assert any("miss: type=['CONSULT'] (envoys met in Doha)" in e for e in errors), errors
    assert any("false positive: type=" in e and "trigger=" in e for e in errors), errors
