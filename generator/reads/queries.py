"""Everything pages are made from (`SiteData`), and the derived collections a page may ask
of it (`QUERIES`: the articles of a topic, who is named with whom...), each recorded by the
value it had."""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from generator.content.model import Entity, Site, Source
from generator.copies.lineage import Lineage
from generator.evidence.site_check import SiteEvidence
from generator.evidence.summaries import SummaryCheck
from generator.reads.link_graph import LinkGraph
from generator.reads.ranking import co_mention_graph, first, rank
from generator.routes import Routes
from generator.text.texts import Texts

QueryArgument = str | tuple[str, int]  # an id, or an id and a limit
Query = tuple[str, QueryArgument]  # (query kind, argument)


@dataclass(frozen=True, slots=True)
class SiteData:
    """Everything pages are made from: the outputs of the model, text and links stages."""

    site: Site
    graph: LinkGraph
    texts: Texts
    routes: Routes
    evidence: SiteEvidence
    lineage: Lineage = field(default_factory=Lineage)  # rewrites, and undeclared near copies
    summaries: SummaryCheck = field(default_factory=lambda: SummaryCheck(()))


# Each kind takes the argument it is asked with: an id, or for two an (id, limit).
QUERIES: Mapping[str, Callable[[SiteData, Any], Hashable]] = {
    "articles": lambda data, _: tuple(data.site.articles),
    "topic-articles": lambda data, topic: data.graph.articles_by_topic.get(topic, ()),
    "source-articles": lambda data, source: data.graph.articles_by_source.get(source, ()),
    "entity-articles": lambda data, entity: data.graph.articles_by_entity.get(entity, ()),
    "topic-entities": lambda data, topic: rank(
        data.graph.articles_by_topic.get(topic, ()), data.graph.mentions
    ),
    "entity-topics": lambda data, entity: data.graph.topics_by_entity.get(entity, ()),
    "entity-events": lambda data, entity: data.graph.events_by_entity.get(entity, ()),
    "co-mentions": lambda data, entity_and_limit: first(
        data.graph.articles_by_entity.get(entity_and_limit[0], ()),
        data.graph.mentions,
        entity_and_limit[1],
        leave_out=entity_and_limit[0],
    ),
    "mention-graph": lambda data, topic_and_limit: co_mention_graph(
        data.graph.articles_by_topic.get(topic_and_limit[0], ())
        if topic_and_limit[0]
        else data.site.articles,
        data.graph.mentions,
        topic_and_limit[1],
    ),
    "rewrites": lambda data, slug: data.graph.rewrites.get(slug, ()),
    # the support check: a page is rendered again only when the evidence it shows changed
    "evidence": lambda data, claim: data.evidence.items.get(_claim_key(claim)),
    "supported-claims": lambda data, slug: data.evidence.citing(slug),
    "supporting-claims": lambda data, slug: data.evidence.citing(slug, cited=False),
    # provenance: the articles an article copies, declared or found as near copies
    "lineage": lambda data, slug: data.lineage.of(slug),
    "unsupported-summary": lambda data, topic: data.summaries.of(topic),
    "search-examples": lambda data, _: search_examples(data),
    "machine-rewrite-aliases": lambda data, entity: machine_rewrite_aliases(data, entity),
}

SEARCH_EXAMPLES = 3
MACHINE_REWRITE = "machine rewrite"  # a source kind (sources.yaml)


