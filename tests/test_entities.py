"""Stage `entities`: spaCy NER for recall, the gazetteer for identity, one entity per
real thing with every mention's offsets."""

from pathlib import Path

import pytest

from newsevents.knowledge import actors
from newsevents.pipeline.document import Draft, RawDocument
from newsevents.pipeline.entities import (
    Candidate,
    Group,
    _after_place_article,
    _names_a_weapon,
    _names_an_operation,
    _outside_brackets,
    extract_entities,
    type_hint,
)
from newsevents.pipeline.gazetteer import gazetteer, is_case_sensitive
from newsevents.pipeline.nlp import parse
from newsevents.schema import Entity, Source


def entities_of(title: str, body: str, dateline: str | None = None) -> list[Entity]:
    doc = RawDocument("t", "t.txt", None, f"{title}\n\n{body}")
    (draft,) = parse([Draft(doc, title=title, body=body, source=Source(dateline=dateline))])
    found = extract_entities(draft).entities
    for entity in found:  # every offset points at its text
        for m in entity.mentions:
            assert draft.text[m.start : m.end] == m.text
    return list(found)


def by_name(found: list[Entity]) -> dict[str, Entity]:
    return {e.name: e for e in found}


def test_short_form_after_full_name_is_the_same_person() -> None:
    found = by_name(entities_of(
        "Cabinet meets on tension",
        "Caretaker Prime Minister Anwaarul Haq Kakar summoned the cabinet. "
        "Kakar had cut short a trip to Davos.",
    ))  # fmt: skip
    kakar = found["Anwaar-ul-Haq Kakar"]
    assert kakar.type == "PERSON"
    assert [m.text for m in kakar.mentions] == ["Anwaarul Haq Kakar", "Kakar"]


def test_unknown_person_keeps_a_slug_and_gathers_its_short_form() -> None:
    found = by_name(entities_of(
        "Missiles hit a house",
        "Makran Division Commissioner Saeed Ahmed Umrani said the missiles hit a house. "
        "Umrani said four people were injured.",
    ))  # fmt: skip
    umrani = found["Saeed Ahmed Umrani"]
    assert (umrani.entity_id, umrani.type, umrani.wikidata) == (
        "saeed-ahmed-umrani",
        "PERSON",
        None,
    )
    assert [m.text for m in umrani.mentions] == ["Saeed Ahmed Umrani", "Umrani"]


@pytest.mark.parametrize(
    ("title", "body", "full", "bare"),
    [
        (
            "Soldiers killed in attack",
            "Four soldiers of the Ordavi Army were killed when gunmen attacked a post near "
            "Kelbani. The Army said two attackers were also killed.",
            "Ordavi Army",
            "Army",
        ),
        (
            "Strike on clinic",
            "The Ordavi Health Ministry said nine people died. The Health Ministry later "
            "raised the toll.",
            "Ordavi Health Ministry",
            "Health Ministry",
        ),
    ],
)
def test_a_bare_institution_is_the_one_the_article_names_in_full(
    title: str, body: str, full: str, bare: str
) -> None:
    found = by_name(entities_of(title, body))
    assert bare not in found
    assert [m.text for m in found[full].mentions] == [full, bare]


def test_a_bare_institution_stays_apart_when_two_could_be_meant() -> None:
    found = by_name(entities_of(
        "Clashes on the border",
        "Troops of the Ordavi Army and the Kelbani Army clashed near the border on Monday. "
        "The Army said two attackers were killed.",
    ))  # fmt: skip
    assert {"Ordavi Army", "Kelbani Army", "Army"} <= set(found)


def test_acronym_defined_in_the_text() -> None:
    found = entities_of(
        "Security meeting",
        "The prime minister chaired the Nuclear Command Authority Review Board (NCARB) "
        "on Friday. The NCARB said it would meet again.",
    )
    (board,) = [e for e in found if "NCARB" in {m.text for m in e.mentions}]
    assert {m.text for m in board.mentions} == {"Nuclear Command Authority Review Board", "NCARB"}


def test_alias_named_in_the_text() -> None:
    found = entities_of(
        "Strike on a house",
        "The missiles landed at the residence of one Kareem Dad alias Idrees, police said.",
    )
    (person,) = [e for e in found if e.type == "PERSON"]
    assert {m.text for m in person.mentions} == {"Kareem Dad", "Idrees"}


def test_spelling_variants_get_one_id_across_articles() -> None:
    first = by_name(
        entities_of("Strikes", "Pakistan struck targets in Iran's Siestan-Balochistan province.")
    )
    second = by_name(
        entities_of("Gunmen kill nine", "Nine people were killed in Sistan-Baluchistan.")
    )
    third = by_name(entities_of("Talks", "Iranian Foreign Minister Amirabdollahian arrived."))
    fourth = by_name(entities_of("Talks", "Hossein Amir-Abdollahian met Jalil Abbas Jilani."))
    assert first["Sistan and Baluchestan"].entity_id == second["Sistan and Baluchestan"].entity_id
    assert (
        third["Hossein Amir-Abdollahian"].entity_id == fourth["Hossein Amir-Abdollahian"].entity_id
    )
    assert first["Sistan and Baluchestan"].type == "LOCATION"
    assert first["Iran"].type == "COUNTRY" and first["Iran"].wikidata == "Q794"


def test_capital_used_as_actor_stays_a_location_and_demonyms_make_no_entity() -> None:
    found = by_name(entities_of(
        "Tehran responds",
        "Tehran said it had targeted Jaish al-Adl. Iranian officials gave no figures.",
    ))  # fmt: skip
    assert found["Tehran"].type == "LOCATION"
    assert found["Jaish al-Adl"].type == "ARMED_GROUP"
    assert "Iran" not in found  # "Iranian" alone does not name the country


def test_headline_and_subheading_names_need_support_in_prose() -> None:
    found = by_name(entities_of(
        "Pakistan, Iran To Hold Telephonic Talks Amid Tension After Cross-Border Attacks",
        "The Future Of Bilateral Relations\n\nPakistan and Iran will talk on Friday.",
    ))  # fmt: skip
    assert set(found) == {"Pakistan", "Iran"}


def test_facility_after_a_name_is_a_place() -> None:
    found = entities_of("Arrival", "He arrived at Nur Khan airbase on Sunday evening.")
    (base,) = found
    assert (base.type, base.mentions[0].text) == ("LOCATION", "Nur Khan airbase")


def hint_of(sentence: str, name: str, occurrence: int = 0) -> str | None:
    """type_hint for the `occurrence`-th `name` of a sentence."""
    start = -1
    for _ in range(occurrence + 1):
        start = sentence.index(name, start + 1)
    return type_hint(sentence, start, start + len(name))


