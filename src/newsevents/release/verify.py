"""Check a built release as a reader receives it: bytes, schema, Parquet, references, counts.

`verify_release` reads only the release folder and returns its problems, each a line
"<file>: <what is wrong>" (empty when the release is sound). Bad releases are data,
not exceptions, so a caller can show every problem at once; the CLI prints them.

The JSON Schema files shipped in the release's `schema/` folder are generated from the
models (`newsevents schema`). Records are validated with those models, after checking
that the release's schema files are exactly what the models generate: then a record
the models accept is one the shipped schema accepts. (The `jsonschema` package is not
a dependency; the models also check the invariants JSON Schema cannot state.)
"""

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ValidationError

from newsevents.release.checksums import SUMS_NAME, sha256_file
from newsevents.schema import CONFIG_MODELS, Manifest, Reject
from newsevents.schema.jsonschema import schema_documents

PARQUET_FOLDER_GLOB = "*.parquet"


@dataclass
class _Rows:
    """The records of the JSONL configs that parsed, for the reference checks."""

    by_config: dict[str, list[BaseModel]] = field(default_factory=dict)

    def of(self, config: str) -> list:  # list of that config's model
        return self.by_config.get(config, [])


def verify_release(path: Path) -> list[str]:
    """Every problem of the release folder `path`, as "<file>: <problem>" lines, in the
    order checked: files and checksums, schema, JSONL records, Parquet, references,
    manifest counts. An empty list means the release is sound."""
    if not (path / "manifest.json").is_file():
        return [f"{path}: not a release folder (no manifest.json); pass the folder `build` wrote"]
    problems = list(_checksum_problems(path))
    problems += _schema_problems(path)
    rows = _Rows()
    for config, model in CONFIG_MODELS.items():
        records, found = _read_jsonl(path, f"jsonl/{config}.jsonl", model)
        rows.by_config[config] = records
        problems += found
    rejects, found = _read_jsonl(path, "rejects.jsonl", Reject)
    problems += found
    for config, model in CONFIG_MODELS.items():
        problems += _parquet_problems(path, config, model, rows.of(config))
    problems += _reference_problems(rows)
    problems += _manifest_problems(path, rows, len(rejects))
    return problems


def summary(path: Path) -> str:
    """One line for a sound release: its version and the rows of each config."""
    manifest = Manifest.model_validate_json((path / "manifest.json").read_text("utf-8"))
    counts = ", ".join(f"{manifest.counts.get(name, 0)} {name}" for name in CONFIG_MODELS)
    return f"OK {path} (version {manifest.version}): {counts}; checksums, schema, references match"


def _checksum_problems(release: Path) -> Iterator[str]:
    sums = release / SUMS_NAME
    if not sums.is_file():
        yield f"{SUMS_NAME}: missing; the release cannot be checked byte for byte"
        return
    listed = set()
    for number, line in enumerate(sums.read_text("utf-8").splitlines(), start=1):
        digest, sep, rel = line.partition("  ")
        if not sep or len(digest) != 64:
            yield f"{SUMS_NAME} line {number}: not '<sha256>  <path>': {line[:80]!r}"
            continue
        listed.add(rel)
        target = release / rel
        if not target.is_file():
            yield f"{rel}: listed in {SUMS_NAME} but missing"
        elif sha256_file(target) != digest:
            yield f"{rel}: SHA-256 does not match {SUMS_NAME} (the file changed after the build)"
    for extra in sorted(
        p.relative_to(release).as_posix() for p in release.rglob("*") if p.is_file()
    ):
        if extra != SUMS_NAME and extra not in listed:
            yield f"{extra}: not listed in {SUMS_NAME} (added after the build)"


def _schema_problems(release: Path) -> Iterator[str]:
    for name, text in schema_documents().items():
        shipped = release / "schema" / name
        if not shipped.is_file():
            yield f"schema/{name}: missing"
        elif json.loads(shipped.read_text("utf-8")) != json.loads(text):
            yield (
                f"schema/{name}: differs from the models of this newsevents, so its records "
                "cannot be checked against it; verify with the newsevents version that built it"
            )


