"""The explorer's records: release rows (as pyarrow's `to_pylist` gives them) made into
the small JSON objects the page reads.

Pure functions, one per kind of record; nothing here reads or writes a file. Dates
become ISO strings; a field the page does not show is left out, so the data files stay
small at 10,000 articles.
"""

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

Row = Mapping[str, Any]

# Columns the geocoding step adds to `incidents` rows (latitude/longitude in decimal
# degrees, UCDP's where_prec 1-7); a release without them has no map points.
COORDINATE_COLUMNS = ("latitude", "longitude")
WEEK_DAYS = 7
MONTH_DAYS = 31  # "early/mid/late March" is 10 days, a month up to 31: both `month`


# The Parquet columns each config's records read (dotted paths; a list's items are
# `list.element`, as pyarrow writes them). Only these are read: the rest (an event's
# evidence text, the geocoding's details) would be decoded for nothing. A record read
# from these columns equals one read from the whole row (tests/test_explorer.py);
# None reads every column.
_ITEM = "list.element"
COLUMNS: dict[str, tuple[str, ...] | None] = {
    "incidents": (
        "incident_id", "type", "mode", "date", "date_min", "date_max", "actors",
        "locations", "article_ids", "independent_sources", "figures_conflict", "claims",
        "killed_low", "killed_best", "killed_high", "injured_low", "injured_best",
        "injured_high", "latitude", "longitude", "geo_precision", "country_iso3",
    ),
    "claims": (
        "article_id", "claim_id", "figure_span.text", "outcome", "count_min", "count_max",
        "qualifier", "victims", "claimant", "claimant_text", "claimant_name", "stance",
        "scope", "published_date", "outlet", "incident_id", "evidence.start",
        "evidence.end",
    ),
    "entities": None,
    "articles": (
        "article_id", "title", "text", "text_policy", "published_date",
        "published_date_provenance", "near_duplicate_of", "flags",
        *(f"source.{f}" for f in ("url", "author", "dateline", "outlet", "domain", "agency")),
        f"entities.{_ITEM}.entity_id",
        f"entities.{_ITEM}.mentions.{_ITEM}.start",
        f"entities.{_ITEM}.mentions.{_ITEM}.end",
        *(f"events.{_ITEM}.{f}" for f in
          ("evidence.start", "evidence.end", "trigger", "event_id", "type")),
        *(f"casualty_claims.{_ITEM}.{f}" for f in
          ("evidence.start", "evidence.end", "figure_span.start", "figure_span.end", "claim_id")),
    ),
}  # fmt: skip


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def incident_precision(row: Row) -> str | None:
    """`day` when some mention gives a day (the interval then spans the day-precise
    mentions), else the unit of the one interval: `week`, `month` or `year`; None when
    the incident is undated."""
    start, end = row.get("date_min"), row.get("date_max")
    if row.get("date") is not None:
        return "day"
    if start is None or end is None:
        return None
    days = (end - start).days + 1
    if days <= 1:
        return "day"
    if days <= WEEK_DAYS:
        return "week"
    if days <= MONTH_DAYS:
        return "month"
    return "year"


def has_coordinates(columns: Sequence[str]) -> bool:
    """Whether a release's `incidents` columns include the geocoding's coordinates."""
    return all(name in columns for name in COORDINATE_COLUMNS)


def map_point(row: Row) -> dict[str, Any] | None:
    """The incident's place on the map, or None: both coordinates must be numbers in
    range (a row without the geocoding's columns has none)."""
    lat, lon = row.get("latitude"), row.get("longitude")
    if not isinstance(lat, int | float) or not isinstance(lon, int | float):
        return None
    if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
        return None
    point: dict[str, Any] = {"lat": float(lat), "lon": float(lon)}
    if row.get("geo_precision") is not None:
        point["geo_precision"] = int(row["geo_precision"])
    if row.get("country_iso3"):
        point["country_iso3"] = row["country_iso3"]
    return point


def incident_record(row: Row) -> dict[str, Any]:
    """One incident for the timeline, its detail view and the map."""
    record: dict[str, Any] = {
        "id": row["incident_id"],
        "type": row["type"],
        "mode": row.get("mode"),
        "date": _iso(row.get("date")),
        "date_min": _iso(row.get("date_min")),
        "date_max": _iso(row.get("date_max")),
        "precision": incident_precision(row),
        "actors": list(row.get("actors") or []),
        "locations": list(row.get("locations") or []),
        "article_ids": list(row.get("article_ids") or []),
        "independent_sources": row.get("independent_sources", 0),
        "figures_conflict": bool(row.get("figures_conflict")),
        "claims": [_incident_claim(c) for c in row.get("claims") or []],
    }
    for outcome in ("killed", "injured"):
        for kind in ("low", "best", "high"):
            record[f"{outcome}_{kind}"] = row.get(f"{outcome}_{kind}")
    point = map_point(row)
    if point is not None:
        record["point"] = point
    return record


