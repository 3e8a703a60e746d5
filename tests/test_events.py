"""Stage `events`: PLOVER types from the trigger lexicon, actors from the parse,
absolute dates from relative words, one event per real occurrence."""

import datetime as dt

import pytest

from newsevents.pipeline.document import Draft, RawDocument
from newsevents.pipeline.entities import extract_entities
from newsevents.pipeline.events import extract_events
from newsevents.pipeline.nlp import parse
from newsevents.schema import Event
from newsevents.temporal.timex import resolve

MONDAY = dt.date(2024, 1, 29)


def events_of(
    title: str, body: str, published: dt.date | None = MONDAY
) -> tuple[list[Event], dict[str, str]]:
    doc = RawDocument("t", "t.txt", None, f"{title}\n\n{body}")
    (draft,) = parse([Draft(doc, title=title, body=body, published_date=published)])
    draft = extract_events(extract_entities(draft))
    names = {e.entity_id: e.name for e in draft.entities}
    for event in draft.events:
        assert draft.text[event.evidence.start : event.evidence.end] == event.evidence.text
    return list(draft.events), names


@pytest.mark.parametrize(
    ("words", "published", "expected"),
    [
        ("on Tuesday", MONDAY, (dt.date(2024, 1, 23), "day")),
        ("Monday", MONDAY, (MONDAY, "day")),  # the latest Monday on or before
        ("January 16", MONDAY, (dt.date(2024, 1, 16), "day")),
        ("in December", MONDAY, (dt.date(2023, 12, 1), "month")),
        ("last week", MONDAY, (dt.date(2024, 1, 22), "week")),
        ("yesterday", MONDAY, (dt.date(2024, 1, 28), "day")),
        ("on Tuesday", None, None),  # no publication date: never invented
        ("January 16, 2024", None, (dt.date(2024, 1, 16), "day")),
        ("the same week", MONDAY, None),
        # "ago today" pins the day itself.
        ("two weeks ago", MONDAY, (dt.date(2024, 1, 15), "week")),
        ("two weeks ago today", MONDAY, (dt.date(2024, 1, 15), "day")),
        ("a year ago today", MONDAY, (dt.date(2023, 1, 29), "day")),
    ],
)
def test_resolve_dates(words: str, published: dt.date | None, expected) -> None:  # type: ignore[no-untyped-def]
    resolved = resolve(words, published=published)
    assert (None if resolved is None else (resolved.date, resolved.precision)) == expected


def test_an_event_told_weeks_ago_today_is_dated_to_that_day() -> None:
    events, _ = events_of(
        "Protest anniversary",
        "Two weeks ago today, police opened fire on protesters outside the parliament.",
    )
    assert [(e.date, e.date_precision) for e in events] == [(dt.date(2024, 1, 15), "day")]


def test_the_day_an_act_to_come_was_announced_is_read_as_past() -> None:
    """ "announced late on Wednesday that the bloc would send troops": Wednesday is the
    announcement's, before the report, not the Wednesday to come."""
    events, _ = events_of(
        "Bloc to send troops",
        "Chad's president announced late on Wednesday that the army would send troops to "
        "the border.",
    )
    assert [e.date for e in events if e.type == "MOBILIZE"] == [dt.date(2024, 1, 24)]


def test_two_days_later_counts_from_the_event_it_follows() -> None:
    assert resolve(
        "two days later", published=MONDAY, previous=dt.date(2024, 1, 16)
    ).date == dt.date(2024, 1, 18)  # type: ignore[union-attr]


def test_pledge_with_actors_and_weekday() -> None:
    events, names = events_of(
        "Iran, Pakistan agree to ease tensions",
        "Pakistan and Iran pledged Monday to improve dialogue and swap liaison officers.",
    )
    (agree,) = [e for e in events if e.type == "AGREE"]
    assert agree.date == MONDAY and agree.date_precision == "day" and agree.date_text == "Monday"
    assert {names[a] for a in agree.actors} == {"Pakistan", "Iran"}
    assert agree.status == "occurred"


def test_one_strike_mentioned_three_times_is_one_event() -> None:
    events, names = events_of(
        "Iranian strikes hit Balochistan",
        "Iran launched missile and drone strikes on two bases of Jaish al-Adl in Pakistan's "
        "Balochistan province on January 16. Pakistan condemned the Iranian strikes. "
        "The strikes in Balochistan were the first of their kind.",
    )
    assaults = [e for e in events if e.type == "ASSAULT"]
    assert len(assaults) == 1
    (strike,) = assaults
    assert strike.date == dt.date(2024, 1, 16) and strike.mode == "aerial"
    assert names[strike.actors[0]] == "Iran"
    assert "Jaish al-Adl" in {names[t] for t in strike.targets}
    assert [e.type for e in events if e.type != "ASSAULT"] == ["ACCUSE"]


def test_two_strikes_by_two_sides_stay_two_events() -> None:
    events, names = events_of(
        "Tit-for-tat strikes",
        "Tehran launched missile attacks on militant bases in Pakistan on January 16, "
        "prompting Pakistan to retaliate with strikes inside Iran on January 18.",
    )
    dated = sorted((e.date, names[e.actors[0]]) for e in events if e.type == "ASSAULT")
    assert dated == [(dt.date(2024, 1, 16), "Tehran"), (dt.date(2024, 1, 18), "Pakistan")]


def test_expected_talks_and_future_weekday() -> None:
    events, _ = events_of(
        "Talks expected",
        "Pakistan and Iran are expected to hold talks over telephone on Friday evening.",
        published=dt.date(2024, 1, 19),
    )
    (talks,) = events
    assert (talks.type, talks.status, talks.date) == ("CONSULT", "expected", dt.date(2024, 1, 19))


