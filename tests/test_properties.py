"""Property-based tests: bad input never raises, it becomes a Reject with a known reason.

Each property states one promise of the input side (decoding, readers, YAML, sidecars,
dates, the folder walk) and lets hypothesis look for an input that breaks it. The
pipeline itself (spaCy) is never run here: it is far too slow for hundreds of examples.
Inputs that once broke a promise are kept as explicit @example cases.
"""

import codecs
import copy
import datetime as dt
import json
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from newsevents import safe_yaml
from newsevents.errors import REJECT_REASONS
from newsevents.limits import EARLIEST_DATE, LATEST_DATE, MAX_YAML_DEPTH
from newsevents.pipeline.decode import DecodeError, decode_text
from newsevents.pipeline.document import RawDocument
from newsevents.pipeline.ingest import InputFolder
from newsevents.pipeline.readers import read_file, read_jsonl_line
from newsevents.pipeline.sidecar import parse_sidecar
from newsevents.schema import Reject
from newsevents.temporal.dates import DateOutOfRange, parse_date_value

from .conftest import GOOD_ARTICLE, write_inputs

# The example database is off so that runs leave no files in the working tree.
FAST = settings(max_examples=150, deadline=None, database=None)
MEDIUM = settings(max_examples=60, deadline=None, database=None)
SLOW = settings(
    max_examples=25,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def assert_known_reject(item: Reject, file: str) -> None:
    """The contract of every Reject: a catalogued reason, its remedy, the file first."""
    assert item.reason in REJECT_REASONS, item
    assert REJECT_REASONS[item.reason] in item.message, item
    assert item.message.startswith(file), item
    assert item.file == file, item


def normalize_line_ends(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


# --- Strategies ---------------------------------------------------------------------

# Text as people write it: any code point but lone surrogates (never in decoded text).
texts = st.text(st.characters(blacklist_categories=("Cs",)), max_size=200)
printable_texts = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=60)

# Date values as they appear in metadata: real, impossible, out of window, prose, junk.
iso_dates_in_window = st.dates(EARLIEST_DATE, LATEST_DATE).map(dt.date.isoformat)
iso_dates_out_of_window = st.one_of(
    st.dates(dt.date(1, 1, 1), EARLIEST_DATE - dt.timedelta(days=1)),
    st.dates(LATEST_DATE + dt.timedelta(days=1), dt.date(9999, 12, 31)),
).map(dt.date.isoformat)
impossible_dates = st.builds(
    "{:04d}-{:02d}-{:02d}".format,
    st.integers(0, 9999),
    st.integers(0, 13),
    st.integers(0, 32),
)
written_dates = st.builds(
    lambda d, fmt: d.strftime(fmt),
    st.dates(dt.date(1000, 1, 1), dt.date(9999, 12, 31)),
    st.sampled_from(
        ["%b %d, %Y", "%B %d %Y", "%d %B %Y", "%Y-%m-%dT%H:%M:%SZ", "%d/%m/%Y", "%m/%d/%Y",
         "%A, %B %d, %Y", "%Y/%m/%d", "%d.%m.%Y", "%Y-%m-%d 10:00:00+05:00", "%b. %d, %Y"]
    ),
)  # fmt: skip
RELATIVE_WORDS = ["yesterday", "today", "tomorrow", "now", "last week", "next week",
                  "last month", "last year", "this morning", "tonight", "last monday",
                  "next friday", "the day before yesterday"]  # fmt: skip
relative_dates = st.one_of(
    st.sampled_from(RELATIVE_WORDS),
    st.builds(
        "{} {}{} ago".format,
        st.integers(1, 400),
        st.sampled_from(["second", "minute", "hour", "day", "week", "month", "year"]),
        st.sampled_from(["", "s"]),
    ),
    st.builds(
        "in {} {}".format,
        st.integers(1, 400),
        st.sampled_from(["days", "weeks", "months", "years"]),
    ),
)
date_strings = st.one_of(
    iso_dates_in_window,
    iso_dates_out_of_window,
    impossible_dates,
    written_dates,
    relative_dates,
    st.text(max_size=30),
)

# JSON values of any shape, and JSONL records that look like crawls (CC-News fields).
json_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20)
)
json_values = st.recursive(
    json_scalars,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
article_bodies = st.one_of(
    st.just(GOOD_ARTICLE), texts, st.just(""), st.just("   \n "), json_values
)
record_fields = {
    "id": st.one_of(st.text(max_size=12), st.integers(), json_values),
    "title": st.one_of(st.text(max_size=40), json_values),
    "headline": st.text(max_size=40),
    "url": st.one_of(st.just("https://www.dawn.com/news/1806000"), json_values),
    "outlet": st.one_of(st.just("Dawn"), json_values),
    "source_domain": st.just("dawn.com"),
    "authors": st.one_of(st.lists(st.text(max_size=10), max_size=3), json_values),
    "language": st.one_of(st.just("en"), json_values),
    "published_date": st.one_of(date_strings, json_values),
    "date_publish": date_strings,
    "date": st.one_of(date_strings, st.integers()),
}
records = st.builds(
    lambda chosen, extra: {**extra, **chosen},
    st.one_of(
        st.fixed_dictionaries({"text": article_bodies}, optional=record_fields),
        st.fixed_dictionaries({"text": st.just(GOOD_ARTICLE)}, optional=record_fields),
        st.fixed_dictionaries({}, optional=record_fields),  # no `text` at all
    ),
    st.dictionaries(st.text(max_size=8), json_values, max_size=3),
)
# One .jsonl line with no line break in it: a record, another JSON value, junk or blank.
jsonl_lines = st.one_of(
    records.map(json.dumps),
    records.map(lambda r: json.dumps(r, ensure_ascii=False)),
    json_values.map(json.dumps),
    st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\n\r\x00")),
    st.sampled_from(["", "   ", "\t", "{", "[]", "null", '{"text": "broken', "{}"]),
)


@st.composite
def jsonl_files(draw: st.DrawFn) -> tuple[bytes, list[str]]:
    """A .jsonl file's bytes (UTF-8 with LF or CRLF, or UTF-16 with a BOM) and its lines."""
    lines = draw(st.lists(jsonl_lines, min_size=0, max_size=8))
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    text = newline.join(lines) + draw(st.sampled_from(["", newline]))
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8-sig", "utf-16"]))
    return text.encode(encoding), lines


# YAML-ish text: keys, anchors, aliases, merges, tags, deep nesting, tabs, both styles.
YAML_KEYS = ["a", "b", "url", "outlet", "published_date", "note", "000_x.txt", "good.txt",
             "'quoted'", '"dq"', "1", "0x1", "true", "null", "~", "a b", "? a", "- a",
             "<<", "[a, b]", "{a: 1}", "!!str k", "&k key", "*k"]  # fmt: skip
YAML_VALUES = ["x", "1", "", "'s'", '"d\\n"', "[1, 2]", "{a: 1}", "&a x", "*a", "&a [1]",
               "!!python/object:os.system {}", "!!python/name:os.system", "!!python/tuple []",
               "!!str 1", "!!set {a, b}", "!!omap [a: 1]", "!!pairs [a: 1]", "!!binary aGk=",
               "!!binary ???", "!!map [1]", "!!seq {a: 1}", "!custom x", "|", ">-",
               "2024-01-19", "2024-02-30", "1899-12-31", "{", "]", "\t", "# c", "- x",
               "{a: 1, a: 2}", "[[[[[[[[]]]]]]]]", "%YAML 1.1", "---", "...",
               "<<: {a: 1}", "<<: [{a: 1}]", "<<: *a"]  # fmt: skip
yaml_lines = st.one_of(
    st.builds(
        "{}{}: {}".format,
        st.sampled_from(["", "  ", "    ", "\t", " "]),
        st.sampled_from(YAML_KEYS),
        st.sampled_from(YAML_VALUES),
    ),
    st.builds("{}- {}".format, st.sampled_from(["", "  ", "    "]), st.sampled_from(YAML_VALUES)),
    st.sampled_from(YAML_VALUES),
    st.integers(1, 80).map(lambda n: "[" * n + "]" * n),
    st.integers(1, 80).map(lambda n: "{a: " * n + "1" + "}" * n),
    st.integers(1, 50).map(
        lambda n: "".join(f"{'  ' * i}k{i}:\n" for i in range(n)) + "  " * n + "v"
    ),
    st.integers(1, 50).map(lambda n: "".join(f"{'  ' * i}-\n" for i in range(n)) + "  " * n + "v"),
)
yaml_ish = st.lists(yaml_lines, max_size=10).map("\n".join)
# Any text YAML allows in a stream (no C0/C1 controls but tab and line breaks, no
# U+FFFE/U+FFFF), and text holding one character it does not allow.
yaml_printable_texts = st.text(
    st.one_of(
        st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff"),
        st.sampled_from("\t\n\r\x85"),
    ),
    max_size=120,
)
YAML_FORBIDDEN = [chr(c) for c in [*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F]]
YAML_FORBIDDEN += [chr(c) for c in range(0x80, 0xA0) if c != 0x85] + ["\ufffe", "\uffff"]
texts_with_a_forbidden_character = st.builds(
    "{}{}{}".format,
    st.one_of(yaml_ish, yaml_printable_texts),
    st.sampled_from(YAML_FORBIDDEN),
    st.one_of(yaml_ish, yaml_printable_texts),
)

# Core tags whose constructors call int()/float()/dict lookups on the raw scalar.
CORE_SCALAR_TAGS = ["!!int", "!!float", "!!bool", "!!timestamp", "!!null"]


# Nested data whose mappings are lists of (key, value) pairs, so a key can repeat.
Tree = Any
scalars = st.one_of(
    st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x7f"), max_size=8),
    st.integers(-(10**6), 10**6),
    st.booleans(),
    st.none(),
)
keys = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x7f"), max_size=6)
trees = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.lists(st.tuples(keys, inner), max_size=3, unique_by=lambda kv: kv[0]).map(
            lambda pairs: ("map", pairs)
        ),
    ),
    max_leaves=10,
)


