"""The YAML limits are Briefing's own, whichever PyYAML (and libyaml) is installed: a unit
layer, no build."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from generator.content.yaml_limits import MAX_DEPTH
from generator.content.yaml_loaders import nesting_bound
from generator.content.yamlpos import parse_yaml
from generator.errors import ContentErrors

PATH = Path("front.yaml")


def nested(depth: int, style: str) -> str:
    """`depth` lists or mappings, one in the other, written in one of YAML's ways."""
    if style == "flow":
        return "key: " + "[" * (depth - 1) + "x" + "]" * (depth - 1) + "\n"
    if style == "flow on many lines":
        return "key:\n" + " [\n" * (depth - 1) + " x\n" + " ]\n" * (depth - 1)
    if style == "block mappings":
        return "".join(" " * level + "k:\n" for level in range(depth)) + " " * depth + "x\n"
    return "- " * depth + "x\n"  # compact block sequences


STYLES = ("flow", "flow on many lines", "block mappings", "compact sequences")


def depth_of(value: object) -> int:
    if isinstance(value, dict):
        return 1 + max(map(depth_of, value.values()), default=0)
    if isinstance(value, list):
        return 1 + max(map(depth_of, value), default=0)
    return 0


def messages(text: str) -> list[str]:
    with pytest.raises(ContentErrors) as caught:
        parse_yaml(text, PATH)
    return [error.message for error in caught.value.errors]


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("depth", [MAX_DEPTH, 999, 1000, 1001, 5000])
def test_too_deep_is_our_message_at_any_depth(style: str, depth: int) -> None:
    """PyYAML 6.0.3+ bundles a libyaml that refuses 1,000 levels with its own words;
    the bound must be checked first, so the message never depends on that version."""
    assert messages(nested(depth, style)) == [f"values are nested more than {MAX_DEPTH} deep"]


@pytest.mark.parametrize("style", STYLES)
def test_the_deepest_allowed_nesting_parses(style: str) -> None:
    # The innermost scalar is a level too.
    assert depth_of(parse_yaml(nested(MAX_DEPTH - 1, style), PATH).data) == MAX_DEPTH - 1


values = st.recursive(
    st.text(max_size=5) | st.integers(),
    lambda children: st.lists(children, max_size=3)
    | st.dictionaries(st.text("abc", min_size=1, max_size=3), children, max_size=3),
    max_leaves=40,
)


@given(values, st.sampled_from([None, True, False]), st.integers(0, 4))
def test_the_nesting_bound_is_never_below_the_real_depth(
    value: object, flow: bool | None, indent: int
) -> None:
    """The bound decides which parser may see the text: an underestimate would hand
    libyaml a nesting it refuses in its own words."""
    text = yaml.safe_dump(value, default_flow_style=flow, indent=indent + 2, width=40)
    assert nesting_bound(text) >= depth_of(yaml.safe_load(text))
