"""known_fields: a field nothing reads is a warning at its line, with a 'did you mean'."""

from __future__ import annotations

from pathlib import Path

from tiny_site import content

from generator.content.known_fields import unknown_field_warnings
from generator.content.load import load_content

TOPICS = """\
- id: ankara-meeting
  title: Ankara meeting
  sumary: Zelensky travelled to Ankara.
  summary: Zelensky travelled to Ankara.
  key_facts:
    - text: Zelensky travelled to Ankara.
      cite: [first]
      cites: [first]
"""


def test_each_unread_field_is_one_warning_at_its_line(tmp_path: Path) -> None:
    folder = content(tmp_path, {"topics.yaml": TOPICS})
    first = folder / "articles" / "first.md"
    first.write_text(first.read_text().replace("source: wire", "source: wire\nsumary: x"))
    warnings = unknown_field_warnings(load_content(folder))
    said = sorted((w.position.path.name, w.position.line, w.hint) for w in warnings)
    assert said == [
        ("first.md", 5, "did you mean 'summary'?"),
        ("topics.yaml", 3, "did you mean 'summary'?"),
        ("topics.yaml", 8, "did you mean 'cite'?"),
    ]
    assert {w.severity for w in warnings} == {"warning"}


def test_the_fixture_uses_only_known_fields(tmp_path: Path) -> None:
    assert unknown_field_warnings(load_content(content(tmp_path))) == []


def test_a_name_far_from_any_lists_the_known_ones(tmp_path: Path) -> None:
    folder = content(tmp_path, {"site.yaml": "title: T\nbase_url: /\nzzz: 1\n"})
    (warning,) = unknown_field_warnings(load_content(folder))
    assert warning.hint.startswith("known fields: base_url, cards, defaults, description")


SWALLOWING = """\
- id: ankara-meeting
  title: Ankara meeting
  summary: Zelensky travelled to Ankara.
  note: >-
    The reports tell the meeting as scheduled.
{indent}key_facts:
    - text: Zelensky travelled to Ankara.
      cite: [first]
"""


def test_a_field_indented_into_the_text_above_is_a_warning_at_that_text(tmp_path: Path) -> None:
    """A reviewer's find: two spaces more before 'key_facts:' made the topic's facts part
    of its note (valid YAML), and `check --strict` said ok with 12 facts fewer."""
    slipped = content(tmp_path / "a", {"topics.yaml": SWALLOWING.format(indent="    ")})
    (warning,) = unknown_field_warnings(load_content(slipped))
    assert (warning.position.path.name, warning.position.line) == ("topics.yaml", 4)
    assert "the text of 'note' holds 'key_facts:' and a list" in warning.message
    right = content(tmp_path / "b", {"topics.yaml": SWALLOWING.format(indent="  ")})
    assert unknown_field_warnings(load_content(right)) == []


def test_prose_that_names_a_field_is_left_alone(tmp_path: Path) -> None:
    said = "'In summary: the events: talks, then quotes: none - as said [later].'"
    topics = SWALLOWING.format(indent="  ").replace("Zelensky travelled to Ankara.\n  note", said)
    topics = topics.replace(said, said + "\n  note")
    assert unknown_field_warnings(load_content(content(tmp_path, {"topics.yaml": topics}))) == []
