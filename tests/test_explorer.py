"""The explorer's data and files (tests/test_explorer_browser.py drives the page) and
the card's timeline figure."""

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsevents.cli import app
from newsevents.errors import UserError
from newsevents.explorer import EXPLORER_FOLDER, explore_release, write_explorer
from newsevents.explorer.assets import VENDOR_FILES, WORLD_SCRIPT
from newsevents.explorer.pages import PagedWriter, compact, to_json
from newsevents.explorer.records import (
    article_text_record,
    has_coordinates,
    incident_precision,
    incident_record,
    map_point,
)
from newsevents.release.assemble import BuildReport
from newsevents.release.hub import plan_publication
from newsevents.release.timeline_figure import TIMELINE_PNG, write_timeline_figure

runner = CliRunner()
D = dt.date


def _incident(**fields: object) -> dict[str, object]:
    row: dict[str, object] = {
        "incident_id": "assault-2024-01-16-abc", "type": "ASSAULT", "mode": "aerial",
        "date": D(2024, 1, 16), "date_min": D(2024, 1, 16), "date_max": D(2024, 1, 16),
        "actors": ["Q794"], "locations": ["Q843"], "article_ids": ["a1"], "event_ids": ["a1/ev1"],
        "independent_sources": 1, "claims": [], "killed_low": 2, "killed_best": 2,
        "killed_high": 9, "injured_low": None, "injured_best": None, "injured_high": None,
        "figures_conflict": True,
    }  # fmt: skip
    return row | fields


def test_precision_of_an_incident_follows_its_interval() -> None:
    assert incident_precision(_incident()) == "day"
    week = _incident(date=None, date_min=D(2024, 1, 15), date_max=D(2024, 1, 21))
    month = _incident(date=None, date_min=D(2024, 1, 1), date_max=D(2024, 1, 31))
    decade = _incident(date=None, date_min=D(2024, 3, 1), date_max=D(2024, 3, 10))
    year = _incident(date=None, date_min=D(2024, 1, 1), date_max=D(2024, 12, 31))
    assert [incident_precision(r) for r in (week, month, decade, year)] == [
        "week", "month", "month", "year",
    ]  # fmt: skip
    assert incident_precision(_incident(date=None, date_min=None, date_max=None)) is None


def test_map_points_come_from_the_geocoding_columns() -> None:
    """Rows as the geocoding step (issue 16) writes them: latitude, longitude, where_prec."""
    geocoded = _incident(
        latitude=27.0, longitude=62.9, geo_precision=2, country_iso3="IRN", admin1="Sistan",
        admin2=None, geonames_id=1159456, geo_place="Q12345", geo_method="gazetteer",
        geo_ambiguous=False,
    )  # fmt: skip
    record = incident_record(geocoded)
    assert record["point"] == {
        "lat": 27.0, "lon": 62.9, "geo_precision": 2, "country_iso3": "IRN",
    }  # fmt: skip
    assert has_coordinates(list(geocoded)) is True
    # A release without the columns, a row without a place, a coordinate out of range.
    assert has_coordinates(list(_incident())) is False
    assert "point" not in incident_record(_incident())
    assert map_point(_incident(latitude=None, longitude=None, geo_precision=None)) is None
    assert map_point(_incident(latitude=95.0, longitude=10.0)) is None
    assert json.dumps(record, default=str)  # JSON-ready


def test_article_text_record_places_triggers_in_their_sentence() -> None:
    text = "Strike kills two\n\nA drone strike killed two people, police said."
    evidence = {"start": 18, "end": len(text), "text": text[18:]}
    row = {
        "article_id": "a1", "title": "Strike kills two", "text": text, "source": {},
        "entities": [{"entity_id": "police", "mentions": [{"start": 52, "end": 58}]}],
        "events": [
            {"event_id": "ev1", "type": "ASSAULT", "trigger": "strike", "evidence": evidence}
        ],
        "casualty_claims": [{"claim_id": "c1", "evidence": evidence,
                             "figure_span": {"start": 40, "end": 43, "text": "two"}}],
    }  # fmt: skip
    record = article_text_record(row)
    start, end = record["events"][0][2:4]
    assert text[start:end] == "strike"
    assert record["claims"] == [(18, len(text), 40, 43, "c1")]
    assert record["mentions"] == [(52, 58, "police")]
    # The page holds each span as a JSON list.
    on_page = json.loads(to_json(compact(record)))
    assert on_page["claims"] == [[18, len(text), 40, 43, "c1"]]
    assert on_page["mentions"] == [[52, 58, "police"]]