# Invented names: the words around them, not what spaCy or the gazetteer know, decide.
@pytest.mark.parametrize(
    ("sentence", "name", "expected"),
    [
        # every name of a list after a place preposition, not only the first
        ("Shells fell in Ulvira, Tessaro and Pembly overnight.", "Ulvira", "LOCATION"),
        ("Shells fell in Ulvira, Tessaro and Pembly overnight.", "Tessaro", "LOCATION"),
        ("Shells fell in Ulvira, Tessaro and Pembly overnight.", "Pembly", "LOCATION"),
        ("Fighting spread to the villages of Ulvira and Pembly.", "Pembly", "LOCATION"),
        ("Guns shelled towns near the border, including Ulvira and Pembly.", "Pembly", "LOCATION"),
        ("Troops held cities such as Ulvira, Tessaro and Pembly.", "Tessaro", "LOCATION"),
        # a place word in the name, or after a list that the name is part of
        ("Drones struck Dovrensk Oblast at dawn.", "Dovrensk Oblast", "LOCATION"),
        ("Alerts sounded over Ulvira, Tessaro and Dovrensk oblasts.", "Tessaro", "LOCATION"),
        ("Residents of Sheikh Tessaro neighbourhood fled.", "Tessaro", "LOCATION"),
        # what the name is, said after it
        ("The rebels took Tessaro, the capital of the province, on Sunday.", "Tessaro",
         "LOCATION"),
        ("Flights went to Pembly, a city on the coast.", "Pembly", "LOCATION"),
        # a title only people hold
        ("Army spokesman Major General Ardo Pembly said troops held.", "Ardo Pembly", "PERSON"),
        # what an armed group is called
        ("Police fought Ordavi militiamen near the market.", "Ordavi", "ARMED_GROUP"),
        ("Clashes pitted the army against Ordavi, a volunteer militia that grew.", "Ordavi",
         "ARMED_GROUP"),
        ("The army and allied militias known as Ordavi advanced.", "Ordavi", "ARMED_GROUP"),
        ("Kelbani, the armed group, denied it.", "Kelbani", "ARMED_GROUP"),
        # no hint
        ("Ordavi, a rights group based abroad, denied it.", "Ordavi", None),
        ("The Ordavi said militias attacked.", "Ordavi", None),
        ("Two people were killed in Tessaro, Pembly said.", "Pembly", None),
        ("Pembly, the district chief of Tessaro, resigned.", "Pembly", None),
        ("Peace, in Pembly's view, is near.", "Pembly", None),
        ("Talks between Ulvira and Pembly failed.", "Pembly", None),
        ("The Confederation of Northern States met.", "Confederation of Northern States",
         None),
    ],
)  # fmt: skip
def test_the_words_around_a_name_point_to_its_type(
    sentence: str, name: str, expected: str | None
) -> None:
    assert hint_of(sentence, name) == expected


def test_hinted_mentions_outvote_ner_and_win_ties() -> None:
    def group(*mentions: tuple[str, str | None]) -> Group:
        return Group([Candidate(0, 7, "Tessaro", label, None, hint) for label, hint in mentions])

    # NER read the name as a person twice; the words around one mention say "place"
    assert group(("PERSON", None), ("PERSON", None), ("GPE", "LOCATION")).type() == "LOCATION"
    # a single hint does not outvote three NER labels
    assert group(*[("PERSON", None)] * 3, ("GPE", "LOCATION")).type() == "PERSON"
    assert group(("ORG", None), ("ORG", None), ("ORG", "LOCATION")).type() == "LOCATION"


def test_a_people_before_an_armed_group_noun_is_no_armed_group() -> None:
    found = by_name(entities_of(
        "Clashes", "The ministry said Druze fighters had taken the town.",
    ))  # fmt: skip
    assert "Druze" not in found  # a community (names.yaml peoples), not a group


def test_the_dateline_place_is_a_place_wherever_the_text_names_it() -> None:
    body = (
        "Kelbani, March 3 (Wire) - Officials met on Monday. Kelbani has been calm since the"
        " talks, residents said."
    )
    # Without the dateline, NER alone reads the invented name as a person.
    assert by_name(entities_of("Talks resume", body))["Kelbani"].type == "PERSON"
    found = by_name(entities_of("Talks resume", body, dateline="Kelbani"))
    assert found["Kelbani"].type == "LOCATION"


def test_gazetteer_entries_are_well_formed() -> None:
    table = actors()
    assert len(table) > 300
    ids = [a.entity_id for a in table]
    assert len(ids) == len(set(ids))
    countries = {a.name for a in table if a.type == "COUNTRY"}
    assert {"Iran", "Pakistan", "India", "Afghanistan"} <= countries
    assert all(a.country is None or a.country in countries for a in table)
    assert gazetteer().lookup("Sistan-o-Baluchistan").name == "Sistan and Baluchestan"  # type: ignore[union-attr]
    assert gazetteer().lookup("Iraq").name == "Iraq"  # type: ignore[union-attr]  (not Iran)


@pytest.mark.parametrize(
    "seed", sorted(p.name for p in (Path(__file__).parents[1] / "seeds").glob("*.txt"))
)
def test_no_entity_from_boilerplate(seed: str, seed_release) -> None:  # type: ignore[no-untyped-def]
    import json

    rows = (seed_release.release_dir / "jsonl" / "articles.jsonl").read_text().splitlines()
    article = next(json.loads(r) for r in rows if json.loads(r)["source_file"] == seed)
    names = {e["name"] for e in article["entities"]}
    assert not names & {"Krishna Medhi", "Share", "Next Story", "POST A COMMENT"}


def test_a_place_name_ner_cut_short_takes_the_proper_noun_after_it() -> None:
    # NER reads "Bahir" as the place and leaves "Tor" out of every name.
    found = by_name(entities_of(
        "Clashes resume", "Clashes resumed early Friday in Bahir Tor province, and more "
        "than 20 people fled.",
    ))  # fmt: skip
    assert "Bahir" not in found
    place = found["Bahir Tor"]
    assert place.type == "LOCATION"
    assert [m.text for m in place.mentions] == ["Bahir Tor province"]


def test_a_place_word_after_a_name_joins_its_mention_not_its_name() -> None:
    found = by_name(entities_of(
        "Siege tightens", "Rebels tightened their siege of Ulvira district, where about "
        "3,000 people live.",
    ))  # fmt: skip
    assert [m.text for m in found["Ulvira"].mentions] == ["Ulvira district"]


def test_a_title_before_a_place_name_is_part_of_it() -> None:
    # NER reads "Ordan" alone; the neighbourhood after it says it is a place.
    found = by_name(entities_of(
        "Building hit", "A strike hit a building in Pembly City's Sheikh Ordan "
        "neighbourhood on Saturday.",
    ))  # fmt: skip
    assert "Ordan" not in found
    place = found["Sheikh Ordan"]
    assert place.type == "LOCATION"
    assert [m.text for m in place.mentions] == ["Sheikh Ordan neighbourhood"]


def test_a_region_named_after_a_known_place_is_not_that_place() -> None:
    # "Juba" alone is the capital of South Sudan, which the gazetteer knows.
    found = by_name(entities_of(
        "Airstrike", "Aircraft struck near Ordavi, in the Middle Juba region, killing "
        "three fighters.",
    ))  # fmt: skip
    assert "Juba" not in found
    assert [m.text for m in found["Middle Juba"].mentions] == ["Middle Juba region"]


def test_a_name_is_not_widened_over_an_office_or_into_another_place() -> None:
    found = by_name(entities_of(
        "Visit", "The US Secretary of State visited Kelbani on Monday. Troops reached "
        "the Red Sea port city of Hodeidah.",
    ))  # fmt: skip
    assert [m.text for m in found["United States"].mentions] == ["US"]
    assert [m.text for m in found["Red Sea"].mentions] == ["Red Sea"]


def test_a_place_ner_left_untagged_is_found_by_the_words_around_it() -> None:
    # NER tags neither "Ordavi Keshan" (before "province") nor "Kelbani" (after
    # "capital").
    found = by_name(entities_of(
        "Raid", "Seven people were killed in a raid on a village in Mozambique's Ordavi "
        "Keshan province on Sunday. The delegations met in the Pemblian capital Kelbani on "
        "Tuesday.",
    ))  # fmt: skip
    assert [m.text for m in found["Ordavi Keshan"].mentions] == ["Ordavi Keshan province"]
    assert found["Ordavi Keshan"].type == found["Kelbani"].type == "LOCATION"


