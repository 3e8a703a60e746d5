"""The release manifest: what went in, what tools made it, what came out."""

from pydantic import Field

from newsevents.schema.spans import Record


class InputFile(Record):
    """One input file read by the build."""

    path: str = Field(description="Path relative to the input root.")
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$", description="SHA-256 of the file's bytes.")
    bytes: int = Field(ge=0, description="Size in bytes.")


class SkippedFile(Record):
    """A file in the input folder that is not an article format, listed so nothing is silent."""

    path: str = Field(description="Path relative to the input root.")
    reason: str = Field(description="Why it was not read.")


class Manifest(Record):
    """Everything needed to cite, verify and reproduce a release."""

    dataset: str = Field(description="Dataset name.")
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
    skipped: list[SkippedFile] = Field(description="Files in the input folder not read.")
    counts: dict[str, int] = Field(description="Rows per config, and rejects.")
    removed_lines: dict[str, int] = Field(
        description="Boilerplate lines removed by the clean stage, per kind."
    )
    flags: dict[str, int] = Field(description="Articles carrying each data-quality flag.")
