"""A page for each source: its articles and how they compare with the texts they rewrite."""

from __future__ import annotations

from typing import Any

from generator.content.model import Site, Source
from generator.i18n import Strings, strings_for
from generator.pages.comparisons import comparisons_of
from generator.pages.crumbs import crumbs
from generator.pages.kept import PageMaker
from generator.pages.page import Page
from generator.reads.link_graph import LinkGraph
from generator.reads.reader import Reader
from generator.routes import Routes
from generator.text.texts import Texts
from generator.views import items as views


def source_pages(
    site: Site, graph: LinkGraph, texts: Texts, routes: Routes, made: PageMaker | None = None
) -> list[Page]:
    t, made = strings_for(site.config.language), made or PageMaker()
    return [
        made.page(("source", s.id, s.name), _source, s, routes, t)
        for s in site.sources.values()
    ]


def _source(source: Source, routes: Routes, t: Strings) -> Page:
    def context(reader: Reader) -> dict[str, Any]:
        slugs = reader.ask("source-articles", source.id)
        return {
            "source": reader.source(source.id),
            "articles": views.cards(reader, slugs),
            "comparisons": comparisons_of(reader, slugs),
        }

    path = routes.source(source.id)
    return Page(
        path,
        "source.html",
        source.name,
        context,
        crumbs(t, routes, (t("nav.sources"), routes.sources), (source.name, path)),
    )
