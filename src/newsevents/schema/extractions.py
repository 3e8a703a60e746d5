"""What is extracted from an article: entities, events and casualty claims."""

import datetime as dt
from typing import Literal

from pydantic import Field

from newsevents.schema.geo import METHOD_DESCRIPTION, PRECISION_DESCRIPTION, GeoMethod, check_geo
from newsevents.schema.spans import Evidence, Mention, Phrase, Record, invariant

EntityType = Literal["PERSON", "ORGANIZATION", "ARMED_GROUP", "COUNTRY", "LOCATION", "OTHER"]
PloverType = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]  # fmt: skip
EventStatus = Literal["occurred", "expected", "denied", "hypothetical"]
DatePrecision = Literal["day", "week", "month", "year"]
DateSource = Literal[
    "explicit", "relative", "same-occurrence", "narrative", "reporting", "calendar", "none"
]
DATE_SOURCE_DESCRIPTION = (
    "Where the date came from: `explicit` (words that name the day, month or year), "
    "`relative` (counted from the publication date or another event: 'on Tuesday', 'two "
    "days later'), `same-occurrence` (an earlier, dated mention of the same occurrence), "
    "`narrative` (the time of the episode its paragraph goes on telling), `reporting` (the "
    "day the statement that announces it was made), `calendar` (the calendar of known "
    "incidents, or relative words counted from a day it gave) or `none` (undated)."
)
Outcome = Literal["killed", "injured", "missing", "abducted"]
Qualifier = Literal["exact", "at_least", "at_most", "approx", "range"]
VictimGroup = Literal["civilians", "security_forces", "militants", "unknown"]
Stance = Literal["asserted", "denied", "disputed"]
Scope = Literal["incident", "cumulative"]

QID_PATTERN = r"^Q[1-9][0-9]*$"


class Entity(Record):
    """A real-world person, organization, armed group, country or place the article names."""

    entity_id: str = Field(
        min_length=1,
        description="Wikidata QID when linked, else a stable slug; the same thing gets the "
        "same id in every article.",
    )
    name: str = Field(min_length=1, description="Canonical name.")
    type: EntityType = Field(description="PERSON, ORGANIZATION, ARMED_GROUP, COUNTRY, "
                             "LOCATION or OTHER.")  # fmt: skip
    wikidata: str | None = Field(
        default=None, pattern=QID_PATTERN, description="Wikidata QID (Q...), or null."
    )
    mentions: list[Mention] = Field(
        default_factory=list, description="Every place in `text` the entity is named."
    )


