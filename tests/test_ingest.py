"""Reading inputs: every bad input becomes a reject naming the file and the fix,
and the good articles beside it are still built."""

import json
from pathlib import Path

import pytest

from newsevents.errors import REJECT_REASONS, UserError
from newsevents.pipeline.collect import collect

from .conftest import GOOD_ARTICLE, write_inputs

HTML_ARTICLE = """<!doctype html><html><head><title>Iran and Pakistan agree to return envoys</title>
<meta property="og:site_name" content="Dawn">
<meta property="article:published_time" content="2024-01-22T10:00:00+05:00">
<link rel="canonical" href="https://www.dawn.com/news/1806000">
</head><body><nav>Home | World | Share</nav><article>
<h1>Iran and Pakistan agree to return envoys</h1>
<p>ISLAMABAD: Pakistan and Iran agreed on Monday that their ambassadors would return to
their posts by January 26, the foreign offices of both countries said in a joint
statement issued after a telephone call between the two foreign ministers.</p>
<p>The statement said the ministers agreed to work together on counter-terrorism and to
expand cooperation on other issues of mutual interest, after a week of tension.</p>
</article><footer>Copyright Dawn</footer></body></html>"""


BODY_1 = "Officials of both governments met in Tehran on Monday to discuss border security."
BODY_2 = "The two foreign ministers spoke by phone and agreed to meet again next month."


def _collect(tmp_path: Path, files: dict[str, bytes | str]):  # type: ignore[no-untyped-def]
    return collect(write_inputs(tmp_path / "in", {"good.txt": GOOD_ARTICLE, **files}))


def _only_reject(collected):  # type: ignore[no-untyped-def]
    assert [a.article_id for a in collected.articles] == ["good"], "the good article is built"
    assert len(collected.rejects) == 1, collected.rejects
    reject = collected.rejects[0]
    assert reject.reason in REJECT_REASONS
    assert REJECT_REASONS[reject.reason] in reject.message  # the remedy is in the message
    return reject


def test_empty_file(tmp_path: Path) -> None:
    reject = _only_reject(_collect(tmp_path, {"empty.txt": "  \n\n"}))
    assert (reject.file, reject.reason) == ("empty.txt", "empty-article")


def test_binary_file(tmp_path: Path) -> None:
    reject = _only_reject(_collect(tmp_path, {"image.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"}))
    assert (reject.file, reject.reason) == ("image.txt", "binary-file")
    assert "byte offset 8" in reject.message


def test_latin1_file_names_the_byte_offset(tmp_path: Path) -> None:
    data = "Caf\u00e9 talks\n\nOfficials met in the caf\u00e9.".encode("latin-1")
    reject = _only_reject(_collect(tmp_path, {"latin.txt": data}))
    assert (reject.file, reject.reason, reject.value) == ("latin.txt", "not-utf8", "offset 3")
    assert "byte 0xe9" in reject.message and "iconv" in reject.message


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    collected = _collect(tmp_path, {"bom.txt": b"\xef\xbb\xbf" + GOOD_ARTICLE.encode()})
    assert not collected.rejects
    bom = next(a for a in collected.articles if a.article_id == "bom")
    assert bom.title == "Pakistan and Iran agree to ease tensions"


def test_invalid_jsonl_line_keeps_the_other_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a1", "title": "Talks held", "text": BODY_1,
                    "url": "https://www.dawn.com/news/1", "date": "2024-01-29"}),
        '{"id": "a2", "text": "broken',
        json.dumps({"title": "No id here", "text": BODY_2}),
    ]  # fmt: skip
    collected = _collect(tmp_path, {"crawl.jsonl": "\n".join(lines) + "\n"})
    assert len(collected.rejects) == 1
    reject = collected.rejects[0]
    assert (reject.file, reject.line, reject.reason) == ("crawl.jsonl", 2, "invalid-jsonl")
    assert "crawl.jsonl line 2" in reject.message
    by_id = {a.article_id: a for a in collected.articles}
    a1 = by_id["a1"]
    assert (a1.source_file, a1.source_line) == ("crawl.jsonl", 1)
    assert a1.source.outlet == "Dawn" and a1.source.domain == "dawn.com"
    assert str(a1.published_date) == "2024-01-29" and a1.published_date_provenance == "metadata"
    assert a1.text == f"Talks held\n\n{BODY_1}"
    no_id = [a for a in collected.articles if a.source_line == 3]
    assert len(no_id) == 1 and len(no_id[0].article_id) == 16  # named by content hash


def test_jsonl_impossible_date(tmp_path: Path) -> None:
    line = json.dumps({"id": "x", "title": "T", "text": "Body.", "published": "2024-02-30"})
    reject = _only_reject(_collect(tmp_path, {"crawl.jsonl": line}))
    assert (reject.reason, reject.line, reject.field, reject.value) == (
        "invalid-date", 1, "published", "2024-02-30",
    )  # fmt: skip


