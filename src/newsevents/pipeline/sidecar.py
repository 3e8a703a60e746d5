"""`sources.yaml` sidecars: curated metadata per input file name, with line numbers.

Read with `newsevents.safe_yaml`: a size and depth limit, no anchors or aliases, no
repeated keys, and values as plain strings (no YAML timestamp magic) so that an
impossible date such as 2024-02-30 becomes a clear reject instead of a parser crash.
"""

from dataclasses import dataclass, field

import yaml

from newsevents.pipeline.document import Curated
from newsevents.pipeline.readers import reject
from newsevents.safe_yaml import YamlProblem, compose
from newsevents.schema import Reject
from newsevents.temporal.dates import DateOutOfRange, parse_date_value

SIDECAR_NAME = "sources.yaml"
_STR_TAG = "tag:yaml.org,2002:str"
CURATED_KEYS = ("url", "outlet", "published_date", "note")


@dataclass
class Sidecar:
    """A parsed sidecar: good entries, per-entry rejects, and file-level problems."""

    path: str
    entries: dict[str, Curated] = field(default_factory=dict)
    entry_rejects: dict[str, Reject] = field(default_factory=dict)
    entry_lines: dict[str, int] = field(default_factory=dict)
    file_rejects: list[Reject] = field(default_factory=list)

    @property
    def broken(self) -> bool:
        """True when the whole file could not be read."""
        return bool(self.file_rejects) and not self.entries and not self.entry_rejects


def parse_sidecar(rel_path: str, text: str) -> Sidecar:
    sidecar = Sidecar(rel_path)
    try:
        root = compose(text)
    except YamlProblem as problem:
        sidecar.file_rejects.append(
            reject(rel_path, problem.reason, problem.message, line=problem.line)
        )
        return sidecar
    if root is None:
        return sidecar
    if not isinstance(root, yaml.MappingNode):
        sidecar.file_rejects.append(
            reject(
                rel_path,
                "invalid-yaml",
                "the top level must map file names to entries (`000_x.txt: {url: ...}`)",
                line=root.start_mark.line + 1,
            )  # fmt: skip
        )
        return sidecar
    for key_node, value_node in root.value:
        if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _STR_TAG:
            sidecar.file_rejects.append(
                reject(
                    rel_path,
                    "invalid-yaml",
                    "a file name key must be a plain string",
                    line=key_node.start_mark.line + 1,
                )  # fmt: skip
            )
            continue
        name = str(key_node.value)
        line = key_node.start_mark.line + 1
        sidecar.entry_lines[name] = line
        entry = _parse_entry(rel_path, name, line, value_node)
        if isinstance(entry, Reject):
            sidecar.entry_rejects[name] = entry
        else:
            sidecar.entries[name] = entry
    return sidecar


def _parse_entry(rel_path: str, name: str, line: int, node: yaml.Node) -> Curated | Reject:
    if not isinstance(node, yaml.MappingNode):
        return reject(
            rel_path, "invalid-sources-entry", f"the entry for {name!r} is not a mapping",
            line=line, field=name,
        )  # fmt: skip
    values: dict[str, str | None] = {}
    for key_node, value_node in node.value:
        key = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else "(not a string)"
        key_line = key_node.start_mark.line + 1
        if key not in CURATED_KEYS:
            return reject(
                rel_path, "invalid-sources-entry",
                f"unknown key {key!r} in the entry for {name!r} (valid: {', '.join(CURATED_KEYS)})",
                line=key_line, field=key, value=key,
            )  # fmt: skip
        if not isinstance(value_node, yaml.ScalarNode):
            return reject(
                rel_path, "invalid-sources-entry", f"{key!r} for {name!r} must be a single value",
                line=key_line, field=key,
            )  # fmt: skip
        is_null = value_node.tag == "tag:yaml.org,2002:null"
        values[key] = None if is_null or value_node.value == "" else str(value_node.value)
    published = None
    if values.get("published_date"):
        raw = values["published_date"] or ""
        try:
            published = parse_date_value(raw)
        except ValueError as err:
            reason = "date-out-of-range" if isinstance(err, DateOutOfRange) else "invalid-date"
            return reject(
                rel_path, reason, f"published_date for {name!r}: {err}",
                line=line, field="published_date", value=raw,
            )  # fmt: skip
    return Curated(
        url=values.get("url"),
        outlet=values.get("outlet"),
        published_date=published,
        note=values.get("note"),
    )