def _read_jsonl(release: Path, rel: str, model: type[BaseModel]) -> tuple[list, list[str]]:
    """The records of one JSONL file that validate, and a problem per line that does not."""
    path = release / rel
    if not path.is_file():
        return [], [f"{rel}: missing"]
    records, problems = [], []
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            try:
                records.append(model.model_validate_json(line))
            except ValidationError as err:
                first = err.errors()[0]
                where = ".".join(str(part) for part in first["loc"]) or "record"
                problems.append(f"{rel} line {number}: {where}: {first['msg']}")
    return records, problems


def _parquet_problems(
    release: Path, config: str, model: type[BaseModel], records: list[BaseModel]
) -> Iterator[str]:
    """The Parquet file loads, with the models' Arrow schema, and holds the JSONL's rows."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from newsevents.release.arrow import arrow_schema

    files = sorted((release / config).glob(PARQUET_FOLDER_GLOB))
    if not files:
        yield f"{config}/: no Parquet file"
        return
    for file in files:
        rel = file.relative_to(release).as_posix()
        try:
            table = pq.read_table(file)
        except (OSError, pa.ArrowException) as err:
            yield f"{rel}: does not load with pyarrow: {err}"
            continue
        if not table.schema.equals(arrow_schema(model)):
            yield f"{rel}: Arrow schema differs from the {model.__name__} model"
        elif len(files) == 1 and table.to_pylist() != [
            r.model_dump(mode="python") for r in records
        ]:
            yield f"{rel}: rows differ from jsonl/{config}.jsonl"


def _reference_problems(rows: _Rows) -> Iterator[str]:
    """Every id a record names is the id of a record of the release."""
    articles = {a.article_id for a in rows.of("articles")}
    entities = {e.entity_id for e in rows.of("entities")}
    events = {(e.article_id, e.event_id) for e in rows.of("events")}
    claims = {(c.article_id, c.claim_id) for c in rows.of("claims")}
    incidents = {i.incident_id for i in rows.of("incidents")}

    def missing(rel: str, number: int, what: str, ids: Iterable[object], known: set) -> list[str]:
        return [
            f"{rel} line {number}: {what} {value!r} is not in the release"
            for value in ids
            if value not in known
        ]

    found: list[str] = []
    for n, a in enumerate(rows.of("articles"), start=1):
        if a.near_duplicate_of:
            found += missing("jsonl/articles.jsonl", n, "article", [a.near_duplicate_of], articles)
    for n, e in enumerate(rows.of("events"), start=1):
        found += missing("jsonl/events.jsonl", n, "article", [e.article_id], articles)
        people = [*e.actors, *e.targets, *e.locations]
        found += missing("jsonl/events.jsonl", n, "entity", people, entities)
    for n, c in enumerate(rows.of("claims"), start=1):
        rel = "jsonl/claims.jsonl"
        found += missing(rel, n, "article", [c.article_id], articles)
        found += missing(rel, n, "entity", [c.claimant] if c.claimant else [], entities)
        if c.event_id:
            found += missing(rel, n, "event", [(c.article_id, c.event_id)], events)
        if c.incident_id:
            found += missing(rel, n, "incident", [c.incident_id], incidents)
    for n, i in enumerate(rows.of("incidents"), start=1):
        rel = "jsonl/incidents.jsonl"
        found += missing(rel, n, "article", i.article_ids, articles)
        found += missing(rel, n, "event", [_split_key(k) for k in i.event_ids], events)
        found += missing(rel, n, "entity", [*i.actors, *i.locations], entities)
        found += missing(rel, n, "claim", [(c.article_id, c.claim_id) for c in i.claims], claims)
    return iter(found)


def _split_key(key: str) -> tuple[str, str]:
    """'article_id/event_id' -> the pair; an article id may hold '/', an event id never."""
    article_id, _, event_id = key.rpartition("/")
    return article_id, event_id


def _manifest_problems(release: Path, rows: _Rows, rejects: int) -> Iterator[str]:
    try:
        manifest = Manifest.model_validate_json((release / "manifest.json").read_text("utf-8"))
    except ValidationError as err:
        first = err.errors()[0]
        yield f"manifest.json: {'.'.join(map(str, first['loc']))}: {first['msg']}"
        return
    actual = {config: len(rows.of(config)) for config in CONFIG_MODELS} | {"rejects": rejects}
    for name, count in actual.items():
        stated = manifest.counts.get(name)
        if stated != count:
            yield f"manifest.json: counts.{name} is {stated} but the release holds {count}"
