"""An article's passages: each sentence, then each pair of adjacent sentences, with their
features; read for meaning only when a claim first needs them."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass

from generator.evidence.meaning import Reading, read_sentences
from generator.evidence.sentences import Sentence, normalise, split_sentences
from generator.evidence.textfeatures import NameIndex, text_features


class _Readings:
    """An article's sentences read for meaning, once, when a claim first needs them: most
    cited articles that do not support a claim never get that far."""

    def __init__(self, sentences: tuple[Sentence, ...], names: NameIndex):
        self._sentences, self._names = sentences, names
        self._readings: tuple[Reading, ...] | None = None

    def of(self, first: int, count: int) -> tuple[Reading, ...]:
        if self._readings is None:
            self._readings = read_sentences(self._sentences, self._names)
        return self._readings[first : first + count]


@dataclass(frozen=True, slots=True)
class Window:
    passage: tuple[Sentence, ...]
    presents: tuple[frozenset, ...]  # each sentence's features (not merged: claims are small)
    first: int  # the index of its first sentence in the article
    article: _Readings

    @property
    def text(self) -> str:
        """Normalised, for the verbatim rules (only claims with quoted words need it)."""
        return normalise(" ".join(sentence.text for sentence in self.passage))

    @property
    def readings(self) -> tuple[Reading, ...]:
        """Each sentence's negations, hedges, numbers and speakers."""
        return self.article.of(self.first, len(self.passage))


def article_windows(
    body: str, names: NameIndex, published: dt.date | None = None
) -> tuple[Window, ...]:
    """Each sentence, then each pair of adjacent sentences."""
    sentences = split_sentences(body)
    article = _Readings(sentences, names)
    singles = [
        Window((s,), (text_features(s.text, names, published),), index, article)
        for index, s in enumerate(sentences)
    ]
    pairs = [
        Window(a.passage + b.passage, a.presents + b.presents, a.first, article)
        for a, b in itertools.pairwise(singles)
    ]
    return tuple(singles + pairs)
