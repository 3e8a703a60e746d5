"""Stage `geocode`: places to points with UCDP precision codes, from the bundled GeoNames
extracts and the curated geo knowledge; coordinates checked against the places' true
positions (haversine, within 30 km)."""

from dataclasses import replace
from types import SimpleNamespace

import pytest
from pydantic import ValidationError

from newsevents.knowledge import actors
from newsevents.pipeline.document import Draft, RawDocument
from newsevents.pipeline.geocode import article_countries, geocode_events, locate
from newsevents.pipeline.geocode.combine import incident_geo, point_of
from newsevents.pipeline.geocode.data import distance_km
from newsevents.pipeline.geocode.resolve import Geo
from newsevents.schema import Entity, Event, Evidence

GAZETTEER = {a.name: a for a in actors()}

# name, country context, true (lat, lon), admin1 as GeoNames names it
KNOWN = [
    ("Panjgur", {"PK"}, (26.964, 64.094), "Balochistan"),
    ("Saravan", {"IR"}, (27.371, 62.334), "Sistan and Baluchestan"),
    ("Islamabad", {"PK"}, (33.693, 73.064), "Islamabad"),
    ("Kabul", {"AF"}, (34.533, 69.167), "Kabul"),
    ("Goma", {"CD", "RW"}, (-1.679, 29.222), "Nord Kivu"),
]


def entity(name: str, type_: str = "LOCATION") -> tuple[Entity, object]:
    actor = GAZETTEER.get(name)
    entity_id = actor.entity_id if actor else name.lower().replace(" ", "-")
    return Entity(entity_id=entity_id, name=name, type=type_), actor


def plain(name: str, context: set[str]) -> Geo | None:
    """The place as a name the gazetteer does not know."""
    return locate(Entity(entity_id="x", name=name, type="LOCATION"), None, frozenset(context))


@pytest.mark.parametrize(("name", "context", "truth", "admin1"), KNOWN)
def test_known_places_within_30_km_with_their_province(name, context, truth, admin1):
    for geo in (locate(*entity(name), frozenset(context)), plain(name, context)):
        assert geo is not None
        assert distance_km((geo.latitude, geo.longitude), truth) < 30
        assert geo.admin1 == admin1
        assert geo.geo_precision == 1
        assert geo.geonames_id is not None
    # A gazetteer place with a stored GeoNames id is linked exactly.
    gazetteer_geo = locate(*entity(name), frozenset(context))
    assert gazetteer_geo.geo_method == "gazetteer"
    assert plain(name, context).geo_method == "geonames"


def test_country_context_picks_the_place_in_the_article_country():
    # Kabul is also a town in Israel's Northern District; an Afghan story means the capital.
    assert plain("Kabul", {"AF"}).country_iso3 == "AFG"
    assert plain("Kabul", {"IL"}).country_iso3 == "ISR"


def test_provinces_districts_country_and_sea():
    province = locate(*entity("Sistan and Baluchestan"), frozenset({"IR"}))
    assert (province.geo_precision, province.geo_method, province.country_iso3) == (
        4,
        "unit",
        "IRN",
    )
    assert province.admin1 == "Sistan and Baluchestan" and province.geonames_id is None
    # A news name of a governorate the extract spells otherwise (knowledge/geo.yaml).
    gezira = plain("Gezira State", {"SD"})
    assert (gezira.geo_precision, gezira.admin1) == (4, "Al Jazirah")
    district = locate(*entity("Poonch district, India"), frozenset({"IN", "PK"}))
    assert (district.geo_precision, district.admin2) == (3, "Punch")
    country = locate(*entity("Pakistan", "COUNTRY"), frozenset())
    assert (country.geo_precision, country.geo_method, country.country_iso3) == (
        6,
        "country",
        "PAK",
    )
    assert distance_km((country.latitude, country.longitude), (30.4, 69.3)) < 500
    sea = locate(*entity("Red Sea"), frozenset({"YE"}))
    assert (sea.geo_precision, sea.geo_method, sea.country_iso3) == (7, "sea", None)
    line = locate(*entity("Line of Control"), frozenset({"IN", "PK"}))
    assert (line.geo_precision, line.geo_method) == (5, "area")


def test_a_unit_name_is_never_its_namesake_town():
    # "Sagaing Region" is the region (4), not the town of Sagaing (1).
    region = plain("Sagaing Region", {"MM"})
    assert region.geo_precision == 4 and region.geonames_id is None


