"""The rewrite comparison pages: one for every article whose `rewrite_of` names an
article of the site. Kept apart from pages.py so the page kind is one function."""

from __future__ import annotations

from typing import Any

from . import urls
from .comparison import compare
from .model import Site
from .page import Crumb, Page, article_inputs
from .textfeatures import name_index


def comparison_pages(site: Site) -> list[Page]:
    names = name_index((e.id, e.name, e.aliases) for e in site.entities.values())
    pages = []
    for article in site.articles.values():
        original = site.articles.get(article.rewrite_of)
        if original is None:
            continue

        def context(rewrite=article, original=original) -> dict[str, Any]:
            return {
                "rewrite": rewrite,
                "original": original,
                "comparison": compare(original.body, rewrite.body, names),
            }

        path = urls.comparison_path(article.slug)
        pages.append(
            Page(
                path,
                "compare.html",
                f"Rewrite compared: {article.title}",
                context,
                (
                    Crumb("Home", urls.home_path()),
                    Crumb("Articles", "/articles/"),
                    Crumb(article.title, urls.article_path(article.slug)),
                    Crumb("Compared with its original", path),
                ),
                (
                    "entities.yaml",
                    "sources.yaml",
                    *article_inputs([article.slug, original.slug], body=True),
                ),
                description=f"What the rewrite “{article.title}” kept, changed, added and dropped.",
            )
        )
    return pages


def comparisons_of(site: Site, slugs) -> tuple[tuple[Any, Any], ...]:
    """(rewrite, original) for each comparison page that involves one of `slugs`."""
    wanted = set(slugs)
    return tuple(
        (article, site.articles[article.rewrite_of])
        for article in site.articles.values()
        if article.rewrite_of in site.articles
        and (article.slug in wanted or article.rewrite_of in wanted)
    )