def test_no_publication_date_leaves_relative_dates_null() -> None:
    # Friday: no known incident of knowledge/incidents.yaml fits (test_known_dates).
    events, _ = events_of(
        "Strike",
        "Iran struck targets in Pakistan's Balochistan province on Friday.",
        published=None,
    )
    (strike,) = events
    assert (strike.type, strike.date, strike.date_precision, strike.date_text) == (
        "ASSAULT", None, None, "Friday",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("body", "kinds"),
    [
        ("Islamabad recalled its ambassador from Tehran.", ["SANCTION"]),
        ("Iran summoned Pakistan's envoy on Thursday.", ["ACCUSE"]),
        # Convening meetings is a consultation, not a protest.
        ("Kakar summoned separate meetings of Pakistan's federal cabinet.", ["CONSULT"]),
        ("The United States and the United Nations called for calm.", ["REQUEST"]),
        ("China volunteered to mediate between Iran and Pakistan.", ["SUPPORT"]),
        ("Pakistan denied Iran's claim about the strikes.", ["REJECT"]),
        ("Relations between Iran and Pakistan have always been cordial.", []),
        # A pattern of attacks is not one event.
        ("Jaish al-Adl has carried out attacks inside Iran.", []),
        ("Jaish al-Adl has been implicated in multiple attacks on Iranian forces.", []),
        ("The Houthis have attacked ships in the Red Sea since November.", []),
        # What was agreed is the agreement's content, not a second event.
        ("India and Pakistan agreed to a ceasefire on Saturday.", ["AGREE"]),
        ("Iran vowed revenge against Israel.", ["THREATEN"]),
        ("Israel and Hamas exchanged prisoners and hostages on Saturday.", ["RETREAT"]),
        # Written for issue 11's classes: calling an interaction off is a sanction, and
        # what was called off is no second event.
        ("Kenya cancelled the Somali foreign minister's visit to Nairobi.", ["SANCTION"]),
        ("Niger severed diplomatic relations with Ukraine on Tuesday.", ["SANCTION"]),
        ("Chad closed its airspace to flights from Sudan.", ["SANCTION"]),
        # A protest with an object is a diplomatic complaint; a note handed over too.
        ("Vietnam strongly protests the actions of the Chinese coast guard.", ["ACCUSE"]),
        ("Greece handed Turkey a protest note on Monday.", ["ACCUSE"]),
        # A unilateral vow is no agreement; a pledge to cooperate is.
        ("President Ruto vowed to press on with the operation.", []),
        ("Kenya and Ethiopia pledged to strengthen border security cooperation.", ["AGREE"]),
        # An agreement named in passing is not a new one (ending it reduces relations);
        # one signed is.
        ("Relations soured after Mali ended the 2015 peace agreement with Algeria.", ["SANCTION"]),
        ("Armenia and Azerbaijan signed a peace agreement on Friday.", ["AGREE"]),
        # Habits are no single event.
        ("The Shabab regularly carries out bombings in Mogadishu.", []),
        # What a threat threatens is its content, not a second event.
        ("The Houthis threatened to strike ships bound for Israel.", ["THREATEN"]),
        # One statement that condemns and calls on is one act; a summons stays its own.
        (
            "The African Union condemned the raid and called on Sudan to exercise restraint.",
            ["ACCUSE"],
        ),
        ("Iran condemned the raid and summoned Pakistan's envoy.", ["ACCUSE", "ACCUSE"]),
        # Two measures told together stay two; recall and expulsion are one measure.
        (
            "Algeria recalled its ambassador from Bamako and closed its airspace to Malian "
            "flights.",
            ["SANCTION", "SANCTION"],
        ),
        # A hope about what others do is an appeal; talks as a means are no meeting.
        (
            "Kenya hoped the two sides would resolve the dispute "
            "through dialogue and consultation.",
            ["REQUEST"],
        ),
        # A ceasefire concluded on a day is an agreement, with or without its parties.
        ("A ceasefire brokered by Qatar took effect on Monday.", ["AGREE"]),
        # A list of measures on a diplomatic presence is one measure.
        (
            "Cambodia downgraded its relations with Thailand and recalled its ambassador.",
            ["SANCTION"],
        ),
        # What a demand asks for, however deep in the clause, is not an event.
        (
            "Pakistan asked Kabul to prevent the TTP from using Afghan soil to launch attacks.",
            ["REQUEST"],
        ),
        ("Syria downed an Israeli drone near Quneitra on Sunday.", ["ASSAULT"]),
        # A state hit by a condition is no attack.
        ("Zamfara is among the states worst hit by banditry in Nigeria.", []),
        # A deadline's content is not an event.
        (
            "Hezbollah fired rockets on Sunday, a day before the deadline for troops to pull "
            "out of the area.",
            ["ASSAULT"],
        ),
        # "hailed from" is where people come from, not praise.
        ("The soldiers, who hailed from Kano, were buried in Abuja.", []),
        # Abductions are assaults, named as such whatever the weapon.
        ("Gunmen abducted 20 passengers from a bus in Zamfara on Friday.", ["ASSAULT"]),
        # Armed sides clash with or without "with"; ministers clashing argue.
        ("Kelbani and Ordavi troops clashed at the border on Friday.", ["ASSAULT"]),
        ("Rebels and soldiers clashed near Ordavi on Friday.", ["ASSAULT"]),
        ("The two ministers clashed over the budget on Friday.", []),
        # People seized are abducted; weapons seized are not.
        ("The engineers were seized on Friday by fighters of the Kelbani Front.", ["ASSAULT"]),
        ("Gunmen seized 12 fishermen off Ordavi on Friday.", ["ASSAULT"]),
        ("Customs officers seized 12 tonnes of fertiliser in Ordavi on Friday.", []),
        # The reporter's request for comment is no appeal.
        ("Sudan's army did not respond to a request for comment.", []),
        ("Sudan's army rejected a request for talks.", ["REJECT"]),
        # Calling talks off is a sanction; calling a truce off renounces it; "called on"
        # stays an appeal.
        ("Chad called off talks with Sudan on Tuesday.", ["SANCTION"]),
        ("The TTP called off its ceasefire with Pakistan on Friday.", ["REJECT"]),
        # Ending a truce renounces it; ending the attacks is a retreat.
        ("The Kachin army ended its truce with the junta on Friday.", ["REJECT"]),
        ("The Kachin army ended its attacks on the junta on Friday.", ["RETREAT"]),
        ("The Kachin army and the junta observed the truce on Friday.", ["RETREAT"]),
        # Asking an official to step down is a request, not the official's retreat.
        ("Sirisena asked police chief Pujith Jayasundara to step down.", ["REQUEST"]),
        # Suspending military operations is a retreat; an airline's are no one's fighting.
        ("The Kachin army suspended military operations against the junta on Friday.", ["RETREAT"]),
        ("The airline suspended operations at Myitkyina airport on Friday.", []),
        ("Chad called on Sudan to halt the shelling.", ["REQUEST"]),
        # What a place hosts is no meeting; hosting talks is.
        (
            "The airfield, which hosts the US military's Camp Lemonnier, was shelled on Friday.",
            ["ASSAULT"],
        ),
        ("The airfield, which hosts a US air base, was shelled on Friday.", ["ASSAULT"]),
        # Meeting resistance or a deadline is no meeting.
        ("Rwanda's army met little resistance in Goma on Monday.", []),
        ("Rwanda's foreign minister met Congo's president in Goma on Monday.", ["CONSULT"]),
        # "have killed or wounded ... since": the second verb is as habitual as the first.
        ("Since the war ended in 2020, landmines have killed or wounded 300 people.", []),
        # A figure summed over a year, or a running total, is no one attack.
        ("Nearly 300 soldiers were killed in militant attacks across Pakistan in 2022.", []),
        ("Boko Haram attacks killed 300 people in Nigeria last year.", []),
        ("Nearly 2,000 people were killed in political violence in Chad in 2024.", []),
        ("The insurgency killed 500 people in Chad last year.", []),
        ("In 2019, a suicide bomber killed 40 soldiers in Pulwama, India.", ["ASSAULT"]),
        ("Russian attacks killed five people in Kharkiv overnight.", ["ASSAULT"]),
        # Fighting after "of" is none ("an outbreak of fighting", "cessation of
        # hostilities") unless a day of its own names it.
        ("Accounts differ on the scale of Sunday's fighting near Dano.", ["ASSAULT"]),
        ("Accounts differ on the scale of the fighting near Dano.", []),
        # Within a running total, an attack told with its own time is one occurrence.
        (
            "Thirty people have been killed since clashes began in May, including four "
            "herders who were shot near Ordavi on Tuesday.",
            ["ASSAULT"],
        ),
        ("Mines have killed 300 people since 2020, including 12 who were killed in 2023.", []),
        # An alignment an accusation alleges is its content, not a second event; an
        # accused attack is still told as one.
        # A police or military operation is an armed action; a surgeon's is not.
        ("The death toll from Tuesday's police operation in Penha rose to 121.", ["ASSAULT"]),
        ("Doctors said Monday's operation on the minister was a success.", []),
        ("Chad accuses Niger of siding with the rebels.", ["ACCUSE"]),
        ("Chad accused Niger of supplying weapons to the rebels.", ["ACCUSE"]),
        ("Chad accused Niger of shelling its border posts on Monday.", ["ACCUSE", "ASSAULT"]),
        ("Niger sided with the rebels on Monday.", ["SUPPORT"]),
        # A warning told as a participle of an order is still a threat; the order is no
        # "deadline"-like noun whose clause is only intended.
        (
            "Chad ordered the strikes on Saturday, warning Sudan that it would pay.",
            ["ASSAULT", "THREATEN"],
        ),
        # A vow of punishment told as a clause threatens as "vowed to punish" does.
        ("The Kachin army vowed that those responsible would be punished.", ["THREATEN"]),
        ("The Kachin army vowed that aid deliveries would continue.", []),
        # What a speaker calls an act is no second act, and he is not its doer.
        ("Chad's president condemned the shelling as murder on Monday.", ["ACCUSE"]),
        ("Chad's president described the raid as a massacre.", []),
        # "told X that ..." reports; "told X to ..." asks.
        ("Chad's president told reporters that police would arrest the gunmen.", []),
        ("Chad's president told Sudan to arrest the gunmen.", ["REQUEST"]),
        # A vow to retaliate threatens; the retaliation is its content, no attack.
        ("Chad vowed on Tuesday to retaliate against Sudan.", ["THREATEN"]),
        # Proscribing a group sanctions it; designating a zone or a commander does not.
        ("Kenya designated the Ordavi Brigade a terrorist organisation on Monday.", ["SANCTION"]),
        ("Kenya proscribed the Ordavi Brigade on Monday.", ["SANCTION"]),
        ("Kenya redesignated the Ordavi Brigade a terrorist group on Monday.", ["SANCTION"]),
        # "on" read as a particle ("has called on all parties") still makes an appeal.
        ("The African Union has called on all parties to exercise restraint.", ["REQUEST"]),
        ("Kenya designated Lamu a security zone on Monday.", []),
        # A state of emergency declared coerces; lifted, it eases; "the state of" other
        # things is nothing.
        ("Chad declared a state of emergency in the east on Monday.", ["COERCE"]),
        ("Chad lifted the state of emergency in the east on Monday.", ["RETREAT"]),
        ("Chad declared the state of the economy a priority.", []),
        # A chargé d'affaires recalled is a diplomat recalled.
        ("Iraq recalled its chargé d'affaires from Ankara on Monday.", ["SANCTION"]),
        # Suspending a treaty or visas reduces relations.
        ("Kenya suspended the fisheries treaty with Somalia on Monday.", ["SANCTION"]),
        ("Chad on Monday suspended visas for Sudanese nationals.", ["SANCTION"]),
        # An object the lexicon lists as two words: "the curfew hours".
        ("Ghana's Interior Ministry extended the curfew hours in Bawku on Monday.", ["COERCE"]),
        ("Ghana's Interior Ministry extended the opening hours in Bawku on Monday.", []),
        # A recall told as an order to return, the envoy named with his title.
        ("Kenya on Monday ordered Ambassador John Mwangi to return to Nairobi.", ["SANCTION"]),
        ("Kenya recalled Ambassador John Mwangi on Monday.", ["SANCTION"]),
        ("The court ordered the ambassador to pay damages on Monday.", []),
        # Bombs dropped are an air attack; leaflets or charges dropped are not.
        ("A fighter jet dropped two bombs on a village near Kindu on Monday.", ["ASSAULT"]),
        ("Helicopters dropped barrel bombs on Kindu on Monday.", ["ASSAULT"]),
        ("Planes dropped leaflets over Kindu on Monday.", []),
        ("Prosecutors dropped the charges against the general on Monday.", []),
        # An encounter that breaks out is a gunfight; one with a minister is not.
        ("An encounter broke out between police and militants in Kindu on Monday.", ["ASSAULT"]),
        ("The minister described his encounter with the envoy as cordial.", []),
        # Calling an attack names is a condemnation; a justification or a phone call is
        # none.
        ("Nigeria's president called the attack a war crime on Monday.", ["ACCUSE"]),
        ("Nigeria's president called the police on Monday.", []),
        # The noun of exchanging fire; prisoners exchanged are no attack.
        ("An exchange of fire broke out near Kindu on Monday.", ["ASSAULT"]),
        ("An exchange of views took place in Kindu on Monday.", []),
    ],
)
def test_trigger_types(body: str, kinds: list[str]) -> None:
    events, _ = events_of("News", body)
    assert [e.type for e in events] == kinds


def test_a_definite_description_refers_back_to_the_named_actor() -> None:
    events, names = events_of(
        "Militia warns army",
        "The Popular Defence Militia seized two villages near the river on Sunday. In a "
        "statement on Monday, the militia threatened the army with more attacks.",
    )
    threat = next(e for e in events if e.type == "THREATEN")
    assert [names[a] for a in threat.actors] == ["Popular Defence Militia"]


def test_an_event_recalled_from_last_year_is_background() -> None:
    events, _ = events_of(
        "Rebels shell the capital again",
        "Rebels shelled Khartoum on Sunday, killing four people. The Rapid Support Forces "
        "had attacked the city on 12 May 2023, killing dozens.",
        published=dt.date(2024, 5, 20),
    )
    mentions = {e.date: e.mention for e in events if e.type == "ASSAULT"}
    assert mentions == {dt.date(2024, 5, 19): "new", dt.date(2023, 5, 12): "background"}


