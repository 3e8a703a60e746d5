"""A build streams: articles go to a spool on disk and configs are written row group by
row group, with the same records and bytes as when everything is held in memory."""

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from newsevents.config import BuildConfig
from newsevents.pipeline.collect import collect
from newsevents.pipeline.compact import compact
from newsevents.pipeline.rows import claim_rows, event_rows
from newsevents.pipeline.spool import ArticleSpool, LineSpool, RecordSpool
from newsevents.release.arrow import arrow_schema, batch_from_json
from newsevents.release.assemble import write_article_configs
from newsevents.release.configs import (
    NO_INCIDENT,
    incident_of_event,
    set_null_field,
    with_incident,
)
from newsevents.release.writers import ConfigWriter
from newsevents.schema import Article, ClaimRow, EntityRow, EventRow, IncidentRow

from .conftest import SEEDS

ROOT = Path(__file__).resolve().parents[1]
DEV_SYNTH = ROOT.parent / "shared" / "eval" / "dev-synth"


def _entities(n: int) -> list[EntityRow]:
    return [
        EntityRow(entity_id=f"e{i:03d}", name=f"Entity number {i} " + "x" * 40, type="PERSON",
                  wikidata=None, aliases=[f"alias {i}"], article_count=1, mention_count=1)
        for i in range(n)
    ]  # fmt: skip


def test_row_groups_are_cut_by_bytes_as_rows_stream_in(tmp_path: Path) -> None:
    rows = _entities(30)
    line = len(rows[0].model_dump_json())
    writer = ConfigWriter(tmp_path / "e", EntityRow, tmp_path / "e.jsonl",
                          row_group_bytes=line * 7)  # fmt: skip
    for row in rows:
        writer.add(row)
    (path,) = writer.close()
    meta = pq.ParquetFile(path).metadata
    assert [meta.row_group(i).num_rows for i in range(meta.num_row_groups)] == [7, 7, 7, 7, 2]
    assert [EntityRow.model_validate(r) for r in pq.read_table(path).to_pylist()] == rows
    lines = (tmp_path / "e.jsonl").read_text("utf-8").splitlines()
    assert [EntityRow.model_validate_json(x) for x in lines] == rows
    again = ConfigWriter(tmp_path / "again", EntityRow, row_group_bytes=line * 7)
    for row in rows:
        again.add(row)
    (copy,) = again.close()
    assert copy.read_bytes() == path.read_bytes()
    assert not list((tmp_path / "e").glob(".part-*")), "no temporary shard is left"


def test_rows_read_from_their_json_lines_equal_the_rows_made_from_the_models() -> None:
    """The writers read Parquet rows from the JSON lines: dates, nested lists, and
    optional spans (a null struct whose fields are required) come out as the models'
    own values, in the same Arrow types."""
    collected = collect(SEEDS)
    articles = list(collected.articles)
    claims = [row for a in articles for row in claim_rows(a)]
    # A claim without a victims phrase: a null struct whose fields are required.
    claims.append(claims[0].model_copy(update={"victims": None, "victims_span": None}))
    rows = {
        Article: articles,
        EventRow: [row for a in articles for row in event_rows(a)],
        ClaimRow: claims,
        IncidentRow: list(collected.incidents),
        EntityRow: collected.counted().entity_rows(),
    }
    for model, records in rows.items():
        assert records, model.__name__
        schema = arrow_schema(model)
        lines = "".join(r.model_dump_json() + "\n" for r in records).encode()
        made = pa.RecordBatch.from_pylist([r.model_dump() for r in records], schema=schema)
        read = batch_from_json(lines, schema)
        assert read.schema == schema and read.equals(made), model.__name__
        assert [model.model_validate(r) for r in read.to_pylist()] == records


def test_the_rows_spooled_with_the_articles_write_the_configs_the_articles_write(
    tmp_path: Path,
) -> None:
    """A spooled build writes the articles, events and claims configs from the rows made
    with each article (with the near-duplicate and incident links set in their JSON);
    the configs are the bytes of those written from the articles themselves."""
    config = BuildConfig(input_dir=SEEDS, out_dir=tmp_path / "out", version="t")
    spooled = collect(SEEDS, spool=tmp_path / "spool.jsonl")
    in_memory = collect(SEEDS)
    assert spooled.event_rows is not None and spooled.claim_rows is not None
    assert any(a.near_duplicate_of for a in in_memory.articles)
    assert any(c.incident_id for a in in_memory.articles for c in claim_rows(
        a, incident_of_event(in_memory.incidents)))  # fmt: skip
    written = {}
    for name, collected in (("lines", spooled), ("models", in_memory)):
        folder = tmp_path / name
        write_article_configs(folder, config, collected)
        written[name] = {
            p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()
        }  # fmt: skip
    assert len(written["lines"]) == 6  # 3 configs, Parquet and JSONL
    assert written["lines"] == written["models"]


