"""Hardening: no input leaks a file from outside the folder, exhausts memory, aborts the
run or vanishes. Every path ends as an input, a reject or a skipped entry."""

import json
import os
import socket
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsevents.cli import app
from newsevents.config import BuildConfig
from newsevents.errors import REJECT_REASONS, UserError
from newsevents.evaluate import load_gold
from newsevents.limits import MAX_ARTICLE_CHARS, MAX_FILE_BYTES, MIN_ARTICLE_WORDS
from newsevents.pipeline import stages
from newsevents.pipeline.collect import Collected, collect
from newsevents.pipeline.stages import Stage
from newsevents.release.assemble import build_release

from .conftest import GOOD_ARTICLE, write_inputs

SECRET = "root:x:0:0:this-line-must-never-be-published"
FRENCH = (
    "Le Pakistan et l'Iran conviennent de rétablir leurs ambassadeurs\n\n"
    "ISLAMABAD : Le Pakistan et l'Iran ont convenu lundi de renvoyer leurs ambassadeurs "
    "dans leurs capitales respectives, ont annoncé les ministères des affaires étrangères "
    "des deux pays dans un communiqué commun publié après un entretien téléphonique.\n"
)


def _reasons(collected: Collected) -> dict[str, str]:
    return {r.file: r.reason for r in collected.rejects}


def _assert_well_formed(collected: Collected) -> None:
    for reject in collected.rejects:
        assert reject.reason in REJECT_REASONS, reject
        assert REJECT_REASONS[reject.reason] in reject.message


def _paths_under(root: Path) -> set[str]:
    """Every path a user would see under `root`, found independently of the build:
    links not followed, a hidden folder counted once and not entered."""
    found = set()
    for folder, dirs, files in os.walk(root, followlinks=False):
        rel = Path(folder).relative_to(root)
        for name in list(dirs):
            if name.startswith(".") or (Path(folder) / name).is_symlink():
                found.add((rel / name).as_posix())
                dirs.remove(name)
        found.update((rel / name).as_posix() for name in files)
    return found


def _accounted(collected: Collected) -> set[str]:
    """Paths the build says it read, skipped or rejected."""
    return (
        {f.path for f in collected.inputs}
        | {s.path for s in collected.skipped}
        | {r.file for r in collected.rejects}
    )


# --- The walk never leaves the folder --------------------------------------------------


def test_symlinks_are_never_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "passwd").write_text(f"{SECRET}\n" * 20)
    (outside / "folder").mkdir()
    (outside / "folder" / "leak.txt").write_text(f"Leaked title\n\n{SECRET} " * 10)
    inputs = write_inputs(tmp_path / "in", {"good.txt": GOOD_ARTICLE})
    (inputs / "passwd.txt").symlink_to(outside / "passwd")
    (inputs / "dangling.txt").symlink_to(tmp_path / "nowhere")
    (inputs / "loop.txt").symlink_to(inputs / "loop.txt")
    (inputs / "linked-folder").symlink_to(outside / "folder")
    (inputs / "notes.md").symlink_to(outside / "passwd")

    collected = collect(inputs)
    _assert_well_formed(collected)
    assert [a.article_id for a in collected.articles] == ["good"]
    assert _reasons(collected) == {
        "dangling.txt": "symlink", "loop.txt": "symlink", "passwd.txt": "symlink",
    }  # fmt: skip
    skipped = {s.path: s.reason for s in collected.skipped}
    assert skipped == {
        "linked-folder": "symbolic link (not followed)",
        "notes.md": "symbolic link (not followed)",
    }
    assert SECRET not in json.dumps([a.model_dump(mode="json") for a in collected.articles])
    assert _paths_under(inputs) == _accounted(collected)


