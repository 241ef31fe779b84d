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
from generator.content.yamlpos import COLON_HINT, parse_yaml
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
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(st.text("abc", min_size=1, max_size=3), children, max_size=3)
    ),
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


def located(text: str, first_line: int = 1) -> list[tuple[int | None, str, str]]:
    with pytest.raises(ContentErrors) as caught:
        parse_yaml(text, PATH, first_line)
    return [(e.position.line, e.message, e.hint) for e in caught.value.errors]


@pytest.mark.parametrize(
    ("text", "line", "opened", "hint"),
    [
        ("a: 1\ntitle: [Ankara\nb: 2\n", 2, "a flow sequence", "close it, or quote the value"),
        ("title: {Ankara\n\nb: 2\n", 1, "a flow mapping", "close it, or quote the value"),
        ('a: 1\ntitle: "Ankara\nb: 2\n', 2, "a quoted scalar", "close the quote"),
    ],
)
def test_a_bracket_or_quote_left_open_is_reported_where_it_opened(
    text: str, line: int, opened: str, hint: str
) -> None:
    """PyYAML notices an unclosed '[' or quote lines later; the slip is where it opened."""
    ((at, message, given_hint),) = located(text)
    assert at == line
    assert message.startswith(f"YAML syntax error: {opened} begun here is not closed (")
    assert given_hint == hint


def test_a_front_matter_error_counts_lines_from_the_file() -> None:
    ((at, message, _),) = located('title: "Unclosed\ndate: 2025-01-01\n', first_line=2)
    assert at == 2 and message.endswith("at line 4)")


def test_other_syntax_errors_stay_where_pyyaml_found_them() -> None:
    ((at, message, hint),) = located("a: 1\ntitle: Ankara: meeting\n")
    assert (at, hint) == (2, "") and "mapping values are not allowed" in message


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ('- id: a\n  title: "Ankara\n  summary: He sought to "intensify" talks.\n', 2, 10),
        ("- id: a\n  title: 'Ankara\n  summary: Lavrov's 'conditions' hold.\n", 2, 10),
        ('items:\n  - "Ankara\n  - said "no" twice\n', 2, 5),
    ],
)
def test_a_quote_closed_lines_later_by_another_quote_is_reported_where_it_opened(
    text: str, line: int, column: int
) -> None:
    """A writer's slip PyYAML reports lines later as 'did not find expected key': the
    quote left open on one line is closed by a quote inside a later value."""
    ((at, message, hint),) = located(text)
    assert at == line
    assert message.startswith("YAML syntax error: a quote begun here is not closed on its line")
    assert "close the quote" in hint
    with pytest.raises(ContentErrors) as caught:
        parse_yaml(text, PATH)
    assert caught.value.errors[0].position.column == column


def test_a_closed_quote_with_escapes_is_not_blamed() -> None:
    text = "a: \"say \\\"hi\\\"\"\nb: 'it''s'\nc: [1\n"
    ((at, message, _),) = located(text)
    assert at == 3 and "flow sequence" in message


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("- id: a\n  title Ankara meeting\n  summary: x\n", 2, "has no ':' after its key"),
        ("title: T\nsource news-digest\ndate: 2025-01-01\n", 2, "has no ':' after its key"),
        ("- id a\n  title: Ankara\n", 1, "the next line runs on from it"),
        ("- id: a\n\ttitle: x\n", 2, "a tab indents this line"),
        ("title: x\n\tdate: 2025-01-01\n", 2, "a tab indents this line"),
        ("\ttitle: x\n", 1, "a tab indents this line"),
    ],
)
def test_a_missing_colon_or_a_tab_is_said_plainly_at_the_line_of_the_slip(
    text: str, line: int, words: str
) -> None:
    """A reviewer's find: PyYAML says 'could not find expected ':'' a line late, and
    'found character that cannot start any token' for a tab."""
    ((at, message, hint),) = located(text)
    assert at == line and words in message
    assert hint in ("replace the tab with spaces", COLON_HINT)


TOPIC = "- id: a\n  title: T\n  key_facts:\n    - text: x\n      cite: [b]\n    - text: y\n"


@pytest.mark.parametrize(
    ("slipped", "line", "words", "indent"),
    [
        (("  title", "   title"), 2, "indented 3 spaces and the key 'id' above it (line 1) 2", 2),
        (("    - text: y", "   - text: y"), 6, "the '- ' item above it (line 4) 4", 4),
        (("    - text: y", "     - text: y"), 6, "indented 5 spaces and the '- ' item", 4),
        (("      cite", "     cite"), 5, "indented 5 spaces and the key 'text' above it", 6),
    ],
)
def test_a_line_indented_a_space_off_is_compared_with_the_line_above_it(
    slipped: tuple[str, str], line: int, words: str, indent: int
) -> None:
    """A reviewer's find: PyYAML's 'mapping values are not allowed in this context' or
    'did not find expected key' for a line one space off, with no hint of what to do."""
    assert parse_yaml(TOPIC, PATH).data[0]["key_facts"][1]["text"] == "y"
    ((at, message, hint),) = located(TOPIC.replace(*slipped))
    assert at == line and words in message
    assert hint.startswith(f"indent it by {indent} spaces, as line ")


@pytest.mark.parametrize(
    ("text", "line", "words", "hint"),
    [
        (
            "- id: a\n  name: A\n - id: b\n   name: B\n",
            3,
            "indented 1 space and the '- ' item",
            "start it at",
        ),
        (
            "- id: a\n  name: A\n- id: b\n  name: B\n - id: c\n   name: C\n",
            5,
            "(line 3) 0 spaces",
            "start it at",
        ),
    ],
)
def test_a_list_item_one_space_off_is_blamed_not_the_line_after_it(
    text: str, line: int, words: str, hint: str
) -> None:
    """A reviewer's find: with the '- id:' line one space off, PyYAML fails on the line
    after, and the message sent the writer down the item line by line."""
    ((at, message, said_hint),) = located(text)
    assert at == line and words in message
    assert said_hint.startswith(hint)
