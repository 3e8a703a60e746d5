"""Hardening bench: play attacker and unlucky user against `newsevents build --keep-going`.

Run from the project root (about 5-10 minutes; the spaCy model load costs seconds per build):

    .venv/bin/python bench/hardening.py                  # every kind
    .venv/bin/python bench/hardening.py --only jsonl     # kinds whose name holds "jsonl"
    .venv/bin/python bench/hardening.py --keep           # keep the temporary folder

For each KIND of bad or odd input (empty, binary, UTF-16, names that are not UTF-8,
symbolic links out of the folder, FIFOs, huge or deeply nested files, broken JSONL
records, impossible dates, hostile `sources.yaml` sidecars, ...) it writes one small input
folder holding the odd item beside one known-good English article, runs
`newsevents build --input DIR --out OUT --version v --keep-going` in a subprocess (timeout,
4 GB address-space cap) and checks the release it wrote:

- the good article is in jsonl/articles.jsonl;
- the odd item ended as a reject with a reason from REJECT_REASONS, as a manifest
  `skipped` entry with a reason, or (for odd but valid input) as an article;
- the manifest `accounting` identities hold and agree with the files of the release;
- every path os.walk(followlinks=False) finds under the input folder (a hidden folder
  or a symbolic link to a folder counted as one path) is an input, skipped or rejected;
- each input's `records` equals its articles plus its rejects, its SHA-256 is right;
- nothing from outside the input folder (the text of /etc/passwd, an article planted
  behind a symbolic link) appears in any released file, Parquet included.

Kinds that cannot disturb each other share one build, each in its own subfolder (outcomes
are attributed by path prefix; a batch that fails as a whole is split in halves until the
culprit is alone). Sidecar problems and memory or time bombs get a build of their own.
It also runs `newsevents validate` on some folders and a few command-line mistakes, and
checks that none prints a traceback.

Prints one row per kind: kind, outcome (article, read, reject:<reason>, skipped:<reason>,
CRASH, LOST, TIMEOUT, OOM, n/a), seconds and peak RSS in MB of its build (`*`: shared by
the kinds of one batched build), and notes (anything that looked wrong, e.g. an outcome
other than the one expected). Then totals. Exits 1 when any kind crashed, was lost or
leaked. A script, not a pytest test.
"""

import argparse
import codecs
import contextlib
import gzip
import hashlib
import json
import os
import resource
import shutil
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsevents import limits
from newsevents.errors import REJECT_REASONS

ROOT = Path(__file__).resolve().parents[1]
CLI = str(ROOT / ".venv" / "bin" / "newsevents")
TRACEBACK = "Traceback (most recent call last)"
MEMORY_CAP = 4 << 30  # RLIMIT_AS of every build
TIMEOUT = 120.0  # seconds for a build of one kind
SHA_CHECK_MAX = 64 << 20  # inputs larger than this are not re-hashed
SECRET = "Quokkazanzibar"  # a word planted only outside the input folders

HEADLINE = "Flood waters cut roads in northern province as rescuers evacuate villages"
SENTENCES = (
    "Rescue teams evacuated more than two thousand residents from low-lying villages in "
    "the northern province on Tuesday after heavy rain pushed the river over its banks, "
    "local officials said.",
    "The provincial disaster management authority said roads to three districts had been "
    "cut and that army helicopters were dropping food and medicine to families stranded "
    "on rooftops.",
    "Forecasters expect more rain through the weekend, and schools in the area will stay "
    "closed until Monday, the education department said in a statement.",
)
BODY = " ".join(SENTENCES)
GOOD = f"{HEADLINE}\n\n{BODY}\n"

FRENCH = (
    "Des inondations coupent les routes dans le nord du pays\n\n"
    "Des équipes de secours ont évacué mardi plus de deux mille habitants de villages "
    "situés en zone inondable dans le nord du pays, après que de fortes pluies ont fait "
    "déborder la rivière, ont indiqué les autorités locales. Selon l'agence provinciale de "
    "gestion des catastrophes, les routes menant à trois districts ont été coupées et des "
    "hélicoptères de l'armée larguent de la nourriture et des médicaments aux familles "
    "réfugiées sur les toits.\n"
)
ARABIC = (
    "فيضانات تقطع الطرق في الإقليم الشمالي\n\n"
    "أجلت فرق الإنقاذ يوم الثلاثاء أكثر من ألفي شخص من القرى المنخفضة في الإقليم الشمالي "
    "بعد أن تسببت الأمطار الغزيرة في فيضان النهر، بحسب ما أفاد به مسؤولون محليون. وقالت "
    "هيئة إدارة الكوارث في الإقليم إن الطرق المؤدية إلى ثلاث مقاطعات قطعت وإن مروحيات "
    "الجيش تلقي الطعام والأدوية للعائلات العالقة على أسطح المنازل. ويتوقع خبراء الأرصاد "
    "هطول مزيد من الأمطار حتى نهاية الأسبوع.\n"
)
CHINESE = (
    "北部省份洪水冲断道路 救援人员疏散村民\n\n"
    "当地官员表示，由于暴雨导致河水漫过堤岸，救援队周二从北部省份低洼村庄疏散了两千多名居民。"
    "省灾害管理局称，通往三个地区的道路已被切断，军方直升机正在向被困在屋顶上的家庭空投食品和药品。"
    "气象部门预计本周末将继续降雨，教育部门在声明中说，该地区学校将停课至周一。"
    "救援人员说，部分村庄的水位仍在上涨，更多居民可能需要转移。\n"
)
BOILERPLATE = (
    "Home\nNews\nShare\nShare on Facebook\nTweet\nAdvertisement\nRead more\nRelated\n"
    "Trending\nMost read\nLeave a reply\nComments\nBack to top\n"
)
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"

