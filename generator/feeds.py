"""Pages for machines: Atom feeds, the sitemap and robots.txt."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from . import meta, urls
from .links import LinkGraph
from .model import Article, Site
from .page import Page, article_inputs

FEED_LENGTH = 50
ENTITY_FEED_LENGTH = 20
SITE_FEED = "/feed.xml"


def feed_pages(site: Site, graph: LinkGraph) -> list[Page]:
    """Atom feeds: the whole site, each topic, each entity that has articles."""
    every = tuple(site.articles.values())
    newest = max((a.modified for a in every), default=dt.date(2000, 1, 1))
    feeds = [_feed(site.config.title, SITE_FEED, "/", every, ("sources.yaml",), newest)]
    for topic in site.topics.values():
        feeds.append(
            _feed(
                f"{topic.title} · {site.config.title}",
                meta.topic_feed_path(topic.id),
                urls.topic_path(topic.id),
                meta.feed_articles(site, graph, "topic", topic.id),
                ("topics.yaml", "sources.yaml"),
                newest,
            )
        )
    for entity in site.entities.values():
        articles = meta.feed_articles(site, graph, "entity", entity.id)[:ENTITY_FEED_LENGTH]
        if articles:
            feeds.append(
                _feed(
                    f"{entity.name} · {site.config.title}",
                    meta.entity_feed_path(entity.id),
                    urls.entity_path(entity.id),
                    articles,
                    ("entities.yaml", "sources.yaml"),
                    newest,
                )
            )
    return feeds


def index_pages(site: Site, pages: Sequence[Page]) -> list[Page]:
    """The sitemap (every HTML page but the 404 and search) and robots.txt."""
    dates = {urls.article_path(a.slug): a.modified for a in site.articles.values()}
    entries = tuple((path, dates.get(path)) for path in meta.sitemap_paths(p.path for p in pages))
    every_input = ("topics.yaml", "entities.yaml", "sources.yaml", *article_inputs(site.articles))
    return [
        Page("/sitemap.xml", "sitemap.xml", "Sitemap", {"entries": entries}, inputs=every_input),
        Page("/robots.txt", "robots.txt", "Robots"),
    ]


def _feed(
    title: str,
    path: str,
    alternate: str,
    articles: tuple[Article, ...],
    inputs: tuple[str, ...],
    fallback_date: dt.date,
) -> Page:
    """The newest articles; an empty feed is dated by the site's newest article."""
    articles = articles[:FEED_LENGTH]
    updated = max((a.modified for a in articles), default=fallback_date)
    context = {"articles": articles, "alternate": alternate, "updated": updated}
    every_input = (*inputs, *article_inputs(a.slug for a in articles))
    return Page(path, "feed.xml", title, context, inputs=every_input)
