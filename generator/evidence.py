"""The support check: for each key fact, event and quote, the passage (a sentence, or two
adjacent ones) of each cited article that supports it. README.md, "Evidence", states the
rules for readers; `claim_needs` and `Needs.check` are those rules."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .dates import PartialDate
from .errors import Position
from .sentences import Sentence, normalise, split_sentences
from .textfeatures import (
    MONTHS,
    NameIndex,
    claim_features,
    date_free,
    quoted_spans,
    text_features,
)

MIN_OVERLAP = 0.6  # share of a claim's content words the passage must contain


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

    @property
    def anchor(self) -> str:
        return f"{self.kind}-{self.index + 1}"


@dataclass(frozen=True, slots=True)
class Support:
    """How one article bears on a claim: the passage that supports it, or the closest."""

    slug: str
    supported: bool
    passage: tuple[Sentence, ...]  # empty when the article has no text to compare
    missing: tuple[str, ...] = ()  # what the closest passage lacks, for the editor
    cited: bool = True  # False: the original of a cited rewrite, checked for provenance

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
            missing.append(f"only {overlap:.0%} of its words (needs {MIN_OVERLAP:.0%})")
        total = len(self.spans) + len(self.keys) + len(self.words)
        found = len(self.spans) - len(spans) + len(self.keys) - len(keys) + words_found
        score = found / total if total else 1.0
        return not missing, score, tuple(missing)


def claim_needs(claim: Claim, names: NameIndex) -> Needs:
    text = date_free(claim.text) if claim.inferred else claim.text
    if claim.kind == "quote":
        spans = (normalise(claim.text).strip(" .,;:"),)
        speaker = ("e", claim.speaker)
        keys = frozenset({speaker}) if claim.speaker else frozenset()
        return Needs(spans, keys, frozenset(), {speaker: names.label(claim.speaker)})
    features = claim_features(text, names)
    keys, labels = set(features.keys), dict(features.labels)
    if claim.date is not None and not claim.inferred:
        key, label = _date_key(claim.date)
        keys.add(key)
        labels[key] = label
    return Needs(quoted_spans(text), frozenset(keys), features.words, labels)


def _date_key(date: PartialDate) -> tuple[tuple, str]:
    month = MONTHS[date.month - 1] if date.month else ""
    if date.day:
        return ("d", date.day, date.month), f"the date ({date.day} {month.title()})"
    if month:
        return ("c", month), f"the month ({month.title()})"
    return ("n", str(date.year), "", ""), f"the year ({date.year})"


@dataclass(frozen=True, slots=True)
class _Window:
    passage: tuple[Sentence, ...]
    presents: tuple[frozenset, ...]  # each sentence's features (not merged: claims are small)

    @property
    def text(self) -> str:
        """Normalised, for the verbatim rules (only claims with quoted words need it)."""
        return normalise(" ".join(sentence.text for sentence in self.passage))


def _windows(body: str, names: NameIndex) -> tuple[_Window, ...]:
    """Each sentence, then each pair of adjacent sentences."""
    sentences = split_sentences(body)
    singles = [_Window((s,), (text_features(s.text, names),)) for s in sentences]
    pairs = [
        _Window(a.passage + b.passage, a.presents + b.presents)
        for a, b in itertools.pairwise(singles)
    ]
    return tuple(singles + pairs)


def best_support(
    needs: Needs, slug: str, windows: tuple[_Window, ...], cited: bool = True
) -> Support:
    """The supporting window with the highest score (a single sentence before a pair,
    earlier before later); when none supports, the closest one and what it lacks."""
    best: tuple | None = None
    for order, window in enumerate(windows):
        supported, score, missing = needs.check(window)
        rank = (supported, score, -order)
        if best is None or rank > best[0]:
            best = (rank, window, missing)
    if best is None:
        return Support(slug, False, (), ("any text",), cited)
    (supported, _, _), window, missing = best
    return Support(slug, supported, window.passage, missing, cited)


def check_claims(
    claims: Iterable[Claim],
    bodies: Mapping[str, str],
    originals: Mapping[str, str],
    names: NameIndex,
) -> tuple[Evidence, ...]:
    """`bodies`: article slug -> Markdown body; `originals`: rewrite slug -> the slug of
    the article it rewrites; every article up a cited rewrite's chain is checked too, so
    provenance can tell who said it first."""
    windows: dict[str, tuple[_Window, ...]] = {}

    def windows_of(slug: str) -> tuple[_Window, ...]:
        if slug not in windows:
            windows[slug] = _windows(bodies.get(slug, ""), names)
        return windows[slug]

    results = []
    for claim in claims:
        needs = claim_needs(claim, names)
        cited = list(dict.fromkeys(claim.cites))
        chain = [o for s in cited for o in originals_of(s, originals) if o not in cited]
        supports = [best_support(needs, slug, windows_of(slug)) for slug in cited]
        supports += [
            best_support(needs, slug, windows_of(slug), cited=False)
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
