"""The support check: for each key fact, event and quote, the passage (a sentence, or two
adjacent ones) of each cited article that supports it. docs/EVIDENCE.md, "Evidence", states the
rules for readers; `claim_needs` and `Needs.check` are those rules."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from generator.content.curation import Checked
from generator.content.dates import PartialDate
from generator.errors import Position
from generator.evidence.cues import CUE_WORDS
from generator.evidence.meaning import Reading, read, read_sentences
from generator.evidence.rules import Difference, compare
from generator.evidence.sentences import Sentence, normalise, split_sentences
from generator.evidence.textfeatures import (
    MONTHS,
    NameIndex,
    claim_features,
    date_free,
    quoted_spans,
    text_features,
    word_key,
)

MIN_OVERLAP = 0.6  # share of a claim's content words the passage must contain
# Hedge, future and negation words are compared by the meaning rules, not as words.
CUE_KEYS = frozenset(key for key in map(word_key, CUE_WORDS) if key and key[0] == "w")


@dataclass(frozen=True, slots=True)
class Claim:
    """What a topic asserts: a key fact, a timeline event or a quote, with its citations."""

    kind: str  # "fact", "event" or "quote"
    topic: str
    index: int  # 0-based among the topic's claims of this kind
    text: str
    cites: tuple[str, ...]
    position: Position
    speaker: str = ""  # a quote's speaker (entity id)
    date: PartialDate | None = None  # an event's date
    inferred: bool = False  # its date was worked out by the editor, not stated in the text
    checked: Checked | None = None

    @property
    def anchor(self) -> str:
        return f"{self.kind}-{self.index + 1}"


@dataclass(frozen=True, slots=True)
class Support:
    """How one article bears on a claim: the passage that supports it, or the closest.
    `supported` is False when the passage lacks words (`missing`) or says otherwise
    (`differences`); a difference the claim's `checked` names is `acknowledged` instead."""

    slug: str
    supported: bool
    passage: tuple[Sentence, ...]  # empty when the article has no text to compare
    missing: tuple[str, ...] = ()  # what the closest passage lacks, for the editor
    cited: bool = True  # False: the original of a cited rewrite, checked for provenance
    differences: tuple[Difference, ...] = ()
    acknowledged: tuple[Difference, ...] = ()

    @property
    def text(self) -> str:
        return " ".join(sentence.text for sentence in self.passage)


@dataclass(frozen=True, slots=True)
class Evidence:
    claim: Claim
    supports: tuple[Support, ...]  # the cited articles in citation order, then originals

    def support(self, slug: str) -> Support | None:
        return next((s for s in self.supports if s.slug == slug), None)

    @property
    def supported_by(self) -> tuple[str, ...]:
        return tuple(s.slug for s in self.supports if s.supported and s.cited)


@dataclass(frozen=True, slots=True)
class Needs:
    """What a passage must contain to support a claim."""

    spans: tuple[str, ...]  # normalised words that must appear verbatim
    keys: frozenset  # names, numbers and dates: every one must be present
    words: frozenset  # content words: at least MIN_OVERLAP of them
    labels: Mapping  # key -> how to name it in a message

    def check(self, window: _Window) -> tuple[bool, float, tuple[str, ...]]:
        """(supported, score from 0 to 1, what is missing)."""
        presents = window.presents
        text = window.text if self.spans else ""
        spans = [span for span in self.spans if span not in text]
        keys = self.keys.difference(*presents)
        words_found = len(self.words) - len(self.words.difference(*presents))
        overlap = words_found / len(self.words) if self.words else 1.0
        missing = [f'"{span}"' for span in spans] + sorted(self.labels[key] for key in keys)
        if overlap < MIN_OVERLAP:
            missing.append(f"most of its words (shares {overlap:.0%}, needs {MIN_OVERLAP:.0%})")
        total = len(self.spans) + len(self.keys) + len(self.words)
        found = len(self.spans) - len(spans) + len(self.keys) - len(keys) + words_found
        score = found / total if total else 1.0
        return not missing, score, tuple(missing)


