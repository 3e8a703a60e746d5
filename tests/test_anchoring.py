"""Issue 12: every event and claim anchored to the timeline. Each rule is tested on
sentences written for the test (none is taken from a dev article)."""

import datetime as dt

import pytest

from newsevents.pipeline.claims import extract_claims
from newsevents.pipeline.document import Draft, RawDocument
from newsevents.pipeline.entities import extract_entities
from newsevents.pipeline.events import extract_events
from newsevents.pipeline.nlp import load_nlp, parse
from newsevents.schema import Event
from newsevents.temporal.event_dates import date_words, sentence_dates, untagged_shifts

THURSDAY = dt.date(2023, 5, 11)


def draft_of(body: str, published: dt.date | None = THURSDAY, title: str = "News") -> Draft:
    doc = RawDocument("t", "t.txt", None, f"{title}\n\n{body}")
    (draft,) = parse([Draft(doc, title=title, body=body, published_date=published)])
    return extract_claims(extract_events(extract_entities(draft)))


def event(draft: Draft, trigger: str) -> Event:
    (found,) = [e for e in draft.events if e.trigger == trigger]
    return found


def test_a_verb_coordinated_with_a_dated_one_shares_its_day() -> None:
    draft = draft_of(
        "Kenya's foreign ministry on Tuesday summoned the Somali ambassador and cancelled "
        "a planned visit by the defence minister."
    )
    cancelled = event(draft, "cancelled")
    assert (cancelled.date, cancelled.date_source) == (dt.date(2023, 5, 9), "relative")


def test_a_when_clause_happens_at_its_main_clauses_time() -> None:
    draft = draft_of("Ties collapsed on Monday, when Chad recalled its ambassador from Sudan.")
    recalled = event(draft, "recalled")
    assert (recalled.type, recalled.date) == ("SANCTION", dt.date(2023, 5, 8))


def test_a_verbal_act_takes_the_day_of_the_statement_that_announces_it() -> None:
    draft = draft_of(
        "A Foreign Ministry spokesman said on Wednesday that Beijing was concerned and urged "
        "both sides to resolve the dispute through dialogue."
    )
    urged = event(draft, "urged")
    assert (urged.date, urged.date_source) == (dt.date(2023, 5, 10), "reporting")


def test_the_day_of_a_statement_does_not_date_an_attack_it_recounts() -> None:
    draft = draft_of(
        "The army said on Wednesday that Boko Haram had attacked a checkpoint in Maiduguri."
    )
    attacked = event(draft, "attacked")
    assert attacked.date_source != "reporting" and attacked.date != dt.date(2023, 5, 10)


def test_a_relative_clause_dates_the_trigger_noun() -> None:
    draft = draft_of("Russia and Ukraine signed a grain deal, which took effect on March 3.")
    (deal,) = [e for e in draft.events if e.trigger == "deal"]
    assert (deal.date, deal.date_source) == (dt.date(2023, 3, 3), "explicit")


def test_a_clause_on_the_subject_dates_the_act_when_it_names_a_day() -> None:
    draft = draft_of(
        "Governor Musa Ladan, who toured the burned market in Kelbani on Tuesday, condemned the "
        "raid and promised help to the traders."
    )
    condemned = event(draft, "condemned")
    assert (condemned.date, condemned.date_source) == (dt.date(2023, 5, 9), "relative")
    # The raid it condemns happened before; a year or a month dates nothing.
    assert all(e.date != dt.date(2023, 5, 9) for e in draft.events if e.type == "ASSAULT")
    draft = draft_of("President Musa Ladan, who took office in 2019, condemned the Kelbani raid.")
    assert event(draft, "condemned").date is None
    draft = draft_of(
        "The envoy who visited Kelbani on Tuesday was recalled, and Musa Ladan condemned the raid."
    )
    assert event(draft, "condemned").date is None


def test_a_participle_before_the_verb_and_the_call_it_was_made_in_date_the_act() -> None:
    draft = draft_of(
        "Speaking on state radio on Monday night, Musa Ladan accused Chad of aggression."
    )
    assert event(draft, "accused").date == dt.date(2023, 5, 8)
    draft = draft_of("Musa Ladan urged Chad in a phone call on Tuesday to halt the shelling.")
    assert event(draft, "urged").date == dt.date(2023, 5, 9)
    # A day on what the act is about is not the act's.
    draft = draft_of("Chad's president condemned Monday's raid on Kelbani in a statement.")
    assert event(draft, "condemned").date is None


def test_within_hours_is_the_day_told_before() -> None:
    draft = draft_of(
        "On Tuesday, gunmen attacked an army post in Kelbani. Within hours, Chad's jets "
        "struck rebel positions across the border."
    )
    assert event(draft, "struck").date == dt.date(2023, 5, 9)


def test_a_pronoun_subject_goes_on_with_the_paragraphs_episode() -> None:
    draft = draft_of(
        "Ghana's foreign minister condemned the shelling of the border post on Monday. "
        "He called on Togo to withdraw its troops."
    )
    called = event(draft, "called")
    assert (called.date, called.date_source) == (dt.date(2023, 5, 8), "narrative")