def is_map(node: Tree) -> bool:
    return isinstance(node, tuple) and len(node) == 2 and node[0] == "map"


def quote(value: str) -> str:
    """A YAML double-quoted scalar for any text: JSON quoting, raw astral characters (a
    JSON surrogate-pair escape would be read by PyYAML as two lone surrogates), and
    escapes for what YAML forbids raw or folds as a line break."""
    quoted = json.dumps(value, ensure_ascii=False)
    return "".join(
        f"\\u{ord(c):04x}"
        if c in "\x85\u2028\u2029\ufeff\ufffe\uffff" or 0x7F <= ord(c) <= 0x9F
        else c
        for c in quoted
    )


def flow(node: Tree) -> str:
    """Flow style (JSON is YAML); strings are double-quoted, so keys are always strings."""
    if is_map(node):
        return "{" + ", ".join(f"{quote(k)}: {flow(v)}" for k, v in node[1]) + "}"
    if isinstance(node, list):
        return "[" + ", ".join(flow(v) for v in node) + "]"
    return quote(node) if isinstance(node, str) else json.dumps(node)


def block(node: Tree, indent: str = "") -> str:
    """Block style, falling back to flow for scalars and empty collections."""
    if is_map(node) and node[1]:
        return "".join(
            f"{indent}{quote(k)}:\n{block(v, indent + '  ')}"
            if _nested(v)
            else f"{indent}{quote(k)}: {flow(v)}\n"
            for k, v in node[1]
        )
    if isinstance(node, list) and node:
        return "".join(
            f"{indent}-\n{block(v, indent + '  ')}" if _nested(v) else f"{indent}- {flow(v)}\n"
            for v in node
        )
    return f"{indent}{flow(node)}\n"