def test_special_files_hidden_folders_and_non_utf8_names_are_listed(tmp_path: Path) -> None:
    inputs = write_inputs(
        tmp_path / "in",
        {"good.txt": GOOD_ARTICLE, ".git/config": "x", ".hidden.txt": GOOD_ARTICLE},
    )
    os.mkfifo(inputs / "pipe.txt")  # opening it for reading would block forever
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(inputs / "sock.txt"))
        raw = os.fsencode(inputs) + b"/caf\xe9.txt"
        with open(raw, "wb") as handle:
            handle.write(GOOD_ARTICLE.encode())
        collected = collect(inputs)

    _assert_well_formed(collected)
    skipped = {s.path: s.reason for s in collected.skipped}
    assert skipped == {
        ".git": "hidden folder",
        ".hidden.txt": "hidden file",
        "pipe.txt": "special file (FIFO), not read",
        "sock.txt": "special file (socket), not read",
    }
    assert _reasons(collected) == {"caf\\xe9.txt": "file-name-not-utf8"}
    assert [a.article_id for a in collected.articles] == ["good"]
    # The manifest can be serialized (a non-UTF-8 name once broke the end of the run).
    json.dumps([r.model_dump(mode="json") for r in collected.rejects])
    assert collected.accounting["paths"] == 6
    assert collected.accounting["paths"] == len(_paths_under(inputs))


def test_unreadable_file_folder_and_sidecar_are_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # chmod cannot make a file unreadable for root (CI runs as root): refuse by path.
    inputs = write_inputs(
        tmp_path / "in",
        {"good.txt": GOOD_ARTICLE, "locked.txt": GOOD_ARTICLE, "sources.yaml": "good.txt: {}\n",
         "private/a.txt": GOOD_ARTICLE},
    )  # fmt: skip
    real_open, real_scandir = os.open, os.scandir
    refused = {os.fsencode(inputs / "locked.txt"), os.fsencode(inputs / "sources.yaml")}

    def fake_open(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if os.fsencode(path) in refused:
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    def fake_scandir(path):  # type: ignore[no-untyped-def]
        if os.fsencode(path).endswith(b"/private"):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "open", fake_open)
    monkeypatch.setattr(os, "scandir", fake_scandir)
    collected = collect(inputs)
    _assert_well_formed(collected)
    assert _reasons(collected) == {
        "locked.txt": "unreadable-file",
        "sources.yaml": "unreadable-file",
    }
    assert {s.path: s.reason for s in collected.skipped} == {
        "private": "folder cannot be read: Permission denied"
    }
    assert [a.article_id for a in collected.articles] == ["good"]
    assert "curated-metadata-unavailable" in collected.articles[0].flags
    counts = collected.accounting
    assert counts["paths"] == counts["files_read"] + counts["skipped"] + counts["refused"] == 4


def test_every_path_and_record_is_accounted_for(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "j1", "title": "Talks", "text": GOOD_ARTICLE}),
        "",
        "{broken",
        json.dumps({"id": "j3", "title": "Talks", "text": "Too short."}),
        json.dumps({"id": "good", "title": "Same id as good.txt", "text": GOOD_ARTICLE}),
    ]
    inputs = write_inputs(
        tmp_path / "in",
        {"good.txt": GOOD_ARTICLE, "crawl.jsonl": "\n".join(lines), "empty.txt": "",
         "sub/b.txt": GOOD_ARTICLE.replace("Monday", "Tuesday"), "sub/readme.md": "notes",
         "sources.yaml": "missing.txt: {note: x}\n"},
    )  # fmt: skip
    collected = collect(inputs)
    counts = collected.accounting
    assert counts == {
        "paths": 6, "files_read": 5, "skipped": 1, "refused": 0,
        "records": 7, "articles": 3, "rejected_records": 4, "sidecar_rejects": 1, "rejects": 5,
    }  # fmt: skip
    assert counts["records"] == counts["articles"] + counts["rejected_records"]
    records = {f.path: f.records for f in collected.inputs}
    assert records == {"crawl.jsonl": 4, "empty.txt": 1, "good.txt": 1, "sources.yaml": None,
                       "sub/b.txt": 1}  # fmt: skip
    assert _paths_under(inputs) == _accounted(collected)


