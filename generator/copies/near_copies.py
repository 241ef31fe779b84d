"""Near copies among the articles: candidates from their signatures' MinHash bins (LSH),
each confirmed on the two articles' pairs, so the share reported is exact.

The share of a pair of articles is the number of content-word pairs they have in common,
not counting stock phrases (pairs found in more than COMMON_PAIR_ARTICLES articles), over
the pair count of the smaller one. At NEAR_COPY_SHARE or more the later one is reported.

Candidates: two articles whose sketches agree in at least MIN_AGREEING_BINS of the BINS
bins (each bin an LSH band of one row). A bin agrees with probability about J, the Jaccard
similarity of the two pair sets, so a pair is missed with probability about
P(Binomial(128, J) < 2) = (1-J)^128 + 128 J (1-J)^127. Two articles of equal length that
share 0.2 have J = 0.2 / 1.8 = 0.111: missed with probability 5e-6. P(found) >= 0.99
holds down to J = 0.051, that is (J = s·n / (n + m - s·n) for lengths n <= m) at a share
of 0.2 for articles up to 3.1 times as long as the other, at 0.3 up to 5.2 times. A short
text copied into a much longer one has a small J and may be missed: bench/near_copies.py
measures it. Bins agreeing on a stock phrase do not count (the bound above still holds: a
bin agrees on a shared pair that is not one with probability at least that share of the
union), which keeps the cost near-linear."""

from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from generator.content.model import Article
from generator.copies.holders import Entry, PairHolders
from generator.copies.signatures import BINS, EMPTY, Signature, body_digest, pair_of, sign

NEAR_COPY_SHARE = 0.2  # share of content-word pairs found in the other article
MIN_PAIRS = 20  # too short to judge below this many content-word pairs
COMMON_PAIR_ARTICLES = 50  # a word pair in more articles than this is a stock phrase: ignored
MIN_AGREEING_BINS = 2  # of BINS: one chance agreement is common, two are rare
UPDATE_AT_MOST = 20  # changed articles re-queried one by one; past that, search again
MISS = 0.001  # the chance, by the binomial model, that a pair at NEAR_COPY_SHARE is not
# confirmed: a tenth of the 0.01 asked, as one-permutation bins are not quite independent

Found = tuple[str, str, float]  # (later article, earlier article, share)


@dataclass(frozen=True, slots=True)
class NearCopySearch:
    found: tuple[Found, ...]
    signed: Mapping[bytes, Signature] = field(default_factory=dict)  # new signatures, by digest
    digests: frozenset[bytes] = frozenset()  # the bodies searched: what to keep signatures of
    candidates: int = 0  # pairs confirmed on their word pairs
    entries: tuple[Entry, ...] = ()  # the articles searched, in date order
    similar: tuple[Found, ...] = ()  # what the sketches found (exact copies aside)
    updated: bool = False  # from the last search, re-querying only the changed articles


def search(
    articles: Iterable[Article],
    known: Mapping[bytes, Signature],
    last: NearCopySearch | None = None,
    holders: PairHolders | None = None,
) -> NearCopySearch:
    """Near copies among `articles`; `known` holds signatures by body digest (from the
    build cache): only the other bodies are signed. With `last` (the search before, over
    the same signatures) only the articles added or changed since are re-queried, unless
    a word pair became or stopped being a stock phrase (then all are); `holders`, if
    given, counts the pairs of `last`'s articles (copies/holders.py)."""
    ordered = sorted(articles, key=lambda a: (a.date, a.slug))
    digests = [body_digest(article.body) for article in ordered]
    signed: dict[bytes, Signature] = {}
    for article, digest in zip(ordered, digests, strict=True):
        if digest not in known and digest not in signed:
            signed[digest] = sign(article.body)
    signatures = [known.get(digest) or signed[digest] for digest in digests]
    entries = tuple((a.slug, a.date, d) for a, d in zip(ordered, digests, strict=True))
    if last is not None and last.entries:
        similar = _update(last, entries, signatures, known, holders)
        if similar is not None:
            found = _with_exact_copies(similar, ordered, signatures)
            return NearCopySearch(
                found, signed, frozenset(digests), 0, entries, similar, updated=True
            )
    similar, candidates = _similar(ordered, signatures)
    found = _with_exact_copies(similar, ordered, signatures)
    return NearCopySearch(found, signed, frozenset(digests), candidates, entries, similar)


