"""Near-copy search: the signature search (copies/near_copies.py) against the exact all-pairs
count it replaced, for recall and CPU time.

    .venv/bin/python bench/near_copies.py --articles 1000 10000 [--corpus bench|zipf]

`zipf`: articles of about 600 words drawn from a Zipfian vocabulary of 20,000 words, with
near copies planted at shares 0.2 to 0.9 (an earlier article's sentences, the rest new)
and short texts copied into long ones. `bench`: bench/corpus.py's articles (48 words,
no copies planted: every word pair is a stock phrase there, so both methods find none).
Prints, per size: CPU seconds of the exact count (as it ran before, and unsampled), of a
cold signature search, after a one-article edit searched again over the cached signatures
and re-queried from the last search (only the edited article; signatures of the others
known), the candidates confirmed, and which pairs the exact count finds that the
signature search misses, by share band."""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import random
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.corpus import write_corpus
from generator.copies.near_copies import (
    COMMON_PAIR_ARTICLES,
    MIN_PAIRS,
    NEAR_COPY_SHARE,
    search,
)
from generator.copies.signatures import body_digest, word_pairs

SHARES = (0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


@dataclass(frozen=True, slots=True)
class Text:
    slug: str
    date: dt.date
    body: str


def exact(articles: list[Text], sample: int = 1) -> list[tuple[str, str, float]]:
    """The algorithm before signatures (lint.find_near_copies until issue 17), with its
    sampling of one pair in `sample` (4 above 2,000 articles)."""
    ordered = sorted(articles, key=lambda a: (a.date, a.slug))
    pairs = [[p for p in word_pairs(a.body) if (p * 31) % sample == 0] for a in ordered]
    holders: dict[int, list[int]] = {}
    for index, article_pairs in enumerate(pairs):
        for pair in article_pairs:
            held = holders.setdefault(pair, [])
            if len(held) <= COMMON_PAIR_ARTICLES:
                held.append(index)
    found = []
    for index, article_pairs in enumerate(pairs):
        shared: Counter[int] = Counter()
        for pair in article_pairs:
            earlier = holders[pair]
            if 1 < len(earlier) <= COMMON_PAIR_ARTICLES and earlier[0] < index:
                shared.update(other for other in earlier if other < index)
        for other, count in shared.items():
            smaller = min(len(article_pairs), len(pairs[other]))
            if smaller >= MIN_PAIRS and count / smaller >= NEAR_COPY_SHARE:
                found.append((ordered[index].slug, ordered[other].slug, count / smaller))
    return sorted(found)


def zipf_corpus(size: int, seed: int = 1) -> list[Text]:
    rng = random.Random(seed)
    vocabulary = [f"w{i}" for i in range(20000)]
    weights = [1 / (rank + 1) for rank in range(len(vocabulary))]

    def sentences(count: int) -> list[str]:
        words = rng.choices(vocabulary, weights, k=count * 12)
        return [" ".join(words[i : i + 12]) + "." for i in range(0, len(words), 12)]

    start = dt.date(2024, 1, 1)
    texts = [
        Text(f"a{i:05d}", start + dt.timedelta(days=i), " ".join(sentences(50)))
        for i in range(size)
    ]
    plants = min(size // 4, 400)
    for n in range(plants):
        original = texts[rng.randrange(size // 2)]
        index = size // 2 + n
        if n % 5 == 4:  # a short text copied into a long one
            body = " ".join(original.body.split(". ")[:10]) + " " + " ".join(sentences(150))
        else:
            share = SHARES[n % len(SHARES)]
            kept = original.body.split(". ")
            cut = round(len(kept) * share)
            body = ". ".join(kept[:cut]) + " " + " ".join(sentences(len(kept) - cut))
        texts[index] = replace(texts[index], body=body)
    return texts


def bench_corpus(size: int) -> list[Text]:
    with tempfile.TemporaryDirectory() as folder:
        write_corpus(Path(folder), size)
        texts = []
        for path in sorted(Path(folder, "articles").glob("*.md")):
            _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
            date = dt.date.fromisoformat(front.split("date: ", 1)[1][:10])
            texts.append(Text(path.stem, date, body))
        return texts


def cpu(work):
    started = time.process_time()
    result = work()
    return result, time.process_time() - started


def measure(texts: list[Text]) -> None:
    size = len(texts)
    sample = 4 if size > 2000 else 1
    before, before_cpu = cpu(lambda: exact(texts, sample))
    truth, truth_cpu = (before, before_cpu) if sample == 1 else cpu(lambda: exact(texts))
    cold, cold_cpu = cpu(lambda: search(texts, {}))
    edited = [replace(texts[0], body=texts[0].body + " an edit"), *texts[1:]]
    known = {d: s for d, s in cold.signed.items() if d != body_digest(texts[0].body)}
    again, again_cpu = cpu(lambda: search(edited, known))
    warm, warm_cpu = cpu(lambda: search(edited, {**known, **cold.signed}, cold))
    assert warm.found == again.found and warm.updated
    print(f"{size} articles")
    print(f"  before (exact count{', 1 pair in 4' if sample > 1 else ''}): {before_cpu:.2f} s CPU")
    if sample > 1:
        print(f"  exact count, unsampled (the reference): {truth_cpu:.2f} s CPU")
    print(f"  signatures, cold: {cold_cpu:.2f} s CPU, {cold.candidates} candidates confirmed")
    print(f"  one article edited, all searched again: {again_cpu:.2f} s CPU")
    print(f"  one article edited, re-queried: {warm_cpu:.2f} s CPU, {len(warm.signed)} signed")
    found = {(c, o): s for c, o, s in cold.found}
    assert all(found.get((c, o), s) == s for c, o, s in truth), "a share differs"
    print(f"  pairs at share >= 0.2: exact {len(truth)}, signatures {len(cold.found)}")
    for low, high in itertools.pairwise((0.2, 0.3, 0.5, 0.7, 1.01)):
        band = [(c, o) for c, o, s in truth if low <= s < high]
        missed = [pair for pair in band if pair not in found]
        print(f"    share {low:.1f}-{min(high, 1):.1f}: {len(band)} pairs, {len(missed)} missed")
    if sample > 1:
        sampled = {(c, o) for c, o, _ in before}
        missed = sum(1 for c, o, _ in truth if (c, o) not in sampled)
        print(f"  the sampled count (before) missed {missed} of {len(truth)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--corpus", choices=["zipf", "bench"], default="zipf")
    args = parser.parse_args()
    for size in args.articles:
        texts = zipf_corpus(size) if args.corpus == "zipf" else bench_corpus(size)
        measure(texts)


if __name__ == "__main__":
    main()