def _nested(node: Tree) -> bool:
    return (is_map(node) and bool(node[1])) or (isinstance(node, list) and bool(node))


def to_python(node: Tree) -> Any:
    if is_map(node):
        return {k: to_python(v) for k, v in node[1]}
    if isinstance(node, list):
        return [to_python(v) for v in node]
    return node


def mappings(node: Tree) -> list[list[tuple[str, Tree]]]:
    """Every mapping's pair list in the tree (the lists themselves, to be mutated)."""
    found = []
    if is_map(node):
        found.append(node[1])
        for _, v in node[1]:
            found += mappings(v)
    elif isinstance(node, list):
        for v in node:
            found += mappings(v)
    return found


@st.composite
def trees_with_repeated_key(draw: st.DrawFn) -> Tree:
    """A tree in which one mapping, at any depth, has one of its keys a second time."""
    tree = copy.deepcopy(draw(trees.filter(lambda t: any(mappings(t)))))
    pairs = draw(st.sampled_from([p for p in mappings(tree) if p]))
    key = draw(st.sampled_from([k for k, _ in pairs]))
    pairs.insert(draw(st.integers(0, len(pairs))), (key, draw(scalars)))
    return tree


def emit(node: Tree, style: str) -> str:
    return flow(node) + "\n" if style == "flow" else block(node)


# Sidecars: file names mapped to entries, mostly valid keys, dates of every kind.
sidecar_entries = st.one_of(
    st.fixed_dictionaries(
        {},
        optional={
            "url": st.just("https://www.dawn.com/news/1806000"),
            "outlet": st.just("Dawn"),
            "published_date": date_strings,
            "note": st.text(max_size=20),
            "title": st.just("not a curated key"),
        },
    ),
    json_values,
)
file_names = st.from_regex(r"[a-z0-9_]{1,8}\.(txt|jsonl|html)", fullmatch=True)


def sidecar_text(entries: dict[str, Any], style: str) -> str:
    tree = ("map", [(name, _as_tree(entry)) for name, entry in entries.items()])
    return emit(tree, style)


def _as_tree(value: Any) -> Tree:
    if isinstance(value, dict):
        return ("map", [(str(k), _as_tree(v)) for k, v in value.items()])
    if isinstance(value, list):
        return [_as_tree(v) for v in value]
    if isinstance(value, float):
        return str(value)  # PyYAML reads "1e+20" as a string: keep floats out of the data
    return value


structured_sidecars = st.builds(
    sidecar_text,
    st.dictionaries(file_names, sidecar_entries, max_size=4),
    st.sampled_from(["block", "flow"]),
)