def test_a_new_paragraph_or_the_perfect_takes_no_narrative_time() -> None:
    draft = draft_of(
        "Ghana's foreign minister condemned the shelling of the border post on Monday.\n\n"
        "He called on Togo to withdraw its troops."
    )
    assert event(draft, "called").date is None
    draft = draft_of(
        "Ghana's foreign minister condemned the shelling of the border post on Monday. "
        "He had called on Togo to withdraw its troops."
    )
    assert event(draft, "called").date is None


def test_a_definite_mention_joins_the_occurrence_it_names() -> None:
    draft = draft_of(
        "Gunmen killed six villagers in Zamfara state on Sunday, police said. The attack on "
        "the village drew condemnation from the governor."
    )
    killings = [e for e in draft.events if e.type == "ASSAULT"]
    assert len(killings) == 1 and killings[0].date == dt.date(2023, 5, 7)


def test_an_undated_headline_takes_the_day_the_body_gives() -> None:
    draft = draft_of(
        "A Russian drone struck a crowded market in Sumy on Tuesday, regional officials said.",
        title="Russian drone hits market in Sumy",
    )
    strikes = [e for e in draft.events if e.type == "ASSAULT"]
    assert strikes and all(e.date == dt.date(2023, 5, 9) for e in strikes)


@pytest.mark.parametrize(
    ("sentence", "day"),
    [
        ("After brawls at the lake in May 2020, troops fought with rocks and clubs in the "
         "valley on June 15, 2020.", dt.date(2020, 6, 15)),
        ("Before the elections in March, gunmen attacked a polling office in Ordavi on "
         "Tuesday.", dt.date(2023, 5, 9)),
        # A time of day keeps the clause's day.
        ("After midnight on Monday, gunmen attacked a checkpoint in Ordavi.",
         dt.date(2023, 5, 8)),
    ],
)  # fmt: skip
def test_a_date_in_an_after_phrase_is_the_named_occurrences(sentence: str, day: dt.date) -> None:
    draft = draft_of(sentence)
    assert [e.date for e in draft.events if e.type == "ASSAULT"] == [day]


def test_an_assault_that_counts_its_victims_stands_when_no_other_does() -> None:
    # No side, place or day is named with the killing; it is still the article's event.
    draft = draft_of("At least six passengers were killed when armed men opened fire on them.")
    assert [e.type for e in draft.events] == ["ASSAULT"]
    # Beside an anchored assault it only confirms one.
    draft = draft_of(
        "Gunmen attacked a bus in Ordavi on Tuesday. Six passengers were killed, police said."
    )
    assert [(e.type, e.date) for e in draft.events] == [("ASSAULT", dt.date(2023, 5, 9))]


def test_an_undated_weekday_attack_is_not_joined_to_an_attack_of_another_weekday() -> None:
    # With no publication date "on Thursday" stays unresolved; the recalled bombing of
    # Wednesday 3 March 2021 must not lend it its day, nor its figures their date.
    draft = draft_of(
        "An explosion tore through a bus in Ordavi on Thursday morning, killing four "
        "people, police said. On March 3, 2021, a car bomb killed 20 people in Ordavi.",
        published=None,
        title="Bus blast in Ordavi kills four",
    )
    dated = {c.count_min: c.event_date for c in draft.casualty_claims}
    assert dated == {4: None, 20: dt.date(2021, 3, 3)}
    assert {e.date for e in draft.events if e.type == "ASSAULT"} == {None, dt.date(2021, 3, 3)}
    # A Wednesday blast is that one.
    draft = draft_of(
        "An explosion tore through a bus in Ordavi on Wednesday, killing four people. "
        "The blast, on March 3, 2021, was the deadliest this year.",
        published=None,
    )
    assert {c.event_date for c in draft.casualty_claims} == {dt.date(2021, 3, 3)}


def test_a_dated_definite_mention_dates_the_occurrence_the_lead_left_undated() -> None:
    draft = draft_of(
        "Four soldiers were killed when gunmen attacked a checkpoint in Ordavi, the army "
        "said on Thursday. The attack took place late Wednesday night."
    )
    (attack,) = draft.events  # the lead's attack and "the attack": one occurrence
    assert attack.date == dt.date(2023, 5, 10)
    (four,) = draft.casualty_claims
    assert (four.event_id, four.event_date) == (attack.event_id, dt.date(2023, 5, 10))


def test_a_dated_definite_mention_after_another_dated_one_names_that_one() -> None:
    draft = draft_of(
        "Gunmen attacked a checkpoint in Ordavi, the army said on Thursday. Troops shelled "
        "the town of Pembly on Monday. The attack took place late Wednesday night."
    )
    assert event(draft, "attacked").date is None


def test_a_wire_datelines_day_is_not_an_events_day() -> None:
    draft = draft_of(
        "Lagos, May 11 (AFP) Gunmen killed five villagers in Zamfara state on Tuesday, police said."
    )
    (killed,) = [e for e in draft.events if e.type == "ASSAULT"]
    assert killed.date == dt.date(2023, 5, 9)