BILLION_LAUGHS = """\
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""

DROP = object()  # a record field to leave out


def shown(raw: bytes) -> str:
    """A path as the manifest shows it: UTF-8, other bytes as \\xNN."""
    return raw.decode("utf-8", "backslashreplace")


def passwd_marker() -> bytes:
    try:
        first = Path("/etc/passwd").read_bytes().splitlines()[0].strip()
    except (OSError, IndexError):
        return b"root:x:0:0:"
    return first or b"root:x:0:0:"


# ---------------------------------------------------------------- kinds of input


class Unavailable(Exception):
    """This kind cannot be made on this machine (e.g. running as root)."""


Item = tuple[str, int | None]  # path relative to the kind folder as shown, JSONL line


class Folder:
    """The folder of one kind: where its make function writes."""

    def __init__(self, path: Path, work: Path) -> None:
        self.path = path
        self.tag = path.name  # unique per kind: file stems and record ids use it
        self.work = work

    def full(self, name: str | bytes) -> bytes:
        raw = name if isinstance(name, bytes) else name.encode("utf-8")
        return os.path.join(os.fsencode(self.path), raw)

    def put(self, name: str | bytes, data: str | bytes) -> str:
        full = self.full(name)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "wb") as out:
            out.write(data.encode("utf-8") if isinstance(data, str) else data)
        return shown(os.path.relpath(full, os.fsencode(self.path)))

    def link(self, name: str | bytes, target: str | bytes) -> str:
        full = self.full(name)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        os.symlink(target, full)
        return shown(os.path.relpath(full, os.fsencode(self.path)))

    @property
    def outside(self) -> Path:
        return self.work / "outside"


Maker = Callable[[Folder], list[Item]]
Data = str | bytes | Callable[[], str | bytes]


@dataclass
class Kind:
    name: str
    make: Maker
    expect: tuple[str, ...]  # accepted outcome prefixes
    alone: bool = False
    folder: str = ""


KINDS: list[Kind] = []


def add(name: str, expect: str, make: Maker, *, alone: bool = False) -> None:
    KINDS.append(Kind(name, make, tuple(expect.split()), alone))


def kind(name: str, expect: str, *, alone: bool = False) -> Callable[[Maker], Maker]:
    def register(make: Maker) -> Maker:
        add(name, expect, make, alone=alone)
        return make

    return register


def _data(data: Data) -> str | bytes:
    return data() if callable(data) else data


def file_kind(name: str, data: Data, expect: str, *, suffix: str = ".txt", alone: bool = False):
    """One odd file named bad-<tag><suffix>."""
    add(name, expect, lambda f: [(f.put(f"bad-{f.tag}{suffix}", _data(data)), None)], alone=alone)


def record(tag: str, which: str = "bad", **fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": f"{tag}-{which}",
        "title": HEADLINE,
        "text": BODY,
        "published_date": "2024-01-16",
        "outlet": "Example Times",
    }
    base.update(fields)
    return {k: v for k, v in base.items() if v is not DROP}


def line_of(value: Any) -> bytes:
    if isinstance(value, bytes):
        return value
    if isinstance(value, str):
        return value.encode("utf-8")
    return json.dumps(value).encode("utf-8")


def jsonl_kind(
    name: str,
    expect: str,
    fields: dict[str, Any] | None = None,
    raw: Callable[[str], str | bytes] | None = None,
    *,
    alone: bool = False,
) -> None:
    """A .jsonl file: line 1 a good record, line 2 the odd one (fields over a good record,
    or a raw line built from the tag)."""

    def make(f: Folder) -> list[Item]:
        bad = raw(f.tag) if raw else record(f.tag, **(fields or {}))
        lines = [line_of(record(f.tag, "ok")), line_of(bad)]
        return [(f.put(f"bad-{f.tag}.jsonl", b"\n".join(lines) + b"\n"), 2)]

    add(name, expect, make, alone=alone)


def sidecar_kind(name: str, expect: str, yaml_text: Data, *, extra: Maker | None = None):
    """A sources.yaml at the input root, beside target.txt (a good article it may name)."""

    def make(f: Folder) -> list[Item]:
        target = f.put("target.txt", GOOD.replace("Flood waters", "Flood water"))
        text = _data(yaml_text)
        if isinstance(text, str):
            text = text.replace("{WORK}", str(f.work))
        items = [(f.put("sources.yaml", text), None), (target, None)]
        return items + (extra(f) if extra else [])

    add(name, expect, make, alone=True)


def html_page(title: str, paragraphs: tuple[str, ...] | list[str], **opts: str) -> str:
    lang = opts.get("lang", "en")
    head = opts.get("head", "")
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>'
        f'<meta property="og:site_name" content="Example Times">{head}</head><body>'
        f"<header><nav><a href='/'>Home</a> <a href='/world'>World</a></nav></header>"
        f"<article><h1>{title}</h1>{body}</article>{opts.get('tail', '')}"
        "<footer>Copyright 2024 Example Times</footer></body></html>\n"
    )


GOOD_HTML = html_page(HEADLINE, SENTENCES, head='<meta name="date" content="2024-01-16">')


def paragraphs(text: str) -> list[str]:
    head, _, body = text.partition("\n\n")
    return [head, *(s for s in body.replace("。", "。\n").split("\n") if s.strip())]


def long_prose(chars: int) -> str:
    reps = chars // (len(BODY) + 1) + 1
    return (BODY + " ") * reps


# --- plain text files: encodings, line ends, emptiness, language, size
file_kind("txt: empty file", b"", "reject:empty-article")
file_kind("txt: whitespace only", " \n\t \r\n  \n\n", "reject:empty-article")
file_kind("txt: binary (PNG header)", PNG + bytes(range(256)) * 4, "reject:binary-file")
file_kind(
    "txt: NUL byte inside the text",
    GOOD.encode()[:200] + b"\x00" + GOOD.encode()[200:],
    "reject:binary-file",
)
file_kind("txt: Latin-1 bytes", GOOD.replace("local", "café").encode("latin-1"), "reject:not-utf8")
file_kind(
    "txt: Windows-1252 smart quotes",
    GOOD.replace("heavy rain", "“heavy rain”").encode("cp1252"),
    "reject:not-utf8",
)
file_kind(
    "txt: UTF-8 encoded surrogate (CESU-8)", GOOD.encode() + b"\xed\xa0\x80", "reject:not-utf8"
)
file_kind("txt: overlong UTF-8 sequence", GOOD.encode() + b"\xc0\xaf", "reject:not-utf8")
file_kind("txt: UTF-16 LE with BOM", codecs.BOM_UTF16_LE + GOOD.encode("utf-16-le"), "article")
file_kind("txt: UTF-16 BE with BOM", codecs.BOM_UTF16_BE + GOOD.encode("utf-16-be"), "article")
file_kind("txt: UTF-16 LE without BOM", GOOD.encode("utf-16-le"), "reject:utf-16")
file_kind("txt: UTF-16 BE without BOM", GOOD.encode("utf-16-be"), "reject:utf-16")
file_kind(
    "txt: UTF-16 BOM, lone surrogate",
    codecs.BOM_UTF16_LE + GOOD.encode("utf-16-le")[:120] + b"\x00\xd8A\x00",
    "reject:utf-16",
)
file_kind(
    "txt: UTF-16 BOM, odd byte count",
    codecs.BOM_UTF16_LE + GOOD.encode("utf-16-le") + b"x",
    "reject:utf-16 reject:not-utf8",
)
file_kind("txt: UTF-32 LE with BOM", codecs.BOM_UTF32_LE + GOOD.encode("utf-32-le"), "article")
file_kind("txt: UTF-32 BE with BOM", codecs.BOM_UTF32_BE + GOOD.encode("utf-32-be"), "article")
file_kind(
    "txt: UTF-32 BOM, code point > U+10FFFF",
    codecs.BOM_UTF32_LE + GOOD.encode("utf-32-le") + b"\x00\x00\x11\x00",
    "reject:not-utf8",
)
file_kind("txt: UTF-8 BOM", codecs.BOM_UTF8 + GOOD.encode(), "article")
file_kind("txt: CRLF line ends", GOOD.replace("\n", "\r\n"), "article")
file_kind("txt: lone-CR line ends (old Mac)", GOOD.replace("\n", "\r"), "article")
file_kind("txt: mixed line ends", HEADLINE + "\r\n\r" + BODY + "\n\r\n", "article")
file_kind(
    "txt: U+2028, NEL, VT, FS inside lines",
    GOOD.replace(" said.", " said.\u2028").replace("rooftops.", "rooftops.\x85\x0b\x1c"),
    "article",
)
file_kind(
    "txt: control chars and ANSI escapes",
    GOOD.replace("Rescue", "\x1b[31mRescue\x1b[0m\x07").replace("Monday", "Mon\x08day\x0c"),
    "article reject",
)
file_kind(
    "txt: zero-width and bidi override chars",
    GOOD.replace("river", "ri\u200bver").replace("army", "\u202earmy\u202c\ufeff"),
    "article",
)
file_kind(
    "txt: emoji, ZWJ, combining marks",
    GOOD.replace("Tuesday", "Tuesday 🌊👨‍👩‍👧 e\u0301"),
    "article",
)
file_kind("txt: is really HTML", GOOD_HTML, "article reject")
file_kind("txt: gzip-compressed", gzip.compress(GOOD.encode(), mtime=0), "reject")
file_kind(
    "txt: PDF bytes", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n", "reject"
)
file_kind("txt: boilerplate only", BOILERPLATE, "reject:not-an-article reject:empty-article")
file_kind(
    "txt: fewer than MIN_ARTICLE_WORDS words",
    "Flood hits village\n\nRescuers evacuated residents on Tuesday.\n",
    "reject:not-an-article",
)
file_kind("txt: headline only", HEADLINE + "\n", "reject:empty-article reject:not-an-article")
file_kind("txt: French article", FRENCH, "reject:unsupported-language")
file_kind("txt: Arabic article", ARABIC, "reject:unsupported-language")
file_kind("txt: Chinese article", CHINESE, "reject:unsupported-language")
file_kind(
    "txt: English with a French quote",
    GOOD.replace("Monday,", "Monday, « nous sommes épuisés », a dit un maire,"),
    "article",
)
file_kind(
    "txt: over MAX_ARTICLE_CHARS",
    lambda: HEADLINE + "\n\n" + long_prose(limits.MAX_ARTICLE_CHARS + 5_000),
    "reject:article-too-long",
)
file_kind(
    "txt: just under MAX_ARTICLE_CHARS",
    lambda: (
        HEADLINE
        + "\n\n"
        + long_prose(limits.MAX_ARTICLE_CHARS - 2_000)[: limits.MAX_ARTICLE_CHARS - 2_000]
    ),
    "article",
    alone=True,
)
file_kind(
    "txt: over MAX_FILE_BYTES",
    lambda: (HEADLINE + "\n\n" + long_prose(limits.MAX_FILE_BYTES)).encode()[
        : limits.MAX_FILE_BYTES + 1
    ],
    "reject:file-too-large",
    alone=True,
)
file_kind(
    "txt: 99k chars of '1,1,1' (ReDoS probe)",
    HEADLINE + "\n\n" + "1," * 49_000,
    "article reject",
    alone=True,
)
file_kind(
    "txt: 99k chars without a space",
    HEADLINE + "\n\n" + "a" * 99_000,
    "article reject",
    alone=True,
)
file_kind(
    "txt: 99k chars of casualty sentences",
    lambda: (
        HEADLINE
        + "\n\n"
        + ("Police said 12 people were killed and 34 wounded in the blast on Tuesday. " * 1500)[
            :99_000
        ]
    ),
    "article reject",
    alone=True,
)
file_kind(
    "txt: 50k boilerplate lines then the article",
    "Share\nAdvertisement\n" * 25_000 + GOOD,
    "article",
    alone=True,
)


@kind("txt: sparse 4 GiB file", "reject:file-too-large", alone=True)
def _sparse(f: Folder) -> list[Item]:
    rel = f.put(f"bad-{f.tag}.txt", b"")
    with open(f.full(rel), "r+b") as out:
        out.truncate(4 << 30)
    return [(rel, None)]


@kind("txt: unreadable (chmod 000)", "reject:unreadable-file")
def _unreadable(f: Folder) -> list[Item]:
    if os.geteuid() == 0:
        raise Unavailable("running as root: chmod cannot make a file unreadable")
    rel = f.put(f"bad-{f.tag}.txt", GOOD)
    os.chmod(f.full(rel), 0)
    return [(rel, None)]


# --- names and extensions
add("name: .TXT upper-case suffix", "article", lambda f: [(f.put(f"up-{f.tag}.TXT", GOOD), None)])
add("name: .htm suffix", "article", lambda f: [(f.put(f"page-{f.tag}.htm", GOOD_HTML), None)])
add(
    "name: trailing space 'x.txt '",
    "skipped",
    lambda f: [(f.put(f"space-{f.tag}.txt ", GOOD), None)],
)
add("name: trailing dot 'x.txt.'", "skipped", lambda f: [(f.put(f"dot-{f.tag}.txt.", GOOD), None)])
add("name: no extension", "skipped", lambda f: [(f.put(f"README-{f.tag}", GOOD), None)])
for _ext in (".pdf", ".json", ".md", ".docx", ".txt.bak", ".jsonl.gz"):
    add(
        f"name: non-article extension {_ext}",
        "skipped",
        lambda f, ext=_ext: [(f.put(f"other-{f.tag}{ext}", GOOD), None)],
    )
add(
    "name: prose saved as .jsonl",
    "reject:invalid-jsonl",
    lambda f: [(f.put(f"prose-{f.tag}.jsonl", GOOD), 1)],
)
add(
    "name: plain text saved as .html",
    "article reject",
    lambda f: [(f.put(f"plain-{f.tag}.html", GOOD), None)],
)
add("name: hidden file", "skipped", lambda f: [(f.put(f".hidden-{f.tag}.txt", GOOD), None)])
add("name: file named just '.txt'", "skipped", lambda f: [(f.put(".txt", GOOD), None)])
add("name: hidden folder", "skipped", lambda f: [(f.put(f".git/in-{f.tag}.txt", GOOD), None)])
add(
    "name: 60 nested folders",
    "article",
    lambda f: [(f.put("/".join(["lvl"] * 60) + f"/deep-{f.tag}.txt", GOOD), None)],
)


@kind("name: nesting beyond PATH_MAX", "skipped article")
def _beyond_path_max(f: Folder) -> list[Item]:
    part = "d" * 200
    fd = os.open(f.path, os.O_RDONLY)
    try:
        for _ in range(25):
            os.mkdir(part, dir_fd=fd)
            child = os.open(part, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = child
        name = f"deep-{f.tag}.txt"
        out = os.open(name, os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd)
        os.write(out, GOOD.encode())
        os.close(out)
    finally:
        os.close(fd)
    return [("/".join([part] * 25 + [name]), None)]


add("name: 255-byte file name", "article", lambda f: [(f.put("L" * 251 + ".txt", GOOD), None)])
add(
    "name: 246-byte multibyte name",
    "article",
    lambda f: [(f.put("é" * 121 + ".txt", GOOD), None)],
)
add(
    "name: not UTF-8 (b'caf\\xe9.txt')",
    "reject:file-name-not-utf8",
    lambda f: [(f.put(b"caf\xe9-" + f.tag.encode() + b".txt", GOOD), None)],
)
add(
    "name: folder not UTF-8",
    "reject:file-name-not-utf8",
    lambda f: [(f.put(b"caf\xe9/in-" + f.tag.encode() + b".txt", GOOD), None)],
)
add(
    "name: not UTF-8, not an article",
    "skipped",
    lambda f: [(f.put(b"caf\xe9-" + f.tag.encode() + b".pdf", GOOD), None)],
)


@kind("name: shown-name collision (\\xe9 vs backslash)", "reject:file-name-not-utf8 article")
def _collision(f: Folder) -> list[Item]:
    f.put(b"clash\\xe9-" + f.tag.encode() + b".txt", GOOD)  # a real backslash
    return [(f.put(b"clash\xe9-" + f.tag.encode() + b".txt", GOOD), None)]


add(
    "name: newline in file name",
    "article",
    lambda f: [(f.put(f"flood\nreport-{f.tag}.txt", GOOD), None)],
)
add(
    "name: RTL override in file name",
    "article",
    lambda f: [(f.put(f"evil\u202egnp-{f.tag}.txt", GOOD), None)],
)
add("name: ' .txt' (space stem)", "article", lambda f: [(f.put(" .txt", GOOD), None)])
add("name: Windows-reserved CON.txt", "article", lambda f: [(f.put("CON.txt", GOOD), None)])
add("name: Windows-reserved NUL.txt", "article", lambda f: [(f.put("NUL.txt", GOOD), None)])
add(
    'name: Windows-illegal chars <>:"|?*',
    "article",
    lambda f: [(f.put(f'a<b>c:d"e|f?g*-{f.tag}.txt', GOOD), None)],
)


@kind("name: same file name in two folders", "reject:duplicate-article-id")
def _same_name(f: Folder) -> list[Item]:
    f.put(f"a/same-{f.tag}.txt", GOOD)
    return [(f.put(f"b/same-{f.tag}.txt", GOOD), None)]  # sorted after a/: the duplicate


@kind("name: same stem .txt and .html", "reject:duplicate-article-id")
def _same_stem(f: Folder) -> list[Item]:
    f.put(f"stem-{f.tag}.html", GOOD_HTML)
    return [(f.put(f"stem-{f.tag}.txt", GOOD), None)]


add(
    "name: folder named x.txt",
    "article",
    lambda f: [(f.put(f"dir-{f.tag}.txt/inner-{f.tag}.txt", GOOD), None)],
)
add(
    "name: folder named sources.yaml",
    "article",
    lambda f: [(f.put(f"sources.yaml/inner-{f.tag}.txt", GOOD), None)],
)
add(
    "name: SOURCES.YAML (upper case)",
    "skipped",
    lambda f: [(f.put("SOURCES.YAML", f"good-{f.tag}.txt: {{note: x}}\n"), None)],
)
add(
    "name: sources.yml (wrong extension)",
    "skipped",
    lambda f: [(f.put("sources.yml", f"good-{f.tag}.txt: {{note: x}}\n"), None)],
)

# --- symbolic links and special files
add(
    "link: to /etc/passwd named .txt",
    "reject:symlink",
    lambda f: [(f.link(f"passwd-{f.tag}.txt", "/etc/passwd"), None)],
)
add(
    "link: to an article outside the folder",
    "reject:symlink",
    lambda f: [(f.link(f"secret-{f.tag}.txt", str(f.outside / "secret.txt")), None)],
)
add(
    "link: relative ../ out of the folder",
    "reject:symlink",
    lambda f: [
        (f.link(f"rel-{f.tag}.txt", os.path.relpath(f.outside / "secret.txt", f.path)), None)
    ],
)
add(
    "link: to a folder outside",
    "skipped",
    lambda f: [(f.link(f"outdir-{f.tag}", str(f.outside / "dir")), None)],
)


@kind("link: to a folder inside", "skipped")
def _inner_dir_link(f: Folder) -> list[Item]:
    f.put(f"real/in-{f.tag}.txt", GOOD)
    return [(f.link("alias", "real"), None)]


add(
    "link: dangling",
    "reject:symlink",
    lambda f: [(f.link(f"dangling-{f.tag}.txt", "/nonexistent/nowhere.txt"), None)],
)
add(
    "link: loop to itself",
    "reject:symlink",
    lambda f: [(f.link(f"loop-{f.tag}.txt", f"loop-{f.tag}.txt"), None)],
)


@kind("link: two-link loop", "reject:symlink")
def _two_link_loop(f: Folder) -> list[Item]:
    f.link("b.txt", "a.txt")
    return [(f.link("a.txt", "b.txt"), None)]


add(
    "link: to /etc/passwd, no suffix",
    "skipped",
    lambda f: [(f.link(f"passwd-{f.tag}", "/etc/passwd"), None)],
)
add(
    "link: sources.yaml to /etc/passwd",
    "skipped",
    lambda f: [(f.link("sources.yaml", "/etc/passwd"), None)],
)
add(
    "link: to an outside FIFO",
    "reject:symlink",
    lambda f: [(f.link(f"fifo-{f.tag}.txt", str(f.outside / "pipe")), None)],
)
add(
    "link: to /dev/zero named .txt",
    "reject:symlink",
    lambda f: [(f.link(f"zero-{f.tag}.txt", "/dev/zero"), None)],
    alone=True,
)
add(
    "link: hidden link .x.txt",
    "reject:symlink skipped",
    lambda f: [(f.link(f".hid-{f.tag}.txt", "/etc/passwd"), None)],
)


@kind("special: FIFO named .txt", "skipped", alone=True)
def _fifo(f: Folder) -> list[Item]:
    name = f"fifo-{f.tag}.txt"
    os.mkfifo(f.full(name))
    return [(name, None)]


@kind("special: FIFO named sources.yaml", "skipped", alone=True)
def _fifo_sidecar(f: Folder) -> list[Item]:
    os.mkfifo(f.full("sources.yaml"))
    return [("sources.yaml", None)]


@kind("special: unix socket named .txt", "skipped")
def _socket(f: Folder) -> list[Item]:
    name = f"sock-{f.tag}.txt"
    here = os.getcwd()
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        os.chdir(f.path)  # a socket path is limited to about 107 bytes
        sock.bind(name)
    except OSError as err:
        raise Unavailable(f"cannot bind a unix socket: {err}") from err
    finally:
        os.chdir(here)
        sock.close()
    return [(name, None)]


@kind("special: char device (/dev/zero twin) .txt", "skipped", alone=True)
def _device(f: Folder) -> list[Item]:
    name = f"zero-{f.tag}.txt"
    try:
        os.mknod(f.full(name), stat.S_IFCHR | 0o644, os.makedev(1, 5))
    except OSError as err:
        raise Unavailable(f"mknod refused: {err.strerror}") from err
    return [(name, None)]


# --- HTML
def html(name: str, data: Data, expect: str, *, alone: bool = False) -> None:
    file_kind(name, data, expect, suffix=".html", alone=alone)


html("html: control, a good page", GOOD_HTML, "article")
html("html: empty file", b"", "reject:empty-article reject:no-main-text")
html("html: whitespace only", "  \n\n ", "reject:empty-article reject:no-main-text")
html(
    "html: script only, 'Please enable JavaScript'",
    "<html><head><title>Example Times</title><script>location.href='/app'</script></head>"
    "<body><noscript>Please enable JavaScript to view this page.</noscript>"
    "<div id='root'></div></body></html>",
    "reject:no-main-text reject:not-an-article",
)
html(
    "html: cookie wall",
    "<html><head><title>Before you continue</title></head><body><div class='consent'>"
    "<h2>We value your privacy</h2><p>We and our partners use cookies to store and access "
    "information on your device. By clicking Accept all you agree to the storing of cookies "
    "on your device to enhance site navigation and analyse site usage.</p>"
    "<button>Accept all</button><button>Reject all</button></div></body></html>",
    "reject:no-main-text reject:not-an-article",
)
html(
    "html: paywall notice",
    "<html><head><title>Subscribe</title></head><body><article><h1>Flood waters rise</h1>"
    "<p>This article is for subscribers only. Subscribe now to continue reading.</p>"
    "<p>Already a subscriber? Sign in.</p></article></body></html>",
    "reject:no-main-text reject:not-an-article",
)
html(
    "html: body without text",
    "<html><head><title>x</title></head><body><div><img src='a.png'></div></body></html>",
    "reject:no-main-text reject:empty-article reject:not-an-article",
)
html(
    "html: title only",
    f"<html><head><title>{HEADLINE}</title></head><body></body></html>",
    "reject",
)
html(
    "html: malformed tags",
    "<html><head><title>Flood waters</title><body><p>"
    + SENTENCES[0]
    + " <b>bold <i>italic</b></i> <div <p>> "
    + SENTENCES[1]
    + "<p>"
    + SENTENCES[2]
    + " </article></span> <!-- never closed",
    "article reject",
)
html(
    "html: 5 MB attribute",
    lambda: GOOD_HTML.replace("<article>", '<article data-x="' + "A" * 5_000_000 + '">'),
    "article reject",
    alone=True,
)
html(
    "html: 10k nested divs",
    lambda: "<html><body>" + "<div>" * 10_000 + GOOD_HTML + "</div>" * 10_000 + "</body></html>",
    "article reject",
    alone=True,
)
html(
    "html: 100k nested spans",
    lambda: (
        "<html><body><p>" + "<span>" * 100_000 + BODY + "</span>" * 100_000 + "</p></body></html>"
    ),
    "article reject",
    alone=True,
)
html(
    "html: entity expansion DOCTYPE (laughs)",
    '<?xml version="1.0"?>\n<!DOCTYPE html [\n<!ENTITY a "lollollollollollollollollol">\n'
    + "".join(
        f'<!ENTITY {c} "{("&" + p + ";") * 10}">\n'
        for p, c in zip("abcdefgh", "bcdefghi", strict=True)
    )
    + "]>\n"
    + GOOD_HTML.split("\n", 1)[1].replace("<p>", "<p>&i; ", 1),
    "article reject",
    alone=True,
)
html(
    "html: XXE entity to /etc/passwd",
    '<?xml version="1.0"?>\n<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
    + GOOD_HTML.split("\n", 1)[1].replace("<p>", "<p>&xxe; ", 1),
    "article reject",
)
html(
    "html: Latin-1 with meta charset",
    GOOD_HTML.replace("utf-8", "iso-8859-1").replace("local", "café").encode("latin-1"),
    "reject:not-utf8",
)
html("html: UTF-16 with BOM", codecs.BOM_UTF16_LE + GOOD_HTML.encode("utf-16-le"), "article")
html("html: UTF-8 BOM", codecs.BOM_UTF8 + GOOD_HTML.encode(), "article")
html(
    "html: impossible meta date 2024-02-30",
    GOOD_HTML.replace("2024-01-16", "2024-02-30"),
    "article",
)
html("html: meta date 9999-12-31", GOOD_HTML.replace("2024-01-16", "9999-12-31"), "article")
for _lang, _text in (("French", FRENCH), ("Arabic", ARABIC), ("Chinese", CHINESE)):
    _parts = paragraphs(_text)
    html(
        f"html: {_lang} article",
        html_page(_parts[0], _parts[1:], lang=_lang[:2].lower()),
        "reject:unsupported-language",
    )
html(
    "html: lang=fr but English text",
    html_page(HEADLINE, SENTENCES, lang="fr"),
    "article",
)
html(
    "html: frameset only",
    "<html><frameset><frame src='a.html'><frame src='b.html'></frameset></html>",
    "reject",
)
html("html: is really JSON", json.dumps(record("x")), "article reject")

# --- JSONL records (line 1 good, line 2 odd)
jsonl_kind("jsonl: broken line", "reject:invalid-jsonl", raw=lambda t: '{"id": "x", "text": "ab')
jsonl_kind("jsonl: array line", "reject:invalid-jsonl", raw=lambda t: json.dumps([record(t)]))
jsonl_kind("jsonl: string line", "reject:invalid-jsonl", raw=lambda t: json.dumps(BODY))
jsonl_kind("jsonl: number line", "reject:invalid-jsonl", raw=lambda t: "42")
jsonl_kind("jsonl: null line", "reject:invalid-jsonl", raw=lambda t: "null")
jsonl_kind(
    "jsonl: trailing garbage after object",
    "reject:invalid-jsonl",
    raw=lambda t: json.dumps(record(t)) + " xyz",
)
jsonl_kind(
    "jsonl: [[[...]]] 100k levels",
    "reject:invalid-jsonl",
    raw=lambda t: "[" * 100_000 + "]" * 100_000,
    alone=True,
)
jsonl_kind(
    "jsonl: {'a':{'a':...}} 100k levels",
    "reject:invalid-jsonl",
    raw=lambda t: '{"a":' * 100_000 + "1" + "}" * 100_000,
    alone=True,
)
jsonl_kind(
    "jsonl: 100k-deep list inside a record",
    "reject",
    raw=lambda t: json.dumps(record(t))[:-1] + ', "x": ' + "[" * 100_000 + "]" * 100_000 + "}",
    alone=True,
)
jsonl_kind(
    "jsonl: 5000-digit integer id",
    "reject:invalid-jsonl reject:invalid-field",
    raw=lambda t: '{"id": ' + "9" * 5000 + ', "text": ' + json.dumps(BODY) + "}",
)
jsonl_kind("jsonl: NaN id", "reject:invalid-field", raw=lambda t: '{"id": NaN, "text": "a b"}')
jsonl_kind("jsonl: text Infinity", "reject:missing-text", raw=lambda t: '{"text": Infinity}')
jsonl_kind("jsonl: missing text", "reject:missing-text", {"text": DROP})
jsonl_kind("jsonl: empty object {}", "reject:missing-text", raw=lambda t: "{}")
jsonl_kind("jsonl: text not a string (list)", "reject:missing-text", {"text": [BODY]})
jsonl_kind("jsonl: text not a string (number)", "reject:missing-text", {"text": 12})
jsonl_kind("jsonl: empty text", "reject:empty-article", {"text": ""})
jsonl_kind("jsonl: whitespace text", "reject:empty-article", {"text": " \n\t "})
jsonl_kind(
    "jsonl: duplicate ids",
    "reject:duplicate-article-id",
    raw=lambda t: json.dumps(record(t, "ok")),
)
jsonl_kind("jsonl: id is an object", "reject:invalid-field", {"id": {"a": 1}})
jsonl_kind("jsonl: id is a float", "reject:invalid-field", {"id": 1.5})
jsonl_kind("jsonl: id is a bool", "reject", {"id": True})
jsonl_kind("jsonl: id is an empty string", "article", {"id": ""})
jsonl_kind("jsonl: id '../../etc/passwd'", "article", {"id": "../../etc/passwd"})
jsonl_kind("jsonl: 10k-char id", "article reject", {"id": "i" * 10_000})
for _value, _expect in (
    ("yesterday", "reject:invalid-date"),
    ("2 days ago", "reject:invalid-date"),
    ("0001-01-01", "reject:date-out-of-range"),
    ("9999-12-31", "reject:date-out-of-range"),
    ("1850-01-01", "reject:date-out-of-range"),
    ("2099-06-01", "article"),
    ("2024-02-30", "reject:invalid-date"),
    ("0000-00-00", "reject:invalid-date"),
    ("1705622400", "reject:invalid-date"),
    (1705622400, "reject:invalid-field"),
    ("2024-01-19T25:61:99Z", "reject:invalid-date article"),
    ("", "article"),
    (["2024-01-19"], "article"),
    ({"y": 2024}, "reject:invalid-field"),
):
    jsonl_kind(f"jsonl: date {_value!r}"[:44], _expect, {"published_date": _value})
jsonl_kind(
    "jsonl: 10 kB date string",
    "reject:invalid-date",
    {"published_date": "2024-01-" + "1" * 10_000},
)
jsonl_kind("jsonl: title is a number", "reject:invalid-field", {"title": 42})
jsonl_kind("jsonl: title is a list", "article", {"title": ["Flood", "waters"]})
jsonl_kind("jsonl: author is an object", "reject:invalid-field", {"author": {"name": "A"}})
jsonl_kind("jsonl: outlet is a number", "reject:invalid-field", {"outlet": 7})
jsonl_kind("jsonl: outlet is a list of objects", "article reject", {"outlet": [{"a": 1}]})
jsonl_kind("jsonl: url is a number", "article", {"url": 5})
jsonl_kind("jsonl: url file:///etc/passwd", "article", {"url": "file:///etc/passwd"})
jsonl_kind("jsonl: \\u0000 escape in text", "article reject", {"text": BODY + "\x00 end"})
jsonl_kind(
    "jsonl: raw NUL byte in a string",
    "reject:binary-file",
    raw=lambda t: json.dumps(record(t)).encode().replace(b"Rescue", b"Res\x00cue"),
)
jsonl_kind("jsonl: escaped emoji surrogate pair", "article", {"text": BODY + " 🌊"})
for _field in ("text", "title", "id", "published_date", "outlet", "url", "author"):
    _val: Any = {"text": BODY + " \ud800", "published_date": "2024-01-\ud800"}.get(
        _field, "Example \ud800"
    )
    jsonl_kind(
        f"jsonl: lone surrogate \\ud800 in {_field}",
        "reject article",
        {_field: _val},
        alone=True,
    )
jsonl_kind(
    "jsonl: surrogate in a bad id object",
    "reject:invalid-field",
    {"id": {"k": "\udcff"}},
)
jsonl_kind(
    "jsonl: duplicate 'text' keys",
    "article",
    raw=lambda t: json.dumps(record(t))[:-1] + ', "text": "' + BODY + '"}',
)
jsonl_kind("jsonl: text is HTML", "article reject", {"text": GOOD_HTML})
jsonl_kind("jsonl: French text", "reject:unsupported-language", {"text": FRENCH})
jsonl_kind(
    "jsonl: text over MAX_ARTICLE_CHARS",
    "reject:article-too-long",
    {"text": long_prose(limits.MAX_ARTICLE_CHARS + 1_000)},
)
jsonl_kind(
    "jsonl: line over MAX_JSONL_LINE_BYTES",
    "reject:article-too-long",
    raw=lambda t: json.dumps(record(t, text=long_prose(limits.MAX_JSONL_LINE_BYTES + 1024))),
    alone=True,
)
jsonl_kind(
    "jsonl: Latin-1 line",
    "reject:not-utf8",
    raw=lambda t: json.dumps(record(t, text=BODY + " café"), ensure_ascii=False).encode("latin-1"),
)


@kind("jsonl: blank lines between records", "article")
def _blank_lines(f: Folder) -> list[Item]:
    lines = [json.dumps(record(f.tag, "ok")), "", "   ", "\t", json.dumps(record(f.tag)), ""]
    return [(f.put(f"bad-{f.tag}.jsonl", "\n".join(lines) + "\n\n"), 5)]


@kind("jsonl: BOM on the first line", "article")
def _bom_first(f: Folder) -> list[Item]:
    return [(f.put(f"bad-{f.tag}.jsonl", codecs.BOM_UTF8 + line_of(record(f.tag)) + b"\n"), 1)]


@kind("jsonl: BOM on the second line", "reject article")
def _bom_second(f: Folder) -> list[Item]:
    data = line_of(record(f.tag, "ok")) + b"\n" + codecs.BOM_UTF8 + line_of(record(f.tag)) + b"\n"
    return [(f.put(f"bad-{f.tag}.jsonl", data), 2)]


def _jsonl_text(tag: str, newline: str = "\n") -> str:
    return json.dumps(record(tag, "ok")) + newline + json.dumps(record(tag)) + newline


def _encoded_jsonl(name: str, expect: str, encode: Callable[[str], bytes], line: int = 2):
    add(name, expect, lambda f: [(f.put(f"bad-{f.tag}.jsonl", encode(f.tag)), line)])


_encoded_jsonl(
    "jsonl: UTF-16 LE with BOM",
    "article",
    lambda t: codecs.BOM_UTF16_LE + _jsonl_text(t).encode("utf-16-le"),
)
_encoded_jsonl(
    "jsonl: UTF-16 BE with BOM",
    "article",
    lambda t: codecs.BOM_UTF16_BE + _jsonl_text(t).encode("utf-16-be"),
)
_encoded_jsonl(
    "jsonl: UTF-16 with BOM and CRLF",
    "article",
    lambda t: codecs.BOM_UTF16_LE + _jsonl_text(t, "\r\n").encode("utf-16-le"),
)
_encoded_jsonl(
    "jsonl: UTF-32 LE with BOM",
    "article",
    lambda t: codecs.BOM_UTF32_LE + _jsonl_text(t).encode("utf-32-le"),
)
_encoded_jsonl(
    "jsonl: UTF-32 BE with BOM",
    "article",
    lambda t: codecs.BOM_UTF32_BE + _jsonl_text(t).encode("utf-32-be"),
)
_encoded_jsonl(
    "jsonl: UTF-16 LE without BOM",
    "reject:utf-16 reject:binary-file",
    lambda t: _jsonl_text(t).encode("utf-16-le"),
    line=1,
)
_encoded_jsonl("jsonl: CRLF line ends", "article", lambda t: _jsonl_text(t, "\r\n").encode())
_encoded_jsonl(
    "jsonl: lone-CR line ends",
    "reject:invalid-jsonl article",
    lambda t: _jsonl_text(t, "\r").encode(),
    line=1,
)
_encoded_jsonl("jsonl: no final newline", "article", lambda t: _jsonl_text(t).rstrip().encode())
add("jsonl: empty file", "read", lambda f: [(f.put(f"bad-{f.tag}.jsonl", b""), None)])
add(
    "jsonl: only blank lines",
    "read",
    lambda f: [(f.put(f"bad-{f.tag}.jsonl", b"\n \n\t\n\r\n"), None)],
)

# --- sources.yaml sidecars (each in its own build, at the input root)
sidecar_kind(
    "sidecar: control, valid", "article read", "target.txt: {published_date: 2024-01-16}\n"
)
sidecar_kind(
    "sidecar: billion laughs (362 B) as a key",
    "reject:unsafe-yaml",
    "target.txt: {note: ok}\n" + BILLION_LAUGHS + "? *i\n: boom\n",
)
sidecar_kind(
    "sidecar: plain anchor and alias",
    "reject:unsafe-yaml",
    "target.txt: &e {note: hello}\nother.txt: *e\n",
)
sidecar_kind(
    "sidecar: merge key <<",
    "reject:unsafe-yaml",
    "base: &b {note: x}\ntarget.txt: {<<: *b}\n",
)
sidecar_kind(
    "sidecar: duplicate top-level key",
    "reject:duplicate-key",
    "target.txt: {note: a}\ntarget.txt: {note: b}\n",
)
sidecar_kind(
    "sidecar: duplicate key in an entry",
    "reject:duplicate-key",
    "target.txt:\n  note: a\n  note: b\n",
)
sidecar_kind(
    "sidecar: impossible date 2024-02-30",
    "reject:invalid-date",
    "target.txt: {published_date: 2024-02-30}\n",
)
sidecar_kind(
    "sidecar: date 1850-01-01 (out of window)",
    "reject:date-out-of-range",
    "target.txt: {published_date: 1850-01-01}\n",
)
sidecar_kind(
    "sidecar: unknown key",
    "reject:invalid-sources-entry",
    "target.txt: {author: Somebody}\n",
)
sidecar_kind(
    "sidecar: entry naming a missing file",
    "reject:unknown-source-file",
    "missing.txt: {note: gone}\n",
)
sidecar_kind(
    "sidecar: entry key '../outside/secret.txt'",
    "reject:unknown-source-file",
    "../outside/secret.txt: {note: x}\n",
)
sidecar_kind("sidecar: list at top level", "reject:invalid-yaml", "- target.txt\n- note\n")
sidecar_kind("sidecar: scalar at top level", "reject:invalid-yaml", "just a string\n")
sidecar_kind(
    "sidecar: non-string key (sequence)",
    "reject:invalid-yaml",
    "? [a, b]\n: {note: x}\n",
)
sidecar_kind(
    "sidecar: integer key",
    "reject:unknown-source-file reject:invalid-yaml",
    "123: {note: x}\n",
)
sidecar_kind(
    "sidecar: non-string key in an entry",
    "reject:invalid-sources-entry",
    "target.txt: {[a]: x}\n",
)
sidecar_kind(
    "sidecar: entry value null",
    "reject:invalid-sources-entry",
    "target.txt:\n",
)
sidecar_kind(
    "sidecar: value is a list",
    "reject:invalid-sources-entry",
    "target.txt: {published_date: [2024, 1, 16]}\n",
)
sidecar_kind(
    "sidecar: 20 MB file",
    "reject:unsafe-yaml",
    lambda: "target.txt:\n  note: " + "x" * (20 << 20) + "\n",
)
sidecar_kind(
    "sidecar: nesting 100 levels (block)",
    "reject:unsafe-yaml",
    "target.txt:\n" + "".join("  " * i + f"k{i}:\n" for i in range(1, 100)) + "  " * 100 + "v\n",
)
sidecar_kind(
    "sidecar: nesting 100k levels (flow)",
    "reject:unsafe-yaml reject:invalid-yaml",
    lambda: "target.txt: " + "[" * 100_000 + "]" * 100_000 + "\n",
)
sidecar_kind(
    "sidecar: not UTF-8 (Latin-1)",
    "reject:not-utf8",
    "target.txt: {note: café}\n".encode("latin-1"),
)
sidecar_kind(
    "sidecar: UTF-16 with BOM",
    "reject:not-utf8 article",
    codecs.BOM_UTF16_LE + "target.txt: {note: ok}\n".encode("utf-16-le"),
)
sidecar_kind("sidecar: UTF-8 BOM", "article read", codecs.BOM_UTF8 + b"target.txt: {note: ok}\n")
sidecar_kind("sidecar: CRLF", "article read", "target.txt:\r\n  note: ok\r\n")
sidecar_kind("sidecar: tab indentation", "reject:invalid-yaml", "target.txt:\n\tnote: x\n")
sidecar_kind(
    "sidecar: !!python/object/apply tag",
    "reject:invalid-sources-entry reject:invalid-yaml",
    'target.txt: !!python/object/apply:os.system ["touch {WORK}/PWNED"]\n',
)
sidecar_kind(
    "sidecar: !!python/name tag on a value",
    "reject article read",
    "target.txt: {note: !!python/name:os.system ''}\n",
)
sidecar_kind("sidecar: empty file", "article read", "")
sidecar_kind("sidecar: comments only", "article read", "# nothing here\n")
sidecar_kind(
    "sidecar: two YAML documents",
    "reject:invalid-yaml",
    "target.txt: {note: a}\n---\nother: b\n",
)
sidecar_kind(
    "sidecar: surrogate escape in a note",
    "reject article read",
    'target.txt: {note: "\\ud800"}\n',
)
sidecar_kind(
    "sidecar: surrogate escape in a key",
    "reject",
    '"\\ud800.txt": {note: x}\n',
)
sidecar_kind(
    "sidecar: surrogate escape in a date",
    "reject",
    'target.txt: {published_date: "2024-01-\\ud800"}\n',
)
sidecar_kind(
    "sidecar: 50k entries naming no file",
    "reject:unknown-source-file",
    lambda: "".join(f"f{i:05d}.txt: {{note: n}}\n" for i in range(50_000)),
)


def _feed(f: Folder) -> list[Item]:
    return [(f.put("feed.jsonl", _jsonl_text(f.tag)), 2)]


sidecar_kind(
    "sidecar: entry for a JSONL file",
    "article read",
    "feed.jsonl: {outlet: Example Times, published_date: 2024-01-18}\n",
    extra=_feed,
)


# ---------------------------------------------------------------- running the CLI


@dataclass
class Run:
    returncode: int
    timed_out: bool
    seconds: float
    peak_mb: float
    stderr: str

    def failure(self) -> str | None:
        """Why the run as a whole failed, if it did (before looking at a release)."""
        if self.timed_out:
            return "TIMEOUT"
        if any(s in self.stderr for s in ("MemoryError", "bad_alloc", "Cannot allocate memory")):
            return "OOM"
        if TRACEBACK in self.stderr or self.returncode not in (0, 1):
            return "CRASH"
        return None

    def tail(self) -> str:
        """The exception line of a traceback (plain or drawn by rich), else the last line."""
        text = [ln.strip(" │╭╰─╮╯") for ln in self.stderr.splitlines()]
        text = [ln for ln in text if ln]
        if TRACEBACK in self.stderr:
            # rich wraps long lines: join the exception line with its continuation
            for i in range(len(text) - 1, -1, -1):
                head = text[i].split(":", 1)[0].split(".")[-1]
                if head.endswith(("Error", "Exception", "Interrupt", "Exit")):
                    return " ".join(text[i : i + 2])[:300]
        return (text[-1] if text else f"exit {self.returncode}, no output")[:300]


def _cap_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def run_cli(args: list[str], timeout: float) -> Run:
    """Run one command with a memory cap and a timeout; peak RSS from wait4."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            args, stdin=subprocess.DEVNULL, stdout=out, stderr=err, cwd=ROOT,
            preexec_fn=_cap_memory, start_new_session=True,
        )  # fmt: skip
        fired = threading.Event()

        def kill() -> None:
            fired.set()
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)

        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        with contextlib.suppress(ProcessLookupError):  # stray grandchildren
            os.killpg(proc.pid, signal.SIGKILL)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    return Run(proc.returncode, fired.is_set(), seconds, usage.ru_maxrss / 1024, stderr)


