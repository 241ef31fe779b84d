"""How many of the searched articles hold each content-word pair, kept from one near-copy
search to the next: the stock-phrase rule asks it of every pair of an edited article, and
counting those pairs in every article again was most of a one-article edit's search."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from generator.copies.signatures import Signature

Entry = tuple[str, object, bytes]  # an article as searched: (slug, date, body digest)


@dataclass(frozen=True, slots=True)
class PairHolders:
    """A pair's count is its count in `base` plus its change since (`delta`): an edit
    copies the small change, never the count of every pair."""

    base: Mapping[int, int]
    delta: Mapping[int, int] = field(default_factory=dict)

    def __getitem__(self, pair: int) -> int:
        return self.base.get(pair, 0) + self.delta.get(pair, 0)

    def moved(self, left: Iterable[Signature], came: Iterable[Signature]) -> PairHolders:
        """The counts once the articles `left` are gone and `came` are searched too."""
        delta = Counter(self.delta)
        for signature in left:
            delta.subtract(signature.pair_array())
        for signature in came:
            delta.update(signature.pair_array())
        if len(delta) * 4 > len(self.base):  # fold it in: the change outgrew the copy
            return PairHolders(_merged(self.base, delta))
        return PairHolders(self.base, dict(delta))


def pair_holders(signatures: Iterable[Signature]) -> PairHolders:
    """Each pair's number of articles (an article's pairs are distinct)."""
    counts: Counter[int] = Counter()
    for signature in signatures:
        counts.update(signature.pair_array())
    return PairHolders(dict(counts))


def holders_now(
    holders: PairHolders | None,
    before: Sequence[Entry],
    after: Sequence[Entry],
    signature: Callable[[bytes], Signature],
) -> PairHolders:
    """The counts for the articles `after`, from `holders`, the counts for `before`
    (None: counted afresh); `signature` finds each article's by its body digest."""
    if holders is None:
        return pair_holders(signature(entry[2]) for entry in after)
    was, now = set(before), set(after)
    left = [signature(entry[2]) for entry in before if entry not in now]
    came = [signature(entry[2]) for entry in after if entry not in was]
    return holders.moved(left, came)


def _merged(base: Mapping[int, int], delta: Mapping[int, int]) -> dict[int, int]:
    counts = dict(base)
    for pair, change in delta.items():
        if count := counts.get(pair, 0) + change:
            counts[pair] = count
        else:
            counts.pop(pair, None)
    return counts
