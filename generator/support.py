"""The evidence stage on a Site: its claims, their support, and what `check` reports."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from . import forked
from .errors import ContentError
from .evidence import Claim, Evidence, check_claims
from .intel import original_of
from .model import Site, Topic
from .textfeatures import name_index

QUOTED_SHOWN = 160  # characters of the closest sentence quoted in a warning


@dataclass(frozen=True, slots=True)
class SiteEvidence:
    """Every claim's evidence, by (topic id, kind, index)."""

    items: Mapping[tuple[str, str, int], Evidence]
    by_article: Mapping[str, tuple[Evidence, ...]]  # the claims each article's text supports

    def of(self, topic: str, kind: str, index: int) -> Evidence:
        return self.items[(topic, kind, index)]

    def citing(self, slug: str, *, cited: bool = True) -> tuple[Evidence, ...]:
        """The claims that cite this article and that its text supports, in topic order;
        with cited=False also those it supports as the original of a cited rewrite."""
        found = self.by_article.get(slug, ())
        return tuple(e for e in found if not cited or e.support(slug).cited)

    @property
    def checked(self) -> int:
        return sum(1 for e in self.items.values() for s in e.supports if s.cited)

    @property
    def supported(self) -> int:
        return sum(1 for e in self.items.values() for s in e.supports if s.cited and s.supported)


def topic_claims(topic: Topic) -> Iterable[Claim]:
    for index, fact in enumerate(topic.key_facts):
        yield Claim(
            "fact", topic.id, index, fact.text, fact.cites, fact.position, inferred=fact.inferred
        )
    for index, event in enumerate(topic.events):
        yield Claim(
            "event",
            topic.id,
            index,
            event.text,
            event.cites,
            event.position,
            date=event.date,
            inferred=event.inferred,
        )
    for index, quote in enumerate(topic.quotes):
        yield Claim(
            "quote", topic.id, index, quote.text, quote.cites, quote.position, quote.speaker
        )


def check_site(site: Site) -> SiteEvidence:
    claims = [claim for topic in site.topics.values() for claim in topic_claims(topic)]
    bodies = {slug: article.body for slug, article in site.articles.items()}
    originals = {
        slug: original_of(site, article).slug
        for slug, article in site.articles.items()
        if article.rewrite_of
    }
    names = name_index((e.id, e.name, e.aliases) for e in site.entities.values())
    evidence = check_claims(claims, bodies, originals, names)
    by_article: dict[str, list[Evidence]] = {}
    for item in evidence:
        for support in item.supports:
            if support.supported:
                by_article.setdefault(support.slug, []).append(item)
    return SiteEvidence(
        {(e.claim.topic, e.claim.kind, e.claim.index): e for e in evidence},
        {slug: tuple(items) for slug, items in by_article.items()},
    )


def check_site_soon(site: Site, background: bool) -> Callable[[], SiteEvidence]:
    """Start check_site; call the result for its answer. In the background it runs in a
    forked process (which inherits the site) while the build renders Markdown."""
    return forked.soon(check_site, site, background)


def evidence_problems(evidence: SiteEvidence) -> tuple[list[ContentError], list[ContentError]]:
    """(errors, warnings): a quote that no cited article carries word for word is an error;
    each cited article that does not support its claim is a warning."""
    errors, warnings = [], []
    for item in evidence.items.values():
        claim = item.claim
        cited = [s for s in item.supports if s.cited]
        if claim.kind == "quote" and not any(s.supported for s in cited):
            message = f"quote not found word for word in any cited article: {claim.text!r}"
            errors.append(ContentError(claim.position, message, _closest(cited)))
            continue
        for support in cited:
            if not support.supported:
                warnings.append(
                    ContentError(
                        claim.position,
                        f"{claim.kind} not supported by '{support.slug}': "
                        f"missing {', '.join(support.missing)}",
                        _closest([support]),
                        severity="warning",
                    )
                )
    return errors, warnings


def _closest(supports: list) -> str:
    texts = [s.text for s in supports if s.passage]
    if not texts:
        return ""
    text = texts[0]
    if len(text) > QUOTED_SHOWN:
        text = text[: QUOTED_SHOWN - 1].rstrip() + "…"
    return f"closest: {text!r}"