def test_a_place_the_data_does_not_hold_gets_the_coarser_unit_never_a_point():
    # An invented village in a Pakistan story: the country the article supports, said so.
    geo = plain("Kili Zarbandi Sharif", {"PK"})
    assert (geo.geo_precision, geo.geo_method, geo.country_iso3) == (6, "coarser", "PAK")
    assert geo.admin1 is None and geo.geonames_id is None
    # A gazetteer place missing from the extracts: its own country.
    base = locate(*entity("PAF Base Nur Khan"), frozenset({"PK", "IN"}))
    assert (base.geo_precision, base.geo_method, base.country_iso3) == (6, "coarser", "PAK")
    # Two countries in the story and nothing found: no point at all.
    assert plain("Kili Zarbandi Sharif", {"PK", "IR"}) is None


def test_a_place_outside_the_article_countries_is_not_moved_into_them():
    # "Bangkok" in a Myanmar story is Bangkok, never Myanmar's representative point.
    geo = plain("Bangkok", {"MM"})
    assert geo.country_iso3 == "THA" and geo.geo_precision == 1
    # A village elsewhere is no reason to leave the article's country: "Sanna" (a
    # misspelt Sanaa) in a Yemen story is not the Ligurian village of that name.
    sanna = plain("Sanna", {"YE"})
    assert (sanna.country_iso3, sanna.geo_precision, sanna.geo_method) == ("YEM", 6, "coarser")


def test_ambiguous_names_get_the_common_unit_and_a_flag():
    # Two towns called Sahiwal in Pakistan's Punjab (Sahiwal District, Sargodha District).
    sahiwal = plain("Sahiwal", {"PK"})
    assert sahiwal.geo_ambiguous and sahiwal.geo_method == "ambiguous"
    assert (sahiwal.geo_precision, sahiwal.admin1, sahiwal.geonames_id) == (4, "Punjab", None)
    # Fatehpur: one in Punjab, one in Azad Kashmir: only the country is common.
    fatehpur = plain("Fatehpur", {"PK"})
    assert fatehpur.geo_ambiguous and fatehpur.geo_precision == 6
    assert fatehpur.country_iso3 == "PAK" and fatehpur.admin1 is None
    # Springfield in an American story: dozens of states, so only the country.
    assert plain("Springfield", {"US"}).geo_precision == 6


TEXT = "Gunmen attacked a checkpoint in Sahiwal and near Panjgur, Pakistan said."


def _draft(locations: list[str], names: dict[str, str]) -> Draft:
    entities = tuple(
        Entity(entity_id=i, name=n, type="COUNTRY" if n == "Pakistan" else "LOCATION")
        for i, n in names.items()
    )
    evidence = Evidence(start=0, end=len(TEXT), text=TEXT)
    event = Event(event_id="ev1", type="ASSAULT", status="occurred", locations=locations,
                  trigger="attacked", evidence=evidence)  # fmt: skip
    doc = RawDocument(article_id="a", source_file="a.txt", source_line=None, text=TEXT)
    return Draft(doc, title=TEXT, entities=entities, events=(event,))


def test_stage_takes_the_most_precise_location_of_an_event():
    names = {"sahiwal": "Sahiwal", "panjgur": "Panjgur", "Q843": "Pakistan"}
    event = geocode_events(_draft(["Q843", "sahiwal", "panjgur"], names)).events[0]
    assert (event.geo_place, event.geo_precision, event.geo_method) == ("panjgur", 1, "gazetteer")
    assert event.country_iso3 == "PAK" and not event.geo_ambiguous
    # Without Panjgur, the ambiguous Sahiwal (Punjab, 4) beats the country (6).
    event = geocode_events(_draft(["Q843", "sahiwal"], names)).events[0]
    assert (event.geo_place, event.geo_precision, event.geo_ambiguous) == ("sahiwal", 4, True)


def _story(places: dict[str, str], events: dict[str, str]) -> Draft:
    """A draft naming the United States and `places` (id: name), one event at each place
    of `events` (event id: place id)."""
    draft = _draft([], places)
    us = Entity(entity_id="Q30", name="United States", type="COUNTRY")
    base = draft.events[0]
    return replace(
        draft,
        entities=(us, *draft.entities),
        events=tuple(
            base.model_copy(update={"event_id": e, "locations": [p]}) for e, p in events.items()
        ),  # fmt: skip
    )


