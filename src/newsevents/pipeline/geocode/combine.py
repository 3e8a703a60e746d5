"""An incident's point from its mentions' points (the `incidents` config).

The most precise point among the mentions is the incident's when every other point
lies in it: the same place (within 25 km), or a district, province or country holding
it, or a mention with no point. When points disagree (two different towns, two
provinces), the incident gets their common province, else their common country, and
`ambiguous`; points in different countries give no point. A sea or an area (precision 5
or 7) holds only itself.
"""

from collections.abc import Sequence

from newsevents.pipeline.geocode.data import distance_km, units
from newsevents.pipeline.geocode.resolve import SAME_PLACE_KM, Geo, unit_geo
from newsevents.schema.geo import Geocoded as HasGeo


def point_of(e: HasGeo) -> Geo | None:
    """The record's geo fields when it has a point (all an incident's geo reads)."""
    if e.latitude is None:
        return None
    return Geo(e.latitude, e.longitude, e.country_iso3, e.admin1, e.admin2, e.geonames_id,
               e.geo_precision, e.geo_place, e.geo_method, e.geo_ambiguous)  # fmt: skip


def _holds(coarse: Geo, fine: Geo) -> bool:
    """Whether `fine` lies in `coarse` (both have points; coarse.precision >= fine's)."""
    if coarse.geo_precision in (5, 7) or fine.geo_precision in (5, 7):
        return (coarse.latitude, coarse.longitude) == (fine.latitude, fine.longitude)
    if coarse.country_iso3 != fine.country_iso3:
        return False
    if coarse.geo_precision == 6:
        return True
    if coarse.geo_precision == 4:
        return coarse.admin1 == fine.admin1
    if coarse.geo_precision == 3:
        return (coarse.admin1, coarse.admin2) == (fine.admin1, fine.admin2)
    assert coarse.latitude is not None and coarse.longitude is not None  # noqa: S101
    assert fine.latitude is not None and fine.longitude is not None  # noqa: S101
    return (
        distance_km((coarse.latitude, coarse.longitude), (fine.latitude, fine.longitude))
        <= SAME_PLACE_KM
    )


NO_GEO = Geo()  # frozen: one shared value for every incident without a point


def incident_geo(mentions: Sequence[Geo | None]) -> Geo:
    """The incident's geo fields from its member events' points (`point_of`, None for a
    member without one), in the members' sorted order."""
    points = [p for p in mentions if p is not None]
    if len(points) < 2:  # none, or one, which holds itself
        return points[0] if points else NO_GEO
    best = min(points, key=lambda g: g.geo_precision or 99)  # first of the most precise
    if all(_holds(p, best) for p in points):
        return best
    countries = {p.country_iso3 for p in points}
    if len(countries) == 1 and None not in countries:
        provinces = {p.admin1 for p in points if (p.geo_precision or 99) <= 4}
        if len(provinces) == 1 and all(_holds_country_only_or(p, provinces) for p in points):
            cc = _alpha2(best)
            unit = units().province(cc, next(iter(provinces))) if cc else None
            if unit is not None:
                return unit_geo(unit, None, "ambiguous", ambiguous=True)
        cc = _alpha2(best)
        country = units().country(cc) if cc else None
        if country is not None:
            return unit_geo(country, None, "ambiguous", ambiguous=True)
    return Geo(geo_method="ambiguous", geo_ambiguous=True)


def _holds_country_only_or(point: Geo, provinces: set[str | None]) -> bool:
    return point.geo_precision == 6 or point.admin1 in provinces


def _alpha2(point: Geo) -> str | None:
    from newsevents.pipeline.geocode.data import countries

    return countries().alpha2_of(point.country_iso3)