def _with_exact_copies(
    similar: tuple[Found, ...], ordered: Sequence[Article], signatures: Sequence[Signature]
) -> tuple[Found, ...]:
    known = {(copy, original) for copy, original, _ in similar}
    return tuple(sorted([*similar, *_exact_copies(ordered, signatures, known)]))


def _similar(
    ordered: Sequence[Article], signatures: Sequence[Signature]
) -> tuple[tuple[Found, ...], int]:
    """Pairs found through the sketches, confirmed; and how many were confirmed."""
    pairs = [signature.pair_array() for signature in signatures]
    buckets = _buckets(signatures)
    holders = _holders({pair_of(key) for key in buckets}, pairs)
    rare = [members for key, members in buckets.items() if _rare(pair_of(key), holders)]
    candidates = _candidates(rare, signatures)
    shared = [set(pairs[later]).intersection(pairs[earlier]) for later, earlier in candidates]
    holders.update(_holders(set().union(*shared) - holders.keys(), pairs))
    found = []
    for (later, earlier), common in zip(candidates, shared, strict=True):
        share = _share(len(pairs[later]), len(pairs[earlier]), common, holders)
        if share >= NEAR_COPY_SHARE:
            found.append((ordered[later].slug, ordered[earlier].slug, share))
    return tuple(sorted(found)), len(candidates)


def _update(
    last: NearCopySearch,
    entries: tuple[Entry, ...],
    signatures: Sequence[Signature],
    known: Mapping[bytes, Signature],
    holders_before: PairHolders | None,
) -> tuple[Found, ...] | None:
    """What `_similar` would find now, from what it found last time: the pairs of
    unchanged articles stand (their sketches, lengths and shared pairs are the same)
    as long as no word pair of a changed article crossed the stock-phrase line; the
    changed articles are queried against all. None when that does not hold."""
    before, now = set(last.entries), set(entries)
    gone = [entry for entry in last.entries if entry not in now]
    changed = [index for index, entry in enumerate(entries) if entry not in before]
    if any(entry[2] not in known for entry in gone) or len(changed) > UPDATE_AT_MOST:
        return None
    pairs = [signature.pair_array() for signature in signatures]
    old = Counter(itertools.chain.from_iterable(known[e[2]].pair_array() for e in gone))
    new = Counter(itertools.chain.from_iterable(pairs[index] for index in changed))
    if holders_before is None:
        holders = _holders(set(old) | set(new), pairs)
    else:
        holders = Counter({p: holders_before[p] - old[p] + new[p] for p in old.keys() | new.keys()})
    for pair in old.keys() | new.keys():
        earlier = holders[pair] - new[pair] + old[pair]
        if (earlier <= COMMON_PAIR_ARTICLES) != (holders[pair] <= COMMON_PAIR_ARTICLES):
            return None  # a stock phrase came or went: shares elsewhere may change
    slugs = {entries[index][0] for index in changed} | {entry[0] for entry in gone}
    kept = [f for f in last.similar if f[0] not in slugs and f[1] not in slugs]
    fresh = _query(changed, signatures, pairs, holders)
    found = [(entries[later][0], entries[earlier][0], share) for later, earlier, share in fresh]
    return tuple(sorted(kept + found))


def _query(
    changed: Sequence[int],
    signatures: Sequence[Signature],
    pairs: Sequence[Sequence[int]],
    holders: Mapping[int, int],
) -> list[tuple[int, int, float]]:
    """(later, earlier, share) for the pairs with a changed article that `_similar`
    would confirm: the same agreeing bins (on pairs that are not stock phrases), the
    same bound, the same share."""
    keys = {index: set(signatures[index].sketch_array()) - {EMPTY} for index in changed}
    enough = _Enough()
    found = []
    for index, mine in keys.items():
        rare = {key for key in mine if _rare(pair_of(key), holders)}
        for other, signature in enumerate(signatures):
            if other == index or (other in keys and other < index):
                continue  # itself, or a pair of changed articles already seen
            count = len(rare.intersection(signature.sketch_array()))
            later, earlier = max(index, other), min(index, other)
            if count < MIN_AGREEING_BINS:
                continue
            both = _filled(signatures[earlier]) + _filled(signatures[later]) - BINS
            if count >= enough(both, len(pairs[earlier]), len(pairs[later])):
                common = set(pairs[later]).intersection(pairs[earlier])
                share = _share(len(pairs[later]), len(pairs[earlier]), common, holders)
                if share >= NEAR_COPY_SHARE:
                    found.append((later, earlier, share))
    return found


