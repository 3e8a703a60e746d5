"""`sources.yaml` sidecars: curated metadata per input file name, with line numbers.

Values are read as plain strings (no YAML timestamp magic) so that an impossible
date such as 2024-02-30 becomes a clear reject instead of a parser crash.
"""

from dataclasses import dataclass, field

import yaml

from newsevents.build.dates import parse_date_value
from newsevents.build.document import Curated
from newsevents.build.readers import reject
from newsevents.schema import Reject

SIDECAR_NAME = "sources.yaml"
CURATED_KEYS = ("url", "outlet", "published_date", "note")


class _StringLoader(yaml.SafeLoader):
    """SafeLoader that leaves dates as strings."""


_StringLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


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
        root = yaml.compose(text, Loader=_StringLoader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 1 if mark else None
        problem = getattr(err, "problem", None) or str(err)
        sidecar.file_rejects.append(
            reject(rel_path, "invalid-yaml", f"YAML error: {problem}", line=line)
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
        key = str(key_node.value)
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
            return reject(
                rel_path, "invalid-date", f"published_date for {name!r}: {err}",
                line=line, field="published_date", value=raw,
            )  # fmt: skip
    return Curated(
        url=values.get("url"),
        outlet=values.get("outlet"),
        published_date=published,
        note=values.get("note"),
    )
