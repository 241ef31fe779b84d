"""YAML as plain data plus the file position of every value (from PyYAML's nodes)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from generator.errors import ContentError, ContentErrors, Position

KeyPath = tuple[str | int, ...]
TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"


MAX_DEPTH = 32  # nesting of lists and mappings; content needs four or five
MAX_SCALAR = 100_000  # characters in one value (a long article summary is ~2,000)
MAX_INT_DIGITS = 30  # a number longer than this is a typo or an attack, never content
MAX_LIST = 10_000  # items in one list: a topic's facts, an article's topics, the entities
# C0 and C1 control characters but tab and newline, and the two non-characters XML
# forbids: invisible, and they make a feed invalid XML.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]")
INT_TAG = "tag:yaml.org,2002:int"
ANCHOR_OR_ALIAS = re.compile(r"(?:^|[\s\[{,])[&*]")
# Below libyaml's own nesting limit (1,000 levels in the libyaml that PyYAML 6.0.3+ bundles;
# older ones had none and crashed near 20,000): text that could nest deeper is parsed in
# Python, so the "nested more than 32" message is ours whichever PyYAML is installed.
LIBYAML_SAFE_DEPTH = 900
INDICATORS = " \t-?:"  # what may stand before a line's text, one or more per nesting level



class _PythonParser(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser):
    def __init__(self, text: str) -> None:
        yaml.reader.Reader.__init__(self, text)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)


# libyaml's event parser when PyYAML was built with it: several times faster on many files.
# Both give the same events; the type checker reads the Python one's types.
if TYPE_CHECKING:
    _Parser = _PythonParser
else:
    _Parser = yaml.cyaml.CParser if yaml.__with_libyaml__ else _PythonParser

# The composer below is mixed with a parser and a resolver (the loaders): it uses both.
if TYPE_CHECKING:

    class _Composer(yaml.composer.Composer, yaml.parser.Parser, yaml.resolver.BaseResolver): ...
else:
    _Composer = yaml.composer.Composer


class _Refused(Exception):
    """YAML we will not compose: aliases, deep nesting, huge values, duplicate keys."""

    def __init__(
        self, mark: yaml.Mark, message: str, hint: str = "", first: yaml.Mark | None = None
    ) -> None:
        super().__init__(message)
        self.mark, self.message, self.hint, self.first = mark, message, hint, first


class _BoundedComposer(_Composer):
    """PyYAML's composer with limits checked before anything recursive runs: no anchors
    or aliases (an alias bomb expands exponentially), bounded depth (libyaml's own
    composer recursed in C and crashed on 30,000 nested '['), bounded scalars, no
    duplicate keys. Events come from libyaml's parser, which keeps its own stack."""

    depth = 0

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or event.anchor is not None:
            raise _Refused(
                event.start_mark,
                "anchors and aliases (&name, *name) are not allowed in content files",
                "write the value out in full",
            )
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise _Refused(event.start_mark, f"values are nested more than {MAX_DEPTH} deep")
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1

    def compose_scalar_node(self, anchor: Any) -> yaml.ScalarNode:
        node = super().compose_scalar_node(anchor)
        _check_scalar(node)
        return node

    def compose_mapping_node(self, anchor: Any) -> yaml.MappingNode:
        node = super().compose_mapping_node(anchor)
        _check_keys(node)
        return node

    def compose_sequence_node(self, anchor: Any) -> yaml.SequenceNode:
        """PyYAML's, refusing a list as soon as it passes MAX_LIST items: a million-item
        list is refused in the time of ten thousand."""
        start = self.get_event()
        tag = start.tag
        if tag is None or tag == "!":
            tag = self.resolve(yaml.SequenceNode, None, start.implicit)
        node = yaml.SequenceNode(tag, [], start.start_mark, None, flow_style=start.flow_style)
        while not self.check_event(yaml.SequenceEndEvent):
            if len(node.value) >= MAX_LIST:
                raise _Refused(start.start_mark, _LONG_LIST, "split it, or keep what matters")
            node.value.append(self.compose_node(node, len(node.value)))
        node.end_mark = self.get_event().end_mark
        return node