def test_an_untagged_proper_noun_without_a_place_word_is_no_place() -> None:
    # NER leaves "Ordavi Keshan" untagged here too, but an operation is no place.
    found = by_name(entities_of(
        "Operation", "Seven people were killed in Mozambique's Ordavi Keshan operation on "
        "Sunday.",
    ))  # fmt: skip
    assert "Ordavi Keshan" not in found


def test_a_lower_case_institution_a_country_owns_is_named_with_it() -> None:
    # The sentence before ends in a capitalized word: the possessive is Chad's alone.
    found = by_name(entities_of(
        "Toll rises", "Shells fell on a market in the capital N'Djamena. Chad's health "
        "ministry said 12 people were killed. The Malian interior ministry gave no toll.",
    ))  # fmt: skip
    assert [m.text for m in found["Ministry of Health (Chad)"].mentions] == ["health ministry"]
    assert found["Ministry of Health (Chad)"].type == "ORGANIZATION"
    assert "Ministry of Interior (Mali)" in found


def test_an_institution_with_its_country_inside_its_name_is_named_with_it() -> None:
    found = by_name(entities_of(
        "Toll rises", "The toll rose to 24, the Ministry of Health of Chad said on Friday.",
    ))  # fmt: skip
    assert [m.text for m in found["Ministry of Health (Chad)"].mentions] == [
        "Ministry of Health of Chad"
    ]
    found = by_name(entities_of(
        "Clash", "The State Border Service of Chad said two guards were wounded.",
    ))  # fmt: skip
    assert "State Border Service (Chad)" in found


def test_the_field_of_an_office_and_a_joining_word_are_no_part_of_a_name() -> None:
    found = by_name(entities_of(
        "Deadline", "Forces will meet the deadline set by Union Home Minister Amit Shah, "
        "said the official who holds the Home portfolio.\n\nGunmen on motorbikes stormed "
        "Tabangout and Infoukaretane, in the rural commune of Anderamboukane, on Tuesday.",
    ))  # fmt: skip
    assert "Union Home" not in found and "Home" not in found
    assert "Amit Shah" in found
    assert "Tabangout" in found and "Tabangout and" not in found


def test_a_name_does_not_end_with_a_preposition_nor_begin_with_a_police_rank() -> None:
    found = by_name(entities_of(
        "Parliament dissolved", "Hours later, Paudel dissolved the House of Representatives on "
        "Karki's recommendation. Provincial police commander Superintendent Joseph Kundi said "
        "six people were killed. Chief Inspector Ama Mensah confirmed it.",
    ))  # fmt: skip
    assert "House of Representatives" in found and "House of Representatives on" not in found
    assert found["Joseph Kundi"].type == "PERSON"
    assert "Superintendent Joseph Kundi" not in found
    assert "Ama Mensah" in found


def test_a_known_name_at_the_end_of_a_longer_one_is_not_that_actor() -> None:
    found = by_name(entities_of(
        "Council meets", "The National Security Council met on Tuesday, a day after the "
        "Regional Security Council (REGSEC) imposed a curfew. The Sudanese Rapid Support "
        "Forces shelled El Fasher, and the Security Council met in New York.",
    ))  # fmt: skip
    assert {"National Security Council", "Regional Security Council"} <= set(found)
    assert [m.text for m in found["United Nations Security Council"].mentions] == [
        "Security Council"
    ]
    assert found["Rapid Support Forces"].type == "ARMED_GROUP"


def test_a_hyphened_surname_ner_tagged_apart_is_the_persons() -> None:
    found = by_name(entities_of(
        "Gangs advance", "Prime Minister Alix Didier Fils-Aimé said the police would respond. "
        "Fils-Aimé spoke on Monday, after talks with Jean-Yves Le Drian.",
    ))  # fmt: skip
    assert found["Alix Didier Fils-Aimé"].type == "PERSON"
    assert "Alix Didier" not in found and "Jean-Yves Le Drian" in found


def test_the_outlets_armed_groups_claim_through_are_known() -> None:
    found = by_name(entities_of(
        "Army post attacked", "The group claimed the attack through its Amaq propaganda agency. "
        "Iraq's Security Media Cell said two soldiers were wounded.",
    ))  # fmt: skip
    assert found["Amaq News Agency"].type == "ORGANIZATION"
    assert found["Security Media Cell"].type == "ORGANIZATION"


@pytest.mark.parametrize(
    ("body", "mentions"),
    [
        # A short form that is also a word counts beside the full name...
        ("Islamic State jihadists attacked a post. IS claimed responsibility.",
         ["Islamic State", "IS"]),
        # ... not alone, nor in a line written in capitals.
        ("Gunmen attacked a post. IS claimed responsibility, officials said.", None),
        ("WHAT IS KNOWN ABOUT THE ATTACK\n\nIslamic State jihadists attacked a post.",
         ["Islamic State"]),
    ],
)  # fmt: skip
def test_an_anchored_alias_counts_beside_its_actors_name(
    body: str, mentions: list[str] | None
) -> None:
    found = by_name(entities_of("Attack", body))
    group = found.get("Islamic State")
    assert ([m.text for m in group.mentions] if group else None) == mentions


def test_a_formations_number_is_part_of_its_name() -> None:
    found = by_name(entities_of(
        "Ambush", "Soldiers of the 4th Special Forces Battalion were securing a road, and "
        "troops of the 34 Artillery Brigade were deployed. Police said 12 Army Command "
        "officers were there.",
    ))  # fmt: skip
    assert {"4th Special Forces Battalion", "34 Artillery Brigade"} <= set(found)
    assert "12 Army Command" not in found


def test_a_lower_case_institution_no_country_owns_is_no_entity() -> None:
    found = by_name(entities_of(
        "Toll rises", "The country's health ministry said 12 people were killed.",
    ))  # fmt: skip
    assert not any("inistry" in name for name in found)


@pytest.mark.parametrize(
    ("body", "generic"),
    [
        ("US Secretary of State Pembly Ordavi said on Monday that talks would resume.", "State"),
        (
            "The College of Heads of State of the Kelbani Confederation met in Bamako. "
            "The College condemns the attack.",
            "College",
        ),
        ("The Ordavi Presidency Council's media office said the Council would meet.", "Council"),
        ("The first drone struck Kelbani at 10:12 GMT, witnesses said.", "GMT"),
    ],
)
def test_a_generic_head_or_a_time_zone_names_no_entity(body: str, generic: str) -> None:
    assert generic not in by_name(entities_of("News", body))


def test_a_country_named_as_the_owner_of_a_known_institution_is_named() -> None:
    found = by_name(entities_of("News", "Saudi Arabia's foreign ministry condemned the attacks."))
    assert [m.text for m in found["Saudi Arabia"].mentions] == ["Saudi Arabia"]
    assert "Ministry of Foreign Affairs (Saudi Arabia)" in found


def test_a_name_cut_after_of_takes_the_proper_nouns_after_it() -> None:
    # The small model tags "the Catholic Diocese of" and "Kumbo" apart in this sentence.
    found = by_name(entities_of(
        "News",
        "On Monday the Catholic Diocese of Kumbo appealed for the release of the remaining "
        "hostages.",
    ))  # fmt: skip
    assert "Catholic Diocese of Kumbo" in found
    assert not any(name.endswith(" of") for name in found)


