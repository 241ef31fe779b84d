"""What a text says beyond its words: which words a negation or a hedge governs, what each
number counts, and who is credited with saying what. `evidence/passages.py` reads a claim and
its candidate passage this way and compares them (`evidence/rules.py`); the cues are in
`evidence/cues.py`.

Each text is read once into a `Reading`: flat tuples and mappings, so comparing a claim
with a passage is a few set operations."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from generator.evidence import cues
from generator.evidence.attribution import speakers
from generator.evidence.counts import Counted, numbers, quantifiers
from generator.evidence.scopes import cue_spans, governed, polarity
from generator.evidence.sentences import Sentence
from generator.evidence.textfeatures import NameIndex
from generator.evidence.tokens import tokenise


@dataclass(frozen=True, slots=True)
class Reading:
    words: tuple[str | tuple[str, str], ...]  # content stems and ("e", id) keys, in order
    polarity: dict  # stem -> frozenset of negated flags of its occurrences
    negations: tuple[str, ...]  # each negation cue with the words it governs, as written
    hedged: dict  # stem or entity key -> the hedge governing it, as written
    future: dict  # stem or entity key -> the future cue governing it, as written
    hedges: bool  # any hedge cue at all
    futures: bool  # any future cue at all
    numbers: tuple[Counted, ...]
    universals: tuple[tuple[str, str], ...]  # (stem, 'all their prisoners')
    partials: dict  # stem or entity key -> 'some EU leaders'
    quantified: frozenset  # stems and entity keys with any quantifier before them
    speakers: tuple[str, ...]  # entity ids credited with it ('he' resolved where it can be)
    subject: str  # the first speaker or person named: what a later 'he' refers to


def read(text: str, names: NameIndex, before: str = "") -> Reading:
    """`before`: the subject of the sentence before, for a 'he' or 'she' this text leaves
    unresolved."""
    tokens = tokenise(text, names)
    hedged, hedges = governed(tokens, cue_spans(tokens, "hedge"))
    future, futures = governed(tokens, cue_spans(tokens, "future"))
    polarity_of, negations = polarity(tokens)
    universals, partials, quantified = quantifiers(tokens)
    credited = speakers(tokens, names, before)
    people = [e for e in tokens.entities if e and names.is_person(e)]
    subject = next((s for s in credited if s not in cues.PRONOUNS), people[0] if people else "")
    return Reading(
        tuple(k for k in tokens.keys if k is not None),
        polarity_of,
        negations,
        hedged,
        future,
        hedges,
        futures,
        tuple(numbers(tokens)),
        universals,
        partials,
        quantified,
        credited,
        subject or before,
    )


def read_sentences(sentences: Sequence[Sentence], names: NameIndex) -> tuple[Reading, ...]:
    """Each sentence of an article, 'he' and 'she' resolved to the subject of the sentence
    before in the same paragraph (or, for a paragraph's first sentence, the last subject of
    the paragraph before: a quote often opens a paragraph of its own)."""
    readings = []
    subject = ""
    for sentence in sentences:
        reading = read(sentence.text, names, subject)
        readings.append(reading)
        subject = reading.subject or subject
    return tuple(readings)
