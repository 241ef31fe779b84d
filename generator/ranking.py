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


def co_mention_graph(
    slugs: Iterable[str], mentions: Mapping[str, Iterable[tuple[str, int]]]
) -> tuple[tuple[tuple[str, int], ...], tuple[tuple[tuple[str, str], int], ...]]:
    """Articles per entity, and shared articles per pair of entities, sorted."""
    articles: Counter[str] = Counter()
    shared: Counter[tuple[str, str]] = Counter()
    for slug in slugs:
        named = sorted({entity_id for entity_id, _ in mentions.get(slug, ())})
        articles.update(named)
        shared.update(combinations(named, 2))
    return tuple(sorted(articles.items())), tuple(sorted(shared.items()))
