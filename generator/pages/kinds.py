"""Site -> the list of pages. Each page kind is a function `(site, graph, texts, routes,
made) -> [Page]`; `PAGE_KINDS` is the site's set of them, in order. A page's context is
made only when it is rendered, from a `Reader` that records what it reads. `made` (a
`kept.PageMaker`) gives back the last build's page object when what it is made from is
the same; kinds of a few pages make theirs every time and leave it unused."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from generator.content.model import Site
from generator.pages import exports, feeds, whatsnew
from generator.pages.articles import article_pages
from generator.pages.comparisons import comparison_pages
from generator.pages.entities import entity_pages
from generator.pages.kept import PageMaker
from generator.pages.lists import site_pages
from generator.pages.page import Page
from generator.pages.redirects import alias_pages
from generator.pages.sources import source_pages
from generator.pages.topics import topic_pages
from generator.reads.link_graph import LinkGraph
from generator.routes import Routes
from generator.text.texts import Texts


class PageKind(Protocol):
    def __call__(
        self,
        site: Site,
        graph: LinkGraph,
        texts: Texts,
        routes: Routes,
        made: PageMaker | None = None,
    ) -> list[Page]: ...


def build_pages(
    site: Site,
    graph: LinkGraph,
    texts: Texts,
    routes: Routes,
    kinds: Sequence[PageKind],
    made: PageMaker | None = None,
) -> list[Page]:
    made = made or PageMaker()
    pages = [page for kind in kinds for page in kind(site, graph, texts, routes, made)]
    # The sitemap and the redirects are made from every page's path, the redirects also
    # from the articles' aliases (checked against every file of the site).
    paths = tuple(page.path for page in pages)
    slugs = tuple(site.articles)
    pages += made.pages(("index", paths, slugs), feeds.index_pages, site, routes, pages)
    aliased = tuple(
        (a.slug, a.title, a.aliases, a.alias_positions) for a in site.articles.values() if a.aliases
    )
    # Redirects from old addresses come after the sitemap: they are not listed in it.
    return pages + list(made.pages(("aliases", paths, aliased), alias_pages, site, routes, pages))


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