def test_a_hyphenated_known_name_matches_in_any_case() -> None:
    assert not is_case_sensitive("al-Shabaab")
    assert is_case_sensitive("MoFA") and is_case_sensitive("TTP")
    found = by_name(entities_of(
        "AL-SHABAAB FIGHTERS STORM BASE",
        "Al-Shabaab fighters stormed a base near Kismayo on Friday.",
    ))  # fmt: skip
    assert [m.text for m in found["al-Shabaab"].mentions] == ["AL-SHABAAB", "Al-Shabaab"]


@pytest.mark.parametrize(
    ("name", "text", "weapon"),
    [
        ("JF-17", "JF-17 jets struck", True),
        ("Kinzhal", "Kinzhal missiles hit", True),
        ("Shahed", "Shahed attack drones", True),
        ("IAF", "IAF fighter jets", False),  # the force that flies them
        ("Air Force", "Air Force jets", False),
        ("Fano", "Fano fighters", False),  # an armed group's men, not a weapon
    ],
)
def test_a_name_before_a_weapon_noun_is_a_model(name: str, text: str, weapon: bool) -> None:
    assert _names_a_weapon(name, text, len(name)) is weapon


def test_a_weapon_model_is_no_entity() -> None:
    found = by_name(entities_of(
        "Strikes",
        "Pakistani JF-17 fighter jets struck targets near Srinagar, and India fired "
        "BrahMos missiles at an air base.",
    ))  # fmt: skip
    assert not any("JF-17" in name or "BrahMos" in name for name in found)


@pytest.mark.parametrize(
    ("text", "name", "code_name"),
    [
        ("The army launched Operation Iron Shield.", "Operation Iron Shield", True),
        ("The army began operations Northern Gate and Eastern Gate.", "Eastern Gate", True),
        ("the offensive, which the army calls Desert Wind, began.", "Desert Wind", True),
        ("an operation dubbed 'Swift Sword' on Monday", "Swift Sword", True),
        ("The head of operations John Smith said.", "John Smith", False),
        ("a campaign group called Amnesty said.", "Amnesty", False),
    ],
)
def test_an_operation_code_name_is_recognised(text: str, name: str, code_name: bool) -> None:
    start = text.index(name)
    assert _names_an_operation(text, start, start + len(name)) is code_name


def test_names_before_some_other_towns_are_places() -> None:
    text = "The fighters attacked Dibala, Sorke and three other towns."
    for name in ("Dibala", "Sorke"):
        start = text.index(name)
        assert type_hint(text, start, start + len(name)) == "LOCATION"
    text = "The fighters attacked Dibala and Sorke on Monday."
    assert type_hint(text, text.index("Sorke"), text.index("Sorke") + 5) is None


def test_a_person_name_after_in_the_is_a_place() -> None:
    assert _after_place_article("groups active in the ", len("groups active in the "))
    assert not _after_place_article("the president met the ", len("the president met the "))


def test_a_person_ner_split_in_two_is_one_person() -> None:
    found = by_name(entities_of(
        "Shelling",
        "In Kherson Oblast, artillery fire wounded four people on Sunday, Governor "
        "Oleksandr Prokudin said.",
    ))  # fmt: skip
    assert found["Oleksandr Prokudin"].type == "PERSON"
    assert "Oleksandr" not in found and "Prokudin" not in found


@pytest.mark.parametrize(
    ("text", "name", "kept"),
    [
        ("the Line of Control (LoC", "the Line of Control (LoC", "Line of Control"),
        ("LoC) in Poonch", "LoC) in Poonch", "in Poonch"),
        ("the Line of Control (LoC)", "the Line of Control (LoC)", "Line of Control (LoC)"),
    ],
)
def test_a_name_ends_before_a_bracket_it_does_not_close(text: str, name: str, kept: str) -> None:
    start, end = _outside_brackets(text, text.index(name), text.index(name) + len(name))
    assert text[start:end].removeprefix("the ") == kept


def test_a_name_run_into_a_bracket_is_the_known_name() -> None:
    found = by_name(entities_of(
        "Firing",
        "Troops exchanged fire along the Line of Control (LoC) in Kashmir on Monday.",
    ))  # fmt: skip
    assert not any("(" in name for name in found)


def test_the_long_form_a_text_gives_a_known_acronym_is_that_actor() -> None:
    # The gazetteer knows the ELN by its acronym only; "National Liberation Army" alone
    # names several groups.
    found = by_name(entities_of(
        "Talks suspended",
        "Petro suspended talks with the National Liberation Army (ELN) rebels on Monday. "
        "The ELN did not comment.",
    ))  # fmt: skip
    eln = found["National Liberation Army (Colombia)"]
    assert [m.text for m in eln.mentions] == ["National Liberation Army", "ELN", "ELN"]
    assert "National Liberation Army" not in found


def test_a_place_owned_by_a_known_place_is_named_without_the_owner() -> None:
    # NER's "Kyiv's Shevchenkivskyi" was one place of that name.
    from types import SimpleNamespace

    from newsevents.pipeline.entities import _trim

    text = "Shells hit a school in Kharkiv's Saltivskyi district on Monday."
    span = SimpleNamespace(start_char=text.index("Kharkiv"), end_char=text.index(" district"))
    start, end = _trim(text, span)
    assert text[start:end] == "Saltivskyi"
    # An owner that is no known place stays: "Ladan's Brigade" may be the name.
    text = "Fighters of Ladan's Brigade shelled the town."
    span = SimpleNamespace(start_char=text.index("Ladan"), end_char=text.index(" shelled"))
    start, end = _trim(text, span)
    assert text[start:end] == "Ladan's Brigade"


def test_military_ranks_are_titles_not_names() -> None:
    found = entities_of(
        "News", "The wounded included Sgt William Mensah and Rear Admiral Musa Ladan."
    )
    assert {(e.name, e.type) for e in found} == {
        ("William Mensah", "PERSON"),
        ("Musa Ladan", "PERSON"),
    }
    found = entities_of(
        "News", "Officials named the dead as Staff Sgt. Ryan Knauss and Cpl. Daniel Page."
    )
    assert {e.name for e in found} == {"Ryan Knauss", "Daniel Page"}


def test_a_title_opening_an_institutions_name_is_part_of_it() -> None:
    # "King Fahd Hospital" lost "King" and became a person, "Fahd Hospital".
    found = entities_of("News", "The wounded were taken to King Ladan Hospital in Kelbani town.")
    assert "King Ladan Hospital" in {e.name for e in found}
    assert not any(e.type == "PERSON" for e in found)


def test_a_first_name_ner_cut_at_its_hyphen_goes_on() -> None:
    found = entities_of("News", "French Foreign Minister Jean-Marc Ladan condemned the attacks.")
    assert "Jean-Marc Ladan" in {e.name for e in found if e.type == "PERSON"}


def test_a_name_ner_cut_at_its_hyphen_goes_on_no_further_than_a_title() -> None:
    from types import SimpleNamespace

    from newsevents.pipeline.entities import _trim

    # NER tags "KwaZulu-" alone; the words after it run on to the premier's name.
    text = "KwaZulu-Natal Premier Sihle Zikalala told reporters that 26 people had died."
    span = SimpleNamespace(start_char=0, end_char=len("KwaZulu-"))
    start, end = _trim(text, span)
    assert text[start:end] == "KwaZulu-Natal"
    text = "Rhenish-Kelbani Governor Musa Ladan visited the wounded."
    span = SimpleNamespace(start_char=0, end_char=len("Rhenish-"))
    assert text[slice(*_trim(text, span))] == "Rhenish-Kelbani"