def test_pages_are_bounded_and_numbered(tmp_path: Path) -> None:
    writer = PagedWriter(tmp_path, "texts", max_bytes=250)
    pages = [writer.add({"id": str(i), "text": "x" * 80}) for i in range(5)]
    names = writer.close()
    assert pages == [1, 1, 2, 2, 3] and names == ["texts-0001.js", "texts-0002.js", "texts-0003.js"]
    first = (tmp_path / names[0]).read_text("utf-8")
    assert first.startswith('NEX.add("texts",1,JSON.parse("')
    assert all((tmp_path / n).stat().st_size < 450 for n in names)


def test_build_writes_the_explorer_and_the_figure(seed_release: BuildReport) -> None:
    root = seed_release.release_dir
    page = root / EXPLORER_FOLDER / "index.html"
    assert page.is_file()
    sums = (root / "SHA256SUMS").read_text("utf-8")
    for rel in ("explorer/index.html", "explorer/explorer.js", "explorer/data/texts-0001.js",
                f"explorer/vendor/{WORLD_SCRIPT}", TIMELINE_PNG):  # fmt: skip
        assert f"  {rel}\n" in sums
    for name in VENDOR_FILES:  # every library with its licence
        assert (root / EXPLORER_FOLDER / "vendor" / name).is_file()
    html = page.read_text("utf-8")
    # Nothing is loaded from another host: every src and href is relative (or data:).
    refs = [r.split('"')[0] for r in html.split('src="')[1:] + html.split('href="')[1:]]
    assert refs and all(not r.startswith(("http:", "https:", "//")) for r in refs)
    card = (root / "README.md").read_text("utf-8")
    assert "](images/timeline.png)" in card and "`explorer/index.html`" in card
    png = (root / TIMELINE_PNG).read_bytes()
    assert png.startswith(b"\x89PNG") and b"Software" not in png and b"matplotlib" not in png


def test_explorer_data_match_the_release(seed_release: BuildReport, tmp_path: Path) -> None:
    summary = write_explorer(seed_release.release_dir, tmp_path / "x")
    counts = json.loads((seed_release.release_dir / "manifest.json").read_text())["counts"]
    for config in ("incidents", "claims", "entities", "articles"):
        assert summary.records[config] == counts[config]
    incidents = [
        json.loads(line)
        for line in (seed_release.release_dir / "jsonl" / "incidents.jsonl")
        .read_text()
        .splitlines()
    ]
    mapped = [i for i in incidents if i["latitude"] is not None]
    assert mapped and summary.points == len(mapped)  # every incident with a point, on the map


def test_timeline_figure_is_byte_identical(seed_release: BuildReport, tmp_path: Path) -> None:
    one = write_timeline_figure(seed_release.release_dir, tmp_path / "one.png")
    two = write_timeline_figure(seed_release.release_dir, tmp_path / "two.png")
    assert one.read_bytes() == two.read_bytes()
    assert one.read_bytes() == (seed_release.release_dir / TIMELINE_PNG).read_bytes()


