"""Typed values passed between pipeline stages (no I/O, no behaviour)."""

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from newsevents.schema import CasualtyClaim, Entity, Event, Reject, Source


@dataclass(frozen=True)
class InputMeta:
    """What the input itself says about the article (JSONL fields, HTML metadata)."""

    id: str | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    language: str | None = None
    published_date: dt.date | None = None


@dataclass(frozen=True)
class Curated:
    """An entry of a `sources.yaml` sidecar: metadata a person checked; it wins."""

    url: str | None = None
    outlet: str | None = None
    published_date: dt.date | None = None
    note: str | None = None


@dataclass(frozen=True)
class RawDocument:
    """One decoded input article before any cleaning."""

    article_id: str
    source_file: str
    source_line: int | None
    text: str
    meta: InputMeta = field(default_factory=InputMeta)
    curated: Curated | None = None
    flags: tuple[str, ...] = ()


@dataclass(frozen=True)
class RemovedLine:
    """A line the clean stage took out of the text, and why."""

    kind: str
    text: str


@dataclass(frozen=True)
class Draft:
    """An article on its way through the stages; `assemble` turns it into an `Article`."""

    doc: RawDocument
    title: str = ""
    body: str = ""
    removed: tuple[RemovedLine, ...] = ()
    source: Source = field(default_factory=Source)
    published_date: dt.date | None = None
    published_date_provenance: str = "none"
    published_date_confidence: float | None = None  # set for an inferred date
    language: str = "en"  # set by the screen stage
    flags: tuple[str, ...] = ()
    entities: tuple[Entity, ...] = ()
    events: tuple[Event, ...] = ()
    casualty_claims: tuple[CasualtyClaim, ...] = ()
    nlp: Any = None  # the spaCy Doc of `text`, set by the parse stage; never released
    # event_id -> start offsets of every sentence that mentions the event (events
    # stage), so claims can find the event their sentence reports; never released.
    event_sentences: tuple[tuple[str, frozenset[int]], ...] = ()
    # event_id -> character offsets of every trigger merged into the event, so a
    # claim in a sentence that reports two events finds the one nearest its figure.
    event_triggers: tuple[tuple[str, frozenset[int]], ...] = ()
    # Set by a stage that turns the article away (screen); later stages skip it.
    rejected: Reject | None = None
    # How many of the stages (stages.STAGES, in order) it has been through already.
    stages_done: int = 0

    @property
    def text(self) -> str:
        """The article text as released: headline, blank line, body."""
        return f"{self.title}\n\n{self.body}" if self.body else self.title
