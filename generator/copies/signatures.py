"""An article's near-copy signature: its content-word pairs and a MinHash sketch of them.

A signature depends only on the article's body, so the build cache keeps it by the
body's digest and a build signs only new or edited texts. Every hash is stable across
processes (crc32 and a fixed multiplier, never Python's salted `hash()`).

The pairs: each distinct pair of consecutive content words (stop words dropped, case
folded) as one 64-bit number, the crc32 of each word side by side, sorted. Pairs of
words survive paraphrase better than longer shingles.

The sketch: one-permutation MinHash (Li, Owen and Zhang, 2012). Each pair is mixed by
a multiply-shift hash; its top bits choose one of BINS bins; each bin keeps its smallest
mixed hash, which also names the bin, so it serves as an LSH bucket key as it is. Two
articles' bins agree with probability about the Jaccard similarity of their pair sets,
which `copies/near_copies.py` turns into candidates."""

from __future__ import annotations

import hashlib
import itertools
import re
import zlib
from array import array
from dataclasses import dataclass

WORD = re.compile(r"\w+")
STOP_WORDS = frozenset(
    """a an and are as at be been but by for from had has have he her his in into is it its of on
    or said says she that the their them they this to was were which while who will with would
    """.split()
)
BIN_BITS = 7
BINS = 1 << BIN_BITS  # 128 bins: see copies/near_copies.py for why
SHIFT = 64 - BIN_BITS
MASK = (1 << 64) - 1
EMPTY = MASK  # a bin no pair fell in (above every mixed hash of the other bins)
MULTIPLIER = 0x9E3779B97F4A7C15  # odd, the golden ratio's bits: a good multiply-shift hash
INVERSE = pow(MULTIPLIER, -1, 1 << 64)  # odd, so invertible: a bin's key names its pair


@dataclass(frozen=True, slots=True)
class Signature:
    pairs: bytes  # array("Q") of the sorted distinct pair hashes, as bytes (compact to keep)
    sketch: bytes  # array("Q") of each bin's smallest mixed hash, EMPTY where no pair fell

    def pair_array(self) -> array[int]:
        found = array("Q")
        found.frombytes(self.pairs)
        return found

    def sketch_array(self) -> array[int]:
        found = array("Q")
        found.frombytes(self.sketch)
        return found

    @property
    def size(self) -> int:
        return len(self.pairs) // 8


def body_digest(body: str) -> bytes:
    return hashlib.blake2b(body.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def sign(body: str) -> Signature:
    pairs = word_pairs(body)
    return Signature(pairs.tobytes(), _sketch(pairs).tobytes())


def word_pairs(text: str) -> array[int]:
    """The distinct consecutive content-word pairs of a text, sorted, each one int."""
    crc = zlib.crc32
    words = [
        crc(word.encode("utf-8", "surrogatepass"))
        for word in WORD.findall(text.casefold())
        if word not in STOP_WORDS
    ]
    return array("Q", sorted({a << 32 | b for a, b in itertools.pairwise(words)}))


def pair_of(key: int) -> int:
    """The word pair whose mixed hash a sketch bin holds."""
    return (key * INVERSE) & MASK


def _sketch(pairs: array[int]) -> array[int]:
    sketch = array("Q", [EMPTY]) * BINS
    for pair in pairs:
        mixed = (pair * MULTIPLIER) & MASK
        slot = mixed >> SHIFT
        if mixed < sketch[slot]:
            sketch[slot] = mixed
    return sketch