# --- Limits --------------------------------------------------------------------------


def test_article_over_the_limit_is_rejected_and_the_rest_built(tmp_path: Path) -> None:
    long_body = "Officials said the talks would continue. " * (MAX_ARTICLE_CHARS // 40 + 10)
    collected = collect(write_inputs(
        tmp_path / "in", {"good.txt": GOOD_ARTICLE, "huge.txt": f"A long article\n\n{long_body}"}
    ))  # fmt: skip
    _assert_well_formed(collected)
    assert _reasons(collected) == {"huge.txt": "article-too-long"}
    assert [a.article_id for a in collected.articles] == ["good"]


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("yesterday", "invalid-date"),
        ("2 days ago", "invalid-date"),
        ("1705600000", "invalid-date"),
        ("0001-01-01", "date-out-of-range"),
        ("1850-06-01", "date-out-of-range"),
        ("9999-12-31", "date-out-of-range"),
        ("2024-01-111", "invalid-date"),  # digits run on past the day
        ("2024-01-19T25:61:99Z", "invalid-date"),  # no such time
    ],
)
def test_dates_are_never_read_from_the_clock_or_outside_the_window(
    tmp_path: Path, value: str, reason: str
) -> None:
    line = json.dumps({"id": "x", "title": "Talks", "text": GOOD_ARTICLE, "date": value})
    collected = collect(write_inputs(tmp_path / "in", {"good.txt": GOOD_ARTICLE, "c.jsonl": line}))
    _assert_well_formed(collected)
    assert [(r.file, r.reason, r.value) for r in collected.rejects] == [("c.jsonl", reason, value)]


def test_sidecar_date_outside_the_window(tmp_path: Path) -> None:
    sources = "good.txt:\n  published_date: 0001-01-01\n"
    collected = collect(write_inputs(tmp_path / "in", {"good.txt": GOOD_ARTICLE,
                                                       "sources.yaml": sources}))  # fmt: skip
    assert [(r.file, r.reason) for r in collected.rejects] == [("good.txt", "date-out-of-range")]


# --- YAML a user hands in ----------------------------------------------------------------

BILLION_LAUGHS = (
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
    "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
    "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"
    "? *g\n: 1\n"
)


@pytest.mark.parametrize(
    ("sources", "reason", "line"),
    [
        (BILLION_LAUGHS, "unsafe-yaml", 1),
        ("good.txt:\n  outlet: Dawn\ngood.txt:\n  outlet: Geo\n", "duplicate-key", 3),
        ("good.txt:\n  outlet: Dawn\n  outlet: Geo\n", "duplicate-key", 3),
        ("good.txt: " + "[" * 100 + "]" * 100 + "\n", "unsafe-yaml", 1),
    ],
)
def test_unsafe_or_ambiguous_sidecars_are_refused(
    tmp_path: Path, sources: str, reason: str, line: int
) -> None:
    collected = collect(write_inputs(tmp_path / "in", {"good.txt": GOOD_ARTICLE,
                                                       "sources.yaml": sources}))  # fmt: skip
    _assert_well_formed(collected)
    rejects = [(r.file, r.reason, r.line) for r in collected.rejects]
    assert rejects == [("sources.yaml", reason, line)]
    assert [a.article_id for a in collected.articles] == ["good"]  # built without curation
    assert "curated-metadata-unavailable" in collected.articles[0].flags


def test_gold_yaml_with_aliases_is_a_user_error(tmp_path: Path) -> None:
    (tmp_path / "g.yaml").write_text(BILLION_LAUGHS)
    with pytest.raises(UserError, match=r"E007.*line 1: anchors and aliases"):
        load_gold([tmp_path])


# --- Text that is not an English article ---------------------------------------------------