# ---------------------------------------------------------------- reading a release


@dataclass
class Release:
    path: Path
    manifest: dict[str, Any]
    rejects: list[dict[str, Any]]
    articles: list[dict[str, Any]]  # article_id, source_file, source_line only

    @classmethod
    def load(cls, path: Path) -> "Release":
        manifest = json.loads((path / "manifest.json").read_text("utf-8"))
        rejects = [json.loads(ln) for ln in _lines(path / "rejects.jsonl")]
        articles = []
        for ln in _lines(path / "jsonl" / "articles.jsonl"):
            row = json.loads(ln)
            articles.append({k: row.get(k) for k in ("article_id", "source_file", "source_line")})
        return cls(path, manifest, rejects, articles)

    def outcome(self, rel: str, line: int | None) -> str:
        for r in self.rejects:
            if r["file"] == rel and (line is None or r.get("line") in (None, line)):
                return f"reject:{r['reason']}"
        for a in self.articles:
            if a["source_file"] == rel and (line is None or a.get("source_line") == line):
                return "article"
        for s in self.manifest.get("skipped", []):
            if rel == s["path"] or rel.startswith(s["path"] + "/"):
                return f"skipped:{s['reason']}"
        if any(i["path"] == rel for i in self.manifest.get("inputs", [])):
            return "read"
        return "LOST"


