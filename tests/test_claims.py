"""Stage `claims`: figures with hedges, victims, claimants and the event they belong to."""

import datetime as dt

import pytest

from newsevents.pipeline.claims import extract_claims
from newsevents.pipeline.document import Draft, RawDocument
from newsevents.pipeline.entities import extract_entities
from newsevents.pipeline.events import extract_events
from newsevents.pipeline.nlp import parse
from newsevents.schema import CasualtyClaim

PUBLISHED = dt.date(2024, 1, 17)


def claims_of(body: str, title: str = "News") -> tuple[list[CasualtyClaim], dict[str, str], Draft]:
    doc = RawDocument("t", "t.txt", None, f"{title}\n\n{body}")
    (draft,) = parse([Draft(doc, title=title, body=body, published_date=PUBLISHED)])
    draft = extract_claims(extract_events(extract_entities(draft)))
    names = {e.entity_id: e.name for e in draft.entities}
    return list(draft.casualty_claims), names, draft


@pytest.mark.parametrize(
    ("body", "figure"),
    [
        ("At least nine people were killed in the attack.", ("killed", 9, None, "at_least")),
        ("The attack killed up to 100 people.", ("killed", 0, 100, "at_most")),
        ("Three or four soldiers were wounded.", ("injured", 3, 4, "range")),
        # A range as the object of the outcome, however the parse hangs it.
        ("A drone strike killed between eight and 12 civilians.", ("killed", 8, 12, "range")),
        ("Gunmen killed five to seven villagers.", ("killed", 5, 7, "range")),
        # The victims of hearsay: the subject of "were reported", "are feared".
        ("Nine soldiers were reported killed.", ("killed", 9, 9, "exact")),
        ("At least 20 people are feared to have died in the blast.",
         ("killed", 20, None, "at_least")),
        ("Up to five fighters were believed to have been killed.", ("killed", 0, 5, "at_most")),
        # A figure the dead, or the number of them, are put at.
        ("Telegram channels put the group's dead at up to 80.", ("killed", 0, 80, "at_most")),
        ("A source put the number of soldiers killed at between 20 and 25.",
         ("killed", 20, 25, "range")),
        # A toll's range, told by the toll or by the estimates of it; the bound is no
        # figure of its own.
        ("Estimates of the death toll in Ordavi ranged from 200 to 600.",
         ("killed", 200, 600, "range")),
        ("The toll was between 25 and 30, a doctor said.", ("killed", 25, 30, "range")),
        ("The death toll rose to between 25 and 30.", ("killed", 25, 30, "range")),
        ("Dozens of people were killed in the shelling.", ("killed", 24, None, "at_least")),
        ("A child was killed when the shell hit the house.", ("killed", 1, 1, "exact")),
        ("Twenty-nine persons were injured.", ("injured", 29, 29, "exact")),
        ("Nearly 30 villagers were abducted.", ("abducted", 30, 30, "approx")),
        (
            "The strikes claimed the lives of at least two youngsters.",
            ("killed", 2, None, "at_least"),
        ),
        ("The death toll has risen to 45, officials said.", ("killed", 45, 45, "exact")),
        ("The death toll rose to more than 45 on Sunday.", ("killed", 45, None, "at_least")),
        ("The ministry put the death toll at 57.", ("killed", 57, 57, "exact")),
        # The figure hung on what the toll is from, or on the particle of a revision.
        (
            "The ministry now puts the death toll from the unrest at 74.",
            ("killed", 74, 74, "exact"),
        ),
        ("Police later revised the toll down to 26.", ("killed", 26, 26, "exact")),
        # A figure the parser hung on "with": "along with three wounded".
        ("Medics treated survivors overnight, along with three wounded.",
         ("injured", 3, 3, "exact")),
        ("A total of 17 people were abducted by gunmen.", ("abducted", 17, 17, "exact")),
        ("Eleven people remain missing after the floods.", ("missing", 11, 11, "exact")),
        # The victims a relative clause is on: "who" stands for them.
        ("Medics evacuated three soldiers who were wounded in the clash.",
         ("injured", 3, 3, "exact")),
        ("Three others who sustained gunshot wounds were taken to a clinic.",
         ("injured", 3, 3, "exact")),
        # A count of the victims told as "the number of": its "to" phrase.
        ("The blast brings to 11 the number of people killed since the riots began.",
         ("killed", 11, 11, "exact")),
        ("The shelling raised the number of dead to 15.", ("killed", 15, 15, "exact")),
        ("The ministry said 1,277 people had been hospitalized since Friday.",
         ("injured", 1277, 1277, "exact")),
        # Military briefings' word for killing.
        ("Troops neutralised 48 terrorists in the north-west last week.",
         ("killed", 48, 48, "exact")),
    ],
)  # fmt: skip
def test_figures_and_hedges(body: str, figure: tuple) -> None:  # type: ignore[type-arg]
    claims, _, _ = claims_of(body)
    assert [(c.outcome, c.count_min, c.count_max, c.qualifier) for c in claims] == [figure]


@pytest.mark.parametrize(
    "body",
    [
        "An 11-month-old boy was taken to hospital.",  # an age is no figure
        "The two bodies, the AU and ECOWAS, agreed to send observers.",  # organizations
        "Iran said it fired four drone missiles at two bases.",
        "Police arrested nine people after the attack.",
        "The border is more than 900 kilometers long.",
        "The 2024 elections were held in February.",
        "The first two convoys arrived on Sunday.",
        # What else is neutralised is no casualty.
        "Air defences neutralised 25 drones over the capital overnight.",
        "Sappers neutralised two IEDs on the highway.",
        "The number of attacks rose to 12 last year.",
        # An attack that killed: "which" is its subject, not its victims.
        "The militia, which controls two towns, was blamed.",
    ],
)
def test_not_casualties(body: str) -> None:
    claims, _, _ = claims_of(body)
    assert claims == []


def test_breakdown_gives_one_claim_per_figure_and_the_total() -> None:
    claims, _, _ = claims_of(
        "Deputy governor Alireza Marhamati said nine non-Iranian nationals, including two men, "
        "three women and four children, were killed in the attack."
    )
    assert sorted(c.count_min for c in claims) == [2, 3, 4, 9]
    assert {c.victim_group for c in claims} == {"civilians"}
    assert {c.claimant for c in claims} == {"alireza-marhamati"}


@pytest.mark.parametrize(
    ("body", "claimant"),
    [
        ("The state government raised the death toll to 121 on Wednesday.", "state government"),
        ("Police later revised the toll down to 26.", "Police"),
    ],
)
def test_who_raises_or_revises_a_toll_claims_its_figure(body: str, claimant: str) -> None:
    claims, _, _ = claims_of(body)
    assert [c.claimant_text for c in claims] == [claimant] or [c.claimant_text for c in claims] == [
        f"The {claimant}"
    ]


@pytest.mark.parametrize(
    ("body", "claimant"),
    [
        ("At least 12 people were killed, according to OCHA.",
         "United Nations Office for the Coordination of Humanitarian Affairs"),
        ("At least 12 people were killed, according to the UN.", "United Nations"),
        ("The Arakan Army (AA) took the town. An airstrike killed at least 40 people, "
         "according to the AA.", "Arakan Army"),
    ],
)  # fmt: skip
def test_a_one_word_name_after_according_to_is_the_claimant(body: str, claimant: str) -> None:
    claims, names, _ = claims_of(body)
    assert [names.get(c.claimant or "") for c in claims] == [claimant]


@pytest.mark.parametrize(
    "body",
    [
        "The rights group Hengaw said at least five protesters had been killed, while the "
        "governor's spokesman, Ali Rezaei, acknowledged casualties without giving a figure.",
        "Hengaw said eight villagers were killed, although the army's spokesman, Colonel "
        "Musa Ladan, insisted that only fighters had been targeted.",
    ],
)
def test_a_speaker_in_a_clause_apart_does_not_claim_the_figure(body: str) -> None:
    # "while ..." opens a clause of its own that the parser hangs on the figure's verb.
    claims, names, _ = claims_of(body)
    assert [names.get(c.claimant or "") for c in claims] == ["Hengaw Organization for Human Rights"]


def test_a_figure_in_a_clause_apart_is_its_own_speakers_not_the_main_clauses() -> None:
    claims, _, _ = claims_of(
        "Zambia's army said on Monday that four soldiers were killed in the raid, while "
        "the insurgents said they had killed at least 15."
    )
    by_figure = {c.count_min: c.claimant_text for c in claims}
    assert by_figure == {4: "Zambia's army", 15: "insurgents"}


