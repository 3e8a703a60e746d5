"""Publication dates inferred from what an undated article says (temporal.publication).

Every text here was written for these tests: the rule is that the day the text
links to its news, with the year from what it reports as past, gives the smallest
consistent day, and that nothing is returned when the evidence does not pin a day.
"""

import datetime as dt

from newsevents.knowledge import OfficeTerm, office_terms
from newsevents.temporal.dates import dateline_date, lede_weekday
from newsevents.temporal.publication import (
    dateline_day_in_office,
    infer_publication_date,
    office_holders,
)

ENVOY = OfficeTerm(
    name="Ana Ferreira",
    aliases=("Ferreira",),
    office="UN special envoy for Freedonia",
    titles=("envoy", "special envoy"),
    start=dt.date(2019, 3, 1),
    end=dt.date(2022, 6, 30),
)


def test_a_weekday_paired_with_a_dated_day_pins_the_year_by_the_calendar() -> None:
    # 12 March is a Saturday in 2022 (and in 2016, 2011); the envoy's term keeps 2022.
    text = (
        "Militants shelled the town on Saturday, a day before the March 13 vote, officials "
        "said.\nU.N. special envoy Ana Ferreira urged restraint."
    )
    got = infer_publication_date(text, [ENVOY])
    assert got is not None and got.date == dt.date(2022, 3, 12)
    assert got.confidence >= 0.9


def test_a_weekday_shifted_from_a_dated_day_in_its_sentence() -> None:
    # 5 June + more than a week = 12 June or later; the next Thursday in 2021 is the 17th.
    text = (
        "An airstrike on a village on June 5 killed nine people, survivors told reporters on "
        "Thursday, more than a week after the attack.\nThe region has been under a state of "
        "emergency since the rebels seized its capital in November 2020."
    )
    got = infer_publication_date(text)
    assert got is not None and got.date == dt.date(2021, 6, 17)


def test_a_shift_whose_day_is_named_a_few_words_on_pins_the_weekday() -> None:
    # Saturday is four days after Dec. 24: 28 December, a Saturday in 2024 (not in
    # 2021-2023). The abbreviated month's stop no longer ends the sentence.
    text = (
        "Troops traded fire along the border on Saturday, officials said, four days after "
        "airstrikes on the night of Dec. 24 killed dozens of people. The movement has "
        "fought the government since it was founded in 2021."
    )
    got = infer_publication_date(text, [])
    assert got is not None and got.date == dt.date(2024, 12, 28)


def test_came_days_after_links_the_lede_weekday_to_a_date() -> None:
    text = (
        "Rockets hit a market in the north on Friday, killing four people.\nThe attack came "
        "days after the army said on April 20 that it had cleared the area.\nThe war began "
        "in earnest in August 2018."
    )
    got = infer_publication_date(text)
    # The first Friday on or after 20 April once the year is at least 2019: 26 April 2019.
    assert got is not None and got.date == dt.date(2019, 4, 26)


def test_no_lower_bound_means_no_year_and_no_date() -> None:
    text = "Gunmen attacked a bus on Sunday, a day after the May 3 election, police said."
    assert infer_publication_date(text) is None


def test_weekdays_and_background_dates_alone_do_not_pin_a_day() -> None:
    # A weekday and a full date of past background: the article may be from any later year.
    text = (
        "A car bomb killed six soldiers at a checkpoint on Tuesday, police said.\nThe "
        "deadliest attack of recent years, on Oct. 14, 2017, killed more than 500 people."
    )
    assert infer_publication_date(text) is None


def test_a_dated_limit_is_not_a_past_day() -> None:
    # "by June 30" and "the July 4 deadline" are ahead, not news already told.
    text = (
        "Troops pulled out of two towns on Monday ahead of the July 4 deadline set in the "
        "2021 accord, and must leave the province by June 30, the ministry said."
    )
    assert infer_publication_date(text) is None


