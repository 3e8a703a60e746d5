"""Build a release atomically: write everything into a temporary folder, then rename.

An interrupted build leaves no release folder; an existing version is replaced
only with `force`.
"""

import shutil
import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from newsevents import SCHEMA_VERSION, __version__
from newsevents.build.collect import Collected, collect
from newsevents.build.near_duplicates import mark_near_duplicates
from newsevents.build.pipeline import STAGES
from newsevents.config import DATASET_NAME, BuildConfig
from newsevents.errors import E, RejectedInputs, UserError
from newsevents.evaluate import evaluate, load_gold
from newsevents.release.card import CardInputs, render_card
from newsevents.release.checksums import write_checksums
from newsevents.release.configs import claim_rows, entity_rows, event_rows
from newsevents.release.incidents import build_incidents
from newsevents.release.writers import write_jsonl, write_parquet
from newsevents.schema import Article, ClaimRow, EntityRow, EventRow, IncidentRow, Manifest
from newsevents.schema.jsonschema import write_schema

PARQUET_NAME = "train-00000-of-00001.parquet"
# Libraries whose versions shape the output bytes or the extracted values.
ENVIRONMENT_PACKAGES = ("pyarrow", "pydantic", "trafilatura", "dateparser")


@dataclass(frozen=True)
class BuildReport:
    release_dir: Path
    manifest: Manifest
    rejects: int


def build_release(
    config: BuildConfig, *, on_item: Callable[[str], None] | None = None
) -> BuildReport:
    target = config.release_dir
    if target.exists() and not config.force:
        raise UserError(E.E003, path=target)
    if not config.template.is_file():
        raise UserError(E.E008, path=config.template)
    collected = collect(config.input_dir, on_item=on_item)
    collected.articles = mark_near_duplicates(collected.articles)
    collected.incidents = build_incidents(collected.articles)
    if collected.rejects and not config.keep_going:
        raise RejectedInputs(collected.rejects, reject_summary(collected))
    manifest = make_manifest(config, collected)
    config.out_dir.mkdir(parents=True, exist_ok=True)
    _remove_stale_temporaries(config)
    tmp = Path(tempfile.mkdtemp(prefix=f".{config.version}.tmp-", dir=config.out_dir))
    tmp.chmod(0o755)  # mkdtemp makes it private; a release is meant to be shared
    try:
        write_release(tmp, config, collected, manifest)
        _swap_into_place(tmp, target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return BuildReport(target, manifest, len(collected.rejects))


def reject_summary(collected: Collected) -> str:
    reasons = Counter(r.reason for r in collected.rejects)
    return ", ".join(f"{n} {reason}" for reason, n in sorted(reasons.items()))


def make_manifest(config: BuildConfig, collected: Collected) -> Manifest:
    articles = collected.articles
    events = sum(len(a.events) for a in articles)
    claims = sum(len(a.casualty_claims) for a in articles)
    entities = len({e.entity_id for a in articles for e in a.entities})
    return Manifest(
        dataset=DATASET_NAME,
        version=config.version,
        tool="newsevents",
        tool_version=__version__,
        schema_version=SCHEMA_VERSION,
        extractors={stage.name: stage.version() for stage in STAGES},
        environment=_environment(),
        inputs=collected.inputs,
        skipped=collected.skipped,
        counts={
            "articles": len(articles),
            "entities": entities,
            "events": events,
            "claims": claims,
            "incidents": len(collected.incidents),
            "rejects": len(collected.rejects),
        },
        removed_lines=dict(sorted(collected.removed_lines.items())),
        flags=dict(sorted(Counter(f for a in articles for f in a.flags).items())),
    )


def write_release(
    folder: Path, config: BuildConfig, collected: Collected, manifest: Manifest
) -> None:
    articles = collected.articles
    configs: dict[str, tuple[type, list]] = {
        "articles": (Article, articles),
        "entities": (EntityRow, entity_rows(articles)),
        "events": (EventRow, [row for a in articles for row in event_rows(a)]),
        "claims": (ClaimRow, [row for a in articles for row in claim_rows(a)]),
        "incidents": (IncidentRow, collected.incidents),
    }
    for name, (model, rows) in configs.items():
        write_parquet(folder / name / PARQUET_NAME, model, rows)
        write_jsonl(folder / "jsonl" / f"{name}.jsonl", rows)
    write_schema(folder / "schema")
    write_jsonl(folder / "rejects.jsonl", collected.rejects)
    (folder / "manifest.json").write_text(manifest.model_dump_json(indent=2) + "\n", "utf-8")
    template = config.template.read_text("utf-8")
    accuracy = None
    if config.gold_dirs:
        accuracy = evaluate(articles, load_gold(config.gold_dirs))
    gold_names = tuple(f"`{p.name}/`" for p in config.gold_dirs)
    inputs = CardInputs(config.version, articles, collected.rejects, manifest, accuracy, gold_names)
    card = render_card(template, inputs)
    (folder / "README.md").write_text(card, "utf-8")
    write_checksums(folder)


def _swap_into_place(tmp: Path, target: Path) -> None:
    """Rename the finished folder into place; an old release is removed only after."""
    if not target.exists():
        tmp.rename(target)
        return
    old = target.with_name(f".{target.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    target.rename(old)
    tmp.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def _remove_stale_temporaries(config: BuildConfig) -> None:
    """Folders left by a build that was killed (SIGKILL skips our cleanup)."""
    for stale in config.out_dir.glob(f".{config.version}.tmp-*"):
        shutil.rmtree(stale, ignore_errors=True)


def _environment() -> dict[str, str]:
    from importlib.metadata import version

    env = {"python": ".".join(map(str, sys.version_info[:3]))}
    env.update({name: version(name) for name in ENVIRONMENT_PACKAGES})
    return env
