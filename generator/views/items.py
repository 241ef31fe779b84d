"""What templates show: each view hands a template everything it lays out (an article
card carries its source and grade), so templates never look ids up. Views read the
site through a `Reader`, so what a page shows is what it is recorded to depend on."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from markupsafe import Markup

from generator.content.curation import RELIABILITY, Event, Quote
from generator.content.model import Article, Entity, Source, Topic
from generator.evidence import provenance
from generator.evidence.claims import Evidence
from generator.reads.reader import Reader
from generator.views.evidence import ClaimView, StatusNotice, card_status, claim_view

KIND_HEADINGS = {"person": "People", "organisation": "Organisations", "place": "Places"}


@dataclass(frozen=True, slots=True)
class ArticleCard:
    article: Article
    source: Source
    grade: provenance.Grade


@dataclass(frozen=True, slots=True)
class TopicCard:
    topic: Topic
    summary: Markup
    article_count: int
    status: StatusNotice | None = None  # "all N … unconfirmed", "5 of 19 … unconfirmed"


@dataclass(frozen=True, slots=True)
class SourceCard:
    source: Source
    reliability: str  # the source's Admiralty letter, F when it is not graded
    reliability_meaning: str
    article_count: int


@dataclass(frozen=True, slots=True)
class FactView:
    text: Markup
    cites: tuple[ArticleCard, ...]
    anchor: str
    corroboration: provenance.Corroboration
    credibility: str  # "1".."6", or "" when the fact is not graded itself
    claim: ClaimView


@dataclass(frozen=True, slots=True)
class QuoteView:
    quote: Quote
    speaker: Entity
    topic: Topic
    cites: tuple[ArticleCard, ...]
    corroboration: provenance.Corroboration
    claim: ClaimView


@dataclass(frozen=True, slots=True)
class TimelineItem:
    event: Event
    topic: Topic
    cites: tuple[ArticleCard, ...]
    claim: ClaimView  # its provenance and labels


@dataclass(frozen=True, slots=True)
class EventView:
    """A timeline entry of a topic page, with its evidence."""

    event: Event
    topic: Topic
    cites: tuple[ArticleCard, ...]
    claim: ClaimView


def card(reader: Reader, slug: str) -> ArticleCard:
    article = reader.article(slug)
    return ArticleCard(article, reader.source(article.source), reader.grade(slug))


def cards(reader: Reader, slugs: Iterable[str]) -> tuple[ArticleCard, ...]:
    return tuple(card(reader, slug) for slug in slugs)


def originals_first(cards: Iterable[ArticleCard]) -> tuple[ArticleCard, ...]:
    """The cards in their order, but each rewrite right after the original it rewrites when
    that is listed too: a reader meets the original first."""
    listed = list(cards)
    present = {c.article.slug for c in listed}
    rewrites: dict[str, list[ArticleCard]] = {}
    for c in listed:
        if c.article.rewrite_of in present and c.article.rewrite_of != c.article.slug:
            rewrites.setdefault(c.article.rewrite_of, []).append(c)
    placed = {c.article.slug for group in rewrites.values() for c in group}
    ordered: list[ArticleCard] = []
    seen: set[str] = set()

    def place(c: ArticleCard) -> None:
        if c.article.slug in seen:  # a loop of rewrites is placed once
            return
        seen.add(c.article.slug)
        ordered.append(c)
        for rewrite in rewrites.get(c.article.slug, ()):
            place(rewrite)

    for c in listed:
        if c.article.slug not in placed:
            place(c)
    ordered.extend(c for c in listed if c.article.slug not in seen)  # rewrites in a loop
    return tuple(ordered)


def fact_views(reader: Reader, topic: Topic) -> tuple[FactView, ...]:
    texts = reader.topic_texts()
    views = []
    for index, fact in enumerate(topic.key_facts):
        evidence = reader.evidence(topic.id, "fact", index)
        claim = read_claim(reader, evidence, fact.credibility)
        views.append(
            FactView(
                texts.facts[(topic.id, index)],
                cards(reader, fact.cites),
                fact_anchor(index),
                claim.corroboration,
                fact.credibility,
                claim,
            )
        )
    return tuple(views)


def read_claim(reader: Reader, evidence: Evidence, credibility: str = "") -> ClaimView:
    """A claim with its evidence and provenance, read through the page's reader."""
    lineage = reader.lineage(support.slug for support in evidence.supports)
    return claim_view(reader.site, evidence, credibility, lineage)


def fact_anchor(index: int) -> str:
    return f"fact-{index + 1}"