def test_office_holders_are_matched_with_their_title_and_not_as_former() -> None:
    titled = "Special envoy Ana Ferreira arrived in the capital."
    former = "Former U.N. envoy Ana Ferreira said talks had failed."
    untitled = "Ana Ferreira, a lawyer, said talks had failed."
    assert office_holders(titled, [ENVOY]) == [
        ("Ana Ferreira", [(ENVOY.start, dt.date(2022, 7, 31))])
    ]
    assert office_holders(former, [ENVOY]) == []
    assert office_holders(untitled, [ENVOY]) == []


def test_an_article_outside_every_matched_term_gets_no_date() -> None:
    # The envoy's term ended in mid-2022: a 2023-only reading is impossible.
    text = (
        "Fighters stormed a base on Saturday, a day before the March 13 vote, officials "
        "said.\nSpecial envoy Ana Ferreira condemned it.\nThe rebels took the city in "
        "January 2023."
    )
    assert infer_publication_date(text, [ENVOY]) is None


def test_the_shipped_office_terms_are_well_formed() -> None:
    terms = office_terms()
    assert len(terms) >= 100
    seen = set()
    for term in terms:
        assert term.titles and term.name
        assert term.end is None or term.start <= term.end, term
        assert dt.date(1950, 1, 1) <= term.start <= dt.date(2027, 1, 1), term
        key = (term.name, term.office, term.start)
        assert key not in seen, key
        seen.add(key)


def test_a_dateline_day_takes_the_year_whose_calendar_fits_the_lede_weekday() -> None:
    # 18 September is a Wednesday in 2024; the nearest year to the 2023 date would be 2023.
    body = (
        "Bogota, Sep 18 (EFE) - Rebels on Wednesday attacked an army base.\nA truce took "
        "effect on August 3, 2023, and lapsed a year later."
    )
    assert dateline_date(9, 18, body) == dt.date(2024, 9, 18)
    # Without a weekday in the lede the nearest year stands.
    plain = body.replace(" on Wednesday", "")
    assert dateline_date(9, 18, plain) == dt.date(2023, 9, 18)


def test_a_dateline_report_weekday_no_near_year_fits_leaves_the_year_unknown() -> None:
    # 5 December is a Saturday in 2015, a Sunday in 2021; the years around the only full
    # date, 2014 to 2017, never put it on a Sunday.
    body = (
        "Kohima, Dec 5 (PTI) At least 13 civilians were killed in firing in Mon district, "
        "police said on Sunday.\nIt is the deadliest such incident since June 4, 2015."
    )
    assert dateline_date(12, 5, body) is None
    # The weekday of the news itself, not of the report, may be a day before the
    # dateline's: the nearest year stands.
    news_day = body.replace("in Mon district, police said on Sunday", "on Sunday, police said")
    assert dateline_date(12, 5, news_day) == dt.date(2015, 12, 5)


def test_a_month_told_as_to_come_does_not_date_the_dateline() -> None:
    # 18 September is a Wednesday in 2024; an election to come in 2025 is no background.
    body = (
        "Bogota, Sep 18 (EFE) - Rebels on Wednesday attacked an army base.\nA truce took "
        "effect on August 3, 2023. The attack comes as Colombia prepares for elections in "
        "March 2026."
    )
    assert dateline_date(9, 18, body) == dt.date(2024, 9, 18)
    told_as_past = body.replace("prepares for elections in", "held elections in")
    assert dateline_date(9, 18, told_as_past) != dt.date(2024, 9, 18)


def test_a_dateline_day_with_no_full_date_takes_its_year_from_who_is_in_office() -> None:
    # 9 March is a Wednesday in 2022 (and 2016, 2011): the envoy's term keeps 2022.
    body = (
        "GENEVA, March 9 (Reuters) - Militants shelled the town early on Wednesday, "
        "officials said.\nU.N. special envoy Ana Ferreira urged restraint."
    )
    assert dateline_date(3, 9, body) is None  # no full date: no year of its own
    got = dateline_day_in_office(3, 9, body, [ENVOY])
    assert got is not None and got.date == dt.date(2022, 3, 9)
    # Without the lede's weekday, or with no one in office named, the year stays unknown.
    assert dateline_day_in_office(3, 9, body.replace(" early on Wednesday", ""), [ENVOY]) is None
    assert dateline_day_in_office(3, 9, body.replace("special envoy ", ""), [ENVOY]) is None


