"""Thin command-line shell over the library: parse options, call, print, exit.

User errors print one line with a remedy and exit 1, without a traceback.
Heavy imports happen inside the commands so that `newsevents --help` is instant.
"""

import sys
import time
from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Turn raw news articles into a validated, versioned research dataset.",
)


def _fail(message: str) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(1)


def _progress(console=None):  # type: ignore[no-untyped-def]
    """Records read, their rate, input files done and the time left (by files: a
    .jsonl's records are not counted ahead). Shown on a terminal only."""
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    console = console or Console(stderr=True)
    return Progress(
        SpinnerColumn(), TextColumn("{task.fields[records]} records ({task.fields[rate]}/s)"),
        BarColumn(), MofNCompleteColumn(), TextColumn("files"), TimeElapsedColumn(),
        TextColumn("ETA"), TimeRemainingColumn(), TextColumn("{task.description}"),
        console=console, transient=True, disable=not console.is_terminal,
    )  # fmt: skip


class _BuildProgress:
    """Feeds the pipeline's per-record reports to a rich task: a file is done when the
    next record comes from another file."""

    def __init__(self, progress, task) -> None:  # type: ignore[no-untyped-def]
        self.progress, self.task, self.started = progress, task, time.monotonic()
        self.records, self.current = 0, ""

    def start(self, files: int) -> None:
        self.progress.update(self.task, total=files)

    def item(self, name: str) -> None:
        self.records += 1
        done = 1 if self.current and name != self.current else 0
        self.current = name
        rate = self.records / max(time.monotonic() - self.started, 1e-6)
        self.progress.update(
            self.task, advance=done, description=name, records=self.records, rate=f"{rate:.1f}"
        )


@app.command()
def build(
    input: Annotated[Path, typer.Option(help="Folder of articles (.txt, .html, .jsonl).")] = Path(
        "seeds"
    ),
    out: Annotated[Path, typer.Option(help="Folder that receives <version>/.")] = Path("releases"),
    version: Annotated[
        str | None, typer.Option(help="Release version (default: tool version).")
    ] = None,
    keep_going: Annotated[
        bool,
        typer.Option("--keep-going", help="Build without rejected inputs (listed in the card)."),
    ] = False,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing release.")] = False,
    card: Annotated[Path | None, typer.Option(help="Dataset card template.")] = None,
    gold: Annotated[
        list[Path] | None,
        typer.Option(help="Gold annotations to score the release against in the card."),
    ] = None,
    previous: Annotated[
        Path | None,
        typer.Option(help="An earlier release: the card's changelog lists what changed since."),
    ] = None,
    text: Annotated[
        str,
        typer.Option(
            help="Article text to ship: full, spans (headline and evidence sentences, offsets "
            "kept) or none (offsets, hashes and metadata only)."
        ),
    ] = "full",
    name: Annotated[
        str | None, typer.Option(help="Dataset id (overrides dataset.yaml's name).")
    ] = None,
    title: Annotated[
        str | None, typer.Option(help="Card title (overrides dataset.yaml's pretty_name).")
    ] = None,
    license: Annotated[
        str | None,
        typer.Option(help="Hub licence id, e.g. cc-by-4.0 (overrides dataset.yaml's license)."),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            help="Processes for the per-article stages (default: one per core; 1 runs in "
            "this process). The release is the same for any number."
        ),
    ] = None,
    cache: Annotated[
        Path | None,
        typer.Option(
            help="Folder of the per-article cache (default: OUT/.cache): a rebuild "
            "reprocesses only the articles, or the code and knowledge, that changed. It "
            "holds pickled records: use a folder only your own builds write."
        ),
    ] = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Process every article; read and write no cache.")
    ] = False,
    engine: Annotated[
        str,
        typer.Option(
            help="What runs those stages: local (processes of this build) or dask (a Dask "
            "cluster: a local one of --workers processes, or the one at --scheduler). "
            "The release is the same on either."
        ),
    ] = "local",
    scheduler: Annotated[
        str | None,
        typer.Option(
            help="Address of a running Dask scheduler (tcp://HOST:8786, from `dask "
            "scheduler`) whose workers run the stages; needs --engine dask."
        ),
    ] = None,
) -> None:
    """Build a release from a folder of articles.

    A version is immutable: an existing one is replaced only with --force, and the
    manifest then records `forced: true`. The folder's dataset.yaml (see `newsevents
    init`) names and describes the dataset.

    Example: newsevents build --input seeds --out releases --version 0.1.0 --gold gold
    """
    if engine == "local":  # the workers' model loads while this process starts
        from newsevents.pipeline.fork_server import start_fork_server

        start_fork_server(workers, input)
    from newsevents import __version__
    from newsevents.config import BuildConfig
    from newsevents.errors import UserError
    from newsevents.release.assemble import build_release

    started = time.monotonic()
    try:
        config = BuildConfig(
            input_dir=input, out_dir=out, version=version or __version__,
            keep_going=keep_going, force=force, card_template=card, gold_dirs=tuple(gold or ()),
            previous=previous,
            text_policy=text, name=name, title=title, license=license,
            cache_dir=cache, use_cache=not no_cache,
            engine=engine, scheduler=scheduler,
            **({} if workers is None else {"workers": workers}),
        )  # fmt: skip
        with _progress() as progress:
            task = progress.add_task("reading articles", total=None, records=0, rate="0.0")
            feed = _BuildProgress(progress, task)
            report = build_release(config, on_item=feed.item, on_start=feed.start)
    except UserError as err:
        _print_rejects_from(err)
        _fail(str(err))
    for note in report.notes:
        typer.echo(f"note: {note}", err=True)
    typer.echo(build_summary(report, time.monotonic() - started), err=True)


