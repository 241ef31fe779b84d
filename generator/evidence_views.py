"""What templates show of the support check: the evidence under each claim, the
"disputed" list of a topic, and the sentences an article page marks as cited."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import intel
from .evidence import Claim, Evidence
from .lineage import Lineage
from .model import Article, Site, Source
from .sentences import Sentence

if TYPE_CHECKING:
    from .reads import Reader

KIND_NAMES = {"fact": "key fact", "event": "event", "quote": "quote"}


@dataclass(frozen=True, slots=True)
class EvidenceRow:
    """One cited article's bearing on a claim."""

    article: Article
    source: Source
    supported: bool
    text: str  # the supporting passage, or the closest one
    anchor: str  # of the passage's first sentence on the article page; '' when none
    cited: bool  # False: the original of a cited rewrite, shown for provenance
    acknowledged: tuple[str, ...] = ()  # warnings the claim's `checked:` acknowledges
    differs: tuple[str, ...] = ()  # what an unsupporting passage says otherwise


@dataclass(frozen=True, slots=True)
class Label:
    """A short note that travels with a claim wherever it is shown (page, feed, export,
    search): its date was inferred, no independent outlet's text supports it, or the
    editor acknowledged a warning of the check (`checked:`, with the reason)."""

    kind: str  # "inferred", "unconfirmed", "unsupported", "checked": a CSS class, a category
    text: str  # shown inline: "date inferred", "Unconfirmed", "Unsupported", "checked by…"
    title: str  # the label said in full (a tooltip; the text of feeds and TimelineJS)


INFERRED = Label(
    "inferred",
    "date inferred",
    "Date inferred: the editor worked it out (for example from “on Tuesday” and the "
    "article’s date); the text does not state it",
)


@dataclass(frozen=True, slots=True)
class ClaimView:
    claim: Claim
    corroboration: intel.Corroboration
    evidence: tuple[EvidenceRow, ...]

    @property
    def anchor(self) -> str:
        return self.claim.anchor

    @property
    def supported(self) -> int:
        return sum(1 for row in self.evidence if row.supported and row.cited)

    @property
    def cited(self) -> int:
        return sum(1 for row in self.evidence if row.cited)

    @property
    def disputed(self) -> bool:
        return self.corroboration.status in ("unconfirmed", "unsupported")

    @property
    def labels(self) -> tuple[Label, ...]:
        """What a reader must know before relying on the claim, in the order shown."""
        labels = [INFERRED] if self.claim.inferred else []
        status = self.corroboration.status
        if self.disputed:
            labels.append(Label(status, status.capitalize(), self.corroboration.label))
        if (checked := self.claim.checked) is not None:
            said = f"Checked by the editor despite a “{checked.warning}” warning: {checked.reason}"
            labels.append(Label("checked", "checked by the editor", said))
        return tuple(labels)


def claim_view(
    site: Site, evidence: Evidence, credibility: str = "", lineage: Lineage | None = None
) -> ClaimView:
    rows = tuple(
        EvidenceRow(
            site.articles[s.slug],
            site.sources[site.articles[s.slug].source],
            s.supported,
            s.text,
            s.passage[0].anchor if s.passage else "",
            s.cited,
            tuple(d.message for d in s.acknowledged),
            tuple(d.message for d in s.differences),
        )
        for s in evidence.supports
        if s.cited or s.supported
    )
    corroboration = intel.corroboration(site, evidence, credibility, lineage)
    return ClaimView(evidence.claim, corroboration, rows)


def disputed(claims: Iterable[ClaimView]) -> tuple[ClaimView, ...]:
    """Claims no independent outlet supports, in page order."""
    return tuple(view for view in claims if view.disputed)


@dataclass(frozen=True, slots=True)
class CitedSentence:
    """A passage of an article that supports claims, and the claims it supports."""

    sentences: tuple[Sentence, ...]
    citations: tuple[tuple[str, str], ...]  # (link to the claim, what to call it)


def cited_sentences(reader: Reader, slug: str) -> tuple[CitedSentence, ...]:
    """The passages of one article that support claims (that cite it, or cite a rewrite
    of it), in text order, each with links to those claims."""
    # one entry per first sentence (its anchor), with the longest passage starting there
    passages: dict[Sentence, tuple[Sentence, ...]] = {}
    links: dict[Sentence, list[tuple[str, str]]] = {}
    for item in reader.supported_claims(slug, cited=False):
        support = item.support(slug)
        if support is None or not support.passage:
            continue
        claim = item.claim
        name = f"{reader.topic(claim.topic).title}, {KIND_NAMES[claim.kind]} {claim.index + 1}"
        link = reader.routes.link(reader.routes.topic(claim.topic)) + "#" + claim.anchor
        first = support.passage[0]
        if len(support.passage) > len(passages.get(first, ())):
            passages[first] = support.passage
        links.setdefault(first, []).append((link, name))
    ordered = sorted(passages, key=lambda sentence: (sentence.paragraph, sentence.number))
    return tuple(CitedSentence(passages[first], tuple(links[first])) for first in ordered)