@pytest.mark.parametrize(
    "body",
    [
        "Somaliland's information minister, Saleban Yusuf Ali Koore, gave a different picture.",
        "A spokesman for the fighters, Abdirahman Yusuf Ali Koore, said the militias held it.",
    ],
)
def test_a_first_name_ner_left_out_of_an_apposition_is_the_persons(body: str) -> None:
    # NER tags "Yusuf Ali Koore"; the word after the comma opens the name.
    found = entities_of("News", body)
    persons = {e.name for e in found if e.type == "PERSON"}
    assert len(persons) == 1 and persons.pop().split()[0] in ("Saleban", "Abdirahman")


def test_a_rank_or_office_before_a_name_stays_out_of_it() -> None:
    found = entities_of(
        "News", "The coast guard's spokesperson, Commodore Jay Ladan, said the ship was hit."
    )
    assert "Jay Ladan" in {e.name for e in found if e.type == "PERSON"}
    # After the comma that opens an apposition, a title is no first name.
    found = entities_of("News", "Two people died, Mayor Ihor Terekhov said on Monday.")
    assert {e.name for e in found if e.type == "PERSON"} == {"Ihor Terekhov"}


def test_church_titles_and_plural_ranks_are_no_part_of_a_name_nor_names() -> None:
    found = entities_of(
        "News",
        "Cardinal Leopoldo Brenes and Bishop Silvio Báez travelled to Masaya with the "
        "Apostolic Nuncio, Archbishop Waldemar Sommertag. The dead were Specialists "
        "Kennedy Sanders, 24, and Breonna Moffett, 23.",
    )
    assert {e.name for e in found if e.type == "PERSON"} == {
        "Leopoldo Brenes", "Silvio Báez", "Waldemar Sommertag", "Kennedy Sanders",
        "Breonna Moffett",
    }  # fmt: skip
    assert not any(e.name in ("Bishop", "Apostolic Nuncio") for e in found)


def test_a_word_a_live_blog_entry_opens_with_is_no_name_when_written_lower_elsewhere() -> None:
    found = entities_of(
        "News",
        "13:05 GMT - Hospital receives bodies\n\nA doctor said seven bodies had been "
        "brought to the hospital's mortuary.\n\n10:10 GMT - Ladan: \"Calm has been "
        'restored"\n\nPresident Musa Ladan said calm had returned.',
    )
    assert {e.name for e in found} == {"Musa Ladan"}


def test_a_church_a_monastery_or_a_hotel_is_a_place() -> None:
    found = entities_of(
        "News",
        "Bombs hit St. Sebastian's Church in Negombo on Sunday. Police guarded the "
        "Kingsbury Hotel and the Grand Mosque.",
    )
    types = {e.name: e.type for e in found}
    assert types["St. Sebastian's Church"] == "LOCATION"
    assert types["Kingsbury Hotel"] == "LOCATION"


def test_a_live_blog_entry_time_with_no_dash_is_no_part_of_a_name() -> None:
    from types import SimpleNamespace

    from newsevents.pipeline.entities import _trim

    text = "21:30 Health ministry raises toll to 12 dead"
    span = SimpleNamespace(start_char=0, end_char=len("21:30 Health ministry"))
    assert text[slice(*_trim(text, span))] == "Health ministry"


def test_a_numbered_formation_is_a_state_force_a_named_brigade_an_armed_group() -> None:
    found = entities_of(
        "News",
        "A soldier of the 1st Kelbani Armoured Brigade died on Thursday. Fighters of the "
        "Kelbani Martyrs Brigade fired rockets.",
    )
    types = {e.name: e.type for e in found}
    assert types["1st Kelbani Armoured Brigade"] == "ORGANIZATION"
    assert types["Kelbani Martyrs Brigade"] == "ARMED_GROUP"


def test_the_islamic_states_agency_in_its_other_spelling_is_known() -> None:
    found = entities_of("News", "The group claimed the attack through its Aamaq news agency.")
    assert ("Amaq News Agency", "ORGANIZATION") in {(e.name, e.type) for e in found}


def test_the_field_of_a_secretary_is_no_organization() -> None:
    found = entities_of(
        "News", "On Thursday, Defense Secretary Hemasiri Fernando resigned over the attacks."
    )
    assert {(e.name, e.type) for e in found} == {("Hemasiri Fernando", "PERSON")}


def test_a_premier_is_a_title_before_a_name() -> None:
    found = entities_of(
        "News", "On Monday, Quebec Premier Francois Legault said the province would help."
    )
    assert {(e.name, e.type) for e in found} >= {("Quebec", "LOCATION")}
    assert "Francois Legault" in {e.name for e in found if e.type == "PERSON"}
    assert not any("Premier" in e.name for e in found)


@pytest.mark.parametrize(
    "entry",
    [
        "19:40 GMT - Chad severs ties with Sudan",
        "10:05 PM IST - Army to take charge of security in Chad and Sudan",
        "8:40 AM EAT - Army to take charge of security in Chad and Sudan",
    ],
)
def test_a_live_blogs_clock_is_no_part_of_the_name_after_it(entry: str) -> None:
    found = entities_of("News", entry)
    assert {e.name for e in found} - {"Army"} == {"Chad", "Sudan"}


@pytest.mark.parametrize(
    "sentence",
    [
        "According to the Kyrgyz side, Tajik troops fired on Kyrgyz posts near Bishkek.",
        "Uzbek and Azeri officials met in Bishkek on Monday.",
        "Basotho migrants and Swazi traders crossed into South Africa.",
    ],
)
def test_a_demonym_alone_names_no_place(sentence: str) -> None:
    # The short demonyms of Central Asia and southern Africa, as English news writes
    # them: adjectives, not the countries and not places of their own.
    found = entities_of("News", sentence)
    assert all(e.type != "LOCATION" or e.name in ("Bishkek", "South Africa") for e in found), [
        (e.name, e.type) for e in found
    ]
    assert not {"Kyrgyz", "Tajik", "Uzbek", "Azeri", "Basotho", "Swazi"} & {e.name for e in found}


@pytest.mark.parametrize(
    ("sentence", "person"),
    [
        ("Officials said Sepoy Ravi Prakash Yadav died of his injuries on Monday.",
         "Ravi Prakash Yadav"),
        ("The dead included Lance Corporal Md Rafiqul Hasan, 27, of Rangpur.",
         "Md Rafiqul Hasan"),
        ("Havildar Gurmeet Singh Bhullar was evacuated to Udhampur.", "Gurmeet Singh Bhullar"),
    ],
)  # fmt: skip
def test_the_name_after_a_rank_is_a_person(sentence: str, person: str) -> None:
    found = {e.name: e.type for e in entities_of("News", f"Two soldiers were killed. {sentence}")}
    assert found.get(person) == "PERSON", found


def test_a_rank_before_one_word_or_a_title_makes_no_person() -> None:
    from newsevents.pipeline.entities import _ranked_people
    from newsevents.pipeline.nlp import load_nlp

    doc = load_nlp()("Sepoy Kumar was hurt. A constable Inspector General Rao met.")
    assert list(_ranked_people(doc, [])) == []


def test_a_federal_cabinet_is_no_one_countrys_by_its_words_alone() -> None:
    found = {e.name for e in entities_of(
        "News", "Somalia's federal cabinet met. The federal cabinet declared the deal void."
    )}  # fmt: skip
    assert "Cabinet of Pakistan" not in found


