"""pages.sources: a page for each source: its articles, newest first, and how each compares
with the text it rewrites."""

from __future__ import annotations

from pathlib import Path

from conftest import FIXTURES
from tiny_site import tiny

from generator.pages.sources import source_pages


def test_a_source_lists_its_articles_and_its_rewrites_compared(tmp_path: Path) -> None:
    site = tiny(tmp_path)
    (page,) = source_pages(site.site, site.graph, site.texts, site.routes)
    assert (page.path, page.template, page.title) == (
        "/sources/wire/",
        "source.html",
        "Wire Service",
    )
    assert [(c.title, c.path) for c in page.crumbs] == [
        ("Home", "/"),
        ("Sources", "/sources/"),
        ("Wire Service", "/sources/wire/"),
    ]
    context = page.context(site.reader())
    assert context["source"].id == "wire"
    assert [card.article.slug for card in context["articles"]] == ["second", "first"]
    (comparison,) = context["comparisons"]
    assert comparison[0].article.slug == "second"  # the rewrite, compared with its original


def test_a_source_with_no_article_has_an_empty_page(tmp_path: Path) -> None:
    quiet = "- id: quiet\n  name: Quiet\n  kind: outlet\n"
    sources = (FIXTURES / "mini" / "sources.yaml").read_text(encoding="utf-8") + quiet
    site = tiny(tmp_path, {"sources.yaml": sources})
    by_path = {p.path: p for p in source_pages(site.site, site.graph, site.texts, site.routes)}
    context = by_path["/sources/quiet/"].context(site.reader())
    assert (context["articles"], context["comparisons"]) == ((), ())