def test_came_a_day_after_dates_the_earlier_event_not_the_later() -> None:
    # "E1 came a day after E2": the shift dates E2 a day before E1, and not E1.
    doc = load_nlp()("The ambush came a day after troops killed 12 fighters near the river.")
    shift = next(e for e in doc.ents if e.text == "a day")
    ambush, killed = doc[1], doc[7]
    assert date_words(shift, ambush) is None
    assert date_words(shift, killed) == "a day earlier"


def test_a_year_spacy_splits_off_is_joined_to_its_day() -> None:
    draft = draft_of("The war began with the group's March 3, 2021 attack on the capital.")
    attack = event(draft, "attack")
    assert (attack.date, attack.date_source) == (dt.date(2021, 3, 3), "explicit")


def test_weeks_and_months_carry_their_interval() -> None:
    draft = draft_of(
        "Sudan's army shelled Omdurman last week, and Chad closed its border in April."
    )
    shelled = event(draft, "shelled")
    assert (shelled.date_precision, shelled.date_start, shelled.date_end) == (
        "week", dt.date(2023, 5, 1), dt.date(2023, 5, 7),
    )  # fmt: skip


def test_undated_events_stay_blank_not_the_publication_day() -> None:
    draft = draft_of("Chad closed its border with Sudan, officials said.")
    closed = event(draft, "closed")
    assert (closed.date, closed.date_start, closed.date_source) == (None, None, "none")


def test_running_totals_belong_to_no_event() -> None:
    draft = draft_of(
        "An air strike killed four people in Kidal on Monday. Since the truce began, strikes "
        "have killed at least 40 people. More than 900 people were killed during two years "
        "of fighting. Nearly 300 soldiers were killed in attacks across the country in 2022."
    )
    totals = {c.count_min: c for c in draft.casualty_claims}
    assert totals[4].event_date == dt.date(2023, 5, 8)
    for figure in (40, 900, 300):
        assert (totals[figure].event_id, totals[figure].date_source) == (None, "none"), figure


def test_a_figure_said_before_the_event_is_not_its_toll() -> None:
    draft = draft_of(
        "A drone strike killed nine civilians in Tessalit on Monday. In early April, rebels "
        "said they had killed 30 soldiers near the town."
    )
    (earlier,) = [c for c in draft.casualty_claims if c.count_min == 30]
    assert earlier.event_id is None and earlier.event_date is None


def test_a_figure_its_sentence_dates_dates_its_headline_event() -> None:
    draft = draft_of(
        "At least five civilians were killed when shells landed on a market in Misrata late "
        "on Tuesday, the health ministry said.",
        title="Five killed as shells hit Misrata market",
    )
    (five,) = [c for c in draft.casualty_claims if c.count_min == 5]
    assert five.event_date == dt.date(2023, 5, 9)
    assert five.date_source != "none"


def test_a_clause_on_a_war_sums_over_it() -> None:
    draft = draft_of(
        "A drone strike killed nine civilians in Bahir Dar on Monday. The Tigray conflict, "
        "which ended with a peace deal in 2022, killed as many as 600,000 people."
    )
    (total,) = [c for c in draft.casualty_claims if c.count_max == 600000]
    assert total.event_id is None


def test_a_figure_right_after_a_recalled_attack_goes_on_with_it() -> None:
    draft = draft_of(
        "Israeli strikes killed 30 people in Rafah on Wednesday, medics said.\n\n"
        "The war began with Hamas's October 7, 2023 attack on Israel. Of the 251 hostages "
        "taken by militants, 97 remain in Gaza."
    )
    (hostages,) = [c for c in draft.casualty_claims if c.count_min == 251]
    assert hostages.event_date == dt.date(2023, 10, 7)


def test_the_shift_before_an_after_clause_dates_the_clauses_event() -> None:
    draft = draft_of(
        "Insurgents raided the village of Mocimboa on Sunday. The raid came a day after "
        "Mozambican troops said they had killed 11 insurgents near the river."
    )
    (killed,) = [e for e in draft.events if e.trigger == "killed"]
    assert killed.date == dt.date(2023, 5, 6)


def test_a_shift_before_a_noun_dates_the_other_event_after_it() -> None:
    for body in (
        "Two days after the bombing, Somalia expelled Kenya's ambassador.",
        "Somalia expelled Kenya's ambassador two days after the bombing.",
    ):
        draft = draft_of(f"Al-Shabaab bombed a market in Mogadishu on Monday. {body}")
        assert event(draft, "expelled").date == dt.date(2023, 5, 10), body


def test_a_participle_on_a_noun_keeps_the_date_with_the_event() -> None:
    draft = draft_of(
        "Gang gunfire struck three airliners flying into the capital's airport on Monday, "
        "Haitian officials said."
    )
    assert event(draft, "struck").date == dt.date(2023, 5, 8)


def test_a_noun_phrase_on_a_trigger_does_not_take_its_date() -> None:
    draft = draft_of(
        "Kenya and Somalia signed a security agreement on the sidelines of the AU summit in "
        "Addis Ababa on Tuesday evening."
    )
    assert event(draft, "agreement").date == dt.date(2023, 5, 9)


