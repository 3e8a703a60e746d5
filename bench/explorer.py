"""The explorer at 10,000 articles: writing it, and using it in headless Chromium.

A 10,000-article release is synthesized from the seed release (built first, in a
temporary folder): its rows are copied 2,000 times, each copy with new ids (`-k`
suffixes on articles, incidents, claims' article ids) and its dates moved k days
later, so incidents spread over five and a half years. Only the four configs the
explorer reads are written (Parquet, with the models' schemas). Then:

1. `write_explorer` on it: seconds, peak RSS growth, data files and their largest size;
2. the page in headless Chromium (/usr/bin/chromium, through playwright): first view
   (navigation to the timeline drawn and the tables filled), then each filter and click,
   each timed in the page up to the next painted frame.

Targets (issue 17): first view under 2 s, each interaction under 0.5 s. Prints, asserts
nothing. Run: .venv/bin/python bench/explorer.py [--copies 2000]
"""

import argparse
import datetime as dt
import json
import resource
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from newsevents.config import BuildConfig
from newsevents.explorer import write_explorer
from newsevents.release.assemble import build_release

ROOT = Path(__file__).resolve().parents[1]
CONFIGS = ("articles", "claims", "entities", "incidents")
DATE_FIELDS = ("date", "date_min", "date_max", "published_date", "event_date")


def _shift(row: dict[str, Any], days: int) -> None:
    for key in DATE_FIELDS:
        if isinstance(row.get(key), dt.date):
            row[key] = row[key] + dt.timedelta(days=days)
    for event in row.get("events") or []:
        for key in ("date", "date_start", "date_end"):
            if event.get(key) is not None:
                event[key] = event[key] + dt.timedelta(days=days)
    for claim in row.get("casualty_claims") or []:
        if claim.get("event_date") is not None:
            claim["event_date"] = claim["event_date"] + dt.timedelta(days=days)


def _copy(config: str, row: dict[str, Any], k: int) -> dict[str, Any]:
    row = json.loads(json.dumps(row, default=str))  # a deep copy, dates as strings
    row = _dates(row)
    _shift(row, k)
    suffix = f"-{k}"
    if config == "articles":
        row["article_id"] += suffix
        if row.get("near_duplicate_of"):
            row["near_duplicate_of"] += suffix
    elif config == "claims":
        row["article_id"] += suffix
        if row.get("incident_id"):
            row["incident_id"] += suffix
    elif config == "incidents":
        row["incident_id"] += suffix
        row["article_ids"] = [a + suffix for a in row["article_ids"]]
        row["event_ids"] = [e.replace("/", f"{suffix}/", 1) for e in row["event_ids"]]
        for claim in row["claims"]:
            claim["article_id"] += suffix
    elif config == "entities" and k:
        row["entity_id"] += suffix
        row["name"] += f" ({k})"
    return row


def _dates(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _dates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_dates(v) for v in value]
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return value
    return value


def synthesize(seed: Path, out: Path, copies: int) -> None:
    out.mkdir(parents=True)
    manifest = json.loads((seed / "manifest.json").read_text("utf-8"))
    for config in CONFIGS:
        table = pq.read_table(next((seed / config).glob("*.parquet")))
        rows = table.to_pylist()
        (out / config).mkdir()
        # 2 of every 100 copies add entities, as a corpus names new ones as it grows.
        ks = range(0, copies, 50) if config == "entities" else range(copies)
        with pq.ParquetWriter(out / config / "train-00000-of-00001.parquet", table.schema) as w:
            for k in ks:
                batch = [_copy(config, r, k) for r in rows]
                w.write_table(pa.Table.from_pylist(batch, schema=table.schema))
        manifest["counts"][config] = len(rows) * len(ks)
    manifest["version"] = f"bench-{copies}"
    (out / "manifest.json").write_text(json.dumps(manifest), "utf-8")


STEP = """async (action) => {
  const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const t = performance.now();
  await action();
  await frame();
  return performance.now() - t;
}"""