def test_a_report_that_names_its_issuer_in_its_opening_lines_is_its_figures_claimant() -> None:
    claims, names, _ = claims_of(
        "This flash update is produced by OCHA Kelbani in collaboration with humanitarian "
        "partners.\n\nGunmen attacked the village of Tourou, killing at least nine "
        "civilians. Community leaders said seven people were abducted.",
        title="KELBANI: Attack on Tourou",
    )
    by = {c.count_min: (c.claimant_text, names.get(c.claimant or "")) for c in claims}
    assert by[9] == (
        "OCHA Kelbani",
        "United Nations Office for the Coordination of Humanitarian Affairs",
    )
    assert by[7][0] == "Community leaders"  # a figure someone is named for stays theirs


def test_a_relative_clause_the_parser_hung_elsewhere_speaks_for_the_name_before_it() -> None:
    claims, names, _ = claims_of(
        "The Government notes that the attack was claimed on social networks by the Group "
        "for the Support of Islam and Muslims (JNIM), which claims to have killed more "
        "than forty soldiers."
    )
    assert [c.claimant_text for c in claims] == ["JNIM"]


@pytest.mark.parametrize(
    ("body", "figures"),
    [
        ("The Kelbani Referral Hospital said it had treated about 20 people for injuries.",
         [("injured", 20)]),
        ("The health directorate said 17 people were treated at the city's hospitals.",
         [("injured", 17)]),
        # Without care of the wounded, "treated" counts no one.
        ("The government said the 12 detainees were treated well.", []),
    ],
)  # fmt: skip
def test_people_a_hospital_treated_are_wounded(body: str, figures: list[tuple[str, int]]) -> None:
    claims, _, _ = claims_of(body)
    assert [(c.outcome, c.count_min) for c in claims] == figures


def test_a_monitor_that_documents_or_registers_deaths_claims_them() -> None:
    claims, names, _ = claims_of(
        "Amnesty International documented the deaths of four young men. The Inter-American "
        "Commission on Human Rights had registered at least 277 deaths as of 16 July, while "
        "Human Rights Watch puts the toll at about 300."
    )
    by = {c.count_min: names.get(c.claimant or "") for c in claims}
    assert by[4] == "Amnesty International"
    assert by[277] == "Inter-American Commission on Human Rights"


@pytest.mark.parametrize(
    "body",
    [
        "The rights group Hengaw said five protesters were killed.",
        "The Kurdish rights group Hengaw said five were killed.",
    ],
)
def test_a_name_after_its_description_is_the_claimant(body: str) -> None:
    # The parser makes "group" and the name after it two subjects of "said".
    claims, _, _ = claims_of(body)
    assert [c.claimant_text for c in claims] == ["Hengaw"]


def test_a_figure_restated_in_digits_in_brackets_is_read_once() -> None:
    # West African communiqués write "seven (07)"; the brackets misled the parser.
    claims, _, draft = claims_of(
        "The provisional toll was seven (07) soldiers killed and three (03) wounded. An "
        "earlier attack on the post cost the lives of eight (08) soldiers."
    )
    assert sorted((c.outcome, c.count_min) for c in claims) == [
        ("injured", 3), ("killed", 7), ("killed", 8)
    ]  # fmt: skip
    # The evidence is the article's text, brackets and all.
    assert any("seven (07) soldiers" in c.evidence.text for c in claims)
    assert all(draft.text[c.evidence.start : c.evidence.end] == c.evidence.text for c in claims)


@pytest.mark.parametrize(
    ("body", "figures"),
    [
        ("The monitor now says 23 fighters were killed in the strikes, up from 18 it "
         "reported overnight.", [18, 23]),
        ("The death toll rose to 40, up from 32 a day earlier, the ministry said.", [32, 40]),
        # "up from" a time is no figure.
        ("Exports were up from last year, and two guards were killed.", [2]),
    ],
)  # fmt: skip
def test_the_figure_a_new_toll_replaces_is_a_claim_too(body: str, figures: list[int]) -> None:
    claims, _, _ = claims_of(body)
    assert sorted(c.count_min for c in claims) == figures


def test_a_live_blog_entry_time_is_no_part_of_the_claimant() -> None:
    claims, _, _ = claims_of(
        "09:40 - Uzbekistan's National Guard said 18 people were killed in the clashes."
    )
    assert [c.claimant_text for c in claims] == ["Uzbekistan's National Guard"]


def test_claimant_stated_and_unattributed() -> None:
    claims, names, _ = claims_of(
        "Iran struck a village in Panjgur on Tuesday. Pakistan said the strikes killed two "
        "children and injured three girls. Separately, 11 police officers were killed in Rask, "
        "according to local activists."
    )
    by_count = {(c.outcome, c.count_min): c for c in claims}
    children = by_count[("killed", 2)]
    assert names[children.claimant] == "Pakistan" and children.stance == "asserted"  # type: ignore[index]
    assert children.victim_group == "civilians" and children.victims == "children"
    assert names[by_count[("injured", 3)].claimant] == "Pakistan"  # type: ignore[index]
    police = by_count[("killed", 11)]
    assert police.claimant is None and police.claimant_text == "local activists"
    assert police.victim_group == "security_forces"


def test_claim_links_to_its_event_and_date() -> None:
    claims, _, draft = claims_of(
        "Iranian missiles hit a house in Panjgur on Tuesday, killing two children."
    )
    (claim,) = claims
    event = next(e for e in draft.events if e.event_id == claim.event_id)
    assert event.type == "ASSAULT"
    assert claim.event_date == event.date == dt.date(2024, 1, 16)


@pytest.mark.parametrize(
    ("sentence", "day"),
    [
        ("In December 2018, rebels killed at least 16 workers on a highway in Kelbani.", None),
        ("Last month, a bombing in Ordavi killed 12 people.", None),
        ("On March 3, 2019, a bombing in Ordavi killed 12 people.", dt.date(2019, 3, 3)),
    ],
)
def test_a_figure_of_an_event_dated_to_a_month_or_year_has_no_day(
    sentence: str, day: dt.date | None
) -> None:
    # A month's first day is a bound of the event's interval, not the day of the figure:
    # the claim keeps its event (and so the interval) but states no day.
    claims, _, draft = claims_of(sentence)
    (claim,) = claims
    event = next(e for e in draft.events if e.event_id == claim.event_id)
    assert event.date is not None and event.date_start is not None
    assert (claim.event_date, claim.date_source == "none") == (day, day is None)


@pytest.mark.parametrize(
    ("body", "figure"),
    [
        ("Gunmen took six farmers hostage near Ordavi on Monday.", ("abducted", 6, 6)),
        ("Rioters took more than 40 guards and cooks hostage in the Kelbani jail.",
         ("abducted", 40, None)),
        ("Ordavi lost 31 soldiers in the clash on Monday.", ("killed", 31, 31)),
        ("Four soldiers paid the supreme price in the ambush, the army said.",
         ("killed", 4, 4)),
        # The shot are the dead, whatever words stand before the count noun.
        ("Police shot dead three suspected smugglers near Ordavi on Monday.",
         ("killed", 3, 3)),
        ("The clinic received seven people with gunshot wounds on Monday.",
         ("injured", 7, 7)),
    ],
)  # fmt: skip
def test_idioms_of_death_and_hostage_taking_state_a_figure(
    body: str, figure: tuple[str, int, int | None]
) -> None:
    claims, _, _ = claims_of(body)
    assert [(c.outcome, c.count_min, c.count_max) for c in claims] == [figure]


@pytest.mark.parametrize(
    "body",
    [
        "The army lost the town and 20 tanks on Monday.",
        "Farmers paid a heavy price for the drought.",
        "The ministry took 12 journalists on a tour of the front.",
    ],
)
def test_losses_and_prices_that_are_no_casualties(body: str) -> None:
    claims, _, _ = claims_of(body)
    assert claims == []


def test_a_group_known_as_a_name_and_figures_from_a_source_name_the_claimant() -> None:
    claims, names, _ = claims_of(
        "A militia called the Kelbani Front said it had killed 12 soldiers in Ordavi."
    )
    assert [names.get(c.claimant or "") for c in claims] == ["Kelbani Front"]
    claims, _, _ = claims_of(
        "More than 300 people have been killed in Ordavi since March, according to "
        "figures from local prosecutors."
    )
    assert [c.claimant_text for c in claims] == ["local prosecutors"]
    # A count that names its maker is the maker's, whatever it counts.
    claims, names, _ = claims_of(
        "The raid killed 212 people, according to an AFP tally of official Ordavi figures."
    )
    assert [names.get(c.claimant or "") for c in claims] == ["Agence France-Presse"]


