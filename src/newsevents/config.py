"""The one validated configuration object a build runs from (CLI -> config -> kwargs)."""

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from newsevents import __version__
from newsevents.errors import E, UserError

_VERSION_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
# What runs the per-article stages: processes on this machine, or a Dask cluster.
ENGINES = ("local", "dask")


def default_card_template() -> Path:
    """The card template shipped inside the package (package data, so a wheel has it)."""
    return Path(__file__).resolve().parent / "release" / "dataset_card.md"


def default_workers() -> int:
    """One worker per core; `os.cpu_count()` may not know (None), then one."""
    return os.cpu_count() or 1


@dataclass(frozen=True)
class BuildConfig:
    input_dir: Path = Path("seeds")
    out_dir: Path = Path("releases")
    version: str = __version__
    keep_going: bool = False
    force: bool = False
    card_template: Path | None = None
    gold_dirs: tuple[Path, ...] = ()  # gold annotations to score the release against, for the card
    previous: Path | None = None  # an earlier release, for the card's changelog
    text_policy: str = "full"  # full | spans | none: how much article text is shipped
    # Overrides of the input folder's dataset.yaml (None: keep the file's or the default).
    name: str | None = None
    title: str | None = None
    license: str | None = None
    # Processes that run the per-article stages; 1 runs them in this process.
    workers: int = field(default_factory=default_workers)
    # The per-article cache (pipeline/cache.py): its folder (None: `.cache` under
    # out_dir), or no cache at all.
    cache_dir: Path | None = None
    use_cache: bool = True
    engine: str = "local"  # local | dask: a local Dask cluster of `workers`, or `scheduler`'s
    scheduler: str | None = None  # a running Dask scheduler's address (engine dask only)

    def __post_init__(self) -> None:
        from newsevents.release.text_policy import TEXT_POLICIES

        if not _VERSION_NAME.match(self.version):
            raise UserError(E.E009, version=self.version)
        if self.text_policy not in TEXT_POLICIES:
            raise UserError(E.E026, policy=self.text_policy, valid=", ".join(TEXT_POLICIES))
        if self.workers < 1:
            raise UserError(E.E030, workers=self.workers, cores=default_workers())
        if self.engine not in ENGINES:
            raise UserError(E.E031, engine=self.engine, valid=", ".join(ENGINES))
        if self.scheduler is not None and self.engine != "dask":
            raise UserError(E.E032, scheduler=self.scheduler)

    @property
    def release_dir(self) -> Path:
        return self.out_dir / self.version

    @property
    def cache_folder(self) -> Path | None:
        if not self.use_cache:
            return None
        return self.cache_dir or self.out_dir / ".cache"

    @property
    def template(self) -> Path:
        return self.card_template or default_card_template()
