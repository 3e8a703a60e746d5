"""Stage `metadata`: dates with provenance, outlet, agency, dateline, flags."""

import datetime as dt
import sys

import pytest

from newsevents.pipeline.metadata import domain_of, find_agency, read_lead
from newsevents.release.assemble import BuildReport
from newsevents.temporal.dates import (
    DateLine,
    dates_in_text,
    load_date_parser,
    parse_date_line,
    parse_full_date,
)


def _seed(report: BuildReport, prefix: str):  # type: ignore[no-untyped-def]
    import json

    path = report.release_dir / "jsonl" / "articles.jsonl"
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    return next(r for r in rows if r["article_id"].startswith(prefix))


@pytest.mark.parametrize(
    ("prefix", "date", "provenance", "source", "flags"),
    [
        ("000", None, "none", {}, ["no-published-date"]),
        ("001", "2024-01-19", "curated", {"agency": "PTI", "dateline": "New Delhi"}, []),
        ("002", "2024-01-29", "curated", {"outlet": "Jerrymusa.com"}, []),
        ("003", "2024-01-29", "text", {"author": "Krishna Medhi"}, []),
        # The "February, 23, 2024" header contradicts the curated date and sits weeks
        # after the events the text calls "today". Its "in December" is dated by the
        # calendar of known incidents.
        ("004", "2024-01-29", "curated", {"outlet": "Infostani International"},
         ["event-date-from-known-incident", "published-date-after-events",
          "published-date-conflict"]),
    ],
)  # fmt: skip
def test_seed_metadata(seed_release: BuildReport, prefix, date, provenance, source, flags) -> None:  # type: ignore[no-untyped-def]
    row = _seed(seed_release, prefix)
    assert row["published_date"] == date
    assert row["published_date_provenance"] == provenance
    assert {k: v for k, v in row["source"].items() if v is not None} == source
    assert row["flags"] == flags


@pytest.mark.parametrize(
    ("line", "dateline", "outlet"),
    [
        ("New Delhi: Pakistan and Iran are expected to hold talks", "New Delhi", None),
        ("TEHRAN: Unidentified gunmen on Saturday killed nine", "Tehran", None),
        ("PESHAWAR, Pakistan — A suicide bomber struck", "Peshawar", None),
        ("DUBAI/SANAA -  The Houthi's Al-Masirah television said", "Dubai", None),
        ("ISLAMABAD, Jan 18 (Reuters) - Pakistan said", "Islamabad", None),
        ("Infostani International: In the wake of recent missile strikes", None,
         "Infostani International"),
        ("Moon Desk: The residents of the rugged mountains", None, "Daily Moon"),
        ("Analysis: why the strikes matter", None, None),
        ("He said: we will respond", None, None),
        # Written for the test: EFE's ".-" after the credit, gazetteer and particle casing.
        ("Caracas, Mar 2 (EFE).- Opposition leaders said", "Caracas", None),
        ("PORT-AU-PRINCE, Haiti (AP) — Gangs burned homes", "Port-au-Prince", None),
        ("DAR ES SALAAM, Tanzania (AP) — Police fired", "Dar es Salaam", None),
        ("RIO DE JANEIRO (Reuters) - Police raided", "Rio de Janeiro", None),
        ("Iran and Pakistan - two neighbours - met", None, None),
        # The country in brackets and the day first (EFE), the credit between slashes.
        ("Tegucigalpa (Honduras), 4 March (EFE).- Police said", "Tegucigalpa", None),
        ("Dushanbe, Jun 2 /Khovar/. Officials of the two sides met", "Dushanbe", None),
        ("MINSK, Jun 2. /BelTA/. The ministry said", "Minsk", None),
    ],
)  # fmt: skip
def test_read_lead(line: str, dateline: str | None, outlet: str | None) -> None:
    lead = read_lead(line)
    assert (lead.dateline, lead.outlet) == (dateline, outlet)


