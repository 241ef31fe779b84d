"""comparison_page: one comparison page per rewrite of an article of the site; both
articles link to it."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from tiny_site import tiny

from generator.pages.comparisons import comparison_pages, comparisons_of
from generator.reads.reader import Reader


def test_a_rewrite_of_an_article_here_has_a_page_that_reads_both_texts(tmp_path: Path) -> None:
    site = tiny(tmp_path)
    (page,) = [p for p in site.pages if p.template == "compare.html"]
    assert page.path == "/articles/second/compare/"
    assert [c.path for c in page.crumbs] == [
        "/",
        "/articles/",
        "/articles/second/",
        "/articles/second/compare/",
    ]
    reader = Reader(site.data)
    context = page.context(reader)
    assert (context["rewrite"].article.slug, context["original"].article.slug) == (
        "second",
        "first",
    )
    assert {"articles/first.md#body", "articles/second.md#body"} <= reader.keys
    assert context["comparison"].rows


def test_both_articles_find_their_comparison(tmp_path: Path) -> None:
    reader = Reader(tiny(tmp_path).data)
    for slug in ("first", "second"):
        ((rewrite, original),) = comparisons_of(reader, [slug])
        assert (rewrite.article.slug, original.article.slug) == ("second", "first")


def test_a_rewrite_whose_original_is_not_published_has_none(tmp_path: Path) -> None:
    site = tiny(tmp_path)
    held = {"second": site.site.articles["second"]}  # its original held back, say
    alone = replace(site.site, articles=held)
    assert comparison_pages(alone, site.graph, site.texts, site.routes) == []
