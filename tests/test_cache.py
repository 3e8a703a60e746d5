"""The per-article cache: a rebuild reprocesses what changed and nothing else, gives the
release a build without the cache gives, and survives a killed build."""

import hashlib
import json
import os
import pickle
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsevents.config import BuildConfig
from newsevents.errors import UserError
from newsevents.pipeline import collect as collect_module
from newsevents.pipeline import fingerprint
from newsevents.pipeline.cache import BATCH, CACHE_FILE
from newsevents.pipeline.fingerprint import PACKAGE, sources_fingerprint
from newsevents.pipeline.workers import TASK
from newsevents.release import assemble
from newsevents.release.assemble import build_release

from .conftest import SEEDS

ROOT = Path(__file__).resolve().parents[1]


def _corpus(folder: Path, copies: int = 2) -> Path:
    """The seeds with their sidecar, and copies of the seed articles under other names."""
    shutil.copytree(SEEDS, folder)
    for i in range(1, copies):
        for path in sorted(SEEDS.glob("*.txt")):
            shutil.copy(path, folder / f"copy{i}_{path.name}")
    return folder


def _build(inputs: Path, out: Path, **options: object) -> Path:
    config = BuildConfig(**{"input_dir": inputs, "out_dir": out, "version": "v", "workers": 1,
                            "force": True, **options})  # type: ignore[arg-type]  # fmt: skip
    return build_release(config).release_dir


