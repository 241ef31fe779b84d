"""Entity rankings: who is named with whom and who is involved in a topic, ranked by
shared articles, then by mentions, then by id, so ties never fall to the alphabet alone."""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import combinations


@dataclass(frozen=True, slots=True, order=True)
class Rank:
    entity_id: str
    articles: int  # articles that name it (with the other entity, or in the topic)
    mentions: int  # how often those articles name it


def rank(
    slugs: Iterable[str], mentions: Mapping[str, Iterable[tuple[str, int]]], leave_out: str = ""
) -> tuple[Rank, ...]:
    """The entities named in `slugs`, most articles first, then most mentions."""
    tallies = _tallies(slugs, mentions)
    tallies.pop(leave_out, None)
    return tuple(Rank(e, tally[0], tally[1]) for e, tally in sorted(tallies.items(), key=_order))


def _tallies(
    slugs: Iterable[str], mentions: Mapping[str, Iterable[tuple[str, int]]]
) -> dict[str, list[int]]:
    """entity id -> [articles, mentions]: a plain dict, as a Counter's misses are slow
    and this runs over every article of every entity page."""
    tallies: dict[str, list[int]] = {}
    for slug in slugs:
        for entity_id, count in mentions.get(slug, ()):
            tally = tallies.get(entity_id)
            if tally is None:
                tallies[entity_id] = [1, count]
            else:
                tally[0] += 1
                tally[1] += count
    return tallies


def _order(item: tuple[str, list[int]]) -> tuple[int, int, str]:
    return -item[1][0], -item[1][1], item[0]


def first(
    slugs: Iterable[str],
    mentions: Mapping[str, Iterable[tuple[str, int]]],
    limit: int,
    leave_out: str = "",
) -> tuple[int, tuple[Rank, ...]]:
    """How many entities `slugs` name, and the first `limit` of `rank(...)` (the rest
    left unordered): a query keeps only what a page shows."""
    tallies = _tallies(slugs, mentions)
    tallies.pop(leave_out, None)
    top = heapq.nsmallest(limit, tallies.items(), key=_order)
    return len(tallies), tuple(Rank(entity_id, tally[0], tally[1]) for entity_id, tally in top)


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
