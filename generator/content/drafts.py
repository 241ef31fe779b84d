"""Drafts: articles marked 'draft: true' are left out of a published build, and so out of
every list, feed, sitemap, search index and topic page. The preview keeps them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import TypeVar

from generator.content.model import Article, Site, Topic
from generator.errors import ContentError

Cited = TypeVar("Cited")


def without_drafts(site: Site) -> tuple[Site, list[ContentError]]:
    """The site as published, and a warning for each curated item that cites drafts only
    (it is left out too: nothing is published without a source to check it against)."""
    drafts = {slug for slug, article in site.articles.items() if article.draft}
    return without_articles(site, drafts, "draft articles")


def without_articles(site: Site, held: set[str], what: str) -> tuple[Site, list[ContentError]]:
    """The site without the `held` articles (drafts, or scheduled for later: `what`), and
    the curated items that cite only them, each with a warning."""
    if not held:
        return site, []
    warnings: list[ContentError] = []
    articles = {
        slug: _unlink(article, held) for slug, article in site.articles.items() if slug not in held
    }
    topics = {key: _topic(topic, held, warnings, what) for key, topic in site.topics.items()}
    return replace(site, articles=articles, topics=topics), warnings


def _unlink(article: Article, drafts: set[str]) -> Article:
    return replace(article, rewrite_of="") if article.rewrite_of in drafts else article


def _topic(topic: Topic, drafts: set[str], warnings: list[ContentError], held: str) -> Topic:
    return replace(
        topic,
        key_facts=_published(topic.key_facts, drafts, topic, "key fact", warnings, held),
        events=_published(topic.events, drafts, topic, "event", warnings, held),
        quotes=_published(topic.quotes, drafts, topic, "quote", warnings, held),
    )


def _published(
    items: Iterable[Cited],
    drafts: set[str],
    topic: Topic,
    what: str,
    warnings: list,
    held: str,
) -> tuple[Cited, ...]:
    kept = []
    for number, item in enumerate(items, start=1):
        cites = tuple(slug for slug in item.cites if slug not in drafts)  # type: ignore[attr-defined]
        if cites:
            kept.append(replace(item, cites=cites))  # type: ignore[type-var]
        else:
            message = (
                f"{what} {number} of topic '{topic.id}' cites only {held}: "
                "it is left out until one of them is published"
            )
            warnings.append(ContentError(topic.position, message, severity="warning"))
    return tuple(kept)
