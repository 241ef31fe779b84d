"""What changed, and when: the date a topic was last updated, and the newest facts,
events and articles across topics, for the "What's new" page and its Atom feed.

A fact is dated by its `added:` date when the curator gives one, else by the newest
article it cites (it cannot be known before it was reported); an event likewise by the
newest article it cites, not by the day it happened (a scheduled event is not news on
its future date)."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from generator.content.model import Site, Topic
from generator.i18n import Strings, strings_for
from generator.pages.kept import PageMaker
from generator.pages.page import Crumb, Page
from generator.reads.link_graph import LinkGraph
from generator.reads.reader import Reader
from generator.routes import Routes
from generator.text.texts import Texts
from generator.views import items as views
from generator.views.evidence import ClaimView, Label

SHOWN = 60  # changes on the page
FEED_LENGTH = 50
NO_DATE = dt.date(2000, 1, 1)
KINDS = ("fact", "event", "article")


@dataclass(frozen=True, slots=True)
class Change:
    date: dt.date
    kind: str  # "fact", "event" or "article"
    topic: Topic
    text: Markup
    path: str  # the page (and anchor) that shows it
    key: str  # a stable name for it, for the "new since your last visit" marker
    cites: tuple[views.ArticleCard, ...]
    claim: ClaimView | None = None  # a fact's or an event's, whose labels travel with it

    @property
    def labels(self) -> tuple[Label, ...]:
        """Inferred, unconfirmed...: in English, as the feed carries them."""
        return self.claim.labels if self.claim else ()

    def labels_in(self, t: Strings) -> tuple[Label, ...]:
        return self.claim.labels_in(t) if self.claim else ()


def item_key(*parts: str) -> str:
    """A short stable name for a fact, an event or an article, made from what it says."""
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:12]


def _newest(cards: Iterable[views.ArticleCard]) -> dt.date:
    return max((card.article.date for card in cards), default=NO_DATE)


def topic_changes(reader: Reader, topic: Topic) -> tuple[Change, ...]:
    """Every fact, event and article of a topic, dated by when it came in, newest first."""
    routes = reader.routes
    page = routes.topic(topic.id)
    changes = []
    for index, fact in enumerate(views.fact_views(reader, topic)):
        added = topic.key_facts[index].added or _newest(fact.cites)
        key = item_key("fact", topic.id, fact.text)
        changes.append(Change(added, "fact", topic, fact.text, f"{page}#{fact.anchor}", key,
                              fact.cites, fact.claim))
    for item in views.timeline(reader, [topic]):
        text = Markup.escape(f"{item.event.date.label()}: {item.event.text}")
        key = item_key("event", topic.id, item.event.text)
        changes.append(Change(_newest(item.cites), "event", topic, text,
                              f"{page}#timeline-heading", key, item.cites, item.claim))
    for card in views.cards(reader, reader.ask("topic-articles", topic.id)):
        path = routes.article(card.article.slug)
        changes.append(Change(card.article.date, "article", topic,
                              Markup.escape(card.article.title), path,
                              article_key(card.article.slug), (card,)))
    return newest_first(changes)


def article_key(slug: str) -> str:
    return item_key("article", slug)


def newest_first(changes: Iterable[Change]) -> tuple[Change, ...]:
    """Newest first; on one day facts, then events, then articles, each in topic order."""
    return tuple(sorted(changes, key=lambda c: (-c.date.toordinal(), KINDS.index(c.kind))))


def updated(changes: Iterable[Change]) -> dt.date | None:
    """The newest date of a topic's articles, facts and events."""
    return max((change.date for change in changes), default=None)


def fact_keys(changes: Iterable[Change]) -> dict[str, str]:
    """The marker key of each fact, by its anchor on the topic page."""
    return {c.path.partition("#")[2]: c.key for c in changes if c.kind == "fact"}


def article_keys(changes: Iterable[Change]) -> dict[str, str]:
    """The marker key of each article, by slug."""
    return {c.cites[0].article.slug: c.key for c in changes if c.kind == "article"}


def site_changes(reader: Reader) -> tuple[Change, ...]:
    """Every topic's changes; an article in two topics is listed once, under the first."""
    every = newest_first(c for topic in reader.topics() for c in topic_changes(reader, topic))
    return _unique(every)


def _unique(changes: Iterable[Change]) -> tuple[Change, ...]:
    return tuple({change.key: change for change in reversed(tuple(changes))}.values())[::-1]


def whats_new_pages(
    site: Site, graph: LinkGraph, texts: Texts, routes: Routes, made: PageMaker | None = None
) -> list[Page]:
    """The "What's new" page, and an Atom feed of new and changed facts and events."""

    def page(reader: Reader) -> dict[str, Any]:
        return {"changes": site_changes(reader)[:SHOWN]}

    def feed(reader: Reader) -> dict[str, Any]:
        changes = [c for c in site_changes(reader) if c.kind != "article"][:FEED_LENGTH]
        return {"changes": changes, "updated": changes[0].date if changes else NO_DATE}

    t = strings_for(site.config.language)
    title = t("nav.whats_new")
    feed_title = t("whats_new.feed_title", site=site.config.title)
    return [
        Page(
            routes.whats_new,
            "whats-new.html",
            title,
            page,
            (Crumb(t("nav.home"), routes.home), Crumb(title, routes.whats_new)),
            feeds=(Crumb(feed_title, routes.whats_new_feed),),
        ),
        Page(routes.whats_new_feed, "changes.xml", feed_title, feed),
    ]
