"""The release manifest: what went in, what tools made it, what came out."""

from pydantic import Field

from newsevents.schema.article import TextPolicy
from newsevents.schema.spans import Record


class InputFile(Record):
    """One input file read by the build."""

    path: str = Field(description="Path relative to the input root.")
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$", description="SHA-256 of the file's bytes.")
    bytes: int = Field(ge=0, description="Size in bytes.")
    records: int | None = Field(
        default=None,
        ge=0,
        description="Records the file held, each an article or a reject: 1 for a .txt or "
        ".html file, one per non-blank line of a .jsonl file; null for a sources.yaml or the "
        "dataset description (dataset.yaml).",
    )


class SkippedFile(Record):
    """A file in the input folder that is not an article format, listed so nothing is silent."""

    path: str = Field(description="Path relative to the input root.")
    reason: str = Field(description="Why it was not read.")


class Manifest(Record):
    """Everything needed to cite, verify and reproduce a release."""

    dataset: str = Field(description="Dataset name (from the input folder's dataset.yaml).")
    version: str = Field(description="Release version.")
    tool: str = Field(description="Name of the tool that built the release.")
    tool_version: str = Field(description="Version of that tool.")
    schema_version: str = Field(description="Version of the record layout (data contract).")
    extractors: dict[str, str] = Field(
        description="Pipeline stage -> version of its extractor ('not-implemented' when the "
        "stage produces nothing yet)."
    )
    environment: dict[str, str] = Field(
        description="Versions of the libraries whose behaviour shapes the output bytes."
    )
    inputs: list[InputFile] = Field(description="Every input file, sorted by path.")
    skipped: list[SkippedFile] = Field(
        description="Paths in the input folder not read (other formats, hidden files and "
        "folders, symbolic links that are not articles, special files, folders that cannot "
        "be read), each with its reason."
    )
    accounting: dict[str, int] = Field(
        description="Proof that nothing was lost. `paths` = `files_read` + `skipped` + "
        "`refused` (files rejected unread: symbolic links, non-UTF-8 names, I/O errors); "
        "`records` = `articles` + `rejected_records`; `rejects` = `rejected_records` + "
        "`sidecar_rejects`."
    )
    counts: dict[str, int] = Field(description="Rows per config, and rejects.")
    removed_lines: dict[str, int] = Field(
        description="Boilerplate lines removed by the clean stage, per kind."
    )
    flags: dict[str, int] = Field(description="Articles carrying each data-quality flag.")
    forced: bool = Field(
        default=False,
        description="True when this build replaced an existing release of the same version "
        "(`build --force`): a version is immutable otherwise, so a forced one may not hold "
        "what an earlier download of it held.",
    )
    previous_version: str | None = Field(
        default=None,
        description="Version of the release the card's changelog compares with "
        "(`build --previous`), or null.",
    )
    event_date_sources: dict[str, int] = Field(
        default_factory=dict,
        description="Events per `date_source` (explicit, relative, same-occurrence, "
        "narrative, reporting, calendar, none): how many dates came from the calendar of "
        "known incidents, and how many events stayed undated.",
    )
    text_policy: TextPolicy = Field(
        default="full",
        description="How much article text the release ships: full, spans (headline and "
        "evidence only, offsets kept) or none (no text; offsets and hashes only). A manifest "
        "without the field is `full`.",
    )
    cache: dict[str, int] | None = Field(
        default=None,
        description="Articles whose per-article results came from the build's cache "
        "(`reused`) and articles run through the stages (`processed`); null for a build "
        "without a cache (`--no-cache`). A result is reused only when the article and the "
        "pipeline's fingerprint (its code, knowledge files, model and libraries) are "
        "unchanged, so the records are the same either way: these two counts are the only "
        "bytes of a release that depend on the cache.",
    )