def machine_rewrite_aliases(
    data: SiteData, entity_id: str
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The entity's aliases (short forms of its name left out) found only in the texts of
    articles from machine rewrites, each with those articles: the spellings no other kind
    of source writes, among them those a rewrite garbled ("Receptacle Erdogan")."""
    entity = data.site.entities.get(entity_id)
    slugs = data.graph.articles_by_entity.get(entity_id, ())
    if entity is None or not entity.aliases or not slugs:
        return ()
    articles, sources = data.site.articles, data.site.sources
    by_rewrite = {s: _source_kind(sources, articles[s].source) == MACHINE_REWRITE for s in slugs}
    rewritten = [s for s in slugs if by_rewrite[s]]
    others = [s for s in slugs if not by_rewrite[s]]
    found = []
    for alias in _not_short_forms(entity):
        written = re.compile(rf"(?<!\w){re.escape(alias)}(?!\w)").search  # as entity_links finds it
        in_rewrites = tuple(s for s in rewritten if written(articles[s].body))
        if in_rewrites and not any(written(articles[s].body) for s in others):
            found.append((alias, in_rewrites))
    return tuple(found)


def _not_short_forms(entity: Entity) -> list[str]:
    """The aliases that are more than words of the name ("Donetsk" of "Donetsk region")."""
    words = set(entity.name.casefold().split())
    return [alias for alias in entity.aliases if not set(alias.casefold().split()) <= words]


def _source_kind(sources: Mapping[str, Source], source_id: str) -> str:
    source = sources.get(source_id)
    return source.kind if source else ""


def search_examples(data: SiteData) -> tuple[str, ...]:
    """What the search box suggests trying: the site's own most-reported entities, then
    its topics, never another site's names."""
    by_entity, by_topic = data.graph.articles_by_entity, data.graph.articles_by_topic
    entities = sorted(
        data.site.entities.values(),
        key=lambda e: (-len(by_entity.get(e.id, ())), e.name.casefold()),
    )
    topics = sorted(
        data.site.topics.values(),
        key=lambda t: (-len(by_topic.get(t.id, ())), t.title.casefold()),
    )
    names = [e.name for e in entities[:SEARCH_EXAMPLES]] + [t.title for t in topics]
    return tuple(dict.fromkeys(names))[:SEARCH_EXAMPLES]


# What each kind of query reads of the articles, as one part of them: ("topic", id) is
# every article in that topic (its list, their order and their texts' mentions). A kind
# not here reads more (the evidence, the near copies) and is evaluated on every change;
# "entity-events" reads topics.yaml and entities.yaml alone, never an article.
# "machine-rewrite-aliases" is not here: it reads which spelling a text writes, which an
# edit changes without changing the text's mentions ("Recep" to "Receptacle Erdogan").
Part = tuple[str, str]
EVERY_ARTICLE: Part = ("articles", "")
PART_READ: Mapping[str, Callable[[Any], Part]] = {
    "articles": lambda _: EVERY_ARTICLE,
    "search-examples": lambda _: EVERY_ARTICLE,
    "topic-articles": lambda topic: ("topic", topic),
    "topic-entities": lambda topic: ("topic", topic),
    "mention-graph": lambda topic_and_limit: (
        ("topic", topic_and_limit[0]) if topic_and_limit[0] else EVERY_ARTICLE
    ),
    "source-articles": lambda source: ("source", source),
    "entity-articles": lambda entity: ("entity", entity),
    "entity-topics": lambda entity: ("entity", entity),
    "co-mentions": lambda entity_and_limit: ("entity", entity_and_limit[0]),
    "rewrites": lambda slug: ("rewrites", slug),
    "entity-events": lambda entity: ("events", entity),
}


def part_read(query: Query) -> Part | None:
    """The part of the articles a query reads, or None: it may read anything."""
    kind, argument = query
    read = PART_READ.get(kind)
    return None if read is None else read(argument)


def parts_of(slugs: Iterable[str], data: SiteData) -> set[Part]:
    """The parts of the articles these articles are in (as `data` has them): their
    topics, source, the original they rewrite and the entities their texts name."""
    parts: set[Part] = set()
    for slug in slugs:
        article = data.site.articles.get(slug)
        if article is None:
            continue
        parts.update(("topic", topic) for topic in article.topics)
        parts.add(("source", article.source))
        if article.rewrite_of:
            parts.add(("rewrites", article.rewrite_of))
        parts.update(("entity", entity) for entity, _ in data.graph.mentions.get(slug, ()))
    return parts


def index_by_part(queries: Iterable[Query]) -> dict[Part | None, list[Query]]:
    """The queries grouped by the part of the articles they read (None: any part)."""
    index: dict[Part | None, list[Query]] = {}
    for query in queries:
        index.setdefault(part_read(query), []).append(query)
    return index


# Queries about one entity (their argument's first item) that change only with the text of
# an article naming it.
BY_TEXT_ONLY = frozenset({"co-mentions"})


def _claim_key(claim: str) -> tuple[str, str, int]:
    topic, kind, index = claim.rsplit("/", 2)
    return topic, kind, int(index)


def evaluate(query: Query, data: SiteData) -> Hashable:
    kind, argument = query
    return QUERIES[kind](data, argument)


def may_have_changed(query: Query, named_in_changed_texts: frozenset[str]) -> bool:
    """Whether a query must be evaluated again to know its value: all cost little but
    those made from article texts alone, which only a change to a text naming the entity
    can change. (Evaluating co-mentions for every entity was most of a rebuild.)"""
    kind, argument = query
    return kind not in BY_TEXT_ONLY or argument[0] in named_in_changed_texts