def test_a_count_made_by_someone_is_theirs() -> None:
    """ "the toll announced by X", "a tally released by X": the participle on the count
    names who made it, whether the count is the subject or follows "according to"."""
    for body, maker in [
        ("The first toll announced by the regional authorities on Monday was at least 40 "
         "dead.", "regional authorities"),
        ("A tally released by the interior ministry put the dead at 19.", "interior ministry"),
        ("According to a count given by the fire service, 31 people were injured.",
         "fire service"),
    ]:  # fmt: skip
        claims, _, _ = claims_of(f"Gunmen attacked a market in Ordavi. {body}")
        assert [c.claimant_text for c in claims] == [maker], body
    # Who revises a figure to a count after "to" or "at" asserts it.
    claims, _, _ = claims_of(
        "Gunmen attacked a market in Ordavi. The first toll was 40 dead. Rescuers later "
        "revised the figure to 88 dead."
    )
    assert [(c.count_min, c.claimant_text) for c in claims] == [(40, None), (88, "Rescuers")]
    # A count no one is said to have made stays nobody's.
    claims, _, _ = claims_of("Gunmen attacked a market in Ordavi. The toll stood at 12 dead.")
    assert [c.claimant_text for c in claims] == [None]


def test_a_figure_in_the_paragraph_of_a_report_goes_on_with_the_report() -> None:
    claims, names, _ = claims_of(
        "A police spokesman, Amal Kelbani, said the miners were shot dead near Ordavi. "
        "Two others were wounded and flown to hospital."
    )
    assert [names.get(c.claimant or "") for c in claims] == ["Amal Kelbani"]
    # Not across paragraphs, nor after a sentence that reports nobody's words.
    claims, _, _ = claims_of(
        "Amal Kelbani said the miners were shot dead near Ordavi.\n\n"
        "Two others were wounded and flown to hospital."
    )
    assert [c.claimant for c in claims] == [None]
    claims, _, _ = claims_of(
        "Gunmen killed four miners near Ordavi on Monday. Two others were wounded."
    )
    assert [c.claimant for c in claims] == [None, None]


def test_the_statement_said_is_the_word_of_whoever_issued_it() -> None:
    claims, names, _ = claims_of(
        "In a statement issued on Monday, the Interior Ministry said security forces had "
        "repelled an attack near Ordavi. Two police officers were killed in the fighting, "
        "the statement said.\n\nIn a statement on Tuesday, the provincial governor, Amal "
        "Kelbani, said the attackers had fled. Three civilians were wounded by stray "
        "bullets, the statement said."
    )
    by_figure = {c.count_min: names.get(c.claimant or "") for c in claims}
    assert by_figure == {2: "Interior Ministry", 3: "Amal Kelbani"}
    # An issuer no entity names is kept as written.
    claims, _, _ = claims_of(
        "In a statement, the government said troops had retaken the town. "
        "Four soldiers died in the assault, the statement said."
    )
    (claim,) = claims
    assert (claim.claimant, claim.claimant_text) == (None, "government")
    # With no statement told before, the phrase stays as written.
    claims, _, _ = claims_of("Four soldiers died in the assault, the statement said.")
    assert [c.claimant_text for c in claims] == ["statement"]


def test_a_repeated_figure_is_one_claim() -> None:
    claims, _, _ = claims_of(
        "Nine Pakistani workers were killed in Saravan on Saturday. The nine workers were killed "
        "by gunmen, police said.",
        title="Nine workers killed in Iran",
    )
    # The lead states the figure; the police repeat it as their own claim; the
    # headline only summarizes the body.
    assert [(c.count_min, c.claimant_text) for c in claims] == [(9, None), (9, "police")]


def test_inverted_attribution_names_the_speaker_after_the_verb() -> None:
    (claim,), names, _ = claims_of(
        "Twenty-nine persons were injured as the militaries of both countries exchanged "
        "fire, reported AFP."
    )
    assert (claim.outcome, claim.count_min, claim.claimant_text) == ("injured", 29, "AFP")
    assert names[claim.claimant] == "Agence France-Presse"  # type: ignore[index]


def test_of_two_events_in_a_sentence_the_claim_takes_the_one_its_figure_belongs_to() -> None:
    (claim,), _, draft = claims_of(
        "Pakistan struck militants inside Iran on January 18, 2024. A day after Tehran "
        "violated Pakistan's air space and killed two civilians, Pakistan retaliated with "
        "strikes inside Iran."
    )
    assert (claim.count_min, claim.event_date) == (2, dt.date(2024, 1, 17))


def test_a_figure_with_no_assault_told_implies_one_and_an_aggregate_does_not() -> None:
    from newsevents.pipeline.claims import extract_claims
    from newsevents.pipeline.document import Draft, RawDocument
    from newsevents.pipeline.entities import extract_entities
    from newsevents.pipeline.events import extract_events
    from newsevents.pipeline.nlp import parse

    title = "Kumba school raid"
    body = (
        "Gunmen abducted eleven pupils from a school in Kumba on Monday, officials said. "
        "The conflict in the region has killed more than 3,000 people since 2017."
    )
    doc = RawDocument("t", "t.txt", None, f"{title}\n\n{body}")
    (draft,) = parse([Draft(doc, title=title, body=body, published_date=dt.date(2023, 3, 1))])
    draft = extract_claims(extract_events(extract_entities(draft)))
    (abduction,) = [e for e in draft.events if e.type == "ASSAULT"]
    assert abduction.mode == "abduct" and abduction.date == dt.date(2023, 2, 27)
    by_count = {c.count_min: c for c in draft.casualty_claims}
    assert by_count[11].event_id == abduction.event_id
    assert by_count[3000].event_id is None  # a running total implies no event


# Issue 13: outcome phrasing of real news, written for the test.
@pytest.mark.parametrize(
    ("body", "figure"),
    [
        ("Rescuers recovered the bodies of 11 people from the rubble.", ("killed", 11, 11)),
        ("Nine bodies were brought to the district hospital.", ("killed", 9, 9)),
        # One body is one dead, as "a child was killed" is one; the age is no figure.
        ("The bodies of an 11-month-old boy were taken to hospital.", ("killed", 1, 1)),
        ("Two commandos lost their lives in the operation.", ("killed", 2, 2)),
        ("Four soldiers embraced martyrdom during the exchange of fire.", ("killed", 4, 4)),
        ("Three crew members sustained injuries.", ("injured", 3, 3)),
        ("A shepherd and his son suffered wounds.", None),  # no figure, no claim
        ("The blast caused injuries to 12 others.", ("injured", 12, 12)),
        ("Police shot dead 28 suspected gang members.", ("killed", 28, 28)),
        ("The attack left 14 dead.", ("killed", 14, 14)),
        ("Six civilians were martyred and 17 others injured.", ("injured", 17, 17)),
        ("The ministry gave a toll of 11 dead and 27 injured.", ("injured", 27, 27)),
        ("Residents said 31 people remain missing.", ("missing", 31, 31)),
    ],
)
def test_outcome_phrasing_of_real_news(
    body: str, figure: tuple[str, int, int | None] | None
) -> None:
    claims, _, _ = claims_of(body)
    found = {(c.outcome, c.count_min, c.count_max) for c in claims}
    if figure is None:
        assert not found
    else:
        assert figure in found


def test_spans_are_exact_and_the_claimant_is_the_whole_noun_phrase() -> None:
    claims, _, draft = claims_of(
        "At least 14 people were killed in the market, officials in the province said."
    )
    (claim,) = claims
    text = draft.text
    assert claim.figure_span.text == "At least 14"
    assert text[claim.figure_span.start : claim.figure_span.end] == "At least 14"
    assert claim.claimant_text == "officials in the province"
    assert claim.claimant_span is not None
    assert text[claim.claimant_span.start : claim.claimant_span.end] == claim.claimant_text
    assert claim.victims == "people" and claim.victims_span is not None


def test_vague_breakdown_and_cumulative_figures_are_flagged() -> None:
    claims, _, _ = claims_of(
        "Dozens of people were killed on Monday. Nine people were killed in Kidal on "
        "Tuesday, including five children. Since January, the conflict has killed more "
        "than 2,000 people."
    )
    by_count = {c.count_min: c for c in claims}
    assert by_count[24].vague and not by_count[9].vague
    assert by_count[5].breakdown and not by_count[9].breakdown
    assert by_count[2000].scope == "cumulative" and by_count[9].scope == "incident"