def test_an_event_the_main_clause_is_timed_against_is_not_its_subjects() -> None:
    events, names = events_of(
        "News", "Hours after the strikes on Juba, Kenya's foreign ministry announced a ceasefire."
    )
    strikes = next(e for e in events if e.trigger == "strikes")
    assert strikes.actors == []
    ceasefire = next(e for e in events if e.trigger == "ceasefire")
    assert [names[a] for a in ceasefire.actors] == ["Kenya", "Ministry of Foreign Affairs (Kenya)"]


def test_a_clause_on_the_subject_names_no_actor() -> None:
    events, names = events_of(
        "News", "Israel's strikes targeting Hezbollah commanders on Monday killed 12 people."
    )
    (strike,) = events
    assert [names[a] for a in strike.actors] == ["Israel"]


def test_who_carried_out_the_event_victims_fell_in_is_its_actor() -> None:
    events, names = events_of(
        "News",
        "Three people were killed in an RSF assault on the Zamzam camp on Sunday, the "
        "Rapid Support Forces' critics said.",
    )
    (killed,) = events
    assert [names[a] for a in killed.actors] == ["Rapid Support Forces"]


def test_the_one_accused_of_an_act_did_it() -> None:
    events, names = events_of(
        "News", "Sudan's army accused the Rapid Support Forces of shelling El Fasher on Sunday."
    )
    shelling = next(e for e in events if e.type == "ASSAULT")
    assert [names[a] for a in shelling.actors] == ["Rapid Support Forces"]


def test_a_capital_the_gazetteer_lacks_acts_for_its_state_when_alone() -> None:
    events, names = events_of(
        "News", "Bangkok recalled its ambassador from Phnom Penh on Saturday."
    )
    (recalled,) = events
    assert (recalled.type, [names[a] for a in recalled.actors]) == ("SANCTION", ["Bangkok"])


def test_a_dateline_capital_is_no_actor_beside_the_one_who_acts() -> None:
    events, names = events_of(
        "News",
        "HARARE, Sep 18 (Reuters) - Zimbabwe's President Emmerson Mnangagwa on Wednesday "
        "suspended talks with the opposition.",
    )
    suspended = next(e for e in events if e.trigger == "suspended")
    assert "Harare" not in [names[a] for a in suspended.actors]


@pytest.mark.parametrize(
    "later",
    ["Saturday's attack killed five soldiers.", "The attack on Saturday killed five soldiers."],
)
def test_a_definite_attack_that_kills_is_the_attack_told_before(later: str) -> None:
    events, _ = events_of(
        "News", f"Rebels attacked an army base in Kayes, the army said.\n\n{later}"
    )
    (attack,) = [e for e in events if e.type == "ASSAULT"]
    assert attack.date == dt.date(2024, 1, 27)


def test_a_definite_attack_on_another_day_stays_another_attack() -> None:
    events, _ = events_of(
        "News",
        "Rebels attacked an army base in Kayes on Friday, the army said.\n\n"
        "The attack on Saturday killed five soldiers.",
    )
    days = sorted(e.date for e in events if e.type == "ASSAULT" and e.date)
    assert days == [dt.date(2024, 1, 26), dt.date(2024, 1, 27)]


def test_a_finite_verb_hung_on_a_root_subject_still_has_its_subject() -> None:
    # The small model parses "The UN secretary general, X," as the root and "called"
    # as a clause on it.
    events, names = events_of(
        "News",
        "The UN secretary general, António Guterres, called for calm and for the rebels "
        "to allow aid convoys through.",
    )
    (called,) = events
    assert called.type == "REQUEST"
    assert "António Guterres" in [names[a] for a in called.actors]


def test_a_for_to_clause_is_what_is_wanted_not_an_event() -> None:
    events, _ = events_of(
        "News",
        "The UN secretary general, António Guterres, called for restraint and for the RSF "
        "to allow humanitarian access to the city.",
    )
    assert [e.type for e in events] == ["REQUEST"]


def test_a_wire_datelines_place_and_agency_play_no_role() -> None:
    events, names = events_of(
        "News",
        "TILLABERI, March 3 (Xinhua) -- At least nine soldiers were killed on Sunday in an "
        "ambush near the border, the army said.",
    )
    (killed,) = events
    assert not {names[e] for e in killed.actors + killed.targets} & {"Xinhua News Agency"}


def test_the_speaker_is_not_the_doer_of_a_passive_told_in_two_verbs() -> None:
    events, names = events_of(
        "News",
        "The militants were spotted near Gao and neutralized in airstrikes, the Malian "
        "defence ministry said on Sunday.",
    )
    for event in events:
        assert not [names[a] for a in event.actors if "Ministry" in names[a]]


@pytest.mark.parametrize(
    ("title", "kinds"),
    [
        # The parser takes a headline's "Urges" for a name; its complement is still the
        # content of a demand, no retreat.
        ("Kenya Urges Somalia to Pull Back Troops From Border Town", ["REQUEST"]),
        ("Chad Warns Sudan to Stop Shelling Border Towns", ["REQUEST"]),
    ],
)
def test_a_headline_demands_content_is_no_event(title: str, kinds: list[str]) -> None:
    events, _ = events_of(title, "Chad on Monday called on Sudan to withdraw its troops.")
    assert sorted({e.type for e in events}) == kinds


def test_a_headline_that_tells_a_retreat_keeps_it() -> None:
    events, _ = events_of("Sudan Pulls Back Troops From Border", "Sudan withdrew troops on Monday.")
    assert [e.type for e in events] == ["RETREAT"]


def test_statements_of_different_people_are_different_acts() -> None:
    # Both speak for one country; each condemnation is its own act.
    events, _ = events_of(
        "News",
        "Chief Minister Sarfraz Bugti condemned the attack in Kalat on Saturday. "
        "Prime Minister Shehbaz Sharif also condemned the killings.",
    )
    assert [e.type for e in events if e.type != "ASSAULT"] == ["ACCUSE", "ACCUSE"]
    # One person's condemnation told twice is one act.
    events, _ = events_of(
        "News",
        "Prime Minister Shehbaz Sharif condemned the attack in Kalat on Saturday. "
        "Sharif condemned the killings in a statement.",
    )
    assert [e.type for e in events if e.type != "ASSAULT"] == ["ACCUSE"]


def test_a_day_that_opens_a_paragraph_dates_the_acts_it_goes_on_to_tell() -> None:
    published = dt.date(2018, 7, 24)
    events, _ = events_of(
        "Report",
        "On 2 June 2018, police attacked barricades in Kelbani.\n\n"
        "On 19 June 2018, police and militias entered the town from several directions. "
        "Between five and seven people were killed during the incursion.",
        published,
    )
    assert {(e.type, e.trigger, e.date_start) for e in events} == {
        ("ASSAULT", "attacked", dt.date(2018, 6, 2)),
        ("ASSAULT", "killed", dt.date(2018, 6, 19)),
    }
    # A paragraph a statement opens tells what was said that day, not what happened.
    events, _ = events_of(
        "Report",
        "On Sunday, the rebels said they were holding seven soldiers. Four people were "
        "killed in the clashes near Kelbani.",
        published,
    )
    assert [e.date_start for e in events if e.trigger == "killed"] == [None]


def test_a_clause_with_its_own_subject_is_no_part_of_the_statement_before() -> None:
    # "..., while the AU condemned ...": the AU's act, not more of the spokesman's appeal.
    events, names = events_of(
        "News",
        "The spokesman appealed for calm on both sides of the border, while the African "
        "Union condemned the attack on Wednesday.",
    )
    acts = [(e.type, [names.get(a, a) for a in e.actors]) for e in events]
    assert ("ACCUSE", ["African Union"]) in acts
    assert ("REQUEST", ["African Union"]) not in acts


def test_arrests_and_protests_stand_by_their_place_or_day_whoever_does_them() -> None:
    arrests, _ = events_of("News", "Police arrested three suspects in Gao on Sunday.")
    assert [(e.type, e.mode, e.date) for e in arrests] == [
        ("COERCE", "arrest", dt.date(2024, 1, 28))
    ]
    protests, _ = events_of("News", "Hundreds of people protested outside the ministry on Friday.")
    assert [(e.type, e.date) for e in protests] == [("PROTEST", dt.date(2024, 1, 26))]
    # A meeting is an interaction between named actors: unnamed ones make none.
    assert events_of("News", "Officials met in the capital on Friday.")[0] == []


def test_an_arrest_that_counts_the_people_taken_stands_with_no_side_place_or_day() -> None:
    for body in (
        "Officers said they had detained 48 people so far, nine of them overnight.",
        "More than 200 demonstrators have been arrested since the strike began, a lawyer said.",
        "Authorities said 11 migrants were deported.",
    ):
        events, _ = events_of("News", body)
        assert [e.type for e in events] == ["COERCE"], body
    # Uncounted, it still needs a side, a place or a day.
    assert events_of("News", "Officers arrested the suspects.")[0] == []


def test_a_wire_clock_time_in_four_digits_is_no_year() -> None:
    body = ("Residents heard three explosions shortly after 10 p.m. (2000 GMT) on Saturday "
            "and militiamen shelled the market in Omdurman.")  # fmt: skip
    (event,), _ = events_of("News", body)
    assert event.type == "ASSAULT" and event.date != dt.date(2000, 1, 1)


def test_a_day_named_for_a_verb_dates_the_act_its_complement_tells() -> None:
    """ "On March 3, rebels used drones to drop explosives": the day of "used" is the
    day of the drop; "said to" stays a report."""
    events, _ = events_of(
        "Drone raid",
        "On January 12, suspected insurgents used drones to drop explosives on a market in "
        "Kessoma, killing four traders. Last week, the militia tried to storm an army post "
        "near Lobo.",
    )
    dated = {e.trigger: (e.date, e.date_precision) for e in events}
    assert dated["drop"] == (dt.date(2024, 1, 12), "day")
    assert dated["storm"][1] == "week"