class Event(Record):
    """An interaction between political actors, coded in the PLOVER ontology."""

    event_id: str = Field(min_length=1, description="Id, unique within the article.")
    type: PloverType = Field(description="PLOVER event type (ASSAULT, CONSULT, ACCUSE...).")
    mode: str | None = Field(
        default=None,
        description="PLOVER mode (ASSAULT: aerial, drone...; CONSULT: visit, phone...), or null.",
    )
    status: EventStatus = Field(description="occurred, expected, denied or hypothetical.")
    date: dt.date | None = Field(
        default=None, description="Date the event happened, resolved to an absolute date."
    )
    date_precision: DatePrecision | None = Field(
        default=None,
        description="day, week, month or year; null when `date` is null. `date` is the first "
        "day of the week, month or year.",
    )
    date_start: dt.date | None = Field(
        default=None, description="First day the event may have happened on; null when undated."
    )
    date_end: dt.date | None = Field(
        default=None, description="Last day the event may have happened on; null when undated."
    )
    date_source: DateSource = Field(default="none", description=DATE_SOURCE_DESCRIPTION)
    date_text: str | None = Field(
        default=None, description="The words the date came from ('on Tuesday')."
    )
    actors: list[str] = Field(default_factory=list, description="`entity_id`s of who acted.")
    targets: list[str] = Field(
        default_factory=list, description="`entity_id`s of whom the action was aimed at."
    )
    locations: list[str] = Field(
        default_factory=list, description="`entity_id`s of where it happened."
    )
    trigger: str = Field(min_length=1, description="The word or phrase that signals the event.")
    evidence: Evidence = Field(description="The sentence the event was read from.")
    mention: Literal["new", "background"] = Field(
        default="new",
        description="Whether the article reports the event as news (`new`) or recalls it as "
        "background (`background`: its last possible day lies more than 30 days before the "
        "article's publication date). Incidents count sources and figures from `new` "
        "mentions.",
    )
    latitude: float | None = Field(
        default=None, ge=-90, le=90,
        description="Latitude of where it happened (WGS84 decimal degrees, 4 decimals) for "
        "`geo_place`; null without a point.",
    )  # fmt: skip
    longitude: float | None = Field(
        default=None, ge=-180, le=180,
        description="Longitude (WGS84 decimal degrees, 4 decimals); null without a point.",
    )  # fmt: skip
    country_iso3: str | None = Field(
        default=None, pattern=r"^[A-Z]{3}$",
        description="ISO 3166-1 alpha-3 code of the country the point lies in; null for a sea "
        "or without a point.",
    )  # fmt: skip
    admin1: str | None = Field(
        default=None,
        description="First-order administrative unit (province, state) of the point, as "
        "GeoNames names it; null when unknown or coarser.",
    )
    admin2: str | None = Field(
        default=None,
        description="Second-order administrative unit (district), as GeoNames names it; null "
        "when unknown or coarser.",
    )
    geonames_id: int | None = Field(
        default=None, ge=1,
        description="GeoNames id of the populated place the point is (precision 1); null for "
        "units, countries, seas and without a point.",
    )  # fmt: skip
    geo_precision: int | None = Field(default=None, ge=1, le=7, description=PRECISION_DESCRIPTION)
    geo_place: str | None = Field(
        default=None,
        description="`entity_id` of the location that was geocoded (one of `locations`: the "
        "most precise one found, the first of equally precise ones); null when none was "
        "found anywhere (it stays named in `locations`).",
    )
    geo_method: GeoMethod | None = Field(default=None, description=METHOD_DESCRIPTION)
    geo_ambiguous: bool = Field(
        default=False,
        description="True when the place's name fits several places in the article's "
        "countries: the point is then their common province or country, or there is none.",
    )

    @invariant
    def _geo_fields_agree(self) -> "Event":
        check_geo(self)
        if self.geo_place is not None and self.geo_place not in self.locations:
            raise ValueError("geo_place must be one of locations")
        if (self.geo_place is None) != (self.geo_method is None):
            raise ValueError("geo_place and geo_method are set together")
        return self

    @invariant
    def _precision_goes_with_date(self) -> "Event":
        if (self.date is None) != (self.date_precision is None):
            raise ValueError("date_precision must be set exactly when date is set")
        if (self.date is None) != (self.date_source == "none"):
            raise ValueError("date_source is 'none' exactly when date is null")
        if self.date is None:
            if self.date_start is not None or self.date_end is not None:
                raise ValueError("date_start and date_end must be null when date is null")
        elif not (self.date_start and self.date_end) or not (
            self.date_start <= self.date <= self.date_end
        ):
            raise ValueError("date_start <= date <= date_end must hold when date is set")
        return self


def claim_day(event: "Event") -> tuple[dt.date | None, DateSource]:
    """The `event_date` and `date_source` a claim about `event` carries: the event's day
    and its source when it is dated to a day or a week; (None, 'none') when it is dated
    to a month or a year, whose first day is a bound, not the day of the figure."""
    if event.date is None or event.date_precision not in ("day", "week"):
        return None, "none"
    return event.date, event.date_source