def test_liveblog_entries_take_the_day_of_their_heading() -> None:
    draft = draft_of(
        "Live updates\n"
        "Tuesday, May 9, 2023\n\n"
        "Key developments on May 9:\n"
        "- Kenya agrees to send 1,000 police officers to Haiti\n\n"
        "4:10 p.m. — Talks resume\n"
        "Officials of Kenya and Haiti held talks in Nairobi.",
        published=None,
    )
    assert event(draft, "agrees").date == dt.date(2023, 5, 9)
    assert event(draft, "agrees").date_source == "narrative"


def test_an_entrys_text_below_its_clock_time_takes_the_day_of_the_heading() -> None:
    draft = draft_of(
        "Live updates\n"
        "Tuesday, May 9, 2023\n\n"
        "2:05 p.m. — Shelling in the east\n"
        "Ordavi's army shelled villages near the border, a spokesman said.",
        published=None,
    )
    shelled = event(draft, "shelled")
    assert (shelled.date, shelled.date_source) == (dt.date(2023, 5, 9), "narrative")


def test_a_headline_told_again_in_an_entry_takes_the_entrys_day() -> None:
    draft = draft_of(
        "Live updates\nTuesday, May 9, 2023\n\n2:05 p.m. — Ordavi's army shelled border villages",
        published=None,
        title="Ordavi latest: Ordavi's army shelled border villages; talks stall",
    )
    (shelled,) = draft.events  # the headline and the entry: one occurrence
    assert shelled.evidence.text.startswith("Ordavi latest")  # told first in the headline
    assert (shelled.date, shelled.date_source) == (dt.date(2023, 5, 9), "narrative")


def test_a_paragraph_a_clock_time_does_not_open_is_no_entry() -> None:
    draft = draft_of(
        "Live updates\n"
        "Tuesday, May 9, 2023\n\n"
        "Ordavi's army shelled villages near the border, a spokesman said.",
        published=None,
    )
    assert event(draft, "shelled").date is None


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("Hours after the raid, a drone hit a police post in Kelbani.", ["Hours"]),
        ("Minutes later, gunmen opened fire on the crowd.", ["Minutes"]),
        ("Shortly afterwards, soldiers sealed off the area.", ["Shortly afterwards"]),
        ("Moments later, the building collapsed.", ["Moments"]),
        ("Two hours later, gunmen opened fire on the crowd.", []),
        ("A few minutes after the blast, police arrived.", []),
        ("Some 24 hours before the vote, the militia struck.", []),
    ],
)
def test_shifts_spacy_does_not_tag_are_found(sentence: str, found: list[str]) -> None:
    (sent,) = load_nlp()(sentence).sents
    tagged = sentence_dates(sent)
    assert [span.text for span in untagged_shifts(sent, tagged)] == found


def test_an_untagged_shift_dates_the_event_from_the_day_told_before() -> None:
    draft = draft_of(
        "Police raided a compound in Ulvira on Wednesday. Shortly afterwards, gunmen "
        "ambushed a convoy near the town."
    )
    assert event(draft, "ambushed").date == dt.date(2023, 5, 10)


def test_a_figure_its_sentence_dates_to_another_day_leaves_the_wrong_event() -> None:
    draft = draft_of(
        "M23 rebels shelled Goma on Monday, officials said. Three more people were killed "
        "on Saturday, the Red Cross said."
    )
    (three,) = [c for c in draft.casualty_claims if c.count_min == 3]
    shelling = event(draft, "shelled")
    assert three.event_id != shelling.event_id
    assert three.event_date != shelling.date


def test_a_day_on_the_attack_an_act_names_is_the_acts_day() -> None:
    # The parse hangs "on Wednesday" on "the attack"; the condemnation took place then.
    draft = draft_of(
        "Gunmen attacked a police checkpoint in Ordavi on Tuesday, killing three officers. "
        "The Kelbani Human Rights Commission condemned the attack on Wednesday and called "
        "on the authorities to find those responsible."
    )
    assert event(draft, "condemned").date == dt.date(2023, 5, 10)
    (attack,) = [e for e in draft.events if e.type == "ASSAULT"]
    assert attack.date == dt.date(2023, 5, 9)


def test_a_day_on_an_attack_first_told_there_stays_the_attacks() -> None:
    # "an attack" is news, not a name for one told before: the day is its own.
    draft = draft_of(
        "Gunmen attacked a police checkpoint in Ordavi on Tuesday, killing three officers. "
        "The Kelbani Human Rights Commission condemned an attack on Wednesday on a school in "
        "Pembly and called on the authorities to find those responsible."
    )
    assert event(draft, "attack").date == dt.date(2023, 5, 10)
    assert event(draft, "condemned").date is None


