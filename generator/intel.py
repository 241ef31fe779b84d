"""Analysis for readers: Admiralty grades, independent corroboration, timelines."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .curation import CREDIBILITY, RELIABILITY, Event
from .model import Article, Site, Source, Topic

UNGRADED_RELIABILITY, UNGRADED_CREDIBILITY = "F", "6"  # "cannot be judged"


@dataclass(frozen=True, slots=True)
class Grade:
    """An Admiralty code: source reliability (A-F) and information credibility (1-6)."""

    reliability: str
    credibility: str

    @property
    def code(self) -> str:
        return self.reliability + self.credibility

    @property
    def reliability_meaning(self) -> str:
        return RELIABILITY[self.reliability]

    @property
    def meaning(self) -> str:
        return (
            f"Source: {RELIABILITY[self.reliability].lower()} ({self.reliability}). "
            f"Information: {CREDIBILITY[self.credibility].lower()} ({self.credibility})."
        )


@dataclass(frozen=True, slots=True)
class Corroboration:
    """The independent sources behind a claim, each with the articles that carry it."""

    sources: tuple[tuple[Source, tuple[Article, ...]], ...]

    @property
    def count(self) -> int:
        return len(self.sources)


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    event: Event
    topic: Topic
    articles: tuple[Article, ...]


def article_grade(site: Site, article: Article) -> Grade:
    source = site.sources[article.source]
    return Grade(
        source.reliability or UNGRADED_RELIABILITY, article.credibility or UNGRADED_CREDIBILITY
    )


def original_of(site: Site, article: Article) -> Article:
    """Follow rewrite_of to the first article of the chain (a loop stops where it closes)."""
    seen = {article.slug}
    while article.rewrite_of in site.articles and article.rewrite_of not in seen:
        article = site.articles[article.rewrite_of]
        seen.add(article.slug)
    return article


def corroboration(site: Site, cites: Iterable[str]) -> Corroboration:
    """Group cited articles by the source of their original: a rewrite of an article,
    or a second article from the same outlet, is not an independent confirmation."""
    groups: dict[str, list[Article]] = {}
    for slug in dict.fromkeys(cites):
        article = site.articles[slug]
        groups.setdefault(original_of(site, article).source, []).append(article)
    return Corroboration(tuple((site.sources[s], tuple(arts)) for s, arts in groups.items()))


def timeline_events(topics: Iterable[Topic]) -> tuple[TimelineEntry, ...]:
    """Events oldest first; partial dates sort at the start of their month or year.
    (Their articles are left out: the caller reads those it shows.)"""
    entries = [TimelineEntry(event, topic, ()) for topic in topics for event in topic.events]
    return tuple(sorted(entries, key=lambda e: (e.event.date, e.topic.id, e.event.text)))
