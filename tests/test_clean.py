"""Stage `clean`: boilerplate out, every body paragraph kept, on every seed."""

import datetime as dt
from collections import Counter

import pytest

from newsevents.pipeline.clean import clean_text, line_kind
from newsevents.pipeline.document import Draft, RawDocument, RemovedLine
from newsevents.pipeline.metadata import extract_metadata

from .conftest import SEEDS

# What must come out of each seed, exactly: (kind, line).
EXPECTED_REMOVED = {
    "000_05db8eedf180f2ed.txt": [
        ("repeated-headline", "High-Level Talks Expected as Pakistan and Iran work to Ease "
         "Tensions after Cross-Border Strikes"),
        ("stray-character", "x"),
        ("navigation", "Next Story"),
        ("share-widget", "Share it"),
        ("navigation", "Top"),
        ("navigation", "To Top"),
    ],
    "001_429613359d8e87e9.txt": [
        ("source-link", "Source link"),
        ("comment-form", "Leave a Reply"),
        ("comment-form", "Your email address will not be published. Required fields are marked *"),
    ],
    "002_78899e4275e58e70.txt": [
        ("comment-form", "Leave a Reply"),
        ("comment-form", "Your email address will not be published. Required fields are marked *"),
    ],
    "003_89c3de90ed6096f9.txt": [
        ("repeated-headline", "Iran-Pakistan foreign ministers meet amid soaring tension"),
        ("advertisement", "Advertisement"),
        ("repeated-headline", "Iran-Pakistan foreign ministers meet amid soaring tension"),
        ("byline", "Edited By: Krishna Medhi"),
        ("date-line", "Published On: Jan 29, 2024"),
        ("comment-form", "POST A COMMENT"),
    ],
    "004_12d3afc6d6242718.txt": [
        ("date-line", "February, 23, 2024"),
        ("repeated-headline", "Iran-Pakistan Talks Aim to Mend Ties After Missile Exchanges"),
        ("repeated-headline", "Iran-Pakistan Talks Aim to Mend Ties After Missile Exchanges"),
    ],
}  # fmt: skip


def _clean(name: str) -> tuple[str, Draft]:
    raw = (SEEDS / name).read_text(encoding="utf-8")
    return raw, clean_text(Draft(RawDocument(name, name, None, raw)))


@pytest.mark.parametrize("name", sorted(EXPECTED_REMOVED))
def test_seed_boilerplate_removed_exactly(name: str) -> None:
    _, draft = _clean(name)
    assert [(r.kind, r.text) for r in draft.removed] == EXPECTED_REMOVED[name]


@pytest.mark.parametrize("name", sorted(EXPECTED_REMOVED))
def test_seed_keeps_every_other_line(name: str) -> None:
    raw, draft = _clean(name)
    raw_lines = [line.strip() for line in raw.split("\n") if line.strip()]
    text_lines = [line for line in draft.text.split("\n") if line]
    # Nothing but the removed lines is missing, and the order is kept.
    assert Counter(raw_lines) - Counter(text_lines) == Counter(r.text for r in draft.removed)
    remaining = iter(raw_lines)
    assert all(line in remaining for line in text_lines)
    assert "\n\n\n" not in draft.text


def test_seed_title_and_text_shape() -> None:
    _, draft = _clean("004_12d3afc6d6242718.txt")
    assert draft.title == "Iran-Pakistan Talks Aim to Mend Ties After Missile Exchanges"
    assert draft.text.startswith(draft.title + "\n\nInfostani International: In the wake")


