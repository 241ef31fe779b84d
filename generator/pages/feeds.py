"""Pages for machines: Atom feeds, the sitemap and robots.txt."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from generator.content.model import Entity, Site, Topic
from generator.pages.kept import PageMaker
from generator.pages.page import Page
from generator.reads.link_graph import LinkGraph
from generator.reads.reader import Reader
from generator.routes import FEED_FILE, ROBOTS_FILE, SITEMAP_FILE, Routes, is_listed
from generator.text.texts import Texts
from generator.views import items as views

FEED_LENGTH = 50
ENTITY_FEED_LENGTH = 20
NO_ARTICLES_DATE = dt.date(2000, 1, 1)


def feed_pages(
    site: Site, graph: LinkGraph, texts: Texts, routes: Routes, made: PageMaker | None = None
) -> list[Page]:
    """Atom feeds: the whole site, each topic, each entity that has articles."""
    made, site_title = made or PageMaker(), site.config.title
    feeds = [_feed(site_title, routes.site_feed, routes.home, "articles", "")]
    for topic in site.topics.values():
        key = ("topic feed", topic.id, topic.title, site_title)
        feeds.append(made.page(key, _topic_feed, topic, site_title, routes))
    for entity in site.entities.values():
        if graph.articles_by_entity.get(entity.id):
            key = ("entity feed", entity.id, entity.name, site_title)
            feeds.append(made.page(key, _entity_feed, entity, site_title, routes))
    return feeds


def _topic_feed(topic: Topic, site_title: str, routes: Routes) -> Page:
    title = f"{topic.title} · {site_title}"
    path = routes.topic_feed(topic.id)
    return _feed(title, path, routes.topic(topic.id), "topic-articles", topic.id)


def _entity_feed(entity: Entity, site_title: str, routes: Routes) -> Page:
    title = f"{entity.name} · {site_title}"
    path, alternate = routes.entity_feed(entity.id), routes.entity(entity.id)
    return _feed(title, path, alternate, "entity-articles", entity.id, ENTITY_FEED_LENGTH)


def _feed(
    title: str, path: str, alternate: str, query: str, key: str, length: int = FEED_LENGTH
) -> Page:
    """The newest articles; an empty feed is dated by the site's newest article."""

    def context(reader: Reader) -> dict[str, Any]:
        articles = views.cards(reader, reader.ask(query, key)[:length])
        if articles:
            updated = max(card.article.modified for card in articles)
        else:
            newest = reader.ask("articles")[:1]
            updated = reader.article(newest[0]).modified if newest else NO_ARTICLES_DATE
        return {"articles": articles, "alternate": alternate, "updated": updated}

    return Page(path, FEED_FILE, title, context)  # a machine file's template is named as it


def index_pages(site: Site, routes: Routes, pages: Sequence[Page]) -> list[Page]:
    """The sitemap (every HTML page but the 404 and search) and robots.txt; no sitemap
    for a site without a full address."""
    listed = tuple(sorted(page.path for page in pages if is_listed(page.path)))
    slugs = {routes.article(slug): slug for slug in site.articles}

    def sitemap(reader: Reader) -> dict[str, Any]:
        entries = tuple(
            (path, reader.article(slugs[path]).modified if path in slugs else None)
            for path in listed
        )
        return {"entries": entries}

    robots = Page(routes.robots, ROBOTS_FILE, "Robots")
    if not routes.has_absolute_base:  # sitemaps.org wants full addresses; a local build has none
        return [robots]
    return [Page(routes.sitemap, SITEMAP_FILE, "Sitemap", sitemap, signature=listed), robots]