def test_a_day_on_the_act_s_definite_object_dates_the_act() -> None:
    """ "condemned the attacks on Monday evening", "condemned Tuesday's attack on
    Wednesday": the day is the condemnation's; the attack is only named again."""
    events, _ = events_of(
        "Bomb",
        "A bomb killed five police officers in Kessoma on Saturday. Interior Minister "
        "Halima Osei condemned the attacks on Sunday evening. Ghana's foreign ministry "
        "condemned Saturday's attack on Monday.",
    )
    assert [(e.type, e.date) for e in events] == [
        ("ASSAULT", dt.date(2024, 1, 27)),
        ("ACCUSE", dt.date(2024, 1, 28)),
        ("ACCUSE", dt.date(2024, 1, 29)),
    ]


@pytest.mark.parametrize(
    "body",
    [
        "Gunmen killed four traders near the border with Ruvania on Monday.",
        "Shelling killed two farmers on the Ruvania-Kessia border on Monday.",
        "Roadside bomb kills five police officers near Ruvanian border\n\nKESSOMA, Jan 29 "
        "(Reuters) - A roadside bomb killed five police officers on Monday.",
    ],
)
def test_a_country_that_names_a_border_is_not_the_event_s_place(body: str) -> None:
    events, names = events_of("News", body)
    assert [e.type for e in events] == ["ASSAULT"]
    assert not {names.get(p) for p in events[0].locations} & {"Ruvania", "Kessia"}


def test_forces_deployed_stand_as_an_event_by_their_place_or_day() -> None:
    events, names = events_of(
        "Troops",
        "Additional troops were deployed to Bassa on Tuesday. The navy sent a patrol ship "
        "to the Lumo coast on Friday. Hundreds of residents were evacuated.",
    )
    found = [(e.type, e.mode, e.date) for e in events]
    assert ("MOBILIZE", "troops", dt.date(2024, 1, 23)) in found
    assert ("MOBILIZE", "troops", dt.date(2024, 1, 26)) in found
    deployed = next(e for e in events if e.trigger == "deployed")
    assert [names[p] for p in deployed.locations] == ["Bassa"]
    # An evacuation with no actor, target, place or day is still no event of its own.
    assert "evacuated" not in [e.trigger for e in events]


def test_a_day_and_the_shift_after_its_comma_date_each_their_own() -> None:
    # spaCy reads "January 12, hours" as one date; the day is the recall's.
    events, _ = events_of(
        "Envoy recalled",
        "Ruvania recalled its ambassador from Kessia on January 12, hours after the "
        "letter was made public. The ceasefire was signed on Monday, January 29.",
    )
    recalled = next(e for e in events if e.trigger == "recalled")
    assert (recalled.date, recalled.date_precision) == (dt.date(2024, 1, 12), "day")


def test_a_headline_s_bare_passive_tells_whom_the_act_struck() -> None:
    """ "Police Officer Killed in Attack": the officer is the target, so the headline is
    the attack the lead tells, not an attack by the police."""
    events, names = events_of(
        "Nigeria Police Force Officer Killed in Attack by Gunmen in North",
        "A Nigeria Police Force officer was killed on Sunday when gunmen opened fire on "
        "his patrol near Lumo. In May, more than 90 soldiers were injured in clashes in "
        "Kesso.",
    )
    killed = [e for e in events if e.trigger.lower() == "killed"]
    assert len(killed) == 1 and killed[0].date == dt.date(2024, 1, 28)
    assert not [names[a] for a in killed[0].actors if "Police" in names[a]]


def test_what_came_under_fire_was_struck_not_the_striker() -> None:
    """ "A UN helicopter came under fire ..., killing one crew member and injuring two
    others": the helicopter's side is the target of one attack, as the headline says."""
    events, names = events_of(
        "UN helicopter attacked near Lumo, crew member killed",
        "A United Nations helicopter came under fire near Lumo on Friday, killing one crew "
        "member and critically injuring two others.",
    )
    assert [(e.type, e.date) for e in events] == [("ASSAULT", dt.date(2024, 1, 26))]
    assert [names[t] for t in events[0].targets] == ["United Nations"]
    assert events[0].actors == []


def test_the_militants_are_the_armed_group_named_before() -> None:
    """The plural descriptions of an armed group ("the militants", "the rebels") refer
    back to it, as "the group" does."""
    events, names = events_of(
        "Base attacked",
        "Fighters of the Allied Democratic Forces raided a village near Lumo on Monday, "
        "killing six farmers.\n\nThe militants, travelling on motorcycles, stormed an army "
        "post in Kessoma the next day.",
    )
    stormed = next(e for e in events if e.trigger == "stormed")
    assert [names[a] for a in stormed.actors] == ["Allied Democratic Forces"]


def test_a_branch_of_a_group_may_be_the_group_a_headline_names() -> None:
    """ "Islamic State fighters" in the headline, ISWAP in the lead: one attack."""
    events, _ = events_of(
        "Islamic State fighters overrun army base, kill nine soldiers",
        "Islamic State West Africa Province (ISWAP) fighters overran an army base in "
        "Kessoma late on Sunday, killing nine soldiers, military sources said.",
    )
    assert [(e.type, e.date) for e in events] == [("ASSAULT", dt.date(2024, 1, 28))]


def test_a_day_in_an_act_s_purpose_or_complement_dates_the_act() -> None:
    events, _ = events_of(
        "Unrest",
        "Police fired tear gas to disperse protesters in Lumo on Tuesday. The UN envoy "
        "called on both sides to exercise restraint on Friday. Prime Minister Amara Tal "
        "chaired a security meeting in Kessoma on Thursday.",
    )
    dated = {e.trigger: e.date for e in events}
    assert dated == {
        "fired": dt.date(2024, 1, 23),
        "called": dt.date(2024, 1, 26),
        "meeting": dt.date(2024, 1, 25),
    }


@pytest.mark.parametrize(
    ("body", "trigger", "day"),
    [
        # A timeline's entry: its heading names the month, the entry the day.
        (
            "March 2022 — Rebels attack an army base near the town on March 14 and seize "
            "weapons, officials say.",
            "attack",
            dt.date(2022, 3, 14),
        ),
        (
            "In June 2019, militants stormed a police post on June 3, killing four officers.",
            "stormed",
            dt.date(2019, 6, 3),
        ),
        # The month alone where no day of it is named.
        ("In June 2019, militants stormed a police post in the district.", "stormed", None),
    ],
)
def test_a_day_named_inside_the_month_named_dates_the_event(
    body: str, trigger: str, day: dt.date | None
) -> None:
    events, _ = events_of("Timeline", body, dt.date(2025, 11, 10))
    (event,) = [e for e in events if e.trigger == trigger]
    if day is None:
        assert (event.date, event.date_precision) == (dt.date(2019, 6, 1), "month")
    else:
        assert (event.date, event.date_precision, event.date_source) == (day, "day", "explicit")


def test_a_naming_clause_lends_its_phrases_to_the_act_and_asks_for_nothing() -> None:
    """ "bombed what the RSF call supply depots in Nyala on the night of March 3": the
    parser hangs the date on "call", which only names the target; and "call ... on the
    night" is no "call on" appeal."""
    events, _ = events_of(
        "Jets strike depots",
        "Sudanese army jets bombed what the Rapid Support Forces call supply depots in "
        "Nyala on the night of March 3.",
        dt.date(2024, 6, 1),
    )
    assert [(e.type, e.trigger, e.date) for e in events] == [
        ("ASSAULT", "bombed", dt.date(2024, 3, 3))
    ]


def test_an_occurrence_after_which_an_act_is_told_is_not_that_act() -> None:
    """ "After a bombing in Kinshasa on May 2, M23 rebels stormed a post on May 4": the
    bombing is another occurrence with its own day, not the storming's."""
    events, _ = events_of(
        "Rebels storm post",
        "After a bombing in Kinshasa on May 2, M23 rebels stormed a police post in Bunia on May 4.",
        dt.date(2024, 6, 1),
    )
    dates = {e.trigger: e.date for e in events}
    assert dates["stormed"] == dt.date(2024, 5, 4)
    assert dates.get("bombing") in (None, dt.date(2024, 5, 2))


def test_a_bare_time_of_day_is_an_hour_of_the_last_event_s_day() -> None:
    """ "opened fire at around 2:30 a.m." names no day: it is an hour of the day the
    story gave its last event (Saturday), not the day a statement was made (Monday)."""
    events, _ = events_of(
        "Militants storm checkpoint",
        "Militants stormed an army checkpoint in Diffa on Saturday, officials said on "
        "Monday.\n\nThe Boko Haram fighters opened fire at around 2:30 a.m. on soldiers "
        "guarding the post.",
        dt.date(2024, 3, 11),
    )
    assaults = [e for e in events if e.type == "ASSAULT"]
    assert assaults and {e.date for e in assaults} == {dt.date(2024, 3, 9)}


def test_a_wave_of_strikes_dated_or_counted_is_one_operation() -> None:
    """ "carried out a wave of strikes on 4 May": one dated operation, with the clause's
    actor; "a wave of kidnappings across the province" over months is no one event."""
    events, names = events_of(
        "Jets strike positions",
        "On 4 May 2023, Israel carried out a wave of strikes on Hezbollah positions in "
        "southern Lebanon.\n\nA wave of kidnappings across the province has terrified "
        "residents for months.",
        dt.date(2023, 6, 1),
    )
    assert [(e.type, e.trigger, e.date) for e in events] == [
        ("ASSAULT", "strikes", dt.date(2023, 5, 4))
    ]
    assert [names.get(a, a) for a in events[0].actors] == ["Israel"]


def test_what_is_to_stop_is_no_occurrence() -> None:
    """ "agreed to stop attacking American bases", "a halt to US air strikes": the
    attacks and the strikes are what is to stop, not acts the sentence reports."""
    events, _ = events_of(
        "Militia agrees to halt attacks",
        "Kataib Hezbollah had agreed to stop attacking American bases in Iraq in exchange "
        "for a halt to US air strikes.",
        dt.date(2024, 3, 11),
    )
    assert [e.type for e in events] == ["AGREE"]


