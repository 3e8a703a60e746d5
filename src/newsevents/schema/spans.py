"""Character spans into an article's `text`: the anchor of every extracted fact."""

from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, model_validator

# The validation context of records read back by the process or installation that made
# and validated them: the build's spool, its per-article cache (keyed by the pipeline's
# fingerprint, which hashes this schema), a worker's result. Pydantic still checks every
# field's type; the invariants written in Python, already checked when the record was
# made, are not run again. Never for records from anywhere else (a release, an input).
READ_BACK = {"read_back": True}


def _read_back(info: ValidationInfo) -> bool:
    """Whether the record is being read back (READ_BACK): its invariants hold."""
    context = info.context
    return isinstance(context, dict) and context.get("read_back") is True


M = TypeVar("M", bound=BaseModel)


def invariant(check: Callable[[M], M]) -> Any:
    """`model_validator(mode="after")` for an invariant written in Python: run on every
    record made, not on one read back (READ_BACK), whose invariants held when made."""

    def run(self: M, info: ValidationInfo) -> M:
        return self if _read_back(info) else check(self)

    # Not functools.wraps: pydantic reads the signature, which must keep `info`.
    run.__name__, run.__qualname__, run.__doc__ = check.__name__, check.__qualname__, check.__doc__
    return model_validator(mode="after")(run)


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

    @invariant
    def _length_matches(self) -> "_Span":
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
