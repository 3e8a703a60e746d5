"""The one validated configuration object a build runs from (CLI -> config -> kwargs)."""

import re
from dataclasses import dataclass
from pathlib import Path

from newsevents import __version__
from newsevents.errors import E, UserError

DATASET_NAME = "newsevents-iran-pakistan-2024"
_VERSION_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


def default_card_template() -> Path:
    """`dataset_card.md` at the root of the source checkout this package runs from."""
    return Path(__file__).resolve().parents[2] / "dataset_card.md"


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

    def __post_init__(self) -> None:
        if not _VERSION_NAME.match(self.version):
            raise UserError(E.E009, version=self.version)

    @property
    def release_dir(self) -> Path:
        return self.out_dir / self.version

    @property
    def template(self) -> Path:
        return self.card_template or default_card_template()
