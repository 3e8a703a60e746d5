"""Dates from the calendar of known incidents (knowledge/incidents.yaml), publication
dates inferred from them and from URLs, and the clause rules that date and attribute
events in the dev articles' sentences."""

import datetime as dt
from pathlib import Path

import pytest

from newsevents.config import BuildConfig
from newsevents.knowledge import KnownIncident, actors, known_incidents
from newsevents.pipeline.document import Draft, RawDocument
from newsevents.pipeline.entities import extract_entities
from newsevents.pipeline.events import extract_events
from newsevents.pipeline.nlp import parse
from newsevents.release.assemble import build_release
from newsevents.schema import Article, Event
from newsevents.temporal import known_dates
from newsevents.temporal.dates import date_in_url

PLOVER = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
          "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE",
          "ASSAULT"}  # fmt: skip


def draft_of(body: str, published: dt.date | None, title: str = "News") -> Draft:
    doc = RawDocument("t", "t.txt", None, f"{title}\n\n{body}")
    (draft,) = parse([Draft(doc, title=title, body=body, published_date=published)])
    return extract_events(extract_entities(draft))


def named(draft: Draft, event: Event, role: str) -> set[str]:
    names = {e.entity_id: e.name for e in draft.entities}
    return {names[x] for x in getattr(event, role)}


def test_calendar_entries_are_complete_and_use_gazetteer_names() -> None:
    incidents = known_incidents()
    assert len(incidents) >= 100
    gazetteer = {a.name for a in actors()}
    for incident in incidents:
        assert incident.type in PLOVER, incident.name
        assert incident.actors | incident.places, incident.name
        unknown = (incident.actors | incident.targets | incident.places) - gazetteer
        assert not unknown, f"{incident.name}: {sorted(unknown)} not in actors.yaml"
    keys = [(i.date, i.name) for i in incidents]
    assert len(keys) == len(set(keys))
    aliases = [a for i in incidents for a in i.aliases]
    assert len(aliases) == len(set(aliases))


def test_a_new_incident_on_a_listed_incidents_weekday_keeps_no_date() -> None:
    # A 2026 strike in the same district on the same weekday as the listed one of
    # Thursday 18 January 2024, with no publication date: one weekday fits a day in
    # every week of every year, so the calendar must not date it.
    assert any(
        i.date == dt.date(2024, 1, 18) and "Saravan" in i.places and i.type == "ASSAULT"
        for i in known_incidents()
    )
    draft = draft_of(
        "Pakistani forces struck militant hideouts near Saravan in Iran's Sistan and "
        "Baluchestan province on Thursday, killing seven fighters, officials said.",
        published=None,
    )
    (strike,) = [e for e in draft.events if e.type == "ASSAULT"]
    assert (strike.date, strike.date_source, strike.date_text) == (None, "none", "Thursday")
    assert "event-date-from-known-incident" not in draft.flags


def test_a_weekday_the_story_corroborates_takes_the_known_incidents_day() -> None:
    # Two events fitting two listed incidents of one week: the story retells that
    # episode, and the weekday is the listed Thursday.
    draft = draft_of(
        "Pakistan on Thursday said it struck terrorist hideouts in Iran's Sistan and "
        "Baluchestan province. Iran summoned Pakistan's envoy on Thursday.",
        published=None,
    )
    (strike,) = [e for e in draft.events if e.type == "ASSAULT"]
    assert (strike.date, strike.date_precision, strike.date_source) == (
        dt.date(2024, 1, 18), "day", "calendar",
    )  # fmt: skip
    assert (strike.date_start, strike.date_end) == (dt.date(2024, 1, 18), dt.date(2024, 1, 18))
    assert "event-date-from-known-incident" in draft.flags
    # Thursday fixes the week, not the day the article appeared: no publication date.
    assert draft.published_date is None


def test_same_day_words_infer_the_publication_date() -> None:
    draft = draft_of(
        "Pakistan on Thursday said it struck terrorist hideouts in Iran's Sistan and "
        "Baluchestan province earlier in the day. Iran summoned Pakistan's envoy on Thursday.",
        published=None,
    )
    assert (draft.published_date, draft.published_date_provenance) == (
        dt.date(2024, 1, 18), "inferred",
    )  # fmt: skip
    assert "published-date-inferred" in draft.flags
    (summons,) = [e for e in draft.events if e.type == "ACCUSE"]
    assert summons.date == dt.date(2024, 1, 18)  # resolved in the anchored week


def test_a_month_becomes_the_known_day() -> None:
    draft = draft_of(
        "Jaish al-Adl claimed responsibility for killing 11 Iranian police officers in "
        "Rask in December.",
        published=dt.date(2024, 1, 29),
    )
    (attack,) = draft.events
    assert named(draft, attack, "actors") == {"Jaish al-Adl"}
    assert (attack.date, attack.date_precision, attack.date_text) == (
        dt.date(2023, 12, 15), "day", "December",
    )  # fmt: skip


def test_a_day_without_its_year_takes_the_incidents_year_only_if_the_day_fits() -> None:
    def dated(body: str) -> dt.date | None:
        (strike,) = draft_of(body, published=None).events
        return strike.date

    assert dated("On January 18, Pakistan struck hideouts in Saravan.") == dt.date(2024, 1, 18)
    assert dated("On January 20, Pakistan struck hideouts in Saravan.") is None


def test_the_texts_own_day_always_wins() -> None:
    draft = draft_of(
        "Iran struck Pakistan's Balochistan province on January 17, 2024.", published=None
    )
    (strike,) = draft.events
    assert strike.date == dt.date(2024, 1, 17)
    assert "event-date-from-known-incident" not in draft.flags