def _buckets(signatures: Sequence[Signature]) -> dict[int, list[int]]:
    """The articles (indexes, in order) by the value of each sketch bin, for the values
    that at least two and at most COMMON_PAIR_ARTICLES articles share."""
    buckets: dict[int, list[int]] = {}
    for index, signature in enumerate(signatures):
        for key in signature.sketch_array():
            if key != EMPTY:
                buckets.setdefault(key, []).append(index)
    return {
        key: members for key, members in buckets.items() if 1 < len(members) <= COMMON_PAIR_ARTICLES
    }


def _filled(signature: Signature) -> int:
    return sum(1 for key in signature.sketch_array() if key != EMPTY)


def _rare(pair: int, holders: Mapping[int, int]) -> bool:
    return holders[pair] <= COMMON_PAIR_ARTICLES


def _candidates(
    buckets: Iterable[list[int]], signatures: Sequence[Signature]
) -> list[tuple[int, int]]:
    """(later, earlier) index pairs whose sketches agree, on word pairs that are not stock
    phrases, in enough bins that they may share NEAR_COPY_SHARE (see `_Enough`)."""
    agreeing: Counter[tuple[int, int]] = Counter()
    for members in buckets:
        agreeing.update(itertools.combinations(members, 2))
    filled = [_filled(signature) for signature in signatures]
    lengths = [signature.size for signature in signatures]
    enough = _Enough()
    found = []
    for (earlier, later), count in agreeing.items():
        if count >= MIN_AGREEING_BINS:
            both = filled[earlier] + filled[later] - BINS  # bins filled in both, at least
            if count >= enough(both, lengths[earlier], lengths[later]):
                found.append((later, earlier))
    return sorted(found)


class _Enough:
    """The agreeing bins a pair sharing NEAR_COPY_SHARE falls short of with probability
    at most MISS: its pair sets have a Jaccard similarity J of at least
    s·n / (n + m - s·n) (lengths n <= m), so its agreements are at least Binomial(bins, J).
    Never fewer than MIN_AGREEING_BINS. Memoised per search (a few distinct values)."""

    def __init__(self) -> None:
        self._known: dict[tuple[int, int], int] = {}

    def __call__(self, bins: int, first: int, second: int) -> int:
        short, long = sorted((first, second))
        if bins <= 0 or short == 0:
            return MIN_AGREEING_BINS
        jaccard = NEAR_COPY_SHARE * short / (short + long - NEAR_COPY_SHARE * short)
        grid = int(jaccard * 1000)  # rounded down: a lower bound is never stricter
        key = (bins, grid)
        if key not in self._known:
            self._known[key] = max(MIN_AGREEING_BINS, _quantile(bins, grid / 1000))
        return self._known[key]


def _quantile(bins: int, jaccard: float) -> int:
    """The largest t with P(Binomial(bins, jaccard) < t) <= MISS."""
    below, t = 0.0, 0
    while t <= bins:
        below += math.comb(bins, t) * jaccard**t * (1 - jaccard) ** (bins - t)
        if below > MISS:
            return t
        t += 1
    return bins


def _holders(wanted: set[int], pairs: Sequence[Sequence[int]]) -> Counter[int]:
    """How many articles hold each wanted pair."""
    holders: Counter[int] = Counter()
    for article_pairs in pairs:
        holders.update(wanted.intersection(article_pairs))
    return holders


def _share(first: int, second: int, common: set[int], holders: Mapping[int, int]) -> float:
    """The share of the smaller text's pairs (`first`, `second`: their counts) among the
    `common` ones, stock phrases aside; 0 for a text too short to judge."""
    smaller = min(first, second)
    if smaller < MIN_PAIRS:
        return 0.0
    return sum(1 for pair in common if _rare(pair, holders)) / smaller


def _exact_copies(
    ordered: Sequence[Article], signatures: Sequence[Signature], known: set[tuple[str, str]]
) -> list[Found]:
    """(copy, first article, 1.0) for articles with the same word pairs as an earlier one.
    The bins ignore values held by more than COMMON_PAIR_ARTICLES articles, so they go
    blind to an article copied that often; this finds them however many."""
    first_with: dict[bytes, int] = {}
    copies = []
    for index, signature in enumerate(signatures):
        if signature.size < MIN_PAIRS:
            continue
        first = first_with.setdefault(signature.pairs, index)
        pair = (ordered[index].slug, ordered[first].slug)
        if first != index and pair not in known:
            copies.append((*pair, 1.0))
    return copies
