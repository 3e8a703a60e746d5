"""A rejected input: what failed, where, and how to fix it."""

from pydantic import Field

from newsevents.schema.spans import Record


class Reject(Record):
    """One input (article, line or sidecar entry) that did not become a record."""

    file: str = Field(description="Input path relative to the input root.")
    line: int | None = Field(default=None, description="Line number in the file, when known.")
    field: str | None = Field(default=None, description="Field or key at fault, when known.")
    value: str | None = Field(default=None, description="The offending value, shortened.")
    reason: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", description="Kebab-case reason slug.")
    message: str = Field(description="What is wrong and how to fix it.")