def test_encodings_and_non_articles(tmp_path: Path) -> None:
    script_only = (
        "<html><head><title>Dawn</title></head><body><noscript>Please enable JavaScript "
        "to view this page.</noscript><script>var a = 1;</script></body></html>"
    )
    files: dict[str, bytes | str] = {
        "good.txt": GOOD_ARTICLE,
        "utf16.txt": b"\xff\xfe" + GOOD_ARTICLE.replace("Monday", "Sunday").encode("utf-16-le"),
        "utf16-nobom.txt": GOOD_ARTICLE.encode("utf-16-le"),
        "script.html": script_only,
        "chrome.txt": "Home\nShare\nAdvertisement\nWorld News\n\nRead more\nTop\n",
        "short.txt": "Talks\n\nOfficials met on Monday.\n",
        "french.txt": FRENCH,
        "chinese.txt": "巴基斯坦与伊朗同意恢复大使\n\n"
        + "巴基斯坦和伊朗周一同意让两国大使返回各自的首都，"
        "两国外交部在外长通电话后发表联合声明说，双方将在反恐问题上加强合作。" * 2,
        "cookies.html": (
            "<html><head><title>The Daily Times</title></head><body><p>We and our partners "
            "use cookies and similar technologies to store and access information on your "
            "device, to personalise content and ads, and to measure how our site is used, as "
            "set out in our cookie policy.</p><p>This story is for subscribers only. Subscribe "
            "now to continue reading.</p><p>Already a subscriber? Sign in.</p>"
            "</body></html>"
        ),
    }
    collected = collect(write_inputs(tmp_path / "in", files))
    _assert_well_formed(collected)
    assert _reasons(collected) == {
        "utf16-nobom.txt": "utf-16",
        "script.html": "not-an-article",
        "chrome.txt": "empty-article",
        "short.txt": "not-an-article",
        "french.txt": "unsupported-language",
        "chinese.txt": "unsupported-language",
        "cookies.html": "not-an-article",
    }
    assert sorted(a.article_id for a in collected.articles) == ["good", "utf16"]
    assert {a.language for a in collected.articles} == {"en"}
    short = next(r for r in collected.rejects if r.file == "short.txt")
    assert f"fewer than {MIN_ARTICLE_WORDS}" in short.message


# --- The fault barrier ----------------------------------------------------------------------


