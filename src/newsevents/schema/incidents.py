"""The `incidents` config: one row per real-world event, clustered across articles."""

import datetime as dt

from pydantic import Field, model_validator

from newsevents.schema.extractions import Outcome, PloverType
from newsevents.schema.spans import Record


class IncidentClaim(Record):
    """One casualty claim about the incident, as an article reports it."""

    claimant: str | None = Field(default=None, description="`entity_id` of the claimant, or null.")
    claimant_text: str | None = Field(default=None, description="How the text names the claimant.")
    outcome: Outcome = Field(description="killed, injured, missing or abducted.")
    count_min: int = Field(ge=0, description="Lowest number the wording allows.")
    count_max: int | None = Field(default=None, ge=0, description="Highest number, or null.")
    article_id: str = Field(description="Article making the claim.")
    claim_id: str = Field(description="`claim_id` within that article.")


class IncidentRow(Record):
    """One real-world event: its event mentions across articles and every claim about it.

    Casualty ranges follow UCDP: `*_low` is the lowest figure any claim allows, `*_high`
    the highest, `*_best` the median of the claims' point figures (see the card)."""

    incident_id: str = Field(description="Stable id derived from the type, date and first mention.")
    type: PloverType = Field(description="PLOVER type shared by the clustered events.")
    mode: str | None = Field(default=None, description="Most frequent PLOVER mode, or null.")
    date: dt.date | None = Field(default=None, description="Most frequent day among the mentions.")
    date_min: dt.date | None = Field(default=None, description="Earliest date among the mentions.")
    date_max: dt.date | None = Field(default=None, description="Latest date among the mentions.")
    actors: list[str] = Field(description="`entity_id`s of the actors, all mentions together.")
    locations: list[str] = Field(description="`entity_id`s of the places, all mentions together.")
    article_ids: list[str] = Field(description="Articles reporting the incident, sorted.")
    event_ids: list[str] = Field(description="'article_id/event_id' of every clustered mention.")
    independent_sources: int = Field(
        ge=1,
        description="Articles reporting it as news (an event's `mention` is `new`; all its "
        "articles when none does), near-duplicates (rewrites) counted once.",
    )
    claims: list[IncidentClaim] = Field(
        description="Every casualty claim linked to the incident by an article reporting it as "
        "news (by any article when none does)."
    )
    killed_low: int | None = Field(default=None, description="Lowest killed figure claimed.")
    killed_best: int | None = Field(default=None, description="Median killed point figure.")
    killed_high: int | None = Field(default=None, description="Highest killed figure claimed.")
    injured_low: int | None = Field(default=None, description="Lowest injured figure claimed.")
    injured_best: int | None = Field(default=None, description="Median injured point figure.")
    injured_high: int | None = Field(default=None, description="Highest injured figure claimed.")
    figures_conflict: bool = Field(
        description="True when claimants give different point figures for one outcome."
    )

    @model_validator(mode="after")
    def _ranges_ordered(self) -> "IncidentRow":
        for outcome in ("killed", "injured"):
            low, best, high = (getattr(self, f"{outcome}_{k}") for k in ("low", "best", "high"))
            values = [v for v in (low, best, high) if v is not None]
            if values != sorted(values):
                raise ValueError(f"{outcome}: low <= best <= high does not hold")
        if self.date_min and self.date_max and self.date_min > self.date_max:
            raise ValueError("date_min is after date_max")
        return self
