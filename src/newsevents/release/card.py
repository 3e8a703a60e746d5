"""The dataset card (README.md of a release): YAML front matter + the prose of the
packaged template `dataset_card.md` + the dataset's own words (card_prose.py) +
sections computed from the data and the models."""

import json
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from newsevents.description import DatasetDescription
from newsevents.evaluate import Report
from newsevents.limits import (
    EARLIEST_DATE,
    LANGUAGE,
    LANGUAGE_MIN_PROBABILITY,
    LATEST_DATE,
    MAX_ARTICLE_CHARS,
    MAX_FILE_BYTES,
    MAX_JSONL_LINE_BYTES,
    MAX_YAML_BYTES,
    MAX_YAML_DEPTH,
    MIN_ARTICLE_WORDS,
)
from newsevents.release.arrow import arrow_schema
from newsevents.release.card_prose import (
    DEFAULT_TAGS,
    citation_text,
    license_details,
    license_text,
    motivation_text,
    summary_text,
)
from newsevents.release.diff import ReleaseDiff
from newsevents.release.features import features_yaml
from newsevents.release.fields import field_table
from newsevents.release.tally import ReleaseTally
from newsevents.release.text_policy import POLICY_TEXT
from newsevents.schema import CONFIG_MODELS, Manifest, Reject

PLACEHOLDERS = (
    "{{version}}", "{{statistics}}", "{{fields}}", "{{rejects}}", "{{extractors}}",
    "{{accuracy}}", "{{development_accuracy}}", "{{changelog}}", "{{text_policy}}", "{{title}}",
    "{{summary}}", "{{motivation}}", "{{license}}", "{{citation}}",
)  # fmt: skip
CHANGELOG_EXAMPLES = 3  # records named per config and kind; `newsevents diff` lists all


@dataclass(frozen=True)
class CardInputs:
    """Everything the card is computed from."""

    version: str
    tally: ReleaseTally  # what the articles hold, counted as they were built
    rejects: Sequence[Reject]
    manifest: Manifest
    accuracy: Report | None = None  # scores against gold annotations, when given
    gold_names: tuple[str, ...] = ()
    changes: ReleaseDiff | None = None  # from the previous release (`build --previous`)
    description: DatasetDescription | None = None  # None: the default, named after the folder
    input_name: str = "input"  # the input folder's name, for the default summary


def render_card(template: str, inputs: CardInputs) -> str:
    missing = [p for p in PLACEHOLDERS if p not in template]
    if missing:
        raise ValueError(f"dataset card template lacks placeholders {missing}")
    description = inputs.description or DatasetDescription(name=inputs.input_name or "dataset")
    policy = inputs.manifest.text_policy
    body = template
    # The dataset's own words go in last, so text a user wrote is never expanded.
    for placeholder, text in (
        ("{{version}}", inputs.version),
        ("{{statistics}}", statistics(inputs)),
        ("{{fields}}", fields_section()),
        ("{{rejects}}", rejects_section(inputs.rejects, inputs.manifest)),
        ("{{extractors}}", extractors_section(inputs.manifest)),
        ("{{accuracy}}", accuracy_section(inputs.accuracy, inputs.gold_names)),
        ("{{development_accuracy}}", development_section()),
        ("{{changelog}}", changelog_section(inputs.changes)),
        ("{{text_policy}}", POLICY_TEXT[policy]),
        ("{{license}}", license_text(description, policy)),
        ("{{citation}}", citation_text(description, inputs.version)),
        ("{{motivation}}", motivation_text(description)),
        ("{{summary}}", summary_text(description, inputs.tally.articles, inputs.input_name)),
        ("{{title}}", description.title),
    ):
        body = body.replace(placeholder, text)
    languages = description.languages or sorted(inputs.tally.languages) or ["en"]
    rows = {name: inputs.manifest.counts.get(name, 0) for name in CONFIG_MODELS}
    header = front_matter(inputs.tally.articles, languages, description, policy, rows=rows)
    front = yaml.safe_dump(header, sort_keys=False, allow_unicode=True)
    return f"---\n{front}---\n\n{body.strip()}\n"