@pytest.mark.parametrize(
    ("bylines", "body", "agency"),
    [
        ([], "“They would interact,” well-placed sources told PTI.", "PTI"),
        (["By Reuters"], "The Houthi TV said on Friday.", "Reuters"),
        ([], "TEHRAN (AFP) - Iran said on Thursday", "AFP"),
        ([], "A blackout prevented Reuters immediately reaching medics.", "Reuters"),
        ([], "Twenty-nine persons were injured, reported AFP.", None),  # a citation
        ([], "Pakistan Tehreek-e-Insaf (PTI) leaders met on Monday.", None),  # a party
        ([], "According to Reuters, the talks went well.", None),
        # Written for the test: accented places, EFE's ".-", PTI with no dash.
        ([], "Medellín, Mar 2 (EFE).- Police said on Monday", "EFE"),
        ([], "Lahore, Feb 9 (PTI) Two policemen were killed", "PTI"),
        ([], "Rawalpindi (PTI) leaders met on Monday.", None),  # no dateline day: a party
        (["(Daily Sample / AFP - 4th Feb, 2022)"], "Troops moved in.", "AFP"),
        ([], "(AFP) — Gunmen killed six people", "AFP"),
        ([], "Tegucigalpa (Honduras), 4 March (EFE).- Police said", "EFE"),
        ([], "Dushanbe, Jun 2 /Khovar/. Officials met", "Khovar"),
        ([], "MINSK, Jun 2. /BelTA/. The ministry said", "BelTA"),
        # A story closing on its credit alone; not a credit anywhere else.
        ([], "Gunmen killed six people.\n\nAFP", "AFP"),
        ([], "Gunmen killed six people.\n(Reuters)", "Reuters"),
        ([], "AFP\nGunmen killed six people, AFP said.", None),
    ],
)
def test_find_agency(bylines: list[str], body: str, agency: str | None) -> None:
    assert find_agency(bylines, body) == agency


def test_date_lines_and_dates_in_text() -> None:
    assert parse_date_line("Published On: Jan 29, 2024").date == dt.date(2024, 1, 29)  # type: ignore[union-attr]
    assert parse_date_line("Updated: Feb 2, 2024").kind == "updated"  # type: ignore[union-attr]
    assert parse_date_line("Published On: Feb 30, 2024") is None  # impossible: not a date line
    assert parse_date_line("Iran and Pakistan agree on 2024 trade deal") is None
    # A situation report's "as of" line is the day it reports up to.
    assert parse_date_line("As of 14 November 2024").date == dt.date(2024, 11, 14)  # type: ignore[union-attr]
    assert parse_date_line("As of 14 November, 9,500 people had fled") is None
    # The clock's zone in brackets after the date: "(Yerevan time, GMT+4)".
    zoned = parse_date_line("Last updated: 14 September 2022, 07:45 (Yerevan time, GMT+4)")
    assert zoned is not None and zoned.date == dt.date(2022, 9, 14)
    # What a saved page's widgets leave: an unfilled template, a comment count.
    widget = parse_date_line("3 June 2023 09:40 am - 14 - {{pageCtrl.views.count}}")
    assert widget is not None and widget.date == dt.date(2023, 6, 3)
    assert parse_date_line("June 2023 - 14") is None  # a month and a count: no day
    # Written for the test: header forms outlets use.
    header_forms = {
        "Published: 03 Mar 2021 11:45 AM": dt.date(2021, 3, 3),
        "Tue 2 Mar 2021, 6:10 PM": dt.date(2021, 3, 2),
        "4th Feb, 2022": dt.date(2022, 2, 4),
        "(Some Outlet / Some Agency - 4th Feb, 2022)": dt.date(2022, 2, 4),
        "Published On 9 Nov 2023": dt.date(2023, 11, 9),
        "Posted on 25/03/2021": dt.date(2021, 3, 25),
        "Issued on: 17/05/2022 - 09:15": dt.date(2022, 5, 17),
        "Issued: 8 October 2019": dt.date(2019, 10, 8),
        "Publication date: 2020-06-30": dt.date(2020, 6, 30),
        "Date published: July 4, 2021": dt.date(2021, 7, 4),
        # The same day in another calendar, in brackets after it.
        "Thursday, 23 January 2025 (Tir 15, 2017 E.C.)": dt.date(2025, 1, 23),
        "Friday 26 January 2024 (14 Rajab 1445 AH)": dt.date(2024, 1, 26),
        "Published: 3 March 2024 [12 Esfand 1402]": dt.date(2024, 3, 3),
        # A credit, then the date, on one line.
        "By Staff Reporter | Published: March 3, 2024": dt.date(2024, 3, 3),
        "Agencies | 14 March 2023": dt.date(2023, 3, 14),
        "NNS / Updated: Jan 7, 2025, 06:12 IST": dt.date(2025, 1, 7),
        # A time zone with its offset; a page's "updated N hours ago" after the date.
        "Updated 5:47 PM GMT+1, July 14, 2025": dt.date(2025, 7, 14),
        "February 20, 2024 2:41 PM GMT+2 Updated 4 hours ago": dt.date(2024, 2, 20),
    }
    for line, date in header_forms.items():
        assert parse_date_line(line).date == date, line  # type: ignore[union-attr]
    assert parse_date_line("Updated - Jan 5, 2024").kind == "updated"  # type: ignore[union-attr]
    assert parse_date_line("Last modified: 3 Feb 2023").kind == "updated"  # type: ignore[union-attr]
    assert parse_date_line("Posted on 12/03/2021") is None  # day and month order unknowable
    assert parse_date_line("(Tir 15, 2017 E.C.)") is None  # no date before the brackets
    assert parse_date_line("Gaza / 2024 war | Jan 7, 2025") is None  # not a credit before it
    named = dates_in_text("strikes on January 16 and Jan. 18, 2024", reference=dt.date(2024, 1, 29))
    assert [m.date for m in named] == [dt.date(2024, 1, 16), dt.date(2024, 1, 18)]
    # A yearless date after the reference belongs to the previous year.
    (december,) = dates_in_text("killed on December 15", reference=dt.date(2024, 1, 29))
    assert december.date == dt.date(2023, 12, 15)