def test_a_weekday_no_incident_fits_stays_undated() -> None:
    draft = draft_of("Iran struck Pakistan's Balochistan province on Friday.", published=None)
    (strike,) = draft.events
    assert (strike.date, strike.date_text) == (None, "Friday")


def test_a_country_alone_is_too_coarse_to_pick_a_day() -> None:
    # The calendar holds Pakistani strikes in Afghanistan on a Monday (18 March 2024),
    # but Pakistan has struck Afghanistan on many Mondays.
    assert any(
        i.actors >= {"Pakistan"} and "Afghanistan" in i.places and i.date.weekday() == 0
        for i in known_incidents()
    )
    draft = draft_of("Pakistan struck Afghanistan on Monday.", published=None)
    (strike,) = draft.events
    assert strike.date is None


def test_two_fitting_incidents_on_different_days_give_no_date(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def incident(day: int) -> KnownIncident:
        return KnownIncident(
            f"strike {day}", dt.date(2024, 1, day), "ASSAULT", None,
            frozenset({"Iran"}), frozenset(), frozenset({"Pakistan"}), (),
        )  # fmt: skip

    monkeypatch.setattr(known_dates, "known_incidents", lambda: (incident(2), incident(9)))
    draft = draft_of("Iran struck Pakistan on Tuesday.", published=None)
    (strike,) = draft.events
    assert strike.date is None


@pytest.mark.parametrize(
    ("url", "date"),
    [
        ("https://en.dailypakistan.com.pk/18-Jan-2024/operation-marg-bar", dt.date(2024, 1, 18)),
        ("https://example.com/2024/01/18/iran-pakistan/", dt.date(2024, 1, 18)),
        ("https://example.com/world/2023/mar/07/port-deal", dt.date(2023, 3, 7)),
        ("https://example.com/2023/sport/07/x", None),  # no month between year and day
        ("https://example.com/news/2024-01-18-iran-pakistan", dt.date(2024, 1, 18)),
        ("https://example.com/a/20240118/b", dt.date(2024, 1, 18)),
        ("https://example.com/2024/02/30/not-a-day/", None),
        ("https://scroll.in/latest/1082069/3-civilians-killed", None),
        ("https://example.com/2024/01/", None),  # a month is not a publication date
    ],
)
def test_date_in_url(url: str, date: dt.date | None) -> None:
    assert date_in_url(url) == date


def test_url_date_is_a_publication_date_of_last_resort(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(
        "Iran and Pakistan hold talks\n\n"
        "The talks between the two delegations went on for a second day.\n"
    )
    (tmp_path / "in" / "sources.yaml").write_text(
        "a.txt:\n  url: https://example.com/2024/01/29/talks/\n"
    )
    report = build_release(
        BuildConfig(input_dir=tmp_path / "in", out_dir=tmp_path / "out", version="t")
    )
    (line,) = (report.release_dir / "jsonl" / "articles.jsonl").read_text().splitlines()
    article = Article.model_validate_json(line)
    assert (article.published_date, article.published_date_provenance) == (
        dt.date(2024, 1, 29), "url",
    )  # fmt: skip


# Clause rules met in the dev articles, on sentences of the same shape.


def test_condemning_an_attack_targets_who_attacked_not_where() -> None:
    draft = draft_of("Tehran condemned Pakistan's raid on Iran's soil.", dt.date(2024, 1, 18))
    (accuse,) = [e for e in draft.events if e.type == "ACCUSE"]
    assert named(draft, accuse, "targets") == {"Pakistan"}


def test_a_relative_clause_is_not_part_of_its_antecedent() -> None:
    draft = draft_of(
        "Iran has condemned the attack on Saravan which killed nine people and summoned "
        "Pakistan's envoy.",
        dt.date(2024, 1, 18),
    )
    (summons,) = [e for e in draft.events if e.trigger == "summoned"]
    assert named(draft, summons, "targets") == {"Pakistan"}
    assert "Pakistan" not in named(draft, summons, "actors")


def test_a_gerund_acts_for_the_subject_of_its_clause() -> None:
    draft = draft_of(
        "Iran displayed its military might by carrying out a missile attack on Pakistan.",
        dt.date(2024, 1, 18),
    )
    (attack,) = draft.events
    assert named(draft, attack, "actors") == {"Iran"}


def test_a_day_after_dates_the_earlier_clause() -> None:
    draft = draft_of(
        "Pakistan struck militants inside Iran on January 18, 2024. A day after Tehran "
        "violated Pakistan's air space and killed two civilians, Pakistan retaliated with "
        "strikes inside Iran.",
        dt.date(2024, 1, 18),
    )
    (killing,) = [e for e in draft.events if e.trigger == "killed"]
    assert (killing.date, killing.date_text) == (dt.date(2024, 1, 17), "A day")
    assert named(draft, killing, "actors") == {"Tehran"}


def test_later_continues_the_day_just_told() -> None:
    draft = draft_of(
        "Pakistan's envoy was summoned by Iran on Thursday. Foreign Ministry spokesman "
        "Nasser Kanaani later condemned Pakistan's attack.",
        dt.date(2024, 1, 20),
    )
    (condemned,) = [e for e in draft.events if e.trigger == "condemned"]
    assert (condemned.date, condemned.date_text) == (dt.date(2024, 1, 18), "later")


def test_recall_and_block_in_one_sentence_are_one_measure() -> None:
    draft = draft_of(
        "Islamabad recalled its ambassador from Tehran and blocked Iran's envoy from returning.",
        dt.date(2024, 1, 18),
    )
    assert [e.type for e in draft.events] == ["SANCTION"]
