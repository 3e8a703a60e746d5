"""YAML that users hand in (sidecars, gold files), read defensively.

PyYAML's SafeLoader still accepts anchors and aliases: a few hundred bytes of nested
aliases used as a mapping key expand to gigabytes when the key is hashed or printed.
It also keeps the last of two equal keys without a word. Here:
- the text is capped at MAX_YAML_BYTES and nesting at MAX_YAML_DEPTH;
- any anchor or alias is refused;
- a key repeated in one mapping is refused;
- timestamps stay strings, so an impossible date is the caller's clear error.
Every problem is a `YamlProblem` with the line it is on.
"""

from typing import Any

import yaml

from newsevents.limits import MAX_YAML_BYTES, MAX_YAML_DEPTH


class YamlProblem(Exception):
    """Why a YAML text was refused: a reject reason slug, a message and a 1-based line."""

    def __init__(self, reason: str, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message
        self.line = line


class _GuardedLoader(yaml.SafeLoader):
    """SafeLoader that refuses anchors, aliases and deep nesting while composing."""

    depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise YamlProblem(
                "unsafe-yaml", "anchors and aliases (&name, *name) are not accepted",
                event.start_mark.line + 1,
            )  # fmt: skip
        self.depth += 1
        try:
            if self.depth > MAX_YAML_DEPTH:
                raise YamlProblem(
                    "unsafe-yaml", f"nesting deeper than {MAX_YAML_DEPTH} levels",
                    event.start_mark.line + 1,
                )  # fmt: skip
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


# Dates stay strings: the caller parses them and can name an impossible one.
_GuardedLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def compose(text: str) -> yaml.Node | None:
    """The node tree of one YAML document, or YamlProblem. Keys are checked for repeats."""
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_YAML_BYTES:
        raise YamlProblem("unsafe-yaml", f"{size} bytes, over the limit of {MAX_YAML_BYTES}")
    try:
        # The loader checks the characters as it is made: a control character fails here.
        loader = _GuardedLoader(text)
        try:
            root = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.YAMLError as err:
        raise _problem(err) from err
    if root is not None:
        _refuse_repeated_keys(root)
    return root


def load(text: str) -> Any:
    """Python values of one YAML document (dates as strings), or YamlProblem."""
    root = compose(text)
    if root is None:
        return None
    loader = _GuardedLoader("")
    try:
        return loader.construct_document(root)
    except yaml.YAMLError as err:
        raise _problem(err) from err
    except Exception as err:  # a tag the value does not fit: int("x"), bool("foo")
        # An explicit tag the value does not fit ("!!bool foo", "!!int x").
        raise YamlProblem("invalid-yaml", f"a value does not fit its tag ({err})") from err
    finally:
        loader.dispose()


def _problem(err: yaml.YAMLError) -> YamlProblem:
    mark = getattr(err, "problem_mark", None)
    problem = getattr(err, "problem", None) or str(err)
    return YamlProblem("invalid-yaml", f"YAML error: {problem}", mark.line + 1 if mark else None)


def _refuse_repeated_keys(root: yaml.Node) -> None:
    """Keys are compared by the value they load as, so `1` and `0x1`, or `true` and
    `True`, are the same key, as they would be in the loaded mapping."""
    reader = _GuardedLoader("")
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.MappingNode):
            seen: dict[Any, int] = {}
            for key, value in node.value:
                line = key.start_mark.line + 1
                if isinstance(key, yaml.ScalarNode):
                    identity = _key_value(reader, key, line)
                    if identity in seen:
                        raise YamlProblem(
                            "duplicate-key",
                            f"key {key.value!r} repeats the one on line {seen[identity]}",
                            line,
                        )
                    seen[identity] = line
                stack.extend((key, value))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)


def _key_value(reader: yaml.SafeLoader, key: yaml.ScalarNode, line: int) -> Any:
    try:
        value = reader.construct_object(key)
        hash(value)
    except Exception as err:  # a tag the value does not fit: int("x"), bool("foo")
        raise YamlProblem(
            "invalid-yaml", f"key {key.value!r} cannot be read as {key.tag}", line
        ) from err
    return value
