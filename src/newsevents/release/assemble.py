"""Build a release atomically: write everything into a temporary folder, then rename.

The whole build holds the version's lock (release/atomic.py). An interrupted build
leaves no release folder and never a partial one; an existing version is replaced
only with `force`, in one step, and the manifest then says `forced`: a version is
immutable otherwise. With `previous`, the card's changelog is the diff from that release.
"""

import os
import shutil
import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from pydantic import BaseModel

from newsevents import SCHEMA_VERSION, __version__
from newsevents.config import BuildConfig
from newsevents.description import DEFAULT_LICENSE_LINK, DatasetDescription, load_description
from newsevents.errors import E, NothingBuilt, RejectedInputs, UserError
from newsevents.evaluate import evaluate, load_gold
from newsevents.explorer import EXPLORER_FOLDER
from newsevents.explorer.write import finish_explorer
from newsevents.pipeline.cache import ArticleCache
from newsevents.pipeline.collect import Collected, collect
from newsevents.pipeline.collector import bulk_work
from newsevents.pipeline.corpus import CORPUS_STEPS
from newsevents.pipeline.fingerprint import corpus_fingerprint, pipeline_fingerprint
from newsevents.pipeline.rows import claim_rows, event_rows
from newsevents.pipeline.spool import ArticleSpool, RecordSpool
from newsevents.pipeline.stages import STAGES
from newsevents.release.article_configs import (
    config_writer,
    figure_of,
    pages_of,
    write_articles_and_pages,
    write_events,
    write_lines,
)
from newsevents.release.atomic import VersionLock, publish, recover
from newsevents.release.card import CardInputs, render_card
from newsevents.release.card_prose import license_details, license_file
from newsevents.release.checksums import write_checksums
from newsevents.release.configs import incident_of_event, with_incident
from newsevents.release.croissant import write_croissant
from newsevents.release.diff import diff_releases, release_version
from newsevents.release.reuse import ReusedOutputs
from newsevents.release.side_jobs import SideJob, SideJobs
from newsevents.release.text_policy import apply_text_policy
from newsevents.release.writers import write_jsonl
from newsevents.schema import (
    CONFIG_MODELS,
    Article,
    ClaimRow,
    EntityRow,
    EventRow,
    IncidentRow,
    Manifest,
)
from newsevents.schema.jsonschema import write_schema

PROBE_PREFIX = ".newsevents-probe-"  # + the pid: a killed build's probe is known by it
PARQUET_NAME = "train-00000-of-00001.parquet"  # the one file of a config under SHARD_BYTES
# From this many articles, a side process writes the articles config (RowsBeside):
# below it, the side process would still be importing when this one is done.
SIDE_ARTICLES = 1_000
# Libraries whose versions shape the output bytes or the extracted values.
ENVIRONMENT_PACKAGES = ("pyarrow", "pydantic", "trafilatura", "dateparser")


@dataclass(frozen=True)
class BuildReport:
    release_dir: Path
    manifest: Manifest
    rejects: int
    notes: tuple[str, ...] = ()  # what the build repaired or cleared on its way
    # Processes that ran the stages (a small input runs in this one); None: the workers
    # of the Dask cluster at --scheduler, however many.
    workers: int | None = 1


