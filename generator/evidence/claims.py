"""A claim a topic makes (a key fact, an event or a quote, with its citations), and how each
cited article bears on it: the evidence the support check finds."""

from __future__ import annotations

from dataclasses import dataclass

from generator.content.curation import Checked
from generator.content.dates import PartialDate
from generator.errors import Position
from generator.evidence.rules import Difference
from generator.evidence.sentences import Sentence


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