def test_a_pronoun_speaks_for_the_body_that_spoke_last() -> None:
    claims, names, _ = claims_of(
        "The Israel Defense Forces said they struck a command centre in Gaza City. It said "
        "two soldiers had been killed in fighting on Friday."
    )
    (claim,) = [c for c in claims if c.count_min == 2]
    assert names.get(claim.claimant or "") == "Israel Defense Forces"
    assert claim.claimant_text == "It"


def test_a_body_named_after_the_claimant_and_a_comma_is_the_claimant() -> None:
    claims, names, _ = claims_of(
        "Rebels stormed a post in Kelbani, killing 16 soldiers, according to the army's "
        "press office, the Inter-Services Public Relations (ISPR)."
    )
    (claim,) = claims
    assert names.get(claim.claimant or "") == "Inter-Services Public Relations"
    claims, _, _ = claims_of(
        "Gunmen killed 12 people, according to a resident of the village, Kelbani."
    )
    assert [c.claimant for c in claims] == [None]


def test_hostages_killed_are_a_death_toll_not_an_abduction() -> None:
    claims, _, _ = claims_of("The rebels said they had killed 40 hostages in Kelbani.")
    assert [(c.outcome, c.count_min) for c in claims] == [("killed", 40)]
    claims, _, _ = claims_of("Chad says siege over, 12 gunmen killed, 9 hostages dead.")
    assert ("abducted", 9) not in [(c.outcome, c.count_min) for c in claims]
    claims, _, _ = claims_of("Gunmen took 40 hostages at a school in Kelbani on Monday.")
    assert [(c.outcome, c.count_min) for c in claims] == [("abducted", 40)]


def test_a_speakers_label_for_an_act_implies_no_assault() -> None:
    # "a massacre", "murder" as what a speaker calls an act: no claim and no event.
    claims, _, draft = claims_of("Chad's president described the raid as a massacre.")
    assert claims == [] and [e.type for e in draft.events] == []
    claims, _, draft = claims_of("Gunmen killed six traders in Kelbani on Sunday.")
    assert [c.count_min for c in claims] == [6] and [e.type for e in draft.events] == ["ASSAULT"]


def test_a_pronoun_stands_for_the_unnamed_speaker_before_it() -> None:
    # "He" went to the person named last, though the sentence before spoke of another.
    claims, _, _ = claims_of(
        "Colonel Amadou Sarr, the army spokesman, said the raid was over. A senior police "
        "officer, who asked not to be named, rejected the army's account. He said three "
        "guards were killed and nine others were wounded, he added."
    )
    assert {c.claimant_text for c in claims} == {"A senior police officer"}
    assert all(c.claimant is None for c in claims)
    claims, _, _ = claims_of(
        "The regional health bureau raised the toll on Sunday. The bureau said 14 people had "
        "died in hospital. It had earlier put the toll at 11 dead."
    )
    # "The bureau" is the regional health bureau described before, and "It" is too.
    bureau = "regional health bureau"
    assert {(c.count_min, c.claimant_text) for c in claims} >= {(14, bureau), (11, bureau)}


def test_a_person_named_after_the_unnamed_speaker_is_who_he_is() -> None:
    claims, names, _ = claims_of(
        "A police officer said the shells landed near the market. \u201cThe shells killed two "
        "children,\u201d said Governor Amina Bello. She said four people were injured."
    )
    (claim,) = [c for c in claims if c.count_min == 4]
    assert names.get(claim.claimant or "") == "Amina Bello"


def test_officials_of_an_organization_speak_for_it_but_a_resident_is_no_village() -> None:
    claims, names, _ = claims_of(
        "Officials at the Kamal Adwan Hospital said 11 people were killed. A resident of "
        "Beit Lahia said four more were killed."
    )
    by_count = {c.count_min: c for c in claims}
    assert names.get(by_count[11].claimant or "") == "Kamal Adwan Hospital"
    assert by_count[4].claimant is None
    assert by_count[4].claimant_text == "A resident of Beit Lahia"


def test_a_sentence_final_speaker_after_a_comma_is_the_claimant() -> None:
    claims, _, _ = claims_of(
        "Gunmen stormed the village late on Tuesday, killing at least 20 people, a local "
        "human rights group said, as the new prime minister took office."
    )
    (claim,) = claims
    assert claim.claimant_text == "a local human rights group"


def test_a_countrys_ministry_is_named_with_its_country() -> None:
    claims, names, draft = claims_of(
        "Syria's Ministry of Health said three people were killed. Kenya's Ministry of "
        "Defence said two soldiers died."
    )
    assert {"Ministry of Health (Syria)", "Ministry of Defence (Kenya)"} <= set(names.values())
    (three,) = [c for c in claims if c.count_min == 3]
    assert names[three.claimant or ""] == "Ministry of Health (Syria)"


def test_a_war_toll_the_parser_hangs_on_the_auxiliary_is_cumulative() -> None:
    claims, _, _ = claims_of(
        "The war, which erupted in April 2023, has in more than two years killed tens of "
        "thousands of people."
    )
    (toll,) = claims
    assert (toll.scope, toll.event_id, toll.vague) == ("cumulative", None, True)


def test_a_figure_counted_between_two_times_is_cumulative() -> None:
    """ "between Friday and Sunday", "between January and March": a count over a period,
    no single occurrence's; "between the army and the rebels" names two parties."""
    for body in [
        "At least 87 people were murdered between Friday and Sunday in Ordavi, police said.",
        "Monitors say 214 civilians were killed in Ordavi between January and March.",
    ]:
        (claim,), _, _ = claims_of(body)
        assert (claim.scope, claim.event_id) == ("cumulative", None), body
    (claim,), _, _ = claims_of(
        "Clashes between the army and the Kelbani Front killed 12 people in Ordavi on Monday."
    )
    assert claim.scope == "incident"


def test_hostages_still_held_are_a_standing_count_not_an_abduction_toll() -> None:
    (held,), _, _ = claims_of("Hamas is still holding 101 hostages in Gaza.")
    assert (held.outcome, held.count_min, held.scope) == ("abducted", 101, "cumulative")
    (taken,), _, _ = claims_of("Militants took 30 hostages on Monday.")
    assert (taken.count_min, taken.scope) == (30, "incident")


def test_tens_of_thousands_is_ten_times_thousands() -> None:
    claims, _, _ = claims_of(
        "The war has killed tens of thousands of people since 2023. Hundreds of thousands "
        "of people have been wounded. Thousands of soldiers have been killed."
    )
    figures = [(c.outcome, c.count_min, c.count_max, c.qualifier, c.figure_span) for c in claims]
    assert [(o, low, high, q, span.text) for o, low, high, q, span in figures] == [
        ("killed", 20_000, None, "at_least", "tens of thousands"),
        ("injured", 200_000, None, "at_least", "Hundreds of thousands"),
        ("killed", 2_000, None, "at_least", "Thousands"),
    ]


def figures(claims: list[CasualtyClaim]) -> list[tuple[str, int, int | None, str]]:
    return [(c.outcome, c.count_min, c.count_max, c.qualifier) for c in claims]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # Each verb of a headline's pair keeps its own number.
        (
            "Militants kill 15 in Niger State community, abduct 40",
            [("killed", 15), ("abducted", 40)],
        ),
        # "left N dead": the victims are the object.
        (
            "The car bomb left at least 8 people dead and scores wounded, officials said.",
            [("killed", 8)],
        ),
        ("The ambush left four soldiers dead.", [("killed", 4)]),
        # A number the parser coordinated with another outcome's is its own word's.
        ("Casualties included five dead and 17 wounded.", [("killed", 5), ("injured", 17)]),
    ],
)
def test_each_outcome_word_takes_its_own_figure(body: str, expected: list) -> None:  # type: ignore[type-arg]
    claims, _, _ = claims_of(body)
    assert sorted((c.outcome, c.count_min) for c in claims) == sorted(expected)


def test_those_reported_missing_are_the_victims_not_the_claimant() -> None:
    claims, _, _ = claims_of("Eleven fishermen were reported missing after the storm of shells.")
    assert figures(claims) == [("missing", 11, 11, "exact")]
    assert claims[0].claimant_text is None


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # The parser made "shot" a clause on "reports": the victims are its subject.
        (
            "The agency said it was appalled by reports that 460 patients had been shot dead.",
            ("killed", 460, 460, "exact"),
        ),
        # The parser took "23 people" for the subject of "said".
        (
            "An air strike on a monastery in the north killed at least 23 people, including "
            "four children, who had been sheltering there, a local group and a witness said.",
            ("killed", 23, None, "at_least"),
        ),
    ],
)
def test_a_figure_the_parser_hung_elsewhere_is_found(body: str, expected: tuple) -> None:  # type: ignore[type-arg]
    claims, _, _ = claims_of(body)
    assert expected in figures([c for c in claims if not c.breakdown])


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The militants released four hostages on Tuesday.", []),
        ("Troops freed six of the hostages in a raid on Monday.", []),
        ("The release of 12 hostages began on Sunday.", []),
        ("Gunmen took 20 people hostage on Monday.", [("abducted", 20, 20, "exact")]),
    ],
)
def test_hostages_set_free_are_no_abduction_toll(body: str, expected: list) -> None:  # type: ignore[type-arg]
    claims, _, _ = claims_of(body)
    assert figures(claims) == expected


