"""Our time-expression rules against dateparser, on the case table of the test suite.

The issue asked to compare dateparser (RELATIVE_BASE = the publication date,
PREFER_DATES_FROM by the clause's tense) with our own rules before deciding which
resolves expressions. Both read every case of tests/data/time_expressions.yaml; a
case is right when the first and last day and the granularity all match (a None
that the table expects counts as right). Prints figures per expression class;
asserts nothing. Run: .venv/bin/python bench/time_resolver.py
"""

import datetime as dt
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

import yaml

from newsevents.temporal.expressions import (
    TimeInterval,
    add_months,
    is_future,
    month_last_day,
    resolve_expression,
)

TABLE = Path(__file__).resolve().parents[1] / "tests" / "data" / "time_expressions.yaml"
_LEADING = re.compile(r"^(?:on|in|at|during|since|over)\s+", re.IGNORECASE)


def with_dateparser(case: dict[str, Any]) -> TimeInterval | None:
    """dateparser's reading: a point and its period (day, week, month, year)."""
    from dateparser.date import DateDataParser

    published = case.get("published")
    base = dt.datetime.combine(published or dt.date(2000, 1, 1), dt.time(12))
    future = is_future(case["expression"], case["sentence"])
    parser = DateDataParser(
        languages=["en"],
        settings={
            "RELATIVE_BASE": base,
            "PREFER_DATES_FROM": "future" if future else "past",
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )
    data = parser.get_date_data(_LEADING.sub("", case["expression"]))
    if data.date_obj is None:
        return None
    day, period = data.date_obj.date(), data.period or "day"
    if period == "week":
        monday = day - dt.timedelta(days=day.weekday())
        return TimeInterval(monday, monday + dt.timedelta(days=6), "week", "publication")
    if period == "month":
        year, month = add_months(day.year, day.month, 0)
        first = dt.date(year, month, 1)
        return TimeInterval(first, month_last_day(year, month), "month", "publication")
    if period == "year":
        return TimeInterval(
            dt.date(day.year, 1, 1), dt.date(day.year, 12, 31), "year", "publication"
        )
    return TimeInterval(day, day, "day", "publication")


def ours(case: dict[str, Any]) -> TimeInterval | None:
    return resolve_expression(
        case["expression"], case["sentence"], case.get("published"), case.get("previous")
    )


def right(got: TimeInterval | None, expect: dict[str, Any] | None) -> bool:
    if expect is None or got is None:
        return expect is None and got is None
    return (got.first, got.last, got.granularity) == (
        expect["first"],
        expect["last"],
        expect["granularity"],
    )


def main() -> None:
    cases = yaml.safe_load(TABLE.read_text("utf-8"))
    scores: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for case in cases:
        row = scores[case["class"]]
        row[0] += 1
        row[1] += right(ours(case), case["expect"])
        row[2] += right(with_dateparser(case), case["expect"])
    print(f"{'class':32} {'cases':>5} {'ours':>6} {'dateparser':>10}")
    for name, (n, a, b) in sorted(scores.items()):
        print(f"{name:32} {n:5} {a / n:6.2f} {b / n:10.2f}")
    total = [sum(r[i] for r in scores.values()) for i in range(3)]
    print(
        f"{'all':32} {total[0]:5} {total[1] / total[0]:6.3f} {total[2] / total[0]:10.3f}"
        f"   ({total[1]} and {total[2]} of {total[0]} right)"
    )


if __name__ == "__main__":
    main()
