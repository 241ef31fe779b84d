"""What templates show beyond the model: facts and quotes with their corroboration,
timelines, and the structured data that goes with them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from . import intel, urls
from .curation import Event, Quote
from .evidence_views import ClaimView, claim_view
from .links import LinkGraph, co_mentions
from .markdown import Markdown
from .model import Article, Entity, Site, Topic
from .support import SiteEvidence

CO_MENTIONS_SHOWN = 12


@dataclass(frozen=True, slots=True)
class FactView:
    text: Markup
    cites: tuple[Article, ...]
    anchor: str
    corroboration: intel.Corroboration
    credibility: str  # "1".."6", or "" when the fact is not graded itself
    claim: ClaimView


@dataclass(frozen=True, slots=True)
class CitationView:
    topic: Topic
    fact: FactView


@dataclass(frozen=True, slots=True)
class QuoteView:
    quote: Quote
    speaker: Entity
    topic: Topic
    cites: tuple[Article, ...]
    corroboration: intel.Corroboration
    claim: ClaimView


def fact_views(
    site: Site, markdown: Markdown, evidence: SiteEvidence
) -> dict[str, tuple[FactView, ...]]:
    views = {}
    for topic in site.topics.values():
        facts = []
        for index, fact in enumerate(topic.key_facts):
            claim = claim_view(site, evidence.of(topic.id, "fact", index), fact.credibility)
            facts.append(
                FactView(
                    Markup(markdown.render_inline(fact.text)),
                    tuple(site.articles[slug] for slug in fact.cites),
                    f"fact-{index + 1}",
                    claim.corroboration,
                    fact.credibility,
                    claim,
                )
            )
        views[topic.id] = tuple(facts)
    return views


def quote_views(
    site: Site, topics: Iterable[Topic], evidence: SiteEvidence
) -> tuple[QuoteView, ...]:
    views = []
    for topic in topics:
        for index, quote in enumerate(topic.quotes):
            claim = claim_view(site, evidence.of(topic.id, "quote", index))
            cites = tuple(site.articles[slug] for slug in quote.cites)
            speaker = site.entities[quote.speaker]
            views.append(QuoteView(quote, speaker, topic, cites, claim.corroboration, claim))
    return tuple(views)


def speaker_quotes(site: Site, entity: Entity, evidence: SiteEvidence) -> tuple[QuoteView, ...]:
    quotes = quote_views(site, site.topics.values(), evidence)
    return tuple(view for view in quotes if view.speaker == entity)


@dataclass(frozen=True, slots=True)
class EventView:
    """A timeline entry of a topic page, with its evidence."""

    event: Event
    topic: Topic
    articles: tuple[Article, ...]
    claim: ClaimView


def event_views(site: Site, topic: Topic, evidence: SiteEvidence) -> tuple[EventView, ...]:
    """The topic's events oldest first, each with its evidence (anchor 'event-N' by the
    event's place in topics.yaml)."""
    views = [
        EventView(
            event,
            topic,
            tuple(site.articles[slug] for slug in event.cites),
            claim_view(site, evidence.of(topic.id, "event", index)),
        )
        for index, event in enumerate(topic.events)
    ]
    return tuple(sorted(views, key=lambda v: (v.event.date, v.event.text)))


def entity_timeline(
    site: Site, graph: LinkGraph, entity: Entity
) -> tuple[intel.TimelineEntry, ...]:
    wanted = set(graph.events_by_entity.get(entity.id, ()))
    return tuple(
        entry
        for entry in intel.timeline(site)
        if (entry.topic.id, entry.topic.events.index(entry.event)) in wanted
    )


def co_mentioned(site: Site, graph: LinkGraph, entity: Entity) -> tuple[tuple[Entity, int], ...]:
    pairs = co_mentions(graph, entity.id)[:CO_MENTIONS_SHOWN]
    return tuple((site.entities[other], count) for other, count in pairs)


def claims_json_ld(topic: Topic, facts: tuple[FactView, ...], links: urls.Urls) -> dict[str, Any]:
    """The topic's key facts as schema.org Claims, each appearing in its citing articles."""
    return {
        "@context": "https://schema.org",
        "@graph": [
            {
                "@type": "Claim",
                "text": fact.text.striptags(),
                "url": links.absolute(urls.topic_path(topic.id)) + "#" + fact.anchor,
                "appearance": [
                    {
                        "@type": "NewsArticle",
                        "headline": article.title,
                        "url": links.absolute(urls.article_path(article.slug)),
                        "datePublished": article.date.isoformat(),
                    }
                    for article in fact.cites
                ],
            }
            for fact in facts
        ],
    }


def timelinejs(
    site: Site, topic: Topic, entries: Iterable[intel.TimelineEntry], links: urls.Urls
) -> dict[str, Any]:
    """A TimelineJS document (https://timeline.knightlab.com/docs/json-format.html)."""
    return {
        "title": {"text": {"headline": topic.title, "text": topic.summary}},
        "events": [
            {
                "start_date": {
                    **entry.event.date.timelinejs(),
                    "display_date": entry.event.date.label(),
                },
                "text": {
                    "headline": entry.event.text,
                    "text": "Reported by: " + "; ".join(_link(a, links) for a in entry.articles),
                },
            }
            for entry in entries
        ],
    }


def _link(article: Article, links: urls.Urls) -> str:
    href = links.absolute(urls.article_path(article.slug))
    return f'<a href="{Markup.escape(href)}">{Markup.escape(article.title)}</a>'


def entity_groups(site: Site, kinds: Mapping[str, str]) -> tuple[tuple[str, tuple], ...]:
    """(kind heading, ((country, entities), ...)) with countries and names in order."""
    groups = []
    for kind, heading in kinds.items():
        members = sorted(
            (e for e in site.entities.values() if e.kind == kind),
            key=lambda e: (e.country or "~", e.name.casefold()),
        )
        countries: dict[str, list[Entity]] = {}
        for entity in members:
            countries.setdefault(entity.country or "Other", []).append(entity)
        groups.append((heading, tuple((c, tuple(es)) for c, es in countries.items())))
    return tuple(groups)