def test_attacks_sum_occurrences_and_an_attack_is_one() -> None:
    (total,) = draft_of(
        "Militant attacks have killed 300 people in Ordavi this year."
    ).casualty_claims
    assert (total.scope, total.event_id) == ("cumulative", None)
    # One attack, however long the span it is the worst of.
    draft = draft_of(
        "The worst attack, a bombing at a market in Ordavi on May 2, 2022, killed nine people."
    )
    (attack,) = draft.events
    (one,) = draft.casualty_claims
    assert (one.scope, one.event_id, one.event_date) == (
        "incident",
        attack.event_id,
        dt.date(2022, 5, 2),
    )


def test_a_participle_clause_happens_when_its_main_verb_does() -> None:
    draft = draft_of(
        "Chad recalled its ambassador from Sudan on Sunday, accusing Khartoum of shelling "
        "border villages."
    )
    accusing = event(draft, "accusing")
    assert (accusing.type, accusing.date) == ("ACCUSE", dt.date(2023, 5, 7))
    # "Having accused": the perfect participle tells an earlier act, not the recall's day.
    draft = draft_of(
        "Having accused Sudan of shelling border villages, Chad recalled its ambassador on Sunday."
    )
    assert event(draft, "accused").date is None


def test_a_pronoun_goes_on_with_the_statement_the_sentence_before_made() -> None:
    draft = draft_of(
        "Sudan's army spokesman Nabil Abdallah said on Sunday that the RSF had shelled "
        "El Fasher. He called on the United Nations to condemn the shelling."
    )
    called = event(draft, "called")
    assert (called.date, called.date_source) == (dt.date(2023, 5, 7), "reporting")
    # Told in the perfect, the appeal came before the statement: no day from it.
    draft = draft_of(
        "Sudan's army spokesman Nabil Abdallah said on Sunday that the RSF had shelled "
        "El Fasher. He had called on the United Nations to condemn the shelling."
    )
    assert event(draft, "called").date is None


def test_a_subject_pronoun_stands_for_the_subject_of_the_sentence_before() -> None:
    draft = draft_of(
        "On Monday, Algeria's foreign ministry rejected the accusations. It announced it "
        "was recalling its ambassador to Mali."
    )
    recalling = event(draft, "recalling")
    names = {e.entity_id: e.name for e in draft.entities}
    assert recalling.type == "SANCTION"
    # The subject, "Algeria's foreign ministry", is named with its country.
    assert [names[a] for a in recalling.actors] == ["Ministry of Foreign Affairs (Algeria)"]
    # "He" is no ministry: the pronoun names no one, and the appeal no actor.
    draft = draft_of(
        "On Monday, Algeria's foreign ministry rejected the accusations. He urged calm."
    )
    assert [e.trigger for e in draft.events] == ["rejected"]


def test_a_reduced_relative_clause_tells_its_nouns_day() -> None:
    truce = event(draft_of("A truce announced on Tuesday collapsed within hours."), "truce")
    assert (truce.type, truce.date) == ("AGREE", dt.date(2023, 5, 9))


@pytest.mark.parametrize(
    "harm",
    [
        "Officials said 16 people had been killed and 25 wounded in the strikes on the "
        "border areas of al-Qaim and Akashat.",
        "Sixteen people, including civilians, died in the raids on al-Qaim, officials said.",
        "A hospital in al-Qaim said 16 people were killed during the bombardment.",
    ],
)
def test_harm_told_in_a_definite_attack_is_that_attacks_harm(harm: str) -> None:
    # The places differ (the story names the strikes' targets, the harm their towns):
    # the definite noun, not the places, says which attack it was.
    draft = draft_of(f"Jets struck seven depots in Syria and Iraq on Friday night. {harm}")
    assaults = [e for e in draft.events if e.type == "ASSAULT"]
    assert [e.date for e in assaults] == [dt.date(2023, 5, 5)]
    claims = draft.casualty_claims
    assert claims and all(c.event_date == dt.date(2023, 5, 5) for c in claims)


def test_harm_in_an_attack_on_another_day_is_another_attack() -> None:
    draft = draft_of(
        "Jets struck seven depots in Syria and Iraq on Friday night. On Monday, 16 people "
        "were killed in an attack on a checkpoint near Rutba."
    )
    (claim,) = draft.casualty_claims
    assert claim.event_date == dt.date(2023, 5, 8)


def test_the_noun_told_again_names_the_occurrence_before_a_verb_of_its_stem() -> None:
    # "a mine struck" comes later and shares the stem of "strikes"; the noun itself,
    # repeated, says which occurrence the harm belongs to.
    draft = draft_of(
        "Warplanes carried out strikes on three camps near Gao on Friday, the army said. "
        "The strikes hit fuel depots and a command post. Hours earlier, two soldiers were "
        "killed when a mine struck their convoy near Menaka on Wednesday. Local officials "
        "said 12 people had been killed and 30 wounded in the strikes on the camps near "
        "Ansongo."
    )
    by_count = {c.count_min: c.event_date for c in draft.casualty_claims}
    assert by_count == {2: dt.date(2023, 5, 10), 12: dt.date(2023, 5, 5), 30: dt.date(2023, 5, 5)}


