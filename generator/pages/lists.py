"""The home page, the lists (topics, articles, sources, entities, timeline, graph), search,
its aliases and the 404."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from generator.content.model import Site
from generator.i18n import strings_for
from generator.pages import search_terms
from generator.pages.crumbs import articles_crumbs, crumbs
from generator.pages.kept import PageMaker
from generator.pages.page import Page
from generator.reads.link_graph import LinkGraph
from generator.reads.reader import Reader
from generator.routes import NOT_FOUND_FILE, SEARCH_ALIASES_FILE, Routes
from generator.text.texts import Texts
from generator.views import entity_graph, paging
from generator.views import items as views

LATEST_ON_HOME = 10


def site_pages(
    site: Site, graph: LinkGraph, texts: Texts, routes: Routes, made: PageMaker | None = None
) -> list[Page]:
    """The home page, the lists, search and the 404."""
    t = strings_for(site.config.language)

    def home(reader: Reader) -> dict[str, Any]:
        latest = reader.ask("articles")[:LATEST_ON_HOME]
        return {
            "topics": views.topic_cards(reader),
            "latest": views.cards(reader, latest),
            "search_examples": reader.ask("search-examples"),
        }

    def search(reader: Reader) -> dict[str, Any]:
        return {"search_examples": reader.ask("search-examples")}

    def topics(reader: Reader) -> dict[str, Any]:
        return {"items": views.topic_cards(reader)}

    def articles(pager: paging.Pager) -> Callable[[Reader], dict[str, Any]]:
        def context(reader: Reader) -> dict[str, Any]:
            shown = reader.ask("articles")[pager.first - 1 : pager.last]
            return {"items": views.cards(reader, shown), "pager": pager}

        return context

    def sources(reader: Reader) -> dict[str, Any]:
        return {"items": views.source_cards(reader)}

    def entities(reader: Reader) -> dict[str, Any]:
        return {"groups": views.entity_groups(reader)}

    def timeline(reader: Reader) -> dict[str, Any]:
        return {"entries": views.timeline(reader)}

    def graph_page(reader: Reader) -> dict[str, Any]:
        return {"graph": entity_graph.graph_view(reader)}

    def search_aliases(reader: Reader) -> dict[str, Any]:
        return {"table": search_terms.alias_table(reader.entities())}

    return [
        Page(routes.home, "home.html", site.config.title, home),
        Page(
            routes.topics,
            "topics.html",
            t("nav.topics"),
            topics,
            crumbs(t, routes, (t("nav.topics"), routes.topics)),
        ),
        *(
            Page(
                pager.paths[pager.number - 1],
                "articles.html",
                t("nav.articles")
                if pager.number == 1
                else t("articles.page_title", number=pager.number),
                articles(pager),
                articles_crumbs(t, routes, pager),
                signature=pager,
            )
            for pager in paging.pagers(
                len(site.articles), paging.ARTICLES_PER_PAGE, routes.articles_page
            )
        ),
        Page(
            routes.sources,
            "sources.html",
            t("nav.sources"),
            sources,
            crumbs(t, routes, (t("nav.sources"), routes.sources)),
        ),
        Page(
            routes.entities,
            "entities.html",
            t("entities.title"),
            entities,
            crumbs(t, routes, (t("nav.entities"), routes.entities)),
        ),
        Page(
            routes.timeline,
            "timeline.html",
            t("nav.timeline"),
            timeline,
            crumbs(t, routes, (t("nav.timeline"), routes.timeline)),
        ),
        Page(
            routes.graph,
            "graph.html",
            t("graph.title"),
            graph_page,
            crumbs(t, routes, (t("nav.entities"), routes.entities), (t("nav.graph"), routes.graph)),
        ),
        Page(routes.search, "search.html", t("search.label"), search),
        Page(routes.search_aliases, SEARCH_ALIASES_FILE, "Search aliases", search_aliases),
        Page(routes.not_found, NOT_FOUND_FILE, t("404.title")),
    ]
