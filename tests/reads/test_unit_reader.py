"""reads: a page sees the site through a Reader that records every file it read and the
value of every derived collection it asked for."""

from __future__ import annotations

from pathlib import Path

import pytest
from tiny_site import article, tiny

from generator.reads.queries import QUERIES, evaluate, may_have_changed, search_examples
from generator.reads.reader import Reader, article_key, body_key


@pytest.fixture
def reader(tmp_path: Path) -> Reader:
    return tiny(tmp_path).reader()


def test_each_record_is_noted_by_the_file_it_came_from(reader: Reader) -> None:
    reader.article("first")
    reader.body("second")
    reader.entity("ankara")
    reader.source("wire")
    reader.topic("ankara-meeting")
    assert reader.keys == {
        "articles/first.md",
        "articles/second.md#body",
        "entities.yaml",
        "sources.yaml",
        "topics.yaml",
    }
    assert (article_key("x"), body_key("x")) == ("articles/x.md", "articles/x.md#body")


def test_a_query_is_noted_with_the_value_it_had(reader: Reader) -> None:
    assert reader.ask("topic-articles", "ankara-meeting") == ("second", "first")
    assert reader.queries == {("topic-articles", "ankara-meeting"): ("second", "first")}
    assert ("topic-articles", "ankara-meeting") in reader.keys
    assert reader.keys == {("topic-articles", "ankara-meeting")}  # no file read by it


def test_the_site_view_records_what_analysis_functions_read(reader: Reader) -> None:
    topic = reader.site.topics["ankara-meeting"]
    cited = [reader.site.articles[slug] for slug in topic.key_facts[0].cites]
    assert [a.title for a in cited] == ["First report"]
    assert reader.keys == {"topics.yaml", "articles/first.md"}  # not second.md: not read


def test_listing_every_article_is_a_query_not_every_file(reader: Reader) -> None:
    assert list(reader.site.articles) == ["second", "first"]
    assert reader.keys == {("articles", "")}


def test_search_examples_are_the_site_own_names_most_reported_first(tmp_path: Path) -> None:
    extra = {"articles/third.md": article("Third", body="Ankara again, Ankara.")}
    data = tiny(tmp_path, extra).data
    assert search_examples(data) == ("Ankara", "Volodymyr Zelensky", "Ankara meeting")


def test_only_text_queries_wait_for_a_text_naming_their_entity() -> None:
    assert may_have_changed(("topic-articles", "x"), frozenset())
    assert not may_have_changed(("co-mentions", ("ankara", 5)), frozenset({"other"}))  # type: ignore[arg-type]
    assert may_have_changed(("co-mentions", ("ankara", 5)), frozenset({"ankara"}))  # type: ignore[arg-type]


def test_every_query_kind_evaluates_on_a_site(tmp_path: Path) -> None:
    data = tiny(tmp_path).data
    arguments = {
        "co-mentions": ("ankara", 3),
        "mention-graph": ("ankara-meeting", 3),
        "evidence": "ankara-meeting/fact/0",
    }
    for kind in QUERIES:
        value = evaluate((kind, arguments.get(kind, "first")), data)  # type: ignore[arg-type]
        hash(value)  # a recorded value must be comparable between builds
