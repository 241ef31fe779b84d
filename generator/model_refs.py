"""References between records: an id written in one record that must name another."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .errors import Position
from .fields import FieldReader


@dataclass(frozen=True, slots=True)
class Reference:
    kind: str  # "source", "topic", "article" or "entity"
    id: str
    position: Position


def references_to(kind: str, ids: Iterable[str], fields: FieldReader, name: str) -> list[Reference]:
    return [Reference(kind, ref, fields.at(name, index)) for index, ref in enumerate(ids)]


def rewrite_loops(rewrite_of: Mapping[str, str]) -> list[list[str]]:
    """Each loop of 'a rewrites b rewrites ... a' once, starting at its smallest slug
    (an article that rewrites itself is reported on its own)."""
    loops, done = [], set()
    for start in sorted(rewrite_of):
        chain: list[str] = []
        slug = start
        while slug in rewrite_of and slug not in chain and slug not in done:
            chain.append(slug)
            slug = rewrite_of[slug]
        loop = chain[chain.index(slug) :] if slug in chain else []
        if len(loop) > 1:
            first = loop.index(min(loop))
            loops.append(loop[first:] + loop[:first])
        done.update(chain)
    return loops
