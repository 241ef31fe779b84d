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

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from generator.content.model import Article, Entity, Site, Source, Topic
from generator.copies.lineage import Lineage
from generator.evidence.claims import Evidence
from generator.evidence.provenance import Grade, article_grade
from generator.reads.queries import QUERIES, Query, QueryArgument, SiteData
from generator.reads.recording import RecordingMapping
from generator.routes import ARTICLES_FOLDER, ENTITIES_FILE, SOURCES_FILE, TOPICS_FILE
from generator.text.rendered import MarkdownResult
from generator.text.texts import Texts

BODY = "#body"  # suffix of the key that changes when an article's rendered text changes

Key = str | Query  # a file key, or a query


def article_key(slug: str) -> str:
    return f"{ARTICLES_FOLDER}/{slug}.md"


def body_key(slug: str) -> str:
    return article_key(slug) + BODY


@dataclass(frozen=True, slots=True)
class Reads:
    """What one page read: the keys, and the value each query had."""

    keys: frozenset[Key]
    queries: Mapping[Query, Hashable]


class Reader:
    """The site, read by one page: every read is recorded in `keys` and `queries`."""

    def __init__(self, data: SiteData) -> None:
        self.routes = data.routes
        self.config = data.site.config  # site.yaml: a change to it renders every page
        self._data = data
        self.keys: set[Key] = set()
        self.queries: dict[Query, Hashable] = {}
        self._site: Site | None = None

    @property
    def site(self) -> Site:
        """The site as a `Site` (for analysis functions) whose every read is noted."""
        if self._site is None:
            site = self._data.site
            self._site = Site(
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

    def ask(self, kind: str, argument: QueryArgument = "") -> Any:
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