def test_a_place_found_nowhere_takes_the_one_country_of_the_places_found():
    # Written for the test: a town the data holds and a neighbourhood it does not, in a
    # story that also names another country (a statement from abroad).
    places = {"kandahar": "Kandahar", "zarghun-kalay": "Zarghun Kalay"}
    unknown, known = geocode_events(
        _story(places, {"ev1": "zarghun-kalay", "ev2": "kandahar"})
    ).events
    assert (known.country_iso3, known.geo_precision) == ("AFG", 1)
    assert (unknown.country_iso3, unknown.geo_precision, unknown.geo_method) == (
        "AFG",
        6,
        "coarser",
    )
    assert unknown.geo_place == "zarghun-kalay"
    # Found places in two countries tell no country: the unknown place stays without one.
    places["quetta"] = "Quetta"
    unknown, *_ = geocode_events(
        _story(places, {"ev1": "zarghun-kalay", "ev2": "kandahar", "ev3": "quetta"})
    ).events
    assert unknown.latitude is None and unknown.geo_precision is None


def test_stage_leaves_an_event_without_location_alone():
    event = geocode_events(_draft([], {"Q843": "Pakistan"})).events[0]
    assert event.latitude is None and event.geo_precision is None and event.geo_method is None


def test_article_countries_come_from_countries_and_gazetteer_places():
    found = article_countries(
        [Entity(entity_id="Q794", name="Iran", type="COUNTRY"), entity("Panjgur")[0]],
        {a.entity_id: a for a in actors()},
    )
    assert found == frozenset({"IR", "PK"})


def test_event_validator_keeps_geo_fields_consistent():
    base = {"event_id": "ev1", "type": "ASSAULT", "status": "occurred", "trigger": "attacked",
            "locations": ["x"], "evidence": {"start": 0, "end": 3, "text": "abc"}}  # fmt: skip
    point = {"latitude": 1.0, "longitude": 2.0, "geo_precision": 1, "geo_place": "x",
             "geo_method": "geonames"}  # fmt: skip
    Event.model_validate({**base, **point})
    for broken in (
        {**point, "longitude": None},  # coordinates in pairs
        {**point, "geo_precision": None},  # a point has a precision
        {**point, "geo_place": "y"},  # the place is one of the locations
        {**point, "latitude": 1.00001},  # rounded
        {**point, "geo_ambiguous": True},  # flag only with the ambiguous method
    ):
        with pytest.raises(ValidationError):
            Event.model_validate({**base, **broken})


def _member(**fields: object) -> Geo | None:
    blank = dict.fromkeys(Geo.__dataclass_fields__) | {"geo_ambiguous": False}
    return point_of(SimpleNamespace(**(blank | fields)))  # type: ignore[arg-type]


PANJGUR = {"latitude": 26.9719, "longitude": 64.0946, "country_iso3": "PAK",
           "admin1": "Balochistan", "geonames_id": 1168446, "geo_precision": 1,
           "geo_place": "panjgur", "geo_method": "gazetteer"}  # fmt: skip
PAKISTAN = {"latitude": 30.6754, "longitude": 71.7483, "country_iso3": "PAK",
            "geo_precision": 6, "geo_place": "Q843", "geo_method": "country"}  # fmt: skip
QUETTA = {"latitude": 30.1841, "longitude": 67.0014, "country_iso3": "PAK",
          "admin1": "Balochistan", "geonames_id": 1167528, "geo_precision": 1,
          "geo_place": "quetta", "geo_method": "gazetteer"}  # fmt: skip
LAHORE = {"latitude": 31.558, "longitude": 74.3507, "country_iso3": "PAK", "admin1": "Punjab",
          "geonames_id": 1172451, "geo_precision": 1, "geo_place": "lahore",
          "geo_method": "gazetteer"}  # fmt: skip


def test_incident_takes_the_most_precise_point_its_mentions_share():
    geo = incident_geo([_member(**PAKISTAN), _member(**PANJGUR), _member()])
    assert (geo.geo_place, geo.geo_precision, geo.geo_ambiguous) == ("panjgur", 1, False)


def test_incident_mentions_that_disagree_give_their_common_unit():
    geo = incident_geo([_member(**PANJGUR), _member(**QUETTA)])
    assert (geo.geo_precision, geo.admin1, geo.geo_ambiguous, geo.geo_place) == (
        4, "Balochistan", True, None,
    )  # fmt: skip
    geo = incident_geo([_member(**PANJGUR), _member(**LAHORE)])
    assert (geo.geo_precision, geo.country_iso3, geo.geo_ambiguous) == (6, "PAK", True)
    assert incident_geo([_member(), _member()]) == Geo()


def test_an_incident_with_one_point_takes_it_whatever_its_precision():
    for place in (PANJGUR, PAKISTAN, QUETTA | {"geo_precision": 4}):
        assert incident_geo([_member(**place)]) == _member(**place)
        assert incident_geo([_member(), _member(**place), _member()]) == _member(**place)
