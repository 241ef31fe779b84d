"""What a passage with all of a claim's words must also agree with: the claim read for
meaning (negation, hedges, numbers, who said it) against the passage, and an inferred day
against the days it states."""

from __future__ import annotations

from generator.evidence.claims import Claim
from generator.evidence.meaning import Reading, read
from generator.evidence.rules import Difference, compare
from generator.evidence.sentences import Sentence, normalise
from generator.evidence.textfeatures import MONTHS, NameIndex
from generator.evidence.windows import Window


class ClaimMeaning:
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

    def differences(self, window: Window) -> tuple[Difference, ...]:
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

    def _unnamed(self, window: Window, quoted: Sentence) -> tuple[Difference, ...]:
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


def _date_differences(claim: Claim, window: Window) -> tuple[Difference, ...]:
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
