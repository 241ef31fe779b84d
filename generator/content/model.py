"""The content model: a `Site` made of frozen records (its config, sources, entities, topics
and articles), as `assemble` builds and validates it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from generator.content.curation import (
    Event,
    KeyFact,
    Quote,
)
from generator.errors import Position
from generator.routes import split_url

ENTITY_KINDS = ("person", "organisation", "place")
CARD_CHOICES = ("page", "site")  # site.yaml's `cards`: each page its own social card, or one


@dataclass(frozen=True, slots=True)
class Config:
    title: str
    description: str
    base_url: str  # absolute, ends with '/'
    language: str
    cards: str = "page"  # one of CARD_CHOICES

    @property
    def base_path(self) -> str:
        """The URL path the site lives under: '/' or '/repo/'."""
        path = split_url(self.base_url).path or "/"
        return path if path.endswith("/") else path + "/"


@dataclass(frozen=True, slots=True)
class Source:
    id: str
    name: str
    url: str
    kind: str
    description: str
    position: Position
    reliability: str = ""  # Admiralty grade A-F
    reliability_note: str = ""


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    name: str
    kind: str
    description: str
    aliases: tuple[str, ...]
    position: Position
    country: str = ""


@dataclass(frozen=True, slots=True)
class Topic:
    id: str
    title: str
    summary: str
    key_facts: tuple[KeyFact, ...]
    related: tuple[str, ...]
    position: Position
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    # the editor's word on the reports themselves (who carries what): shown under the
    # summary, and not checked against them as the summary is
    note: str = ""


@dataclass(frozen=True, slots=True)
class Article:
    slug: str
    title: str
    date: dt.date
    source: str
    url: str
    topics: tuple[str, ...]
    summary: str
    rewrite_of: str
    body: str
    body_line: int
    position: Position
    credibility: str = ""  # Admiralty grade 1-6
    date_inferred: bool = False  # the text gave no date: it was supplied, and the page says so
    draft: bool = False  # left out of `build` unless --drafts; the preview shows it
    scheduled: bool = False  # dated after the build's day, and shown (--future, the preview)
    language: str = ""  # its own language tag ('language:'), if not the site's
    updated: dt.date | None = None  # last corrected or updated ('updated:' or 'lastmod:')
    aliases: tuple[str, ...] = ()  # old site paths ('/old/path/') that redirect here
    alias_positions: tuple[Position, ...] = ()  # where each alias is written

    @property
    def modified(self) -> dt.date:
        return self.updated or self.date


@dataclass(frozen=True, slots=True)
class Site:
    config: Config
    sources: Mapping[str, Source]
    entities: Mapping[str, Entity]
    topics: Mapping[str, Topic]
    articles: Mapping[str, Article]  # newest first, then by slug