@pytest.mark.parametrize(
    "line",
    [
        "By then the strikes had stopped.",  # a sentence, not a byline
        "Reporting by the rights group found that 20 people were killed.",
        "Two journalists who were killed there had contributed.",
        "The army said local reporters in the town had contributed to the inquiry.",
        "Top officials met in Islamabad on Monday to discuss the strikes.",
        "Share prices fell.",
        "Comments by the foreign minister drew criticism.",
        "Iran-Pakistan talks: what we know",
        "Updated figures from the ministry put the toll at 12.",
        "Listen to the residents of the border towns and you hear fear.",
        "We use cookies, the ministry said, only to count visitors to its portal.",
        "Read more about the talks in the explainer below.",
        "Residents shared videos, photos.",
        "Photo evidence showed the missile hit a school.",
        "Home to 40,000 people, the town fell on Monday.",
        "Home / away: the team's record since the war began",
        "Source: the army said it had killed 12 militants.",
        "3 min after the blast, a second one hit the market.",
        "The report said the army had received a syndicated feed of the attack footage.",
        "The report has not been edited by the ministry, the spokesman said.",
        "Get out, the soldiers shouted, residents said.",
        "The war will end soon, the envoy said.",
        "Copyright law was changed in 2019 by parliament.",
        "Police sent the photos: all of them were fake, he said.",
        "Get the wounded out by email or by phone, the doctor wrote to colleagues.",
        "Follow the latest news, the minister said on Monday.",
        "Two hours ago the army said it had retaken the town.",
        "Home owners were told to leave.",
        "The army said — photo evidence aside — that it had hit the camp.",
        "Troops fired on the crowd — photographs posted online showed bodies.",
        "3 hours ago, the strikes resumed.",
        "Download the app, the police told residents so they could get alerts.",
        "Our standards demand that police protect protesters, the minister said.",
        "Comments from the minister angered protesters.",
    ],
)
def test_body_lines_are_never_boilerplate(line: str) -> None:
    assert line_kind(line, title="Some other headline") is None


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("By Reuters", "byline"),
        ("Web Desk", "byline"),
        ("ADVERTISEMENT", "advertisement"),
        ("Published: 14:18, May 31, 2024", "date-line"),
        ("09:05 AM | 18 Jan, 2024", "date-line"),
        ("Rally outside Sanaa on Jan 22, 2024. (PHOTO / AP)", "photo-caption"),
        ("Police at the scene of an earlier attack in Ordavi. File photo", "photo-caption"),
        ("Troops patrol the border crossing. Photo by Kelbani Dor", "photo-caption"),
        ("Read more: Gunmen kill four in fresh Ordavi raid", "navigation"),
        ("Home / Counties / Coast", "navigation"),
        ("Home > World > Middle East", "navigation"),
        ("4 min read", "navigation"),
        ("News | Politics | Business | Sports | Live TV", "navigation"),
        ("ORDAVI.COM | E-Paper | Sign in", "navigation"),
        ("Home Latest Ordavi World Business Opinion Sport", "navigation"),
        ("Rescuers search the rubble in Kelbani. — Photo provided by author", "photo-caption"),
        ("Rescuers search the rubble in Kelbani. — AFP photo", "photo-caption"),
        ("Published 3 hours ago", "page-widget"),
        ("Updated about 5 hours ago", "page-widget"),
        ("Source: Xinhua", "byline"),
        ("(Reporting by Ana Lobo in Kessoma and Tom Ward in Lobo; Editing by Ian Hale)", "byline"),
        ("Additional reporting by Ana Lobo; writing by Tom Ward", "byline"),
        ("Associated Press writer Ana Lobo in Kessoma contributed to this report.", "byline"),
        ("AP writers Ana Lobo in Kessoma and Tom Ward contributed.", "byline"),
        ("Reuters reporter Tom Ward contributed reporting from Lobo.", "byline"),
        ("Ana Lobo in Kessoma contributed to this report.", "byline"),
        (
            "This report is auto-generated from a syndicated news feed. The Kelbani Times "
            "holds no responsibility for its content.",
            "syndication-notice",
        ),
        (
            "(This story has not been edited by Ordavi Post staff and is auto-generated from "
            "a syndicated feed.)",
            "syndication-notice",
        ),
        (
            "Get the best of our reporting in your inbox with the Kelbani Briefing newsletter.",
            "page-widget",
        ),
        ("Subscribe to our channels on YouTube & Telegram", "page-widget"),
        ("ALSO READ: Talks resume in Kelbani", "navigation"),
        ("•", "stray-character"),
        ("Published: Updated:", "page-widget"),  # labels whose dates the page's script fills
        ("Last updated on:", "page-widget"),
        ("Listen to this article", "page-widget"),
        ("Our Standards: The Thomson Reuters Trust Principles.", "page-widget"),
        ("Comments - 6", "page-widget"),
        ("A+ A-", "page-widget"),
        ("Please enable JavaScript to view the comments.", "page-notice"),
        ("This story is for subscribers only. Subscribe now to continue reading.", "page-notice"),
        # The wire's end mark and its note to editors.
        ("(END)", "end-marker"),
        ("-ends-", "end-marker"),
        ("(ATTN: UPDATES with ministry statement in paras 4-5)", "end-marker"),
        # A copyright line, with the permission and address a syndicator adds.
        ("© 2024 Kelbani Broadcasting. All rights reserved.", "copyright"),
        ("Copyright (c) 2023. Ordavi Radio, Inc. Used with permission, 12 Main St, Ste 4.",
         "copyright"),
        ("Share this story: Facebook | X | WhatsApp", "share-widget"),
        ("Get the Kelbani Post's Morning Briefing by email and never miss a story",
         "page-widget"),
        ("Newsletter email address", "page-widget"),
        ("Troops guard a checkpoint in Ordavi. PHOTO: KELBANI TIMES/FILE", "photo-caption"),
        ("Troops at a camp in Ordavi. File | Photo Credit: PTI", "photo-caption"),
        ("Catch all the Latest News, Breaking News and World News on The Kelbani Times.",
         "page-widget"),
        ("Download the Kelbani Times app to get breaking news alerts", "page-widget"),
    ],
)  # fmt: skip
def test_furniture_lines_have_their_kind(line: str, kind: str) -> None:
    assert line_kind(line, title="Some headline") == kind


