"""pages.articles: a page for each article: its text with the cited sentences marked, its
citations, who it names (most named first), its source, and its copies and rewrites."""

from __future__ import annotations

from pathlib import Path

import pytest
from tiny_site import Tiny, article, tiny

from generator.pages.articles import article_pages
from generator.pages.page import Page


@pytest.fixture
def site(tmp_path: Path) -> Tiny:
    return tiny(tmp_path)


def pages(site: Tiny) -> dict[str, Page]:
    found = article_pages(site.site, site.graph, site.texts, site.routes)
    return {page.path: page for page in found}


def test_one_article_page_each_with_its_crumbs(site: Tiny) -> None:
    by_path = pages(site)
    assert sorted(by_path) == ["/articles/first/", "/articles/second/"]
    first = by_path["/articles/first/"]
    assert (first.template, first.title, first.og_type) == (
        "article.html",
        "First report",
        "article",
    )
    assert first.description == "Zelensky goes to Ankara."
    assert [(c.title, c.path) for c in first.crumbs] == [
        ("Home", "/"),
        ("Articles", "/articles/"),
        ("First report", "/articles/first/"),
    ]


def test_the_cited_sentence_is_marked_and_the_citation_listed(site: Tiny) -> None:
    context = pages(site)["/articles/first/"].context(site.reader())
    assert '<mark class="cited" id="para-2-s1">' in str(context["body"])
    assert [topic.id for topic, *_ in context["citations"]] == ["ankara-meeting"]
    assert context["source"].id == "wire" and context["original"] is None
    assert [a.slug for a in context["rewrites"]] == ["second"]


def test_a_rewrite_names_its_original_and_cites_nothing(site: Tiny) -> None:
    context = pages(site)["/articles/second/"].context(site.reader())
    assert context["original"].slug == "first" and context["rewrites"] == ()
    assert context["citations"] == () and "<mark" not in str(context["body"])
    assert context["json_ld"]["@type"] == "NewsArticle"
    assert [shown.entity.id for shown in context["mentioned"][0].shown] == ["volodymyr-zelensky"]


def test_who_it_names_is_most_named_first_in_its_structured_data(tmp_path: Path) -> None:
    body = "Ankara hosted. Zelensky spoke in Ankara. Ankara again."
    site = tiny(tmp_path, {"articles/third.md": article("Third report", body=body)})
    context = pages(site)["/articles/third/"].context(site.reader())
    assert [e["name"] for e in context["json_ld"]["mentions"]] == ["Ankara", "Volodymyr Zelensky"]