def _incident_claim(claim: Row) -> dict[str, Any]:
    return {
        "article_id": claim["article_id"],
        "claim_id": claim["claim_id"],
        "claimant": claim.get("claimant"),
        "claimant_text": claim.get("claimant_text"),
        "outcome": claim["outcome"],
        "count_min": claim["count_min"],
        "count_max": claim.get("count_max"),
        "qualifier": claim["qualifier"],
        "used": bool(claim["used"]),
        "left_out": claim.get("left_out"),
    }


def claim_record(row: Row) -> dict[str, Any]:
    """One row of the `claims` config: what a claims list shows and where its evidence is."""
    figure, evidence = row["figure_span"], row["evidence"]
    return {
        "article_id": row["article_id"],
        "claim_id": row["claim_id"],
        "figure": figure["text"],
        "outcome": row["outcome"],
        "count_min": row["count_min"],
        "count_max": row.get("count_max"),
        "qualifier": row["qualifier"],
        "victims": row.get("victims"),
        "claimant": row.get("claimant"),
        "claimant_text": row.get("claimant_text"),
        "claimant_name": row.get("claimant_name"),
        "stance": row.get("stance"),
        "scope": row.get("scope"),
        "published_date": _iso(row.get("published_date")),
        "outlet": row.get("outlet"),
        "incident_id": row.get("incident_id"),
        "evidence": [evidence["start"], evidence["end"]],
    }


def entity_record(row: Row) -> dict[str, Any]:
    return {
        "id": row["entity_id"],
        "name": row["name"],
        "type": row["type"],
        "wikidata": row.get("wikidata"),
        "aliases": list(row.get("aliases") or []),
        "article_count": row.get("article_count", 0),
        "mention_count": row.get("mention_count", 0),
    }


def article_summary(row: Row, page: int) -> dict[str, Any]:
    """What every view knows of an article without its text; `page` is the number of
    the data file that holds the text."""
    source = row.get("source") or {}
    return {
        "id": row["article_id"],
        "title": row["title"],
        "published_date": _iso(row.get("published_date")),
        "outlet": source.get("outlet") or source.get("domain"),
        "agency": source.get("agency"),
        "near_duplicate_of": row.get("near_duplicate_of"),
        "entities": sorted({e["entity_id"] for e in row.get("entities") or []}),
        "page": page,
    }


def article_text_record(row: Row) -> dict[str, Any]:
    """An article's text and every span to highlight in it, as [start, end, ...] lists:
    `mentions` [start, end, entity_id], `events` [evidence start, evidence end, trigger
    start, trigger end, event_id, type] (trigger start/end -1 when the trigger is not
    found in its sentence), `claims` [evidence start, evidence end, figure start, figure
    end, claim_id]."""
    text: str = row["text"]
    source = row.get("source") or {}
    # Spans are tuples: `pages.compact` leaves a tuple whole (it holds no null) and JSON
    # writes it as the same list, without a call per span.
    mentions = sorted(
        (m["start"], m["end"], e["entity_id"])
        for e in row.get("entities") or []
        for m in e.get("mentions") or []
    )
    events = []
    for event in row.get("events") or []:
        evidence = event["evidence"]
        start, end = _trigger_span(text, evidence["start"], evidence["end"], event["trigger"])
        events.append(
            (evidence["start"], evidence["end"], start, end, event["event_id"], event["type"])
        )
    claims = [
        (
            c["evidence"]["start"],
            c["evidence"]["end"],
            c["figure_span"]["start"],
            c["figure_span"]["end"],
            c["claim_id"],
        )
        for c in row.get("casualty_claims") or []
    ]
    return {
        "id": row["article_id"],
        "title": row["title"],
        "text": text,
        "text_policy": row.get("text_policy", "full"),
        "url": source.get("url"),
        "author": source.get("author"),
        "dateline": source.get("dateline"),
        "published_date_provenance": row.get("published_date_provenance"),
        "flags": list(row.get("flags") or []),
        "mentions": mentions,
        "events": events,
        "claims": claims,
    }


def _trigger_span(text: str, start: int, end: int, trigger: str) -> tuple[int, int]:
    """Where the trigger's words are in its evidence sentence (the first occurrence,
    case aside); (-1, -1) when they are not there (a withheld text, a lemma)."""
    at = text[start:end].lower().find(trigger.lower()) if trigger else -1
    if at < 0:
        return -1, -1
    return start + at, start + at + len(trigger)