def test_a_dateline_whose_full_dates_are_background_takes_its_year_from_who_is_in_office() -> None:
    # The only full date is years before the news, and no year near it puts 5 December
    # on a Sunday; India's home minister since May 2019 does: 2021.
    body = (
        "Kohima, Dec 5 (PTI) At least 13 civilians were killed in firing in Mon district, "
        "police said on Sunday.\nUnion Home Minister Amit Shah said he was anguished. It "
        "is the deadliest such incident since June 4, 2015."
    )
    assert dateline_date(12, 5, body) is None
    got = dateline_day_in_office(12, 5, body, office_terms())
    assert got is not None and got.date == dt.date(2021, 12, 5)


def test_a_dateline_day_falls_on_the_weekday_of_the_report_not_of_the_event() -> None:
    # 9 March is a Wednesday in 2022 and a Friday in 2018 (and 2029, out of the window).
    # The lede reports on Wednesday what happened on Monday: the dateline is the report's.
    body = (
        "GENEVA, March 9 (Reuters) - Militants shelled the town on Monday, two aid "
        "workers told Reuters on Wednesday.\nU.N. special envoy Ana Ferreira urged restraint."
    )
    got = dateline_day_in_office(3, 9, body, [ENVOY])
    assert got is not None and got.date == dt.date(2022, 3, 9)
    said = body.replace("two aid workers told Reuters", "the ministry said in a statement")
    got = dateline_day_in_office(3, 9, said, [ENVOY])
    assert got is not None and got.date == dt.date(2022, 3, 9)
    # With no report verb before it, the lede's first weekday is the news day as before.
    plain = body.replace(", two aid workers told Reuters on Wednesday", " and on Wednesday")
    assert lede_weekday(plain) == 0
    full = body + " A truce took effect on June 1, 2021."
    assert dateline_date(3, 9, full) == dt.date(2022, 3, 9)


def test_the_shipped_terms_date_a_dateline_by_an_acting_holder() -> None:
    # 24 July is a Thursday in 2025 (and 2019, 2014); Phumtham Wechayachai was acting
    # Prime Minister of Thailand from July to September 2025.
    body = (
        "BANGKOK, July 24 (AFP) - Troops exchanged fire along the border on Thursday.\n"
        "Acting Prime Minister Phumtham Wechayachai said the army would respond."
    )
    got = dateline_day_in_office(7, 24, body, office_terms())
    assert got is not None and got.date == dt.date(2025, 7, 24)


def test_a_month_named_with_its_year_bounds_a_dateline_day_as_a_full_date_does() -> None:
    # 12 July is a Wednesday in 2017 and in 2023. The story's background runs to
    # December 2021, so its news of a Wednesday is 2023's, not 2017's (the year that
    # fits the old full date alone).
    body = (
        "LIMA, Peru, July 12 (AP) — Gunmen killed three guards on Wednesday, police said.\n"
        "On May 1, 2015, a similar raid killed two. In December 2021, rebels used drones "
        "on police posts in the same valley."
    )
    assert dateline_date(7, 12, body) == dt.date(2023, 7, 12)
    assert dateline_date(7, 12, body.replace("In December 2021, rebels", "Rebels")) == dt.date(
        2017, 7, 12
    )
    # A month and year alone give no year: the dateline's stays unknown here.
    only_month = (
        "LIMA, Peru, July 12 (AP) — Gunmen struck on Wednesday. In December 2021, rebels fled."
    )
    assert dateline_date(7, 12, only_month) is None
