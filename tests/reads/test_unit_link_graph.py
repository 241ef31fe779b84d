"""links: the link graph (who is in which topic, names whom, is cited where), and
root-relative links in bodies checked against the site's pages."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from tiny_site import article, tiny

from generator.errors import ContentErrors
from generator.pages.internal_links import check_internal_links
from generator.reads.link_graph import Citation, build_graph, sorted_mentions
from generator.text.entity_links import build_matcher

TOPICS = """\
- id: ankara-meeting
  title: Ankara meeting
  summary: Zelensky travelled to Ankara.
  key_facts:
    - text: Zelensky travelled to Ankara.
      cite: [first, first]
  related: [istanbul-talks]
- id: istanbul-talks
  title: Istanbul talks
  summary: Talks in Istanbul.
  key_facts:
    - text: Zelensky spoke.
      cite: [third]
"""
THIRD = article("Third", "2025-11-25", "Zelensky spoke. Zelensky and Ankara.").replace(
    "topics: [ankara-meeting]", "topics: [istanbul-talks, ankara-meeting]"
)


@pytest.fixture
def graph(tmp_path: Path):
    return tiny(tmp_path, {"topics.yaml": TOPICS, "articles/third.md": THIRD}).graph


def test_topic_articles_are_newest_first(graph) -> None:
    assert graph.articles_by_topic == {
        "ankara-meeting": ("third", "second", "first"),
        "istanbul-talks": ("third",),
    }
    assert graph.articles_by_source == {"wire": ("third", "second", "first")}


def test_mentions_are_counted_most_first_and_topics_found_per_entity(graph) -> None:
    assert graph.mentions["third"] == (("volodymyr-zelensky", 2), ("ankara", 1))
    assert graph.topics_by_entity["ankara"] == ("ankara-meeting", "istanbul-talks")


def test_related_topics_go_both_ways_and_citations_once_per_fact(graph) -> None:
    assert graph.related_topics == {
        "ankara-meeting": ("istanbul-talks",),
        "istanbul-talks": ("ankara-meeting",),
    }
    assert graph.cited_by == {
        "first": (Citation("ankara-meeting", 0),),
        "third": (Citation("istanbul-talks", 0),),
    }
    assert graph.rewrites == {"first": ("second",)}


def test_a_body_link_to_a_missing_page_is_an_error_at_its_line(tmp_path: Path) -> None:
    body = "See [the topic](/topics/ankara-meeting/).\n\nAnd [this](/topics/ankara-meting/)."
    site = tiny(tmp_path, {"articles/third.md": article("Third", body=body)})
    with pytest.raises(ContentErrors) as raised:
        check_internal_links(site.site, site.texts.bodies, site.pages)
    (error,) = raised.value.errors
    assert error.position.path.name == "third.md" and error.position.line == 10
    assert error.message == "link to a page that does not exist: /topics/ankara-meting/"
    assert "/topics/ankara-meeting/" in error.hint


def test_links_out_and_to_existing_pages_pass(tmp_path: Path) -> None:
    body = "[a](https://example.org/x) [b](/articles/first) [c](#para-1) [d](/topics/)"
    site = tiny(tmp_path, {"articles/third.md": article("Third", body=body)})
    check_internal_links(site.site, site.texts.bodies, site.pages)  # raises on any error


def test_mentions_sorted_before_are_taken_for_the_same_body_only(tmp_path: Path) -> None:
    site = tiny(tmp_path, {"topics.yaml": TOPICS, "articles/third.md": THIRD})
    matcher = build_matcher(site.site.entities.values())
    bodies = site.texts.bodies
    before = sorted_mentions(site.graph, bodies)
    assert before["third"][1] == (("volodymyr-zelensky", 2), ("ankara", 1))
    marked = {**before, "third": (bodies["third"], (("marked", 9),))}  # as if sorted earlier
    assert build_graph(site.site, bodies, matcher, marked).mentions["third"] == (("marked", 9),)
    other_body = {**marked, "third": (replace(bodies["third"]), (("marked", 9),))}  # equal, new
    again = build_graph(site.site, bodies, matcher, other_body)
    assert again.mentions == site.graph.mentions