def _lines(path: Path) -> list[str]:
    text = path.read_text("utf-8")
    return [ln for ln in text.split("\n") if ln.strip()]


def walk_paths(root: Path) -> list[tuple[str, bytes]]:
    """Every path the build must account for, found independently with os.walk: files of
    any type, symbolic links to folders, hidden folders (not entered), folders that
    cannot be listed. Plain folders are containers, not paths."""
    top = os.fsencode(root)
    found: list[tuple[str, bytes]] = []

    def rel(full: bytes) -> str:
        return shown(os.path.relpath(full, top))

    def failed(err: OSError) -> None:
        name = err.filename
        if name is not None and os.fsencode(name) != top:
            found.append((rel(os.fsencode(name)), os.fsencode(name)))

    for dirpath, dirnames, filenames in os.walk(top, onerror=failed, followlinks=False):
        for name in list(dirnames):
            full = os.path.join(dirpath, name)
            if os.path.islink(full) or name.startswith(b"."):
                found.append((rel(full), full))
                dirnames.remove(name)
        for name in filenames:
            full = os.path.join(dirpath, name)
            found.append((rel(full), full))
    return found


def scan_leaks(release: Path, markers: list[bytes]) -> list[tuple[str | None, str]]:
    """(input file the leaking record came from, where) for every marker found."""
    hits: list[tuple[str | None, str]] = []
    for path in sorted(p for p in release.rglob("*") if p.is_file()):
        where = str(path.relative_to(release))
        if path.suffix == ".parquet":
            try:
                import pyarrow.parquet as pq

                data = json.dumps(pq.read_table(path).to_pylist(), default=str).encode()
            except Exception as err:  # noqa: BLE001 - reported, not fatal
                hits.append((None, f"{where}: cannot read ({err})"))
                continue
            hits.extend((None, where) for m in markers if m in data)
            continue
        data = path.read_bytes()
        if not any(m in data for m in markers):
            continue
        if path.suffix == ".jsonl":
            for ln in data.split(b"\n"):
                if any(m in ln for m in markers):
                    row = json.loads(ln)
                    hits.append((row.get("source_file") or row.get("file"), where))
        else:
            hits.append((None, where))
    return hits