def test_a_figure_in_a_statement_quoted_over_paragraphs_is_the_quoters() -> None:
    claims, names, _ = claims_of(
        "Col. Amadou Sow briefed reporters in Bamako on Thursday.\n\n"
        'The statement read in part: "In the centre, troops repelled an attack on Dioura. '
        "Regrettably, two civilians were killed by the attackers.\n\n"
        '"In the north, troops neutralised 11 fighters near Kidal."\n\n'
        "Residents of Dioura said 14 people were killed."
    )
    by_count = {c.count_min: names.get(c.claimant or "", c.claimant) for c in claims}
    assert (by_count[2], by_count[11]) == ("Amadou Sow", "Amadou Sow")
    assert by_count[14] != "Amadou Sow"  # after the quotation closed


def test_a_quotation_closes_at_its_paragraphs_end_unless_the_next_goes_on() -> None:
    from newsevents.pipeline.quotations import quotations

    text = 'He said: "One.\n\nNo quote here.\n\n"Two\n\n"three." And “four”.'
    assert [text[s:e] for s, e in quotations(text)] == ['"One.', '"Two\n\n"three."', "“four”"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A date's day or year is no count, however the parse hangs it.
        ("March 4, 2023: Commander killed in Aleppo.", []),
        ("Two soldiers were wounded in a clash near the river on Monday morning, 11 March 2024.",
         [("injured", 2, 2)]),
        ("The rebels have staged several major attacks, including the 2014 Bama barracks "
         "massacre in which 90 people were killed.", [("killed", 90, 90)]),
        ("Police said on Friday 14 people had been killed.", [("killed", 14, 14)]),
        # Nobody is no figure of one.
        ("The next day, rebels fired rockets at the airbase; no one was hurt, officials said.",
         []),
        # A list item with a clause of its own counts another fact.
        ("Troops have neutralized 20 fighters this year, including eight killed in clashes, "
         "ten who surrendered and two captured.", [("killed", 20, 20), ("killed", 8, 8)]),
    ],
)  # fmt: skip
def test_figures_that_count_no_victims_are_left_out(
    body: str, expected: list[tuple[str, int, int]]
) -> None:
    claims, _, _ = claims_of(body)
    assert [(c.outcome, c.count_min, c.count_max) for c in claims] == expected


@pytest.mark.parametrize(
    ("body", "phrase"),
    [
        ("The French-run Al Amal clinic in Gao said it had treated 12 wounded people.",
         "French-run Al Amal clinic in Gao"),
        ("The Swiss-funded Hope hospital in Goma said it had received 23 wounded people.",
         "Swiss-funded Hope hospital in Goma"),
    ],
)  # fmt: skip
def test_a_claimant_phrase_starts_at_a_word_start(body: str, phrase: str) -> None:
    # The parse hangs "French -" away from the hospital; the phrase keeps the word whole.
    (claim,), _, _ = claims_of(body)
    assert claim.claimant_text == phrase


@pytest.mark.parametrize(
    ("body", "claimant", "text"),
    [
        ('The fighting broke out late Monday, a Nigerien security official told AFP. '
         '"Three of our soldiers were killed," the official said.',
         None, "a Nigerien security official"),
        ("Clashes shook the capital overnight, the city's Central Trauma Centre says. "
         "Between 40 and 50 people were injured, the centre said.",
         "Central Trauma Centre", "centre"),
        ("According to the Observatory for Peace (OFP), a Malian rights group, gunmen "
         "raided the village. The group said at least 12 men were still missing.",
         "OFP", None),
    ],
)  # fmt: skip
def test_the_noun_said_refers_back_to_the_phrase_that_described_it(
    body: str, claimant: str | None, text: str | None
) -> None:
    claims, names, _ = claims_of(body)
    assert claims, body
    last = claims[-1]
    assert names.get(last.claimant or "", last.claimant) == claimant
    if text is not None:
        assert last.claimant_text == text


def test_an_unnamed_role_in_the_lede_is_the_person_named_later_with_that_role() -> None:
    body = (
        "At least 11 people were killed in the siege, a police spokesman said. The attack "
        "began late on Saturday, police spokesman Ali Hassan Warsame told reporters."
    )
    (claim,), names, _ = claims_of(body)
    assert names.get(claim.claimant or "") == "Ali Hassan Warsame"
    assert claim.claimant_text == "a police spokesman"  # as written where the figure is
    # Another role's spokesman is someone else.
    (claim,), _, _ = claims_of(body.replace("a police spokesman", "an army spokesman"))
    assert claim.claimant is None


def test_an_attribution_hung_on_the_second_verb_attributes_the_first_figure_too() -> None:
    claims, names, _ = claims_of(
        "Four soldiers were killed and six others wounded when armed men attacked an army "
        "position near the border late on Tuesday, government spokesman John Ade said on "
        "Wednesday."
    )
    assert [(c.outcome, c.count_min, names.get(c.claimant or "")) for c in claims] == [
        ("killed", 4, "John Ade"),
        ("injured", 6, "John Ade"),
    ]


def test_a_ranges_victims_are_the_noun_not_the_words_of_the_range() -> None:
    (claim,), _, _ = claims_of("The strike killed between 20 and 25 soldiers.")
    assert (claim.count_min, claim.count_max, claim.qualifier) == (20, 25, "range")
    assert claim.victims == "soldiers" and claim.figure_span.text == "between 20 and 25"


def test_speakers_the_parser_ran_on_from_the_victims_are_the_claimant() -> None:
    claims, _, _ = claims_of(
        "A drone strike on a market in the region killed between 12 and 15 civilians, "
        "witnesses and a health worker told AFP on Monday."
    )
    assert [(c.count_min, c.count_max, c.claimant_text) for c in claims] == [(12, 15, "witnesses")]


def test_a_title_s_apposition_names_the_claimant() -> None:
    """ "the governor of X region, Name, said": the name says who speaks, not the place
    in the title; a close apposition ("the monitoring group Name") likewise."""
    claims, names, _ = claims_of(
        "The governor of Lakeside region, Maria Delgado, said 14 people were killed in the "
        "attack on the market."
    )
    assert [(c.count_min, names.get(c.claimant or "")) for c in claims] == [(14, "Maria Delgado")]
    claims, _, _ = claims_of(
        "The fighting has killed more than 3,000 people since 2019, according to the "
        "independent monitoring group Conflict Watch Initiative."
    )
    assert [(c.count_min, c.claimant_text) for c in claims] == [(3000, "Conflict Watch Initiative")]


def test_he_is_the_subject_before_not_the_person_it_spoke_to() -> None:
    """Who the sentence before names as its object is not who "he" is: its subject is."""
    claims, names, _ = claims_of(
        "The army's chief of staff, General Tomas Brandt, told President Arvid Lund that "
        "the offensive had stalled. He said 40 soldiers had been killed."
    )
    assert [(c.count_min, names.get(c.claimant or "")) for c in claims] == [(40, "Tomas Brandt")]


def test_a_figure_on_a_line_written_as_a_headline_is_the_body_s_when_restated() -> None:
    """A summary bullet or standfirst (a line with no closing stop) restates the body:
    its figure is the body's claim, even where its few words were misread."""
    claims, _, _ = claims_of(
        "- Attack comes two days after gunmen killed five villagers in Kessoma\n"
        "- Health ministry says six civilians killed, 31 injured\n\n"
        "Four police officers were killed on Monday when their vehicle hit a bomb in Dara, "
        "police said. The blast came two days after gunmen killed five villagers in "
        "Kessoma. The health ministry said six civilians had been killed and 31 injured in "
        "the region this week.",
        title="Four police officers killed in roadside blast",
    )
    assert sorted((c.outcome, c.count_min) for c in claims) == [
        ("injured", 31), ("killed", 4), ("killed", 5), ("killed", 6)
    ]  # fmt: skip
    assert all(not c.evidence.text.startswith("-") for c in claims)
    # A line with no closing stop whose figure the body does not state stays a claim.
    claims, _, _ = claims_of(
        "Three soldiers killed in ambush near Lobo\n\nThe army said it would respond."
    )
    assert [(c.outcome, c.count_min) for c in claims] == [("killed", 3)]