@pytest.mark.parametrize(
    ("sentence", "person"),
    [
        ("Security Secretary Omar García Harfuch said three attackers were killed.",
         "Omar García Harfuch"),
        ("President Andrés Manuel López Obrador said the army would stay.",
         "Andrés Manuel López Obrador"),
    ],
)  # fmt: skip
def test_a_second_surname_ner_left_out_is_part_of_the_name(sentence: str, person: str) -> None:
    assert person in {e.name for e in entities_of("News", sentence)}


def test_a_capitalised_unit_after_a_known_place_is_part_of_its_mention() -> None:
    # The gazetteer knows the city; "X Oblast" is the oblast around it, an entity of its
    # own, and "X Governorate" is written as the place's mention.
    found = {
        e.name: [m.text for m in e.mentions]
        for e in entities_of(
            "News",
            "Shelling in Kharkiv Oblast killed two people on Monday, and a drone hit "
            "Kharkiv itself. Rockets also fell in Aleppo Governorate.",
        )
    }
    assert found["Kharkiv Oblast"] == ["Kharkiv Oblast"]
    assert found["Kharkiv"] == ["Kharkiv"]
    assert ["Aleppo Governorate"] in found.values()


def test_a_bullet_or_a_cut_off_title_is_no_part_of_a_name() -> None:
    # A list's bullet is not the name's first character; "of Foreign Affairs" is what
    # is left of an office once its title word is stripped, no name.
    names = {
        e.name
        for e in entities_of(
            "News", "Supplies reached the camp.\n• Logistics Cluster staff said roads were cut."
        )
    }
    assert "Logistics Cluster" in names
    names = {
        e.name
        for e in entities_of(
            "News",
            "On Monday, the Minister of Foreign Affairs, the Hon. Hugh Hilton Todd, "
            "summoned the envoy.",
        )
    }
    assert names == {"Hugh Hilton Todd"}


def test_a_name_after_in_place_and_a_comma_is_the_role_holder_not_a_second_place() -> None:
    # "<role> in <place>, <Name>, <verb>": an apposition naming who holds the role.
    found = by_name(entities_of("Ambush", (
        "The head of the vigilantes in Kaduna, Musa Adamu, told reporters the bodies were "
        "found at dawn. The UN coordinator in Chad, Teodora Vance, later gave a toll."
    )))  # fmt: skip
    assert found["Musa Adamu"].type == "PERSON"
    assert found["Teodora Vance"].type == "PERSON"
    # A list of places stays a list: "in Kaduna, Zaria and Kafanchan".
    places = by_name(entities_of("Raids", "Gunmen struck in Kaduna, Zaria and Kafanchan."))
    assert {places[n].type for n in ("Kaduna", "Zaria", "Kafanchan")} == {"LOCATION"}


@pytest.mark.parametrize(
    ("body", "types"),
    [
        # A military formation is an organization, named in full.
        ("Brigadier General Tomas Reyes, commander of the 4th Infantry Division, said troops "
         "clashed with rebels. He spoke at the headquarters of the Northern Military District.",
         {"4th Infantry Division": "ORGANIZATION", "Northern Military District": "ORGANIZATION"}),
        # A place keeps dropping its place word from its name.
        ("Gunmen raided a village in Sangu district.", {"Sangu": "LOCATION"}),
        # A name after a named unit and a comma is its region; after an unnamed one, a role.
        ("Rebels ambushed a patrol in Tolikara regency, Highland Papua, on Saturday. Gunmen "
         "raided a camp in Kotile sub-county, Garba Tula, on Monday. The governor of the "
         "province, Yusuf Omar, said the road was closed.",
         {"Highland Papua": "LOCATION", "Garba Tula": "LOCATION", "Yusuf Omar": "PERSON"}),
        # After a named unit too, a name of several words that closes an apposition
        # (", said") is a person.
        ("The acting governor of Tarlow region, Pavel Ostrov, said the shelling went on.",
         {"Tarlow": "LOCATION", "Pavel Ostrov": "PERSON"}),
    ],
)  # fmt: skip
def test_units_and_their_regions_are_typed_by_the_words_around_them(
    body: str, types: dict[str, str]
) -> None:
    found = by_name(entities_of("News", body))
    assert {name: found[name].type for name in types} == types


def test_a_known_group_after_another_countrys_name_is_another_organization() -> None:
    found = by_name(entities_of(
        "Toll rises",
        "The Uganda People's Defence Force gave a toll of 19 dead. In Myanmar, the "
        "Myanmar People's Defence Force said it had captured a town.",
    ))  # fmt: skip
    assert found["Uganda People's Defence Force"].type == "ORGANIZATION"
    assert "Uganda" in found
    # Myanmar's own group, named with its country, is still the one the gazetteer knows.
    pdf = found["People's Defence Force (Myanmar)"]
    assert [m.text for m in pdf.mentions] == ["People's Defence Force"]


def test_an_institutions_name_ner_split_at_its_preposition_is_one_name() -> None:
    found = by_name(entities_of(
        "Prison deaths",
        "Since 2021, more than 460 inmates have died, according to the Permanent Committee "
        "for the Defense of Human Rights.",
    ))  # fmt: skip
    assert "Permanent Committee for the Defense of Human Rights" in found
    assert "Permanent Committee" not in found and "Defense of Human Rights" not in found


def test_two_countries_institutions_of_one_name_are_two_entities() -> None:
    found = by_name(entities_of(
        "Convoy ambushed",
        "Niger's defence ministry said 10 soldiers were killed. Russia's defence ministry "
        "has not commented.",
    ))  # fmt: skip
    niger, russia = found["Ministry of Defence (Niger)"], found["Ministry of Defence (Russia)"]
    assert niger.entity_id != russia.entity_id
    assert [m.start for m in niger.mentions] != [m.start for m in russia.mentions]


def test_a_name_an_acronym_defines_is_whole_and_one_entity_with_it() -> None:
    """NER cuts "the Joint Council on Lakeland Security (JOCOLS)" at "on"; the acronym's
    definition gives the whole name, and the acronym is the same organization."""
    found = by_name(entities_of(
        "Ultimatum issued",
        "The Joint Council on Lakeland Security (JOCOLS), an umbrella body of civic groups, "
        "gave the government a 24-hour ultimatum. JOCOLS said it would call a strike.",
    ))  # fmt: skip
    council = found["Joint Council on Lakeland Security"]
    assert [m.text for m in council.mentions][:2] == [
        "Joint Council on Lakeland Security",
        "JOCOLS",
    ]
    assert "JOCOLS" not in found and "Joint Council" not in found
    # A definition that joins two names ("X and the Y (ACR)") lengthens neither.
    found = by_name(entities_of(
        "Talks",
        "The commander met leaders of the Lumo Farmers Union and the Kesso Herders "
        "Association of Ruvania (KEHAR) in Lobo.",
    ))  # fmt: skip
    assert not [name for name in found if " and " in name]


def test_a_name_run_on_through_and_into_another_noun_s_modifier_is_cut() -> None:
    # "the Assam Rifles and State police": the state's police are another force.
    found = by_name(entities_of(
        "Operations",
        "In Jiribam, where the Assam Rifles and State police had launched combing "
        "operations, shops stayed shut.",
    ))  # fmt: skip
    assert "Assam Rifles and State" not in found
    assert found["Assam Rifles"].type == "ORGANIZATION"
    kept = by_name(entities_of("Aid", "Troops from Bosnia and Herzegovina joined the mission."))
    assert "Bosnia and Herzegovina" in kept


