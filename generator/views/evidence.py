"""What templates show of the support check: the evidence under each claim, the
"disputed" list of a topic, and the sentences an article page marks as cited."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator.content.model import Article, Site, Source
from generator.copies.lineage import Lineage
from generator.evidence import provenance
from generator.evidence.claims import Claim, Evidence
from generator.evidence.sentences import Sentence
from generator.evidence.textfeatures import TOKEN, word_key
from generator.i18n import Strings, strings_for

if TYPE_CHECKING:
    from generator.reads.reader import Reader



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


ENGLISH = strings_for("en")  # labels as feeds, exports and the search index carry them


@dataclass(frozen=True, slots=True)
class ClaimView:
    claim: Claim
    corroboration: provenance.Corroboration
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
        """What a reader must know before relying on the claim, in the order shown, in
        English: what feeds, exports and search carry."""
        return self.labels_in(ENGLISH)

    def labels_in(self, t: Strings) -> tuple[Label, ...]:
        """The labels in the interface's language (`t`), as a page shows them."""
        labels = []
        if self.claim.inferred:
            labels.append(Label("inferred", t("label.inferred"), t("label.inferred_title")))
        status = self.corroboration.status
        if self.disputed:
            full = self.corroboration.label_in(t)
            labels.append(Label(status, t(f"status.{status}").partition(":")[0], full))
        if (checked := self.claim.checked) is not None:
            said = t("claim.checked", warning=checked.warning, reason=checked.reason)
            labels.append(Label("checked", t("label.checked"), said))
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
    corroboration = provenance.corroboration(site, evidence, credibility, lineage)
    return ClaimView(evidence.claim, corroboration, rows)


# Two disputed claims that share this share of the shorter one's content words say the same
# thing (a key fact, the event it dates and the quote it reports): listed once.
SAME_CLAIM_OVERLAP = 0.7
# A page with at least this many claims of one disputed status, and at least half of its
# claims, says so once, at the top.
MANY_OF_A_STATUS = 5


@dataclass(frozen=True, slots=True)
class DisputedClaim:
    """A line of a topic's "Disputed / unconfirmed" list: a claim, and the other claims of
    the page that say the same thing."""

    view: ClaimView
    also: tuple[ClaimView, ...]


@dataclass(frozen=True, slots=True)
class StatusNotice:
    """'N of M claims on this page are unconfirmed': one notice instead of N banners."""

    status: str  # "unconfirmed" or "unsupported"
    count: int
    total: int


def disputed(claims: Iterable[ClaimView]) -> tuple[DisputedClaim, ...]:
    """Claims no independent outlet supports, in page order, each listed once with the
    claims that repeat it."""
    found = [view for view in claims if view.disputed]
    words = [_content_words(view.claim.text) for view in found]
    listed: list[DisputedClaim] = []
    taken: set[int] = set()
    for i, view in enumerate(found):
        if i in taken:
            continue
        same = [j for j in range(i + 1, len(found)) if j not in taken and _same(words[i], words[j])]
        taken.update(same)
        listed.append(DisputedClaim(view, tuple(found[j] for j in same)))
    return tuple(listed)


def status_notice(claims: Iterable[ClaimView]) -> StatusNotice | None:
    """The disputed status most claims of a page share, when it is many of them."""
    found = card_status(claims)
    if found is None:
        return None
    many = found.count >= MANY_OF_A_STATUS and 2 * found.count >= found.total
    return found if many else None


def card_status(claims: Iterable[ClaimView]) -> StatusNotice | None:
    """The disputed status most claims of a topic share, however few: its card says so
    ("5 of 19 … unconfirmed"), as a card that says nothing reads as all confirmed."""
    views = list(claims)
    counts = Counter(view.corroboration.status for view in views if view.disputed)
    if not counts:
        return None
    status, count = min(counts.items(), key=lambda item: (-item[1], item[0]))
    return StatusNotice(status, count, len(views))


def _content_words(text: str) -> frozenset:
    return frozenset(key for key in map(word_key, TOKEN.findall(text)) if key)


def _same(a: frozenset, b: frozenset) -> bool:
    shorter = min(len(a), len(b))
    return shorter > 0 and len(a & b) / shorter >= SAME_CLAIM_OVERLAP


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
        kind = strings_for(reader.config.language)(f"claim.{claim.kind}", number=claim.index + 1)
        name = f"{reader.topic(claim.topic).title}, {kind}"
        link = reader.routes.link(reader.routes.topic(claim.topic)) + "#" + claim.anchor
        first = support.passage[0]
        if len(support.passage) > len(passages.get(first, ())):
            passages[first] = support.passage
        links.setdefault(first, []).append((link, name))
    ordered = sorted(passages, key=lambda sentence: (sentence.paragraph, sentence.number))
    return tuple(CitedSentence(passages[first], tuple(links[first])) for first in ordered)