def test_a_bar_of_share_targets_is_removed_and_a_sentence_naming_them_is_kept() -> None:
    from newsevents.knowledge import boilerplate

    share = next(rule for rule in boilerplate().rules if rule.kind == "share-widget")
    for bar in ("Facebook | Twitter | WhatsApp | Comments", "Share on X · Share on Telegram",
                "Email Print 12 Comments"):  # fmt: skip
        assert share.matches(bar), bar
    for sentence in ("Facebook said it removed the posts.", "Twitter users shared the video"):
        assert not share.matches(sentence), sentence


def test_a_credit_and_a_date_in_one_line_are_read_apart() -> None:
    # Sites print the byline and the date on one line; whole, it was no furniture, so
    # the date was lost to the metadata stage and the line stayed in the text.
    from newsevents.pipeline.clean import furniture_segments

    parts = furniture_segments("By Staff Reporter | Mar 12, 2025")
    assert parts == [
        RemovedLine("byline", "By Staff Reporter"),
        RemovedLine("date-line", "Mar 12, 2025"),
    ]
    parts = furniture_segments("Source: Xinhua · 2024-12-26")
    assert parts is not None and [p.kind for p in parts] == ["byline", "date-line"]
    for line in ("Gaza | Israel", "By Staff Reporter | the army said on Tuesday",
                 "Mar 12, 2025", "home | the strikes went on"):  # fmt: skip
        assert furniture_segments(line) is None, line


@pytest.mark.parametrize(
    ("line", "kinds"),
    [
        ("Kelbani Times | Published: Mar 12, 2025 · 4 min read",
         ["byline", "date-line", "navigation"]),
        ("Ordavi Report | Published March 3, 2025 | Updated about 5 hours ago",
         ["byline", "date-line", "page-widget"]),
        ("AFP | 3 March 2025", ["byline", "date-line"]),
    ],
)  # fmt: skip
def test_a_bare_name_beside_a_date_is_its_credit(line: str, kinds: list[str]) -> None:
    # Sites print the outlet or desk before the date without "By": the line was read
    # as content, and its date was lost.
    from newsevents.pipeline.clean import furniture_segments

    parts = furniture_segments(line)
    assert parts is not None and [p.kind for p in parts] == kinds
    for content in ("Gunmen killed four | Mar 12, 2025", "Kelbani | the army said | Mar 12, 2025",
                    "Kelbani | Ordavi"):  # fmt: skip
        assert furniture_segments(content) is None, content


def test_the_headline_without_the_page_titles_suffix_is_the_title() -> None:
    # A saved page's first line is its <title>, with the section and the site after
    # the headline; the headline itself comes again above the story.
    text = ("Gunmen kill four in Kelbani market attack - World - ORDAVI.COM\n\n"
            "Gunmen kill four in Kelbani market attack\n\n"
            "Gunmen killed four people in Kelbani on Sunday.")  # fmt: skip
    cleaned = clean_text(Draft(RawDocument("k.txt", "k.txt", None, text)))
    assert cleaned.title == "Gunmen kill four in Kelbani market attack"
    assert cleaned.body == "Gunmen killed four people in Kelbani on Sunday."
    # A body line that only begins as the headline does is the story's.
    text = "Four killed in Kelbani - police\n\nFour killed in Kelbani, police say."
    cleaned = clean_text(Draft(RawDocument("k.txt", "k.txt", None, text)))
    assert cleaned.body == "Four killed in Kelbani, police say."


def test_a_credit_beside_a_date_line_dates_the_article() -> None:
    text = ("Four killed in Kelbani\n\nOrdavi Report | Published March 3, 2025 | "
            "Updated about 5 hours ago\n\n"
            "Gunmen killed four people in Kelbani on Sunday.")  # fmt: skip
    cleaned = clean_text(Draft(RawDocument("k.txt", "k.txt", None, text)))
    assert cleaned.body == "Gunmen killed four people in Kelbani on Sunday."
    dated = extract_metadata(cleaned)
    assert (dated.published_date, dated.published_date_provenance) == (dt.date(2025, 3, 3), "text")


