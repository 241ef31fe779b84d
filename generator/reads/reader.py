"""What a page read while it was made: the site as pages see it, through a view that
records every read.

A page's context function gets a `Reader`, never the site itself. Each record it
fetches is noted by the key of the file it came from ('articles/x.md' for an article's
front matter, 'articles/x.md#body' for its text, 'topics.yaml' …), and each derived
collection it asks for (the articles of a topic, who is named with whom) is noted as a
query with the value it had. A page whose reads all have the same values as when it
was last rendered would render the same bytes, so a rebuild renders only the pages
one of whose reads changed: Lektor's recorded dependencies, without its globals."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from generator.content.model import Article, Entity, Site, Source, Topic
from generator.copies.lineage import Lineage
from generator.evidence.claims import Evidence
from generator.evidence.provenance import Grade, article_grade
from generator.evidence.site_check import SiteEvidence
from generator.evidence.summaries import SummaryCheck
from generator.reads.link_graph import LinkGraph
from generator.reads.ranking import co_mention_graph, first, rank
from generator.routes import Routes
from generator.text.rendered import MarkdownResult
from generator.text.texts import Texts

TOPICS_FILE = "topics.yaml"
ENTITIES_FILE = "entities.yaml"
SOURCES_FILE = "sources.yaml"
BODY = "#body"  # suffix of the key that changes when an article's rendered text changes

Query = tuple[str, str]  # (query kind, argument)
Key = str | Query  # a file key, or a query


def article_key(slug: str) -> str:
    return f"articles/{slug}.md"


def body_key(slug: str) -> str:
    return article_key(slug) + BODY


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


QUERIES: Mapping[str, Callable[[SiteData, str], Hashable]] = {
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
        rank(
            data.graph.articles_by_entity.get(entity_and_limit[0], ()),
            data.graph.mentions,
            leave_out=entity_and_limit[0],
        ),
        entity_and_limit[1],
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
}

SEARCH_EXAMPLES = 3


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


@dataclass(frozen=True, slots=True)
class Reads:
    """What one page read: the keys, and the value each query had."""

    keys: frozenset[Key]
    queries: Mapping[Query, Hashable]


class RecordingMapping(Mapping[str, Any]):
    """A mapping of the site whose reads are noted: one item, or the whole of it."""

    def __init__(
        self, items: Mapping[str, Any], item: Callable[[str], None], whole: Callable[[], None]
    ) -> None:
        self._items, self._item, self._whole = items, item, whole

    def __getitem__(self, key: str) -> Any:
        self._item(key)
        return self._items[key]

    def __iter__(self) -> Iterator[str]:
        self._whole()
        return iter(self._items)

    def __len__(self) -> int:
        self._whole()
        return len(self._items)

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str):
            return False
        self._item(key)  # an item's key changes when it comes or goes
        return key in self._items


@dataclass(frozen=True, slots=True)
class RecordingSite:
    """Reads like a `Site`, so the analysis functions take it as they are."""

    config: Any
    sources: RecordingMapping
    entities: RecordingMapping
    topics: RecordingMapping
    articles: RecordingMapping


class Reader:
    """The site, read by one page: every read is recorded in `keys` and `queries`."""

    def __init__(self, data: SiteData) -> None:
        self.routes = data.routes
        self.config = data.site.config  # site.yaml: a change to it renders every page
        self._data = data
        self.keys: set[Key] = set()
        self.queries: dict[Query, Hashable] = {}
        self._site: RecordingSite | None = None

    @property
    def site(self) -> RecordingSite:
        """The site, read as a `Site` is (for analysis functions), every read noted."""
        if self._site is None:
            site = self._data.site
            self._site = RecordingSite(
                site.config,
                self._file_mapping(site.sources, SOURCES_FILE),
                self._file_mapping(site.entities, ENTITIES_FILE),
                self._file_mapping(site.topics, TOPICS_FILE),
                RecordingMapping(
                    site.articles,
                    lambda slug: self.keys.add(article_key(slug)),
                    lambda: self.ask("articles"),
                ),
            )
        return self._site

    def _file_mapping(self, items: Mapping[str, Any], key: str) -> RecordingMapping:
        def note(*_: str) -> None:
            self.keys.add(key)

        return RecordingMapping(items, note, note)

    def ask(self, kind: str, argument: str = "") -> Any:
        """A derived collection: its value is recorded, so a change to it is seen."""
        query = (kind, argument)
        value = self.queries.get(query)
        if value is None:
            value = self.queries[query] = QUERIES[kind](self._data, argument)
            self.keys.add(query)
        return value

    def article(self, slug: str) -> Article:
        self.keys.add(article_key(slug))
        return self._data.site.articles[slug]

    def articles(self, slugs: Iterable[str]) -> tuple[Article, ...]:
        return tuple(self.article(slug) for slug in slugs)

    def body(self, slug: str) -> MarkdownResult:
        self.keys.add(body_key(slug))
        return self._data.texts.bodies[slug]

    def mentions(self, slug: str) -> tuple[tuple[str, int], ...]:
        """(entity id, count) named in an article's text, most first."""
        self.keys.add(body_key(slug))
        return self._data.graph.mentions.get(slug, ())

    def grade(self, slug: str) -> Grade:
        self.keys.add(SOURCES_FILE)
        return article_grade(self._data.site, self.article(slug))

    def topic(self, topic_id: str) -> Topic:
        self.keys.add(TOPICS_FILE)
        return self._data.site.topics[topic_id]

    def topics(self) -> tuple[Topic, ...]:
        self.keys.add(TOPICS_FILE)
        return tuple(self._data.site.topics.values())

    def topic_texts(self) -> Texts:
        """Rendered summaries and facts: made from topics.yaml alone."""
        self.keys.add(TOPICS_FILE)
        return self._data.texts

    def cited_by(self, slug: str) -> tuple[Any, ...]:
        self.keys.add(TOPICS_FILE)
        return self._data.graph.cited_by.get(slug, ())

    def related_topics(self, topic_id: str) -> tuple[Topic, ...]:
        self.keys.add(TOPICS_FILE)
        return tuple(self.topic(t) for t in self._data.graph.related_topics.get(topic_id, ()))

    def evidence(self, topic_id: str, kind: str, index: int) -> Evidence:
        """A claim's support check, recorded by its value: it changes only when the
        claim or the passages found for it in the articles it read change."""
        return self.ask("evidence", f"{topic_id}/{kind}/{index}")

    def supported_claims(self, slug: str, *, cited: bool = True) -> tuple[Evidence, ...]:
        """The claims this article's text supports (see SiteEvidence.citing)."""
        return self.ask("supported-claims" if cited else "supporting-claims", slug)

    def lineage(self, slugs: Iterable[str]) -> Lineage:
        """What the articles `slugs` copy, up their chains (recorded per article)."""
        parents: dict[str, str] = {}
        undeclared = set()
        for slug in slugs:
            child = slug
            for parent, was_declared in self.ask("lineage", slug):
                parents[child] = parent
                if not was_declared:
                    undeclared.add(child)
                child = parent
        return Lineage(parents, frozenset(undeclared))

    def entity(self, entity_id: str) -> Entity:
        self.keys.add(ENTITIES_FILE)
        return self._data.site.entities[entity_id]

    def entities(self) -> tuple[Entity, ...]:
        self.keys.add(ENTITIES_FILE)
        return tuple(self._data.site.entities.values())

    def source(self, source_id: str) -> Source:
        self.keys.add(SOURCES_FILE)
        return self._data.site.sources[source_id]

    def sources(self) -> tuple[Source, ...]:
        self.keys.add(SOURCES_FILE)
        return tuple(self._data.site.sources.values())
