"""fields: typed reads from located YAML, one error with its line for each bad field."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from generator.content.fields import FieldReader, rewrite_loops, top_level_list, value_at
from generator.content.yamlpos import parse_yaml
from generator.errors import ContentError

TOPICS = Path("topics.yaml")


def _reader(text: str) -> tuple[FieldReader, list[ContentError]]:
    errors: list[ContentError] = []
    return FieldReader(parse_yaml(text, TOPICS), (0,), errors, "topic"), errors


def test_good_fields_read_as_their_types() -> None:
    fields, errors = _reader("- title: ' Talks '\n  cite: [a, b]\n  date: 2025-05-16\n")
    assert fields.text("title") == "Talks"
    assert fields.text_list("cite") == ("a", "b")
    assert fields.date("date") == dt.date(2025, 5, 16)
    assert errors == []


def test_each_bad_field_is_one_error_at_its_line_with_a_hint() -> None:
    text = "- id: x\n  title: 2025\n  cite: a\n  date: 2025-02-30\n  summary: !!binary Zm9v\n"
    fields, errors = _reader(text)
    fields.text("title"), fields.text_list("cite"), fields.date("date"), fields.text("summary")
    said = [(e.position.line, e.message, e.hint) for e in errors]
    assert said == [
        (2, "'title' must be text, not a number", "put it in quotes"),
        (3, "'cite' must be a list, not text", "write it as [a]"),
        (4, "invalid date '2025-02-30'", "day is out of range for month"),
        (5, "'summary' must be text, not bytes", ""),
    ]


def test_a_missing_required_field_is_reported_at_its_record() -> None:
    fields, errors = _reader("- id: x\n")
    assert fields.text("title") == ""
    (error,) = errors
    assert (error.position.line, error.message) == (1, "topic is missing required field 'title'")


def test_a_file_that_is_not_a_list_says_what_it_should_hold() -> None:
    errors: list[ContentError] = []
    assert top_level_list(parse_yaml("id: x\n", TOPICS), errors, "topic") == []
    assert [e.message for e in errors] == ["topics.yaml must be a list of topics"]


def test_value_at_leads_nowhere_quietly() -> None:
    data = {"a": [{"b": 1}]}
    assert value_at(data, ("a", 0, "b")) == 1
    assert value_at(data, ("a", 5, "b")) is None
    assert value_at(data, ("a", "b")) is None


@given(st.dictionaries(st.sampled_from("abcdef"), st.sampled_from("abcdef")))
def test_every_rewrite_loop_is_found_once_from_its_smallest_slug(rewrites: dict) -> None:
    loops = rewrite_loops(rewrites)
    for loop in loops:
        assert len(loop) > 1 and loop[0] == min(loop)
        assert all(rewrites[slug] == loop[(i + 1) % len(loop)] for i, slug in enumerate(loop))
    in_loops = [slug for loop in loops for slug in loop]
    assert len(in_loops) == len(set(in_loops))
    for start in rewrites:  # and every slug that walks back to itself is in one
        seen, slug = [], start
        while slug in rewrites and slug not in seen:
            seen.append(slug)
            slug = rewrites[slug]
        if slug == start and len(seen) > 1:
            assert start in in_loops
