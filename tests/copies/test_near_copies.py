"""The near-copy search by signatures (copies/near_copies.py) against the exact count it
replaced: a brute-force oracle over every pair of articles, same share rule."""

from __future__ import annotations

import datetime as dt
import itertools
import os
import random
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.copies.holders import holders_now, pair_holders
from generator.copies.near_copies import COMMON_PAIR_ARTICLES, MIN_PAIRS, NEAR_COPY_SHARE, search
from generator.copies.signatures import body_digest, sign, word_pairs


@dataclass(frozen=True)
class Text:
    slug: str
    date: dt.date
    body: str


def oracle(texts: list[Text]) -> dict[tuple[str, str], float]:
    """(later, earlier) -> share, for every pair at NEAR_COPY_SHARE or more."""
    ordered = sorted(texts, key=lambda t: (t.date, t.slug))
    pairs = [set(word_pairs(t.body)) for t in ordered]
    holders = Counter(itertools.chain.from_iterable(pairs))
    found = {}
    for (i, first), (j, second) in itertools.combinations(enumerate(pairs), 2):
        smaller = min(len(first), len(second))
        if smaller < MIN_PAIRS:
            continue
        shared = sum(1 for p in first & second if holders[p] <= COMMON_PAIR_ARTICLES)
        if first == second or shared / smaller >= NEAR_COPY_SHARE:
            share = 1.0 if first == second and shared < smaller else shared / smaller
            found[(ordered[j].slug, ordered[i].slug)] = share
    return found


def sentences(rng: random.Random, count: int, vocabulary: list[str]) -> list[str]:
    return [" ".join(rng.sample(vocabulary, 8)) + "." for _ in range(count)]


def corpus(
    seed: int, plan: list[tuple[int, float]], length: int = 20, prefix: str = "t"
) -> list[Text]:
    """Articles of `length` sentences; for each (original, share) in `plan` one more that
    keeps that share of the original's sentences and writes the rest anew."""
    rng = random.Random(seed)
    vocabulary = [f"word{i}" for i in range(400)]
    bodies = [sentences(rng, length, vocabulary) for _ in range(max(2, len(plan)))]
    for original, share in plan:
        kept = bodies[original % len(bodies)][: round(length * share)]
        bodies.append(kept + sentences(rng, length - len(kept), vocabulary))
    start = dt.date(2025, 1, 1)
    return [
        Text(f"{prefix}{i:03d}", start + dt.timedelta(days=i), " ".join(body))
        for i, body in enumerate(bodies)
    ]


@settings(max_examples=60, deadline=None, derandomize=True)
@given(
    seed=st.integers(0, 10**6),
    plan=st.lists(st.tuples(st.integers(0, 20), st.floats(0.0, 1.0)), max_size=8),
    length=st.integers(8, 30),
)
def test_every_pair_the_exact_count_finds_at_0_3_is_found(seed, plan, length) -> None:
    texts = corpus(seed, plan, length)
    expected = oracle(texts)
    found = {(c, o): share for c, o, share in search(texts, {}).found}
    assert {pair for pair, share in expected.items() if share >= 0.3} <= found.keys()
    assert all(expected[pair] == share for pair, share in found.items())  # exact shares


@pytest.mark.parametrize("share", [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9])
def test_hand_made_copies_are_found_with_their_exact_share(share: float) -> None:
    """Two copies that keep `share` of an original's sentences (a little more: the pairs
    that span a cut are lost), among unrelated articles of one and two lengths."""
    texts = corpus(7, [(0, share + 0.05), (1, share + 0.05)], length=40)
    texts += corpus(8, [], length=40, prefix="u") + corpus(9, [], length=80, prefix="v")
    found = {(c, o): s for c, o, s in search(texts, {}).found}
    assert found == oracle(texts)
    assert found[("t002", "t000")] >= share and found[("t003", "t001")] >= share


def test_signatures_depend_only_on_the_text() -> None:
    body = "Delegations met in Istanbul. The ceasefire talks resumed on Monday in Istanbul."
    here = sign(body)
    for seed in ("1", "2"):  # another process, another str hash seed: the same signature
        code = f"from generator.copies.signatures import sign; print(sign({body!r}).sketch.hex())"
        environment = {**os.environ, "PYTHONHASHSEED": seed}
        there = subprocess.run(
            [sys.executable, "-c", code], env=environment, capture_output=True, text=True
        )
        assert there.stdout.strip() == here.sketch.hex()
    texts = corpus(3, [(0, 0.5)])
    cold = search(texts, {})
    edited = [Text(texts[0].slug, texts[0].date, texts[0].body + " An edit."), *texts[1:]]
    known = {d: s for d, s in cold.signed.items() if d != body_digest(texts[0].body)}
    warm = search(edited, known)
    assert list(warm.signed) == [body_digest(edited[0].body)]  # only the edited one
    assert warm.found == search(edited, {}).found


@settings(max_examples=40, deadline=None, derandomize=True)
@given(
    seed=st.integers(0, 10**6),
    plan=st.lists(st.tuples(st.integers(0, 20), st.floats(0.2, 1.0)), min_size=2, max_size=8),
    edits=st.lists(
        st.tuples(st.sampled_from(["copy", "new", "drop", "add"]), st.integers(0, 30)),
        min_size=1,
        max_size=3,
    ),
)
def test_a_search_from_the_last_one_equals_a_search_from_nothing(seed, plan, edits) -> None:
    texts = corpus(seed, plan)
    last = search(texts, {})
    rng = random.Random(seed)
    for kind, at in edits:
        index = at % len(texts)
        article = texts[index]
        if kind == "copy":  # becomes a near copy of another article
            other = texts[(index + 1) % len(texts)]
            body = other.body[: len(other.body) * 2 // 3] + " " + article.body[:200]
            texts[index] = Text(article.slug, article.date, body)
        elif kind == "new":  # text rewritten from nothing
            body = " ".join(sentences(rng, 20, [f"other{i}" for i in range(300)]))
            texts[index] = Text(article.slug, article.date, body)
        elif kind == "drop" and len(texts) > 2:
            texts.pop(index)
        elif kind == "add":
            texts.append(Text(f"z{len(texts)}", dt.date(2026, 1, 1), article.body))
    known = dict(last.signed)
    updated = search(texts, known, last)
    assert updated.updated
    assert updated.found == search(texts, {}).found
    assert updated.similar == search(texts, {}).similar
    # the same from the pair counts kept since: they are the counts made afresh
    holders = pair_holders(known[entry[2]] for entry in last.entries)
    assert search(texts, known, last, holders) == updated
    known |= updated.signed
    now = holders_now(holders, last.entries, updated.entries, known.__getitem__)
    afresh = pair_holders(known[entry[2]] for entry in updated.entries)
    assert all(now[pair] == afresh[pair] for pair in {*afresh.base, *now.base, *now.delta})