def build_release(
    config: BuildConfig,
    *,
    on_item: Callable[[str], None] | None = None,
    on_start: Callable[[int], None] | None = None,
) -> BuildReport:
    """`on_start(files)` and `on_item(source_file)` report progress (see collect)."""
    target = config.release_dir
    # Everything a user can get wrong is checked before the first article is read.
    check_out_dir(config.out_dir)
    if not config.template.is_file():
        raise UserError(E.E008, path=config.template)
    if config.previous and not (config.previous / "jsonl" / "articles.jsonl").is_file():
        raise UserError(E.E005, path=config.previous)
    description = _described(config)
    with VersionLock(config.out_dir, config.version, target) as lock, bulk_work():
        notes = [f"cleared the stale lock of process {lock.stale_pid}"] if lock.stale_pid else []
        notes += _clean_up_after_killed_builds(config)
        if target.exists() and not config.force:
            raise UserError(E.E003, path=target)
        # The spool (articles between the stages and the writing) and the release's
        # temporary folder (renamed into place when whole) live side by side: a killed
        # build's are cleared alike.
        spool = Path(tempfile.mkdtemp(prefix=f".{config.version}.tmp-spool-", dir=config.out_dir))
        tmp = Path(tempfile.mkdtemp(prefix=f".{config.version}.tmp-", dir=config.out_dir))
        tmp.chmod(0o755)  # mkdtemp makes it private; a release is meant to be shared
        cache = _open_cache(config)
        # Given more than one process, parts of the release are written beside the rest
        # (side_jobs.py); the side processes start when the stages are done.
        side = SideJobs(config.workers if config.workers > 1 else 0)
        # The last build's configs, pages and figure, reused where their rows are the same.
        reuse = ReusedOutputs.in_cache(config.cache_folder, corpus_fingerprint())
        beside = RowsBeside(side, tmp, config.text_policy, reuse)
        published = False
        try:
            collected = collect(
                config.input_dir, workers=config.workers, engine=config.engine,
                scheduler=config.scheduler, cache=cache, spool=spool / "articles.jsonl",
                on_item=on_item, on_start=on_start, after_stages=side.start,
                on_spooled=beside.start,
            )  # fmt: skip
            if collected.rejects and not config.keep_going:
                raise RejectedInputs(collected.rejects, reject_summary(collected))
            if not collected.articles:
                raise NothingBuilt(collected.rejects, reject_summary(collected) or "no inputs")
            manifest = make_manifest(config, collected, description, forced=target.exists())
            write_release(tmp, config, collected, manifest, description, side, beside, reuse)
            publish(tmp, config.release_dir, replace=config.force)
            published = True
            if cache is not None:
                cache.finish()
        finally:
            # A failed build waits for its side jobs, which would write on into `tmp`.
            side.close(wait=not published)
            if cache is not None:
                cache.close()
            shutil.rmtree(spool, ignore_errors=True)
            if not published:
                shutil.rmtree(tmp, ignore_errors=True)
    return BuildReport(
        target, manifest, len(collected.rejects), tuple(notes), workers=collected.workers
    )


def _open_cache(config: BuildConfig) -> ArticleCache | None:
    folder = config.cache_folder
    if folder is None:
        return None
    return ArticleCache(folder, pipeline_fingerprint(), corpus_fingerprint())


class RowsBeside:
    """Has side processes write the articles config and its explorer pages, and the
    events config, as soon as the near-duplicates are marked (`collect(on_spooled=...)`),
    while this one runs the incidents step and writes the other configs. Only for a
    corpus of SIDE_ARTICLES or more: a smaller one is written before a side process
    would be ready. The events config goes beside only with the full text (its rows
    are then spooled as they ship)."""

    def __init__(
        self, side: SideJobs, folder: Path, text_policy: str, reuse: ReusedOutputs | None = None
    ) -> None:
        self.side, self.folder, self.text_policy = side, folder, text_policy
        self.reuse = reuse
        self.articles: SideJob | None = None
        self.events = False  # whether the events config is written beside

    def start(self, articles: ArticleSpool, event_rows: RecordSpool[EventRow] | None) -> None:
        if not self.side.processes or len(articles) < SIDE_ARTICLES:
            return
        self.articles = self.side.submit(
            write_articles_and_pages, self.folder, articles, self.text_policy, self.reuse
        )
        if self.text_policy == "full" and event_rows is not None:
            self.side.submit(write_events, self.folder, event_rows, self.reuse)
            self.events = True


def check_out_dir(out_dir: Path) -> None:
    """Refuse at once an --out that is a file or a folder that cannot be written.

    The nearest existing folder is probed by creating (and removing) a folder in it:
    permission bits do not say what root may do, nor what a read-only mount allows."""
    existing = out_dir
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        raise UserError(E.E023, out=out_dir, path=existing)
    try:
        os.rmdir(tempfile.mkdtemp(prefix=f"{PROBE_PREFIX}{os.getpid()}-", dir=existing))
    except OSError as err:
        raise UserError(E.E024, path=out_dir, problem=err.strerror or err) from err


def reject_summary(collected: Collected) -> str:
    reasons = Counter(r.reason for r in collected.rejects)
    return ", ".join(f"{n} {reason}" for reason, n in sorted(reasons.items()))