def test_jsonl_record_without_text(tmp_path: Path) -> None:
    reject = _only_reject(_collect(tmp_path, {"crawl.jsonl": json.dumps({"title": "T"})}))
    assert (reject.reason, reject.field) == ("missing-text", "text")


def test_sources_yaml_impossible_date_withholds_that_article(tmp_path: Path) -> None:
    sources = "good.txt:\n  note: fine\nother.txt:\n  published_date: 2024-02-30\n"
    collected = _collect(tmp_path, {"other.txt": GOOD_ARTICLE, "sources.yaml": sources})
    reject = _only_reject(collected)
    # The reject stands for the withheld article; its message points at the entry.
    assert (reject.file, reject.field, reject.reason, reject.value) == (
        "other.txt", "published_date", "invalid-date", "2024-02-30",
    )  # fmt: skip
    assert reject.message.startswith("other.txt withheld: sources.yaml line 3:")


def test_malformed_sources_yaml_still_builds_articles(tmp_path: Path) -> None:
    sources = "good.txt:\n  outlet: [unclosed\n"
    collected = _collect(tmp_path, {"sources.yaml": sources})
    reject = _only_reject(collected)
    assert (reject.file, reject.reason) == ("sources.yaml", "invalid-yaml")
    assert reject.line is not None
    assert "curated-metadata-unavailable" in collected.articles[0].flags


def test_sources_yaml_unknown_key_and_unknown_file(tmp_path: Path) -> None:
    sources = "good.txt:\n  publisher: Dawn\nmissing.txt:\n  outlet: Dawn\n"
    collected = collect(write_inputs(tmp_path / "in", {"good.txt": GOOD_ARTICLE,
                                                       "sources.yaml": sources}))  # fmt: skip
    assert collected.articles == []
    reasons = [(r.file, r.reason, r.line) for r in collected.rejects]
    assert reasons == [
        ("good.txt", "invalid-sources-entry", None),
        ("sources.yaml", "unknown-source-file", 3),
    ]
    assert "withheld: sources.yaml line 2:" in collected.rejects[0].message
    assert "valid: url, outlet, published_date, note" in collected.rejects[0].message


def test_curated_values_win(tmp_path: Path) -> None:
    sources = (
        "good.txt:\n  outlet: Dawn\n  url: https://www.dawn.com/news/42\n"
        "  published_date: 2024-01-22\n  note: checked by hand\n"
    )
    collected = _collect(tmp_path, {"sources.yaml": sources})
    article = collected.articles[0]
    assert article.source.outlet == "Dawn" and article.source.domain == "dawn.com"
    assert str(article.published_date) == "2024-01-22"
    assert article.published_date_provenance == "curated"


def test_duplicate_article_ids(tmp_path: Path) -> None:
    line = json.dumps({"id": "good", "title": "Same id", "text": "Another article."})
    reject = _only_reject(_collect(tmp_path, {"z.jsonl": line}))
    assert (reject.file, reject.reason, reject.value) == ("z.jsonl", "duplicate-article-id", "good")
    assert "already used by good.txt" in reject.message


def test_html_without_body(tmp_path: Path) -> None:
    page = "<html><head><title>Nothing here</title></head><body></body></html>"
    reject = _only_reject(_collect(tmp_path, {"page.html": page}))
    assert (reject.file, reject.reason) == ("page.html", "no-main-text")


def test_html_with_only_furniture(tmp_path: Path) -> None:
    page = "<html><head><title>Nothing here</title></head><body><nav>Home</nav></body></html>"
    reject = _only_reject(_collect(tmp_path, {"page.html": page}))
    assert (reject.file, reject.reason) == ("page.html", "empty-article")
    assert "no body text after the headline once boilerplate is removed" in reject.message


def test_html_article_text_and_metadata(tmp_path: Path) -> None:
    collected = _collect(tmp_path, {"dawn.html": HTML_ARTICLE})
    assert not collected.rejects
    article = next(a for a in collected.articles if a.article_id == "dawn")
    assert article.title == "Iran and Pakistan agree to return envoys"
    assert "ambassadors would return" in article.text and "Copyright" not in article.text
    assert article.source.outlet == "Dawn"
    assert article.source.dateline == "Islamabad"
    assert str(article.published_date) == "2024-01-22"
    assert article.published_date_provenance == "metadata"


def test_other_files_are_listed_as_skipped(tmp_path: Path) -> None:
    collected = _collect(tmp_path, {"notes.md": "# notes", "gold/a.yaml": "x: 1"})
    assert [s.path for s in collected.skipped] == ["gold/a.yaml", "notes.md"]


def test_missing_or_empty_folder_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(UserError, match=r"E001.*does not exist; pass an existing folder"):
        collect(tmp_path / "nope")
    (tmp_path / "empty").mkdir()
    with pytest.raises(UserError, match=r"E002.*holds no article files"):
        collect(tmp_path / "empty")