def test_the_sentence_after_the_lead_dates_the_attack_the_lead_told() -> None:
    draft = draft_of(
        "Two police officers have been shot dead and a third wounded at a checkpoint near "
        "Mandera, Kenyan authorities say. Police said a group of gunmen opened fire on "
        "officers manning the checkpoint late on Tuesday, before fleeing towards the border."
    )
    (attack,) = [e for e in draft.events if e.type == "ASSAULT"]
    assert attack.date == dt.date(2023, 5, 9)
    assert {c.event_date for c in draft.casualty_claims} == {dt.date(2023, 5, 9)}


@pytest.mark.parametrize(
    "after",
    [
        # Two sentences on, the day may be another attack's.
        "The market reopened a day later. On Tuesday, gunmen opened fire on a convoy.",
        # Who was struck in the lead strikes back in the next sentence: another act.
        "On Tuesday, Kenya's army shelled al-Shabaab camps near the town.",
    ],
)
def test_a_day_further_on_or_another_sides_act_leaves_the_lead_undated(after: str) -> None:
    draft = draft_of(
        f"Al-Shabaab fighters have killed three Kenyan soldiers in an attack near Mandera. {after}"
    )
    lead = next(e for e in draft.events if e.trigger == "killed")
    assert lead.date is None


@pytest.mark.parametrize(
    ("sentence", "day"),
    [
        ("On 3 March 2021, the frigate Ardent sank after being hit by two missiles.",
         dt.date(2021, 3, 3)),
        ("The ferry caught fire on Monday after being struck by a drone off Kherson.",
         dt.date(2023, 5, 8)),
    ],
)  # fmt: skip
def test_a_passive_after_clause_happens_on_its_main_clauses_day(
    sentence: str, day: dt.date
) -> None:
    draft = draft_of(sentence)
    (attack,) = [e for e in draft.events if e.type == "ASSAULT"]
    assert attack.date == day


def test_an_active_after_clause_keeps_its_own_time() -> None:
    # "withdrew on Monday after shelling the town for a week": the shelling came before.
    draft = draft_of("Rebels withdrew from Kindu on Monday after shelling the town for a week.")
    assert all(e.date != dt.date(2023, 5, 8) for e in draft.events if e.trigger == "shelling")


@pytest.mark.parametrize(
    ("heading", "day"),
    [
        # Entries under clock lines are of the day heading over them ...
        ("Sunday, May 7, 2023\n", dt.date(2023, 5, 7)),
        # ... or, where the page's day line became the date line, of the publication day.
        ("", dt.date(2023, 5, 11)),
    ],
)
def test_an_entry_under_a_clock_line_happens_on_the_blogs_day(heading: str, day: dt.date) -> None:
    draft = draft_of(
        f"LIVE\n{heading}\n"
        "10:52 pm\nSirens in the north\n\n"
        "Kenya's president warns Somalia against new attacks on the border.\n\n"
        "8:41 pm\nTalks called off\n\n"
        "Somalia's foreign minister accuses Kenya of shelling Mandera."
    )
    dated = {e.type: e.date for e in draft.events}
    assert dated.get("THREATEN") == dated.get("ACCUSE") == day, dated


def test_one_clock_time_makes_no_blog() -> None:
    draft = draft_of(
        "10:52 pm\nSirens in the north\n\n"
        "Kenya's president warns Somalia against new attacks on the border."
    )
    assert all(e.date is None for e in draft.events if e.type == "THREATEN")


def test_harm_told_right_after_a_dated_attack_is_that_attacks() -> None:
    # The victims are named, so the harm is an event of its own until it joins.
    draft = draft_of(
        "Police said a patrol was on a routine drive near Mandera on Tuesday when "
        "al-Shabaab fighters detonated a roadside bomb and opened fire on it.\n\n"
        "Two officers, Sergeant John Mwangi and Corporal Peter Otieno, were killed on the "
        "spot and four others were injured, police said."
    )
    (attack,) = [e for e in draft.events if e.type == "ASSAULT"]
    assert attack.date == dt.date(2023, 5, 9)
    assert {c.event_date for c in draft.casualty_claims} == {dt.date(2023, 5, 9)}


@pytest.mark.parametrize(
    ("between", "own"),
    [
        # Not the sentence right before: another may have been told in between.
        ("The town's market stayed shut for a week. ", ""),
        # The harm names its own attack.
        ("", " in a bombing in Garissa"),
    ],
)
def test_harm_further_on_or_with_its_own_attack_stays_apart(between: str, own: str) -> None:
    draft = draft_of(
        "Al-Shabaab fighters opened fire on a police patrol near Mandera on Tuesday. "
        f"{between}Two officers, Sergeant John Mwangi and Corporal Peter Otieno, were "
        f"killed{own}, police said."
    )
    killed = [e for e in draft.events if e.trigger == "killed"]
    assert killed and killed[0].date is None