@pytest.mark.parametrize(
    ("url", "domain"),
    [
        ("https://www.dawn.com/news/1", "dawn.com"),
        ("https://en.dailypakistan.com.pk/18-Jan-2024/x", "en.dailypakistan.com.pk"),
        ("arynews.tv", "arynews.tv"),
        (None, None),
    ],
)
def test_domain_of(url: str | None, domain: str | None) -> None:
    assert domain_of(url) == domain


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # The year that puts the dateline day nearest the latest full date the text names.
        ("Kabul, Jan 5 (PTI) Two policemen were killed on Thursday, officials said.\n\n"
         "The group ended its truce on November 28, 2022.", dt.date(2023, 1, 5)),
        ("DAKAR, June 3 (Reuters) - Gunmen attacked a convoy on Monday.\n\n"
         "A similar raid on June 1, 2025 killed four.", dt.date(2025, 6, 3)),
        # The news follows the background it tells as past, within a year of it.
        ("ADEN, June 17 (Xinhua) -- Jets struck a wedding late on Saturday, officials "
         "said.\n\nIn April 2018, a strike killed 20. On August 9, 2018, a strike on a bus "
         "killed 40 children.", dt.date(2019, 6, 17)),
        # A future date in the text does not push the dateline into the next year.
        ("New Delhi, Jan 5 (PTI) The commission announced the schedule on Friday.\n\n"
         "Polling will be held on February 8, 2024.", dt.date(2024, 1, 5)),
        # No full date anywhere: the year is unknown, so no date at all.
        ("LIMA, March 9 (Reuters) - Protesters blocked roads on Tuesday.", None),
        # A date-first dateline carries its year.
        ("March 9, 2024 (JUBA) – Soldiers clashed near Juba on Friday.", dt.date(2024, 3, 9)),
        ("9 March 2024 (Reuters) - Soldiers clashed near Juba on Friday.", dt.date(2024, 3, 9)),
        # A place-first dateline with a whole date carries its year too.
        ("ACCRA, 4 May 2024 - Soldiers clashed near the border on Friday.", dt.date(2024, 5, 4)),
        ("LUSAKA, May 4, 2024 (AFP) - Soldiers clashed on Friday.", dt.date(2024, 5, 4)),
        # Under a press release's letterhead: short lines without a full stop.
        ("PRESS RELEASE\nMinistry of Defence\nRepublic of Ruritania\n\nSTRELSAU, 2 April "
         "2023 - The ministry condemns the raid.", dt.date(2023, 4, 2)),
        # A short opening line that is a sentence is no letterhead: nothing under it counts.
        ("Troops fired.\nSTRELSAU, 2 April 2023 - The ministry condemns the raid.", None),
        # A statement's place and date alone on their line, under its letterhead or first.
        ("Ministry of Defence\nStrelsau, 2 April 2023\n\nThe ministry condemns the raid.",
         dt.date(2023, 4, 2)),
        ("Strelsau, April 2, 2023\n\nThe ministry condemns the raid.", dt.date(2023, 4, 2)),
        # Under the statement's title, a long heading line without a full stop.
        ("Statement of the Ministry of Foreign Affairs on the shelling of the Kolva resort "
         "in Tarsk district\n\nStrelsau, 2 April 2023\n\nWe condemn the raid.",
         dt.date(2023, 4, 2)),
        # A line that goes on after the date is no such line.
        ("Strelsau, April 2, 2023 was a quiet day.\n\nThe ministry condemns the raid.", None),
    ],
)  # fmt: skip
def test_a_dated_dateline_gives_the_publication_day(body: str, expected: dt.date | None) -> None:
    from newsevents.pipeline.document import Draft, RawDocument
    from newsevents.pipeline.metadata import published_date

    draft = Draft(RawDocument("a", "a.txt", None, f"Headline\n\n{body}"), title="Headline",
                  body=body)  # fmt: skip
    date, provenance, _ = published_date(draft)
    assert (date, provenance) == (expected, "dateline" if expected else "none")


