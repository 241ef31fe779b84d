"""The link graph: which article is in which topic, mentions whom, is cited where."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from generator.content.model import Site
from generator.text.entity_links import EntityMatcher
from generator.text.rendered import MarkdownResult


@dataclass(frozen=True, slots=True)
class Citation:
    topic_id: str
    fact_index: int  # 0-based index into Topic.key_facts


@dataclass(frozen=True, slots=True)
class LinkGraph:
    articles_by_topic: Mapping[str, tuple[str, ...]]  # newest first
    articles_by_source: Mapping[str, tuple[str, ...]]
    articles_by_entity: Mapping[str, tuple[str, ...]]
    mentions: Mapping[str, tuple[tuple[str, int], ...]]  # article -> (entity, count), most first
    topics_by_entity: Mapping[str, tuple[str, ...]]
    related_topics: Mapping[str, tuple[str, ...]]  # declared in either direction
    cited_by: Mapping[str, tuple[Citation, ...]]
    rewrites: Mapping[str, tuple[str, ...]]  # original slug -> its rewrites
    events_by_entity: Mapping[str, tuple[tuple[str, int], ...]]  # entity -> (topic, event index)


Mentions = tuple[tuple[str, int], ...]  # (entity, count), most first
SortedMentions = Mapping[str, tuple[MarkdownResult, Mentions]]  # slug -> (body, its mentions)


def build_graph(
    site: Site,
    bodies: Mapping[str, MarkdownResult],
    matcher: EntityMatcher,
    sorted_before: SortedMentions | None = None,
) -> LinkGraph:
    """`bodies` are the rendered texts of the articles, with their entity mention counts;
    `matcher` finds the entities named in timeline events. `sorted_before`: an earlier
    graph's mentions by the body they were sorted from, taken for the same body."""
    mentions = {slug: body.mentions for slug, body in bodies.items()}
    before = sorted_before or {}
    by_topic: dict[str, list[str]] = defaultdict(list)
    by_source: dict[str, list[str]] = defaultdict(list)
    by_entity: dict[str, list[str]] = defaultdict(list)
    rewrites: dict[str, list[str]] = defaultdict(list)
    for slug, article in site.articles.items():  # already newest first
        for topic_id in article.topics:
            by_topic[topic_id].append(slug)
        by_source[article.source].append(slug)
        for entity_id in mentions.get(slug, {}):
            by_entity[entity_id].append(slug)
        if article.rewrite_of:
            rewrites[article.rewrite_of].append(slug)
    return LinkGraph(
        articles_by_topic=_freeze(by_topic),
        articles_by_source=_freeze(by_source),
        articles_by_entity=_freeze(by_entity),
        mentions={slug: _mentions_of(slug, body, before) for slug, body in bodies.items()},
        topics_by_entity=_topics_by_entity(site, by_entity),
        related_topics=_related(site),
        cited_by=_citations(site),
        rewrites=_freeze(rewrites),
        events_by_entity=_events_by_entity(site, matcher),
    )


def sorted_mentions(graph: LinkGraph, bodies: Mapping[str, MarkdownResult]) -> SortedMentions:
    """The graph's mentions by the body each was sorted from: the next `sorted_before`."""
    return {slug: (body, graph.mentions[slug]) for slug, body in bodies.items()}


def _mentions_of(slug: str, body: MarkdownResult, before: SortedMentions) -> Mentions:
    earlier = before.get(slug)
    if earlier is not None and earlier[0] is body:
        return earlier[1]
    return _most_first(Counter(body.mentions))


def _freeze(groups: Mapping[str, list[str]]) -> dict[str, tuple[str, ...]]:
    return {key: tuple(values) for key, values in sorted(groups.items())}


def _most_first(counts: Counter[str]) -> tuple[tuple[str, int], ...]:
    return tuple(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def _topics_by_entity(site: Site, by_entity: Mapping[str, list[str]]) -> dict[str, tuple[str, ...]]:
    result = {}
    for entity_id, slugs in sorted(by_entity.items()):
        topic_ids = {topic_id for slug in slugs for topic_id in site.articles[slug].topics}
        result[entity_id] = tuple(topic for topic in site.topics if topic in topic_ids)
    return result


def _related(site: Site) -> dict[str, tuple[str, ...]]:
    related: dict[str, set[str]] = defaultdict(set)
    for topic in site.topics.values():
        for other in topic.related:
            related[topic.id].add(other)
            related[other].add(topic.id)
    return {
        topic_id: tuple(t for t in site.topics if t in related[topic_id])
        for topic_id in site.topics
    }


def _events_by_entity(site: Site, matcher: EntityMatcher) -> dict[str, tuple[tuple[str, int], ...]]:
    found: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for topic in site.topics.values():
        for index, event in enumerate(topic.events):
            for entity_id in dict.fromkeys(entity.id for _, entity in matcher.find(event.text)):
                found[entity_id].append((topic.id, index))
    return {entity_id: tuple(events) for entity_id, events in sorted(found.items())}


def _citations(site: Site) -> dict[str, tuple[Citation, ...]]:
    cited_by: dict[str, list[Citation]] = defaultdict(list)
    for topic in site.topics.values():
        for index, fact in enumerate(topic.key_facts):
            for slug in dict.fromkeys(fact.cites):
                cited_by[slug].append(Citation(topic.id, index))
    return {slug: tuple(citations) for slug, citations in sorted(cited_by.items())}
