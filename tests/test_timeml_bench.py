"""bench/timeml.py reads TimeML as TempEval-3 ships it and scores the resolver on it.

The corpora themselves are not in the repo; tests/data/timeml/sample.tml was written
for this test in their format.
"""

import datetime as dt
import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "tests" / "data" / "timeml"


def _bench():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("timeml_bench", ROOT / "bench" / "timeml.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_dates_are_read_with_their_sentence_and_the_creation_time() -> None:
    bench = _bench()
    gold = bench.read_document(SAMPLE / "sample.tml")
    # Six DATE expressions; the DCT and the DURATION are not among them.
    assert [g.text for g in gold] == ["Tuesday", "this week", "July 2019", "last year",
                                      "April", "now"]  # fmt: skip
    assert {g.dct for g in gold} == {dt.date(2021, 3, 11)}
    assert gold[0].sentence == "Rebels shelled the border town on Tuesday, officials said."
    assert gold[4].value == "2021-04"


def test_intervals_are_written_as_timeml_values() -> None:
    bench = _bench()
    from newsevents.temporal.expressions import TimeInterval

    def value(first: str, last: str, granularity: str) -> str:
        interval = TimeInterval(
            dt.date.fromisoformat(first), dt.date.fromisoformat(last), granularity, "publication"
        )  # type: ignore[arg-type]
        return bench.as_value(interval)

    assert value("2021-03-09", "2021-03-09", "day") == "2021-03-09"
    assert value("2021-03-08", "2021-03-14", "week") == "2021-W10"
    assert value("2021-03-13", "2021-03-14", "day") == "2021-W10-WE"
    assert value("2021-04-01", "2021-04-30", "month") == "2021-04"
    assert value("2021-04-01", "2021-06-30", "quarter") == "2021-Q2"
    assert value("2020-01-01", "2020-12-31", "year") == "2020"
    assert bench.as_value(None) is None


def test_the_bench_scores_the_sample(capsys) -> None:  # type: ignore[no-untyped-def]
    assert _bench().main([str(SAMPLE)]) == 0
    printed = capsys.readouterr().out
    # Everything but PRESENT_REF, which an interval cannot express, resolves right.
    assert "5 of     6" in printed
