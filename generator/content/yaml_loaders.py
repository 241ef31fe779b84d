"""The YAML loaders: libyaml's own where the text cannot break it, else a composer that
checks the limits before anything recursive runs; dates are left as text for our own
error with a position."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import yaml

from generator.content.yaml_limits import (
    LONG_LIST,
    MAX_DEPTH,
    MAX_LIST,
    Refused,
    check_keys,
    check_scalar,
)

TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"


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


class _BoundedComposer(_Composer):
    """PyYAML's composer with limits checked before anything recursive runs: no anchors
    or aliases (an alias bomb expands exponentially), bounded depth (libyaml's own
    composer recursed in C and crashed on 30,000 nested '['), bounded scalars, no
    duplicate keys. Events come from libyaml's parser, which keeps its own stack."""

    depth = 0

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or event.anchor is not None:
            raise Refused(
                event.start_mark,
                "anchors and aliases (&name, *name) are not allowed in content files",
                "write the value out in full",
            )
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise Refused(event.start_mark, f"values are nested more than {MAX_DEPTH} deep")
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1

    def compose_scalar_node(self, anchor: Any) -> yaml.ScalarNode:
        node = super().compose_scalar_node(anchor)
        check_scalar(node)
        return node

    def compose_mapping_node(self, anchor: Any) -> yaml.MappingNode:
        node = super().compose_mapping_node(anchor)
        check_keys(node)
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
                raise Refused(start.start_mark, LONG_LIST, "split it, or keep what matters")
            node.value.append(self.compose_node(node, len(node.value)))
        node.end_mark = self.get_event().end_mark
        return node


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
Loader = _FastLoader | _BoundedLoader | _BoundedPythonLoader


def loader_for(text: str) -> Loader:
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