# ---------------------------------------------------------------- judging


@dataclass
class Row:
    kind: Kind
    outcome: str
    status: str  # reason, article, CRASH, LOST, TIMEOUT, OOM, LEAK, n/a
    seconds: float = 0.0
    peak_mb: float = 0.0
    shared: int = 1
    notes: list[str] = field(default_factory=list)

    @property
    def unexpected(self) -> bool:
        return self.status in ("reason", "article") and not any(
            self.outcome.startswith(e) for e in self.kind.expect
        )


@dataclass
class Prepared:
    kind: Kind
    prefix: str
    items: list[Item]
    input_dir: Path


# Reasons of files rejected unread (walk.py): their path is not among the inputs.
REFUSED_REASONS = ("symlink", "file-name-not-utf8", "unreadable-file")
PRIORITY = ("LOST", "reject:", "skipped:", "article", "read")


def combine(outcomes: list[str]) -> str:
    for wanted in PRIORITY:
        for outcome in outcomes:
            if outcome.startswith(wanted):
                return outcome
    return outcomes[0]


def short(outcome: str, width: int = 44) -> str:
    return outcome if len(outcome) <= width else outcome[: width - 1] + "…"


class Bench:
    def __init__(self, work: Path, timeout: float) -> None:
        self.work = work
        self.timeout = timeout
        self.runs = 0
        self.run_notes: list[str] = []
        self.folders: dict[str, Path] = {}  # kind name -> input folder of its last build
        self.markers = [passwd_marker(), SECRET.encode()]

    def setup_outside(self) -> None:
        outside = self.work / "outside"
        (outside / "dir").mkdir(parents=True)
        secret = f"Secret memo on the {SECRET} plan\n\n{BODY} The {SECRET} memo was leaked.\n"
        (outside / "secret.txt").write_text(secret, "utf-8")
        (outside / "dir" / "secret2.txt").write_text(secret, "utf-8")
        os.mkfifo(outside / "pipe")

    def prepare(self, kinds: list[Kind], base: Path) -> tuple[list[Prepared], list[Row]]:
        ready, rows = [], []
        for k in kinds:
            folder = base / k.folder
            folder.mkdir(parents=True)
            Folder(folder, self.work).put(f"good-{k.folder}.txt", GOOD)
            try:
                items = k.make(Folder(folder, self.work))
            except Unavailable as why:
                shutil.rmtree(folder, ignore_errors=True)
                rows.append(Row(k, "n/a", "n/a", notes=[str(why)]))
                continue
            ready.append(Prepared(k, f"{k.folder}/", items, folder))
        if len(ready) == 1:  # one kind: its folder is the input root
            ready[0].prefix = ""
        return ready, rows

    def build_group(self, kinds: list[Kind]) -> list[Row]:
        self.runs += 1
        base = self.work / f"run{self.runs:03d}"
        ready, rows = self.prepare(kinds, base / "in")
        if not ready:
            return rows
        input_dir = ready[0].input_dir if len(ready) == 1 else base / "in"
        for p in ready:
            self.folders[p.kind.name] = input_dir
        timeout = self.timeout + 3 * (len(ready) - 1)
        label = ready[0].kind.name if len(ready) == 1 else f"batch of {len(ready)} kinds"
        print(f"  build {self.runs:3d}: {label} ...", end="", flush=True, file=sys.stderr)
        run = run_cli(
            [CLI, "build", "--input", str(input_dir), "--out", str(base / "out"),
             "--version", "v", "--keep-going"],
            timeout,
        )  # fmt: skip
        print(f" {run.seconds:.1f}s exit {run.returncode}", file=sys.stderr)
        failure = run.failure()
        release = base / "out" / "v"
        if failure is None and not (release / "manifest.json").is_file():
            failure = "LOST"  # nothing built although a good article was there
        if failure is not None and len(ready) > 1:
            half = len(ready) // 2
            print(f"    {failure}: splitting the batch", file=sys.stderr)
            return (
                rows
                + self.build_group([p.kind for p in ready[:half]])
                + self.build_group([p.kind for p in ready[half:]])
            )
        shared = len(ready)
        if failure is not None:
            p = ready[0]
            note = f"{failure.lower()}: {run.tail()}" if failure != "LOST" else run.tail()
            return rows + [Row(p.kind, failure, failure, run.seconds, run.peak_mb, 1, [note])]
        judged = self.judge(ready, input_dir, Release.load(release), run)
        for row in judged:
            row.seconds, row.peak_mb, row.shared = run.seconds, run.peak_mb, shared
        return rows + judged

    def judge(self, ready: list[Prepared], root: Path, rel: Release, run: Run) -> list[Row]:
        notes: dict[str, list[str]] = {p.kind.name: [] for p in ready}
        lost: set[str] = set()
        leaked: set[str] = set()

        def owner(path: str | None) -> Prepared | None:
            if path is None:
                return None
            if len(ready) == 1:
                return ready[0]
            return next((p for p in ready if path.startswith(p.prefix)), None)

        def note(path: str | None, text: str) -> None:
            p = owner(path)
            if p is None:
                self.run_notes.append(f"build {self.runs}: {text}")
            else:
                notes[p.kind.name].append(text)

        m = rel.manifest
        acc = m.get("accounting", {})
        inputs, skipped = m.get("inputs", []), m.get("skipped", [])
        # 1. the accounting identities, and that they agree with the files of the release
        identities = {
            "paths = files_read + skipped + refused": acc.get("paths")
            == acc.get("files_read", 0) + acc.get("skipped", 0) + acc.get("refused", 0),
            "records = articles + rejected_records": acc.get("records")
            == acc.get("articles", 0) + acc.get("rejected_records", 0),
            "rejects = rejected_records + sidecar_rejects": acc.get("rejects")
            == acc.get("rejected_records", 0) + acc.get("sidecar_rejects", 0),
            "files_read = len(inputs)": acc.get("files_read") == len(inputs),
            "skipped = len(skipped)": acc.get("skipped") == len(skipped),
            "articles = lines of articles.jsonl": acc.get("articles") == len(rel.articles),
            "rejects = lines of rejects.jsonl": acc.get("rejects") == len(rel.rejects),
        }
        for name, holds in identities.items():
            if not holds:
                note(None if len(ready) > 1 else "", f"accounting broken: {name} ({acc})")
        # 2. every reason is a known slug
        for r in rel.rejects:
            if r.get("reason") not in REJECT_REASONS:
                note(r.get("file"), f"unknown reject reason {r.get('reason')!r}")
        # 3. every path os.walk finds is accounted for
        walked = walk_paths(root)
        accounted = (
            {i["path"] for i in inputs}
            | {s["path"] for s in skipped}
            | {r["file"] for r in rel.rejects}
        )
        for path, _ in walked:
            if path not in accounted:
                note(path, f"path {path!r} is not an input, skipped or rejected")
                if (p := owner(path)) is not None:
                    lost.add(p.kind.name)
        if acc.get("paths") != len(walked):
            note(None if len(ready) > 1 else "", f"accounting paths {acc.get('paths')} != "
                 f"{len(walked)} paths found by os.walk")  # fmt: skip
        listed = [i["path"] for i in inputs] + [s["path"] for s in skipped]
        refused = [r["file"] for r in rel.rejects if r.get("reason") in REFUSED_REASONS]
        for path in sorted(
            {x for x in listed if listed.count(x) > 1} | (set(listed) & set(refused))
        ):
            note(path, f"two different paths are both shown as {path!r} in the release")
        # 4. per-input records and checksums
        raw_of: dict[str, list[bytes]] = {}
        for path, raw in walked:
            raw_of.setdefault(path, []).append(raw)
        for i in inputs:
            if i.get("records") is not None:
                n = sum(a["source_file"] == i["path"] for a in rel.articles) + sum(
                    r["file"] == i["path"] for r in rel.rejects
                )
                if n != i["records"]:
                    note(i["path"], f"{i['path']!r}: records {i['records']} but {n} out")
            raws = raw_of.get(i["path"], [])
            if (
                i.get("bytes", 0) <= SHA_CHECK_MAX
                and raws
                and not any(_sha(raw) == i.get("sha256") for raw in raws)
            ):
                note(i["path"], f"{i['path']!r}: SHA-256 differs from the file")
        # 5. nothing from outside the folder
        for source, where in scan_leaks(rel.path, self.markers):
            note(source, f"LEAK: outside text in {where}")
            if (p := owner(source)) is not None:
                leaked.add(p.kind.name)
        # 6. per kind: the good article, the odd item
        rows = []
        for p in ready:
            good = rel.outcome(f"{p.prefix}good-{p.kind.folder}.txt", None)
            mine = notes[p.kind.name]
            if good != "article":
                mine.append(f"good article ended as {good}")
                if good == "LOST":
                    lost.add(p.kind.name)
            outcomes = [rel.outcome(p.prefix + path, line) for path, line in p.items]
            outcome = combine(outcomes)
            if outcome == "LOST":
                lost.add(p.kind.name)
                mine.append("odd item not found in articles, rejects or skipped")
            status = (
                "LOST" if p.kind.name in lost
                else "LEAK" if p.kind.name in leaked
                else "reason" if outcome.startswith(("reject:", "skipped:"))
                else "article"
            )  # fmt: skip
            row = Row(p.kind, outcome, status, notes=mine)
            if row.unexpected:
                mine.insert(0, f"expected {' or '.join(p.kind.expect)}")
            rows.append(row)
        if run.returncode != 0:
            self.run_notes.append(f"build {self.runs}: exit {run.returncode} with a release")
        return rows


