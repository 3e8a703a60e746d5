"""The `incidents` config: one row per real-world event, clustered across articles."""

import datetime as dt
from typing import Literal

from pydantic import Field

from newsevents.schema.extractions import Outcome, PloverType, Qualifier
from newsevents.schema.geo import METHOD_DESCRIPTION, PRECISION_DESCRIPTION, GeoMethod, check_geo
from newsevents.schema.spans import Record, invariant

# Why a linked claim does not enter the incident's figures, in the order they are tried.
LeftOut = Literal[
    "cumulative",
    "breakdown",
    "background mention",
    "superseded by a later total from the same claimant",
    "repeated by a near-duplicate",
    "repeated in the same article",
]


class IncidentClaim(Record):
    """One casualty claim linked to the incident, as an article reports it, and whether
    it enters the incident's figures."""

    claimant: str | None = Field(default=None, description="`entity_id` of the claimant, or null.")
    claimant_text: str | None = Field(default=None, description="How the text names the claimant.")
    outcome: Outcome = Field(description="killed, injured, missing or abducted.")
    count_min: int = Field(ge=0, description="Lowest number the wording allows.")
    count_max: int | None = Field(default=None, ge=0, description="Highest number, or null.")
    qualifier: Qualifier = Field(description="exact, at_least, at_most, approx or range.")
    article_id: str = Field(description="Article making the claim.")
    event_id: str = Field(description="`event_id`, within that article, of the linked mention.")
    claim_id: str = Field(description="`claim_id` within that article.")
    used: bool = Field(description="True when the claim enters the incident's figures.")
    left_out: LeftOut | None = Field(
        default=None,
        description="Why the claim does not enter the figures, or null when `used`: "
        "`cumulative` (a running total), `breakdown` (a sub-group of another figure), "
        "`background mention` (the article recalls the incident), `superseded by a later "
        "total from the same claimant`, `repeated by a near-duplicate` (a rewrite repeats "
        "the claim of the story it copies), `repeated in the same article` (the article "
        "tells the claimant's total twice).",
    )

    @invariant
    def _left_out_exactly_when_unused(self) -> "IncidentClaim":
        if self.used == (self.left_out is not None):
            raise ValueError("left_out must be given exactly when the claim is not used")
        return self


class IncidentRow(Record):
    """One real-world event: its event mentions across articles and every claim about it.

    Casualty ranges follow UCDP: `*_low` is the lowest figure any used claim allows,
    `*_high` the highest, `*_best` the median of their point figures; which claims are
    used is stated in the card."""

    incident_id: str = Field(
        description="'<type>-<when>-<hash>': `when` is the day, else the week (2024-W03), "
        "month (2024-01) or year its one dated mention gives, else 'undated'; the hash is of "
        "the sorted 'article_id/event_id' keys of the members, so the id depends on what the "
        "incident holds, never on the order the articles were read in."
    )
    type: PloverType = Field(description="PLOVER type shared by the clustered events.")
    mode: str | None = Field(
        default=None,
        description="Most frequent PLOVER mode (the first in alphabetical order among equally "
        "frequent ones), or null.",
    )
    date: dt.date | None = Field(
        default=None,
        description="Most frequent day among the day-precise mentions (the earliest of equally "
        "frequent days), or null when no mention gives a day.",
    )
    date_min: dt.date | None = Field(
        default=None,
        description="Earliest day among the day-precise mentions; for an incident only dated to "
        "a week, month or year, the first day of that interval; null when undated.",
    )
    date_max: dt.date | None = Field(
        default=None,
        description="Latest day among the day-precise mentions; for an incident only dated to "
        "a week, month or year, the last day of that interval; null when undated.",
    )
    actors: list[str] = Field(description="`entity_id`s of the actors, all mentions together.")
    locations: list[str] = Field(description="`entity_id`s of the places, all mentions together.")
    article_ids: list[str] = Field(description="Articles mentioning the incident, sorted.")
    event_ids: list[str] = Field(
        description="'article_id/event_id' of every clustered mention (split at the last '/': "
        "an article id may hold '/', an event id never).",
    )
    independent_sources: int = Field(
        ge=0,
        description="Articles reporting it as news (the event's `mention` is `new`), "
        "near-duplicates (rewrites) counted once with the story they copy; 0 when every "
        "article only recalls it.",
    )
    claims: list[IncidentClaim] = Field(
        description="Every casualty claim linked to one of the incident's mentions, each with "
        "`used` and, when it is not used, `left_out`."
    )
    killed_low: int | None = Field(
        default=None, description="Lowest killed figure used claims allow."
    )
    killed_best: int | None = Field(
        default=None, description="Median killed point figure of the used claims."
    )
    killed_high: int | None = Field(
        default=None, description="Highest killed figure a used claim states."
    )
    injured_low: int | None = Field(
        default=None, description="Lowest injured figure used claims allow."
    )
    injured_best: int | None = Field(
        default=None, description="Median injured point figure of the used claims."
    )
    injured_high: int | None = Field(
        default=None, description="Highest injured figure a used claim states."
    )
    figures_conflict: bool = Field(
        description="True when used claims of different claimants give different point figures "
        "for one outcome (a claimant revising its own total is no conflict)."
    )

    latitude: float | None = Field(
        default=None,
        description="Latitude (WGS84, 4 decimals) of the incident: the most precise point of "
        "its mentions when every other mention's point lies in it (the same place, or its "
        "province or country); when mentions disagree, the common province, else the common "
        "country, of their points (`geo_method` `ambiguous`); null when no mention has a "
        "point or they share no country.",
    )
    longitude: float | None = Field(
        default=None, description="Longitude (WGS84, 4 decimals), as `latitude`."
    )
    country_iso3: str | None = Field(
        default=None, description="ISO 3166-1 alpha-3 code of the point's country, or null."
    )
    admin1: str | None = Field(
        default=None, description="First-order administrative unit of the point, or null."
    )
    admin2: str | None = Field(
        default=None, description="Second-order administrative unit of the point, or null."
    )
    geonames_id: int | None = Field(
        default=None, description="GeoNames id of the populated place the point is, or null."
    )
    geo_precision: int | None = Field(default=None, description=PRECISION_DESCRIPTION)
    geo_place: str | None = Field(
        default=None,
        description="`entity_id` of the location the point is (the chosen mention's "
        "`geo_place`); null for a common unit of disagreeing mentions or without a point.",
    )
    geo_method: GeoMethod | None = Field(
        default=None,
        description="The chosen mention's `geo_method`, or `ambiguous` when mentions disagree "
        "(or the chosen one is ambiguous). " + METHOD_DESCRIPTION,
    )
    geo_ambiguous: bool = Field(
        default=False,
        description="True when the mentions' points disagree or the chosen mention's place "
        "is ambiguous.",
    )

    @invariant
    def _fields_agree(self) -> "IncidentRow":
        # One invariant, not two: pydantic calls each apart, for every one of the rows.
        check_geo(self)
        _check_range("killed", self.killed_low, self.killed_best, self.killed_high)
        _check_range("injured", self.injured_low, self.injured_best, self.injured_high)
        if self.date_min and self.date_max and self.date_min > self.date_max:
            raise ValueError("date_min is after date_max")
        return self


def _check_range(outcome: str, low: int | None, best: int | None, high: int | None) -> None:
    if low is None and best is None and high is None:  # most incidents: no figures
        return
    values = [v for v in (low, best, high) if v is not None]
    if values != sorted(values):
        raise ValueError(f"{outcome}: low <= best <= high does not hold")