def front_matter(
    article_count: int,
    languages: Sequence[str],
    description: DatasetDescription,
    text_policy: str = "full",
    *,
    rows: Mapping[str, int] | None = None,
) -> dict[str, Any]:
    """The card's YAML header; `languages` are the description's, else the articles'.

    `rows` (config -> row count) leaves configs with no rows out: the Hub's viewer and
    `datasets` refuse an empty split, so listing one would break the whole card's configs.
    Its files stay in the release, and pandas reads them as zero typed rows."""
    listed = [name for name in CONFIG_MODELS if rows is None or rows.get(name, 0) > 0]
    license_id, license_name, license_link = description.licensing
    licence: dict[str, Any] = {"license": license_id}
    if license_id == "other":  # the Hub wants both with `other`
        licence |= {"license_name": license_name, "license_link": license_link}
    return {
        "pretty_name": description.title,
        **licence,
        "license_details": license_details(text_policy),
        "language": list(languages),
        "size_categories": [size_category(article_count)],
        "task_categories": ["token-classification", "text-classification"],
        "tags": description.tags or DEFAULT_TAGS,
        "configs": [
            {
                "config_name": name,
                "data_files": [{"split": "train", "path": f"{name}/*.parquet"}],
                **({"default": True} if name == "articles" else {}),
            }
            for name in listed
        ],
        # Declared features, no split sizes: `datasets` then uses our types for
        # all-null and empty-list columns instead of inferring them.
        "dataset_info": [
            {"config_name": name, "features": features_yaml(arrow_schema(model))}
            for name, model in CONFIG_MODELS.items()
            if name in listed
        ],
    }


def size_category(n: int) -> str:
    for limit, label in ((1_000, "n<1K"), (10_000, "1K<n<10K"), (100_000, "10K<n<100K")):
        if n < limit:
            return label
    return "100K<n<1M"


def statistics(inputs: CardInputs) -> str:
    tally, counts = inputs.tally, inputs.manifest.counts
    lines = [
        "| config | rows |",
        "|---|---|",
        *(f"| {name} | {counts.get(name, 0)} |" for name in CONFIG_MODELS),
        "",
        f"Rejected inputs: {counts.get('rejects', 0)}.",
        "",
        f"Publication dates: {tally.dated} of {tally.articles} articles dated"
        + (f", from {tally.first_date} to {tally.last_date}." if tally.dated else "."),
        "",
        _counter_table("date provenance", tally.date_provenance),
        "",
        _counter_table("outlet", tally.outlets),
        "",
        _counter_table("wire agency", tally.agencies),
        "",
        _counter_table("flag", Counter(inputs.manifest.flags)),
        "",
        _counter_table("boilerplate lines removed", Counter(inputs.manifest.removed_lines)),
    ]
    return "\n".join(lines)


def _counter_table(label: str, counter: Counter[str]) -> str:
    if not counter:
        return f"No {label} values."
    rows = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))
    return "\n".join([f"| {label} | count |", "|---|---|", *(f"| {k} | {v} |" for k, v in rows)])


def changelog_section(changes: ReleaseDiff | None) -> str:
    """Counts per config and a few examples of each kind of change, or "First release."."""
    if changes is None:
        return "First release."
    lines = [
        f"Changes since version `{changes.old_version}` (`newsevents diff` lists every "
        "record; records are matched on their ids, and a changed record names its fields).",
        "",
        "| config | added | removed | changed |",
        "|---|---|---|---|",
        *(
            f"| {c.config} | {len(c.added)} | {len(c.removed)} | {len(c.changed)} |"
            for c in changes.configs
        ),
        "",
    ]
    for c in changes.configs:
        for kind, items in (
            ("added", [f"`{k}`" for k in c.added]),
            ("removed", [f"`{k}`" for k in c.removed]),
            ("changed", [f"`{ch.key}` ({', '.join(ch.fields)})" for ch in c.changed]),
        ):
            if items:
                more = len(items) - CHANGELOG_EXAMPLES
                shown = ", ".join(items[:CHANGELOG_EXAMPLES]) + (
                    f" and {more} more" if more > 0 else ""
                )
                lines.append(f"- {c.config} {kind}: {shown}")
    if all(c.unchanged for c in changes.configs):
        lines.append("No record changed.")
    return "\n".join(lines).strip()


def fields_section() -> str:
    parts = []
    for name, model in CONFIG_MODELS.items():
        parts += [f"### `{name}`", "", (model.__doc__ or "").strip(), "", field_table(model), ""]
    return "\n".join(parts).strip()


def rejects_section(rejects: Sequence[Reject], manifest: Manifest) -> str:
    counts = manifest.accounting
    lines = [
        "Nothing is dropped silently. Every path in the input folder was read "
        f"({counts.get('files_read', 0)}), rejected unread ({counts.get('refused', 0)}: "
        "symbolic links, which are never followed, non-UTF-8 names, I/O errors) or listed "
        f"in `manifest.json` under `skipped` with its reason ({counts.get('skipped', 0)}); "
        f"every record read ({counts.get('records', 0)}: a .txt or .html file, a non-blank "
        f".jsonl line) became an article ({counts.get('articles', 0)}) or a reject "
        f"({counts.get('rejected_records', 0)}).",
        "",
        limits_text(),
        "",
    ]
    if not rejects:
        return "\n".join([*lines, "No input was rejected."])
    lines += [
        f"{len(rejects)} input(s) were rejected and are not in the data files "
        "(see `rejects.jsonl`):",
        "",
        _counter_table("reason", Counter(r.reason for r in rejects)),
        "",
        "| file | line | reason | message |",
        "|---|---|---|---|",
    ]
    for r in rejects:
        message = r.message.replace("|", "\\|")
        lines.append(f"| {r.file} | {r.line or ''} | `{r.reason}` | {message} |")
    return "\n".join(lines)