def claim_needs(claim: Claim, names: NameIndex) -> Needs:
    text = date_free(claim.text) if claim.inferred else claim.text
    if claim.kind == "quote":
        spans = (normalise(claim.text).strip(" .,;:"),)
        speaker = ("e", claim.speaker)
        speaker_keys = frozenset({speaker}) if claim.speaker else frozenset()
        return Needs(spans, speaker_keys, frozenset(), {speaker: names.label(claim.speaker)})
    features = claim_features(text, names)
    keys, labels = set(features.keys), dict(features.labels)
    if claim.date is not None and not claim.inferred:
        key, label = _date_key(claim.date)
        keys.add(key)
        labels[key] = label
    words = features.words - CUE_KEYS
    return Needs(quoted_spans(text), frozenset(keys), words, labels)


def _date_key(date: PartialDate) -> tuple[tuple, str]:
    month = MONTHS[date.month - 1] if date.month else ""
    if date.day:
        return ("d", date.day, date.month), f"the date ({date.day} {month.title()})"
    if month:
        return ("c", month), f"the month ({month.title()})"
    return ("n", str(date.year), "", ""), f"the year ({date.year})"


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
class _Window:
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


def _windows(body: str, names: NameIndex, published: dt.date | None = None) -> tuple[_Window, ...]:
    """Each sentence, then each pair of adjacent sentences."""
    sentences = split_sentences(body)
    article = _Readings(sentences, names)
    singles = [
        _Window((s,), (text_features(s.text, names, published),), index, article)
        for index, s in enumerate(sentences)
    ]
    pairs = [
        _Window(a.passage + b.passage, a.presents + b.presents, a.first, article)
        for a, b in itertools.pairwise(singles)
    ]
    return tuple(singles + pairs)


class _Meaning:
    """What a passage with all of a claim's words must also agree with (the claim is read
    when a passage first has all its words)."""

    def __init__(self, claim: Claim, names: NameIndex):
        self.claim, self.names = claim, names
        self._reading: Reading | None = None

    @property
    def reading(self) -> Reading:
        if self._reading is None:
            self._reading = read(self.claim.text, self.names)
        return self._reading

    def differences(self, window: _Window) -> tuple[Difference, ...]:
        claim = self.claim
        if claim.kind != "quote":
            found = compare(self.reading, window.readings, self.names)
            return found + _date_differences(claim, window)
        # a quote's words are checked verbatim: only who said it is left to compare
        ends = (" ".join(self.quote.split()[:3]), " ".join(self.quote.split()[-3:]))
        quoting = [
            (sentence, reading)
            for sentence, reading in zip(window.passage, window.readings, strict=True)
            if any(end in normalise(sentence.text) for end in ends)
        ]
        readings = [reading for _, reading in quoting] or list(window.readings)
        found = compare(self.reading, readings, self.names, claim.speaker)
        if not any(r.speakers for r in readings) and quoting:
            found += self._unnamed(window, quoting[0][0])
        return tuple(d for d in found if d.rule == "speaker")

    def _unnamed(self, window: _Window, quoted: Sentence) -> tuple[Difference, ...]:
        """A quote its sentence credits to no one is the speaker's only if the speaker is
        named in the same paragraph (not in the last sentence of the one before)."""
        speaker = ("e", self.claim.speaker)
        named = any(
            speaker in reading.words
            for sentence, reading in zip(window.passage, window.readings, strict=True)
            if sentence.paragraph == quoted.paragraph
        )
        if named:
            return ()
        who = self.names.label(self.claim.speaker)
        return (Difference("speaker", f"its paragraph does not say {who} said it"),)

    @property
    def quote(self) -> str:
        return normalise(self.claim.text).strip(" .,;:")


def _date_differences(claim: Claim, window: _Window) -> tuple[Difference, ...]:
    """An inferred day is still checked against the days the passage states."""
    date = claim.date
    if date is None or not claim.inferred or not date.day:
        return ()
    stated = sorted({key for keys in window.presents for key in keys if key[0] == "d"})
    if not stated or ("d", date.day, date.month) in stated:
        return ()
    said = " or ".join(f"{day} {MONTHS[month - 1].title()}" for _, day, month in stated)
    message = f"the source dates it {said}; the claim {date.label()} (inferred)"
    return (Difference("date", message),)