def test_a_participle_after_two_joined_verbs_takes_their_day_and_subject() -> None:
    """ "landed ... on Tuesday and drove to the hotel, taking 12 guests hostage": the
    participle hangs on the second verb; the day and the doer are the clause's."""
    events, names = events_of(
        "Militants seize hotel",
        "Al-Shabaab fighters landed on the coast near Kismayo on Tuesday and drove to the "
        "hotel, taking 12 guests hostage.",
        dt.date(2024, 3, 14),
    )
    assert [(e.type, e.date, [names.get(a, a) for a in e.actors]) for e in events] == [
        ("ASSAULT", dt.date(2024, 3, 12), ["al-Shabaab"])
    ]


def test_came_under_attack_takes_its_own_day_not_the_next_verb_s() -> None:
    """ "came under attack late on 3 March and sank the following day": the attack's
    day is the 3rd; the 4th is the sinking's."""
    events, _ = events_of(
        "Ship attacked",
        "The tanker Sea Star came under attack late on 3 March and sank the following day.",
        dt.date(2024, 3, 10),
    )
    assert [(e.type, e.date) for e in events] == [("ASSAULT", dt.date(2024, 3, 3))]


def test_a_ship_s_crew_freed_is_a_release() -> None:
    events, _ = events_of(
        "Crew freed",
        "The Houthis freed the crew of the seized tanker on Thursday after talks in Muscat.",
        dt.date(2024, 3, 10),
    )
    assert ("RETREAT", dt.date(2024, 3, 7)) in [(e.type, e.date) for e in events]


def test_an_undated_timeline_s_yearless_day_is_in_the_year_told_before() -> None:
    """With no publication date, "On 2 September" after "On 14 June 2024" is in 2024:
    nothing else gives its year."""
    events, _ = events_of(
        "How the crisis unfolded",
        "On 14 June 2024, Hezbollah fired rockets at Kiryat Shmona.\n\n"
        "On 2 September, Israel struck Hezbollah positions near Tyre.",
        None,
    )
    assert [(e.type, e.date) for e in events] == [
        ("ASSAULT", dt.date(2024, 6, 14)),
        ("ASSAULT", dt.date(2024, 9, 2)),
    ]


def test_a_call_an_act_was_done_in_is_a_meeting_with_the_other_side() -> None:
    """ "conveyed the protest in a phone call with Foreign Minister Wang Yi on
    Wednesday": the call is a CONSULT, and "with" names the other side of it, as in
    "held talks with"."""
    events, names = events_of(
        "Ministers speak",
        "Foreign Minister Penny Wong conveyed Australia's concern in a phone call with "
        "Chinese Foreign Minister Wang Yi on Wednesday.\n\nLater, Richard Marles held talks "
        "with Dong Jun in Singapore.",
        dt.date(2024, 6, 7),
    )
    consults = [
        (e.trigger, e.date, [names.get(t, t) for t in e.targets])
        for e in events
        if e.type == "CONSULT"
    ]
    assert ("call", dt.date(2024, 6, 5), ["Wang Yi"]) in consults
    assert any(trigger == "talks" and targets == ["Dong Jun"] for trigger, _, targets in consults)


def test_a_verbal_act_takes_the_day_of_the_message_it_was_made_in() -> None:
    """ "In a message posted on X on Wednesday, the spokesman denied ...": the day of
    the message is the denial's."""
    events, _ = events_of(
        "Rebels deny shelling",
        "In a message posted on X on Wednesday, ELN commander Antonio Garcia denied any "
        "involvement in the bombing.",
        dt.date(2024, 3, 8),
    )
    assert [(e.type, e.date, e.date_source) for e in events if e.type == "REJECT"] == [
        ("REJECT", dt.date(2024, 3, 6), "reporting")
    ]


def test_an_act_the_parser_joined_to_the_reported_participle_takes_the_statements_day() -> None:
    """ "said on Thursday it had received reports that five farmers were killed ..., and
    urged the authorities to ...": the parser joins "urged" to "killed", deep in what was
    said; it is the speaker's second act, done when the statement was made."""
    events, names = events_of(
        "Rights group speaks",
        'Amnesty International said on Thursday it had received "credible reports" that at '
        "least five farmers were killed in the shelling, and urged the authorities to open "
        "an inquiry.",
        dt.date(2024, 3, 8),
    )
    urged = [(e.date, e.date_source, e.actors) for e in events if e.trigger == "urged"]
    assert [(day, source, [names[a] for a in actors]) for day, source, actors in urged] == [
        (dt.date(2024, 3, 7), "reporting", ["Amnesty International"])
    ]


def test_declaring_diplomats_persona_non_grata_is_an_expulsion_on_its_own_day() -> None:
    """ "declared two diplomats persona non grata on Sunday": the parser reads the
    predicate as a clause whose subject is the object; the expulsion is still the
    verb's, and so is the day. "responded on Monday by declaring ...": the means is
    done when the act is."""
    events, names = events_of(
        "Envoys expelled",
        "Chad declared two Sudanese diplomats persona non grata on Sunday.\n\n"
        "Sudan on Thursday responded by declaring the Chadian ambassador persona non grata."
        "\n\nThe ministry declared that the consul would stay.",
        dt.date(2024, 3, 8),
    )
    expulsions = [(e.trigger, e.date, [names[a] for a in e.actors]) for e in events]
    assert expulsions == [
        ("declared", dt.date(2024, 3, 3), ["Chad"]),
        ("declaring", dt.date(2024, 3, 7), ["Sudan"]),
    ]
    assert {e.type for e in events} == {"SANCTION"}


def test_a_when_or_as_clause_on_the_act_tells_its_day() -> None:
    """ "killed two guards as their convoy crossed the bridge early on Monday": the
    clause says when the act happened; a "while" that sets a statement against it ("while
    the army said on Tuesday ...") does not."""
    events, _ = events_of(
        "Guards killed",
        "A landmine killed two border guards as their convoy crossed a bridge in the "
        "district early on Monday.\n\nGunmen attacked a police post in Tillia, while the "
        "army said on Tuesday that the area was calm.",
        dt.date(2024, 3, 8),
    )
    dates = {e.trigger: e.date for e in events if e.type == "ASSAULT"}
    assert dates == {"killed": dt.date(2024, 3, 4), "attacked": None}


def test_a_body_with_no_name_of_its_own_acts_through_the_leader_its_clause_names() -> None:
    """ "The junta led by Captain X condemned ...": X's junta; "fighters led by a local
    commander" name no one."""
    events, names = events_of(
        "Junta condemns raid",
        "The junta led by Colonel Assimi Goita condemned the raid on Tuesday.\n\n"
        "Militants led by a local commander attacked the village of Tillia on Monday.",
        dt.date(2024, 3, 8),
    )
    actors = {e.trigger: [names[a] for a in e.actors] for e in events}
    assert actors["condemned"] == ["Assimi Goïta"]
    assert actors["attacked"] == []


def test_an_occurrence_recalled_from_years_ago_lends_no_date_to_the_news_before_it() -> None:
    """The news comes first and undated ("the militants attacked the camp at about 4am");
    a paragraph below recalls an attack by the same group by its date years before: two
    events, and the old date stays the old attack's."""
    events, names = events_of(
        "Camp attacked",
        "Kenyan officials said two soldiers were killed when al-Shabaab militants attacked "
        "the camp in Lamu at about 4am.\n\nOn January 5, 2020, al-Shabaab fighters stormed "
        "the Manda Bay airfield in Lamu.",
        dt.date(2025, 2, 13),
    )
    assaults = sorted((e.trigger, e.date) for e in events if e.type == "ASSAULT")
    assert assaults == [("attacked", None), ("stormed", dt.date(2020, 1, 5))]


def test_a_day_ner_left_out_of_its_month_still_dates_the_event() -> None:
    """NER tags "February" of "on the night of 4 February" and leaves "4" out."""
    events, _ = events_of(
        "Bus bombed",
        "One person was killed and 12 others injured when a bomb exploded inside a bus near "
        "Gamnom in Kangpokpi district on the night of 4 February, police said.",
        dt.date(2025, 2, 5),
    )
    assert [e.date for e in events] == [dt.date(2025, 2, 4)]


def test_a_day_ner_left_out_of_its_month_and_year_still_dates_the_event() -> None:
    """ "in the early hours of 3 October 2024": NER tags "October 2024" alone, and the
    event was dated to the whole month."""
    events, _ = events_of(
        "Town attacked",
        "In the early hours of 3 October 2024, dozens of gunmen attacked the town of "
        "Kolda, firing at residents.\n\nOn the night of 14 March 2023, rebels raided a "
        "police post in the same district.",
        dt.date(2024, 11, 14),
    )
    assert sorted((e.date_start, e.date_end) for e in events if e.type == "ASSAULT") == [
        (dt.date(2023, 3, 14), dt.date(2023, 3, 14)),
        (dt.date(2024, 10, 3), dt.date(2024, 10, 3)),
    ]
    # A month and year with a number after it stays a month: no day is read there.
    events, _ = events_of(
        "Town attacked", "In October 2024 12 people were killed when gunmen attacked Kolda.",
        dt.date(2024, 11, 14),
    )  # fmt: skip
    assert [(e.date_start, e.date_end) for e in events] == [
        (dt.date(2024, 10, 1), dt.date(2024, 10, 31))
    ]


def test_the_attack_a_verbal_act_names_is_not_told_again_on_its_day() -> None:
    """ "visited the town on 5 October and called the attack ...": the day is the
    visit's and the statement's; "the attack" names the one told before, as "condemned
    the attack on 5 October" does."""
    for statement in [
        'visited the town and called the attack "a horrific crime"',
        "condemned the attack",
    ]:
        events, names = events_of(
            "Town attacked",
            "Gunmen attacked the town of Kolda on 3 October 2024.\n\nOn 5 October, Prime "
            f"Minister Ardo Kelbani {statement}.",
            dt.date(2024, 10, 20),
        )
        assert sorted((e.type, e.date) for e in events) == [
            ("ACCUSE", dt.date(2024, 10, 5)),
            ("ASSAULT", dt.date(2024, 10, 3)),
        ], statement


