"""curation: a topic's key facts, events and quotes, each citing articles; every bad
field one error at its line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.content.curation import Checked, read_events, read_key_facts, read_quotes
from generator.content.dates import PartialDate
from generator.content.fields import FieldReader, Reference
from generator.content.yamlpos import parse_yaml
from generator.errors import ContentError

TOPIC = """\
- id: t
  key_facts:
    - text: Talks resumed.
      cite: [a, b]
      credibility: 2
      added: 2025-05-01
      checked: {warning: hedge, reason: The hedge is the source's own.}
  events:
    - date: 2025-05
      inferred: true
      text: Talks resumed.
      cite: [a]
  quotes:
    - speaker: someone
      text: We will talk.
      context: In Ankara.
      cite: [b]
"""


def _read(text: str):
    errors: list[ContentError] = []
    references: list[Reference] = []
    fields = FieldReader(parse_yaml(text, Path("topics.yaml")), (0,), errors, "topic")
    read = read_key_facts(fields, references), read_events(fields, references)
    return (*read, read_quotes(fields, references)), references, errors


def test_good_items_read_with_their_citations_as_references() -> None:
    (facts, events, quotes), references, errors = _read(TOPIC)
    assert errors == []
    (fact,) = facts
    assert (fact.text, fact.cites, fact.credibility) == ("Talks resumed.", ("a", "b"), "2")
    assert fact.added == dt.date(2025, 5, 1) and fact.position.line == 3
    assert fact.checked == Checked("hedge", "The hedge is the source's own.")
    (event,) = events
    assert event.date == PartialDate(2025, 5) and event.inferred
    (quote,) = quotes
    assert (quote.speaker, quote.context) == ("someone", "In Ankara.")
    assert [(r.kind, r.id, r.position.line) for r in references] == [
        ("article", "a", 4),
        ("article", "b", 4),
        ("article", "a", 12),
        ("entity", "someone", 14),
        ("article", "b", 17),
    ]


def test_each_bad_field_is_an_error_at_its_line() -> None:
    bad = (
        TOPIC.replace("credibility: 2", "credibility: 9")
        .replace("warning: hedge", "warning: hedges")
        .replace("date: 2025-05", "date: May 2025")
        .replace("inferred: true", "inferred: yes please")
    )
    _, _, errors = _read(bad)
    said = [(e.position.line, e.message, e.hint) for e in errors]
    assert [(line, message) for line, message, _ in said] == [
        (5, "'credibility' must be one of 1, 2, 3, 4, 5, 6"),
        (7, "'checked' names no warning of the support check: 'hedges'"),
        (9, "invalid date 'May 2025'"),
        (10, "'inferred' must be true or false"),
    ]
    assert said[1][2] == "did you mean 'hedge'?"
