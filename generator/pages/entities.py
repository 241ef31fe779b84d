"""A page for each person, organisation and place: the articles that name them, who they
are named with, their timeline and quotes."""

from __future__ import annotations

from typing import Any

from generator.content.model import Entity, Site
from generator.i18n import Strings, strings_for
from generator.pages.crumbs import crumbs
from generator.pages.jsonld import entity_json_ld
from generator.pages.kept import PageMaker
from generator.pages.page import Crumb, Page
from generator.reads.link_graph import LinkGraph
from generator.reads.reader import Reader
from generator.routes import Routes
from generator.text.texts import Texts
from generator.views import entity_lists
from generator.views import items as views
from generator.views.spellings import spellings

ENTITY_ARTICLES_SHOWN = 20  # the newest; search (filtered by the entity) finds the rest


def entity_pages(
    site: Site, graph: LinkGraph, texts: Texts, routes: Routes, made: PageMaker | None = None
) -> list[Page]:
    t, made = strings_for(site.config.language), made or PageMaker()
    pages = []
    for entity in site.entities.values():
        has_articles = bool(graph.articles_by_entity.get(entity.id))
        key = ("entity", entity.id, entity.name, entity.description, entity.kind, has_articles)
        pages.append(made.page(key, _entity, entity, has_articles, routes, t))
    return pages


def _entity(entity: Entity, has_articles: bool, routes: Routes, t: Strings) -> Page:
    def context(reader: Reader) -> dict[str, Any]:
        this = reader.entity(entity.id)
        slugs = reader.ask("entity-articles", entity.id)
        return {
            "entity": this,
            "kind_heading": views.KIND_HEADINGS[this.kind],
            "spellings": spellings(reader, this),
            "articles": views.cards(reader, slugs[:ENTITY_ARTICLES_SHOWN]),
            "article_count": len(slugs),
            "all_articles_url": routes.search_for(entity=this.name, type="Article", sort="date"),
            "topics": tuple(reader.topic(t) for t in reader.ask("entity-topics", entity.id)),
            "together": entity_lists.named_with(reader, this),
            "timeline": views.entity_timeline(reader, this),
            "quotes": views.speaker_quotes(reader, this),
            "json_ld": entity_json_ld(this, routes),
        }

    path = routes.entity(entity.id)
    feed = Crumb(t("entity.articles_mentioning", name=entity.name), routes.entity_feed(entity.id))
    return Page(
        path,
        "entity.html",
        entity.name,
        context,
        crumbs(t, routes, (t("nav.entities"), routes.entities), (entity.name, path)),
        description=entity.description,
        og_type="profile" if entity.kind == "person" else "website",
        feeds=(feed,) if has_articles else (),
    )