@pytest.mark.parametrize(
    ("line", "dateline", "day"),
    [
        ("Islamabad, Jan 5 (PTI) Four soldiers were killed", "Islamabad", (1, 5)),
        ("KHARTOUM, June 3 (Reuters) - Drone strikes hit", "Khartoum", (6, 3)),
        ("MOGADISHU, Somalia (AP) — A bomber struck", "Mogadishu", None),
        ("Published: 03 Mar 2021 - Officials said", None, None),
        ("Last Updated: Sept. 4 - The army said", None, None),
        ("The minister (left) Said nothing", None, None),
        ("San Pedro Sula (Honduras), 4 March (EFE).- Police said", "San Pedro Sula", (3, 4)),
        ("MOSCOW, May 19. /TASS/. Russian forces struck", "Moscow", (5, 19)),
    ],
)
def test_lead_reads_the_dateline_day_and_never_a_header_label(
    line: str, dateline: str | None, day: tuple[int, int] | None
) -> None:
    lead = read_lead(line)
    assert (lead.dateline, lead.day) == (dateline, day)


@pytest.mark.parametrize(
    ("curated", "given", "domain", "expected"),
    [
        (None, None, "dawn.com", "Dawn"),  # the outlet table knows the host
        (None, None, "www.example-news.cn", None),  # a bare host is never an outlet
        (None, "example-news.cn", "example-news.cn", None),  # nor a site name that is one
        (None, "Example News", "example-news.cn", "Example News"),
        ("Curated Name", "Example News", "dawn.com", "Curated Name"),
    ],
)
def test_outlet_is_never_a_bare_host_name(
    curated: str | None, given: str | None, domain: str | None, expected: str | None
) -> None:
    from newsevents.pipeline.metadata import Lead, pick_outlet

    assert pick_outlet(curated, given, domain, Lead()) == expected