def limits_text() -> str:
    """The input limits of `newsevents.limits`, as the card states them."""
    return (
        f"Limits applied to every input: an article of more than {MAX_ARTICLE_CHARS:,} "
        "characters once boilerplate is removed is rejected (`article-too-long`), as is a "
        ".txt or .html file over "
        f"{MAX_FILE_BYTES // 2**20} MiB or a .jsonl line over {MAX_JSONL_LINE_BYTES // 2**20} "
        f"MiB; a text with fewer than {MIN_ARTICLE_WORDS} words of body once site boilerplate "
        "is removed, or only a script, cookie or paywall notice, is `not-an-article`; a text "
        f"that py3langid reads as another language than `{LANGUAGE}` with a probability of at "
        f"least {LANGUAGE_MIN_PROBABILITY}, or whose letters are mostly not Latin, is "
        "`unsupported-language` (a text kept although the identifier named another language "
        "is flagged `language-uncertain`); a publication date "
        f"outside {EARLIEST_DATE.isoformat()} to {LATEST_DATE.isoformat()} is "
        '`date-out-of-range`, and a relative one ("yesterday") is never read against the '
        "day of the build. A `sources.yaml` larger than "
        f"{MAX_YAML_BYTES // 2**20} MiB, nested deeper than {MAX_YAML_DEPTH} levels or using "
        "YAML anchors and aliases is refused (`unsafe-yaml`), and so is a key repeated in one "
        "mapping (`duplicate-key`)."
    )


def extractors_section(manifest: Manifest) -> str:
    lines = ["| stage | extractor version |", "|---|---|"]
    lines += [f"| {stage} | {version} |" for stage, version in manifest.extractors.items()]
    return "\n".join(lines)


# Figures for the seeds and the development sets, written by bench/accuracy.py and kept
# current by tests/test_eval.py: the build itself never reads ../shared.
ACCURACY_FILE = Path(__file__).with_name("accuracy.json")
DEVELOPMENT_SETS = {
    "seeds": "the 5 seed articles (gold/); read while the rules were written",
    "dev": "8 real articles from other outlets and conflicts; read while the rules were written",
    "dev-synth": "24 articles written for the project in real outlets' styles, 24 conflicts; "
    "read while the rules were written",
}
DEVELOPMENT_COLUMNS = {
    "entities_f1": "entities F1", "events_f1": "events F1 (type and date)",
    "events_type_f1": "events F1 (type only)", "claims_f1": "claims F1",
    "event_date": "event date", "event_date_no_calendar": "event date, no calendar",
    "undated_share": "events undated", "wrong_among_dated": "wrong among dated",
    "inside_among_dated": "gold day inside interval", "claim_event_date": "claim event date",
    "claim_event_date_no_calendar": "claim event date, no calendar", "claimant": "claimant",
    "published_date": "publication date", "coordinates_share": "events with coordinates",
}  # fmt: skip


def development_section() -> str:
    figures = json.loads(ACCURACY_FILE.read_text("utf-8"))
    names = [n for n in DEVELOPMENT_SETS if n in figures]
    lines = [
        "| figure | " + " | ".join(f"{n} ({figures[n]['articles']})" for n in names) + " |",
        "|---|" + "---|" * len(names),
    ]
    for key, label in DEVELOPMENT_COLUMNS.items():
        values = [figures[n].get(key) for n in names]
        lines.append(
            f"| {label} | " + " | ".join("n/a" if v is None else f"{v:.3f}" for v in values) + " |"
        )
    lines += ["", *(f"- {n}: {DEVELOPMENT_SETS[n]}." for n in names)]
    return "\n".join(lines)


def accuracy_section(report: Report | None, gold_names: tuple[str, ...]) -> str:
    if report is None:
        return "This build was given no gold annotations (`newsevents build --gold DIR`)."

    def fmt(x: float | None) -> str:
        return "n/a" if x is None else f"{x:.3f}"

    lines = [
        f"Scored by the build against the gold annotations in {', '.join(gold_names)} "
        f"({report.articles_scored} articles), with the matching rules of `newsevents eval`.",
        "",
        "| items | precision | recall | F1 | TP | FP | FN |",
        "|---|---|---|---|---|---|---|",
    ]
    for kind, s in report.scores.items():
        lines.append(
            f"| {kind} | {fmt(s.precision)} | {fmt(s.recall)} | {fmt(s.f1)} "
            f"| {s.tp} | {s.fp} | {s.fn} |"
        )
    lines += ["", "| accuracy | value | n |", "|---|---|---|"]
    lines += [f"| {k} | {fmt(a.value)} | {a.total} |" for k, a in report.accuracies.items()]
    return "\n".join(lines)