def best_support(
    needs: Needs,
    slug: str,
    windows: tuple[_Window, ...],
    cited: bool = True,
    meaning: _Meaning | None = None,
) -> Support:
    """The supporting window with the highest score (a single sentence before a pair,
    earlier before later); when none supports, the closest one and what it lacks, or
    what it says otherwise (a window with all the words is read for meaning too)."""
    best: tuple | None = None
    for order, window in enumerate(windows):
        has_words, score, missing = needs.check(window)
        if best is not None and best[0][0] and score <= best[0][2]:
            continue  # cannot outrank a supporting passage found before it
        differences: tuple[Difference, ...] = ()
        if has_words and meaning is not None:
            differences = meaning.differences(window)
        acknowledged, differences = _acknowledge(meaning, differences)
        rank = (has_words and not differences, has_words, score, -order)
        if best is None or rank > best[0]:
            best = (rank, window, missing, differences, acknowledged)
    if best is None:
        return Support(slug, False, (), ("any text",), cited)
    (supported, has_words, *_), window, missing, differences, acknowledged = best
    if not has_words and meaning is not None and window.passage:
        # the closest passage lacks words; say too what it says otherwise, for the editor
        acknowledged, differences = _acknowledge(meaning, meaning.differences(window))
    checked = meaning.claim.checked if meaning else None
    if missing and checked is not None and checked.warning == "words" and not differences:
        # the editor says the closest passage says it in other words
        acknowledged += (Difference("words", f"missing {', '.join(missing)}"),)
        supported, missing = True, ()
    return Support(slug, supported, window.passage, missing, cited, differences, acknowledged)


def _acknowledge(
    meaning: _Meaning | None, differences: tuple[Difference, ...]
) -> tuple[tuple[Difference, ...], tuple[Difference, ...]]:
    """(acknowledged, the rest): the claim's `checked` acknowledges one rule's warning."""
    checked = meaning.claim.checked if meaning else None
    if checked is None or not differences:
        return (), differences
    return (
        tuple(d for d in differences if d.rule == checked.warning),
        tuple(d for d in differences if d.rule != checked.warning),
    )


def check_claims(
    claims: Iterable[Claim],
    bodies: Mapping[str, str],
    originals: Mapping[str, str],
    names: NameIndex,
    published: Mapping[str, dt.date] | None = None,
) -> tuple[Evidence, ...]:
    """`bodies`: article slug -> Markdown body; `originals`: rewrite slug -> the slug of
    the article it rewrites; every article up a cited rewrite's chain is checked too, so
    provenance can tell who said it first; `published`: article slug -> its date, what
    'on Wednesday' in its text is read against."""
    windows: dict[str, tuple[_Window, ...]] = {}
    published = published or {}

    def windows_of(slug: str) -> tuple[_Window, ...]:
        if slug not in windows:
            windows[slug] = _windows(bodies.get(slug, ""), names, published.get(slug))
        return windows[slug]

    results = []
    for claim in claims:
        needs = claim_needs(claim, names)
        meaning = _Meaning(claim, names)
        cited = list(dict.fromkeys(claim.cites))
        chain = [o for s in cited for o in originals_of(s, originals) if o not in cited]
        supports = [best_support(needs, slug, windows_of(slug), True, meaning) for slug in cited]
        supports += [
            best_support(needs, slug, windows_of(slug), False, meaning)
            for slug in dict.fromkeys(chain)
        ]
        results.append(Evidence(claim, tuple(supports)))
    return tuple(results)


def originals_of(slug: str, originals: Mapping[str, str]) -> tuple[str, ...]:
    """The articles up `slug`'s rewrite chain, nearest first (a loop stops where it closes)."""
    found: list[str] = []
    seen = {slug}
    while (slug := originals.get(slug, "")) and slug not in seen:
        found.append(slug)
        seen.add(slug)
    return tuple(found)