ACTIONS = {
    "filter type ASSAULT": "() => { document.querySelector('#f-type').value = 'ASSAULT'; "
    "return NEX.applyFilters(); }",
    "filter country Pakistan": "() => { document.querySelector('#f-actor').value = 'Q843'; "
    "return NEX.applyFilters(); }",
    "filter claimant Pakistan": "() => { document.querySelector('#f-actor').value = ''; "
    "document.querySelector('#f-type').value = ''; "
    "document.querySelector('#f-claimant').value = 'e:Q843'; return NEX.applyFilters(); }",
    "filter date range (one year)": "() => { document.querySelector('#f-claimant').value = ''; "
    "document.querySelector('#f-from').value = '2025-01-01'; "
    "document.querySelector('#f-to').value = '2025-12-31'; return NEX.applyFilters(); }",
    "reset filters": "() => NEX.resetFilters()",
    "open an incident (row click)": "() => { document.querySelector('tr.incident-row').click(); }",
    "click a figure (article page loads)": "() => { "
    "document.querySelector('#claims-by-claimant button.figure').click(); "
    "return new Promise((r) => { const w = () => document.querySelector('.evidence.focus') ? "
    "r() : setTimeout(w, 5); w(); }); }",
    "entities view": "() => NEX.showView('entities')",
    "entities search 'iran'": "() => { const i = document.querySelector('#entity-search'); "
    "i.value = 'iran'; i.dispatchEvent(new Event('input')); }",
    "map view": "() => NEX.showView('map')",
    "timeline view": "() => NEX.showView('timeline')",
}


def browse(index: Path) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", headless=True, args=["--no-sandbox"]
        )
        for attempt in (1, 2):
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            errors: list[str] = []
            page.on("pageerror", lambda e, errors=errors: errors.append(str(e)))
            page.on(
                "console",
                lambda m, errors=errors: errors.append(m.text) if m.type == "error" else None,
            )
            started = time.perf_counter()
            page.goto(index.as_uri())
            page.wait_for_selector("body[data-ready]", timeout=60_000)
            wall = time.perf_counter() - started
            first = page.evaluate("performance.now()")
            timings = page.evaluate("NEX.timings")
            print(
                f"first view, run {attempt}: {wall:.2f} s wall (goto to drawn), "
                f"{first / 1000:.2f} s in the page since navigation "
                f"(data files loaded and parsed at {timings['data'] / 1000:.2f} s, then "
                f"indexes {timings['indexes'] / 1000:.2f} s, tables by "
                f"{timings['tables'] / 1000:.2f} s, "
                f"chart drawn by {timings['first'] / 1000:.2f} s); "
                f"{page.evaluate('NEX.timelineMarks()')} marks"
            )
            if attempt == 2:
                for name, action in ACTIONS.items():
                    ms = page.evaluate(f"({STEP})({action})")
                    print(f"  {name:40s} {ms:7.0f} ms")
                page.screenshot(path=str(index.parent.parent / "bench-explorer.png"))
            print(f"  console errors: {errors or 'none'}")
            page.close()
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--copies", type=int, default=2000, help="copies of the 5 seed articles")
    parser.add_argument("--keep", type=Path, help="write the release and explorer here")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-explorer-"))
    try:
        seed = build_release(
            BuildConfig(input_dir=ROOT / "seeds", out_dir=work / "seed", version="seed")
        ).release_dir
        release = (args.keep or work) / "release"
        started = time.perf_counter()
        synthesize(seed, release, args.copies)
        counts = json.loads((release / "manifest.json").read_text())["counts"]
        print(
            f"synthetic release: {counts['articles']} articles, {counts['incidents']} incidents, "
            f"{counts['claims']} claims, {counts['entities']} entities "
            f"({time.perf_counter() - started:.1f} s)"
        )
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        started = time.perf_counter()
        summary = write_explorer(release, release / "explorer")
        seconds = time.perf_counter() - started
        grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss
        data = sorted((release / "explorer" / "data").glob("*.js"))
        sizes = [p.stat().st_size for p in data]
        eager = sum(s for p, s in zip(data, sizes, strict=True) if not p.name.startswith("texts"))
        print(
            f"write_explorer: {seconds:.1f} s, peak RSS grew {grown / 1024:.0f} MiB; "
            f"{len(data)} data files ({summary.pages}), largest {max(sizes) / 1e6:.2f} MB, "
            f"loaded with the page {eager / 1e6:.1f} MB, texts {(sum(sizes) - eager) / 1e6:.1f} MB"
        )
        browse(summary.index)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