def test_an_entry_opened_by_a_clock_and_a_colon_goes_on_to_the_next() -> None:
    draft = draft_of(
        "Live: Kenya and Somalia trade blame\n\n"
        "22:05: UN weighs in\n\n"
        "The UN chief's spokesman said he was following events with concern.\n\n"
        "He urged Kenya and Somalia to exercise restraint.\n\n"
        "20:30: Somalia accuses Kenya\n\n"
        "Somalia's foreign minister accused Kenya of shelling Mandera."
    )
    dated = {e.type: e.date for e in draft.events}
    assert dated.get("REQUEST") == dated.get("ACCUSE") == dt.date(2023, 5, 11), dated


@pytest.mark.parametrize(
    ("after", "trigger"),
    [
        # The parser reads "after a bomb ..." as a phrase and hangs "wounded", a verb with
        # no subject of its own, on "came".
        (
            "a bomb attack on a road near the border, also in the region, wounded four civilians",
            "wounded",
        ),
        # ... or reads "after the Force" as a phrase and "and ... overran" as coordinated.
        ("the Popular Defence Force and allied militias overran an army outpost", "overran"),
    ],
)
def test_a_clause_the_parser_misread_after_came_is_dated_before_the_told_event(
    after: str, trigger: str
) -> None:
    draft = draft_of(
        "Militants ambushed an army patrol near Ayorou on Monday, killing seven soldiers. "
        "On Tuesday, the army said it had hit the militants' camps. "
        f"Residents said the ambush came two days after {after}."
    )
    assert event(draft, "ambushed").date == dt.date(2023, 5, 8)
    # Two days before Monday's ambush, the occurrence "the ambush" names: not counted
    # from Tuesday, the day told last, and the ambush itself is not moved.
    assert event(draft, trigger).date == dt.date(2023, 5, 6)
    # "a bomb ... wounded", "the Force and allied militias overran": one occurrence each.
    assert [e.date for e in draft.events].count(dt.date(2023, 5, 6)) == 1


def test_a_participle_the_parser_took_for_the_clauses_verb_leaves_it_dated() -> None:
    # "fired" read as the verb of the "after" clause, "hit" hung on "came".
    draft = draft_of(
        "Five people were killed in Tanka district on Saturday. The killings came a day "
        "after a rocket fired from the hills hit a house in Bora."
    )
    assert [e.date for e in draft.events] == [dt.date(2023, 5, 6), dt.date(2023, 5, 5)]


def test_the_subject_of_a_misread_clause_is_the_clauses_occurrence() -> None:
    draft = draft_of(
        "A drone strike hit a truck near Al-Qaim late on Tuesday, killing four fighters. "
        "The strike came two days after a drone attack on Ain al-Asad air base, also in "
        "Anbar, wounded two soldiers and a contractor."
    )
    assert [(e.trigger, e.date) for e in draft.events] == [
        ("hit", dt.date(2023, 5, 9)),
        ("wounded", dt.date(2023, 5, 7)),
    ]


def test_a_shift_from_a_definite_noun_counts_from_the_occurrence_it_names() -> None:
    draft = draft_of(
        "Gunmen attacked a bus in Mandera on Monday, killing nine passengers. Kenya's "
        "interior minister condemned the attack on Tuesday. Two days after the attack, "
        "police arrested four suspects in the town."
    )
    assert event(draft, "arrested").date == dt.date(2023, 5, 10)


def test_a_place_the_parser_took_for_a_verb_does_not_keep_the_day_from_the_event() -> None:
    # "Sagaing" tagged VBG: "on Thursday night" hangs on it, not on "bombed".
    draft = draft_of("A jet bombed a school in Sagaing on Thursday night, killing 14 people.")
    assert event(draft, "bombed").date == THURSDAY


def test_with_no_publication_date_a_weekdays_news_is_not_a_recalled_month_or_year() -> None:
    draft = draft_of(
        "Rebels stormed a school in western Uganda late Tuesday, killing at least 17 "
        "people, police said. The attack revived memories of the June 2023 assault on a "
        "school in Mpondwe, in which rebels killed 42 people. The group pledged allegiance "
        "to the Islamic State in 2019 and has killed thousands of civilians in Uganda.",
        published=None,
    )
    stormed = event(draft, "stormed")
    assert (stormed.date, stormed.date_text) == (None, "late Tuesday")
    assert event(draft, "assault").date == dt.date(2023, 6, 1)


RIOT = (
    "Seventeen inmates were killed and 14 wounded in a riot that broke out late Saturday at "
    "the Litoral prison in Guayaquil, the prison agency said on Sunday. The prison was the "
    "scene of the deadliest massacre in the country's history on September 28, 2021, when "
    "119 inmates were killed."
)


@pytest.mark.parametrize("published", [None, dt.date(2025, 9, 17)])
def test_the_news_is_not_an_occurrence_recalled_with_its_year(
    published: dt.date | None,
) -> None:
    # With no publication date the lead's sentence names a weekday, the news of the week;
    # with one, the massacre lies years before it: two occurrences either way, and the
    # toll of the riot is not dated to 2021.
    draft = draft_of(RIOT, published=published)
    wounded = event(draft, "wounded")
    assert wounded.date is None
    assert event(draft, "massacre").date == dt.date(2021, 9, 28)
    (seventeen,) = [c for c in draft.casualty_claims if c.count_min == 17]
    assert (seventeen.event_id, seventeen.event_date) == (wounded.event_id, None)