def test_calling_strikes_self_defence_is_no_condemnation() -> None:
    events, _ = events_of(
        "Strikes", "Nigeria's defence ministry called the strikes legitimate self-defence on "
        "Monday.",
    )  # fmt: skip
    assert "ACCUSE" not in [e.type for e in events]


def test_a_date_in_an_apposition_on_the_speaker_is_not_the_acts() -> None:
    """ "Kamil Idris, a former official appointed last month, condemned the attack, his
    office said on Tuesday": last month is the appointment's; Tuesday the statement's."""
    events, _ = events_of(
        "PM condemns attack",
        "Prime Minister Kamil Idris, a former official appointed by the army chief last "
        "month, condemned the attack as a crime, his office said on Tuesday.",
        dt.date(2025, 6, 5),
    )
    condemned = [(e.date, e.date_source) for e in events if e.type == "ACCUSE"]
    assert condemned == [(dt.date(2025, 6, 3), "reporting")]


def test_an_appeal_joined_to_a_description_in_a_report_is_the_speakers() -> None:
    """ "said that the raid was a violation of its sovereignty and called on X to ...": the
    parser joins "called" to "was"; the raid describes nothing it did, the speaker
    appealed."""
    events, names = events_of(
        "Envoy summoned",
        "Kenya's Foreign Ministry said in a statement on Tuesday that the raid was a "
        "violation of Kenyan sovereignty and called on Somalia to respect the border.",
        dt.date(2024, 3, 8),
    )
    appeals = [(e.date, [names[a] for a in e.actors]) for e in events if e.type == "REQUEST"]
    assert appeals == [(dt.date(2024, 3, 5), ["Kenya", "Ministry of Foreign Affairs (Kenya)"])]


def test_two_condemnations_by_different_sides_are_two_events() -> None:
    """A verbal act's mode is its type's: "to blame the M23" and "The United States
    condemned the attack" share it but not a speaker or a day; an attribution laid by no
    one ("strikes blamed on the RSF") is no accusation."""
    events, names = events_of(
        "Camp shelled",
        "Drone strikes blamed on the Rapid Support Forces hit a market in Omdurman on "
        "Monday.\n\nThe United States condemned the attack.\n\nOn 10 February, hundreds of "
        "young people demonstrated in Khartoum, accusing the Rapid Support Forces of "
        "looting.",
        dt.date(2024, 3, 8),
    )
    accusations = [
        (e.trigger, e.date, [names.get(a, a) for a in e.actors])
        for e in events
        if e.type == "ACCUSE"
    ]
    assert ("condemned", None, ["United States"]) in accusations
    assert ("accusing", dt.date(2024, 2, 10), []) in accusations
    assert "blamed" not in [trigger for trigger, _, _ in accusations]


def test_a_statement_hung_on_the_object_dates_the_act_not_the_object() -> None:
    """ "condemned both attacks in a statement issued Sunday": the parser hangs the
    statement on "attacks", but Sunday is the condemnation's day, not the attacks'."""
    events, _ = events_of(
        "President condemns attacks",
        "President Bola Tinubu condemned both attacks in a statement issued Sunday by his "
        "spokesman.",
        dt.date(2025, 7, 15),
    )
    dates = {e.type: e.date for e in events}
    assert dates["ACCUSE"] == dt.date(2025, 7, 13)
    assert dates.get("ASSAULT") is None  # undated, or not coded at all


def test_a_since_phrase_on_a_ranked_noun_is_no_date_of_it() -> None:
    """ "the first fatal clash since 1975": 1975 is the span the clash is ranked over,
    not its year; "the fighting since April 4" starts on April 4."""
    events, _ = events_of(
        "First fatal clash on the border since 1975 as troops fight in Galwan",
        "Twenty soldiers were killed in a clash with Chinese troops in the Galwan Valley on "
        "Monday night, the army said.",
        dt.date(2020, 6, 16),
    )
    assert dt.date(1975, 1, 1) not in [e.date for e in events]
    assert dt.date(2020, 6, 15) in [e.date for e in events]


def test_spoke_to_someone_is_a_meeting_but_speaking_to_reporters_is_not() -> None:
    events, names = events_of(
        "Chief minister seeks forces",
        "Chief minister N Biren Singh said he had spoken to Union home minister Amit Shah "
        "over the phone on Tuesday evening.\n\nSpeaking to reporters in Imphal on Tuesday, "
        "Singh said two people had been killed.",
        dt.date(2024, 10, 22),
    )
    consults = [
        (e.date, [names.get(t, t) for t in e.targets]) for e in events if e.type == "CONSULT"
    ]
    assert len(consults) == 1 and consults[0][0] == dt.date(2024, 10, 22)
    assert "Amit Shah" in consults[0][1]


def test_the_previous_night_counts_from_the_day_its_sentence_names() -> None:
    """ "In a statement on Tuesday, the forum alleged that gunmen had attacked villages
    the previous night": Monday."""
    events, _ = events_of(
        "Forum alleges attack",
        "In a statement on Tuesday, the Indigenous Tribal Leaders' Forum alleged that armed "
        "groups had attacked villages near Churachandpur the previous night.",
        dt.date(2024, 10, 23),
    )
    assert dt.date(2024, 10, 21) in [e.date for e in events if e.type == "ASSAULT"]


@pytest.mark.parametrize(
    ("told", "later", "day"),
    [
        ("Sudan said in a statement on Friday that its troops had withdrawn.",
         "In its statement, Sudan also called on Chad to withdraw.", dt.date(2024, 10, 18)),
        ("The Sudanese army issued a statement on Thursday.",
         "The statement urged Chad to open its border.", dt.date(2024, 10, 17)),
        # A statement the text gave no day, or one the act is not made in: undated.
        ("Sudan issued a statement.", "In its statement, Sudan called on Chad to withdraw.",
         None),
        ("Chad rejected the statement on Friday.", "Sudan called on Chad to withdraw.", None),
    ],
)  # fmt: skip
def test_an_act_made_in_the_statement_told_before_takes_its_day(
    told: str, later: str, day: dt.date | None
) -> None:
    events, _ = events_of("Sudan statement", f"{told} {later}", dt.date(2024, 10, 21))
    (appeal,) = [e for e in events if e.type == "REQUEST"]
    assert appeal.date == day


@pytest.mark.parametrize(
    ("sentence", "visits"),
    [
        ("200 additional National Guard troops would arrive in the city this week, he said.", 0),
        ("Gunmen of the Ambazonia Defence Forces, who arrived on motorbikes, opened fire on a "
         "checkpoint on Sunday.", 0),
        ("Rapid Support Forces fighters arrived in the town on Sunday, residents said.", 0),
        ("Pakistani army reinforcements arrived in the town on Sunday.", 0),
        # An official's arrival is a visit.
        ("Iranian Foreign Minister Hossein Amir-Abdollahian arrived in Islamabad on Monday, "
         "the Foreign Office said.", 1),
    ],
)  # fmt: skip
def test_who_arrives_armed_pays_no_visit(sentence: str, visits: int) -> None:
    events, _ = events_of("News", sentence)
    assert sum(e.type == "CONSULT" and e.trigger.startswith("arriv") for e in events) == visits


def test_a_statement_in_the_present_is_dated_by_its_publication() -> None:
    """ "The Ministry condemns ... the attack carried out on Friday evening, 29 November
    2024, against ...": the date restating "Friday evening" is the attack's, wherever the
    parser hangs it, and the condemnation is made as the statement is issued."""
    saturday = dt.date(2024, 11, 30)
    events, _ = events_of(
        "Statement",
        "The Ministry of Foreign Affairs of Ruritania condemns in the strongest terms the "
        "terrorist attack carried out on Friday evening, 29 November 2024, against the "
        "canal near the village of Varage.",
        saturday,
    )
    dated = {e.type: (e.date_start, e.date_source) for e in events}
    assert dated["ACCUSE"] == (saturday, "reporting")
    assert dated["ASSAULT"][0] == dt.date(2024, 11, 29)


@pytest.mark.parametrize(
    "body",
    [
        # A standing position, not an act of the day.
        "Kigali denies backing the rebels, although experts say its troops fight beside them.",
        # A statement's present told as the past by the perfect: no act of the day either.
        "The ministry has condemned such attacks for years.",
    ],
)
def test_a_present_that_tells_no_act_of_the_day_stays_undated(body: str) -> None:
    events, _ = events_of("News", body, dt.date(2024, 11, 30))
    assert all(e.date_start is None for e in events if e.type != "ASSAULT")


def test_a_shift_after_a_day_is_no_restatement_of_it() -> None:
    # "on Monday, hours after ...": the sanctions are dated by their own words, counted
    # from Monday (the same day), not taken as the pull-out's "Monday".
    events, _ = events_of(
        "News",
        "The rebels pulled out of the talks on Monday, hours after the European Union "
        "imposed sanctions on several of their leaders.",
        dt.date(2025, 3, 19),
    )
    sanction = next(e for e in events if e.type == "SANCTION")
    assert (sanction.date_start, sanction.date_text) == (dt.date(2025, 3, 17), "hours")


@pytest.mark.parametrize(
    "body",
    [
        "Two security sources, speaking to AFP on condition of anonymity, said about 50 "
        "soldiers had been killed.",
        "The minister spoke to the BBC on Monday about the raid.",
    ],
)
def test_speaking_to_the_press_is_no_meeting(body: str) -> None:
    events, _ = events_of("News", body)
    assert not [e for e in events if e.type == "CONSULT"]


def test_a_finite_act_joined_to_a_passive_in_a_report_is_the_speakers() -> None:
    """ "said on Tuesday that 26 civilians had been killed, and called on the government
    to ...": the parser joined "called" to the passive it reports; the call is the
    speaker's, made as it spoke."""
    events, names = events_of(
        "News",
        "Amnesty International said on Tuesday that at least 26 civilians "
        "had been killed, and called on the government to conduct a prompt investigation.",
        dt.date(2025, 5, 20),
    )
    request = next(e for e in events if e.type == "REQUEST")
    assert [names[a] for a in request.actors] == ["Amnesty International"]
    assert request.date_start == dt.date(2025, 5, 20)