def test_loading_the_date_parser_remembers_no_date() -> None:
    """The fork server's warm-up (workers.load_once) leaves the memo of dates as it was:
    the date it parses to load dateparser is not one an article gave."""
    before = parse_full_date.cache_info().currsize
    load_date_parser()
    assert "dateparser" in sys.modules
    assert parse_full_date.cache_info().currsize == before
    assert parse_full_date("29 January 2024") == dt.date(2024, 1, 29)


def test_a_dateline_day_without_a_year_takes_it_from_the_office_holders_named() -> None:
    from newsevents.pipeline.document import Draft, RawDocument
    from newsevents.pipeline.metadata import extract_metadata

    # 7 May is a Wednesday in 2025; Shehbaz Sharif's second term as prime minister began
    # in March 2024 (knowledge/office_terms.yaml). "Two weeks after" pins no day.
    body = (
        "ISLAMABAD, May 7 (Reuters) - Pakistan's army said it shot down five Indian jets "
        "early on Wednesday, two weeks after an attack in Kashmir.\n\n"
        "Prime Minister Shehbaz Sharif convened the National Security Committee."
    )
    draft = Draft(RawDocument("a", "a.txt", None, f"Headline\n\n{body}"), title="Headline",
                  body=body)  # fmt: skip
    done = extract_metadata(draft)
    assert (done.published_date, done.published_date_provenance) == (
        dt.date(2025, 5, 7),
        "inferred",
    )


@pytest.mark.parametrize(
    ("line", "dateline", "outlet"),
    [
        ("March 9, 2024 (JUBA) – Soldiers clashed", "Juba", None),
        ("9 March 2024 (Reuters) - Soldiers clashed", None, "Reuters"),
        ("In 2024 (the war's third year) - soldiers clashed", None, None),
    ],
)
def test_a_date_first_dateline_names_its_place_or_its_credit(
    line: str, dateline: str | None, outlet: str | None
) -> None:
    lead = read_lead(line)
    assert (lead.dateline, lead.outlet) == (dateline, outlet)


def test_a_date_line_of_unknowable_order_is_read_the_way_the_story_fits() -> None:
    from newsevents.pipeline.metadata import _read_by_the_story
    from newsevents.temporal.dates import ambiguous_date_line

    assert ambiguous_date_line("05/12/2025") == (dt.date(2025, 12, 5), dt.date(2025, 5, 12))
    assert ambiguous_date_line("Published: 03/04/2024 - 10:15") == (
        dt.date(2024, 4, 3), dt.date(2024, 3, 4)
    )  # fmt: skip
    assert ambiguous_date_line("25/03/2021") is None  # not ambiguous: parse_date_line reads it
    story = "Conflicts | Asia\n05/12/2025\n\nThe calm ended on April 22, when gunmen struck."
    assert _read_by_the_story(story) == dt.date(2025, 5, 12)
    # A story that names no day leaves the line unread.
    assert _read_by_the_story("News\n05/12/2025\n\nThe talks went on.") is None


@pytest.mark.parametrize(
    ("lines", "outlet"),
    [
        (["The New Arab Staff"], "The New Arab"),  # the name, then the desk's tail
        (["Kabul | Dawn.com news desk"], "Dawn"),  # a host the outlet table knows
        (["By RFE/RL's Tajik Service"], "Radio Free Europe/Radio Liberty"),  # possessive
        (["Published Mar 2, 2025 4:10 PM by The Maritime Executive"], "The Maritime Executive"),
        (["OC Media | Live", "Analysis"], "OC Media"),
        (["Myanmar Now staff and agencies"], "Myanmar Now"),
        # A sentence or a headline naming an outlet is no masthead.
        (["Reuters reported that troops crossed the river"], None),
        (["Talks resume in Doha"], None),
        (["By Jane Doe"], None),
    ],
)
def test_a_masthead_or_credit_line_names_the_outlet(lines: list[str], outlet: str | None) -> None:
    from newsevents.pipeline.metadata import masthead_outlet

    assert masthead_outlet(lines) == outlet


