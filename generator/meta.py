"""What a page tells machines: descriptions, JSON-LD, Atom feeds, the sitemap, robots.txt."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from . import urls
from .links import LinkGraph
from .model import Article, Entity, Site, Source, Topic

DESCRIPTION_LENGTH = 200
SCHEMA_TYPES = {"person": "Person", "organisation": "Organization", "place": "Place"}
MARKDOWN_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
MARKDOWN_MARKS = re.compile(r"[*_`#>]+")


def plain_description(markdown: str) -> str:
    """A one-line, tag-free description of at most ~200 characters from Markdown."""
    text = MARKDOWN_MARKS.sub("", MARKDOWN_LINK.sub(r"\1", markdown))
    text = " ".join(text.split())
    if len(text) <= DESCRIPTION_LENGTH:
        return text
    return text[:DESCRIPTION_LENGTH].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def article_json_ld(
    article: Article,
    source: Source,
    topics: Sequence[Topic],
    entities: Sequence[Entity],
    links: urls.Urls,
    publisher: str = "",
) -> dict[str, Any]:
    """The article as schema.org reads it: the outlet wrote it, the site publishes it."""
    outlet = {
        "@type": "Organization",
        "name": source.name,
        **({"url": source.url} if source.url else {}),
    }
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "datePublished": article.date.isoformat(),
        "dateModified": article.modified.isoformat(),
        "url": links.absolute(urls.article_path(article.slug)),
        "author": outlet,
        "sourceOrganization": outlet,
        "publisher": {
            "@type": "Organization",
            "name": publisher,
            "url": links.absolute(urls.home_path()),
        },
        "about": [topic.title for topic in topics],
        "mentions": [
            {
                "@type": SCHEMA_TYPES[e.kind],
                "name": e.name,
                "url": links.absolute(urls.entity_path(e.id)),
            }
            for e in entities
        ],
    }
    if article.summary:
        data["description"] = article.summary
    if article.url:
        data["isBasedOn"] = article.url
    return data


def entity_json_ld(entity: Entity, links: urls.Urls) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": SCHEMA_TYPES[entity.kind],
        "name": entity.name,
        "url": links.absolute(urls.entity_path(entity.id)),
    }
    if entity.aliases:
        data["alternateName"] = list(entity.aliases)
    if entity.description:
        data["description"] = entity.description
    return data


def feed_id(links: urls.Urls, page_path: str) -> str:
    """An Atom id: the absolute URL when the site has one, else a stable tag URI."""
    if "://" in links.base_url:
        return links.absolute(page_path)
    return f"tag:briefing,2025:{page_path}"


def sitemap_paths(page_paths: Iterable[str]) -> list[str]:
    """The HTML pages worth listing: every page but the 404."""
    return sorted(p for p in page_paths if p.endswith("/") and p != "/search/")


def topic_feed_path(topic_id: str) -> str:
    return urls.topic_path(topic_id) + "feed.xml"


def entity_feed_path(entity_id: str) -> str:
    return urls.entity_path(entity_id) + "feed.xml"


def feed_articles(site: Site, graph: LinkGraph, kind: str, key: str) -> tuple[Article, ...]:
    groups = {"topic": graph.articles_by_topic, "entity": graph.articles_by_entity}
    return tuple(site.articles[slug] for slug in groups[kind].get(key, ()))