def citations(reader: Reader, slug: str) -> tuple[tuple[Topic, ClaimView], ...]:
    """(topic, claim) for each fact, event and quote that cites the article and that its
    text supports: a claim its text does not make is not listed."""
    return tuple(
        (reader.topic(item.claim.topic), read_claim(reader, item))
        for item in reader.supported_claims(slug)
    )


def quote_views(
    reader: Reader, topics: Iterable[Topic], speaker: str | None = None
) -> tuple[QuoteView, ...]:
    """The quotes of `topics` (of one speaker, if given), with the articles they cite."""
    views = []
    for topic in topics:
        for index, quote in enumerate(topic.quotes):
            if speaker is not None and quote.speaker != speaker:
                continue
            claim = read_claim(reader, reader.evidence(topic.id, "quote", index))
            views.append(
                QuoteView(
                    quote,
                    reader.entity(quote.speaker),
                    topic,
                    cards(reader, quote.cites),
                    claim.corroboration,
                    claim,
                )
            )
    return tuple(views)


def event_views(reader: Reader, topic: Topic) -> tuple[EventView, ...]:
    """The topic's events oldest first, each with its evidence (its anchor 'event-N'
    numbers it by its place in topics.yaml)."""
    views = [
        EventView(
            event,
            topic,
            cards(reader, event.cites),
            read_claim(reader, reader.evidence(topic.id, "event", index)),
        )
        for index, event in enumerate(topic.events)
    ]
    return tuple(sorted(views, key=lambda view: (view.event.date, view.event.text)))


def speaker_quotes(reader: Reader, entity: Entity) -> tuple[QuoteView, ...]:
    return quote_views(reader, reader.topics(), entity.id)


def timeline(
    reader: Reader, topics: Iterable[Topic] | None = None, only: Iterable[Event] | None = None
) -> tuple[TimelineItem, ...]:
    """Events oldest first (of `only` these, if given), with the articles they cite."""
    wanted = None if only is None else {id(event) for event in only}
    return tuple(
        TimelineItem(
            entry.event,
            entry.topic,
            cards(reader, entry.event.cites),
            read_claim(reader, reader.evidence(entry.topic.id, "event", entry.index)),
        )
        for entry in provenance.timeline_events(reader.topics() if topics is None else topics)
        if wanted is None or id(entry.event) in wanted
    )


def entity_timeline(reader: Reader, entity: Entity) -> tuple[TimelineItem, ...]:
    events = [
        reader.topic(topic_id).events[index]
        for topic_id, index in reader.ask("entity-events", entity.id)
    ]
    return timeline(reader, only=events)


def entity_groups(reader: Reader) -> tuple[tuple[str, tuple], ...]:
    """(kind heading, ((country, ((entity, article count), ...)), ...)) with countries and
    names in order."""
    groups = []
    for kind, heading in KIND_HEADINGS.items():
        members = sorted(
            (e for e in reader.entities() if e.kind == kind),
            key=lambda e: (e.country or "~", e.name.casefold()),
        )
        countries: dict[str, list[tuple[Entity, int]]] = {}
        for entity in members:
            count = len(reader.ask("entity-articles", entity.id))
            countries.setdefault(entity.country or "Other", []).append((entity, count))
        groups.append((heading, tuple((c, tuple(es)) for c, es in countries.items())))
    return tuple(groups)


def topic_cards(reader: Reader) -> tuple[TopicCard, ...]:
    summaries = reader.topic_texts().summaries
    return tuple(
        TopicCard(
            topic,
            summaries[topic.id],
            len(reader.ask("topic-articles", topic.id)),
            card_status(topic_claims(reader, topic)),
        )
        for topic in reader.topics()
    )


def topic_claims(reader: Reader, topic: Topic) -> tuple[ClaimView, ...]:
    """Every key fact, event and quote of a topic, as its page reads them."""
    facts = [
        read_claim(reader, reader.evidence(topic.id, "fact", index), fact.credibility)
        for index, fact in enumerate(topic.key_facts)
    ]
    others = [
        read_claim(reader, reader.evidence(topic.id, kind, index))
        for kind, items in (("event", topic.events), ("quote", topic.quotes))
        for index in range(len(items))
    ]
    return (*facts, *others)


def source_cards(reader: Reader) -> tuple[SourceCard, ...]:
    cards = []
    for source in reader.sources():
        letter = source.reliability or provenance.UNGRADED_RELIABILITY
        count = len(reader.ask("source-articles", source.id))
        cards.append(SourceCard(source, letter, RELIABILITY[letter], count))
    return tuple(cards)