def make_manifest(
    config: BuildConfig,
    collected: Collected,
    description: DatasetDescription | None = None,
    *,
    forced: bool = False,
) -> Manifest:
    """The manifest of a build; `forced` when it replaces an existing release."""
    description = description or _described(config)
    tally = collected.counted()
    return Manifest(
        dataset=description.name,
        version=config.version,
        tool="newsevents",
        tool_version=__version__,
        schema_version=SCHEMA_VERSION,
        extractors={stage.name: stage.version() for stage in STAGES}
        | {step.name: step.version for step in CORPUS_STEPS},
        environment=_environment(),
        inputs=collected.inputs,
        skipped=collected.skipped,
        accounting=collected.accounting,
        counts={
            "articles": tally.articles,
            "entities": tally.entities,
            "events": tally.events,
            "claims": tally.claims,
            "incidents": len(collected.incidents),
            "rejects": len(collected.rejects),
        },
        removed_lines=dict(sorted(collected.removed_lines.items())),
        flags=dict(sorted(tally.flags.items())),
        forced=forced,
        previous_version=release_version(config.previous) if config.previous else None,
        event_date_sources=dict(sorted(tally.event_date_sources.items())),
        text_policy=config.text_policy,  # type: ignore[arg-type]  # checked by BuildConfig
        cache=collected.cache,
    )


def write_release(
    folder: Path,
    config: BuildConfig,
    collected: Collected,
    manifest: Manifest,
    description: DatasetDescription | None = None,
    side: SideJobs | None = None,
    beside: RowsBeside | None = None,
    reuse: ReusedOutputs | None = None,
) -> None:
    """Every file of the release into `folder`. The figure and the explorer's pages read
    the configs only: each is written, in `side` processes when given (side_jobs.py),
    as soon as the configs it reads are on disk. `beside`: what was submitted to the
    side processes before the incidents step (the articles config and its pages, the
    events config); what it did not take is written here."""
    description = description or _described(config)
    side = side or SideJobs(0)
    explorer = folder / EXPLORER_FOLDER
    keys = write_corpus_configs(folder, collected, reuse)
    side.submit(figure_of, folder, reuse, keys["incidents"])  # from the incidents config only
    # Each reads its config back in batches: memory does not grow with them.
    pages = [
        side.submit(pages_of, folder, name, reuse, keys[name]) for name in ("incidents", "entities")
    ]
    articles = beside.articles if beside else None
    events_beside = beside.events if beside else False
    keys = write_article_configs(
        folder, config, collected, articles=articles is None, events=not events_beside,
        reuse=reuse,
    )  # fmt: skip
    pages.append(side.submit(pages_of, folder, "claims", reuse, keys["claims"]))
    pages.append(articles or side.submit(pages_of, folder, "articles", reuse, keys.get("articles")))
    write_schema(folder / "schema")
    write_jsonl(folder / "rejects.jsonl", collected.rejects)
    (folder / "manifest.json").write_text(manifest.model_dump_json(indent=2) + "\n", "utf-8")
    template = config.template.read_text("utf-8")
    accuracy = None
    if config.gold_dirs:
        gold = load_gold(config.gold_dirs)
        files = {g.file for g in gold}
        scored = (a for a in collected.articles if PurePosixPath(a.source_file).name in files)
        accuracy = evaluate(list(scored), gold)
    gold_names = tuple(f"`{p.name}/`" for p in config.gold_dirs)
    finish_explorer(folder, explorer, [job.result() for job in pages])  # every config written
    # After the Parquet files (it holds their checksums), before SHA256SUMS (which lists it).
    write_croissant(
        folder, name=description.name, description=description.title, version=config.version,
        license_text=license_details(manifest.text_policy), configs=CONFIG_MODELS,
    )  # fmt: skip
    # The new records are on disk by now; the diff reads both releases the same way.
    changes = diff_releases(config.previous, folder) if config.previous else None
    inputs = CardInputs(
        config.version, collected.counted(), collected.rejects, manifest, accuracy, gold_names,
        changes,
        description=description, input_name=config.input_dir.resolve().name,
    )  # fmt: skip
    card = render_card(template, inputs)
    (folder / "README.md").write_text(card, "utf-8")
    if description.licensing[2] == DEFAULT_LICENSE_LINK:  # the card's front matter links it
        (folder / DEFAULT_LICENSE_LINK).write_text(license_file(manifest.text_policy), "utf-8")
    side.wait()
    write_checksums(folder)


