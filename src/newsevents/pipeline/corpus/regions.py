"""Where an actor or a place stands, for comparing mentions across articles.

An entity stands for itself and, when the gazetteer puts it in a country, for that
country: "Tehran" acting is Iran acting, a strike in "Panjgur" is a strike in
Pakistan. An armed group never stands for the country it operates in (Jaish al-Adl
is not Iran).
"""

from collections.abc import Iterable
from functools import cache, lru_cache

from newsevents.knowledge import actors


@cache
def _country_of() -> dict[str, str]:
    """Gazetteer: entity_id -> entity_id of the country it lies in or acts for."""
    by_name = {a.name: a.entity_id for a in actors()}
    return {
        a.entity_id: by_name[a.country]
        for a in actors()
        if a.country and a.country in by_name and a.type != "ARMED_GROUP"
    }


def regions(entity_ids: Iterable[str]) -> frozenset[str]:
    """The entities and the countries they stand for. Mentions with the same entities
    share one set (the corpus steps hold one per mention)."""
    return _regions(tuple(entity_ids))


@lru_cache(maxsize=1 << 16)
def _regions(entity_ids: tuple[str, ...]) -> frozenset[str]:
    country = _country_of()
    found: set[str] = set()
    for entity_id in entity_ids:
        found.add(entity_id)
        if entity_id in country:
            found.add(country[entity_id])
    return frozenset(found)