def test_where_forces_or_people_were_moved_to_is_a_place() -> None:
    found = by_name(entities_of(
        "Deployment",
        "Additional troops have been deployed to Bassa and Bokkos. Hundreds of families "
        "fled to Tarmuk after the raid. The governor sent a letter to Amina Bello.",
    ))  # fmt: skip
    assert {n: found[n].type for n in ("Bassa", "Bokkos", "Tarmuk")} == dict.fromkeys(
        ("Bassa", "Bokkos", "Tarmuk"), "LOCATION"
    )
    assert found["Amina Bello"].type == "PERSON"


def test_an_ordinary_word_capitalized_by_its_line_s_opening_names_no_one() -> None:
    """A live blog's entry headings ("09:15 GMT - Convoys head south"): NER takes the
    clock and the first word for an organization; the word is a verb or an adjective the
    model's lexicon knows, capitalized only because it opens the line."""
    found = by_name(entities_of(
        "Live: families return to the border villages",
        "09:15 GMT - Convoys head south\nFamilies drove towards Marjayoun at dawn.\n\n"
        "08:00 GMT - Welcome to our live coverage\nTroops stayed in five positions.\n\n"
        "Britain's Jeremy Hunt met the envoy. Hunt told reporters the talks had failed.",
    ))  # fmt: skip
    assert "Convoys" not in found and "Welcome" not in found
    # A word that is also a name, where the text gives it as one elsewhere, stays.
    assert [m.text for m in found["Jeremy Hunt"].mentions] == ["Jeremy Hunt", "Hunt"]
    assert "Marjayoun" in found


def test_a_name_in_apposition_after_an_office_of_a_body_is_a_person() -> None:
    """ "the head of the Odesa Regional Military Administration, Oleh Kiper, said": NER
    tags the name an organization, after the body; the office before says who it is."""
    found = by_name(entities_of(
        "Missile strike on Odesa",
        "The toll rose to 20, the head of the Odesa Regional Military Administration, Oleh "
        "Kiper, said on Telegram. Seven died, the mayor of the city, Ihor Terekhov, said.",
    ))  # fmt: skip
    assert found["Oleh Kiper"].type == "PERSON"
    assert found["Ihor Terekhov"].type == "PERSON"
    assert found["Odesa Regional Military Administration"].type == "ORGANIZATION"


def test_two_acronyms_a_hyphen_joins_are_one_name_unless_each_is_known() -> None:
    """ "the Tuareg alliance CSP-DPA": NER splits the name at its hyphen; the whole is
    the name. Two known actors so joined ("NATO-EU cooperation") stay two."""
    found = by_name(entities_of(
        "Alliance claims ambush",
        "The Tuareg separatist alliance CSP-DPA said it killed 47 soldiers. The CSP-DPA "
        "later denied it. NATO-EU cooperation grew.",
    ))  # fmt: skip
    assert [m.text for m in found["CSP-DPA"].mentions] == ["CSP-DPA", "CSP-DPA"]
    assert "CSP" not in found and "DPA" not in found
    assert "NATO" in found and "European Union" in found


def test_a_known_name_that_ends_a_person_s_name_is_that_person() -> None:
    """ "Foreign Minister Thérèse Kayikwamba Wagner": NER's person, not the Wagner Group
    the gazetteer knows; her bare surname later is her too, but "Wagner fighters" are
    the group's."""
    found = by_name(entities_of(
        "Congo accuses Rwanda",
        "Foreign Minister Thérèse Kayikwamba Wagner said the attack violated the truce. "
        "Wagner called on the Security Council to act.",
    ))  # fmt: skip
    person = found["Thérèse Kayikwamba Wagner"]
    assert person.type == "PERSON"
    assert [m.text for m in person.mentions] == ["Thérèse Kayikwamba Wagner", "Wagner"]
    assert "Wagner Group" not in found
    found = by_name(entities_of(
        "Mercenaries leave",
        "Foreign Minister Thérèse Kayikwamba Wagner spoke. Wagner fighters left Mali.",
    ))  # fmt: skip
    assert "Wagner Group" in found and "Thérèse Kayikwamba Wagner" in found


def test_a_name_before_a_lowercase_department_is_a_place() -> None:
    """Haiti's, Colombia's or Peru's departments are places ("the Artibonite
    department"); a capitalized Department, or a fire department, is an office."""
    found = by_name(entities_of(
        "Gang attack",
        "Gunmen attacked a town in the Artibonite department on Thursday. The Homeland "
        "Security Department said. Rebels also hit the Cauca department.",
    ))  # fmt: skip
    assert found["Artibonite department"].type == "LOCATION"
    assert (found.get("Cauca department") or found["Cauca"]).type == "LOCATION"
    assert found["Homeland Security Department"].type == "ORGANIZATION"


def test_a_name_ending_in_an_institution_word_is_an_organization_and_keeps_its_first_words() -> (
    None
):
    """NER reads "Debre Markos Comprehensive Specialized Hospital" as "Markos ...
    Hospital", a person: a hospital is an institution (as the dev gold types it), and
    the proper noun NER left out before it is part of its name; an airport is a place."""
    found = by_name(entities_of(
        "Wounded brought to hospital",
        "An official at Debre Markos Comprehensive Specialized Hospital said dozens had "
        "been admitted. A cargo plane landed at Tinzaouaten Airport on Monday.",
    ))  # fmt: skip
    assert found["Debre Markos Comprehensive Specialized Hospital"].type == "ORGANIZATION"
    assert found["Tinzaouaten Airport"].type == "LOCATION"


def test_a_name_after_a_senior_rank_is_the_person_not_the_office_before_it() -> None:
    """NER runs "Chief of Defence Staff General Bipin Rawat" into one organization from
    the office; the name after the rank is the person."""
    found = by_name(entities_of(
        "Chiefs meet",
        "Defence Minister Rajnath Singh met Chief of Defence Staff General Bipin Rawat on "
        "Tuesday. The UN General Assembly will vote on Friday.",
    ))  # fmt: skip
    assert found["Bipin Rawat"].type == "PERSON"
    assert not [name for name in found if "Defence Staff" in name]


def test_a_feast_day_is_no_entity() -> None:
    found = by_name(entities_of(
        "Churches bombed",
        "Gunmen attacked a church in Kaduna on Easter Sunday, killing four worshippers. "
        "A market in Kabul was bombed during Ramadan.",
    ))  # fmt: skip
    assert not {"Easter Sunday", "Easter", "Ramadan"} & set(found)
    assert "Kaduna" in found


def test_a_name_before_a_kind_of_school_or_hospital_names_the_institution() -> None:
    """ "Lhubiriha secondary school": NER reads "Lhubiriha" as a person; the facility
    word after a kind word says it is the school's name."""
    found = by_name(entities_of(
        "School attacked",
        "Rebels raided Lhubiriha secondary school in Mpondwe on Friday night. The wounded "
        "were taken to Bwera general hospital.",
    ))  # fmt: skip
    assert found["Lhubiriha secondary school"].type == "ORGANIZATION"
    assert "Lhubiriha" not in found


@pytest.mark.parametrize(
    ("body", "office"),
    [
        ("The Sonora Attorney General's Office said the suspects were detained.",
         "Sonora Attorney General's Office"),
        ("A spokesman for the Prime Minister's Office declined to comment on Monday.",
         "Prime Minister's Office"),
        ("The Prosecutor General's Office opened a criminal case on Tuesday.",
         "Prosecutor General's Office"),
    ],
)  # fmt: skip
def test_the_office_of_a_title_holder_is_one_organization(body: str, office: str) -> None:
    found = by_name(entities_of("News", body))
    assert found[office].type == "ORGANIZATION"
    # No piece of it is a name of its own.
    assert not [n for n in found if n != office and n in office]


