"""Hand-built records for tests that must not depend on earlier stages."""

import datetime as dt
from typing import Any

from newsevents.schema import Article, sha256_text

TITLE = "Iranian strike kills two children in Balochistan"
BODY = (
    "ISLAMABAD: Pakistan said on Wednesday that an Iranian strike on Tuesday killed "
    "two children and injured three girls in Balochistan."
)
TEXT = f"{TITLE}\n\n{BODY}"


def span(text: str, needle: str) -> dict[str, Any]:
    start = text.index(needle)
    return {"start": start, "end": start + len(needle), "text": needle}


def last_span(text: str, needle: str) -> dict[str, Any]:
    start = text.rindex(needle)
    return {"start": start, "end": start + len(needle), "text": needle}


def article_data(**changes: Any) -> dict[str, Any]:
    """A valid, fully populated article as plain data; `changes` override fields."""
    sentence = span(TEXT, BODY[len("ISLAMABAD: ") :])
    data: dict[str, Any] = {
        "article_id": "a1",
        "source_file": "a1.txt",
        "source_line": None,
        "content_sha256": sha256_text(TEXT),
        "title": TITLE,
        "text": TEXT,
        "language": "en",
        "source": {"outlet": "Dawn", "url": "https://www.dawn.com/news/1", "domain": "dawn.com",
                   "author": None, "agency": None, "dateline": "Islamabad"},
        "published_date": dt.date(2024, 1, 17),
        "published_date_provenance": "curated",
        "entities": [
            {"entity_id": "Q843", "name": "Pakistan", "type": "COUNTRY", "wikidata": "Q843",
             "mentions": [span(TEXT, "Pakistan")]},
            {"entity_id": "Q794", "name": "Iran", "type": "COUNTRY", "wikidata": "Q794",
             "mentions": [span(TEXT, "Iranian")]},
            {"entity_id": "Q163239", "name": "Balochistan", "type": "LOCATION",
             "wikidata": "Q163239",
             "mentions": [span(TEXT, "Balochistan"), last_span(TEXT, "Balochistan")]},
        ],
        "events": [
            {"event_id": "ev1", "type": "ASSAULT", "mode": "aerial", "status": "occurred",
             "date": dt.date(2024, 1, 16), "date_precision": "day", "date_text": "on Tuesday",
             "date_start": dt.date(2024, 1, 16), "date_end": dt.date(2024, 1, 16),
             "date_source": "relative",
             "actors": ["Q794"], "targets": [], "locations": ["Q163239"], "trigger": "strike",
             "evidence": sentence},
        ],
        "casualty_claims": [
            {"claim_id": "c1", "outcome": "killed", "count_min": 2, "count_max": 2,
             "qualifier": "exact", "figure_span": span(TEXT, "two"),
             "victims": "children", "victims_span": span(TEXT, "children"),
             "victim_group": "civilians", "claimant": "Q843", "claimant_text": "Pakistan",
             "claimant_span": last_span(TEXT, "Pakistan"), "stance": "asserted",
             "event_id": "ev1", "event_date": dt.date(2024, 1, 16), "date_source": "relative",
             "evidence": sentence},
            {"claim_id": "c2", "outcome": "injured", "count_min": 3, "count_max": 3,
             "qualifier": "exact", "figure_span": span(TEXT, "three"),
             "victims": "girls", "victims_span": span(TEXT, "girls"),
             "victim_group": "civilians", "claimant": "Q843", "claimant_text": "Pakistan",
             "claimant_span": last_span(TEXT, "Pakistan"), "stance": "asserted",
             "event_id": "ev1", "event_date": dt.date(2024, 1, 16), "date_source": "relative",
             "evidence": sentence},
        ],
        "near_duplicate_of": None,
        "flags": [],
    }  # fmt: skip
    data.update(changes)
    return data


def make_article(**changes: Any) -> Article:
    return Article.model_validate(article_data(**changes))
