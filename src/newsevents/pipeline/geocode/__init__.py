"""Stage `geocode`: every event's place as a point, with its country, administrative
units, GeoNames id and a UCDP `where_prec` precision, offline.

Reads the article's entities and events (after `claims`, which may add events); writes
the events' geo fields (`schema.geo`). Each of an event's `locations` is resolved
(`resolve.locate`) against the article's country context (the countries it names and
the countries of the gazetteer actors and places it names); the event takes the most
precise point, the first of equally precise ones. A place found nowhere stays named in
`locations` and gets the coarser unit the article supports (the one country of the
article's places found), or nothing: never a guess.
"""

from collections.abc import Callable, Iterable
from dataclasses import replace
from functools import cache

from newsevents.knowledge import Actor, actors
from newsevents.pipeline.document import Draft
from newsevents.pipeline.geocode.data import countries
from newsevents.pipeline.geocode.resolve import Geo, country_geo, locate
from newsevents.schema import Entity, Event

__all__ = ["VERSION", "Geo", "article_countries", "geocode_events", "locate"]

VERSION = "1"


def geocode_events(draft: Draft) -> Draft:
    if not any(e.locations for e in draft.events):
        return draft
    by_id = _actors_by_id()
    entities = {e.entity_id: e for e in draft.entities}
    context = article_countries(draft.entities, by_id)
    named = sorted({x for e in draft.events for x in e.locations if x in entities})
    found = {x: locate(entities[x], by_id.get(x), context) for x in named}
    # A place found nowhere, in an article whose places found all lie in one country
    # (a Somalia story's Mogadishu and an unlisted district of it), is in that country
    # as far as the article tells: the country, said to be `coarser`. The countries the
    # article merely names (a U.S. statement, a Kenyan force) do not decide it.
    home = _one_country(found.values())
    if home is not None:
        for x in named:
            if found[x] is None and entities[x].type == "LOCATION":
                found[x] = country_geo(home, x, "coarser")
    return replace(draft, events=tuple(_geocoded(e, found.get) for e in draft.events))


def _one_country(found: Iterable[Geo | None]) -> str | None:
    """ISO alpha-2 code of the one country every place found below the country level
    (precision 1-5) lies in; None when there are none or several."""
    iso3 = {g.country_iso3 for g in found if g and g.geo_precision and g.geo_precision <= 5}
    if len(iso3) != 1 or None in iso3:
        return None
    return countries().alpha2_of(next(iter(iso3)))


def _geocoded(event: Event, geo_of: Callable[[str], Geo | None]) -> Event:
    candidates = [g for g in map(geo_of, event.locations) if g is not None]
    if not candidates:
        return event
    # Most precise first; a point beats an ambiguous name without one; then list order.
    best = min(candidates, key=lambda g: g.geo_precision or 99)
    # Validated again, so that the geo invariants (`schema.geo.check_geo`) hold here.
    return Event.model_validate({**event.model_dump(), **best.fields()})


def article_countries(
    entities: tuple[Entity, ...] | list[Entity], by_id: dict[str, Actor]
) -> frozenset[str]:
    """ISO alpha-2 codes of the countries the article names, and of the countries its
    gazetteer actors and places belong to."""
    codes = countries()
    found = set()
    for entity in entities:
        actor = by_id.get(entity.entity_id)
        name = (actor.name if actor else entity.name) if entity.type == "COUNTRY" else None
        name = name or (actor.country if actor else None)
        if name and (code := codes.code(name)):
            found.add(code)
    return frozenset(found)


@cache
def _actors_by_id() -> dict[str, Actor]:
    return {a.entity_id: a for a in actors()}