def test_head_lines_stop_at_the_story() -> None:
    from newsevents.pipeline.metadata import head_lines

    body = (
        "Guardian staff\nMon 3 Mar 2025 10.05 GMT\n\nTroops crossed the river on Monday.\nOC Media"
    )
    assert head_lines(body) == ["Guardian staff", "Mon 3 Mar 2025 10.05 GMT"]


def _metadata_of(body: str, url: str | None = None):  # type: ignore[no-untyped-def]
    from newsevents.pipeline.document import Draft, InputMeta, RawDocument
    from newsevents.pipeline.metadata import extract_metadata

    doc = RawDocument("a", "a.txt", None, f"Headline\n\n{body}", meta=InputMeta(url=url))
    return extract_metadata(Draft(doc, title="Headline", body=body))


@pytest.mark.parametrize(
    ("body", "url", "outlet"),
    [
        # Wire copy that names no other publisher is the agency's story.
        ("NAIROBI, Feb 3 (Reuters) - Gunmen killed four people on Monday.", None, "Reuters"),
        ("Cotonou (AFP) - Gunmen killed four soldiers on Monday, a source said.", None, "AFP"),
        # A publisher named by the URL wins over the wire credit.
        ("NAIROBI, Feb 3 (Reuters) - Gunmen killed four people on Monday.",
         "https://www.dawn.com/news/1", "Dawn"),
        # A masthead above the story names the publisher.
        ("Myanmar Now | Live\n\nTroops shelled the town on Friday, residents said.", None,
         "Myanmar Now"),
        ("Troops shelled the town on Friday, residents said.", None, None),
    ],
)  # fmt: skip
def test_the_outlet_from_the_text(body: str, url: str | None, outlet: str | None) -> None:
    assert _metadata_of(body, url).source.outlet == outlet


@pytest.mark.parametrize(
    ("head", "url", "expected"),
    [
        # A Kyrgyz outlet writes the day first: 10 March.
        ("24.kg | Politics | 10/03/2023 16:05", None, dt.date(2023, 3, 10)),
        # The URL's country-code domain tells the same: .ng writes the day first.
        ("Politics | 04/05/2024", "https://example-news.ng/story", dt.date(2024, 5, 4)),
        # A US outlet writes the month first: 5 April.
        ("Politics | 04/05/2024", "https://www.nytimes.com/x", dt.date(2024, 4, 5)),
        # A generic domain tells nothing: no date.
        ("Politics | 04/05/2024", "https://example-news.io/story", None),
    ],
)  # fmt: skip
def test_a_date_line_of_unknowable_order_is_read_as_its_outlets_country_writes_dates(
    head: str, url: str | None, expected: dt.date | None
) -> None:
    # The story names only a day years before, so its own dates do not decide.
    body = f"{head}\n\nGuards exchanged fire on the border on Thursday. In 2021, clashes killed 55."
    assert _metadata_of(body, url).published_date == expected


def test_a_published_and_an_updated_line_joined_by_a_bar_gives_the_published_day() -> None:
    line = "Updated 09:02 GMT, 4 June 2023 | Published 17:40 GMT, 3 June 2023"
    assert parse_date_line(line) == DateLine("published", dt.date(2023, 6, 3))
    # A bar between a date and words that are no date line is no date line.
    assert parse_date_line("Opinion | 3 June 2023 | Karachi desk") is None


@pytest.mark.parametrize(
    ("last_line", "expected"),
    [
        ("Abuja, 7 February 2025", dt.date(2025, 2, 7)),
        ("Port Moresby, March 3, 2022.", dt.date(2022, 3, 3)),
        ("Done in Geneva, 2022", None),  # no whole date
        ("Signed, the Ministry", None),
        ("the ministry said on 3 March 2022", None),  # a sentence, not a sign-off
    ],
)
def test_a_statement_signed_off_with_its_place_and_date_is_dated_by_it(
    last_line: str, expected: dt.date | None
) -> None:
    body = f"The Ministry condemns the attack on the convoy on Thursday.\n\n{last_line}"
    assert _metadata_of(body).published_date == expected