# --- 1. decode_text -------------------------------------------------------------------

BOMS = [codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE,
        codecs.BOM_UTF32_BE]  # fmt: skip
byte_inputs = st.one_of(
    st.binary(max_size=300),
    st.builds(bytes.__add__, st.sampled_from(BOMS), st.binary(max_size=120)),
    # ASCII with a NUL in every other byte: UTF-16 saved without a BOM.
    st.builds(
        lambda s, be: s.encode("utf-16-be" if be else "utf-16-le"),
        st.text(st.characters(min_codepoint=32, max_codepoint=126), min_size=1, max_size=60),
        st.booleans(),
    ),
    texts.map(lambda t: t.encode("utf-8")),
)


@FAST
@given(byte_inputs)
def test_decode_text_returns_clean_text_or_a_catalogued_error(data: bytes) -> None:
    """Any bytes decode to text without CR or NUL, or to a DecodeError whose reason is
    catalogued and whose offset points into the data."""
    decoded = decode_text(data)
    if isinstance(decoded, DecodeError):
        assert decoded.reason in REJECT_REASONS
        assert 0 <= decoded.offset < len(data), decoded
        assert decoded.detail
    else:
        assert isinstance(decoded, str)
        assert "\r" not in decoded and "\x00" not in decoded


@FAST
@given(
    text=st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")),
    encoding=st.sampled_from(
        ["utf-8", "utf-8-sig", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"]
    ),
)
@example(text="caf\u00e9\r\nline two\rthree \U0001f600", encoding="utf-16-le")
@example(text="\ufeffa leading BOM character", encoding="utf-8-sig")
def test_unicode_encodings_round_trip(text: str, encoding: str) -> None:
    """UTF-8 (with or without a BOM) and UTF-16/32 with a BOM decode back to the same text,
    with CRLF and CR line ends made LF."""
    bom = {
        "utf-8": b"",
        "utf-8-sig": b"",  # the codec writes the BOM itself
        "utf-16-le": codecs.BOM_UTF16_LE,
        "utf-16-be": codecs.BOM_UTF16_BE,
        "utf-32-le": codecs.BOM_UTF32_LE,
        "utf-32-be": codecs.BOM_UTF32_BE,
    }[encoding]
    if encoding == "utf-8" and text.startswith("\ufeff"):
        text = text[1:]  # a leading U+FEFF in BOM-less UTF-8 *is* a BOM: it cannot survive
    assert decode_text(bom + text.encode(encoding)) == normalize_line_ends(text)


# --- 2. read_file ---------------------------------------------------------------------


def check_results(name: str, results: list) -> None:
    for item in results:
        assert isinstance(item, RawDocument | Reject), item
        if isinstance(item, Reject):
            assert_known_reject(item, name)
        else:
            assert item.source_file == name
            assert item.text.strip()


@FAST
@given(
    name=st.sampled_from(["a.txt", "a.jsonl", "dir/b.TXT", "c.JSONL"]),
    data=st.one_of(byte_inputs, jsonl_files().map(lambda f: f[0])),
)
def test_read_file_yields_documents_or_catalogued_rejects(name: str, data: bytes) -> None:
    """Any bytes under an article name give RawDocuments or Rejects that name the file,
    carry a catalogued reason and say how to fix it; a .txt file gives exactly one."""
    results = list(read_file(name, data))
    check_results(name, results)
    if name.lower().endswith(".txt"):
        assert len(results) == 1
        if isinstance(results[0], RawDocument):
            assert results[0].text == decode_text(data)
            assert results[0].source_line is None


@FAST
@given(jsonl_files())
@example((b"\xef\xbb\xbf\n\n", ["", ""]))
@example((b'{"text": "a"}\r{"text": "b"}\n', ['{"text": "a"}', '{"text": "b"}']))
def test_read_file_jsonl_gives_one_result_per_non_blank_line(file: tuple[bytes, list[str]]) -> None:
    """In a decodable .jsonl file every non-blank line gives exactly one result, in order,
    carrying that line's number; blank lines give nothing."""
    data, _ = file
    decoded = decode_text(data)
    assert isinstance(decoded, str), decoded  # these files are valid UTF-8/16
    expected = [n for n, line in enumerate(decoded.split("\n"), start=1) if line.strip()]
    results = list(read_file("crawl.jsonl", data))
    check_results("crawl.jsonl", results)
    lines = [r.source_line if isinstance(r, RawDocument) else r.line for r in results]
    assert lines == expected


html_pages = st.one_of(
    st.builds(
        "<html><head><title>{}</title></head><body><nav>Home | World</nav><article><p>{}</p>"
        "<p>{}</p></article></body></html>".format,
        printable_texts,
        printable_texts,
        st.sampled_from(["", GOOD_ARTICLE, "word " * 80]),
    ).map(str.encode),
    st.binary(max_size=200),
    st.sampled_from([b"", b"   ", b"<html></html>", b"<p>", b"<<<>>>", b"\xef\xbb\xbf<p>x</p>"]),
)


@SLOW
@given(html_pages)
def test_read_file_html_yields_one_document_or_reject(data: bytes) -> None:
    """An .html file of any bytes gives exactly one RawDocument or catalogued Reject
    (few examples: trafilatura is slow)."""
    results = list(read_file("page.html", data))
    assert len(results) == 1
    check_results("page.html", results)


# --- 3. read_jsonl_line ---------------------------------------------------------------

line_bytes = st.one_of(
    st.binary(max_size=200),
    jsonl_lines.map(str.encode),
    records.map(lambda r: json.dumps(r, ensure_ascii=False).encode("utf-8")),
    st.builds(bytes.__add__, st.sampled_from(BOMS), jsonl_lines.map(str.encode)),
)


@FAST
@given(number=st.integers(1, 10**7), raw=line_bytes)
def test_read_jsonl_line_never_raises(number: int, raw: bytes) -> None:
    """One line's bytes give None (blank), a RawDocument or a catalogued Reject, always
    carrying the line number it was given."""
    result = read_jsonl_line("crawl.jsonl", number, raw)
    if result is None:
        return
    check_results("crawl.jsonl", [result])
    assert (result.source_line if isinstance(result, RawDocument) else result.line) == number


lone_surrogates = st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)
surrogate_records = st.fixed_dictionaries(
    {"text": st.builds(str.__add__, st.just("Officials met in Tehran. "), lone_surrogates)},
    optional={
        "id": st.just("s1"),
        "title": lone_surrogates,
        "date": lone_surrogates,
        "outlet": lone_surrogates,
    },
)