def build_summary(report, seconds: float) -> str:  # type: ignore[no-untyped-def]
    """The closing lines of `build`: what was built, how much stayed undated, where it is."""
    counts = report.manifest.counts
    sources = report.manifest.event_date_sources
    events, undated = counts["events"], sources.get("none", 0)
    share = f"{undated / events:.0%}" if events else "n/a"
    return (
        f"built {counts['articles']} articles, {counts['events']} events, "
        f"{counts['claims']} claims, {counts['incidents']} incidents, "
        f"{counts['rejects']} rejected in {seconds:.1f} s\n"
        f"event dates: {sources.get('calendar', 0)} from the calendar of known incidents, "
        f"{undated} of {events} events undated ({share})\n"
        f"release: {report.release_dir} (text: {report.manifest.text_policy})"
        + _cache_line(report.manifest.cache)
    )


def _cache_line(cache: dict[str, int] | None) -> str:
    if cache is None:
        return ""
    return f"\ncache: {cache['reused']} articles reused, {cache['processed']} processed"


@app.command()
def init(
    directory: Annotated[Path, typer.Argument(help="Input folder to describe.")],
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite an existing dataset.yaml.")
    ] = False,
) -> None:
    """Write a commented dataset.yaml into a folder of articles, to edit before `build`.

    Example: newsevents init my-articles
    """
    from newsevents.description import DESCRIPTION_FILE, description_template
    from newsevents.errors import E, UserError

    path = directory / DESCRIPTION_FILE
    try:
        if path.exists() and not force:
            raise UserError(E.E025, path=path)
        directory.mkdir(parents=True, exist_ok=True)
        path.write_text(description_template(directory), "utf-8")
    except UserError as err:
        _fail(str(err))
    except OSError as err:
        _fail(f"cannot write {path}: {err.strerror}; pick a folder you can write to")
    typer.echo(f"wrote {path}; edit it, then run: newsevents build --input {directory}", err=True)


def _print_rejects_from(err: Exception) -> None:
    rejects = getattr(err, "rejects", None) or []
    for reject in rejects:
        typer.echo(f"rejected: {reject.message}", err=True)


@app.command()
def validate(
    directory: Annotated[Path, typer.Argument(help="Folder of articles to check.")],
) -> None:
    """Check every input of a folder against the schema; write nothing.

    Exits 1 when any input would be rejected. Example: newsevents validate seeds
    """
    from newsevents.errors import UserError
    from newsevents.pipeline.collect import collect

    try:
        collected = collect(directory)
    except UserError as err:
        _fail(str(err))
    for reject in collected.rejects:
        typer.echo(f"rejected: {reject.message}", err=True)
    typer.echo(f"{len(collected.articles)} valid, {len(collected.rejects)} rejected", err=True)
    if collected.rejects:
        raise typer.Exit(1)


@app.command()
def verify(
    release: Annotated[Path, typer.Argument(help="Release folder written by `build`.")],
) -> None:
    """Check a release: checksums, every record against the schema, every Parquet file,
    every reference between configs, and the manifest's counts.

    Exits 1 naming each problem and its file. Example: newsevents verify releases/0.1.0
    """
    from newsevents.release.verify import summary, verify_release

    problems = verify_release(release)
    for problem in problems:
        typer.echo(f"error: {problem}", err=True)
    if problems:
        raise typer.Exit(1)
    typer.echo(summary(release))


