"""Readers: one input file's bytes to `RawDocument`s, or `Reject`s that say why not.

`.txt`: first non-empty line is the headline. `.html`: main text and metadata via
trafilatura. `.jsonl`: one article per line with CC-News style field names.
"""

import hashlib
import json
import re
from collections.abc import Iterator
from itertools import islice
from pathlib import PurePosixPath
from typing import Any

from newsevents.errors import REJECT_REASONS
from newsevents.pipeline.decode import DecodeError, decode_text
from newsevents.pipeline.document import InputMeta, RawDocument
from newsevents.pipeline.page_date import page_published_date
from newsevents.schema import Reject
from newsevents.temporal.dates import ENTRY_CLOCK, DateOutOfRange, parse_date_value

Result = RawDocument | Reject

# JSONL field names, in order of preference (CC-News, news-please, common crawls).
JSONL_DATE_FIELDS = ("published_date", "date_publish", "published", "date")
JSONL_OUTLET_FIELDS = ("outlet", "source", "domain", "source_domain")
JSONL_TITLE_FIELDS = ("title", "headline")
JSONL_AUTHOR_FIELDS = ("author", "authors")


def reject(
    file: str,
    reason: str,
    detail: str,
    *,
    line: int | None = None,
    field: str | None = None,
    value: object = None,
) -> Reject:
    """A Reject whose message is the detail followed by the reason's remedy. Text from
    the input is made printable UTF-8 first (a lone surrogate would break the writers)."""
    shown = None if value is None else _printable(_shorten(str(value)))
    where = file if line is None else f"{file} line {line}"
    message = _printable(f"{where}: {detail}; {REJECT_REASONS[reason]}")
    return Reject(
        file=_printable(file), line=line, field=None if field is None else _printable(field),
        value=shown, reason=reason, message=message,
    )  # fmt: skip


def read_file(rel_path: str, data: bytes) -> Iterator[Result]:
    """Dispatch on the suffix; the caller only passes article suffixes (walk.py)."""
    decoded = decode_text(data)
    if isinstance(decoded, DecodeError):
        yield decode_reject(rel_path, decoded)
        return
    suffix = PurePosixPath(rel_path).suffix.lower()
    if suffix == ".jsonl":
        yield from read_jsonl(rel_path, decoded)
    elif suffix in (".html", ".htm"):
        yield read_html(rel_path, decoded)
    else:
        yield read_txt(rel_path, decoded)


def decode_reject(rel_path: str, error: DecodeError, line: int | None = None) -> Reject:
    return reject(
        rel_path, error.reason, f"{error.detail} at byte offset {error.offset}",
        line=line, field="bytes", value=f"offset {error.offset}",
    )  # fmt: skip


def read_jsonl_line(rel_path: str, number: int, raw: bytes) -> Result | None:
    """One line of a streamed .jsonl file (None for a blank line)."""
    if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    decoded = decode_text(raw)
    if isinstance(decoded, DecodeError):
        return decode_reject(rel_path, decoded, number)
    return read_jsonl_record(rel_path, number, decoded)


def read_txt(rel_path: str, text: str) -> Result:
    if not text.strip():
        return reject(rel_path, "empty-article", "the file is empty")
    return RawDocument(path_id(rel_path), rel_path, None, text)


def read_html(rel_path: str, html: str) -> Result:
    import trafilatura  # heavy: imported on first use

    if not html.strip():
        return reject(rel_path, "empty-article", "the file is empty")
    # trafilatura drops <time> elements whole; a live blog's entry times ("<h3><time>21:30
    # </time> Truce takes effect</h3>") are text the events stage dates entries by.
    body_html = _kept_entry_stamps(_TIME_ELEMENT.sub(lambda m: f"<{m.group(1)}span>", html))
    document = trafilatura.bare_extraction(body_html, with_metadata=True, include_comments=False)
    page: dict[str, Any] = (
        {} if document is None else document if isinstance(document, dict) else document.as_dict()
    )
    body = page.get("text")
    if not body or not body.strip():
        return reject(rel_path, "no-main-text", "trafilatura found no article body in the page")
    title = (page.get("title") or "").strip() or None
    meta = InputMeta(
        title=title,
        url=page.get("url") or None,
        outlet=page.get("sitename") or None,
        author=page.get("author") or None,
        language=page.get("language") or None,
        # Only the page's own date markup counts, chrome left out: no guessing from
        # free text or the URL (page_date.py).
        published_date=page_published_date(html),
    )
    text = f"{title}\n\n{body}" if title else body
    return RawDocument(path_id(rel_path), rel_path, None, text, meta)


_TIME_ELEMENT = re.compile(r"<(/?)time\b[^>]*>", re.IGNORECASE)
# An element that holds a short text alone between tags: a live blog's entry time or
# day heading. Not a time inside a heading line: "<h3><time>21:30</time> Truce holds</h3>"
# is one line, which text follows.
_SHORT_ELEMENT = re.compile(
    r"(?<=>)(?P<before>\s*)<(?P<tag>p|div|span|h[1-6]|li)\b[^>]*>\s*(?P<text>[^<>]{1,40}?)\s*"
    r"</(?P=tag)>(?=\s*<)",
    re.I,
)
_CLOCK_STAMP = re.compile(ENTRY_CLOCK, re.I)
_DAY_HEADING = re.compile(
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    r"(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2},?)(?:\s+\d{4})?"
)
LIVE_BLOG_STAMPS = 2  # entry times a page shows at least to be read as a live blog