@MEDIUM
@given(surrogate_records.map(lambda r: json.dumps(r).encode()))
@example(b'{"text": "Officials met in Tehran. \\ud800"}')
@example(b'{"id": "s2", "text": "Officials met in Tehran.", "date": "\\udc00"}')
def test_read_jsonl_line_output_is_always_writable_utf8(raw: bytes) -> None:
    """A record with escaped lone surrogates gives a result that can be written as UTF-8
    (the release is UTF-8 JSON): never an exception, never an unwritable string."""
    result = read_jsonl_line("crawl.jsonl", 1, raw)
    assert result is not None
    if isinstance(result, Reject):
        assert_known_reject(result, "crawl.jsonl")
        result.model_dump_json()  # what release/writers.py does with every reject
    else:
        result.text.encode("utf-8")
        for value in vars(result.meta).values():
            if isinstance(value, str):
                value.encode("utf-8")


# --- 4. safe_yaml ---------------------------------------------------------------------


def yaml_outcome(parse: Any, text: str) -> str | None:
    """None when the text was accepted, else the YamlProblem reason (checked to be known)."""
    try:
        parse(text)
    except safe_yaml.YamlProblem as problem:
        assert problem.reason in REJECT_REASONS, problem.reason
        assert problem.line is None or problem.line >= 1
        assert problem.message
        return problem.reason
    return None


yaml_texts = st.one_of(
    yaml_printable_texts,
    yaml_ish,
    st.builds(emit, trees, st.sampled_from(["block", "flow"])),
    st.builds(emit, trees_with_repeated_key(), st.sampled_from(["block", "flow"])),
    structured_sidecars,
)


@FAST
@given(yaml_texts)
@example("a: &x 1\nb: *x")
@example("!!python/object:os.system {}")
@example("[" * (MAX_YAML_DEPTH + 1) + "]" * (MAX_YAML_DEPTH + 1))
def test_safe_yaml_returns_or_raises_yaml_problem(text: str) -> None:
    """compose() and load() either return or raise YamlProblem with a catalogued reason;
    no other exception gets out, and both agree on refusing a text."""
    composed = yaml_outcome(safe_yaml.compose, text)
    loaded = yaml_outcome(safe_yaml.load, text)
    if composed is not None:
        assert loaded == composed  # load composes first: the same problem
    else:
        assert loaded in (None, "invalid-yaml")  # only construction can fail further


def _anchor_events(text: str) -> bool | None:
    """Whether PyYAML's own parser sees an anchor or alias in a single-document text
    (None when it does not parse, or is not one document)."""
    try:
        events = list(yaml.parse(text, Loader=yaml.SafeLoader))
    except yaml.YAMLError:
        return None
    if sum(isinstance(e, yaml.DocumentStartEvent) for e in events) != 1:
        return None
    return any(isinstance(e, yaml.AliasEvent) or getattr(e, "anchor", None) for e in events)