def test_explore_command_writes_beside_the_release(
    seed_release: BuildReport, tmp_path: Path
) -> None:
    out = tmp_path / "page"
    result = runner.invoke(app, ["explore", str(seed_release.release_dir), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"explorer: {(out / 'index.html').resolve().as_uri()}")
    shipped = seed_release.release_dir / EXPLORER_FOLDER
    for path in shipped.rglob("*"):  # the same bytes as the build's
        if path.is_file():
            assert (out / path.relative_to(shipped)).read_bytes() == path.read_bytes()
    again = runner.invoke(app, ["explore", str(seed_release.release_dir), "--out", str(out)])
    assert again.exit_code == 0  # an explorer written before is replaced


def test_explore_refusals(seed_release: BuildReport, tmp_path: Path) -> None:
    release = seed_release.release_dir
    with pytest.raises(UserError, match=r"\[E045\]"):
        explore_release(tmp_path, tmp_path / "x")
    (tmp_path / "file").write_text("x")
    with pytest.raises(UserError, match=r"\[E046\]"):
        explore_release(release, tmp_path / "file")
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "notes.txt").write_text("mine")
    with pytest.raises(UserError, match=r"\[E047\]"):
        explore_release(release, tmp_path / "other")
    with pytest.raises(UserError, match=r"\[E048\]"):
        explore_release(release, release / "mine")
    result = runner.invoke(app, ["explore", str(tmp_path)])
    assert result.exit_code == 1 and "[E045]" in result.output


def test_publication_carries_the_explorer_and_the_figure(seed_release: BuildReport) -> None:
    plan = plan_publication(seed_release.release_dir, "org/name", private=True)
    paths = {f.path_in_repo for f in plan.files}
    assert {"explorer/index.html", TIMELINE_PNG} <= paths


def test_records_from_the_columns_read_equal_records_from_whole_rows(
    seed_release: BuildReport,
) -> None:
    import pyarrow.parquet as pq

    from newsevents.explorer.records import article_summary, claim_record, entity_record
    from newsevents.explorer.write import _rows

    make = {
        "incidents": incident_record,
        "claims": claim_record,
        "entities": entity_record,
        "articles": lambda row: (article_summary(row, 1), article_text_record(row)),
    }
    for config, record in make.items():
        whole = [
            row
            for path in sorted((seed_release.release_dir / config).glob("*.parquet"))
            for row in pq.read_table(path).to_pylist()
        ]
        read = list(_rows(seed_release.release_dir, config))
        assert whole and [record(r) for r in read] == [record(r) for r in whole], config


def test_columns_a_file_lacks_or_lays_out_otherwise_are_dropped_or_read_whole(
    tmp_path: Path,
) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from newsevents.explorer.write import read_columns

    table = pa.table(
        {
            "id": ["a"],
            "evidence": [{"start": 1, "end": 2, "text": "t"}],
            "spans": pa.array([[{"start": 1}]], pa.list_(pa.struct([("start", pa.int64())]))),
        }
    )
    pq.write_table(table, tmp_path / "x.parquet")
    parquet = pq.ParquetFile(tmp_path / "x.parquet")
    wanted = ("id", "added_later", "evidence.start", "evidence.end", "spans.items.start")
    # The absent column is left out, the struct's two fields are read alone, and the
    # list whose items are not where asked is read whole.
    assert read_columns(parquet, wanted) == ["id", "evidence.start", "evidence.end", "spans"]
    assert read_columns(parquet, None) is None


def test_the_figure_draws_a_bar_per_day_as_high_as_its_count() -> None:
    import matplotlib.dates as mdates
    from matplotlib.figure import Figure

    from newsevents.release.timeline_figure import _day_bars

    axes = Figure().subplots()
    days, counts = [D(2024, 1, 16), D(2024, 1, 18), D(2024, 2, 1)], [3, 1, 7]
    _day_bars(axes, days, counts)
    (bars,) = axes.collections
    boxes = [path.get_extents() for path in bars.get_paths()]
    assert [b.y1 for b in boxes] == counts and all(b.y0 == 0 for b in boxes)
    assert [round(b.x0 + b.width / 2) for b in boxes] == list(mdates.date2num(days))
    assert all(abs(b.width - 0.9) < 1e-9 for b in boxes)
    low, high = axes.get_xlim()
    assert low < mdates.date2num(days[0]) - 0.45 and high > mdates.date2num(days[-1]) + 0.45
    assert axes.get_ylim()[0] == 0 and axes.get_ylim()[1] >= 7
