"""One place entity to a point: the rules, in the order they are tried.

1. A country: its representative point (precision 6, `country`).
2. A curated sea (7, `sea`) or border, line or region (5, `area`), by name.
3. A gazetteer place with a GeoNames id: that populated place (1, `gazetteer`).
4. A name that says it is a unit ("Gezira State", "Poonch district"): the district (3) or
   province (4) of that name (`unit`); else, as any name:
5. The populated places of that name (its GeoNames name or a Latin-script alternate name)
   in the countries the search may look in: the place's own country when the gazetteer
   gives one, else the article's countries (`context`). Entries of one place (two records
   within 25 km in one province) count once. One place: that place (1, `geonames`).
   Several: `ambiguous`, with their common province (4), else their common country (6),
   else no point; the biggest is never picked by default. With no country to look in, the
   places of that name anywhere, by the same rule.
6. A district or province of that name in those countries (`unit`, the same ambiguity rule).
   A name that says it is a unit is only looked for among units, never as a town.
7. Not in those countries: the gazetteer's own country (`coarser`); else the cities of
   100,000+ inhabitants of that name anywhere (the one, or their common unit, `ambiguous`:
   "Bangkok" in a Myanmar story is Bangkok, never Myanmar); else the article's one country
   (`coarser`); else nothing.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from dataclasses import fields as dataclass_fields
from typing import Any

from newsevents.knowledge import Actor
from newsevents.pipeline.geocode.compiled import places
from newsevents.pipeline.geocode.data import (
    Feature,
    Place,
    Unit,
    countries,
    curated,
    distance_km,
    unit_key,
    units,
    units_by_name,
)
from newsevents.pipeline.pickling import fields_pickled
from newsevents.schema import Entity
from newsevents.schema.geo import ROUND
from newsevents.textutil import name_key

SAME_PLACE_KM = 25.0  # two GeoNames records of one name this close in one province: one place
# Outside the article's countries, only a place this big is taken for a name (a city news
# names without its country); smaller namesakes elsewhere are other places.
WORLD_CITY = 100_000


@fields_pickled
@dataclass(frozen=True, slots=True)
class Geo:
    """The geo fields of an event (see `schema.geo`)."""

    latitude: float | None = None
    longitude: float | None = None
    country_iso3: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    geonames_id: int | None = None
    geo_precision: int | None = None
    geo_place: str | None = None
    geo_method: str | None = None
    geo_ambiguous: bool = False

    def fields(self) -> dict[str, Any]:
        # Not dataclasses.asdict: it deep-copies every value, a quarter of the time of an
        # incident row at 100k articles; these values are all immutable.
        return {name: getattr(self, name) for name in _GEO_FIELDS}


_GEO_FIELDS = tuple(f.name for f in dataclass_fields(Geo))


def _iso3(cc: str | None) -> str | None:
    return countries().iso3.get(cc) if cc else None


def country_geo(cc: str, place: str | None, method: str, ambiguous: bool = False) -> Geo | None:
    unit = units().country(cc)
    if unit is None:
        return None
    return Geo(
        latitude=round(unit.latitude, ROUND),
        longitude=round(unit.longitude, ROUND),
        country_iso3=_iso3(cc),
        geo_precision=6,
        geo_place=place,
        geo_method=method,
        geo_ambiguous=ambiguous,
    )


def unit_geo(unit: Unit, place: str | None, method: str, ambiguous: bool = False) -> Geo:
    precision = {0: 6, 1: 4, 2: 3}[unit.level]
    return Geo(
        latitude=round(unit.latitude, ROUND),
        longitude=round(unit.longitude, ROUND),
        country_iso3=_iso3(unit.cc),
        admin1=unit.admin1 or None,
        admin2=unit.admin2 or None,
        geo_precision=precision,
        geo_place=place,
        geo_method=method,
        geo_ambiguous=ambiguous,
    )


def place_geo(found: Place, place: str, method: str) -> Geo:
    admin1, admin2 = found.admin1, found.admin2
    return Geo(
        latitude=round(found.latitude, ROUND),
        longitude=round(found.longitude, ROUND),
        country_iso3=_iso3(found.cc),
        admin1=admin1,
        admin2=admin2,
        geonames_id=found.geonames_id,
        geo_precision=1,
        geo_place=place,
        geo_method=method,
    )


def feature_geo(feature: Feature, place: str) -> Geo:
    method = "sea" if feature.precision == 7 else "area"
    return Geo(
        latitude=round(feature.latitude, ROUND),
        longitude=round(feature.longitude, ROUND),
        country_iso3=_iso3(feature.cc),
        geo_precision=feature.precision,
        geo_place=place,
        geo_method=method,
    )


def surfaces(entity: Entity, actor: Actor | None) -> list[str]:
    """The names to look up: canonical name and aliases, without a qualifier ('Balochistan,
    Pakistan' -> 'Balochistan'; 'Jammu and Kashmir (union territory)' -> 'Jammu and
    Kashmir')."""
    names = [entity.name, *(actor.aliases if actor else ())]
    if actor:
        names.insert(1, actor.name)
    out: list[str] = []
    for name in names:
        for form in (name, name.split(" (")[0].split(",")[0].strip()):
            if form and form not in out:
                out.append(form)
    return out


def locate(entity: Entity, actor: Actor | None, context: frozenset[str]) -> Geo | None:
    """The point of one place entity, or None when nothing fits (see the module doc)."""
    place = entity.entity_id
    codes = countries()
    if entity.type == "COUNTRY":
        cc = codes.code(actor.name if actor else entity.name)
        return country_geo(cc, place, "country") if cc else None
    names = surfaces(entity, actor)
    geo = curated()
    for name in names:
        feature = geo.features.get(name_key(name))
        if feature is not None:
            return feature_geo(feature, place)
    own = codes.code(actor.country) if actor and actor.country else None
    where = frozenset({own}) if own else context
    if actor and actor.geonames and actor.geonames in places().by_id:
        return place_geo(places().by_id[actor.geonames], place, "gazetteer")
    says_unit = any(set(n.casefold().split()) & geo.unit_words for n in names)
    # A name that says it is a unit ("Sagaing Region") is never its namesake town.
    steps = (_by_unit,) if says_unit else (_by_place, _by_unit)
    for step in steps:
        found = step(names, where, place)
        if found is not None:
            return found
    if own:
        return country_geo(own, place, "coarser")
    if not says_unit and where:
        # Not in the article's countries but a city elsewhere ("Bangkok" in a Myanmar
        # story): that city, never the article's country. Small namesakes elsewhere do
        # not count: "Sanna" (a misspelt Sanaa) in a Yemen story is no Ligurian village.
        found = _by_place(names, frozenset(), place, min_population=WORLD_CITY)
        if found is not None:
            return found
    if len(context) == 1:
        return country_geo(next(iter(context)), place, "coarser")
    return None


def _by_place(
    names: Sequence[str], where: frozenset[str], place: str, min_population: int = 0
) -> Geo | None:
    index = places().by_key
    found: dict[int, Place] = {}
    for name in names:
        for candidate in index.get(name_key(name), ()):
            found[candidate.geonames_id] = candidate
    if not found:
        return None
    within = [
        p for p in found.values()
        if (not where or p.cc in where) and p.population >= min_population
    ]  # fmt: skip
    distinct = _distinct(within)
    if not distinct:
        return None
    if len(distinct) == 1:
        return place_geo(distinct[0], place, "geonames")
    return _common_unit(
        [(p.cc, p.admin1) for p in distinct],
        place,
    )


def _distinct(candidates: Iterable[Place]) -> list[Place]:
    """One record per place: records of a name within SAME_PLACE_KM of a bigger one in the
    same country and province are its duplicates (GeoNames lists a city and its quarters)."""
    kept: list[Place] = []
    ordered = sorted(candidates, key=lambda p: (-p.population, p.geonames_id))
    for candidate in ordered:
        if not any(
            k.cc == candidate.cc
            and distance_km((k.latitude, k.longitude), (candidate.latitude, candidate.longitude))
            <= SAME_PLACE_KM
            for k in kept
        ):
            kept.append(candidate)
    return kept


def _by_unit(names: Sequence[str], where: frozenset[str], place: str) -> Geo | None:
    table = units_by_name()
    generic = curated().generic_words
    found: dict[tuple[str, str, str], Unit] = {}
    for name in names:
        for unit in table.get(unit_key(name, generic), ()):
            if not where or unit.cc in where:
                found[(unit.cc, unit.admin1, unit.admin2)] = unit
    if not found:
        return None
    if len(found) == 1:
        return unit_geo(next(iter(found.values())), place, "unit")
    provinces = {(u.cc, u.admin1) for u in found.values()}
    if len(provinces) == 1 and any(u.level == 1 for u in found.values()):
        # A province and its district of the same name: the province the name means.
        return unit_geo(next(u for u in found.values() if u.level == 1), place, "unit")
    if not where:
        return None
    return _common_unit(sorted(provinces), place)


def _common_unit(units_of: Sequence[tuple[str, str | None]], place: str) -> Geo:
    """The common province of several candidates (4), else their common country (6), else
    no point; always `ambiguous`."""
    countries_of = {cc for cc, _ in units_of}
    provinces = {(cc, admin1) for cc, admin1 in units_of}
    if len(provinces) == 1:
        cc, admin1 = next(iter(provinces))
        unit = units().province(cc, admin1)
        if unit is not None:
            return unit_geo(unit, place, "ambiguous", ambiguous=True)
    if len(countries_of) == 1:
        found = country_geo(next(iter(countries_of)), place, "ambiguous", ambiguous=True)
        if found is not None:
            return found
    return Geo(geo_place=place, geo_method="ambiguous", geo_ambiguous=True)