@app.command()
def explore(
    release: Annotated[Path, typer.Argument(help="Release folder written by `build`.")],
    out: Annotated[
        Path | None,
        typer.Option(help="Folder for the page (default: <RELEASE>-explorer beside the release)."),
    ] = None,
) -> None:
    """Write the release's explorer: one page to open in a browser, offline, from file://
    (timeline of incidents, claims by claimant, articles with their evidence, entities,
    map). Every build already writes it into the release as explorer/index.html; this
    writes it elsewhere, e.g. for a release built before the explorer existed.

    Example: newsevents explore releases/0.1.0 --out /tmp/explorer
    """
    from newsevents.errors import UserError
    from newsevents.explorer import explore_release

    target = out or release.resolve().with_name(f"{release.resolve().name}-explorer")
    try:
        summary = explore_release(release, target)
    except UserError as err:
        _fail(str(err))
    counts = ", ".join(f"{n} {name}" for name, n in summary.records.items() if name != "texts")
    typer.echo(f"explorer: {summary.index.resolve().as_uri()} ({counts})")


@app.command()
def diff(
    old: Annotated[Path, typer.Argument(help="The earlier release folder.")],
    new: Annotated[Path, typer.Argument(help="The later release folder.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the diff as JSON.")] = False,
) -> None:
    """List the records added, removed and changed (with their fields) per config.

    Example: newsevents diff releases/0.1.0 releases/0.2.0
    """
    from newsevents.errors import UserError
    from newsevents.release.diff import diff_releases, format_diff

    try:
        changes = diff_releases(old, new)
    except UserError as err:
        _fail(str(err))
    if as_json:
        import json

        typer.echo(json.dumps(changes.as_dict(), indent=2, sort_keys=True))
    else:
        typer.echo(format_diff(changes))


@app.command()
def schema(
    out: Annotated[Path, typer.Option(help="Folder for the *.schema.json files.")] = Path("schema"),
) -> None:
    """Regenerate the JSON Schema files from the models.

    Example: newsevents schema --out schema
    """
    from newsevents.schema.jsonschema import write_schema

    for path in write_schema(out):
        typer.echo(str(path))


@app.command(name="eval")
def evaluate(
    release: Annotated[Path, typer.Argument(help="Release folder written by `build`.")],
    gold: Annotated[list[Path], typer.Argument(help="Folder(s) of gold *.yaml files.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    details: Annotated[
        bool, typer.Option("--details", help="Also list every miss and false positive.")
    ] = False,
) -> None:
    """Score a release against gold annotations (precision, recall, F1, accuracies).

    Example: newsevents eval releases/0.1.0 gold ../shared/eval/dev/gold
    """
    from newsevents.errors import UserError
    from newsevents.evaluate import evaluate_release, format_report

    try:
        report = evaluate_release(release, gold)
    except UserError as err:
        _fail(str(err))
    if as_json:
        import json

        typer.echo(json.dumps(report.as_dict(), indent=2, sort_keys=True))
    else:
        typer.echo(format_report(report))
        if details:
            typer.echo("\n".join(["", *report.errors]))


@app.command(name="publish")
def publish_cli(
    release: Annotated[Path, typer.Argument(help="Release folder written by `build`.")],
    repo_id: Annotated[str, typer.Option(help="Dataset repo on the Hub, as ORG/NAME.")],
    revision: Annotated[str, typer.Option(help="Branch to commit to.")] = "main",
    private: Annotated[
        bool, typer.Option("--private", help="Create the repo private (if it is new).")
    ] = False,
    rights_to_texts: Annotated[
        bool,
        typer.Option(
            "--i-have-the-rights-to-publish-texts",
            help="Allow full article texts in a public repo: only where the publishers' "
            "licences permit it.",
        ),
    ] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Print the commit and its files; touch no network.")
    ] = False,
) -> None:
    """Verify a release and publish it to a Hugging Face dataset repo: one commit, one tag.

    The token comes from HF_TOKEN or `hf auth login`. Example:
    newsevents publish releases/0.1.0 --repo-id my-org/newsevents --private --dry-run
    """
    from newsevents.errors import UserError
    from newsevents.release.hub import plan_publication, publish

    options = dict(revision=revision, private=private, rights_to_texts=rights_to_texts)
    try:
        if dry_run:
            plan = plan_publication(release, repo_id, **options)  # type: ignore[arg-type]
        else:
            plan = publish(release, repo_id, **options)  # type: ignore[arg-type]
    except UserError as err:
        _fail(str(err))
    if dry_run:
        typer.echo("dry run: nothing was sent")
        typer.echo("\n".join(plan.describe()))
    else:
        typer.echo(f"published {release} to {repo_id} at {revision}, tag {plan.tag}", err=True)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(app())
