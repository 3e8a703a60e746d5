"""The configs with a row per article, event or claim, written from what the build
spooled (pipeline/spool.py), here or in a side process (side_jobs.py).

Kept apart from assemble.py so that a side process imports only the writers: a job
function's module is imported where the job runs, and assemble.py imports the whole
pipeline.

Given the build's kept outputs (reuse.py), a config whose rows are the last build's
(the same JSON lines) is linked from there instead of written, and so are its explorer
pages and, for the incidents, the card's figure: each writer returns the key of its
rows, which the pages and the figure are kept under.
"""

import shutil
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path

from pydantic import BaseModel

from newsevents.explorer import EXPLORER_FOLDER
from newsevents.explorer.write import Pages, write_pages
from newsevents.pipeline.spool import ArticleSpool, RecordSpool
from newsevents.release.reuse import ReusedOutputs
from newsevents.release.text_policy import apply_text_policy
from newsevents.release.timeline_figure import write_timeline_figure
from newsevents.release.writers import ConfigWriter
from newsevents.schema import Article, EventRow


class ConfigOutput:
    """Config `name` of the release `folder`: Parquet and JSONL, written as its rows
    arrive (writers.ConfigWriter). With `reuse`, the rows go to the JSONL file only,
    hashed on the way; `close` then links the Parquet files kept for those rows, or
    writes them from the JSONL file and keeps them."""

    def __init__(
        self, folder: Path, name: str, model: type[BaseModel], reuse: ReusedOutputs | None = None
    ) -> None:
        self.folder, self.name, self.model, self.reuse = folder, name, model, reuse
        self.jsonl = folder / "jsonl" / f"{name}.jsonl"
        self._writer: ConfigWriter | None = None
        if reuse is None:
            self._writer = ConfigWriter(folder / name, model, self.jsonl)
            return
        self.jsonl.parent.mkdir(parents=True, exist_ok=True)
        self._lines = self.jsonl.open("wb")
        self._digest = reuse.digest(f"config {name}")

    def add(self, row: BaseModel) -> None:
        self.add_json(row.model_dump_json())

    def add_json(self, line: str) -> None:
        if self._writer is not None:
            self._writer.add_json(line)
            return
        data = (line + "\n").encode()
        self._lines.write(data)
        self._digest.update(data)

    def close(self) -> str | None:
        """Finish the config; the key of its rows (None without `reuse`)."""
        if self._writer is not None:
            self._writer.close()
            return None
        assert self.reuse is not None
        self._lines.close()
        key = self._digest.hexdigest()
        entry = f"config-{self.name}"
        if self.reuse.restore(entry, key, self.folder) is None:
            writer = ConfigWriter(self.folder / self.name, self.model)
            with self.jsonl.open("rb") as lines:
                for data in lines:
                    writer.add_line(data)
            self.reuse.save(entry, key, self.folder, writer.close())
        return key


def config_writer(
    folder: Path, name: str, model: type[BaseModel], reuse: ReusedOutputs | None = None
) -> ConfigOutput:
    """The writer of config `name` of the release `folder`: Parquet and JSONL."""
    return ConfigOutput(folder, name, model, reuse)


def write_lines(
    folder: Path,
    name: str,
    model: type[BaseModel],
    lines: Iterable[str],
    reuse: ReusedOutputs | None = None,
) -> str | None:
    """Config `name` from its rows' JSON lines, made and validated where each row was;
    the key of its rows (None without `reuse`)."""
    writer = config_writer(folder, name, model, reuse)
    for line in lines:
        writer.add_json(line)
    return writer.close()


def write_events(
    folder: Path, rows: RecordSpool[EventRow], reuse: ReusedOutputs | None = None
) -> str | None:
    """The events config from the rows spooled with the articles (no link across
    articles is set in an event row)."""
    return write_lines(folder, "events", EventRow, rows.lines(), reuse)


def write_articles_and_pages(
    folder: Path,
    articles: ArticleSpool | list[Article],
    text_policy: str,
    reuse: ReusedOutputs | None = None,
) -> Pages:
    """The articles config alone, then its explorer pages (a side job of
    assemble.RowsBeside). Run again here when its side process died: what that one left
    of the config goes first."""
    shutil.rmtree(folder / "articles", ignore_errors=True)
    if text_policy == "full" and isinstance(articles, ArticleSpool):
        key = write_lines(folder, "articles", Article, articles.lines(), reuse)
    else:
        writer = config_writer(folder, "articles", Article, reuse)
        for article in articles:
            writer.add(apply_text_policy(article, text_policy))
        key = writer.close()
    return pages_of(folder, "articles", reuse, key)


def pages_of(
    folder: Path, config: str, reuse: ReusedOutputs | None = None, key: str | None = None
) -> Pages:
    """The explorer pages of config `config` of the release `folder` (written once the
    config is on disk), or those kept for the same rows (`key`, from its writer)."""
    entry = f"pages-{config}"
    if reuse is not None and key is not None:
        kept = reuse.restore(entry, key, folder)
        if kept is not None:
            return Pages(**kept)
    pages = write_pages(folder, folder / EXPLORER_FOLDER, config)
    if reuse is not None and key is not None:
        data = folder / EXPLORER_FOLDER / "data"
        files = [data / name for names in pages.files.values() for name in names]
        reuse.save(entry, key, folder, files, asdict(pages))
    return pages


def figure_of(folder: Path, reuse: ReusedOutputs | None = None, key: str | None = None) -> None:
    """The card's figure, drawn from the incidents config of the release `folder`, or the
    one kept for the same incidents (`key`, from the config's writer)."""
    if reuse is not None and key is not None and reuse.restore("figure", key, folder) is not None:
        return
    path = write_timeline_figure(folder)
    if reuse is not None and key is not None:
        reuse.save("figure", key, folder, [path])
