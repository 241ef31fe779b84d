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
