"""Entity lists as pages show them: ranked, counted in one stated unit ("3 articles",
"5 mentions"), and split into the first few and the rest behind "show all"."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from generator.content.model import ENTITY_KINDS, Entity
from generator.reads.ranking import Rank
from generator.reads.reader import Reader
from generator.views.items import KIND_HEADINGS

SHOWN = 12  # chips shown before "show all"
NAMED_WITH = 60  # an entity page lists at most this many co-mentioned entities


@dataclass(frozen=True, slots=True)
class EntityCount:
    entity: Entity
    count: int
    unit: str  # "article" or "mention"

    @property
    def units(self) -> str:
        """'article' or 'articles', as the count asks."""
        return self.unit if self.count == 1 else self.unit + "s"


@dataclass(frozen=True, slots=True)
class EntityList:
    heading: str
    shown: tuple[EntityCount, ...]
    more: tuple[EntityCount, ...]  # behind "show all"
    named: int = 0  # how many there were before the list was cut to its first ones

    @property
    def items(self) -> tuple[EntityCount, ...]:
        return self.shown + self.more

    @property
    def total(self) -> int:
        return len(self.shown) + len(self.more)


def split(heading: str, items: tuple[EntityCount, ...], shown: int = SHOWN) -> EntityList:
    """All of them when only a few would be left over, else the first `shown` and the rest."""
    if len(items) <= shown + 3:
        return EntityList(heading, items, ())
    return EntityList(heading, items[:shown], items[shown:])


def by_articles(reader: Reader, ranks: Iterable[Rank]) -> tuple[EntityCount, ...]:
    return tuple(EntityCount(reader.entity(r.entity_id), r.articles, "article") for r in ranks)


def by_mentions(reader: Reader, pairs: Iterable[tuple[str, int]]) -> tuple[EntityCount, ...]:
    return tuple(EntityCount(reader.entity(e), count, "mention") for e, count in pairs)


def by_kind(items: tuple[EntityCount, ...]) -> tuple[EntityList, ...]:
    """One list per kind that has any: people, organisations, places."""
    return tuple(
        split(KIND_HEADINGS[kind], members)
        for kind in ENTITY_KINDS
        if (members := tuple(item for item in items if item.entity.kind == kind))
    )


def named_with(reader: Reader, entity: Entity) -> EntityList:
    """Who the articles naming `entity` also name: most shared articles, then mentions;
    the first NAMED_WITH only (in a large archive nearly everyone is named with everyone)."""
    total, ranks = reader.ask("co-mentions", (entity.id, NAMED_WITH))
    return replace(split("Named with", by_articles(reader, ranks)), named=total)


def involved(reader: Reader, topic_id: str) -> tuple[EntityList, ...]:
    """Who and where a topic's articles name, by articles, then mentions."""
    return by_kind(by_articles(reader, reader.ask("topic-entities", topic_id)))


def mentioned(reader: Reader, slug: str) -> tuple[EntityList, ...]:
    """Who and where an article names, by mentions."""
    return by_kind(by_mentions(reader, reader.mentions(slug)))