def test_a_headline_attack_the_body_dates_is_one_event_with_the_body_s_evidence() -> None:
    """The headline announces the attack the body tells on Saturday: one event, dated
    and evidenced by the body's sentence, not a second undated one."""
    draft = draft_of(
        "The soldiers were part of a patrol near Kidal when they were attacked on "
        "Saturday, the army said.",
        title="Mali rebels attack army patrol near Kidal",
    )
    assaults = [e for e in draft.events if e.type == "ASSAULT"]
    assert [(e.date, e.evidence.text.startswith("The soldiers")) for e in assaults] == [
        (dt.date(2023, 5, 6), True)
    ]


def test_a_liveblogs_entry_stamps_date_the_page_and_each_entry() -> None:
    """Stamps of a day and a clock time over each entry ("Wed 2 Oct 2024 09.15 BST"): they
    stay in the body (each tells its entry's day), the first dates the page, and an entry's
    undated events happen on its stamp's day."""
    from newsevents.pipeline.ingest import RawDocument
    from newsevents.pipeline.stages import process

    text = (
        "Border crisis live: Ruvania and Pemblia trade fire\n\n"
        "Wed 2 Oct 2024 09.15 BST\n\nPemblia summons envoy\n\n"
        "Pemblia's foreign minister, Ana Lovric, summoned Ruvania's ambassador.\n\n"
        "Tue 1 Oct 2024 22.40 BST\n\nKelbani shelled\n\n"
        "Ruvanian artillery shelled the border town of Kelbani, residents said."
    )
    (built,) = process([RawDocument("b", "b.txt", None, text)])
    article = built.article  # type: ignore[union-attr]
    assert article.published_date == dt.date(2024, 10, 2)
    assert "Tue 1 Oct 2024 22.40 BST" in article.text
    dated = {e.trigger: e.date for e in article.events}
    assert dated["summoned"] == dt.date(2024, 10, 2)
    assert dated["shelled"] == dt.date(2024, 10, 1)


def test_a_timelines_entries_take_the_day_that_opens_them() -> None:
    """ "24 August - Jets strike ...": NER often reads only "August" of the entry's day,
    or nothing; the entry's day dates what the paragraph tells. The news told first (the
    lead) keeps its own reading, and a paragraph after the timeline is no entry."""
    draft = draft_of(
        "Rebels said on Monday they had shot down an army drone near Kelbani.\n\n"
        "Timeline:\n\n"
        "2 May - Ruvanian jets strike a depot outside Ordavi.\n\n"
        "4 May - Rebels ambush a convoy near Kelbani, killing six soldiers.\n\n"
        "Since then, rebels have attacked outposts along the river.",
        published=dt.date(2023, 5, 11),
    )
    dated = {e.trigger: e.date for e in draft.events}
    assert dated["strike"] == dt.date(2023, 5, 2)
    assert dated["ambush"] == dt.date(2023, 5, 4)
    assert dated.get("attacked") is None


def test_a_timelines_list_items_take_the_day_that_opens_them() -> None:
    """ "- 4 January 2019: Rebels attack ...": a list's items, one to a line, each dated
    by its own day (NER reads "January 2019" alone), not by the paragraph's first."""
    draft = draft_of(
        "Key dates:\n"
        "- 4 January 2019: Rebels attack four border posts near Kelbani, killing 13 police.\n"
        "- 13 November 2023: Ruvanian jets strike a depot outside Ordavi.",
        published=dt.date(2025, 1, 15),
    )
    dated = {e.trigger: (e.date, e.date_precision) for e in draft.events}
    assert dated["attack"] == (dt.date(2019, 1, 4), "day")
    assert dated["strike"] == (dt.date(2023, 11, 13), "day")


def test_a_24_hour_clock_before_an_entry_headline_opens_a_live_blog_entry() -> None:
    from newsevents.pipeline.events.anchoring import CLOCK_LINE

    assert CLOCK_LINE.match("21:30 Health ministry raises toll to 12 dead")
    assert CLOCK_LINE.match('17:40 UNSMIL "deeply alarmed"')
    # A sentence that opens with a figure is no entry.
    assert not CLOCK_LINE.match("3.5 million people were displaced")
    assert not CLOCK_LINE.match(
        "21:30 the ministry said the toll had risen to twelve people across the city in the "
        "latest update from the officials there"
    )


def test_an_entrys_weekday_counts_from_its_heading_not_from_the_day_the_blog_opened() -> None:
    draft = draft_of(
        "Border clashes live\nSunday 28 July 2024\n\n"
        "09.20 BST\nOrdavi's air force struck rebel positions near Tarsk early on Sunday.\n\n"
        "Saturday 27 July 2024\n\n"
        "16.45 BST\nRebels shelled a market in Kolva.",
        published=dt.date(2024, 7, 27),  # the page's date: the day the blog opened
    )
    assert event(draft, "struck").date == dt.date(2024, 7, 28)
    assert event(draft, "shelled").date == dt.date(2024, 7, 27)
