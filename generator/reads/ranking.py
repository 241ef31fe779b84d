"""Entity rankings: who is named with whom and who is involved in a topic, ranked by
shared articles, then by mentions, then by id, so ties never fall to the alphabet alone."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import combinations


@dataclass(frozen=True, slots=True, order=True)
class Rank:
    entity_id: str
    articles: int  # articles that name it (with the other entity, or in the topic)
    mentions: int  # how often those articles name it


def rank(slugs: Iterable[str], mentions: Mapping[str, Iterable[tuple[str, int]]],
         leave_out: str = "") -> tuple[Rank, ...]:
    """The entities named in `slugs`, most articles first, then most mentions."""
    articles: Counter[str] = Counter()
    counts: Counter[str] = Counter()
    for slug in slugs:
        for entity_id, count in mentions.get(slug, ()):
            if entity_id != leave_out:
                articles[entity_id] += 1
                counts[entity_id] += count
    ranks = (Rank(entity_id, articles[entity_id], counts[entity_id]) for entity_id in articles)
    return tuple(sorted(ranks, key=lambda r: (-r.articles, -r.mentions, r.entity_id)))


def first(ranks: tuple[Rank, ...], limit: int) -> tuple[int, tuple[Rank, ...]]:
    """How many there are, and the first `limit`: a query keeps only what a page shows."""
    return len(ranks), ranks[:limit]


def co_mention_graph(
    slugs: Iterable[str], mentions: Mapping[str, Iterable[tuple[str, int]]], limit: int
) -> tuple[int, tuple[tuple[str, int], ...], tuple[tuple[tuple[str, str], int], ...]]:
    """How many entities `slugs` name; the `limit` most-named of them (ties by id) with
    their articles; and the articles each pair of those shares. Only what is drawn is
    kept: a query's value is held until the next build."""
    named = [sorted({entity_id for entity_id, _ in mentions.get(slug, ())}) for slug in slugs]
    articles: Counter[str] = Counter()
    for entities in named:
        articles.update(entities)
    kept = sorted(articles, key=lambda entity_id: (-articles[entity_id], entity_id))[:limit]
    chosen = set(kept)
    shared: Counter[tuple[str, str]] = Counter()
    for entities in named:
        shared.update(combinations([e for e in entities if e in chosen], 2))
    drawn = tuple(sorted((entity_id, articles[entity_id]) for entity_id in kept))
    return len(articles), drawn, tuple(sorted(shared.items()))
