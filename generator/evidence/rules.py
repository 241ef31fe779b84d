"""The meaning rules: a passage that has every word of a claim may still not say it.
Each rule compares the claim's `Reading` with the passage's (`evidence/meaning.py`) and names what
differs; docs/EVIDENCE.md, "Evidence", states them for readers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from generator.evidence.counts import Counted
from generator.evidence.cues import MEASURE_WORDS
from generator.evidence.meaning import Reading
from generator.evidence.textfeatures import NameIndex, word_key

# The stems numbers count by (evidence/meaning.py keeps stems) -> one name per unit.
MEASURES = {
    key[1] if key and key[0] == "w" else word: unit
    for word, unit in MEASURE_WORDS.items()
    for key in [word_key(word)]
}


@dataclass(frozen=True, slots=True)
class Difference:
    """What a passage says otherwise than the claim, for one rule."""

    rule: str  # one of RULES: what `checked: {warning: …}` names
    message: str


def compare(
    claim: Reading, passage: Sequence[Reading], names: NameIndex, speaker: str = ""
) -> tuple[Difference, ...]:
    """Every difference between a claim and a passage (its sentences' readings) that has
    its words; `speaker`: a quote's speaker, else the claim's own 'X said' counts."""
    carrying = _carrying(claim, passage)
    found = [
        *_polarity(claim, carrying),
        *_modality(claim, carrying),
        *_numbers(claim, carrying),
        *_quantities(claim, carrying),
        *_speaker(claim, carrying, names, speaker),
    ]
    return tuple(found)


def _carrying(claim: Reading, passage: Sequence[Reading]) -> list[Reading]:
    """The sentences of the passage that say what the claim says: those sharing the most of
    its words (names and verbs of saying aside, so 'X said' does not pull in a sentence)."""
    words = {key for key in claim.words if isinstance(key, str) and key != "say"}
    shares = [len(words.intersection(reading.words)) for reading in passage]
    most = max(shares, default=0)
    return (
        [r for r, share in zip(passage, shares, strict=True) if share == most]
        if most
        else list(passage)
    )


def _polarity(claim: Reading, passage: list[Reading]) -> list[Difference]:
    """A word the claim negates and the source does not, or the other way round."""
    seen: dict = {}
    for reading in passage:
        for key, flags in reading.polarity.items():
            seen[key] = seen.get(key, frozenset()) | flags
    for key, flags in claim.polarity.items():
        if key in seen and not flags & seen[key]:
            negated = True in flags
            return [Difference("negation", _negation_message(claim, passage, negated))]
    return []


def _negation_message(claim: Reading, passage: list[Reading], claim_negates: bool) -> str:
    source = next((cue for r in passage for cue in r.negations), "")
    own = claim.negations[0] if claim.negations else ""
    if claim_negates:
        return f"the claim negates it ('{own}'); the source does not"
    return f"the source negates it ('{source}'); the claim does not"


def _modality(claim: Reading, passage: list[Reading]) -> list[Difference]:
    """A hedge or a future in the source, over the words the claim makes its point with,
    that the claim drops."""
    for reading in passage:
        hedge = _governing(claim, reading.hedged)
        if hedge and not claim.hedges and not _conditional(claim):
            said = "as certain" if claim.futures else "as done"
            message = f"the source hedges: '{hedge}'; the claim states it {said}"
            return [Difference("hedge", message)]
        future = _governing(claim, reading.future)
        if future and not (claim.hedges or claim.futures):
            message = f"the source speaks of the future: '{future}'; the claim states it as done"
            return [Difference("hedge", message)]
    return []


def _governing(claim: Reading, governed: dict) -> str:
    """The cue that governs at least two of the claim's words, or half of them."""
    words = set(claim.words) - {"say"}
    by_cue: dict[str, int] = {}
    for key, cue in governed.items():
        if key in words:
            by_cue[cue] = by_cue.get(cue, 0) + 1
    enough = min(2, max(1, (len(words) + 1) // 2))
    return next((cue for cue, count in by_cue.items() if count >= enough), "")


def _conditional(claim: Reading) -> bool:
    """'would' keeps a hedge: it is how a report of a possibility is told."""
    return any("would" in cue.casefold().split() for cue in claim.future.values())


def _numbers(claim: Reading, passage: list[Reading]) -> list[Difference]:
    """A number of the claim that counts, in the source, something else, while what the
    claim counts with it is counted there by another number ('1,200 prisoners' and '3,000
    soldiers' in one sentence: '3,000 prisoners' is wrong)."""
    found = [count for reading in passage for count in reading.numbers]
    for number in claim.numbers:
        same = [count for count in found if count.value == number.value]
        unit, units = _unit(number), [_unit(count) for count in same]
        if same and unit and all(units) and unit not in units:
            message = f"the claim says '{number.label}', the source '{same[0].label}'"
            return [Difference("number", message)]
        if not same or any(number.nouns & count.nouns for count in same):
            continue
        other = [
            count
            for count in found
            if count.value[0] == "n" and count.value != number.value and number.nouns & count.nouns
        ]
        if other:
            message = (
                f"the claim says '{number.label}', the source '{same[0].label}' "
                f"and '{other[0].label}'"
            )
            return [Difference("number", message)]
    return []


def _unit(count: Counted) -> str:
    """The unit of measure a number counts, made one spelling ('kilometres' is 'km')."""
    return next((MEASURES[noun] for noun in count.nouns if noun in MEASURES), "")


def _quantities(claim: Reading, passage: list[Reading]) -> list[Difference]:
    """'all their prisoners' where the source counts them, and 'some' dropped."""
    for key, shown in claim.universals:
        counted = [c for r in passage for c in r.numbers if key in c.nouns]
        partial = [r.partials[key] for r in passage if key in r.partials]
        source = counted[0].label if counted else (partial[0] if partial else "")
        if source:
            return [Difference("number", f"the claim says '{shown}', the source '{source}'")]
    words = set(claim.words)
    for reading in passage:
        for key, shown in reading.partials.items():
            if key in words and key not in claim.quantified:
                return [
                    Difference(
                        "number", f"the source says '{shown}'; the claim drops '{shown.split()[0]}'"
                    )
                ]
    return []


def _speaker(
    claim: Reading, passage: list[Reading], names: NameIndex, speaker: str
) -> list[Difference]:
    """The claim credits someone the source does not credit with it."""
    credited = speaker or (claim.speakers[0] if claim.speakers else "")
    if not credited or credited in ("he", "she"):
        return []
    sources = [s for r in passage for s in r.speakers if s not in ("he", "she")]
    if not sources or credited in sources:
        return []
    return [
        Difference(
            "speaker",
            f"the source credits it to {names.label(sources[0])}, "
            f"the claim to {names.label(credited)}",
        )
    ]