def _sha(raw: bytes) -> str:
    digest = hashlib.sha256()
    try:
        with open(raw, "rb") as f:
            while chunk := f.read(1 << 20):
                digest.update(chunk)
    except OSError:
        return ""
    return digest.hexdigest()


# ---------------------------------------------------------------- validate and CLI mistakes


def cli_checks(bench: Bench) -> list[tuple[str, Run, list[str]]]:
    """`validate` on some folders, and `build` mistakes: never a traceback, one error line."""
    work = bench.work / "cli"
    work.mkdir()
    (work / "empty").mkdir()
    (work / "only-bad").mkdir()
    (work / "only-bad" / "empty.txt").write_bytes(b"")
    (work / "only-bad" / "binary.txt").write_bytes(PNG)
    (work / "a-file.txt").write_text(GOOD, "utf-8")
    (work / "ok").mkdir()
    (work / "ok" / "good.txt").write_text(GOOD, "utf-8")
    checks: list[tuple[str, list[str], str]] = []  # label, args, expected exit codes
    wanted = (
        "special: FIFO named .txt", "special: char device (/dev/zero twin) .txt",
        "sidecar: billion laughs (362 B) as a key", "sidecar: 20 MB file",
        "jsonl: [[[...]]] 100k levels", "jsonl: lone surrogate \\ud800 in id",
        "sidecar: surrogate escape in a key", "link: to /etc/passwd named .txt",
        "name: not UTF-8 (b'caf\\xe9.txt')",
    )  # fmt: skip
    for name in wanted:
        if name in bench.folders:
            checks.append((f"validate <{name}>", ["validate", str(bench.folders[name])], "01"))
    ok = str(work / "ok")
    for label, args, codes in (
        ("validate a missing folder", ["validate", str(work / "missing")], "1"),
        ("validate a file", ["validate", str(work / "a-file.txt")], "1"),
        ("validate an empty folder", ["validate", str(work / "empty")], "1"),
        ("build: nothing could be built", ["build", "--input", str(work / "only-bad")], "1"),
        ("build: missing folder", ["build", "--input", str(work / "missing")], "1"),
        ("build: input is a file", ["build", "--input", str(work / "a-file.txt")], "1"),
        ("build: empty folder", ["build", "--input", str(work / "empty")], "1"),
        ("build: version '../x'", ["build", "--input", ok, "--version", "../x"], "1"),
        ("build: ok (first)", ["build", "--input", ok, "--version", "v"], "0"),
        ("build: same version again", ["build", "--input", ok, "--version", "v"], "1"),
    ):  # fmt: skip
        if args[0] == "build":
            args = [*args, "--out", str(work / "out"), "--keep-going"]
        checks.append((label, args, codes))
    results = []
    for label, args, codes in checks:
        run = run_cli([CLI, *args], bench.timeout)
        problems = []
        failure = run.failure()
        if failure:
            problems.append(f"{failure}: {run.tail()}")
        if str(run.returncode) not in codes:
            problems.append(f"exit {run.returncode}, expected {' or '.join(codes)}")
        errors = [ln for ln in run.stderr.splitlines() if ln.startswith("error:")]
        if args[0] == "build" and run.returncode == 1 and len(errors) != 1:
            problems.append(f"{len(errors)} 'error:' lines, expected one")
        results.append((label, run, problems))
    return results


