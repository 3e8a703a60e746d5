"""The resolver on TimeML corpora: TempEval-3's TimeBank, AQUAINT and platinum sets.

In TimeML each date expression (TIMEX3 type="DATE") carries its normalized value and
each document its creation time (the DCT). Given the expression, its sentence and
the DCT, `resolve_expression` gives an interval and a granularity; this script writes
that as a TimeML value (1998-02-13, 1998-W07, 1998-W07-WE, 1998-02, 1998-Q1, 1998)
and counts exact matches, overall and by the gold value's granularity. Values our
intervals cannot express (PRESENT_REF, PAST_REF, FUTURE_REF, seasons, decades,
partial values with X) stay in the denominator and are also reported apart.

The corpora are not shipped (licence: they are LDC-derived; fetch TempEval-3's
TBAQ-cleaned and te3-platinum yourself). Prints figures; asserts nothing.
Run: .venv/bin/python bench/timeml.py FOLDER [FOLDER ...] [--misses N]
"""

import argparse
import datetime as dt
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from newsevents.temporal.expressions import TimeInterval, resolve_expression

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”']?\s+(?=[\"“']?[A-Z0-9])|\n\s*\n")


@dataclass(frozen=True)
class GoldDate:
    document: str
    text: str
    value: str
    sentence: str
    dct: dt.date


def read_document(path: Path) -> list[GoldDate]:
    """The DATE expressions of one .tml file, with their sentence and the DCT."""
    root = ET.parse(path).getroot()
    dct_timex = root.find("./DCT/TIMEX3")
    if dct_timex is None:
        dct_timex = next(
            (t for t in root.iter("TIMEX3") if t.get("functionInDocument") == "CREATION_TIME"),
            None,
        )
    if dct_timex is None or not re.match(r"\d{4}-\d{2}-\d{2}", dct_timex.get("value", "")):
        return []
    dct = dt.date.fromisoformat(dct_timex.get("value", "")[:10])
    body = root.find("TEXT")
    if body is None:
        return []
    pieces: list[str] = []
    spans: list[tuple[int, int, ET.Element]] = []

    def walk(element: ET.Element) -> None:
        pieces.append(element.text or "")
        for child in element:
            start = sum(len(p) for p in pieces)
            walk(child)
            if child.tag == "TIMEX3":
                spans.append((start, sum(len(p) for p in pieces), child))
            pieces.append(child.tail or "")

    walk(body)
    plain = "".join(pieces)
    bounds = [0] + [m.end() for m in _SENTENCE_END.finditer(plain)] + [len(plain)]
    found = []
    for start, end, timex in spans:
        if timex.get("type") != "DATE" or timex.get("functionInDocument") == "CREATION_TIME":
            continue
        first = max(b for b in bounds if b <= start)
        last = min(b for b in bounds if b >= end)
        sentence = " ".join(plain[first:last].split())
        text = " ".join(plain[start:end].split())
        found.append(GoldDate(path.stem, text, timex.get("value", ""), sentence, dct))
    return found


def as_value(interval: TimeInterval | None) -> str | None:
    """Our interval as a TimeML value."""
    if interval is None:
        return None
    first, last = interval.first, interval.last
    if interval.granularity == "day":
        if interval.days == 2 and first.weekday() == 5:
            year, week, _ = first.isocalendar()
            return f"{year}-W{week:02d}-WE"
        return last.isoformat() if interval.days > 1 else first.isoformat()
    if interval.granularity == "week":
        year, week, _ = first.isocalendar()
        return f"{year}-W{week:02d}"
    if interval.granularity == "month":
        return f"{first.year}-{first.month:02d}"
    if interval.granularity == "quarter":
        return f"{first.year}-Q{(first.month - 1) // 3 + 1}"
    return f"{first.year}"


def gold_kind(value: str) -> str:
    if value.endswith("_REF"):
        return "ref"
    if "X" in value:
        return "partial"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return "day"
    if re.fullmatch(r"\d{4}-W\d{2}(-WE)?", value):
        return "week"
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return "month"
    if re.fullmatch(r"\d{4}-Q\d", value):
        return "quarter"
    if re.fullmatch(r"\d{4}", value):
        return "year"
    return "other"  # seasons (1998-SU), half years, decades (199), times


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--misses", type=int, default=0, help="print this many misses")
    args = parser.parse_args(argv)
    for folder in args.folders:
        files = sorted(folder.rglob("*.tml"))
        if not files:
            print(f"{folder}: no .tml files", file=sys.stderr)
            return 2
        gold = [g for path in files for g in read_document(path)]
        right: Counter[str] = Counter()
        total: Counter[str] = Counter()
        misses = []
        for item in gold:
            kind = gold_kind(item.value)
            got = as_value(resolve_expression(item.text, item.sentence, item.dct))
            total[kind] += 1
            if got == item.value:
                right[kind] += 1
            else:
                misses.append((item, got))
        n, ok = sum(total.values()), sum(right.values())
        print(f"{folder}: {len(files)} documents, {n} date values")
        print(f"  all            {ok:5} of {n:5}  {ok / max(n, 1):.3f}")
        for kind in sorted(total):
            share = right[kind] / total[kind]
            print(f"  {kind:14} {right[kind]:5} of {total[kind]:5}  {share:.3f}")
        for item, got in misses[: args.misses]:
            print(f"    {item.document}: {item.text!r} gold {item.value} got {got} | {item.dct}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
