"""whatsnew: when each fact, event and article came in (a fact by its `added:` date, else
its newest cited article; an event by its newest cited article, not the day it happened)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from tiny_site import Tiny, article, tiny

from generator.pages.whatsnew import (
    article_keys,
    fact_keys,
    item_key,
    site_changes,
    topic_changes,
    updated,
)
from generator.reads.reader import Reader

TOPICS = """\
- id: ankara-meeting
  title: Ankara meeting
  summary: Zelensky travelled to Ankara.
  key_facts:
    - text: Zelensky travelled to Ankara.
      cite: [first]
    - text: Zelensky met officials.
      cite: [first]
      added: 2025-12-01
  events:
    - date: 2026-03-01
      text: Zelensky will travel to Ankara.
      cite: [first, second]
- id: istanbul-talks
  title: Istanbul talks
  summary: Talks.
  key_facts:
    - text: Zelensky spoke.
      cite: [third]
"""
THIRD = article("Third", "2025-11-20").replace(
    "topics: [ankara-meeting]", "topics: [ankara-meeting, istanbul-talks]"
)


@pytest.fixture
def site(tmp_path: Path) -> Tiny:
    return tiny(tmp_path, {"topics.yaml": TOPICS, "articles/third.md": THIRD})


def test_items_are_dated_by_when_they_came_in_newest_first(site: Tiny) -> None:
    changes = topic_changes(Reader(site.data), site.site.topics["ankara-meeting"])
    dated = [(c.date.isoformat(), c.kind) for c in changes]
    assert dated == [
        ("2025-12-01", "fact"),  # its added: date
        ("2025-11-20", "article"),
        ("2025-11-19", "event"),  # its newest cited article, not 2026-03-01
        ("2025-11-19", "article"),
        ("2025-11-18", "fact"),  # its cited article's date
        ("2025-11-18", "article"),
    ]
    assert updated(changes) == dt.date(2025, 12, 1)
    assert updated(()) is None


def test_an_article_in_two_topics_is_listed_once_site_wide(site: Tiny) -> None:
    changes = site_changes(Reader(site.data))
    articles = [c.cites[0].article.slug for c in changes if c.kind == "article"]
    assert sorted(articles) == ["first", "second", "third"]
    assert len({c.key for c in changes}) == len(changes)


def test_marker_keys_are_stable_names_of_what_an_item_says(site: Tiny) -> None:
    changes = topic_changes(Reader(site.data), site.site.topics["ankara-meeting"])
    facts = fact_keys(changes)
    assert len(facts) == 2 and all(anchor.startswith("fact-") for anchor in facts)
    assert article_keys(changes)["first"] == item_key("article", "first")
    assert item_key("fact", "t", "a") != item_key("fact", "t", "b")
    assert len(item_key("x")) == 12


def test_the_feed_carries_facts_and_events_not_articles(site: Tiny) -> None:
    feed = site.page("/whats-new/feed.xml").context(Reader(site.data))
    assert {c.kind for c in feed["changes"]} == {"fact", "event"}
    assert feed["updated"] == dt.date(2025, 12, 1)
