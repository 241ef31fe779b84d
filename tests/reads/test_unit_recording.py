"""reads.recording: a mapping of the site that notes each read: one item by its key (also
when asked whether it is there), or the whole when iterated or counted."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from generator.reads.recording import RecordingMapping


def recording(items: dict[str, int]) -> tuple[RecordingMapping, list[str]]:
    reads: list[str] = []
    return RecordingMapping(items, reads.append, lambda: reads.append("*")), reads


def test_an_item_read_is_noted_by_its_key() -> None:
    mapping, reads = recording({"a": 1, "b": 2})
    assert mapping["a"] == 1 and mapping.get("b") == 2
    assert reads == ["a", "b"]


def test_asking_whether_a_key_is_there_notes_it_even_when_absent() -> None:
    mapping, reads = recording({"a": 1})
    assert "a" in mapping and "z" not in mapping
    assert reads == ["a", "z"]  # its coming later changes the answer
    assert 3 not in mapping and reads == ["a", "z"]  # not a key at all: nothing to note


def test_iterating_or_counting_notes_the_whole() -> None:
    mapping, reads = recording({"a": 1, "b": 2})
    assert [key for key in mapping] == ["a", "b"]  # list() would count it too
    assert reads == ["*"]
    assert len(mapping) == 2 and reads == ["*", "*"]


@given(st.dictionaries(st.text(max_size=5), st.integers(), max_size=5), st.text(max_size=5))
def test_it_answers_as_the_mapping_it_wraps(items: dict[str, int], key: str) -> None:
    mapping, _ = recording(items)
    assert dict(mapping) == items and (key in mapping) == (key in items)
    assert mapping.get(key) == items.get(key)
