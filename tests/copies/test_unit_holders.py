"""The word pairs' holder counts kept from one near-copy search to the next
(copies/holders.py) are the counts made afresh, after any run of edits."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.copies.holders import PairHolders, holders_now, pair_holders
from generator.copies.signatures import Signature, body_digest, sign

VOCABULARY = [f"word{i}" for i in range(60)]


def text(rng: random.Random) -> str:
    return " ".join(" ".join(rng.sample(VOCABULARY, 6)) + "." for _ in range(rng.randint(0, 6)))


def same_counts(kept: PairHolders, afresh: PairHolders) -> bool:
    pairs = {*kept.base, *kept.delta, *afresh.base}
    return all(kept[pair] == afresh[pair] for pair in pairs)


@settings(max_examples=60, deadline=None, derandomize=True)
@given(
    seed=st.integers(0, 10**6),
    articles=st.integers(1, 30),
    edits=st.lists(
        st.tuples(st.sampled_from(["edit", "add", "drop"]), st.integers(0, 99)), max_size=12
    ),
)
def test_counts_kept_through_edits_are_the_counts_made_afresh(seed, articles, edits) -> None:
    rng = random.Random(seed)
    bodies = {f"a{i}": text(rng) for i in range(articles)}
    signatures: dict[bytes, Signature] = {}

    def entries() -> tuple:
        for body in bodies.values():
            signatures.setdefault(body_digest(body), sign(body))
        return tuple((slug, None, body_digest(body)) for slug, body in sorted(bodies.items()))

    before = entries()
    kept = holders_now(None, (), before, signatures.__getitem__)
    for kind, at in edits:
        slugs = sorted(bodies)
        if kind == "edit" and slugs:
            bodies[slugs[at % len(slugs)]] = text(rng)
        elif kind == "add":
            bodies[f"b{at}"] = text(rng)
        elif kind == "drop" and slugs:
            del bodies[slugs[at % len(slugs)]]
        after = entries()
        kept = holders_now(kept, before, after, signatures.__getitem__)
        assert same_counts(kept, pair_holders(signatures[entry[2]] for entry in after))
        before = after


def test_a_small_change_is_kept_apart_and_a_large_one_folded_in() -> None:
    rng = random.Random(7)
    many = [sign(text(rng) or "word1 word2 word3.") for _ in range(40)]
    holders = pair_holders(many)
    small = holders.moved(many[:1], [sign("word1 word2 word3 word4.")])
    assert small.base is holders.base and small.delta  # the copy is of the change only
    large = holders.moved(many[:30], [])
    assert not large.delta and same_counts(large, pair_holders(many[30:]))