def test_a_standfirst_s_attribution_goes_to_the_body_figure_that_names_nobody() -> None:
    claims, _, _ = claims_of(
        "Gunmen shot dead a farmer before a gunfight left four more dead, police said\n\n"
        "Five people were killed in Tanka district on Saturday. In the exchange of fire "
        "that followed in the hills, four armed men were killed.",
        title="Five killed in Tanka gunfight",
    )
    (four,) = [c for c in claims if c.count_min == 4]
    assert four.claimant_text == "police" and four.evidence.text.startswith("In the exchange")


def test_a_dateline_s_year_before_a_dash_is_no_part_of_the_figure() -> None:
    claims, _, _ = claims_of(
        "LOBO CITY, February 19, 2024 - Five members of an armed group were killed in an "
        "encounter with troops on Sunday. Twenty-nine villagers were wounded."
    )
    assert sorted((c.outcome, c.count_min) for c in claims) == [("injured", 29), ("killed", 5)]


def test_a_press_release_s_unattributed_figures_are_its_issuer_s() -> None:
    body = (
        "HEADQUARTERS OPERATION CALM WATERS\nPRESS RELEASE\n\n"
        "1. Troops on Monday responded to an attack on Lumo village. The bodies of 14 "
        "persons were recovered, while 6 persons who sustained injuries were evacuated.\n\n"
        "2. The police said two suspects were killed in a shootout."
    )
    claims, _, draft = claims_of(body, title="TROOPS RESPOND TO ATTACK ON LUMO VILLAGE")
    said = {(c.outcome, c.count_min): c.claimant_text for c in claims}
    assert said == {
        ("killed", 14): "OPERATION CALM WATERS",
        ("injured", 6): "OPERATION CALM WATERS",
        ("killed", 2): "police",
    }
    for claim in claims:
        span = claim.claimant_span
        assert span is not None and draft.text[span.start : span.end] == claim.claimant_text


ENCOUNTER = "Five gunmen were killed in an encounter with troops on Sunday."
HEADLINE = "Troops repel attack near Strelsau"


@pytest.mark.parametrize(
    ("letterhead", "title", "issuer"),
    [
        # A label alone in its block: the issuer heads the block above it.
        ("HEADQUARTERS, EASTERN COMMAND\nARMED FORCES OF RUVANIA\nCamp Delta, Lobo City\n\n"
         "PRESS RELEASE\nFor immediate release\n\n", "HEADQUARTERS, EASTERN COMMAND",
         "EASTERN COMMAND"),
        # A label over the issuer's line, under the headline: the line under the label.
        ("PRESS RELEASE\nHeadquarters, 2nd Mechanized Brigade, Ruvanian Army\nCamp Delta\n\n",
         "5 gunmen killed in encounter - 2MB", "2nd Mechanized Brigade, Ruvanian Army"),
        # A label over a ministry's name: that name, wherever the dateline is.
        ("PRESS RELEASE\nMinistry of Defence\nRepublic of Ruritania\n\nSTRELSAU, 2 April "
         "2023 - ", HEADLINE, "Ministry of Defence"),
        # "HEADQUARTERS" alone over the issuer's name: the name.
        ("HEADQUARTERS\nRUVANIAN ARMY\nDEPARTMENT OF ARMY PUBLIC RELATIONS\n\nPRESS "
         "RELEASE\n\n", HEADLINE, "RUVANIAN ARMY"),
        # A label alone under the headline: the headline is no issuer.
        ("PRESS RELEASE\n\n", HEADLINE, None),
        # No release: nobody is made the claimant.
        ("", "News", None),
    ],
)  # fmt: skip
def test_a_press_release_s_issuer_is_read_from_its_letterhead(
    letterhead: str, title: str, issuer: str | None
) -> None:
    claims, _, _ = claims_of(letterhead + ENCOUNTER, title=title)
    assert [c.claimant_text for c in claims] == [issuer]


def test_sent_to_hell_is_killed() -> None:
    """ISPR wording: "five terrorists were sent to hell" is a death toll; "sent two envoys
    to Kabul" is none."""
    claims, _, _ = claims_of(
        "Two soldiers embraced shahadat while five terrorists were sent to hell during an "
        "operation in Kulachi, the ISPR said. The minister sent two envoys to Kabul."
    )
    assert sorted((c.outcome, c.count_min, c.claimant_text) for c in claims) == [
        ("killed", 2, "ISPR"),
        ("killed", 5, "ISPR"),
    ]


def test_a_count_of_cases_or_incidents_is_no_count_of_victims() -> None:
    claims, _, _ = claims_of(
        "The mission recorded the abduction of 85 people and 40 cases of sexual violence. "
        "It documented 12 incidents in which 31 civilians were killed."
    )
    assert sorted((c.outcome, c.count_min) for c in claims) == [("abducted", 85), ("killed", 31)]


def test_it_stands_for_a_body_no_entity_names() -> None:
    """ "The Frontier Health Ministry said ... It said ...": the ministry (a proper noun no
    entity holds) is what "it" stands for."""
    claims, _, _ = claims_of(
        "The Frontier Health Ministry said 12 people were killed in the strike. It said 30 "
        "others were wounded."
    )
    said = {(c.outcome, c.count_min): c.claimant_text for c in claims}
    assert said[("injured", 30)] == said[("killed", 12)]
    assert said[("killed", 12)] is not None and "Ministry" in said[("killed", 12)]


def test_who_was_among_the_dead_was_killed() -> None:
    claims, _, _ = claims_of(
        "One of the sources said 12 soldiers and at least eight volunteers were among the "
        "dead. The hospital had received 17 wounded people, two of whom died on Sunday, a "
        "medical source there said."
    )
    found = {(c.outcome, c.count_min, c.qualifier): c.claimant_text for c in claims}
    assert found == {
        ("killed", 12, "exact"): "One of the sources",
        ("killed", 8, "at_least"): "One of the sources",
        ("injured", 17, "exact"): "a medical source",
        ("killed", 2, "exact"): "a medical source",
    }


def test_victims_the_parser_took_for_the_object_of_saying_are_still_counted() -> None:
    claims, _, _ = claims_of(
        "An official said 14 policemen and at least six members of the Lumo Defence "
        "Brigade (LDB), a local militia that patrols the hills, were killed, and that "
        "about 30 others were wounded."
    )
    assert sorted((c.outcome, c.count_min, c.qualifier) for c in claims) == [
        ("injured", 30, "approx"), ("killed", 6, "at_least"), ("killed", 14, "exact")
    ]  # fmt: skip


def test_the_source_with_a_clause_about_it_is_the_source_described_before() -> None:
    claims, _, _ = claims_of(
        "A military source in Lumo told reporters the attackers arrived in canoes. The "
        "source, who asked not to be named, put the death toll at 41 soldiers."
    )
    assert [(c.count_min, c.claimant_text) for c in claims] == [(41, "A military source in Lumo")]


@pytest.mark.parametrize(
    ("body", "figure"),
    [
        ("The president, who on Wednesday had given the toll as 116, declared an emergency.",
         ("killed", 116, 116)),
        ("A rights group said the real number of dead could be between 120 and 130.",
         ("killed", 120, 130)),
        ("The spokesman said 38 of the dead were students.", ("killed", 38, 38)),
    ],
)  # fmt: skip
def test_tolls_given_as_put_between_or_counted_of_the_dead(
    body: str, figure: tuple[str, int, int]
) -> None:
    claims, _, _ = claims_of(body)
    assert [(c.outcome, c.count_min, c.count_max) for c in claims] == [figure]


def test_people_in_a_grave_condition_are_injured() -> None:
    claims, _, _ = claims_of(
        "Eight people are in critical condition, a doctor said. The blast left five "
        "people in serious condition. The condition of the road was poor."
    )
    assert sorted((c.outcome, c.count_min) for c in claims) == [("injured", 5), ("injured", 8)]


