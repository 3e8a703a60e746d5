"""Where an event or incident happened: a point, its administrative units and how
precise it is (UCDP GED's `where_prec` scale), shared by `Event` and `IncidentRow`.

The precision scale (`GeoPrecision`), as the geocoding stage assigns it:
1 a populated place found by name or by its GeoNames id (town, village, city);
2 within about 25 km of a known point (reserved: the stage assigns it to no place yet);
3 a second-order administrative unit (district);
4 a first-order administrative unit (province, state, governorate);
5 a linear feature or an area between units (a border, a line of control, a region);
6 only the country;
7 a sea, gulf or strait (international waters).
"""

from typing import Literal, Protocol

GeoMethod = Literal["gazetteer", "geonames", "unit", "country", "coarser", "ambiguous", "sea",
                    "area"]  # fmt: skip

PRECISION_DESCRIPTION = (
    "UCDP GED `where_prec`: 1 a populated place (town, village, city), 2 within about 25 km "
    "of a known point (not assigned yet), 3 a district (second-order unit), 4 a province or "
    "state (first-order unit), 5 a border, line or region between units, 6 only the country, "
    "7 a sea or international waters; null without a point."
)
METHOD_DESCRIPTION = (
    "How the point was found: `gazetteer` (the GeoNames id the actor gazetteer stores for the "
    "place), `geonames` (the one populated place of that name in the article's countries, "
    "from the bundled GeoNames extracts), `unit` (a district or province of that name), "
    "`country` (a country's representative point), `sea` (a sea's curated point), `area` (a "
    "curated border or region), `coarser` (the place was found nowhere: the unit the article "
    "supports, its country (its gazetteer country, the article's one country, or the one "
    "country of the article's places found), with its point), `ambiguous` (several places "
    "of that name in the article's countries: their common province or country, or no "
    "point); null when there is no location."
)
ROUND = 4  # decimal places of a coordinate (about 11 m): byte-stable output


class Geocoded(Protocol):
    @property
    def latitude(self) -> float | None: ...
    @property
    def longitude(self) -> float | None: ...
    @property
    def country_iso3(self) -> str | None: ...
    @property
    def admin1(self) -> str | None: ...
    @property
    def admin2(self) -> str | None: ...
    @property
    def geonames_id(self) -> int | None: ...
    @property
    def geo_precision(self) -> int | None: ...
    @property
    def geo_place(self) -> str | None: ...
    @property
    def geo_method(self) -> str | None: ...
    @property
    def geo_ambiguous(self) -> bool: ...


def check_geo(record: Geocoded) -> None:
    """The invariants of the geo fields; raises ValueError naming the broken one."""
    has_point = record.latitude is not None
    if has_point != (record.longitude is not None):
        raise ValueError("latitude and longitude come in pairs")
    if has_point != (record.geo_precision is not None):
        raise ValueError("geo_precision must be set exactly when there is a point")
    if not has_point and any(
        v is not None for v in (record.country_iso3, record.admin1, record.admin2,
                                record.geonames_id)
    ):  # fmt: skip
        raise ValueError("country_iso3, admin1, admin2 and geonames_id need a point")
    if has_point and record.geo_method is None:
        raise ValueError("a point needs its geo_method")
    if not has_point and record.geo_method not in (None, "ambiguous"):
        raise ValueError("only an ambiguous place may have a geo_method and no point")
    if record.geo_ambiguous != (record.geo_method == "ambiguous"):
        raise ValueError("geo_ambiguous is true exactly when geo_method is 'ambiguous'")
    for value in (record.latitude, record.longitude):
        if value is not None and round(value, ROUND) != value:
            raise ValueError(f"coordinates are rounded to {ROUND} decimals")