def test_a_credited_date_line_dates_the_article() -> None:
    text = ("Four killed in Kelbani\n\nBy Staff Reporter | Mar 12, 2025\n\n"
            "Gunmen killed four people in Kelbani on Tuesday.")  # fmt: skip
    cleaned = clean_text(Draft(RawDocument("k.txt", "k.txt", None, text)))
    assert "Staff Reporter" not in cleaned.body
    dated = extract_metadata(cleaned)
    assert dated.published_date == dt.date(2025, 3, 12)
    assert dated.published_date_provenance == "text"


def test_a_date_line_with_its_byline_after_dates_the_article() -> None:
    text = ("Four killed in Kelbani\n\nPublished Mar 12, 2025 4:05 PM by The Harbour "
            "Gazette\n\nGunmen killed four people in Kelbani on Tuesday.")  # fmt: skip
    cleaned = clean_text(Draft(RawDocument("k.txt", "k.txt", None, text)))
    assert cleaned.body == "Gunmen killed four people in Kelbani on Tuesday."
    dated = extract_metadata(cleaned)
    assert (dated.published_date, dated.published_date_provenance) == (dt.date(2025, 3, 12), "text")


@pytest.mark.parametrize(
    "stamp",
    [
        "Fri Mar 7, 2025 06:10 PM Last update on: Sat Mar 8, 2025 11:02 AM",
        "Posted 7 March 2025 18:10 Updated 8 March 2025 11:02",
    ],
)
def test_a_published_stamp_and_its_update_in_one_line_date_the_article(stamp: str) -> None:
    # No separator between the two stamps: the update's label says where it begins,
    # and the article was published on the first.
    text = f"Four killed in Kelbani\n\n{stamp}\n\nGunmen killed four people in Kelbani on Thursday."
    cleaned = clean_text(Draft(RawDocument("k.txt", "k.txt", None, text)))
    assert "2025" not in cleaned.body
    dated = extract_metadata(cleaned)
    assert (dated.published_date, dated.published_date_provenance) == (dt.date(2025, 3, 7), "text")


def test_a_sentence_with_a_date_label_word_is_not_split_into_furniture() -> None:
    from newsevents.pipeline.clean import furniture_segments

    for line in ("Officials updated the toll on Mar 8, 2025", "The list posted Mar 8, 2025"):
        assert furniture_segments(line) is None, line


def test_a_list_of_links_under_its_label_is_navigation_and_the_text_after_is_kept() -> None:
    text = (
        "Blasts hit Kelbani\n\nExplosions hit the ministry in Kelbani on Monday.\n\n"
        "See also:\nKelbani Summons Envoy Over Remarks\nExplainer: What Is Ordavi?\n\n"
        "Tags: Kelbani, Ordavi\n\n"
        "Read more\nPolice Officer Killed in Ambush in the North\n"
        "Officials said the ministry would reopen on Friday.\n\n"
        "Related Topics\nKelbani, Ordavi, Security"
    )
    cleaned = clean_text(Draft(RawDocument("k.txt", "k.txt", None, text)))
    assert cleaned.body.split("\n\n") == [
        "Explosions hit the ministry in Kelbani on Monday.",
        "Officials said the ministry would reopen on Friday.",
    ]
    navigation = [r.text for r in cleaned.removed if r.kind == "navigation"]
    assert "Police Officer Killed in Ambush in the North" in navigation


def test_short_lines_with_no_label_above_are_kept() -> None:
    text = "Talks in Kelbani\n\nThe envoys met.\n\nKey points\nNo deal was signed"
    cleaned = clean_text(Draft(RawDocument("k.txt", "k.txt", None, text)))
    assert "Key points\nNo deal was signed" in cleaned.body


def test_a_day_line_over_an_entrys_clock_line_is_a_live_blogs_heading_and_stays() -> None:
    text = (
        "Border clashes live\n\nSaturday 3 May 2025\n\n18.40 BST\nShelling resumed near "
        "Tarsk.\n\nFriday 2 May 2025\n\n21.05 BST\nTalks stalled."
    )
    cleaned = clean_text(Draft(RawDocument("b.txt", "b.txt", None, text)))
    assert "Saturday 3 May 2025" in cleaned.body.split("\n")
    assert "Friday 2 May 2025" in cleaned.body.split("\n")
    # A page's date line with no entry under it is still furniture.
    story = "Border clashes\n\nSaturday 3 May 2025\n\nShelling resumed near Tarsk."
    assert "Saturday 3 May 2025" not in clean_text(
        Draft(RawDocument("s.txt", "s.txt", None, story))
    ).body.split("\n")
