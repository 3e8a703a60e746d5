"""Character spans into an article's `text`: the anchor of every extracted fact."""

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, model_validator

# The validation context of records read back by the process or installation that made
# and validated them: the build's spool, its per-article cache (keyed by the pipeline's
# fingerprint, which hashes this schema), a worker's result. Pydantic still checks every
# field's type; the invariants written in Python, already checked when the record was
# made, are not run again. Never for records from anywhere else (a release, an input).
READ_BACK = {"read_back": True}


def read_back(info: ValidationInfo) -> bool:
    """Whether the record is being read back (READ_BACK): its invariants hold."""
    context = info.context
    return isinstance(context, dict) and context.get("read_back") is True


class Record(BaseModel):
    """Base of every release record: unknown fields are an error, not silently kept."""

    model_config = ConfigDict(extra="forbid")


class _Span(Record):
    start: int = Field(ge=0, description="Offset of the first character in the article `text`.")
    end: int = Field(ge=0, description="Offset one past the last character (Python slice end).")
    text: str = Field(
        description="The exact characters `text[start:end]` of the article; empty for an "
        "evidence sentence of a release that withholds article texts (`text_policy: none`)."
    )

    @model_validator(mode="after")
    def _length_matches(self, info: ValidationInfo) -> "_Span":
        if read_back(info):
            return self
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before start {self.start}")
        # An empty text is a withheld one; the article checks which policy allows it.
        if self.text and len(self.text) != self.end - self.start:
            raise ValueError(
                f"span text has {len(self.text)} characters but start..end covers "
                f"{self.end - self.start}"
            )
        return self


class Mention(_Span):
    """One place in the article where an entity is named."""


class Evidence(_Span):
    """The sentence an event or a casualty claim was read from."""


class Phrase(_Span):
    """A phrase of a casualty claim: its figure, victims or claimant, as written."""
