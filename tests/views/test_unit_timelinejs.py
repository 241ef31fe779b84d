"""views.timelinejs: a topic's timeline as a TimelineJS document: each event with the known
parts of its date, its labels, and links to the articles reporting it; plain text is
escaped, since TimelineJS shows it as HTML."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tiny_site import tiny

from generator.views import items
from generator.views.timelinejs import timelinejs

TOPICS = """\
- id: ankara-meeting
  title: Ankara <meeting> & talks
  summary: Zelensky travelled to Ankara.
  events:
    - date: 2025-11-18
      text: Zelensky <b>travelled</b> to Ankara.
      cite: [first]
    - date: 2025-11
      inferred: true
      text: Zelensky travelled to Ankara.
      cite: [first]
"""


def document(tmp_path: Path, base_url: str = "https://x.example/") -> dict[str, Any]:
    site_yaml = f"title: Mini briefing\nbase_url: {base_url}\nlanguage: en\n"
    site = tiny(tmp_path, {"topics.yaml": TOPICS, "site.yaml": site_yaml})
    reader = site.reader()
    topic = reader.topic("ankara-meeting")
    return timelinejs(topic, items.timeline(reader, [topic]), site.routes)


def test_the_title_and_every_text_are_escaped(tmp_path: Path) -> None:
    doc = document(tmp_path)
    assert doc["title"]["text"] == {
        "headline": "Ankara &lt;meeting&gt; &amp; talks",
        "text": "Zelensky travelled to Ankara.",
    }
    headlines = [event["text"]["headline"] for event in doc["events"]]
    assert "Zelensky &lt;b&gt;travelled&lt;/b&gt; to Ankara." in headlines


def test_each_date_has_only_its_known_parts_and_an_inferred_one_says_so(tmp_path: Path) -> None:
    month, day = (event["start_date"] for event in document(tmp_path)["events"])
    assert month == {"year": "2025", "month": "11", "display_date": "November 2025 (date inferred)"}
    assert day == {"year": "2025", "month": "11", "day": "18", "display_date": "18 November 2025"}


def test_each_event_links_the_articles_reporting_it_absolutely(tmp_path: Path) -> None:
    link = '<a href="https://x.example/articles/first/">First report</a>'
    inferred, unsupported = (event["text"]["text"] for event in document(tmp_path)["events"])
    assert inferred == f"Reported by: {link}"  # its label is shown with the date only
    assert unsupported == (  # no cited text says it: its label, said in full, comes first
        f"<p><strong>Unsupported: no cited article says this.</strong></p>Reported by: {link}"
    )