# ---------------------------------------------------------------- main


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", help="run only kinds whose name contains this text")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--timeout", type=float, default=TIMEOUT, help="seconds per build")
    args = parser.parse_args()

    kinds = [k for k in KINDS if not args.only or args.only.lower() in k.name.lower()]
    for number, k in enumerate(KINDS, start=1):
        slug = "".join(c if c.isalnum() else "-" for c in k.name.lower())
        k.folder = f"k{number:03d}-" + "-".join(filter(None, slug.split("-")))[:40]
    work = Path(tempfile.mkdtemp(prefix="newsevents-hardening-"))
    bench = Bench(work, args.timeout)
    print(f"{len(kinds)} kinds, working in {work}", file=sys.stderr)
    start = time.perf_counter()
    try:
        bench.setup_outside()
        batch = [k for k in kinds if not k.alone]
        rows = bench.build_group(batch) if batch else []
        for k in kinds:
            if k.alone:
                rows += bench.build_group([k])
        cli = cli_checks(bench)
        pwned = (work / "PWNED").exists()
        return report(rows, cli, bench, pwned, time.perf_counter() - start)
    finally:
        if args.keep:
            print(f"kept {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)


def report(
    rows: list[Row], cli: list[tuple[str, Run, list[str]]], bench: Bench, pwned: bool, total: float
) -> int:
    order = {k.name: i for i, k in enumerate(KINDS)}
    rows.sort(key=lambda r: order[r.kind.name])
    print(f"\n{'kind':<44} {'outcome':<44} {'s':>7} {'MB':>6}  notes")
    for r in rows:
        mark = "*" if r.shared > 1 else " "
        flag = "!! " if r.unexpected or r.status not in ("reason", "article", "n/a") else ""
        secs = f"{r.seconds:6.1f}{mark}" if r.status != "n/a" else "      -"
        mem = f"{r.peak_mb:6.0f}" if r.status != "n/a" else "     -"
        shown_outcome = r.outcome if r.status in ("reason", "article", "n/a") else r.status
        print(
            f"{short(r.kind.name):<44} {short(shown_outcome):<44} {secs} {mem}  "
            f"{flag}{'; '.join(r.notes)[:400]}"
        )
    batched = max((r.shared for r in rows), default=1)
    if batched > 1:
        print(f"* one batched build shared by up to {batched} kinds: its time and peak memory")

    print(f"\n{'command':<52} {'exit':>4} {'s':>6} {'MB':>6}  problems")
    for label, run, problems in cli:
        print(
            f"{short(label, 52):<52} {run.returncode:>4} {run.seconds:6.1f} {run.peak_mb:6.0f}  "
            f"{'; '.join(problems) or 'ok'}"
        )
    tried = [r for r in rows if r.status != "n/a"]
    count = {s: sum(r.status == s for r in tried) for s in ("CRASH", "LOST", "TIMEOUT", "OOM")}
    leaks = sum(r.status == "LEAK" for r in tried) + sum("LEAK" in n for n in bench.run_notes)
    unexpected = [r for r in tried if r.unexpected]
    noted = [r for r in tried if r.notes and not r.unexpected and r.status in ("reason", "article")]
    cli_bad = [c for c in cli if c[2]]
    print("\ntotals")
    print(f"  kinds tried                     {len(tried)} (not available here: "
          f"{len(rows) - len(tried)})")  # fmt: skip
    print(f"  ended with a reason             {sum(r.status == 'reason' for r in tried)}")
    print(f"  read as articles (valid input)  {sum(r.status == 'article' for r in tried)}")
    print(f"  crashes                         {count['CRASH']}")
    print(f"  lost                            {count['LOST']}")
    print(f"  timeouts                        {count['TIMEOUT']}")
    print(f"  out of memory                   {count['OOM']}")
    print(f"  leaks of outside text           {leaks}")
    print(f"  outcome other than expected     {len(unexpected)}")
    print(f"  other notes (checks failed)     {len(noted)}")
    print(f"  command checks with problems    {len(cli_bad)} of {len(cli)}")
    print(f"  sidecar YAML tag executed       {'YES' if pwned else 'no'}")
    print(f"  builds run                      {bench.runs}, {total:.0f} s in all")
    for n in bench.run_notes:
        print(f"  run-level: {n}")
    failed = count["CRASH"] + count["LOST"] + leaks + int(pwned) + len(cli_bad)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