_LONG_LIST = f"a list of more than {MAX_LIST:,} items is too long"


def _check_keys(node: yaml.MappingNode, controls: bool = True) -> None:
    first_seen: dict[str, yaml.Node] = {}
    for key_node, _ in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            continue
        _check_scalar(key_node, controls)
        first = first_seen.setdefault(key_node.value, key_node)
        if first is not key_node:
            raise _Refused(
                key_node.start_mark,
                f"duplicate key '{key_node.value}'",
                "first given on line {first}; keep one",
                first.start_mark,
            )


def _check_scalar(node: yaml.ScalarNode, controls: bool = True) -> None:
    """`controls=False` skips the search for control characters (none can be there)."""
    value = node.value
    if len(value) > MAX_SCALAR:
        raise _Refused(node.start_mark, f"a value of {len(value):,} characters is too long")
    if node.tag == INT_TAG and len(value.lstrip("+-")) > MAX_INT_DIGITS:
        raise _Refused(
            node.start_mark,
            f"a number of {len(value)} digits is too long",
            "put it in quotes if it is text",
        )
    control = CONTROL.search(value) if controls else None
    if control:
        raise _Refused(
            node.start_mark,
            f"control character U+{ord(control.group()):04X} in a value",
            "remove it: it is invisible, and invalid in feeds",
        )


# A base chosen at run time (libyaml's loader if PyYAML has it), so the checker cannot see it.
class _FastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """libyaml's composer: fast, but it recurses in C and expands aliases."""


class _BoundedLoader(
    _BoundedComposer,
    _Parser,
    yaml.constructor.SafeConstructor,
    yaml.resolver.Resolver,
):
    """Both loaders leave dates as text, so a bad date is our error with a position,
    not a ValueError from deep inside PyYAML."""

    def __init__(self, text: str) -> None:
        _Parser.__init__(self, text)
        yaml.composer.Composer.__init__(self)
        yaml.constructor.SafeConstructor.__init__(self)
        yaml.resolver.Resolver.__init__(self)


class _BoundedPythonLoader(
    _BoundedComposer,
    _PythonParser,
    yaml.constructor.SafeConstructor,
    yaml.resolver.Resolver,
):
    """The bounded composer on PyYAML's Python parser, which has no nesting limit of its
    own: for text that could nest deeper than libyaml accepts."""

    def __init__(self, text: str) -> None:
        _PythonParser.__init__(self, text)
        yaml.composer.Composer.__init__(self)
        yaml.constructor.SafeConstructor.__init__(self)
        yaml.resolver.Resolver.__init__(self)


_NO_TIMESTAMPS = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != TIMESTAMP_TAG]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_FastLoader.yaml_implicit_resolvers = _NO_TIMESTAMPS
_BoundedLoader.yaml_implicit_resolvers = _NO_TIMESTAMPS
_BoundedPythonLoader.yaml_implicit_resolvers = _NO_TIMESTAMPS


def _as_text(loader: yaml.constructor.SafeConstructor, node: yaml.Node) -> str:
    # On a list or a mapping, construct_scalar raises a ConstructorError, which is reported.
    return str(loader.construct_scalar(node))  # type: ignore[arg-type]


# An explicit '!!timestamp 2025-02-30' is text as well: we read and report dates.
# (The stubs allow a constructor only on PyYAML's own loader classes; ours are made of the
# same parts: a parser, a composer, the safe constructor and the resolver.)
_FastLoader.add_constructor(TIMESTAMP_TAG, _as_text)
_BoundedLoader.add_constructor(TIMESTAMP_TAG, _as_text)  # type: ignore[type-var]
_BoundedPythonLoader.add_constructor(TIMESTAMP_TAG, _as_text)  # type: ignore[type-var]
_Loader = _FastLoader | _BoundedLoader | _BoundedPythonLoader


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
    positions: dict[KeyPath, Position] = {}
    try:
        loader = _loader(text)
        try:
            node = loader.get_single_node()
            if node is not None:
                # Only an escape ("\e") or a raw one can put a control character in a value.
                controls = "\\" in text or CONTROL.search(text) is not None
                _check_and_locate(node, path, first_line, positions, controls)
            data = _construct(loader, node, path, first_line)
        finally:
            loader.dispose()
    except _Refused as exc:
        position = _position(exc.mark, path, first_line)
        first = exc.first.line + first_line if exc.first else 0
        hint = exc.hint.format(first=first)
        raise ContentErrors([ContentError(position, exc.message, hint)]) from None
    except yaml.MarkedYAMLError as exc:
        raise ContentErrors([_syntax_error(exc, path, first_line)]) from None
    except yaml.YAMLError as exc:
        raise ContentErrors(
            [ContentError(Position(path, first_line), f"invalid YAML: {exc}")]
        ) from None
    return Located(data, path, positions)


