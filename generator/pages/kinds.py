"""Site -> the list of pages. Each page kind is a function `(site, graph, texts, routes)
-> [Page]`; `PAGE_KINDS` is the site's set of them, in order. A page's context is made
only when it is rendered, from a `Reader` that records what it reads."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from generator.content.model import Site
from generator.pages import exports, feeds, whatsnew
from generator.pages.articles import article_pages
from generator.pages.comparisons import comparison_pages
from generator.pages.entities import entity_pages
from generator.pages.lists import site_pages
from generator.pages.page import Page
from generator.pages.redirects import alias_pages
from generator.pages.sources import source_pages
from generator.pages.topics import topic_pages
from generator.reads.link_graph import LinkGraph
from generator.routes import Routes
from generator.text.texts import Texts

PageKind = Callable[[Site, LinkGraph, Texts, Routes], list[Page]]


def build_pages(
    site: Site, graph: LinkGraph, texts: Texts, routes: Routes, kinds: Sequence[PageKind]
) -> list[Page]:
    pages = [page for kind in kinds for page in kind(site, graph, texts, routes)]
    # Redirects from old addresses come after the sitemap: they are not listed in it.
    pages += feeds.index_pages(site, routes, pages)
    return pages + alias_pages(site, routes, pages)


PAGE_KINDS: tuple[PageKind, ...] = (
    site_pages,
    topic_pages,
    article_pages,
    entity_pages,
    source_pages,
    comparison_pages,
    feeds.feed_pages,
    whatsnew.whats_new_pages,
    exports.export_pages,
)
