"""Score a release against gold annotations (format and rules: ../shared/eval/README.md).

Per article, predictions and gold items are paired by an optimal one-to-one
assignment (scipy's linear_sum_assignment): required gold items first, then pairs
whose type, claimant or date are also right, so the order of predictions never
changes the score. Optional gold items are neither misses nor false positives.
Accuracies (entity type, claimant, claim event date) are over matched required items;
event date accuracy pairs events on type alone (gold events with a date), since the
event match itself already requires the date.
"""

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from newsevents import safe_yaml
from newsevents.errors import E, UserError
from newsevents.schema import Article, CasualtyClaim, Entity, Event
from newsevents.textutil import name_key, strip_accents

# Assignment weights: any required match outweighs every optional match, which
# outweighs every tie-breaking bonus.
REQUIRED, OPTIONAL = 1000.0, 100.0


class _Gold(BaseModel):
    model_config = ConfigDict(extra="allow")  # gold files carry notes and summaries


class GoldEntity(_Gold):
    name: str
    type: str
    aliases: list[str] = []
    optional: bool = False


class GoldEvent(_Gold):
    type: list[str]
    date: dt.date | None = None
    date_optional: bool = False
    optional: bool = False

    @field_validator("type", mode="before")
    @classmethod
    def _listify(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value


class GoldClaim(_Gold):
    outcome: str
    count_min: int
    count_max: int | None = None
    qualifier: str = "exact"
    claimant: list[str | None] = []
    event_date: dt.date | None = None
    optional: bool = False


class GoldArticle(_Gold):
    file: str
    published_date: dt.date | None = None
    outlet: str | None = None
    outlet_aliases: list[str] = []
    agency: str | None = None
    dateline: str | None = None
    entities: list[GoldEntity] = []
    events: list[GoldEvent] = []
    claims: list[GoldClaim] = []


@dataclass
class Score:
    """Counts for one kind of item; precision/recall/F1 are None when undefined."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None and r is None:
            return None
        p, r = p or 0.0, r or 0.0
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Accuracy:
    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.right += ok
        self.total += 1

    @property
    def value(self) -> float | None:
        return self.right / self.total if self.total else None


@dataclass
class DateTally:
    """Events paired with a dated gold event of their type: how many the build left
    undated, dated to the gold day, dated to an interval holding it, or dated wrong
    (the gold day outside the predicted interval)."""

    pairs: int = 0
    undated: int = 0
    exact: int = 0
    inside: int = 0
    wrong: int = 0

    def add(self, predicted: Event, gold_day: dt.date) -> None:
        self.pairs += 1
        if predicted.date is None:
            self.undated += 1
            return
        start = predicted.date_start or predicted.date
        end = predicted.date_end or predicted.date
        self.exact += predicted.date == gold_day and predicted.date_precision == "day"
        inside = start <= gold_day <= end
        self.inside += inside
        self.wrong += not inside

    @property
    def dated(self) -> int:
        return self.pairs - self.undated

    def as_dict(self) -> dict[str, Any]:
        def share(x: int, n: int) -> float | None:
            return x / n if n else None

        return {
            "pairs": self.pairs,
            "undated_share": share(self.undated, self.pairs),
            "exact_share": share(self.exact, self.pairs),
            "wrong_among_dated": share(self.wrong, self.dated),
            "inside_among_dated": share(self.inside, self.dated),
        }


@dataclass
class GeoTally:
    """How many events have a point, and at which UCDP precision (1-7); events without a
    location count in `events` too."""

    events: int = 0
    with_location: int = 0
    with_coordinates: int = 0
    ambiguous: int = 0
    by_precision: Counter[int] = field(default_factory=Counter)

    def add(self, event: Event) -> None:
        self.events += 1
        self.with_location += bool(event.locations)
        self.ambiguous += event.geo_ambiguous
        if event.geo_precision is not None:
            self.with_coordinates += 1
            self.by_precision[event.geo_precision] += 1

    def as_dict(self) -> dict[str, Any]:
        def share(x: int, n: int) -> float | None:
            return x / n if n else None

        return {
            "events": self.events,
            "with_location": self.with_location,
            "coordinates_share": share(self.with_coordinates, self.events),
            "coordinates_share_of_located": share(self.with_coordinates, self.with_location),
            "ambiguous": self.ambiguous,
            "precision_shares": {
                str(p): share(self.by_precision[p], self.with_coordinates) for p in range(1, 8)
            },
        }


@dataclass
class Report:
    # "events" must match type and date; "events_type" type alone (where recall is lost
    # before dates matter).
    scores: dict[str, Score] = field(
        default_factory=lambda: {
            k: Score() for k in ("entities", "events", "events_type", "claims")
        }  # fmt: skip
    )
    # Per PLOVER type: (dated, type only).
    events_by_type: dict[str, tuple[Score, Score]] = field(default_factory=dict)
    accuracies: dict[str, Accuracy] = field(
        default_factory=lambda: {
            k: Accuracy()
            for k in (
                "entity_type",
                "event_date",
                "event_date_no_calendar",
                "claimant",
                "claim_event_date",
                "claim_event_date_no_calendar",
                "published_date",
                "outlet",
                "agency",
                "dateline",
            )
        }  # fmt: skip
    )
    # Publication-date accuracy by the provenance the release gives: how far each
    # source of dates (curated, metadata, text, dateline, url, inferred, none) is right.
    published_date_by_provenance: dict[str, Accuracy] = field(default_factory=dict)
    # Event dates over events paired by type with dated gold: "all", and by the
    # `date_source` the release gives.
    event_dates: dict[str, DateTally] = field(default_factory=lambda: {"all": DateTally()})
    # Geocoding coverage over every event of the scored articles (gold gives no
    # coordinates: these are shares, not accuracies).
    geo: "GeoTally" = field(default_factory=lambda: GeoTally())
    articles_scored: int = 0
    gold_without_article: list[str] = field(default_factory=list)
    # "file: kind: description" of every miss and false positive, for --details.
    errors: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "scores": {
                k: {
                    "tp": s.tp,
                    "fp": s.fp,
                    "fn": s.fn,
                    "precision": s.precision,
                    "recall": s.recall,
                    "f1": s.f1,
                }
                for k, s in self.scores.items()
            },  # fmt: skip
            "accuracies": {
                k: {"right": a.right, "total": a.total, "accuracy": a.value}
                for k, a in self.accuracies.items()
            },
            "published_date_by_provenance": {
                k: {"right": a.right, "total": a.total, "accuracy": a.value}
                for k, a in sorted(self.published_date_by_provenance.items())
            },
            "event_dates": {k: t.as_dict() for k, t in sorted(self.event_dates.items())},
            "events_by_type": {
                k: {
                    which: {"tp": s.tp, "fp": s.fp, "fn": s.fn, "f1": s.f1}
                    for which, s in zip(("dated", "type_only"), pair, strict=True)
                }
                for k, pair in sorted(self.events_by_type.items())
            },
            "geo": self.geo.as_dict(),
            "articles_scored": self.articles_scored,
            "gold_without_article": self.gold_without_article,
            "errors": self.errors,
        }


# The figures the dataset card quotes for each development set (release/accuracy.json).
HEADLINE_SCORES = ("entities", "events", "events_type", "claims")
HEADLINE_ACCURACIES = ("event_date", "event_date_no_calendar", "claim_event_date",
                       "claim_event_date_no_calendar", "claimant", "published_date")  # fmt: skip


def headline_figures(report: Report) -> dict[str, float | int | None]:
    """The card's figures for one set, rounded to 3 places: F1 of each item kind,
    date and claimant accuracies, and the event-date shares (undated, wrong among
    dated, gold day inside the predicted interval)."""

    def r(x: float | None) -> float | None:
        return None if x is None else round(x, 3)

    figures: dict[str, float | int | None] = {"articles": report.articles_scored}
    figures |= {f"{k}_f1": r(report.scores[k].f1) for k in HEADLINE_SCORES}
    figures |= {k: r(report.accuracies[k].value) for k in HEADLINE_ACCURACIES}
    dates = report.event_dates["all"].as_dict()
    figures |= {k: r(dates[k]) for k in ("undated_share", "wrong_among_dated",
                                          "inside_among_dated")}  # fmt: skip
    figures["coordinates_share"] = r(report.geo.as_dict()["coordinates_share"])
    return figures


def normalize(name: str | None) -> str:
    """Strip accents, lowercase, drop a leading 'the', keep only letters and digits."""
    if not name:
        return ""
    text = strip_accents(name).lower().strip().removeprefix("the ")
    return name_key(text)


def load_gold(folders: Sequence[Path]) -> list[GoldArticle]:
    paths = sorted(p for folder in folders for p in Path(folder).rglob("*.yaml"))
    if not paths:
        raise UserError(E.E006, paths=", ".join(map(str, folders)))
    gold = []
    for path in paths:
        try:
            gold.append(GoldArticle.model_validate(safe_yaml.load(path.read_text("utf-8"))))
        except safe_yaml.YamlProblem as err:
            where = f"line {err.line}: " if err.line else ""
            raise UserError(E.E007, path=path, problem=where + err.message) from err
        except (ValidationError, ValueError, OSError) as err:
            problem = str(err).splitlines()[0] if str(err) else type(err).__name__
            raise UserError(E.E007, path=path, problem=problem) from err
    return gold


def load_release_articles(release: Path) -> list[Article]:
    path = release / "jsonl" / "articles.jsonl"
    if not path.is_file():
        raise UserError(E.E005, path=release)
    with path.open(encoding="utf-8") as lines:
        return [Article.model_validate_json(line) for line in lines if line.strip()]


def evaluate_release(release: Path, gold_folders: Sequence[Path]) -> Report:
    return evaluate(load_release_articles(release), load_gold(gold_folders))


def evaluate(articles: Sequence[Article], gold: Sequence[GoldArticle]) -> Report:
    by_file: dict[str, Article] = {}
    for article in articles:
        by_file.setdefault(PurePosixPath(article.source_file).name, article)
    report = Report()
    for item in gold:
        if item.file not in by_file:
            report.gold_without_article.append(item.file)
            for kind in ("entities", "events", "claims"):
                report.scores[kind].fn += sum(not g.optional for g in getattr(item, kind))
            continue
        report.articles_scored += 1
        score_article(by_file[item.file], item, report)
        for event in by_file[item.file].events:
            report.geo.add(event)
    return report


def score_article(article: Article, gold: GoldArticle, report: Report) -> None:
    acc = report.accuracies
    right_date = article.published_date == gold.published_date
    acc["published_date"].add(right_date)
    by_provenance = report.published_date_by_provenance
    by_provenance.setdefault(article.published_date_provenance, Accuracy()).add(right_date)
    if not right_date:
        report.errors.append(
            f"{gold.file}: published_date: {article.published_date} "
            f"({article.published_date_provenance}), gold {gold.published_date}"
        )
    outlets = {normalize(n) for n in [gold.outlet, *gold.outlet_aliases] if n}
    acc["outlet"].add(
        normalize(article.source.outlet) in outlets if outlets else not article.source.outlet
    )
    acc["agency"].add(normalize(article.source.agency) == normalize(gold.agency))
    acc["dateline"].add(normalize(article.source.dateline) == normalize(gold.dateline))

    def entity_match(p: Entity, g: GoldEntity) -> tuple[bool, float]:
        names = {normalize(p.name)} | {normalize(m.text) for m in p.mentions}
        golds = {normalize(g.name)} | {normalize(a) for a in g.aliases}
        return bool(names & golds), float(p.type == g.type)

    errors: list[str] = []
    pairs = _assign(
        article.entities, gold.entities, entity_match, report.scores["entities"], errors
    )
    for p, g in pairs:
        acc["entity_type"].add(p.type == g.type)

    def event_match(p: Event, g: GoldEvent) -> tuple[bool, float]:
        date_ok = g.date is None or p.date == g.date or (g.date_optional and p.date is None)
        return p.type in g.type and date_ok, 0.0

    def by_type(index: int) -> dict[str, Score]:
        return _TypeScores(report.events_by_type, index)

    _assign(article.events, gold.events, event_match, report.scores["events"], errors, by_type(0))

    def type_match(p: Event, g: GoldEvent) -> tuple[bool, float]:
        return p.type in g.type, 0.0

    _assign(article.events, gold.events, type_match, report.scores["events_type"], None, by_type(1))

    # Date accuracy: pair events on type alone (dated gold only), then compare dates.
    def same_type(p: Event, g: GoldEvent) -> tuple[bool, float]:
        return p.type in g.type and g.date is not None, float(p.date == g.date)

    dated = [g for g in gold.events if g.date is not None]
    for p, g in _assign(article.events, dated, same_type, Score()):
        date_ok = p.date == g.date or (g.date_optional and p.date is None)
        acc["event_date"].add(date_ok)
        # Without the calendar of known incidents, its dates would be blanks.
        acc["event_date_no_calendar"].add(
            date_ok if p.date_source != "calendar" else bool(g.date_optional)
        )
        report.event_dates["all"].add(p, g.date)
        report.event_dates.setdefault(p.date_source, DateTally()).add(p, g.date)
        if not date_ok:
            errors.append(
                f"event date: {p.type} {p.trigger!r} on {p.date} ({p.date_source}), gold {g.date}"
            )

    names = _entity_names(article)

    def claim_match(p: CasualtyClaim, g: GoldClaim) -> tuple[bool, float]:
        same = p.outcome == g.outcome and (
            p.count_max == g.count_max
            if g.qualifier == "at_most"
            else (p.count_min, p.count_max) == (g.count_min, g.count_max)
        )
        return same, 2.0 * _claimant_ok(p, g, names) + float(p.event_date == g.event_date)

    claims = _assign(
        article.casualty_claims, gold.claims, claim_match, report.scores["claims"], errors
    )
    for p, g in claims:
        acc["claimant"].add(_claimant_ok(p, g, names))
        acc["claim_event_date"].add(p.event_date == g.event_date)
        without = None if p.date_source == "calendar" else p.event_date
        acc["claim_event_date_no_calendar"].add(without == g.event_date)
        figure = f"{p.outcome} {p.count_min}-{p.count_max}"
        if not _claimant_ok(p, g, names):
            errors.append(f"claimant: {figure} by {p.claimant_text!r}, gold {g.claimant}")
        if p.event_date != g.event_date:
            errors.append(
                f"claim event date: {figure} on {p.event_date} ({p.date_source}), "
                f"gold {g.event_date}"
            )
    for p, g in pairs:
        if p.type != g.type:
            errors.append(f"entity type: {p.name} is {p.type}, gold {g.type}")
    report.errors += [f"{gold.file}: {e}" for e in errors]


def _entity_names(article: Article) -> dict[str, set[str]]:
    return {
        e.entity_id: {normalize(e.name)} | {normalize(m.text) for m in e.mentions}
        for e in article.entities
    }


def _claimant_ok(p: CasualtyClaim, g: GoldClaim, names: dict[str, set[str]]) -> bool:
    """Right when a gold name is the claimant entity's name or one of its mentions, the
    claimant phrase, or the phrase's core: "a nurse at the general referral hospital"
    is the gold "nurse" (the release keeps the whole phrase; gold lists short names)."""
    if p.claimant is None and not p.claimant_text:
        return not g.claimant or None in g.claimant
    said = names.get(p.claimant or "", set()) | {
        normalize(p.claimant_text),
        normalize(_core(p.claimant_text)),
    }
    return bool(said & {normalize(c) for c in g.claimant if c})


_CORE_END = re.compile(r"\s(?:at|in|of|for|from|with|on)\s.*$", re.IGNORECASE)


def _core(phrase: str | None) -> str:
    """The words before the phrase's first preposition, without an article."""
    core = _CORE_END.sub("", phrase or "")
    return re.sub(r"^(?:a|an|the)\s+", "", core, flags=re.IGNORECASE)


def _assign(
    predicted: Sequence[Any],
    gold: Sequence[Any],
    match: Callable[[Any, Any], tuple[bool, float]],
    score: Score,
    errors: list[str] | None = None,
    by_type: "dict[str, Score] | None" = None,
) -> list[tuple[Any, Any]]:
    """Optimal one-to-one pairing; updates `score` (and, for events, `by_type`: a pair
    counts for the predicted type, a miss for the gold's first type); returns matched
    required pairs."""
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    weights = np.zeros((len(predicted), len(gold)))
    for i, p in enumerate(predicted):
        for j, g in enumerate(gold):
            ok, bonus = match(p, g)
            if ok:
                weights[i, j] = (OPTIONAL if g.optional else REQUIRED) + bonus
    rows, cols = linear_sum_assignment(weights, maximize=True)
    matched_pred, matched_gold, required_pairs = set(), set(), []
    for i, j in zip(rows, cols, strict=True):
        if weights[i, j] > 0:
            matched_pred.add(i)
            matched_gold.add(j)
            if not gold[j].optional:
                required_pairs.append((predicted[i], gold[j]))
    score.tp += len(required_pairs)
    score.fp += len(predicted) - len(matched_pred)
    score.fn += sum(1 for j, g in enumerate(gold) if not g.optional and j not in matched_gold)
    if by_type is not None:
        for p, _ in required_pairs:
            by_type[p.type].tp += 1
        for i, p in enumerate(predicted):
            if i not in matched_pred:
                by_type[p.type].fp += 1
        for j, g in enumerate(gold):
            if not g.optional and j not in matched_gold:
                by_type[g.type[0]].fn += 1
    if errors is not None:
        errors += [f"false positive: {_describe(p)}" for i, p in enumerate(predicted)
                   if i not in matched_pred]  # fmt: skip
        errors += [f"miss: {_describe(g)}" for j, g in enumerate(gold)
                   if not g.optional and j not in matched_gold]  # fmt: skip
    return required_pairs


class _TypeScores(dict[str, Score]):
    """One column (dated or type-only) of `Report.events_by_type`, as a mapping."""

    def __init__(self, table: dict[str, tuple[Score, Score]], column: int) -> None:
        super().__init__()
        self.table, self.column = table, column

    def __missing__(self, key: str) -> Score:
        pair = self.table.setdefault(key, (Score(), Score()))
        self[key] = pair[self.column]
        return pair[self.column]


def _describe(item: Any) -> str:
    """The fields that identify an item; an event's trigger (predicted) or summary (gold),
    so a reader finds it in the text."""
    fields = ("name", "type", "trigger", "date", "outcome", "count_min", "count_max", "claimant")
    data = item.model_dump() if isinstance(item, BaseModel) else {}
    described = ", ".join(f"{k}={data[k]}" for k in fields if k in data and data[k] is not None)
    summary = data.get("summary")
    return f"{described} ({summary[:70]})" if summary else described


def format_report(report: Report) -> str:
    def pct(x: float | None) -> str:
        return "  n/a" if x is None else f"{x:5.3f}"

    lines = [
        f"articles scored: {report.articles_scored}"
        + (
            f"; gold without article: {', '.join(report.gold_without_article)}"
            if report.gold_without_article
            else ""
        ),  # fmt: skip
        "",
        f"{'':10} {'P':>5} {'R':>5} {'F1':>5} {'TP':>4} {'FP':>4} {'FN':>4}",
    ]
    for kind, s in report.scores.items():
        lines.append(
            f"{kind:10} {pct(s.precision)} {pct(s.recall)} {pct(s.f1)} {s.tp:4} {s.fp:4} {s.fn:4}"
        )
    lines += ["", f"{'accuracy':17} {'value':>5} {'n':>4}"]
    for kind, a in report.accuracies.items():
        lines.append(f"{kind:17} {pct(a.value)} {a.total:4}")
    lines += ["", f"{'published_date by':17} {'value':>5} {'n':>4}"]
    for provenance, a in sorted(report.published_date_by_provenance.items()):
        lines.append(f"  {provenance:15} {pct(a.value)} {a.total:4}")
    lines += [
        "",
        f"{'event dates by':16} {'pairs':>5} {'undated':>7} {'exact':>5} {'wrong':>5}"
        f" {'inside':>6}   (undated and exact: of pairs; wrong and inside: of dated)",
    ]
    for source, tally in sorted(report.event_dates.items(), key=lambda x: x[0] != "all"):
        t = tally.as_dict()
        lines.append(
            f"  {source:14} {tally.pairs:5} {pct(t['undated_share']):>7}"
            f" {pct(t['exact_share'])} {pct(t['wrong_among_dated'])}"
            f" {pct(t['inside_among_dated']):>6}"
        )
    geo = report.geo.as_dict()
    shares = geo["precision_shares"]
    lines += [
        "",
        f"geocoding: {geo['events']} events, {geo['with_location']} with a location; with "
        f"coordinates {pct(geo['coordinates_share'])} of events, "
        f"{pct(geo['coordinates_share_of_located'])} of located; {geo['ambiguous']} ambiguous",
        "  precision (UCDP where_prec), share of events with coordinates: "
        + "  ".join(f"{p}: {pct(v)}" for p, v in shares.items()),
    ]
    if report.events_by_type:
        lines += [
            "",
            f"{'events by type':14} {'dated: P':>8} {'R':>5} {'F1':>5}   {'type only: P':>12}"
            f" {'R':>5} {'F1':>5} {'TP':>4} {'FP':>4} {'FN':>4}",
        ]
        for kind, (dated, typed) in sorted(report.events_by_type.items()):
            lines.append(
                f"  {kind:12} {pct(dated.precision):>8} {pct(dated.recall)} {pct(dated.f1)}"
                f"   {pct(typed.precision):>12} {pct(typed.recall)} {pct(typed.f1)}"
                f" {typed.tp:4} {typed.fp:4} {typed.fn:4}"
            )
    return "\n".join(lines)