@st.composite
def shared_object_yaml(draw: st.DrawFn) -> str:
    """YAML that PyYAML itself writes for data holding one collection twice: &id001/*id001."""
    shared = draw(
        st.one_of(st.lists(scalars, max_size=3), st.dictionaries(keys, scalars, max_size=3))
    )
    data: Any = [shared, shared]
    for _ in range(draw(st.integers(0, 4))):
        data = draw(st.sampled_from([[data], {"k": data}, {"k": data, "x": 1}, [1, data]]))
    return yaml.safe_dump(data, default_flow_style=draw(st.sampled_from([False, True, None])))


@FAST
@given(st.one_of(yaml_ish, shared_object_yaml()))
@example("a: &x 1\nb: 2")
@example("- *undefined")
@example("--- &doc\na: 1")
def test_safe_yaml_refuses_every_anchor_and_alias(text: str) -> None:
    """Any single YAML document that holds an anchor (&a) or an alias (*a) is refused as
    unsafe-yaml by compose() and load(), even an anchor that nothing refers to."""
    if _anchor_events(text):
        assert yaml_outcome(safe_yaml.compose, text) == "unsafe-yaml"
        assert yaml_outcome(safe_yaml.load, text) == "unsafe-yaml"


@FAST
@given(tree=trees_with_repeated_key(), style=st.sampled_from(["block", "flow"]))
@example(tree=("map", [("a", 1), ("a", 1)]), style="block")
@example(tree=[[("map", [("k", None), ("x", 1), ("k", None)])]], style="flow")
def test_safe_yaml_refuses_a_repeated_key_at_any_depth(tree: Tree, style: str) -> None:
    """A mapping (block or flow, at any depth) that names one key twice is refused as
    duplicate-key, even when both values are equal."""
    text = emit(tree, style)
    assert yaml_outcome(safe_yaml.compose, text) == "duplicate-key", text
    assert yaml_outcome(safe_yaml.load, text) == "duplicate-key", text


@FAST
@given(tree=trees, style=st.sampled_from(["block", "flow"]))
def test_safe_yaml_loads_plain_data_unchanged(tree: Tree, style: str) -> None:
    """Data without anchors or repeated keys loads to exactly the values written."""
    assert safe_yaml.load(emit(tree, style)) == to_python(tree)


@FAST
@given(texts_with_a_forbidden_character)
@example("\x1f")
@example("good.txt:\n  note: caf\x80\n")
def test_safe_yaml_refuses_forbidden_characters_as_yaml_problem(text: str) -> None:
    """Text with a character YAML does not allow is refused as a YamlProblem (invalid-yaml)."""
    assert yaml_outcome(safe_yaml.compose, text) == "invalid-yaml"
    assert yaml_outcome(safe_yaml.load, text) == "invalid-yaml"


@FAST
@given(
    tag=st.sampled_from(CORE_SCALAR_TAGS),
    value=st.one_of(st.sampled_from(["foo", "x", "2024-02-30", "0x", "1_0x", "1e5"]), keys),
)
@example(tag="!!bool", value="foo")
@example(tag="!!timestamp", value="foo")
@example(tag="!!int", value="x")
def test_safe_yaml_load_explicit_tags_raise_only_yaml_problem(tag: str, value: str) -> None:
    """A scalar with an explicit core tag that its value does not fit is a YamlProblem."""
    yaml_outcome(safe_yaml.load, f"a: {tag} {json.dumps(value)}\n")


EQUAL_KEY_SPELLINGS = [
    ["1", "+1", "0x1", "01", "0b1", "1.0", "true"],  # all == 1 once constructed
    ["true", "True", "TRUE", "yes", "on", "Yes"],
    ["null", "~", "Null", "NULL"],
    ["1.5", "+1.5", "1.50", "0.15e+1"],
]


@FAST
@given(st.sampled_from(EQUAL_KEY_SPELLINGS).flatmap(lambda g: st.permutations(g)))
@example(["1", "0x1"])
def test_safe_yaml_load_never_drops_an_equal_key(spellings: list[str]) -> None:
    """Two keys equal once constructed are refused as duplicate-key, never merged."""
    first, second = spellings[:2]
    text = f"{first}: a\n{second}: b\n"
    try:
        loaded = safe_yaml.load(text)
    except safe_yaml.YamlProblem as problem:
        assert problem.reason == "duplicate-key", text
        return
    assert len(loaded) == 2, (text, loaded)


# --- 5. parse_sidecar -----------------------------------------------------------------


@FAST
@given(st.one_of(structured_sidecars, yaml_ish, yaml_printable_texts))
@example("good.txt:\n  published_date: 2024-02-30\n")
@example("good.txt: {published_date: '1066-10-14'}")
@example("a.txt: {url: &u x}\nb.txt: {url: *u}")
def test_parse_sidecar_never_raises(text: str) -> None:
    """Any sidecar text parses to entries and catalogued rejects; every accepted
    published_date lies in the supported window."""
    sidecar = parse_sidecar("sources.yaml", text)
    for item in [*sidecar.file_rejects, *sidecar.entry_rejects.values()]:
        assert_known_reject(item, "sources.yaml")
    for name, entry in sidecar.entries.items():
        assert name in sidecar.entry_lines
        if entry.published_date is not None:
            assert EARLIEST_DATE <= entry.published_date <= LATEST_DATE
    if sidecar.file_rejects and not sidecar.entries and not sidecar.entry_rejects:
        assert sidecar.broken