@pytest.mark.parametrize(
    ("line", "dateline", "day", "outlet"),
    [
        # The credit after the day and a full stop, the month in capitals or not.
        ("YEREVAN, MARCH 6, ARMENPRESS. Two servicemen were killed", "Yerevan", (3, 6),
         "Armenpress"),
        ("Baku, 3 March, AZERTAC. The ministry said", "Baku", (3, 3), "AZERTAC"),
        # A word after the day that is no agency is no credit.
        ("KABUL, Dec 25, Sources said. Two men", None, None, None),
    ],
)  # fmt: skip
def test_a_dateline_with_its_agency_after_the_day(
    line: str, dateline: str | None, day: tuple[int, int] | None, outlet: str | None
) -> None:
    lead = read_lead(line)
    assert (lead.dateline, lead.day, lead.outlet) == (dateline, day, outlet)
    assert find_agency([], line) == outlet


def test_an_agency_dateline_s_day_takes_its_year_from_the_text() -> None:
    body = (
        "YEREVAN, MARCH 6, ARMENPRESS. Two servicemen were killed early on Wednesday.\n\n"
        '"On March 6, 2024, at around 05:40, units opened fire," the ministry said.'
    )
    done = _metadata_of(body)
    assert (done.published_date, done.source.agency) == (dt.date(2024, 3, 6), "Armenpress")


@pytest.mark.parametrize(
    ("body", "dateline"),
    [
        # A page's deck (one line, no full stop) over a lead whose dateline is a known place.
        ("The encounter broke out around 9 pm on Monday in the forest belt\n\nDoda/Jammu: "
         "Four soldiers were killed in a gunfight, officials said on Tuesday.", "Doda"),
        # A line over a lead that names no known place is no deck: no dateline.
        ("Key points\n\nAnalysis: Four soldiers were killed in a gunfight on Tuesday.", None),
        # A first line that ends its sentence is the story's own.
        ("Four soldiers were killed on Monday.\n\nDoda: The army said it would respond.", None),
        # Under the agency's name, a dateline its wire credit closes, the place unknown.
        ("Associated Press\n\nKOLVANI, Tarsia (AP) — Four soldiers were killed on Monday.",
         "Kolvani"),
    ],
)  # fmt: skip
def test_a_dateline_under_a_deck_is_read(body: str, dateline: str | None) -> None:
    assert _metadata_of(body).source.dateline == dateline


def test_two_places_a_slash_joins_in_a_dateline_are_no_entity() -> None:
    from .test_entities import by_name, entities_of

    found = by_name(entities_of(
        "Gunfight", "Doda/Jammu: Four soldiers were killed in a gunfight in Doda district "
        "of the Jammu region, officials said.",
    ))  # fmt: skip
    assert "Doda/Jammu" not in found and "Doda" in found


def test_a_dateline_under_a_byline_is_read() -> None:
    body = (
        "By Rhea M. Salvador - Correspondent / Philippine Daily Inquirer\n\nZAMBOANGA CITY — "
        "Two soldiers were killed "
        "when armed men ambushed troops on Wednesday, the military said."
    )
    assert _metadata_of(body).source.dateline is not None
    assert _metadata_of(body).source.dateline.lower() == "zamboanga city"


def test_a_place_date_and_outlet_after_a_slash_open_the_story() -> None:
    """ "BAKU, January 27, 2023 / AzerNews" on a line of its own: the dateline, the day
    and the outlet; an unknown name after the slash is no credit."""
    draft = _metadata_of(
        "BAKU, January 27, 2023 / AzerNews\n\nThe ministry issued a statement on the attack."
    )
    assert (draft.source.dateline, draft.source.outlet) == ("Baku", "AzerNews")
    assert draft.published_date == dt.date(2023, 1, 27)
    unknown = _metadata_of(
        "BAKU, January 27, 2023 / Someone Unknown\n\nThe ministry issued a statement."
    )
    assert unknown.source.outlet is None
