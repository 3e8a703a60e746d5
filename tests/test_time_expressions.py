"""The time-expression resolver, case by case (tests/data/time_expressions.yaml).

Each case gives an expression, the sentence it stands in, a publication date (or
none) and, for expressions relative to another event, the previous event's date;
it expects the interval (first and last possible day), the granularity and whether
the expression spans a period, or null when nothing can be resolved. The table is the
place to read what the resolver does; the conventions are in
newsevents/temporal/expressions.py.
"""

import datetime as dt
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from newsevents.temporal.expressions import find_expressions, resolve_expression

TABLE = Path(__file__).parent / "data" / "time_expressions.yaml"
CASES: list[dict[str, Any]] = yaml.safe_load(TABLE.read_text("utf-8"))


def _id(case: dict[str, Any]) -> str:
    return f"{case['class']}:{case['expression']}@{case.get('published')}"


def test_the_table_covers_every_class_with_enough_cases() -> None:
    classes = Counter(case["class"] for case in CASES)
    assert len(CASES) >= 200
    assert len(classes) >= 30, sorted(classes)
    for case in CASES:
        assert case["expression"] in case["sentence"], _id(case)


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_resolve(case: dict[str, Any]) -> None:
    got = resolve_expression(
        case["expression"], case["sentence"], case.get("published"), case.get("previous")
    )
    expect = case["expect"]
    if expect is None:
        assert got is None, f"{case['sentence']!r}: expected nothing, got {got}"
        return
    assert got is not None, f"{case['sentence']!r}: expected {expect}, got nothing"
    assert (got.first, got.last, got.granularity) == (
        expect["first"],
        expect["last"],
        expect["granularity"],
    ), case["sentence"]
    assert got.period == expect.get("period", False), case["sentence"]


def test_a_relative_expression_needs_a_publication_date() -> None:
    for words in ("on Tuesday", "yesterday", "last year", "in March", "two weeks ago"):
        assert resolve_expression(words, f"It happened {words}.", None) is None
    absolute = resolve_expression("Jan. 16, 2024", "Strikes hit on Jan. 16, 2024.", None)
    assert absolute is not None and absolute.resolution == "absolute"


def test_resolution_says_how_the_expression_was_read() -> None:
    published = dt.date(2023, 5, 10)
    cases = {
        "on 3 May 2023": "absolute",
        "on Monday": "publication",
        "two days later": "event",
    }
    for words, resolution in cases.items():
        got = resolve_expression(words, f"Troops moved {words}.", published, dt.date(2023, 5, 1))
        assert got is not None and got.resolution == resolution, words


def test_find_expressions_reads_one_text_in_one_pass() -> None:
    text = (
        "KYIV, March 4 (Reuters) - Drones struck a power plant late Monday, two days after "
        "the March 1 talks collapsed. Shelling has killed 40 people since January, and "
        "officials said the talks would resume next week. The last ceasefire, agreed on "
        "July 27, 2022, broke down three weeks later."
    )
    found = [m.text for m in find_expressions(text)]
    for words in ("March 4", "late Monday", "two days after the March 1", "since January",
                  "next week", "July 27, 2022", "three weeks later"):  # fmt: skip
        assert words in found, (words, found)
    for mention in find_expressions(text):
        assert text[mention.start : mention.end].strip() == mention.text


def test_an_abbreviated_months_stop_ends_no_sentence() -> None:
    from newsevents.temporal.expressions import SENTENCE_BREAK

    text = "Strikes on the night of Dec. 24 killed 40. Talks resume on Jan. 5. They failed."
    assert SENTENCE_BREAK.split(text) == [
        "Strikes on the night of Dec. 24 killed 40.",
        "Talks resume on Jan. 5.",
        "They failed.",
    ]


def test_a_day_of_last_year_is_one_expression() -> None:
    # Read as "29 June" and "last year" apart, the event took the year, or the month.
    text = "On 29 June last year, bombers struck. On March 3 this year, gunmen returned."
    found = [m.text for m in find_expressions(text)]
    assert found == ["29 June last year", "March 3 this year"]


def test_normalize_text_resolves_every_expression_in_one_pass() -> None:
    from newsevents.temporal.expressions import normalize_text

    text = (
        "Militants stormed a prison on Sunday. Two days later, troops retook it.\n"
        "Talks will resume next week, and a ceasefire has held since October."
    )
    got = {r.mention.text: r.interval for r in normalize_text(text, dt.date(2023, 11, 15))}
    sunday, later = got["Sunday"], got["Two days later"]
    assert sunday is not None and sunday.first == dt.date(2023, 11, 12)
    assert later is not None and later.first == dt.date(2023, 11, 14)
    assert later.resolution == "event"
    week = got["next week"]
    assert week is not None and (week.first, week.last) == (dt.date(2023, 11, 20),
                                                            dt.date(2023, 11, 26))  # fmt: skip
    since = got["since October"]
    assert since is not None and since.period and since.first == dt.date(2023, 10, 1)
    for item in normalize_text(text, None):
        assert text[item.mention.start : item.mention.end] == item.mention.text


@pytest.mark.parametrize(
    ("exact", "hedged"),
    [
        ("two weeks after the January 3 bombings",
         "less than two weeks after the January 3 bombings"),
        ("a week later", "nearly a week later"),
        ("three weeks later", "about three weeks later"),
    ],
)  # fmt: skip
def test_a_hedged_shift_of_weeks_gives_no_day(exact: str, hedged: str) -> None:
    published, previous = dt.date(2024, 1, 30), dt.date(2024, 1, 3)
    counted = resolve_expression(exact, exact, published, previous)
    assert counted is not None and counted.granularity == "day"
    # No day counted (a named date inside it may still be read as itself).
    got = resolve_expression(hedged, hedged, published, previous)
    assert got is None or got.first != counted.first
    # A hedged shift of days is counted as told.
    days = resolve_expression("less than two days after", "", published, previous)
    assert days is not None and days.first == dt.date(2024, 1, 5)