def test_parts_a_colon_lists_by_place_are_a_breakdown_when_they_add_up() -> None:
    claims, _, _ = claims_of(
        "The rescue service said eight people were killed in the missile attack: four in "
        "Lumo, three in Kessa and one in Bora. Ten people were wounded: two in Lumo and "
        "five in Kessa."
    )
    found = sorted((c.outcome, c.count_min, c.breakdown) for c in claims)
    assert found == [
        ("injured", 10, False),  # two and five make no ten: no breakdown read
        ("killed", 1, True), ("killed", 3, True), ("killed", 4, True), ("killed", 8, False),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("body", "claimant"),
    [
        # An office, its "of" phrase and the holder's name in apposition before "said":
        # the name is the claimant, however the parser hung the office.
        (
            "Seven people died, the head of the Kharkiv Regional State Administration, Oleh "
            "Syniehubov, said.",
            "Oleh Syniehubov",
        ),
        (
            "The toll has risen to 20, the head of the Odesa Regional Military Administration, "
            "Oleh Kiper, said on Telegram.",
            "Oleh Kiper",
        ),
        # The name first and its description in apposition: the name still.
        ("Five people were killed, Ali Khan, a police spokesman, said.", "Ali Khan"),
    ],
)
def test_the_holder_named_in_apposition_before_said_is_the_claimant(
    body: str, claimant: str
) -> None:
    claims, names, _ = claims_of(body)
    assert claims and all(names.get(c.claimant or "") == claimant for c in claims)


@pytest.mark.parametrize(
    ("body", "claimant"),
    [
        # An attribution after a comma that the parser coordinated with the figure's clause.
        (
            "A drone strike on the district hospital left at least 30 people dead, while 12 "
            "others were wounded, the head of the World Health Organization said on Sunday, in "
            "one of the worst attacks on a clinic since the fighting began.",
            "World Health Organization",
        ),
        # A sentence-final attribution the parser hung on the main verb as a clause.
        (
            "The worst attack came late on Sunday in the valley, where gunmen blocked the road, "
            "checked identity cards and gunned down 23 men, most of them labourers, before "
            "torching at least 35 trucks, District Commissioner Ali Rind told Reuters.",
            "Ali Rind",
        ),
        # The name before a description in apposition, where the parser hung it elsewhere.
        (
            "In neighbouring Syria, the Syrian Observatory for Human Rights, a war monitor "
            "based in Britain, said 14 people were hurt.",
            "Syrian Observatory for Human Rights",
        ),
    ],
)
def test_an_attribution_the_parser_hung_apart_still_names_the_claimant(
    body: str, claimant: str
) -> None:
    claims, names, _ = claims_of(body)
    assert claims and all(names.get(c.claimant or "") == claimant for c in claims)