def _records(release: Path) -> dict[str, str]:
    """Every file's hash but the manifest's and SHA256SUMS (which hashes the manifest)."""
    return {
        str(p.relative_to(release)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(release.rglob("*"))
        if p.is_file() and p.name not in ("manifest.json", "SHA256SUMS")
    }


def _manifest(release: Path) -> dict:
    return json.loads((release / "manifest.json").read_text("utf-8"))


def test_a_rebuild_reuses_every_article_and_writes_the_same_records(tmp_path: Path) -> None:
    inputs = _corpus(tmp_path / "in")
    articles = len(list(inputs.glob("*.txt")))
    first = _records(_build(inputs, tmp_path / "out"))
    assert _manifest(tmp_path / "out" / "v")["cache"] == {"reused": 0, "processed": articles}
    assert (tmp_path / "out" / ".cache" / CACHE_FILE).is_file(), "the cache is beside the release"
    assert not any(".cache" in name for name in first), "and not in it"

    again = _build(inputs, tmp_path / "out")
    assert _manifest(again)["cache"] == {"reused": articles, "processed": 0}
    assert _records(again) == first
    plain = _build(inputs, tmp_path / "plain", use_cache=False)
    assert _records(plain) == first
    assert _manifest(plain)["cache"] is None
    # Beside the cache counts, only `forced` differs: the rebuild replaced a release.
    differ = ("cache", "forced")
    without = {k: v for k, v in _manifest(again).items() if k not in differ}
    assert without == {k: v for k, v in _manifest(plain).items() if k not in differ}


def test_only_the_changed_article_is_processed_again(tmp_path: Path) -> None:
    inputs = _corpus(tmp_path / "in")
    articles = len(list(inputs.glob("*.txt")))
    _build(inputs, tmp_path / "out")
    changed = sorted(inputs.glob("copy1_*.txt"))[0]
    text = changed.read_text("utf-8")
    changed.write_text(text.replace("Pakistan", "Pakistan's government", 1), "utf-8")

    rebuilt = _build(inputs, tmp_path / "out")
    assert _manifest(rebuilt)["cache"] == {"reused": articles - 1, "processed": 1}
    assert _records(rebuilt) == _records(_build(inputs, tmp_path / "plain", use_cache=False))


def test_a_damaged_result_in_the_cache_is_processed_again_and_replaced(tmp_path: Path) -> None:
    inputs = _corpus(tmp_path / "in", copies=1)
    articles = len(list(inputs.glob("*.txt")))
    first = _records(_build(inputs, tmp_path / "out"))
    database = tmp_path / "out" / ".cache" / CACHE_FILE
    with sqlite3.connect(database) as db:  # one body cut short, one not a frame at all
        db.execute("UPDATE results SET body = substr(body, 1, 20) WHERE rowid = 1")
        db.execute("UPDATE results SET body = X'00' WHERE rowid = 2")

    rebuilt = _build(inputs, tmp_path / "out")
    assert _manifest(rebuilt)["cache"] == {"reused": articles - 2, "processed": 2}
    assert _records(rebuilt) == first
    again = _build(inputs, tmp_path / "out")  # the damaged results were replaced
    assert _manifest(again)["cache"] == {"reused": articles, "processed": 0}


def test_a_new_fingerprint_reprocesses_every_article_and_drops_the_old_results(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inputs = _corpus(tmp_path / "in", copies=1)
    articles = len(list(inputs.glob("*.txt")))
    _build(inputs, tmp_path / "out")
    monkeypatch.setattr(assemble, "pipeline_fingerprint", lambda: "an edited knowledge file")
    rebuilt = _build(inputs, tmp_path / "out")
    assert _manifest(rebuilt)["cache"] == {"reused": 0, "processed": articles}
    with sqlite3.connect(tmp_path / "out" / ".cache" / CACHE_FILE) as db:
        kept = db.execute("SELECT DISTINCT fingerprint FROM results").fetchall()
    assert kept == [("an edited knowledge file",)]


def test_the_fingerprint_follows_code_and_knowledge_not_other_files(tmp_path: Path) -> None:
    package = tmp_path / "newsevents"
    shutil.copytree(PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    before = sources_fingerprint(package)
    assert before == sources_fingerprint(PACKAGE)

    (package / "release" / "dataset_card.md").write_text("another card\n", "utf-8")
    (package / "__pycache__").mkdir()
    (package / "__pycache__" / "x.cpython-311.pyc").write_bytes(b"compiled")
    assert sources_fingerprint(package) == before, "the card and compiled files are not rules"

    lexicon = package / "knowledge" / "claims.yaml"
    lexicon.write_text(lexicon.read_text("utf-8") + "\n# one more comment\n", "utf-8")
    after_knowledge = sources_fingerprint(package)
    assert after_knowledge != before
    rule = package / "pipeline" / "claims.py"
    rule.write_text(rule.read_text("utf-8") + "\n", "utf-8")
    assert sources_fingerprint(package) not in (before, after_knowledge)
    fingerprint.pipeline_fingerprint.cache_clear()
    assert fingerprint.pipeline_fingerprint() == fingerprint.pipeline_fingerprint()

    # A corpus step's rule shapes no per-article result: the cached articles stay good;
    # the rows of lone incidents cached with them (all the code) do not.
    after_rule = sources_fingerprint(package)
    all_code = sources_fingerprint(package, leave_out=())
    for step in ("pipeline/corpus/clustering.py", "release/writers.py"):
        code = package / step
        code.write_text(code.read_text("utf-8") + "\n# an edit\n", "utf-8")
        assert sources_fingerprint(package, leave_out=()) != all_code
        all_code = sources_fingerprint(package, leave_out=())
    assert sources_fingerprint(package) == after_rule


def test_a_rebuild_takes_lone_incident_rows_from_the_cache_until_the_code_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inputs = _corpus(tmp_path / "in", copies=1)
    articles = len(list(inputs.glob("*.txt")))
    made: list[str] = []
    real = collect_module.lone_rows

    def counted(article):  # type: ignore[no-untyped-def]
        made.append(article.article_id)
        return real(article)

    monkeypatch.setattr(collect_module, "lone_rows", counted)
    first = _records(_build(inputs, tmp_path / "out"))
    assert len(made) == articles  # one process: all made here, then cached
    made.clear()
    again = _build(inputs, tmp_path / "out")
    assert made == [] and _records(again) == first
    # An edit to a corpus step: every article stays cached, its lone rows are made again
    # (the same here, as the code did not really change), once.
    monkeypatch.setattr(assemble, "corpus_fingerprint", lambda: "an edited corpus step")
    edited = _build(inputs, tmp_path / "out")
    assert _manifest(edited)["cache"] == {"reused": articles, "processed": 0}
    assert len(made) == articles and _records(edited) == first
    made.clear()
    _build(inputs, tmp_path / "out")
    assert made == []
    with sqlite3.connect(tmp_path / "out" / ".cache" / CACHE_FILE) as db:
        kept = db.execute("SELECT DISTINCT fingerprint FROM lone_rows").fetchall()
        damaged = db.execute(
            "UPDATE lone_rows SET body = X'00' WHERE rowid = (SELECT MIN(rowid) FROM lone_rows)"
        ).rowcount
    assert kept == [("an edited corpus step",)] and damaged == 1
    assert _records(_build(inputs, tmp_path / "out")) == first and len(made) == 1


# Run in a fresh interpreter: the test process has imported everything.
STAGE_IMPORTS = """
import json, sys
from pathlib import Path
from newsevents.pipeline.ingest import InputFolder
from newsevents.pipeline.stages import run_items
docs = list(InputFolder(Path(sys.argv[1])).documents())[:2]
assert len(list(run_items(docs))) == 2
print(json.dumps(sorted(m.__file__ for n, m in sys.modules.items()
                        if n.startswith("newsevents") and getattr(m, "__file__", None))))
"""


def test_the_stages_import_none_of_the_code_the_fingerprint_leaves_out() -> None:
    run = subprocess.run([sys.executable, "-c", STAGE_IMPORTS, str(SEEDS)],
                         capture_output=True, text=True, check=True)  # fmt: skip
    loaded = [Path(f).resolve().relative_to(PACKAGE).as_posix() for f in json.loads(run.stdout)]
    assert "pipeline/stages.py" in loaded and "pipeline/signature.py" in loaded
    left_out = [name for name in loaded if name.startswith(fingerprint.AFTER_THE_STAGES)]
    assert left_out == [], f"the stages run code the fingerprint does not hash: {left_out}"


def test_a_cache_path_that_is_a_file_is_refused_with_the_fix(tmp_path: Path) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("not a folder", "utf-8")
    with pytest.raises(UserError) as err:
        _build(SEEDS, tmp_path / "out", cache_dir=blocker)
    assert "E040" in str(err.value) and "--no-cache" in str(err.value)


def test_a_killed_build_leaves_a_cache_the_next_build_goes_on_from(tmp_path: Path) -> None:
    inputs = _corpus(tmp_path / "in", copies=(2 * BATCH) // 5 + 2)
    articles = len(list(inputs.glob("*.txt")))
    database = tmp_path / "out" / ".cache" / CACHE_FILE
    command = [sys.executable, "-m", "newsevents.cli", "build", "--input", str(inputs),
               "--out", str(tmp_path / "out"), "--version", "v", "--workers", "1"]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    build = subprocess.Popen(command, env=env, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 300
        while _rows(database) < BATCH and time.monotonic() < deadline:
            assert build.poll() is None, "the build ended before its first batch was saved"
            time.sleep(0.2)
        build.send_signal(signal.SIGKILL)
    finally:
        build.wait()
    saved = _rows(database)
    assert BATCH <= saved < articles
    with sqlite3.connect(database) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)

    rebuilt = _build(inputs, tmp_path / "out")
    assert _manifest(rebuilt)["cache"] == {"reused": saved, "processed": articles - saved}
    assert _records(rebuilt) == _records(_build(inputs, tmp_path / "plain", use_cache=False))


def _rows(database: Path) -> int:
    if not database.exists():
        return 0
    try:
        with sqlite3.connect(database, timeout=5) as db:
            return int(db.execute("SELECT count(*) FROM results").fetchone()[0])
    except sqlite3.OperationalError:  # the table is not made yet
        return 0


def test_cached_articles_pass_through_the_worker_pool_in_their_place(tmp_path: Path) -> None:
    """Changed articles (more than one task of them) go to the workers while the cached
    ones pass through between them; the records are those of a build without cache."""
    inputs = _corpus(tmp_path / "in", copies=4)
    articles = sorted(inputs.glob("*.txt"))
    _build(inputs, tmp_path / "out", workers=2)
    changed = articles[::2]
    assert len(changed) > TASK
    for path in changed:
        path.write_text(path.read_text("utf-8") + "\nA closing line added later.\n", "utf-8")
    rebuilt = _build(inputs, tmp_path / "out", workers=2)
    assert _manifest(rebuilt)["cache"] == {
        "reused": len(articles) - len(changed),
        "processed": len(changed),
    }
    assert _records(rebuilt) == _records(_build(inputs, tmp_path / "plain", use_cache=False))


def test_a_result_travels_and_is_cached_as_json_with_what_the_build_reads_of_it() -> None:
    """A worker's result reaches the build's process, and the cache, without its Article
    object; what the build reads of it (compact copy, facts) is made from the article,
    and the article reads back from the JSON unchanged."""
    from newsevents.pipeline.cache import _decode, _encode
    from newsevents.pipeline.compact import compact
    from newsevents.pipeline.facts import facts_of
    from newsevents.pipeline.ingest import InputFolder
    from newsevents.pipeline.stages import Built, process

    doc = next(iter(InputFolder(SEEDS).documents()))
    built = process([doc])[0]
    assert isinstance(built, Built) and built.article.events and built.article.entities
    travelled = pickle.loads(pickle.dumps(built))
    assert travelled.__dict__["_article"] is None, "the Article object is not pickled"
    assert travelled == built and travelled.article == built.article
    cached = _decode(*_encode(built))
    assert isinstance(cached, Built) and cached.__dict__["_article"] is None
    assert cached.compact == compact(built.article)
    assert cached.facts == facts_of(built.article)
    assert cached.removed == built.removed and cached.signature == built.signature
    assert cached.article == built.article
