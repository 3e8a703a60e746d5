"""Stage `geocode`: every event's place as a point, with its country, administrative
units, GeoNames id and a UCDP `where_prec` precision, offline.

Reads the article's entities and events (after `claims`, which may add events); writes
the events' geo fields (`schema.geo`). Each of an event's `locations` is resolved
(`resolve.locate`) against the article's country context (the countries it names and
the countries of the gazetteer actors and places it names); the event takes the most
precise point, the first of equally precise ones. A place found nowhere stays named in
`locations` and gets the coarser unit the article supports, or nothing: never a guess.
"""

from collections.abc import Callable
from dataclasses import replace
from functools import cache

from newsevents.knowledge import Actor, actors
from newsevents.pipeline.document import Draft
from newsevents.pipeline.geocode.data import countries
from newsevents.pipeline.geocode.resolve import Geo, locate
from newsevents.schema import Entity, Event

__all__ = ["VERSION", "Geo", "article_countries", "geocode_events", "locate"]

VERSION = "1"


def geocode_events(draft: Draft) -> Draft:
    if not any(e.locations for e in draft.events):
        return draft
    by_id = _actors_by_id()
    entities = {e.entity_id: e for e in draft.entities}
    context = article_countries(draft.entities, by_id)
    found: dict[str, Geo | None] = {}

    def geo_of(entity_id: str) -> Geo | None:
        if entity_id not in found:
            entity = entities.get(entity_id)
            found[entity_id] = (
                locate(entity, by_id.get(entity_id), context) if entity is not None else None
            )
        return found[entity_id]

    return replace(draft, events=tuple(_geocoded(e, geo_of) for e in draft.events))


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