def test_a_stage_that_raises_costs_only_its_article(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode_on_marker(drafts):  # type: ignore[no-untyped-def]
        if any("EXPLODE" in d.text for d in drafts):
            raise RuntimeError("boom in the events stage")
        return real.run(drafts)

    real = next(s for s in stages.STAGES if s.name == "events")
    patched = tuple(
        Stage(s.name, explode_on_marker, s.version) if s.name == "events" else s
        for s in stages.STAGES
    )
    monkeypatch.setattr(stages, "STAGES", patched)
    bad = GOOD_ARTICLE.replace("officials said", "officials said EXPLODE")
    inputs = write_inputs(
        tmp_path / "in",
        {"a.txt": GOOD_ARTICLE, "b.txt": bad, "c.txt": GOOD_ARTICLE.replace("Monday", "Friday")},
    )
    report = build_release(
        BuildConfig(input_dir=inputs, out_dir=tmp_path / "out", version="v", keep_going=True)
    )
    assert report.manifest.counts["articles"] == 2
    rejects = [
        json.loads(x) for x in (report.release_dir / "rejects.jsonl").read_text().splitlines()
    ]
    assert [(r["file"], r["reason"], r["value"]) for r in rejects] == [
        ("b.txt", "internal-error", "RuntimeError")
    ]
    assert "stage events: b.txt: RuntimeError: boom in the events stage" in rejects[0]["message"]
    built = (report.release_dir / "jsonl" / "articles.jsonl").read_text()
    assert '"article_id":"a"' in built and '"article_id":"c"' in built


def test_keep_going_with_nothing_built_exits_1(tmp_path: Path) -> None:
    inputs = write_inputs(tmp_path / "in", {"a.txt": "", "b.txt": b"\x00\x01"})
    out = tmp_path / "out"
    args = ["build", "--input", str(inputs), "--out", str(out), "--version", "v", "--keep-going"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 1
    assert "error: [E011] no article could be built: all 2 input(s) were rejected" in result.output
    assert "rejected: a.txt: the file is empty" in result.output
    assert not (out / "v").exists()


def test_readme_states_the_limits_in_force() -> None:
    from newsevents.limits import EARLIEST_DATE, LATEST_DATE, MAX_YAML_BYTES, MAX_YAML_DEPTH

    from .conftest import ROOT

    readme = " ".join((ROOT / "README.md").read_text("utf-8").split())
    for stated in (
        f"over {MAX_ARTICLE_CHARS:,} characters",
        f"fewer than {MIN_ARTICLE_WORDS} words of body",
        f"outside {EARLIEST_DATE.year}–{LATEST_DATE.year}",
        f"over {MAX_YAML_BYTES // 2**20} MiB, nested over {MAX_YAML_DEPTH} levels",
    ):
        assert stated in readme, f"README.md should say {stated!r} (src/newsevents/limits.py)"


def test_the_length_limit_applies_to_the_cleaned_text(tmp_path: Path) -> None:
    chrome = "Share\nAdvertisement\n" * (MAX_ARTICLE_CHARS // 10)
    collected = collect(write_inputs(tmp_path / "in", {"padded.txt": GOOD_ARTICLE + chrome}))
    assert not collected.rejects and len(collected.articles) == 1


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    inputs = write_inputs(tmp_path / "in", {"good.txt": GOOD_ARTICLE})
    with open(inputs / "sparse.txt", "wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: no disk used, nothing worth hashing
    collected = collect(inputs)
    assert _reasons(collected) == {"sparse.txt": "file-too-large"}
    assert [f.path for f in collected.inputs] == ["good.txt"]
    assert collected.accounting["refused"] == 1


def test_wide_encodings_for_jsonl_and_sidecars(tmp_path: Path) -> None:
    line = json.dumps({"id": "w", "title": "Talks", "text": GOOD_ARTICLE}) + "\n"
    sources = "good.txt:\n  outlet: Dawn\n"
    collected = collect(write_inputs(tmp_path / "in", {
        "good.txt": GOOD_ARTICLE,
        "be.jsonl": b"\x00\x00\xfe\xff" + line.encode("utf-32-be"),
        "sources.yaml": b"\xff\xfe" + sources.encode("utf-16-le"),
    }))  # fmt: skip
    assert not collected.rejects
    assert sorted(a.article_id for a in collected.articles) == ["good", "w"]
    assert next(a for a in collected.articles if a.article_id == "good").source.outlet == "Dawn"


def test_unprintable_names_and_values_never_break_the_writers(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": True, "title": "Talks", "text": GOOD_ARTICLE}),
        json.dumps({"id": "s", "title": "Talks", "text": GOOD_ARTICLE, "outlet": "\ud800"}),
    ]
    inputs = write_inputs(tmp_path / "in", {
        "good.txt": GOOD_ARTICLE, "c.jsonl": "\n".join(lines),
        "sources.yaml": '"\\ud800.txt": {note: x}\n',
    })  # fmt: skip
    report = build_release(
        BuildConfig(input_dir=inputs, out_dir=tmp_path / "out", version="v", keep_going=True)
    )
    rejects = [
        json.loads(x) for x in (report.release_dir / "rejects.jsonl").read_text().splitlines()
    ]
    assert [(r["file"], r["line"], r["reason"]) for r in rejects] == [
        ("c.jsonl", 1, "invalid-field"),
        ("c.jsonl", 2, "invalid-field"),
        ("sources.yaml", 1, "unknown-source-file"),
    ]
    assert rejects[2]["field"] == "\\ud800.txt"
