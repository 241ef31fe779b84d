"""What YAML content may not hold, checked on PyYAML's nodes: anchors and aliases, deep
nesting, huge values and numbers, long lists, duplicate keys, control characters."""

from __future__ import annotations

import re

import yaml

MAX_DEPTH = 32  # nesting of lists and mappings; content needs four or five
MAX_SCALAR = 100_000  # characters in one value (a long article summary is ~2,000)
MAX_INT_DIGITS = 30  # a number longer than this is a typo or an attack, never content
MAX_LIST = 10_000  # items in one list: a topic's facts, an article's topics, the entities
# C0 and C1 control characters but tab and newline, and the two non-characters XML
# forbids: invisible, and they make a feed invalid XML.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]")
INT_TAG = "tag:yaml.org,2002:int"


class Refused(Exception):
    """YAML we will not compose: aliases, deep nesting, huge values, duplicate keys."""

    def __init__(
        self, mark: yaml.Mark, message: str, hint: str = "", first: yaml.Mark | None = None
    ) -> None:
        super().__init__(message)
        self.mark, self.message, self.hint, self.first = mark, message, hint, first


LONG_LIST = f"a list of more than {MAX_LIST:,} items is too long"


def check_keys(node: yaml.MappingNode, controls: bool = True) -> None:
    first_seen: dict[str, yaml.Node] = {}
    for key_node, _ in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            continue
        check_scalar(key_node, controls)
        first = first_seen.setdefault(key_node.value, key_node)
        if first is not key_node:
            raise Refused(
                key_node.start_mark,
                f"duplicate key '{key_node.value}'",
                "first given on line {first}; keep one",
                first.start_mark,
            )


def check_scalar(node: yaml.ScalarNode, controls: bool = True) -> None:
    """`controls=False` skips the search for control characters (none can be there)."""
    value = node.value
    if len(value) > MAX_SCALAR:
        raise Refused(node.start_mark, f"a value of {len(value):,} characters is too long")
    if node.tag == INT_TAG and len(value.lstrip("+-")) > MAX_INT_DIGITS:
        raise Refused(
            node.start_mark,
            f"a number of {len(value)} digits is too long",
            "put it in quotes if it is text",
        )
    control = CONTROL.search(value) if controls else None
    if control:
        raise Refused(
            node.start_mark,
            f"control character U+{ord(control.group()):04X} in a value",
            "remove it: it is invisible, and invalid in feeds",
        )
