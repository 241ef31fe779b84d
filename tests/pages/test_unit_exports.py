"""exports: a topic's facts, events and quotes as CSV and JSON, each row with its
citations and support as the page shows them; nothing a spreadsheet would run."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from tiny_site import Tiny, tiny

from generator.pages.exports import CSV_COLUMNS, topic_records
from generator.reads.reader import Reader

TOPICS = """\
- id: ankara-meeting
  title: Ankara meeting
  summary: Zelensky travelled to Ankara.
  key_facts:
    - text: "=HYPERLINK(\\"http://evil.example\\") Zelensky travelled to Ankara."
      cite: [first]
  events:
    - date: 2025-11-18
      text: Zelensky travelled to Ankara.
      cite: [first]
  quotes:
    - speaker: volodymyr-zelensky
      text: "-We will go"
      context: "@ Ankara"
      cite: [first]
"""


@pytest.fixture
def site(tmp_path: Path) -> Tiny:
    return tiny(tmp_path, {"topics.yaml": TOPICS})


def _data(site: Tiny, suffix: str) -> str:
    page = site.page(f"/topics/ankara-meeting/briefing.{suffix}")
    return str(page.context(Reader(site.data))["data"])


def test_json_holds_every_item_in_page_order_with_its_citations(site: Tiny) -> None:
    records = json.loads(_data(site, "json"))
    made = topic_records(Reader(site.data), site.site.topics["ankara-meeting"])
    assert records == json.loads(json.dumps(made))
    assert records["topic"]["id"] == "ankara-meeting"
    assert [len(records[k]) for k in ("key_facts", "events", "quotes")] == [1, 1, 1]
    (citation,) = records["events"][0]["citations"]
    assert citation["title"] == "First report" and citation["page"].endswith("/articles/first/")
    assert records["quotes"][0]["speaker"] == "Volodymyr Zelensky"


def test_csv_has_one_row_per_item_and_no_cell_a_spreadsheet_would_run(site: Tiny) -> None:
    rows = list(csv.DictReader(io.StringIO(_data(site, "csv"))))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert [row["kind"] for row in rows] == ["fact", "event", "quote"]
    cells = [cell for row in rows for cell in row.values()]
    assert not [cell for cell in cells if cell.startswith(("=", "+", "-", "@"))]
    assert rows[0]["text"].startswith("'=HYPERLINK")
    assert rows[2]["text"] == "'-We will go" and rows[2]["context"] == "'@ Ankara"
