"""The configs with a row per article, event or claim, written from what the build
spooled (pipeline/spool.py), here or in a side process (side_jobs.py).

Kept apart from assemble.py so that a side process imports only the writers: a job
function's module is imported where the job runs, and assemble.py imports the whole
pipeline.
"""

import shutil
from collections.abc import Iterable
from pathlib import Path

from pydantic import BaseModel

from newsevents.explorer import EXPLORER_FOLDER
from newsevents.explorer.write import Pages, write_pages
from newsevents.pipeline.spool import ArticleSpool, RecordSpool
from newsevents.release.text_policy import apply_text_policy
from newsevents.release.writers import ConfigWriter
from newsevents.schema import Article, EventRow


def config_writer(folder: Path, name: str, model: type[BaseModel]) -> ConfigWriter:
    """The writer of config `name` of the release `folder`: Parquet and JSONL."""
    return ConfigWriter(folder / name, model, folder / "jsonl" / f"{name}.jsonl")


def write_lines(folder: Path, name: str, model: type[BaseModel], lines: Iterable[str]) -> None:
    """Config `name` from its rows' JSON lines, made and validated where each row was."""
    writer = config_writer(folder, name, model)
    for line in lines:
        writer.add_json(line)
    writer.close()


def write_events(folder: Path, rows: RecordSpool[EventRow]) -> None:
    """The events config from the rows spooled with the articles (no link across
    articles is set in an event row)."""
    write_lines(folder, "events", EventRow, rows.lines())


def write_articles_and_pages(
    folder: Path, articles: ArticleSpool | list[Article], text_policy: str
) -> Pages:
    """The articles config alone, then its explorer pages (a side job of
    assemble.RowsBeside). Run again here when its side process died: what that one left
    of the config goes first."""
    shutil.rmtree(folder / "articles", ignore_errors=True)
    if text_policy == "full" and isinstance(articles, ArticleSpool):
        write_lines(folder, "articles", Article, articles.lines())
    else:
        writer = config_writer(folder, "articles", Article)
        for article in articles:
            writer.add(apply_text_policy(article, text_policy))
        writer.close()
    return write_pages(folder, folder / EXPLORER_FOLDER, "articles")
