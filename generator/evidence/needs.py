"""What a passage must contain to support a claim: docs/EVIDENCE.md, "Evidence", states these
rules for readers; `claim_needs` and `Needs.check` are those rules."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from generator.content.dates import PartialDate
from generator.evidence.claims import Claim
from generator.evidence.cues import CUE_WORDS
from generator.evidence.sentences import normalise
from generator.evidence.textfeatures import (
    MONTHS,
    NameIndex,
    claim_features,
    date_free,
    quoted_spans,
    word_key,
)
from generator.evidence.windows import Window

MIN_OVERLAP = 0.6  # share of a claim's content words the passage must contain
# Hedge and future words are compared by the modality rule, not as words. Negation words
# stay words as well as cues: a claim's 'not' missing from the passage counts against it
# (leaving them out changes nothing on bench/evidence_quality.py: 0.96 / 0.96 both ways).
CUE_KEYS = frozenset(key for key in map(word_key, CUE_WORDS) if key and key[0] == "w")


@dataclass(frozen=True, slots=True)
class Needs:
    """What a passage must contain to support a claim."""

    spans: tuple[str, ...]  # normalised words that must appear verbatim
    keys: frozenset  # names, numbers and dates: every one must be present
    words: frozenset  # content words: at least MIN_OVERLAP of them
    labels: Mapping  # key -> how to name it in a message

    def check(self, window: Window) -> tuple[bool, float, tuple[str, ...]]:
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
    keys = set(features.keys)
    labels = {key: _described(key, written) for key, written in features.labels.items()}
    if claim.date is not None and not claim.inferred:
        key, label = _date_key(claim.date)
        keys.add(key)
        labels[key] = label
    words = features.words - CUE_KEYS
    return Needs(quoted_spans(text), frozenset(keys), words, labels)


# A key's kind said with it, as the claim's own date is ("the date (20 November)"): a bare
# "missing 30 [words]" reads as thirty words missing.
KEY_KINDS = {"n": "the number", "o": "the ordinal", "d": "the date"}


def _described(key: tuple, written: str) -> str:
    """'the number (30)' for a number written '30'; a name or a word as it is written."""
    kind = KEY_KINDS.get(key[0])
    return f"{kind} ({written})" if kind else written


def _date_key(date: PartialDate) -> tuple[tuple, str]:
    month = MONTHS[date.month - 1] if date.month else ""
    if date.day:
        return ("d", date.day, date.month), f"the date ({date.day} {month.title()})"
    if month:
        return ("c", month), f"the month ({month.title()})"
    return ("n", str(date.year), "", ""), f"the year ({date.year})"
