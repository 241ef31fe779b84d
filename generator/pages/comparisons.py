"""The rewrite comparison pages: one for every article whose `rewrite_of` names an
article of the site. A page kind `(site, graph, texts, routes) -> [Page]`."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from generator.content.model import Article, Site
from generator.evidence.comparison import compare
from generator.evidence.textfeatures import name_index
from generator.i18n import Strings, strings_for
from generator.pages.kept import PageMaker
from generator.pages.page import Crumb, Page
from generator.reads.link_graph import LinkGraph
from generator.reads.reader import Reader
from generator.routes import Routes
from generator.text.texts import Texts
from generator.views import items as views


def comparison_pages(
    site: Site, graph: LinkGraph, texts: Texts, routes: Routes, made: PageMaker | None = None
) -> list[Page]:
    t = strings_for(site.config.language)
    return [
        _comparison(article, routes, t)
        for article in site.articles.values()
        if article.rewrite_of in site.articles
    ]


def _comparison(article: Article, routes: Routes, t: Strings) -> Page:
    slug = article.slug

    def context(reader: Reader) -> dict[str, Any]:
        rewrite = reader.article(slug)
        original = reader.article(rewrite.rewrite_of)
        reader.body(slug), reader.body(original.slug)  # the comparison reads both texts
        names = name_index((e.id, e.name, e.aliases) for e in reader.entities())
        return {
            "rewrite": views.card(reader, slug),
            "original": views.card(reader, original.slug),
            "comparison": compare(original.body, rewrite.body, names),
        }

    path = routes.comparison(slug)
    return Page(
        path,
        "compare.html",
        t("compare.title", title=article.title),
        context,
        (
            Crumb(t("nav.home"), routes.home),
            Crumb(t("nav.articles"), routes.articles),
            Crumb(article.title, routes.article(slug)),
            Crumb(t("compare.crumb"), path),
        ),
        description=t("compare.description", title=article.title),
    )


def comparisons_of(reader: Reader, slugs: Iterable[str]) -> tuple[tuple[Any, Any], ...]:
    """(rewrite card, original card) of each comparison page involving one of `slugs`."""
    pairs: dict[str, str] = {}
    for slug in slugs:
        article = reader.article(slug)
        if article.rewrite_of and article.rewrite_of in reader.site.articles:
            pairs[slug] = article.rewrite_of
        for rewrite in reader.ask("rewrites", slug):
            pairs[rewrite] = slug
    return tuple(
        (views.card(reader, rewrite), views.card(reader, original))
        for rewrite, original in sorted(pairs.items())
    )
