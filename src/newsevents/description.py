"""What a dataset says about itself: `dataset.yaml` in the input folder, CLI overrides,
and a neutral default named after the folder.

Any folder of articles is its own dataset: its name, title, summary, licence and
citation come from its description, never from the seeds'. A field neither the file
nor the CLI gives keeps a default that claims nothing beyond what was built.
"""

import re
from pathlib import Path
from typing import Any

from pydantic import Field, ValidationError, model_validator

from newsevents import safe_yaml
from newsevents.errors import E, UserError
from newsevents.schema.spans import Record

DESCRIPTION_FILE = "dataset.yaml"
# The Hub's licence ids are lowercase slugs ("cc-by-4.0", "other"); so are dataset names.
_SLUG = r"^[a-z0-9]+([._-][a-z0-9]+)*$"
# With no licence given: the annotations are ours to license, the texts are not, so the
# licence is "other" and its terms are written beside the data (LICENSE.md, see card.py).
DEFAULT_LICENSE_NAME = "cc-by-4.0-annotations-texts-publishers"
DEFAULT_LICENSE_LINK = "LICENSE.md"


class DatasetDescription(Record):
    """The dataset's own words: `dataset.yaml` fields, all optional except `name`."""

    name: str = Field(pattern=_SLUG, description="Dataset id, a lowercase slug.")
    pretty_name: str | None = Field(default=None, description="Human title of the card.")
    summary: str | None = Field(default=None, description="What the data holds (Markdown).")
    motivation: str | None = Field(default=None, description="Why it was built (Markdown).")
    license: str | None = Field(
        default=None, pattern=_SLUG, description="Hub licence id, e.g. cc-by-4.0 or other."
    )
    license_name: str | None = Field(
        default=None, pattern=_SLUG, description="Slug naming the licence when `license: other`."
    )
    license_link: str | None = Field(
        default=None, description="URL of the licence text (or a file of the release)."
    )
    citation: str | None = Field(default=None, description="BibTeX entry for the dataset.")
    homepage: str | None = Field(default=None, description="Project or data homepage URL.")
    languages: list[str] = Field(default_factory=list, description="BCP-47 codes (card).")
    tags: list[str] = Field(default_factory=list, description="Hub tags for the card.")

    @model_validator(mode="after")
    def _other_needs_its_terms(self) -> "DatasetDescription":
        # The Hub rejects `license: other` without a name and a link to the terms.
        if self.license == "other" and not (self.license_name and self.license_link):
            raise ValueError("license: other needs license_name and license_link")
        return self

    @property
    def title(self) -> str:
        return self.pretty_name or self.name

    @property
    def licensing(self) -> tuple[str, str | None, str | None]:
        """(license, license_name, license_link) for the card's front matter."""
        if self.license is None:
            return "other", DEFAULT_LICENSE_NAME, DEFAULT_LICENSE_LINK
        if self.license == "other":
            return "other", self.license_name, self.license_link
        return self.license, None, None


def default_name(input_dir: Path) -> str:
    """A slug of the input folder's name: `My Articles/` -> `my-articles`."""
    words = re.findall(r"[a-z0-9]+", input_dir.resolve().name.lower())
    return "-".join(words) or "newsevents-dataset"


def load_description(input_dir: Path, **overrides: str | None) -> DatasetDescription:
    """`dataset.yaml` of `input_dir` (if any), then the non-None `overrides` on top."""
    path = input_dir / DESCRIPTION_FILE
    fields: dict[str, Any] = {}
    if path.is_file():
        try:
            loaded = safe_yaml.load(path.read_text("utf-8"))
        except (safe_yaml.YamlProblem, OSError, UnicodeDecodeError) as err:
            raise UserError(E.E022, path=path, problem=err) from err
        if loaded is not None and not isinstance(loaded, dict):
            raise UserError(E.E022, path=path, problem="the file must be a mapping of fields")
        fields = dict(loaded or {})
    fields.update({k: v for k, v in overrides.items() if v is not None})
    fields.setdefault("name", default_name(input_dir))
    try:
        return DatasetDescription.model_validate(fields)
    except ValidationError as err:
        problems = "; ".join(
            f"{'.'.join(map(str, e['loc'])) or 'file'}: {e['msg']}" for e in err.errors()
        )
        raise UserError(E.E022, path=path, problem=problems) from err


DESCRIPTION_TEMPLATE = """\
# The description of this dataset, read by `newsevents build` from the input folder.
# Every field is optional except `name`; `build --name/--title/--license` override it.
# Texts are Markdown and go into the dataset card (README.md of the release).

# Dataset id: lowercase letters, digits, '-', '_' or '.'.
name: {name}

# Title of the card and of the Hub page.
pretty_name: {name}

# What the articles are about and how they were gathered (a paragraph or two).
summary: >-
  News articles about ... gathered from ... between ... and ...

# Why the dataset exists (optional).
# motivation: >-
#   ...

# Licence of the release. Article texts stay their publishers' copyright: with
# `newsevents build --text spans` or `--text none` they are not shipped in full.
# A Hub id (cc-by-4.0, cc0-1.0, ...) or `other`, which then needs both a slug name
# and a link to the terms. Leave the three out for the default: annotations under
# CC BY 4.0, texts their publishers', terms written to LICENSE.md in the release.
# license: other
# license_name: my-terms
# license_link: https://example.org/terms

# BibTeX entry to cite the dataset (optional).
# citation: |
#   @misc{{{key},
#     title  = {{...}},
#     author = {{...}},
#     year   = {{2026}}
#   }}

# homepage: https://example.org
# languages: [en]
# tags: [news, event-extraction]
"""


def description_template(input_dir: Path) -> str:
    name = default_name(input_dir)
    return DESCRIPTION_TEMPLATE.format(name=name, key=name.replace("-", "_").replace(".", "_"))