@FAST
@given(texts_with_a_forbidden_character)
@example("good.txt:\n  note: \x1b[31m red \x1b[0m\n")
def test_parse_sidecar_never_raises_on_forbidden_characters(text: str) -> None:
    """A sidecar with a control character is a file reject (invalid-yaml), not an error."""
    sidecar = parse_sidecar("sources.yaml", text)
    assert [r.reason for r in sidecar.file_rejects] == ["invalid-yaml"]


@FAST
@given(
    entries=st.dictionaries(file_names, st.sampled_from(["date", "bad-key", "list"]), max_size=4),
    date=date_strings,
    style=st.sampled_from(["block", "flow"]),
)
def test_parse_sidecar_keeps_each_entry_or_rejects_it(
    entries: dict[str, str], date: str, style: str
) -> None:
    """Each file named in a well-formed sidecar ends as an entry or an entry reject, and
    an entry's date is the one parse_date_value reads (or its reject says why not)."""
    body = {
        name: {"date": {"published_date": date, "outlet": "Dawn"},
               "bad-key": {"title": "x"},
               "list": ["not", "a", "mapping"]}[kind]
        for name, kind in entries.items()
    }  # fmt: skip
    sidecar = parse_sidecar("sources.yaml", sidecar_text(body, style))
    assert not sidecar.file_rejects
    assert set(sidecar.entries) | set(sidecar.entry_rejects) == set(entries)
    try:
        expected: dt.date | str | None = parse_date_value(date) if date else None
    except DateOutOfRange:
        expected = "date-out-of-range"
    except ValueError:
        expected = "invalid-date"
    for name, kind in entries.items():
        if kind != "date":
            assert sidecar.entry_rejects[name].reason == "invalid-sources-entry"
        elif isinstance(expected, str):
            assert sidecar.entry_rejects[name].reason == expected
        else:
            assert sidecar.entries[name].published_date == expected


# --- 6. parse_date_value --------------------------------------------------------------


@FAST
@given(date_strings)
@example("2024-01-19T10:00:00Z")
@example("Jan. 19, 2024")
@example("1900-01-01")
@example("2100-12-31")
def test_parse_date_value_is_in_window_or_a_value_error(value: str) -> None:
    """Any string is a date inside the window, the same on a second call, or a
    ValueError (DateOutOfRange for real dates outside the window)."""
    try:
        first = parse_date_value(value)
    except ValueError as err:
        with pytest.raises(type(err)):
            parse_date_value(value)
        return
    assert EARLIEST_DATE <= first <= LATEST_DATE
    assert parse_date_value(value) == first


@FAST
@given(st.one_of(iso_dates_in_window, iso_dates_out_of_window))
def test_parse_date_value_reads_iso_dates_exactly(value: str) -> None:
    """An ISO date is itself when in the window and DateOutOfRange outside it."""
    date = dt.date.fromisoformat(value)
    if EARLIEST_DATE <= date <= LATEST_DATE:
        assert parse_date_value(value) == date
    else:
        with pytest.raises(DateOutOfRange):
            parse_date_value(value)


@FAST
@given(
    word=relative_dates,
    case=st.sampled_from([str, str.upper, str.title]),
    pad=st.sampled_from(["", " ", "  \t"]),
)
@example(word="yesterday", case=str, pad="")
@example(word="2 days ago", case=str, pad="")
@example(word="last week", case=str, pad="")
@example(word="now", case=str, pad="")
@example(word="today", case=str, pad="")
def test_relative_dates_are_never_read(word: str, case: Any, pad: str) -> None:
    """Words that need the clock ('yesterday', '2 days ago', 'now') are never a date, so a
    rebuild on another day gives the same output."""
    with pytest.raises(ValueError):
        parse_date_value(pad + case(word) + pad)


# --- 7. InputFolder end to end --------------------------------------------------------

extra_names = st.from_regex(r"\.?[a-z0-9_]{1,8}\.(txt|jsonl|TXT|JSONL)", fullmatch=True).filter(
    lambda n: n.lower() not in ("good.txt",)
)
extra_contents = st.one_of(
    st.binary(max_size=200),
    byte_inputs,
    jsonl_files().map(lambda f: f[0]),
    texts.map(str.encode),
)