def _loader(text: str) -> _Loader:
    """libyaml's own loader for text that can hold neither an anchor or alias, nor a deep
    nesting, nor a list too long to compose; the bounded composer for the rest, on the
    Python parser where the text could nest deeper than libyaml allows."""
    if nesting_bound(text) > LIBYAML_SAFE_DEPTH:
        return _BoundedPythonLoader(text)
    if ANCHOR_OR_ALIAS.search(text):
        return _BoundedLoader(text)
    if text.count(",") + text.count("\n") > MAX_LIST:  # may hold a list too long to compose
        return _BoundedLoader(text)
    return _FastLoader(text)


def nesting_bound(text: str) -> int:
    """At least as deep as the text can nest. Flow nesting is at most the number of '['
    and '{'; a block level needs a column of indentation or an indicator ('- ', '? ',
    ': ') before the line's text, and two levels can share one (a mapping's value that
    is a sequence at the key's own indentation)."""
    openers = text.count("[") + text.count("{")
    lead = max(len(line) - len(line.lstrip(INDICATORS)) for line in text.split("\n"))
    return openers + 2 * lead + 2


def _construct(loader: _Loader, node: yaml.Node | None, path: Path, first_line: int) -> Any:
    """The document's values; an explicit tag PyYAML cannot apply ('!!int abc',
    '!!float x') is our error, at the document's first line."""
    if node is None:
        return None
    try:
        return loader.construct_document(node)
    except (ValueError, TypeError, OverflowError, ArithmeticError) as exc:
        message = f"a value cannot be read as its tag says: {exc}"
        hint = "remove the '!!' tag, or put the value in quotes"
        raise ContentErrors([ContentError(Position(path, first_line), message, hint)]) from None


def _position(mark: yaml.Mark, path: Path, first_line: int) -> Position:
    return Position(path, mark.line + first_line, mark.column + 1)


def _syntax_error(exc: yaml.MarkedYAMLError, path: Path, first_line: int) -> ContentError:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + first_line if mark else first_line
    column = mark.column + 1 if mark else 0
    problem = " ".join(part for part in (exc.context, exc.problem) if part)
    return ContentError(Position(path, line, column), f"YAML syntax error: {problem}")


def _check_and_locate(
    root: yaml.Node, path: Path, first_line: int, out: dict[KeyPath, Position], controls: bool
) -> None:
    """Check every node against the limits, and record where each value starts;
    iterative, so it is safe however deep the tree (the limits make it shallow)."""
    pending: list[tuple[yaml.Node, KeyPath]] = [(root, ())]
    while pending:
        node, key_path = pending.pop()
        mark = node.start_mark
        out.setdefault(key_path, Position(path, mark.line + first_line, mark.column + 1))
        if len(key_path) >= MAX_DEPTH:
            raise _Refused(mark, f"values are nested more than {MAX_DEPTH} deep")
        if isinstance(node, yaml.ScalarNode):
            _check_scalar(node, controls)
        elif isinstance(node, yaml.MappingNode):
            _check_keys(node, controls)
            for key_node, value_node in node.value:
                if isinstance(key_node, yaml.ScalarNode):
                    pending.append((value_node, (*key_path, key_node.value)))
        elif isinstance(node, yaml.SequenceNode):
            if len(node.value) > MAX_LIST:
                raise _Refused(mark, _LONG_LIST, "split it, or keep what matters")
            pending.extend((item, (*key_path, index)) for index, item in enumerate(node.value))