def test_an_act_in_a_report_made_in_a_dated_statement_takes_its_day() -> None:
    events, _ = events_of(
        "News",
        "The Amhara Fano National Movement, in a statement issued on Monday, said 47 "
        "civilians had been killed and accused the army of deliberately targeting civilians.",
        dt.date(2025, 5, 20),
    )
    accusation = next(e for e in events if e.type == "ACCUSE")
    assert (accusation.date_start, accusation.date_source) == (dt.date(2025, 5, 19), "reporting")


def test_how_often_is_no_date() -> None:
    # "a weekly market" says how often the market is held, not when the strike was.
    events, _ = events_of(
        "News", "A drone strike hit a weekly market in the town, killing 12 people.",
        dt.date(2025, 5, 20),
    )  # fmt: skip
    assert all(e.date_text != "weekly" for e in events)


def test_a_day_right_after_said_is_the_saying_s_however_it_is_parsed() -> None:
    # The parser hangs "on Tuesday" on "carried out"; it is the day of the saying.
    events, _ = events_of(
        "News",
        "The U.S. Africa Command said on Tuesday it had carried out an air strike against "
        "al Shabaab on Sunday about 60 km northeast of Kismayo, in southern Somalia.",
        dt.date(2025, 3, 12),
    )
    strike = next(e for e in events if e.trigger == "strike")
    assert (strike.date_start, strike.date_text) == (dt.date(2025, 3, 9), "Sunday")


@pytest.mark.parametrize(
    ("second", "events"),
    [
        # A district the gazetteer does not list lies in its country (the admin units):
        # the killing in western Uganda and the storming in Ntoroko are one attack.
        ("The attackers stormed a village in Ntoroko district late on Wednesday.", 1),
        # A place in another country is another attack.
        ("The attackers stormed a village in Kivu late on Wednesday.", 2),
    ],
)
def test_a_district_the_gazetteer_lacks_is_a_place_of_its_country(second: str, events: int) -> None:
    told, _ = events_of(
        "Rebels kill nine",
        f"Suspected rebels killed nine people in western Uganda, police said. {second}",
        dt.date(2025, 3, 14),
    )
    assert len([e for e in told if e.type == "ASSAULT"]) == events


def test_a_clause_that_tells_what_is_to_come_does_not_date_the_act() -> None:
    """ "The attack comes as Uganda prepares for elections in January 2026": the setting,
    not the day of the attack told before."""
    told, _ = events_of(
        "Rebels attack village",
        "Rebels attacked a village in Kasese on Wednesday. The attack comes as Uganda "
        "prepares for general elections in January 2026.",
        dt.date(2025, 3, 14),
    )
    assert [(e.type, e.date) for e in told] == [("ASSAULT", dt.date(2025, 3, 12))]


@pytest.mark.parametrize(
    ("before", "acts"),
    [
        # A story of one country: its unnamed government is that country's.
        ("Protests spread across Nepal. Nepal has been shaken by the unrest.", 1),
        # A story of two countries named alike: whose government is not said.
        ("India and Pakistan traded accusations. India said Pakistan was to blame.", 0),
    ],
)
def test_an_unnamed_government_acts_for_the_one_country_of_the_story(
    before: str, acts: int
) -> None:
    told, names = events_of(
        "Ban lifted", f"{before} The government lifted the ban on Tuesday.", dt.date(2025, 9, 22)
    )
    lifted = [e for e in told if e.trigger == "lifted"]
    assert len(lifted) == acts
    assert all(names[e.actors[0]] == "Nepal" for e in lifted)


def test_an_act_decided_takes_the_day_of_the_decision() -> None:
    """ "a decision on September 4 to block 26 platforms": the blocking is dated by the
    decision, on which the day hangs."""
    told, _ = events_of(
        "Nepal protests",
        "Students marched in Kathmandu against a government decision on September 4 to block "
        "26 social media platforms.",
        dt.date(2025, 9, 22),
    )
    assert [(e.type, e.date) for e in told if e.type == "COERCE"] == [
        ("COERCE", dt.date(2025, 9, 4))
    ]


@pytest.mark.parametrize(
    ("body", "day"),
    [
        # The day before a sentence-final attribution is the act's, wherever the parser
        # hung it.
        ("Armed men ambushed troops in Sumisip, Basilan province, on Wednesday, the "
         "military said.", dt.date(2025, 1, 22)),
        # The day right after the saying is the saying's: the act stays undated.
        ("The army said on Wednesday that armed men had ambushed troops in Sumisip.", None),
    ],
)  # fmt: skip
def test_a_day_before_a_final_attribution_is_the_acts(body: str, day: dt.date | None) -> None:
    told, _ = events_of("Ambush", body, dt.date(2025, 1, 23))
    assert [e.date for e in told if e.type == "ASSAULT"] == [day]


@pytest.mark.parametrize(
    ("body", "day"),
    [
        # The act a "to" clause is the purpose of is done when that doing is.
        ("Thousands took to the streets of Nukus on Friday to protest against the "
         "amendments.", dt.date(2022, 7, 1)),
        # Not when the doing is only planned: no protest is told as held.
        ("Activists plan to gather in Nukus on Friday to protest against the amendments.", None),
    ],
)  # fmt: skip
def test_a_purpose_is_dated_by_the_doing_it_is_the_purpose_of(
    body: str, day: dt.date | None
) -> None:
    told, _ = events_of("Protest", body, dt.date(2022, 7, 4))
    assert [e.date for e in told if e.type == "PROTEST"] == ([day] if day else [])


def test_what_a_purpose_names_is_not_dated_by_it() -> None:
    """ "formed a commission last Tuesday to investigate the killings": the killings are
    not of Tuesday."""
    told, _ = events_of(
        "Inquiry",
        "Police shot dead 19 protesters in Kathmandu on September 8. Last Tuesday, the "
        "government formed a commission to investigate the killings.",
        dt.date(2025, 9, 22),
    )
    assert dt.date(2025, 9, 16) not in [e.date for e in told if e.type == "ASSAULT"]


@pytest.mark.parametrize(
    ("body", "day"),
    [
        # A month the act's own words name, and the day its "when" clause gives inside it.
        ("Last month, nine people were killed and 41 injured when gunmen fired on a bus "
         "near Reasi, sending it into a gorge on June 9.", (dt.date(2024, 6, 9), "day")),
        # A day outside that month is another time: the month stands.
        ("Last month, nine people were killed when gunmen fired on a bus near Reasi, a year "
         "after a raid on July 9, 2023.", (dt.date(2024, 6, 1), "month")),
    ],
)  # fmt: skip
def test_a_coarse_date_takes_the_day_its_when_clause_gives_inside_it(body: str, day) -> None:  # type: ignore[no-untyped-def]
    told, _ = events_of("Bus attack", body, dt.date(2024, 7, 16))
    assert [(e.date, e.date_precision) for e in told if e.trigger == "killed"] == [day]


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        ("The Government firmly condemns this cowardly attack on the garrison.", "ACCUSE"),
        ("The Secretary-General condemned the killings on 4 March.", "ACCUSE"),
        ("The ministry rejected the accusations as baseless.", "REJECT"),
        ("The prime minister urged calm after the riots.", "REQUEST"),
    ],
)
def test_a_one_sided_act_of_an_unnamed_institution_or_office_is_an_event(
    body: str, kind: str
) -> None:
    events, _ = events_of("News", body)
    assert [e.type for e in events] == [kind]


def test_a_one_sided_act_of_no_one_side_is_no_event() -> None:
    for body in ("Officials condemned the attack.", "Residents urged calm."):
        assert events_of("News", body)[0] == [], body
    # A meeting needs its named sides, whoever the definite subject is.
    assert events_of("News", "The minister met the delegation.")[0] == []


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        ("Foreign Minister Ana Ruiz asked allies to send more artillery shells.", "REQUEST"),
        ("The defence minister asked Paris to supply two frigates.", "REQUEST"),
        ("Police released 14 demonstrators on Monday.", "RETREAT"),
        ("The three abducted pupils were freed on Saturday.", "RETREAT"),
    ],
)
def test_a_request_for_aid_and_a_release_of_people_held_are_events(body: str, kind: str) -> None:
    events, _ = events_of("News", body)
    assert [e.type for e in events] == [kind]


def test_a_statement_or_a_video_released_is_no_release() -> None:
    assert events_of("News", "The army released a video on Monday.")[0] == []


def test_a_part_of_a_group_is_the_object_the_group_is() -> None:
    body = "A navy cutter rammed one of the island's fishing boats near the reef on Sunday."
    (event,), _ = events_of("News", body)
    assert (event.type, event.date) == ("ASSAULT", dt.date(2024, 1, 28))
    (freed,), _ = events_of("News", "The kidnappers freed three of the hostages on Sunday.")
    assert freed.type == "RETREAT"


def test_hostages_freed_by_soldiers_are_rescued_not_released() -> None:
    body = "The army said soldiers freed four of the hostages on Sunday near Bamenda."
    assert "RETREAT" not in [e.type for e in events_of("News", body)[0]]


def test_the_same_evening_is_the_day_told_before() -> None:
    events, names = events_of(
        "News",
        "Police opened fire on marchers in Lusaka on Friday. Interior Minister Ana Phiri "
        "resigned the same evening.",
    )
    assert {e.type: e.date for e in events} == {
        "ASSAULT": dt.date(2024, 1, 26), "RETREAT": dt.date(2024, 1, 26)
    }  # fmt: skip


def test_a_paragraph_that_opens_on_a_day_with_no_act_sets_the_day_of_what_follows() -> None:
    events, _ = events_of(
        "News",
        "Marchers gathered in Lusaka on Friday.\n\nThe situation worsened on Saturday. "
        "Demonstrators set fire to the parliament building in Lusaka, and Prime Minister "
        "Joseph Banda resigned in the afternoon.",
    )
    assert {e.type: e.date for e in events if e.type != "PROTEST"} == {
        "ASSAULT": dt.date(2024, 1, 27), "RETREAT": dt.date(2024, 1, 27)
    }  # fmt: skip
    # A statement's day is the telling's, not the day of what the paragraph tells.
    events, _ = events_of(
        "News",
        "Police said on Saturday that the curfew held.\n\nRioters torched a police station "
        "in Ndola, the Reuters news agency reported.",
    )
    assert [e.date for e in events if e.type == "ASSAULT"] == [None]


