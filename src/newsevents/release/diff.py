"""What changed between two releases, config by config, record by record.

Records are matched on their config's id (`RECORD_KEYS`), which stays the same for an
unchanged article whatever else the corpus holds (see `Article.article_id`), so a
record is `added`, `removed`, or `changed` with the top-level fields that differ.
The releases are read from their JSONL files as plain JSON, so two releases of
different schema versions can be compared (a new field shows as changed).
"""

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsevents.errors import E, UserError

Record = dict[str, Any]

# Config -> the id of one of its records; event and claim ids are unique within an article.
RECORD_KEYS: dict[str, Callable[[Record], str]] = {
    "articles": lambda r: r["article_id"],
    "entities": lambda r: r["entity_id"],
    "events": lambda r: f"{r['article_id']}/{r['event_id']}",
    "claims": lambda r: f"{r['article_id']}/{r['claim_id']}",
    "incidents": lambda r: r["incident_id"],
}


@dataclass(frozen=True)
class Changed:
    """One record present in both releases, with the fields whose values differ."""

    key: str
    fields: tuple[str, ...]


@dataclass(frozen=True)
class ConfigDiff:
    config: str
    added: tuple[str, ...]
    removed: tuple[str, ...]
    changed: tuple[Changed, ...]

    @property
    def unchanged(self) -> bool:
        return not (self.added or self.removed or self.changed)


@dataclass(frozen=True)
class ReleaseDiff:
    """Per config, in card order, the records added, removed and changed from `old` to `new`."""

    old_version: str
    new_version: str
    configs: tuple[ConfigDiff, ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "old_version": self.old_version,
            "new_version": self.new_version,
            "configs": {
                c.config: {
                    "added": list(c.added),
                    "removed": list(c.removed),
                    "changed": {ch.key: list(ch.fields) for ch in c.changed},
                }
                for c in self.configs
            },
        }


def diff_releases(old: Path, new: Path) -> ReleaseDiff:
    """Compare the release folders `old` and `new` (as `build` wrote them)."""
    configs = tuple(
        diff_records(config, _records(old, config), _records(new, config)) for config in RECORD_KEYS
    )
    return ReleaseDiff(release_version(old), release_version(new), configs)


def diff_records(config: str, old: list[Record], new: list[Record]) -> ConfigDiff:
    key = RECORD_KEYS[config]
    before, after = {key(r): r for r in old}, {key(r): r for r in new}
    changed = []
    for k in sorted(before.keys() & after.keys()):
        a, b = before[k], after[k]
        fields = tuple(f for f in sorted(a.keys() | b.keys()) if a.get(f) != b.get(f))
        if fields:
            changed.append(Changed(k, fields))
    return ConfigDiff(
        config,
        added=tuple(sorted(after.keys() - before.keys())),
        removed=tuple(sorted(before.keys() - after.keys())),
        changed=tuple(changed),
    )


def release_version(release: Path) -> str:
    """The version its manifest states, else the folder name."""
    try:
        return str(json.loads((release / "manifest.json").read_text("utf-8"))["version"])
    except (OSError, ValueError, KeyError, TypeError):
        return release.name


def format_diff(diff: ReleaseDiff) -> str:
    """The diff as text: a count line per config, then one line per record
    ('+' added, '-' removed, '~' changed with its fields)."""
    lines = [f"{diff.old_version} -> {diff.new_version}"]
    for c in diff.configs:
        lines.append(
            f"{c.config}: {len(c.added)} added, {len(c.removed)} removed, {len(c.changed)} changed"
        )
        lines += [f"  + {k}" for k in c.added]
        lines += [f"  - {k}" for k in c.removed]
        lines += [f"  ~ {ch.key}: {', '.join(ch.fields)}" for ch in c.changed]
    return "\n".join(lines)


def _records(release: Path, config: str) -> list[Record]:
    if not (release / "jsonl" / "articles.jsonl").is_file():
        raise UserError(E.E005, path=release)
    path = release / "jsonl" / f"{config}.jsonl"
    if not path.is_file():
        return []  # a config an older release did not have yet
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]