def test_a_null_field_is_set_in_a_json_line_as_pydantic_writes_it() -> None:
    row = EntityRow(entity_id="e1", name='the "incident_id":null group', type="OTHER",
                    wikidata=None, aliases=["ü"], article_count=1, mention_count=1)  # fmt: skip
    line = row.model_dump_json()
    for value in ("Q1", 'Beyoğlu "north"\tend\x01\u2028\\'):
        expected = row.model_copy(update={"wikidata": value}).model_dump_json()
        assert set_null_field(line, '"wikidata":null', value) == expected
    # The key inside a string value is not the field.
    with pytest.raises(ValueError, match='no "incident_id":null'):
        set_null_field(line, NO_INCIDENT, "inc-1")
    assert with_incident(line, "", {"": "inc-1"}) == line, "a claim with no event keeps null"


def test_a_spool_keeps_any_key_beside_its_line(tmp_path: Path) -> None:
    spool = RecordSpool(tmp_path / "rows.jsonl", EntityRow)
    rows = _entities(3)
    keys = ["plain", "with\ttab and\nline break", ""]
    for key, row in zip(keys, rows, strict=True):
        spool.add_json(row.model_dump_json(), key)
    spool.close()
    assert list(spool.keyed_lines()) == [
        (k, r.model_dump_json()) for k, r in zip(keys, rows, strict=True)
    ]
    assert list(spool) == rows


def test_a_line_spool_gives_each_line_back_by_its_number_in_any_order(tmp_path: Path) -> None:
    lines = ['{"a": 1}', "", "Balochistan — بلوچستان", "tab\tand a\nline break", "last"]
    spool = LineSpool(tmp_path / "lines")
    for line in lines:
        spool.add(line)
    spool.finish()
    assert len(spool) == len(lines)
    for number in (4, 0, 2, 1, 3, 2):
        assert spool[number] == lines[number]
    spool.close()
    with pytest.raises(AssertionError, match="finish the spool"):
        spool[0]
    empty = LineSpool(tmp_path / "empty")
    empty.finish()
    assert len(empty) == 0
    empty.close()


def test_the_spooled_build_gives_the_articles_of_the_in_memory_one(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    shutil.copytree(SEEDS, inputs)
    in_memory = collect(inputs)
    spooled = collect(inputs, spool=tmp_path / "spool.jsonl")
    assert isinstance(spooled.articles, ArticleSpool) and len(spooled.articles) == 5
    assert list(spooled.articles) == in_memory.articles
    assert list(spooled.incidents) == in_memory.incidents
    assert any(a.near_duplicate_of for a in in_memory.articles), "the seed rewrite is marked"


def test_a_compact_article_keeps_what_the_corpus_steps_read_and_no_text() -> None:
    article = next(a for a in collect(SEEDS).articles if a.casualty_claims)
    small = compact(article)
    assert small.article_id == article.article_id
    assert [e.event_id for e in small.events] == [e.event_id for e in article.events]
    claim, original = small.casualty_claims[0], article.casualty_claims[0]
    assert (claim.count_min, claim.claimant, claim.evidence.start) == (
        original.count_min, original.claimant, original.evidence.start,
    )  # fmt: skip
    assert not hasattr(small, "text") and not hasattr(small.events[0], "evidence")


@pytest.mark.parametrize("corpus", [SEEDS, DEV_SYNTH], ids=["seeds", "dev-synth"])
def test_records_do_not_depend_on_the_hash_seed(corpus: Path) -> None:
    """Python salts string hashes per process: any output that follows the order of a
    set would change between two runs of the same build."""
    if not corpus.is_dir():
        pytest.skip(f"{corpus} is absent (CI has ../shared/eval beside the clone)")
    script = (
        "import hashlib, sys; from pathlib import Path;"
        "from newsevents.pipeline.collect import collect;"
        "c = collect(Path(sys.argv[1]));"
        "print(hashlib.sha256(''.join(a.model_dump_json() for a in c.articles).encode()"
        " + ''.join(i.model_dump_json() for i in c.incidents).encode()).hexdigest())"
    )
    digests = set()
    for seed in ("1", "4"):  # two salts that ordered a set of two tokens differently
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT / "src")}
        run = subprocess.run([sys.executable, "-c", script, str(corpus)], env=env,
                             capture_output=True, text=True, check=True)  # fmt: skip
        digests.add(run.stdout.strip())
    assert len(digests) == 1, hashlib.sha256(repr(digests).encode()).hexdigest()


# Run in a fresh interpreter: the test process has imported pandas (datasets does).
BUILD_IMPORTS = """
import sys
from pathlib import Path
from newsevents.config import BuildConfig
from newsevents.release.assemble import build_release
build_release(BuildConfig(input_dir=Path(sys.argv[1]), out_dir=Path(sys.argv[2]), version="v"))
print("pandas" in sys.modules)
"""


def test_a_build_does_not_import_pandas(tmp_path: Path) -> None:
    """pyarrow imports pandas (a quarter of a second) on its first Python value; the
    writers read their rows from JSON, so no process of a build pays for it."""
    run = subprocess.run([sys.executable, "-c", BUILD_IMPORTS, str(SEEDS), str(tmp_path)],
                         capture_output=True, text=True, check=True)  # fmt: skip
    assert run.stdout.strip() == "False"