@pytest.mark.parametrize(
    ("body", "day"),
    [
        ("The first round of talks opened in Mombasa on 12 March 2023.", dt.date(2023, 3, 12)),
        (
            "The third round of talks ended in Nairobi on Friday without a deal.",
            dt.date(2024, 1, 26),
        ),
        ("A joint security meeting was held in Lodwar on Saturday.", dt.date(2024, 1, 27)),
    ],
)
def test_talks_told_as_taking_place_stand_by_their_place_or_day(body: str, day: dt.date) -> None:
    events, _ = events_of("News", body)
    assert [(e.type, e.date) for e in events] == [("CONSULT", day)]


def test_talks_told_of_with_no_place_or_day_are_no_event() -> None:
    assert events_of("News", "Diplomats said the talks would be difficult.")[0] == []


def test_a_second_speaker_the_parser_hung_on_a_noun_is_still_the_speaker() -> None:
    # "..., and the EU's policy chief, Name, called for ...": "called" parsed as a
    # clause on "chief", which the parser joined to the first verb.
    events, names = events_of(
        "News",
        "Kenya's foreign ministry expressed \"grave concern,\" and the African Union's "
        "commission chairman, Moussa Faki, called for an independent inquiry.",
    )
    (request,) = [e for e in events if e.type == "REQUEST"]
    assert "Moussa Faki" in [names.get(a) for a in request.actors]


def test_a_toll_over_a_span_of_many_occurrences_is_no_event() -> None:
    for body in (
        "Nine people have been killed in a week of riots in Lusaka.",
        "At least 14 people have been killed during three days of clashes in Lusaka.",
    ):
        assert [e for e in events_of("News", body)[0] if e.type == "ASSAULT"] == [], body
    # One day's clash is one.
    (clash,), _ = events_of("News", "Two people were killed in clashes in Lusaka on Sunday.")
    assert clash.type == "ASSAULT"


def test_a_statement_in_its_issuers_words_tells_its_issuers_acts() -> None:
    events, _ = events_of(
        "Statement",
        "We strongly condemn the shelling of the Kolva market. We reject the claims of the "
        "Tarsian government. We demand an immediate investigation.",
    )
    assert [e.type for e in events if e.type != "ASSAULT"] == ["ACCUSE", "REJECT", "REQUEST"]


def test_a_statements_present_act_is_of_its_day_not_of_what_its_object_did() -> None:
    events, _ = events_of(
        "Statement",
        "We reject the statement issued yesterday evening by the Tarsian foreign ministry.",
    )
    (reject,) = [e for e in events if e.type == "REJECT"]
    assert (reject.date, reject.date_source) == (MONDAY, "reporting")


def test_the_when_clause_of_a_condemned_crime_takes_the_crimes_day() -> None:
    events, _ = events_of(
        "Statement",
        "We strongly condemn the crime committed by Tarsian forces yesterday afternoon, when "
        "they shelled a market in the Kolva district of Lusaka.",
    )
    (shelling,) = [e for e in events if e.type == "ASSAULT"]
    assert shelling.date == dt.date(2024, 1, 28)


def test_talks_that_collapsed_tell_no_meeting() -> None:
    body = "Peace talks between the government and the rebels collapsed in Nairobi in 2017."
    assert [e for e in events_of("News", body)[0] if e.type == "CONSULT"] == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A visitor the rule names is no facility visited, whatever name is attached.
        ("On Sunday, Foreign Minister Arno Kelbani received Ordavia's ambassador, Timo "
         "Vass, in Kelbia.", ("CONSULT", ["arno-kelbani"])),
        ("On Sunday, President Arno Kelbani hosted Ghana's delegation in Kelbia.",
         ("CONSULT", ["arno-kelbani"])),
        # The subjects the parser joined to the fronted date are still the actors.
        ("On Sunday, Estonia, Latvia and Lithuania imposed entry bans on Ordavian officials.",
         ("SANCTION", ["Q191", "Q211", "Q37"])),
        # An embassy's employees ordered out are expelled.
        ("Russia on Sunday ordered 20 Ordavian embassy employees to leave the country.",
         ("SANCTION", ["Q159"])),
        ("Russia on Sunday ordered 20 employees of the Ordavian embassy to leave.",
         ("SANCTION", ["Q159"])),
        # Ending or suspending a pact or a partnership reduces relations.
        ("Chile ended its defence cooperation agreement with Norway on Sunday.",
         ("SANCTION", ["Q298"])),
        ("Norway suspended its strategic partnership with Chile on Sunday.",
         ("SANCTION", ["Q20"])),
        # A violent act a speaker brands is a condemnation.
        ('President Arno Kelbani on Sunday called the shooting "a monstrous crime".',
         ("ACCUSE", ["arno-kelbani"])),
    ],
)  # fmt: skip
def test_diplomatic_acts_and_their_actors(body: str, expected: tuple[str, list[str]]) -> None:
    events, _ = events_of("Diplomacy", body, dt.date(2024, 5, 21))
    assert [(e.type, e.actors) for e in events] == [expected]


@pytest.mark.parametrize(
    "body",
    [
        "On Sunday, Governor Arno Kelbani visited the district hospital in Kelbia.",
        "On Sunday, the bloc sent a team of technical experts to the area.",
    ],
)
def test_a_visit_to_a_common_place_is_still_no_consultation(body: str) -> None:
    events, _ = events_of("Visit", body, dt.date(2024, 5, 21))
    assert events == []


@pytest.mark.parametrize(
    ("body", "trigger", "day"),
    [
        ("At least three people were shot dead in central Kelbia yesterday after soldiers "
         "fired live ammunition at protesters.", "shot", dt.date(2024, 5, 20)),
        ("Troops stormed a Kelbani Front camp in Ordavi on Monday after the militants "
         "attacked a convoy.", "stormed", dt.date(2024, 5, 20)),
        ("Police arrested four Kelbani Front members in Ordavi yesterday before the rally "
         "began.", "arrested", dt.date(2024, 5, 20)),
    ],
)  # fmt: skip
def test_a_named_day_before_an_after_clause_is_the_day_of_its_own_clause(
    body: str, trigger: str, day: dt.date
) -> None:
    """ "yesterday after soldiers fired", "on Monday after ... attacked": the words name
    a day, they measure no gap ("a day after ..." does), so they date their own clause."""
    events, _ = events_of("Shooting", body, dt.date(2024, 5, 21))
    assert (trigger, day) in [(e.trigger, e.date) for e in events]


@pytest.mark.parametrize(
    ("body", "actors"),
    [
        # A condemnation issued as a noun: its issuers are the light verb's subject.
        ("Norway and Chile also issued condemnations on Thursday.", ["Norway", "Chile"]),
        # A participle on a statement noun is the act of who issued the statement.
        ("Norway issued a statement condemning the attack on Thursday.", ["Norway"]),
        ("In a message denouncing the raid on Thursday, Chile said the embassy had been "
         "violated.", ["Chile"]),
    ],
)  # fmt: skip
def test_a_condemnation_in_a_statement_is_its_issuer_s(body: str, actors: list[str]) -> None:
    events, names = events_of(
        "Reactions", "Gunmen attacked the embassy on Tuesday.\n\n" + body, dt.date(2024, 1, 5)
    )
    (accuse,) = [e for e in events if e.type == "ACCUSE"]
    assert [names[a] for a in accuse.actors] == actors


def test_the_second_thing_urged_is_urged_too() -> None:
    """ "urged the authorities to exercise restraint and to investigate all attacks": the
    investigation is what is asked for, no act of its own; two acts of one clause stay
    two ("threatened retaliation and launched strikes")."""
    events, _ = events_of(
        "Reactions",
        "Norway's foreign minister on Tuesday urged the authorities to exercise restraint "
        "and to investigate all attacks.",
        dt.date(2022, 5, 10),
    )
    assert [e.type for e in events] == ["REQUEST"]
    events, _ = events_of(
        "Strikes", "Iran threatened retaliation on Monday and launched strikes on Pakistan.",
        dt.date(2022, 5, 10),
    )  # fmt: skip
    assert sorted(e.type for e in events) == ["ASSAULT", "THREATEN"]
    # An absolute clause with its own subject is an act of its own.
    events, _ = events_of(
        "Workers killed",
        "Norway on Tuesday called on Chile to investigate the shooting and bring the "
        "perpetrators to justice, with Chile swiftly condemning the killing.",
        dt.date(2022, 5, 10),
    )
    assert "ACCUSE" in [e.type for e in events]


def test_a_quoted_label_the_parser_hangs_elsewhere_is_still_the_label() -> None:
    """'called the raid "a flagrant violation of international law", and his minister
    said ...': the parser makes the quoted noun the next clause's subject."""
    events, _ = events_of(
        "Embassy raid",
        'Peruvian President Dina Boluarte called the raid "a flagrant violation of '
        'international law", and her foreign minister Javier Gonzalez said Peruvian '
        'diplomats would leave Bolivia "immediately".',
        dt.date(2024, 4, 8),
    )
    assert "ACCUSE" in [e.type for e in events]


def test_a_year_that_names_the_thing_acted_on_does_not_date_the_act() -> None:
    """ "ended the 2015 peace agreement ... in January last year": 2015 is the
    agreement's; the act is of January last year, or undated without it."""
    events, _ = events_of(
        "Relations",
        "Relations have soured since Chile ended the 2015 fisheries agreement with Norway "
        "in January last year.",
        dt.date(2025, 4, 8),
    )
    assert [(e.type, e.date, e.date_precision) for e in events] == [
        ("SANCTION", dt.date(2024, 1, 1), "month")
    ]
    events, _ = events_of(
        "Relations", "Chile ended the 2015 fisheries agreement with Norway.", dt.date(2025, 4, 8)
    )
    assert [(e.type, e.date) for e in events] == [("SANCTION", None)]
