"""What templates show of the support check: the evidence under each claim, the
"disputed" list of a topic, and the sentences an article page marks as cited."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from . import intel
from .evidence import Claim, Evidence
from .model import Article, Site, Source, Topic
from .sentences import Sentence
from .support import SiteEvidence

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


def claim_view(site: Site, evidence: Evidence, credibility: str = "") -> ClaimView:
    rows = tuple(
        EvidenceRow(
            site.articles[s.slug],
            site.sources[site.articles[s.slug].source],
            s.supported,
            s.text,
            s.passage[0].anchor if s.passage else "",
            s.cited,
        )
        for s in evidence.supports
        if s.cited or s.supported
    )
    return ClaimView(evidence.claim, intel.corroboration(site, evidence, credibility), rows)


def topic_claims(
    site: Site, evidence: SiteEvidence, topic: Topic
) -> dict[str, tuple[ClaimView, ...]]:
    """The topic's claim views by kind: 'fact', 'event', 'quote'."""
    views = {kind: [] for kind in KIND_NAMES}
    for (topic_id, kind, index), item in evidence.items.items():
        if topic_id == topic.id:
            grade = topic.key_facts[index].credibility if kind == "fact" else ""
            views[kind].append(claim_view(site, item, grade))
    return {kind: tuple(found) for kind, found in views.items()}


def evidence_articles(evidence: SiteEvidence, topic_id: str) -> list[str]:
    """The articles whose text the topic's evidence was read from (the page's inputs):
    every cited article, and the originals of cited rewrites."""
    return sorted(
        {
            support.slug
            for (topic, _, _), item in evidence.items.items()
            if topic == topic_id
            for support in item.supports
        }
    )


def disputed(claims: dict[str, tuple[ClaimView, ...]]) -> tuple[ClaimView, ...]:
    """Claims no independent outlet supports, in page order."""
    return tuple(view for kind in KIND_NAMES for view in claims[kind] if view.disputed)


@dataclass(frozen=True, slots=True)
class CitedSentence:
    """A passage of an article that supports claims, and the claims it supports."""

    sentences: tuple[Sentence, ...]
    citations: tuple[tuple[str, str], ...]  # (link to the claim, what to call it)


def cited_sentences(
    site: Site, evidence: SiteEvidence, slug: str, claim_link: Callable[[Claim], str]
) -> tuple[CitedSentence, ...]:
    """The passages of one article that support claims citing it, in text order."""
    by_passage: dict[tuple[Sentence, ...], list[tuple[str, str]]] = {}
    for item in evidence.citing(slug, cited=False):
        support = item.support(slug)
        if support is None or not support.passage:
            continue
        claim = item.claim
        name = f"{site.topics[claim.topic].title}, {KIND_NAMES[claim.kind]} {claim.index + 1}"
        by_passage.setdefault(support.passage, []).append((claim_link(claim), name))
    ordered = sorted(by_passage.items(), key=lambda item: (item[0][0].paragraph, item[0][0].number))
    return tuple(CitedSentence(passage, tuple(links)) for passage, links in ordered)


def citing_claims(site: Site, evidence: SiteEvidence, slug: str) -> Iterable[tuple[Topic, Claim]]:
    """The claims whose citation of this article its text supports."""
    for item in evidence.citing(slug):
        yield site.topics[item.claim.topic], item.claim
