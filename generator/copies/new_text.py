"""Near copies of one new text among many articles, by the measure `check` uses.

`check` finds near copies among all the articles at once (copies/near_copies.py); an
import asks about one text at a time, many times in a batch, so the word pairs of
the archive are indexed once and each new text is added to the index after it is
written. Every holder of a pair is counted here (check skips pairs held by more
than 50 articles), so an exact copy is found however many copies there are."""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Iterable

from generator.copies.near_copies import MIN_PAIRS
from generator.copies.signatures import word_pairs

EXACT_COPY_SHARE = 0.95  # from here on an import is refused without --rewrite-of or --force


class CopyIndex:
    def __init__(self, articles: Iterable[tuple[str, str]]) -> None:
        """`articles` are (slug, body) pairs."""
        self._pairs: dict[str, array[int]] = {}
        self._holders: dict[int, list[str]] = {}
        for slug, body in articles:
            self.add(slug, body)

    def add(self, slug: str, body: str) -> None:
        """Index an article's text, in place of the text it had (an import --force)."""
        if slug in self._pairs:
            for pair in self._pairs[slug]:
                self._holders[pair].remove(slug)
        pairs = word_pairs(body)
        self._pairs[slug] = pairs
        for pair in pairs:
            self._holders.setdefault(pair, []).append(slug)

    def shares(self, body: str, skip: str = "") -> list[tuple[str, float]]:
        """(slug, share of the smaller text's word pairs found in the other), largest
        first, for every article but `skip` that shares any."""
        pairs = word_pairs(body)
        shared: Counter[str] = Counter()
        for pair in pairs:
            shared.update(self._holders.get(pair, ()))
        found = []
        for slug, count in shared.items():
            smaller = min(len(pairs), len(self._pairs[slug]))
            if slug != skip and smaller >= MIN_PAIRS:
                found.append((slug, count / smaller))
        return sorted(found, key=lambda item: (-item[1], item[0]))
