"""Write a release's explorer: one page, its script and its data, into one folder.

The page works from `file://`, offline: the libraries are copied beside it (assets.py)
and the data are `<script>` files (pages.py). What every view needs first (incidents,
claims, entities and a summary of each article) is loaded with the page; article texts
are in pages loaded when an article opens. The release's Parquet files are read in
batches, so memory holds a batch and one page per collection, whatever the corpus.
Same release, same bytes.
"""

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsevents.errors import E, UserError
from newsevents.explorer.assets import GENERATOR, copy_assets, render_page
from newsevents.explorer.pages import PagedWriter
from newsevents.explorer.records import (
    COLUMNS,
    article_summary,
    article_text_record,
    claim_record,
    entity_record,
    has_coordinates,
    incident_record,
)

EXPLORER_FOLDER = "explorer"  # in a release: explorer/index.html
BATCH_ROWS = 64  # rows read from Parquet at a time (an article row holds its text)
# Collections loaded with the page, in order; `texts` are loaded on demand.
EAGER = ("meta", "incidents", "claims", "entities", "articles")


@dataclass(frozen=True)
class ExplorerSummary:
    """What was written: the page, and records and data files per collection."""

    index: Path
    records: dict[str, int]
    pages: dict[str, int]
    points: int  # incidents with coordinates on the map


# The configs whose pages are written apart (`write_pages`), each once it is on disk.
PAGED = ("incidents", "claims", "entities", "articles")


@dataclass(frozen=True)
class Pages:
    """The data files written from one config, by collection, and their records."""

    files: dict[str, list[str]]
    records: dict[str, int]
    points: int = 0  # incidents with coordinates


def write_explorer(release: Path, out: Path) -> ExplorerSummary:
    """Write the explorer of the release folder `release` into `out` (created; expected
    new or empty). Returns what was written."""
    return finish_explorer(release, out, [write_pages(release, out, c) for c in PAGED])


def write_pages(release: Path, out: Path, config: str) -> Pages:
    """The data files of one config of `release` (one of PAGED) into `out/data`: the
    articles give two collections (summaries, and texts loaded on demand). The configs'
    pages do not depend on each other: a build writes them in side processes."""
    data = out / "data"
    data.mkdir(parents=True, exist_ok=True)
    points = 0
    if config == "articles":
        summaries, texts = PagedWriter(data, "articles"), PagedWriter(data, "texts")
        for row in _rows(release, "articles"):
            page = texts.add(article_text_record(row))
            summaries.add(article_summary(row, page))
        writers = {"articles": summaries, "texts": texts}
    else:
        record_of = _RECORD_OF[config]
        writers = {config: PagedWriter(data, config)}
        for row in _rows(release, config):
            record = record_of(row)
            points += config == "incidents" and "point" in record
            writers[config].add(record)
    files = {name: writer.close() for name, writer in writers.items()}
    return Pages(files, {name: w.records for name, w in writers.items()}, points)


# A row of each config other than the articles as the page's record.
_RECORD_OF = {"incidents": incident_record, "claims": claim_record, "entities": entity_record}


def finish_explorer(release: Path, out: Path, written: list[Pages]) -> ExplorerSummary:
    """The page, its summary data file and its libraries, once every config's pages
    are written (`write_pages`)."""
    import pyarrow.parquet as pq

    files: dict[str, list[str]] = {}
    records: dict[str, int] = {}
    for pages in written:
        files.update(pages.files)
        records.update(pages.records)
    points = sum(pages.points for pages in written)
    meta = PagedWriter(out / "data", "meta")
    manifest = _manifest(release)
    meta.add(
        {
            "dataset": manifest.get("dataset"),
            "version": manifest.get("version"),
            "text_policy": manifest.get("text_policy", "full"),
            "counts": {name: records[name] for name in EAGER[1:]},
            "coordinates": has_coordinates(_columns(release, "incidents", pq)),
            "points": points,
        }
    )
    files["meta"] = meta.close()
    copy_assets(out)
    title = f"{manifest.get('dataset') or 'dataset'} {manifest.get('version') or ''}".strip()
    eager = [f"data/{name}" for collection in EAGER for name in files[collection]]
    index = out / "index.html"
    index.write_text(render_page(title=title, data_scripts=eager), encoding="utf-8")
    order = (*EAGER, "texts")
    return ExplorerSummary(
        index=index,
        records={name: records[name] for name in order if name != "meta"},
        pages={name: len(files[name]) for name in order},
        points=points,
    )


def explore_release(release: Path, out: Path) -> ExplorerSummary:
    """`newsevents explore`: check the folders, then write the explorer into `out`,
    replacing an explorer written there before. Raises UserError (E045-E048)."""
    for config in ("incidents", "claims", "entities", "articles"):
        if not (release / "manifest.json").is_file() or not any(
            (release / config).glob("*.parquet")
        ):
            raise UserError(E.E045, path=release, config=config)
    if out.exists() and not out.is_dir():
        raise UserError(E.E046, path=out)
    if out.resolve().is_relative_to(release.resolve()):
        raise UserError(E.E048, path=out, release=release)
    if out.is_dir() and any(out.iterdir()):
        if not is_explorer(out):
            raise UserError(E.E047, path=out)
        shutil.rmtree(out)
    return write_explorer(release, out)


def is_explorer(folder: Path) -> bool:
    """Whether `folder` holds an explorer this tool wrote (its page names the generator)."""
    page = folder / "index.html"
    return page.is_file() and GENERATOR in page.read_text("utf-8", errors="replace")


def _rows(release: Path, config: str) -> Iterator[dict[str, Any]]:
    """The config's rows with the columns its records read (records.COLUMNS)."""
    import pyarrow.parquet as pq

    for path in sorted((release / config).glob("*.parquet")):
        parquet = pq.ParquetFile(path)
        columns = read_columns(parquet, COLUMNS[config])
        for batch in parquet.iter_batches(batch_size=BATCH_ROWS, columns=columns):
            yield from batch.to_pylist()


def read_columns(parquet: Any, wanted: tuple[str, ...] | None) -> list[str] | None:
    """The paths of `wanted` this file has. A release written before a field existed
    lacks it (the record reads it as missing); a column laid out otherwise than as
    expected (its nested paths not found) is read whole."""
    if wanted is None:
        return None
    paths = [parquet.schema.column(i).path for i in range(len(parquet.schema))]
    tops = {path.split(".")[0] for path in paths}
    chosen: list[str] = []
    for top in dict.fromkeys(w.split(".")[0] for w in wanted):
        if top not in tops:
            continue
        inner = [w for w in wanted if w.startswith(top + ".")]
        found = all(any(p == w or p.startswith(w + ".") for p in paths) for w in inner)
        chosen += inner if inner and found else [top]
    return chosen


def _columns(release: Path, config: str, pq: Any) -> list[str]:
    files = sorted((release / config).glob("*.parquet"))
    return list(pq.read_schema(files[0]).names) if files else []


def _manifest(release: Path) -> dict[str, Any]:
    import json

    path = release / "manifest.json"
    return json.loads(path.read_text("utf-8")) if path.is_file() else {}