def test_harm_told_after_two_dated_acts_is_the_one_told_last(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """ "After explosions in the capital on the night of October 9, ... forces attack
    border posts late on October 11. The military says 23 of its soldiers died": the
    deaths are the attack's, the act the sentence before told last; "counters that" is
    an attribution."""
    import datetime as dt

    text = (
        "After explosions in Kabul on the night of October 9, which the Taliban blame on "
        "Pakistani drones, Afghan forces attack Pakistani border posts late on October 11. "
        "Pakistan's military says 23 of its soldiers died. Taliban spokesman Zabihullah "
        "Mujahid counters that 58 Pakistani soldiers were killed."
    )
    monkeypatch.setitem(globals(), "PUBLISHED", dt.date(2025, 11, 10))
    claims, names, _ = claims_of(text)
    by_count = {c.count_min: c for c in claims}
    assert by_count[23].event_date == dt.date(2025, 10, 11)
    assert names.get(by_count[58].claimant or "") == "Zabihullah Mujahid"


@pytest.mark.parametrize(
    ("body", "figure"),
    [
        ("Gunmen blocked the road and gunned down 23 men, police said.", ("killed", 23, 23)),
        (
            "Militants had taken away as many as four guards from a checkpoint, an official said.",
            ("abducted", 0, 4),
        ),
        ("Rebels took away five aid workers from the camp, the agency said.", ("abducted", 5, 5)),
        # The dead carried off, and an arrest, are no abduction.
        ("Rescuers took away the bodies of 12 people, officials said.", ("killed", 12, 12)),
        ("Police took away four suspects from the scene, officials said.", None),
    ],
)
def test_a_verb_and_its_particle_state_an_outcome(body: str, figure: object) -> None:
    claims, _, _ = claims_of(body)
    got = [(c.outcome, c.count_min, c.count_max) for c in claims]
    assert got == ([figure] if figure else [])


def test_a_figure_with_no_attribution_goes_on_with_the_one_right_before_it() -> None:
    """In a paragraph, a figure with no attribution and no time of its own right after
    an attributed one is the same source's; one in another paragraph, or dated to a
    year of its own, is not."""
    claims, names, _ = claims_of(
        "From January to June, at least 2,100 people were killed in the violence, according "
        "to UN figures. A further 900 people were injured over the same period.\n\n"
        "Police said 12 people were killed. In a similar attack in 2019, 30 people were "
        "killed.\n\nSix others were wounded.\n\nThe group said it had killed 11 soldiers. "
        "The group often inflates casualty figures.\n\nThe bombing came three days after "
        "militants ambushed a police vehicle, killing two officers."
    )
    by_count = {c.count_min: names.get(c.claimant or "") for c in claims}
    assert by_count[2100] == by_count[900] == "United Nations"
    assert claims[[c.count_min for c in claims].index(30)].claimant_text is None
    assert claims[[c.count_min for c in claims].index(6)].claimant_text is None
    assert claims[[c.count_min for c in claims].index(2)].claimant_text is None


@pytest.mark.parametrize(
    ("body", "figure"),
    [
        # The outcome hung on the count noun itself.
        ("The party put the number of its members killed at seven.", ("killed", 7)),
        # "who lost their lives": the count noun counts the relative clause's subject.
        (
            "The army said the number of its soldiers who lost their lives in the east had "
            "risen to 13.",
            ("killed", 13),
        ),
    ],
)
def test_a_count_noun_gives_the_figure_of_the_victims_it_counts(
    body: str, figure: tuple[str, int]
) -> None:
    claims, _, _ = claims_of(body)
    assert [(c.outcome, c.count_min) for c in claims] == [figure]


def test_an_unattributed_toll_goes_with_the_strike_told_before_it_not_one_told_after(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A toll right after a strike recalled from months before is that strike's dead,
    not those of an attack the text tells later."""
    monkeypatch.setitem(globals(), "PUBLISHED", dt.date(2023, 7, 10))
    claims, _, draft = claims_of(
        "On 2 February 2023, the Sudanese army launched air strikes on Nyala. The local "
        "health office said 31 people were killed on the first day, including four "
        "children.\n\nOn 20 June, the Rapid Support Forces attacked a garrison in El "
        "Obeid."
    )
    dates = {c.count_min: c.event_date for c in claims}
    assert dates[31] == dt.date(2023, 2, 2)


def test_an_official_at_a_hospital_speaks_for_the_hospital() -> None:
    """ "An official at Debre Markos Comprehensive Specialized Hospital said ...": the
    claimant is the hospital, which NER read as a person's name."""
    claims, names, _ = claims_of(
        "An official at Debre Markos Comprehensive Specialized Hospital said 31 wounded "
        "people had been admitted since the fighting began."
    )
    assert [(c.count_min, names.get(c.claimant or "")) for c in claims] == [
        (31, "Debre Markos Comprehensive Specialized Hospital")
    ]


@pytest.mark.parametrize(
    ("body", "figure"),
    [
        # Care for injuries says the people were hurt.
        ("Up to 35 people were treated for injuries at the district hospital, a nurse said.",
         ("injured", 0, 35, "at_most")),
        ("The clinic treated 14 people for wounds after the blast.", ("injured", 14, 14, "exact")),
        # "with N X believed killed": the victims of a bare hearsay participle.
        ("Police said the gunmen fired on the market, with two to three traders believed "
         "killed.", ("killed", 2, 3, "range")),
    ],
)  # fmt: skip
def test_figures_told_through_care_or_hearsay(
    body: str, figure: tuple[str, int, int | None, str]
) -> None:
    claims, _, _ = claims_of(body)
    assert [(c.outcome, c.count_min, c.count_max, c.qualifier) for c in claims] == [figure]


@pytest.mark.parametrize(
    ("body", "figure"),
    [
        # Put to death: the verb's object or passive subject.
        ("Fourteen pupils were burned to death when the dormitory was set alight.",
         ("killed", 14, 14, "exact")),
        ("A mob beat three suspected thieves to death in the market.", ("killed", 3, 3, "exact")),
        # Lying dead: the subject of the verb of state.
        ("Six villagers were lying dead in the square, a witness said.", ("killed", 6, 6, "exact")),
    ],
)  # fmt: skip
def test_put_to_death_or_lying_dead(body: str, figure: tuple[str, int, int | None, str]) -> None:
    claims, _, _ = claims_of(body)
    assert [(c.outcome, c.count_min, c.count_max, c.qualifier) for c in claims] == [figure]


def test_a_figure_the_parser_hung_on_a_name_inside_the_victims_phrase() -> None:
    """ "Twenty Indian Army personnel ... were killed": the parser may hang "Twenty" on
    "Army" as a compound; it still counts the personnel, and the army's word says so."""
    claims, _, _ = claims_of(
        "Twenty Indian Army personnel, including a commanding officer, were killed in a "
        "face-off on Monday night, the Army said."
    )
    assert (20, "Army") in [(c.count_min, c.claimant_text) for c in claims]


@pytest.mark.parametrize(
    ("body", "figures"),
    [
        ("A security source said a dozen soldiers were still unaccounted for.",
         [("missing", 12, 12, "approx")]),
        ("About 30 villagers remain unaccounted for, the governor said.",
         [("missing", 30, 30, "approx")]),
        ("Dozens of families were unaccounted for after fleeing into the forest.", []),
        ("The funds were unaccounted for.", []),
    ],
)  # fmt: skip
def test_unaccounted_for_and_a_dozen(
    body: str, figures: list[tuple[str, int, int | None, str]]
) -> None:
    claims, _, _ = claims_of(body)
    assert [(c.outcome, c.count_min, c.count_max, c.qualifier) for c in claims] == figures


@pytest.mark.parametrize(
    "body",
    [
        # "it" in a clause of the sentence whose subject spoke: that subject, not the
        # body the sentences before named.
        "The Frontier Corps blamed the Baloch Liberation Army for the ambush. Gunmen fired on "
        "the convoy on Saturday, the Interior Ministry said in a statement on Sunday, when it "
        "reported seven people dead and five wounded.",
        "The Taliban claimed the raid. The police station was stormed at dawn, the Interior "
        "Ministry said on Monday, as it reported seven people dead and five wounded.",
    ],
)
def test_it_in_a_clause_is_the_subject_of_the_sentence_it_hangs_in(body: str) -> None:
    claims, names, _ = claims_of(body)
    assert [(c.count_min, names.get(c.claimant or "")) for c in claims] == [
        (7, "Interior Ministry"), (5, "Interior Ministry")
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("body", "claimant"),
    [
        # "the group" speaking is the body that was the subject just before, not the
        # armed group named last.
        ("The Syrian Network for Human Rights accused the Syrian Democratic Forces of "
         "shelling the town. At least nine civilians were killed, the group said on Monday.",
         "Syrian Network for Human Rights"),
        ("The Sudan Doctors Network blamed the Rapid Support Forces for the strike. More than "
         "40 others were wounded, the group said in a statement.", "Sudan Doctors Network"),
    ],
)  # fmt: skip
def test_the_group_speaking_is_the_body_that_was_the_subject_before(
    body: str, claimant: str
) -> None:
    claims, names, _ = claims_of(body)
    (claim,) = claims
    # The entity's name, or the words that name a body no entity holds.
    assert names.get(claim.claimant or "", claim.claimant_text) == claimant


def test_a_release_s_issuer_is_the_entity_its_name_is_a_mention_of() -> None:
    body = (
        "U.S. Central Command\nPRESS RELEASE\n\n"
        "TAMPA, Fla. - U.S. Central Command (CENTCOM) forces conducted a strike near the "
        "port on March 3. Two militants were killed."
    )
    claims, names, _ = claims_of(body, title="CENTCOM conducts strike")
    (claim,) = claims
    assert claim.claimant_text == "U.S. Central Command"
    assert claim.claimant is not None and "Central Command" in names[claim.claimant]


@pytest.mark.parametrize(
    ("body", "figures"),
    [
        # Those who died were counted among the wounded before: deaths, no new wounded.
        ("Four of the wounded had died in hospital, bringing the toll to 11, the prosecutor "
         "said.", [("killed", 4), ("killed", 11)]),
        ("Two of the injured later succumbed, the governor said.", [("killed", 2)]),
        # Still wounded: a count of the wounded.
        ("Three of the wounded were in critical condition, the hospital said.",
         [("injured", 3)]),
    ],
)  # fmt: skip
def test_victims_counted_among_the_wounded_who_died_are_no_new_wounded(
    body: str, figures: list[tuple[str, int]]
) -> None:
    claims, _, _ = claims_of(body)
    assert [(c.outcome, c.count_min) for c in claims] == figures


def test_a_figure_is_not_of_an_assault_the_sentence_reports_apart() -> None:
    """ "said 38 bodies had been counted and that troops had clashed with ... on
    Wednesday": the count is of the massacre told before, not of the clash reported in
    the clause after "and that"."""
    claims, _, draft = claims_of(
        "Gunmen stormed the village of Kasinga late on Monday, residents said. The army "
        "spokesman said 38 bodies had been counted and that troops pursuing the attackers "
        "had clashed with the gunmen near Manguredjipa on Wednesday."
    )
    (claim,) = claims
    event = next(e for e in draft.events if e.event_id == claim.event_id)
    assert event.trigger == "stormed"
    assert claim.event_date == dt.date(2024, 1, 15)


def test_a_figure_after_a_report_s_background_attack_is_that_attack_s() -> None:
    """A report published weeks after the attack it is about tells the attack as
    background; an undated attack it mentions later is no occurrence a figure told
    before it could count, so the figure is the background attack's, not an assault of
    its own on the day of the count."""
    claims, _, draft = claims_of(
        "On 2 December 2023, gunmen attacked the village of Ordavi, firing at residents."
        "\n\nThe first toll given on 3 December was at least 30 dead.\n\n"
        "Rebels also attacked a police post near Kelbani, the report said."
    )
    (claim,) = claims
    event = next(e for e in draft.events if e.event_id == claim.event_id)
    assert (event.trigger, claim.event_date) == ("attacked", dt.date(2023, 12, 2))
    assert sorted(e.trigger for e in draft.events) == ["attacked", "attacked"]


@pytest.mark.parametrize(
    ("body", "claimant"),
    [
        # A part of a body speaks for it, not the place in the part's name.
        ("The New People's Army (NPA) ambushed a patrol. The NPA's Eastern Visayas regional "
         "command said its fighters had killed five soldiers.", "New People's Army"),
        ("The Islamic State West Africa Province (ISWAP) attacked the base on Friday. "
         "ISWAP's Lake Chad command said its fighters had killed 12 soldiers.",
         "Islamic State – West Africa Province"),
    ],
)  # fmt: skip
def test_a_part_of_a_body_speaks_for_it(body: str, claimant: str) -> None:
    claims, names, _ = claims_of(body)
    (claim,) = claims
    assert names.get(claim.claimant or "") == claimant


def test_the_minister_said_is_the_minister_named_before_with_that_title() -> None:
    claims, names, _ = claims_of(
        "Defence Minister Ana Ruiz said the convoy was ambushed late Monday. The minister "
        "said 14 soldiers had been wounded."
    )
    assert [names.get(c.claimant or "") for c in claims] == ["Ana Ruiz"]


def test_a_toll_is_never_the_claimant_of_the_figure_it_is_put_at() -> None:
    claims, _, _ = claims_of(
        "Nine people were killed in the clash on Tuesday, police said. The toll, initially "
        "put at five, rose after four of the wounded died."
    )
    assert "toll" not in [c.claimant_text for c in claims]


@pytest.mark.parametrize(
    ("body", "figures"),
    [
        ("The death toll was 27, the rights group said.", [(27, 27)]),
        ("The monitors said the toll among civilians alone was nearly 60.", [(60, 60)]),
        ("The death toll is now 14 people, police said.", [(14, 14)]),
    ],
)
def test_a_toll_told_with_the_verb_be_gives_its_figure(
    body: str, figures: list[tuple[int, int]]
) -> None:
    claims, _, _ = claims_of(body)
    assert [(c.count_min, c.count_max) for c in claims] == figures


def test_a_toll_compared_with_no_figure_gives_none() -> None:
    assert claims_of("The toll was the highest since 2019, officials said.")[0] == []


def test_up_from_after_the_verb_of_saying_is_the_superseded_figure() -> None:
    claims, _, _ = claims_of("The toll has risen to 63, officials said on Friday, up from 48.")
    assert sorted(c.count_min for c in claims) == [48, 63]


def test_soldiers_who_fell_as_martyrs_were_killed() -> None:
    claims, _, _ = claims_of("The army said that five of its soldiers fell as martyrs on Sunday.")
    assert [(c.outcome, c.count_min) for c in claims] == [("killed", 5)]
