"""YAML as plain data plus the file position of every value (from PyYAML's nodes)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import ContentError, ContentErrors, Position

KeyPath = tuple[str | int, ...]
TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"


# libyaml's parser when PyYAML was built with it: several times faster on many files.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """SafeLoader that leaves dates as text, so a bad date is our error with a position,
    not a ValueError from deep inside PyYAML."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != TIMESTAMP_TAG]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True, slots=True)
class Located:
    """A parsed YAML document and where each of its values starts in the file."""

    data: Any
    path: Path
    positions: Mapping[KeyPath, Position] = field(default_factory=dict)

    def at(self, *keys: str | int) -> Position:
        """The position of the value at `keys`, or of its nearest known parent."""
        key_path: KeyPath = tuple(keys)
        while key_path not in self.positions and key_path:
            key_path = key_path[:-1]
        return self.positions.get(key_path, Position(self.path, 1))


def parse_yaml(text: str, path: Path, first_line: int = 1) -> Located:
    """Parse one YAML document; `first_line` is the file line the text starts on."""
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        raise ContentErrors([_syntax_error(exc, path, first_line)]) from None
    except yaml.YAMLError as exc:
        raise ContentErrors(
            [ContentError(Position(path, first_line), f"invalid YAML: {exc}")]
        ) from None
    positions: dict[KeyPath, Position] = {}
    if node is not None:
        _record_positions(node, path, first_line, positions)
    return Located(data, path, positions)


def _syntax_error(exc: yaml.MarkedYAMLError, path: Path, first_line: int) -> ContentError:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + first_line if mark else first_line
    column = mark.column + 1 if mark else 0
    problem = " ".join(part for part in (exc.context, exc.problem) if part)
    return ContentError(Position(path, line, column), f"YAML syntax error: {problem}")


def _record_positions(
    root: yaml.Node, path: Path, first_line: int, out: dict[KeyPath, Position]
) -> None:
    """Walk the node tree once per node: aliases can make it recursive or exponential."""
    seen: set[int] = set()
    pending: list[tuple[yaml.Node, KeyPath]] = [(root, ())]
    while pending:
        node, key_path = pending.pop()
        mark = node.start_mark
        out.setdefault(key_path, Position(path, mark.line + first_line, mark.column + 1))
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                if isinstance(key_node, yaml.ScalarNode):
                    pending.append((value_node, (*key_path, key_node.value)))
        elif isinstance(node, yaml.SequenceNode):
            pending.extend((item, (*key_path, index)) for index, item in enumerate(node.value))