@pytest.mark.parametrize(
    ("body", "place"),
    [
        ("The two border chiefs met at the Kyzyl-Bel checkpoint on Friday.", "Kyzyl-Bel"),
        ("Shells landed in Dand-e-Patan district on Thursday.", "Dand-e-Patan"),
        ("Fighting erupted in Haute-Kotto prefecture on Monday.", "Haute-Kotto"),
    ],
)
def test_a_place_name_is_not_cut_at_its_hyphen(body: str, place: str) -> None:
    found = by_name(entities_of("News", body))
    assert place in found
    assert not [n for n in found if n != place and n in place]


def test_two_names_joined_by_a_hyphen_stay_two() -> None:
    found = by_name(entities_of("News", "Shelling resumed on the Armenia-Azerbaijan border."))
    assert {"Armenia", "Azerbaijan"} <= set(found)
    assert "Armenia-Azerbaijan" not in found


def test_a_foreign_ministry_is_its_country_s_ministry_of_foreign_affairs() -> None:
    found = by_name(entities_of(
        "News",
        "Tajikistan's Foreign Ministry rejected the accusations on Friday. Russia's Foreign "
        "Ministry spokeswoman Maria Zakharova urged restraint.",
    ))  # fmt: skip
    assert found["Ministry of Foreign Affairs (Tajikistan)"].type == "ORGANIZATION"
    # Another country's ministry of the same name stays apart.
    assert "Ministry of Foreign Affairs (Russia)" in found


def test_a_short_form_the_text_defines_is_a_mention_of_its_long_form() -> None:
    found = by_name(entities_of(
        "News",
        "Lt. Col. Dinar Arabe, spokesperson of the Army's 8th Infantry Division (8ID), said "
        "troops were on patrol. The 8ID said in a statement that one rebel was killed.",
    ))  # fmt: skip
    division = found["8th Infantry Division"]
    assert [m.text for m in division.mentions].count("8ID") == 2


def test_a_short_form_the_text_defines_is_what_it_says_not_the_gazetteer_s() -> None:
    found = by_name(entities_of(
        "News",
        "A self-styled general of the Ambazonia Defence Forces (ADF), one of the main "
        "separatist militias, claimed the attack. The ADF said its fighters had killed four "
        "soldiers.",
    ))  # fmt: skip
    assert "Allied Democratic Forces" not in found  # the gazetteer's ADF
    assert [m.text for m in found["Ambazonia Defence Forces"].mentions].count("ADF") == 2


def test_a_dateline_credit_in_brackets_defines_no_short_form() -> None:
    """ "Addis Ababa (AFP) -": the agency's credit, not a short form of the place."""
    found = by_name(entities_of(
        "News",
        "Addis Ababa (AFP) - A drone strike hit a market on Sunday, witnesses told AFP.",
    ))  # fmt: skip
    assert not [m for m in found["Addis Ababa"].mentions if m.text == "AFP"]


@pytest.mark.parametrize(
    ("body", "places"),
    [
        ("Gunfire on the Karnali-Bheri border killed two herders.", {"Karnali", "Bheri"}),
        ("Bandits attacked lorries on the Dikwa-Marte-Rann road.", {"Dikwa", "Marte", "Rann"}),
    ],
)
def test_names_a_hyphen_joins_before_a_border_or_a_road_are_places_each(
    body: str, places: set[str]
) -> None:
    found = by_name(entities_of("News", body))
    assert places <= set(found)
    assert all(found[p].type == "LOCATION" for p in places)
    assert not any("-" in name for name in found)


def test_a_hyphened_place_name_stays_whole() -> None:
    found = by_name(entities_of("News", "Rebels attacked a convoy in the Haute-Kotto prefecture."))
    assert "Haute-Kotto" in found


def test_a_name_before_party_or_movement_is_a_body_and_home_minister_a_title() -> None:
    found = by_name(entities_of("News", "Voters backed Ana Silva of the ruling Tembo party."))
    assert found["Tembo"].type == "ORGANIZATION"
    found = by_name(
        entities_of("News", "Two died in Kolpur in Sarda district. Home Minister Ravi Lal quit.")
    )
    assert "Home" not in found and found["Ravi Lal"].type == "PERSON"


def test_a_region_owns_its_ministry_and_a_capital_stands_for_its_state() -> None:
    found = by_name(
        entities_of(
            "News",
            "Ingushetia's health ministry said nine people were wounded. Baku's foreign "
            "ministry rejected the claim.",
        )
    )
    assert "Ministry of Health (Ingushetia)" in found
    assert "Ministry of Foreign Affairs (Azerbaijan)" in found
    # An owner no one names: no name to give it.
    assert not any("Ministry" in name for name in by_name(
        entities_of("News", "The country's health ministry said nine people were wounded.")
    ))  # fmt: skip


def test_a_spokesman_title_after_a_body_is_no_part_of_its_name() -> None:
    found = by_name(
        entities_of("News", "The Zambian Defence Force Spokesman said four soldiers died.")
    )
    assert not any(name.endswith("Spokesman") for name in found)
    assert any("Defence Force" in name and e.type == "ORGANIZATION" for name, e in found.items())


def test_a_un_office_named_alone_or_for_a_country_is_a_title_not_a_body() -> None:
    found = by_name(
        entities_of(
            "News of the day",
            "The Humanitarian Coordinator for Chad condemned the attack, expressed "
            "condolences to the families of the victims and called for the release of those "
            "abducted.",
        )
    )
    assert not any("Coordinator" in name or "Rapporteur" in name for name in found)


def test_a_name_ner_ran_on_into_the_next_sentence_ends_at_the_stop() -> None:
    found = by_name(
        entities_of(
            "News of the day",
            "Defence Minister Tarek Haddad wrote on X. He said the army would respond. "
            "Police in the U.S. The army said.",
        )
    )
    assert not any(". " in name for name in found)


def test_a_ministry_of_the_republic_of_a_country_is_that_countrys() -> None:
    found = by_name(
        entities_of("News of the day", "The Ministry of Defence of the Republic of Moldova said.")
    )
    assert "Ministry of Defence (Moldova)" in found


def test_the_place_a_dateline_names_in_capitals_is_a_location() -> None:
    found = by_name(
        entities_of(
            "Troops accused of killings",
            "KOLVANI, Tarsia (AP) — Soldiers executed about 40 villagers, a rights group said.",
            dateline="Kolvani",
        )
    )
    assert found["Kolvani"].type == "LOCATION"
    assert [m.text for m in found["Kolvani"].mentions] == ["KOLVANI"]


def test_a_surname_the_tagger_reads_as_a_common_word_is_the_person_named_before() -> None:
    """ "President Donald Trump ... Trump said": NER tags the second "Trump" an
    organization and the tagger a noun (the word "trump"); it is the surname of the
    person named in full before. A common word opening a sentence stays no one."""
    found = entities_of(
        "Boats",
        "President Donald Trump said the boat had left Venezuela. Trump said 11 members of "
        "the gang were killed. Reports said the boat sank.",
    )
    people = {e.name: [m.text for m in e.mentions] for e in found if e.type == "PERSON"}
    assert people == {"Donald Trump": ["Donald Trump", "Trump"]}
    assert not any(e.name == "Reports" for e in found)
