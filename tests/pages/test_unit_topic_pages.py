"""pages.topics: a page for each topic (its claims with their evidence, its articles,
originals first, who is involved, the sections it shows) and its timeline as TimelineJS
data."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tiny_site import tiny

from generator.pages.page import Crumb
from generator.pages.topics import topic_pages


def test_a_topic_and_its_timeline_data_each_have_a_page(tmp_path: Path) -> None:
    site = tiny(tmp_path)
    page, timeline = topic_pages(site.site, site.graph, site.texts, site.routes)
    assert (page.path, page.template, page.title) == (
        "/topics/ankara-meeting/",
        "topic.html",
        "Ankara meeting",
    )
    assert page.description == "Zelensky travelled to Ankara."
    assert page.feeds == (Crumb("Ankara meeting: new articles", "/topics/ankara-meeting/feed.xml"),)
    assert (timeline.path, timeline.template) == (
        "/topics/ankara-meeting/timeline.json",
        "timeline.json",
    )
    data = timeline.context(site.reader())["data"]
    assert data["title"]["text"]["headline"] == "Ankara meeting"


def test_the_topic_page_shows_its_facts_originals_first_and_its_sections(tmp_path: Path) -> None:
    site = tiny(tmp_path)
    page = topic_pages(site.site, site.graph, site.texts, site.routes)[0]
    context = page.context(site.reader())
    assert [str(fact.text) for fact in context["facts"]] == ["Zelensky travelled to Ankara."]
    assert [card.article.slug for card in context["articles"]] == ["first", "second"]
    assert context["latest"] == dt.date(2025, 11, 19)  # the newest article's date
    anchors = [heading.anchor for heading in context["contents"]]
    assert anchors[0] == "facts-heading" and "articles-heading" in anchors
    assert "timeline-heading" not in anchors and "quotes-heading" not in anchors  # none
    assert context["status_notice"] is None and context["disputed"] == ()
    assert set(context["fact_keys"]) == {"fact-1"}