class CasualtyClaim(Record):
    """A reported figure of people killed, injured, missing or abducted, as a claim."""

    claim_id: str = Field(min_length=1, description="Id, unique within the article.")
    outcome: Outcome = Field(description="killed, injured, missing or abducted.")
    count_min: int = Field(ge=0, description="Lowest number the wording allows.")
    count_max: int | None = Field(
        default=None, ge=0, description="Highest number; null means open-ended ('at least N')."
    )
    qualifier: Qualifier = Field(description="exact, at_least, at_most, approx or range.")
    figure_span: Phrase = Field(
        description="The figure itself as written ('at least 14', 'dozens', 'two'), with its "
        "offsets in the article `text`."
    )
    vague: bool = Field(
        default=False,
        description="The figure is a vague quantity ('dozens', 'scores', 'hundreds') coded "
        "by the lexicon (dozens: at least 24): not a stated number.",
    )
    scope: Scope = Field(
        default="incident",
        description="`incident`: a toll of one occurrence. `cumulative`: a running or "
        "background total ('more than 2,000 killed since the spring', 'killed in 2022'); "
        "it never enters an incident's figures.",
    )
    breakdown: bool = Field(
        default=False,
        description="The figure is a part of another figure of the same sentence ('nine "
        "people, including two children'): a sub-group, not the toll.",
    )
    victims: str | None = Field(
        default=None, description="The victims phrase as written ('two innocent children')."
    )
    victims_span: Phrase | None = Field(
        default=None, description="Where `victims` stands in the article `text`, or null."
    )
    victim_group: VictimGroup = Field(
        description="civilians, security_forces, militants or unknown."
    )
    claimant: str | None = Field(
        default=None,
        description="`entity_id` of who asserts the figure; null when the article states it "
        "unattributed.",
    )
    claimant_text: str | None = Field(
        default=None,
        description="How the text names the claimant ('Pakistan's foreign office'), exactly "
        "as written (the text of `claimant_span`).",
    )
    claimant_span: Phrase | None = Field(
        default=None,
        description="Where the claimant is named in the article `text` (for a pronoun, the "
        "pronoun), or null.",
    )
    stance: Stance = Field(description="asserted, denied or disputed.")
    event_id: str | None = Field(
        default=None, description="`event_id` of the event that caused the casualties, or null."
    )
    event_date: dt.date | None = Field(
        default=None,
        description="Day of that event (its `date`, copied) when it is dated to a day or a "
        "week; null when it is dated only to a month or a year (its interval says which) "
        "or undated: a figure is not given a day its text does not state.",
    )
    date_source: DateSource = Field(
        default="none",
        description="Where `event_date` came from: the event's `date_source` (copied from "
        "it); 'none' when `event_date` is null.",
    )
    evidence: Evidence = Field(description="The sentence the figure was read from.")

    @invariant
    def _counts_fit_qualifier(self) -> "CasualtyClaim":
        lo, hi, q = self.count_min, self.count_max, self.qualifier
        if hi is not None and lo > hi:
            raise ValueError(f"count_min {lo} is greater than count_max {hi}")
        expected = {
            "exact": hi == lo,
            "approx": hi == lo,
            "at_least": hi is None,
            "at_most": lo == 0 and hi is not None,
            "range": hi is not None and hi > lo,
        }
        if not expected[q]:
            raise ValueError(
                f"qualifier {q!r} does not fit count_min={lo}, count_max={hi} "
                "(see the figure table in the data contract)"
            )
        if (self.event_date is None) != (self.date_source == "none"):
            raise ValueError("date_source is 'none' exactly when event_date is null")
        if (self.claimant_text is None) != (self.claimant_span is None) or (
            self.claimant_span is not None and self.claimant_span.text != self.claimant_text
        ):
            raise ValueError("claimant_text must be the text of claimant_span")
        if (self.victims is None) != (self.victims_span is None) or (
            self.victims_span is not None and self.victims_span.text != self.victims
        ):
            raise ValueError("victims must be the text of victims_span")
        return self