def expected_records(name: str, data: bytes) -> int:
    """How many results a file must give: one for .txt; one per non-blank line of .jsonl
    (streamed by bytes, or decoded whole when it starts with a UTF-16/32 BOM)."""
    if not name.lower().endswith(".jsonl"):
        return 1
    if data.startswith((b"\xff\xfe", b"\xfe\xff", codecs.BOM_UTF32_BE)):  # ingest._WIDE_BOMS
        decoded = decode_text(data)
        if isinstance(decoded, DecodeError):
            return 1
        return sum(1 for line in decoded.split("\n") if line.strip())
    lines = data.split(b"\n")
    if lines[-1] == b"":
        lines.pop()  # readline() gives no line after a final line break
    count = 0
    for number, raw in enumerate(lines, start=1):
        raw = raw.rstrip(b"\r\n")
        if number == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[3:]
        decoded = decode_text(raw)
        count += isinstance(decoded, DecodeError) or bool(decoded.strip())
    return count


@st.composite
def input_folders(draw: st.DrawFn) -> dict[str, bytes | str]:
    """good.txt, 1-3 other .txt/.jsonl files (some hidden), and maybe a sources.yaml
    whose entries name some of those files, or names no file, or is not YAML at all."""
    files: dict[str, bytes | str] = {"good.txt": GOOD_ARTICLE}
    files |= draw(st.dictionaries(extra_names, extra_contents, min_size=1, max_size=3))
    kind = draw(st.sampled_from(["none", "none", "entries", "text"]))
    if kind == "entries":
        names = draw(st.lists(st.sampled_from(sorted(files)) | file_names, unique=True, max_size=4))
        entries = {name: draw(sidecar_entries) for name in names}
        files["sources.yaml"] = sidecar_text(entries, draw(st.sampled_from(["block", "flow"])))
    elif kind == "text":
        files["sources.yaml"] = draw(
            st.one_of(
                yaml_ish,
                yaml_printable_texts,
                st.sampled_from(["good.txt: {published_date: 2024-02-30}", "{", "- good.txt"]),
            )
        )
    return files


@SLOW
@given(files=input_folders())
@example(files={"good.txt": GOOD_ARTICLE, "a.jsonl": b'{"id": "good", "text": "x"}\n\n{'})
@example(files={"good.txt": GOOD_ARTICLE, "b.txt": b"", "sources.yaml": "b.txt: {title: x}"})
def test_input_folder_accounts_for_every_path_and_record(
    tmp_path_factory: pytest.TempPathFactory, files: dict[str, bytes | str]
) -> None:
    """A folder holding a good article, arbitrary .txt/.jsonl files and maybe a
    sources.yaml streams only RawDocuments and Rejects, never raises, and accounts for
    everything: each path is read, skipped or refused; each .txt gives one record and
    each non-blank .jsonl line one; the per-file counts add up to the items yielded for
    article files; and curated metadata goes exactly where the sidecar says."""
    folder = InputFolder(write_inputs(tmp_path_factory.mktemp("inputs"), files))
    items = list(folder.documents())

    def file_of(item: RawDocument | Reject) -> str:
        return item.source_file if isinstance(item, RawDocument) else item.file

    for item in items:
        assert isinstance(item, RawDocument | Reject), item
        if isinstance(item, Reject):
            assert_known_reject(item, item.file)
            assert item.reason != "internal-error", item
        assert file_of(item) in files
    accounted = (
        [f.path for f in folder.inputs]
        + [s.path for s in folder.skipped]
        + [rel for rel, _, _ in folder.refused]
        + folder.unread
    )
    assert sorted(accounted) == sorted(files)
    assert {s.path for s in folder.skipped} == {n for n in files if n.startswith(".")}
    assert not folder.unread and not folder.refused

    sidecar_items = [i for i in items if file_of(i) == "sources.yaml"]
    assert sum(folder.records.values()) == len(items) - len(sidecar_items)
    for name in folder.article_files:
        data = files[name]
        content = data.encode() if isinstance(data, str) else data
        assert folder.records[name] == expected_records(name, content), name
        assert len([i for i in items if file_of(i) == name]) == folder.records[name], name

    good = [i for i in items if file_of(i) == "good.txt"]
    assert len(good) == 1
    if isinstance(good[0], Reject) and "sources.yaml" not in files:
        assert good[0].reason == "duplicate-article-id"  # a .jsonl record took the id

    if "sources.yaml" in files:
        text = str(files["sources.yaml"]).encode().decode("utf-8-sig")
        sidecar = parse_sidecar("sources.yaml", text)
        for doc in (i for i in items if isinstance(i, RawDocument)):
            name = doc.source_file
            assert name not in sidecar.entry_rejects  # its records are withheld
            assert doc.curated == sidecar.entries.get(name)
            assert sidecar.broken == ("curated-metadata-unavailable" in doc.flags)
        unknown = [i for i in sidecar_items if i.reason == "unknown-source-file"]
        assert sorted(i.field for i in unknown) == sorted(
            n for n in sidecar.entry_lines if n not in folder.article_files
        )
