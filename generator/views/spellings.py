"""How an entity's name is written: the spellings others write, and apart from them those
found only in machine rewrites, with the articles and sources they come from. Worked out
from the articles' texts and their sources' kinds, not curated."""

from __future__ import annotations

from dataclasses import dataclass

from generator.content.model import Entity, Source
from generator.reads.reader import Reader


@dataclass(frozen=True, slots=True)
class GarbledSpelling:
    """An alias only machine rewrites write: in how many articles, from which sources."""

    alias: str
    articles: int
    sources: tuple[Source, ...]  # in the order of their newest article here


@dataclass(frozen=True, slots=True)
class Spellings:
    written: tuple[str, ...]  # the aliases as entities.yaml lists them, garbled ones left out
    garbled: tuple[GarbledSpelling, ...]


def spellings(reader: Reader, entity: Entity) -> Spellings:
    """A person's spellings only machine rewrites write are set apart: in practice they
    are garbles ("Receptacle Erdogan"). A place's or a body's other names are real names
    a paraphrase happens to use ("Türkiye", "Kiev", "Britain"), so they are not."""
    if entity.kind != "person":
        return Spellings(entity.aliases, ())
    found = reader.ask("machine-rewrite-aliases", entity.id)
    garbled = tuple(_garbled(reader, alias, slugs) for alias, slugs in found)
    apart = {spelling.alias for spelling in garbled}
    return Spellings(tuple(a for a in entity.aliases if a not in apart), garbled)


def _garbled(reader: Reader, alias: str, slugs: tuple[str, ...]) -> GarbledSpelling:
    source_ids = dict.fromkeys(article.source for article in reader.articles(slugs))
    return GarbledSpelling(alias, len(slugs), tuple(reader.source(s) for s in source_ids))