def write_corpus_configs(
    folder: Path, collected: Collected, reuse: ReusedOutputs | None = None
) -> dict[str, str | None]:
    """The configs made across articles: entities and incidents, Parquet and JSONL; the
    keys of their rows (reuse.py; None without `reuse`)."""
    writer = config_writer(folder, "entities", EntityRow, reuse)
    for row in collected.counted().entity_rows():
        writer.add(row)
    keys = {"entities": writer.close()}
    incidents = collected.incidents
    if isinstance(incidents, RecordSpool):  # spooled as the rows were made and validated
        lines = incidents.lines()
    else:
        lines = (row.model_dump_json() for row in incidents)
    keys["incidents"] = write_lines(folder, "incidents", IncidentRow, lines, reuse)
    return keys


def write_article_configs(
    folder: Path,
    config: BuildConfig,
    collected: Collected,
    *,
    articles: bool = True,
    events: bool = True,
    reuse: ReusedOutputs | None = None,
) -> dict[str, str | None]:
    """The claims config, and with `articles` and `events` those configs, in build order;
    the keys of their rows (reuse.py; None without `reuse`).

    With the full text, from the rows the articles came with (`collect(spool=...)`):
    made and validated with each article, in a worker or a cached build, so a rebuild
    does not make them again; only what the corpus steps found is set in them. Else
    from the articles, as the text policy ships them; entity names come from the full
    articles (a name is a fact, not the publisher's text)."""
    incident_of = collected.incident_of
    if incident_of is None:
        incident_of = incident_of_event(collected.incidents)
    event_lines, claim_lines = collected.event_rows, collected.claim_rows
    if config.text_policy == "full" and event_lines is not None and claim_lines is not None:
        assert isinstance(collected.articles, ArticleSpool)
        keys = {}
        if articles:
            keys["articles"] = write_lines(
                folder, "articles", Article, collected.articles.lines(), reuse
            )
        if events:
            keys["events"] = write_events(folder, event_lines, reuse)
        keys["claims"] = write_lines(
            folder, "claims", ClaimRow,
            (with_incident(line, key, incident_of) for key, line in claim_lines.keyed_lines()),
            reuse,
        )  # fmt: skip
        return keys
    models: dict[str, type[BaseModel]] = {"claims": ClaimRow}
    if events:
        models = {"events": EventRow, **models}
    if articles:
        models = {"articles": Article, **models}
    writers = {name: config_writer(folder, name, model, reuse) for name, model in models.items()}
    for article in collected.articles:
        shipped = apply_text_policy(article, config.text_policy)
        if articles:
            writers["articles"].add(shipped)
        if events:
            for event in event_rows(shipped):
                writers["events"].add(event)
        for claim in claim_rows(shipped, incident_of):
            writers["claims"].add(claim)
    return {name: writer.close() for name, writer in writers.items()}


def _described(config: BuildConfig) -> DatasetDescription:
    return load_description(
        config.input_dir, name=config.name, pretty_name=config.title, license=config.license
    )


def _clean_up_after_killed_builds(config: BuildConfig) -> list[str]:
    """Under the lock, so no live build of this version owns what is removed:
    temporary folders of killed builds, and a release hidden by a killed replace."""
    notes = []
    restored = recover(config.release_dir)
    if restored:
        notes.append(restored)
    for stale in sorted(config.out_dir.glob(f".{config.version}.tmp-*")):
        shutil.rmtree(stale, ignore_errors=True)
        notes.append(f"removed {stale}, left by a killed build")
    for probe in sorted(config.out_dir.glob(f"{PROBE_PREFIX}*")):
        if not _alive(probe.name.removeprefix(PROBE_PREFIX).split("-")[0]):
            shutil.rmtree(probe, ignore_errors=True)  # a killed build's write probe
    return notes


def _alive(pid: str) -> bool:
    """Whether process `pid` runs (a name that is no pid counts as alive: kept)."""
    if not pid.isdigit():
        return True
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _environment() -> dict[str, str]:
    from importlib.metadata import version

    env = {"python": ".".join(map(str, sys.version_info[:3]))}
    env.update({name: version(name) for name in ENVIRONMENT_PACKAGES})
    return env
