"""What a page tells machines about itself: schema.org JSON-LD."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from generator.content.model import Article, Entity, Source, Topic
from generator.routes import Routes

SCHEMA_TYPES = {"person": "Person", "organisation": "Organization", "place": "Place"}


def article_json_ld(
    article: Article,
    source: Source,
    topics: Sequence[Topic],
    entities: Sequence[Entity],
    routes: Routes,
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
        "url": routes.absolute(routes.article(article.slug)),
        "author": outlet,
        "sourceOrganization": outlet,
        "publisher": {
            "@type": "Organization",
            "name": publisher,
            "url": routes.absolute(routes.home),
        },
        "about": [topic.title for topic in topics],
        "mentions": [
            {
                "@type": SCHEMA_TYPES[e.kind],
                "name": e.name,
                "url": routes.absolute(routes.entity(e.id)),
            }
            for e in entities
        ],
    }
    if article.summary:
        data["description"] = article.summary
    if article.url:
        data["isBasedOn"] = article.url
    return data


def entity_json_ld(entity: Entity, routes: Routes) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": SCHEMA_TYPES[entity.kind],
        "name": entity.name,
        "url": routes.absolute(routes.entity(entity.id)),
    }
    if entity.aliases:
        data["alternateName"] = list(entity.aliases)
    if entity.description:
        data["description"] = entity.description
    return data


def claims_json_ld(topic: Topic, facts: Sequence[Any], routes: Routes) -> dict[str, Any]:
    """The topic's key facts as schema.org Claims, each appearing in the cited articles
    whose text supports it, its labels ("Unsupported: …") as its description.
    `facts` are `views.FactView`s."""
    return {
        "@context": "https://schema.org",
        "@graph": [_claim(fact, topic, routes) for fact in facts],
    }


def _claim(fact: Any, topic: Topic, routes: Routes) -> dict[str, Any]:
    claim: dict[str, Any] = {
        "@type": "Claim",
        "text": fact.text.striptags(),
        "url": routes.absolute(routes.topic(topic.id)) + "#" + fact.anchor,
        "appearance": [
            {
                "@type": "NewsArticle",
                "headline": row.article.title,
                "url": routes.absolute(routes.article(row.article.slug)),
                "datePublished": row.article.date.isoformat(),
            }
            for row in fact.claim.evidence
            if row.cited and row.supported
        ],
    }
    if fact.claim.labels:
        claim["description"] = "; ".join(label.title for label in fact.claim.labels)
    return claim