def _kept_entry_stamps(html: str) -> str:
    """A live blog's entry times and day headings ("<p class="timestamp">19.30 BST</p>",
    "<div class="day-heading">Sunday 28 July 2024</div>") as plain paragraphs:
    trafilatura drops such elements by their class, and the events stage dates each
    entry by them. Only on a page with several entry times: an article's one date
    element stays where trafilatura puts it."""
    stamps = (m for m in _SHORT_ELEMENT.finditer(html) if _CLOCK_STAMP.fullmatch(m["text"]))
    if len(list(islice(stamps, LIVE_BLOG_STAMPS))) < LIVE_BLOG_STAMPS:
        return html  # the scan stops at the second entry time

    def plain(match: re.Match[str]) -> str:
        text = match["text"]
        if _CLOCK_STAMP.fullmatch(text) or _DAY_HEADING.fullmatch(text):
            return f"{match['before']}<p>{text}</p>"
        return match.group(0)

    return _SHORT_ELEMENT.sub(plain, html)


def read_jsonl(rel_path: str, text: str) -> Iterator[Result]:
    """A whole decoded .jsonl text (UTF-16/32 files, which cannot be split as bytes)."""
    for number, line in enumerate(text.split("\n"), start=1):
        result = read_jsonl_record(rel_path, number, line)
        if result is not None:
            yield result


def read_jsonl_record(rel_path: str, number: int, line: str) -> Result | None:
    if not line.strip():
        return None
    try:
        record = json.loads(line)
    except (ValueError, RecursionError) as err:  # JSONDecodeError is a ValueError
        problem = (
            f"{err.msg} at column {err.colno}"
            if isinstance(err, json.JSONDecodeError)
            else "nested too deeply"
            if isinstance(err, RecursionError)
            else str(err)
        )
        return reject(
            rel_path, "invalid-jsonl", f"not valid JSON ({problem})", line=number, value=line
        )
    if not isinstance(record, dict):
        return reject(
            rel_path, "invalid-jsonl", f"a JSON {type(record).__name__}, not an object",
            line=number, value=line,
        )  # fmt: skip
    return _jsonl_record(rel_path, number, record)


def _jsonl_record(rel_path: str, number: int, record: dict[str, Any]) -> Result:
    unusable = _unusable_string(record)
    if unusable:
        bad_field, problem = unusable
        return reject(
            rel_path, "invalid-field", f"`{bad_field}` {problem}",
            line=number, field=_printable(bad_field),
        )  # fmt: skip
    body = record.get("text")
    if not isinstance(body, str):
        return reject(
            rel_path, "missing-text", "the record has no string field `text`",
            line=number, field="text", value=body,
        )  # fmt: skip
    if not body.strip():
        return reject(rel_path, "empty-article", "`text` is empty", line=number, field="text")
    fields = {}
    for name, keys in (
        ("title", JSONL_TITLE_FIELDS),
        ("outlet", JSONL_OUTLET_FIELDS),
        ("author", JSONL_AUTHOR_FIELDS),
        ("date", JSONL_DATE_FIELDS),
    ):
        key = next((k for k in keys if record.get(k) not in (None, "", [])), None)
        value = record.get(key) if key else None
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            value = ", ".join(value)  # "authors": ["A", "B"]
        if value is not None and not isinstance(value, str):
            return reject(
                rel_path, "invalid-field", f"`{key}` should be a string",
                line=number, field=key, value=value,
            )  # fmt: skip
        fields[name] = (key, value)
    date_key, date_value = fields["date"]
    published = None
    if date_value:
        try:
            published = parse_date_value(date_value)
        except ValueError as err:
            reason = "date-out-of-range" if isinstance(err, DateOutOfRange) else "invalid-date"
            return reject(rel_path, reason, str(err), line=number, field=date_key, value=date_value)
    article_id = record.get("id")
    if article_id is not None and (
        not isinstance(article_id, (str, int)) or isinstance(article_id, bool)
    ):
        return reject(
            rel_path, "invalid-field", "`id` should be a string or number",
            line=number, field="id", value=article_id,
        )  # fmt: skip
    title = fields["title"][1]
    meta = InputMeta(
        id=str(article_id) if article_id is not None else None,
        title=title,
        url=record.get("url") if isinstance(record.get("url"), str) else None,
        outlet=fields["outlet"][1],
        author=fields["author"][1],
        language=record.get("language") if isinstance(record.get("language"), str) else None,
        published_date=published,
    )
    text = f"{title}\n\n{body}" if title else body
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # JSON escapes can hold any line end
    # Records without an id share the file's stem, so they are named by content.
    article_id = meta.id or hashlib.sha256(body.encode("utf-8")).hexdigest()[:16]
    return RawDocument(article_id, rel_path, number, text, meta)


def _printable(text: str) -> str:
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _unusable_string(record: dict[str, Any]) -> tuple[str, str] | None:
    """(field, problem) for the first string JSON escapes made unusable: a lone surrogate
    ("\\ud800") cannot be written as UTF-8, a NUL ("\\u0000") is never in an article."""
    for key, value in record.items():
        for item in value if isinstance(value, list) else [value]:
            if not isinstance(item, str):
                continue
            try:
                item.encode("utf-8")
            except UnicodeEncodeError as err:
                return (
                    key,
                    f"holds a lone surrogate \\u{ord(item[err.start]):04x} (a broken escape)",
                )
            if "\x00" in item:
                return key, "holds a NUL character (\\u0000)"
    return None


def path_id(rel_path: str) -> str:
    """The article id of a .txt or .html file: its path from the input root without the
    suffix. `a/index.html` and `b/index.html` are two articles ('a/index', 'b/index'); a
    file at the root keeps its stem, the id it always had. The id depends on the file's
    own path only, never on what else the folder holds or the order it is read in. (The
    same name with two suffixes, `x.txt` and `x.html`, is one article saved twice: the
    second is a `duplicate-article-id`.)"""
    return PurePosixPath(rel_path).with_suffix("").as_posix()


def _shorten(value: str, limit: int = 120) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "…"
