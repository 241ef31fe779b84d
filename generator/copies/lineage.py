"""Which article copies which: declared rewrites (`rewrite_of`) and the undeclared near
copies `check` finds, as one forest. Provenance counts a whole tree as one outlet, and the
near-copy warning names the copy, never its original."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from generator.content.model import Article, Site

DERIVATIVE_KINDS = frozenset({"aggregator", "machine rewrite", "unattributed"})
NearCopy = tuple[str, str, float]  # (one article, the other, share), as near_copies finds them


@dataclass(frozen=True, slots=True)
class Lineage:
    parents: Mapping[str, str] = field(default_factory=dict)  # article -> the one it copies
    undeclared: frozenset[str] = frozenset()  # articles whose parent is only a near copy

    def chain(self, slug: str) -> tuple[str, ...]:
        """The articles `slug` copies, nearest first (a loop stops where it closes)."""
        found: list[str] = []
        seen = {slug}
        while (slug := self.parents.get(slug, "")) and slug not in seen:
            found.append(slug)
            seen.add(slug)
        return tuple(found)

    def root(self, slug: str) -> str:
        chain = self.chain(slug)
        return chain[-1] if chain else slug

    def of(self, slug: str) -> tuple[tuple[str, bool], ...]:
        """Each article of the chain, with whether the link to it was declared: what a
        page reads of the lineage (a query recorded by its value)."""
        links = (slug, *self.chain(slug))
        pairs = itertools.pairwise(links)
        return tuple((parent, child not in self.undeclared) for child, parent in pairs)


def declared(site: Site) -> Lineage:
    """The rewrite chains the articles declare."""
    return Lineage(_declared_parents(site))


def _declared_parents(site: Site) -> dict[str, str]:
    return {
        slug: article.rewrite_of
        for slug, article in site.articles.items()
        if article.rewrite_of and article.rewrite_of in site.articles
    }


def lineage(site: Site, near_copies: Iterable[NearCopy]) -> Lineage:
    """Declared rewrites, and each undeclared near copy as a copy of the article it
    shares its wording with (see `copy_and_original`). A declared link wins; a near
    copy already in the same tree adds nothing."""
    parents = _declared_parents(site)
    known = Lineage(parents)
    undeclared = set()
    for copy, original in _oriented(site, near_copies):
        if copy.slug in parents or known.root(original.slug) == known.root(copy.slug):
            continue
        parents[copy.slug] = original.slug
        undeclared.add(copy.slug)
    return Lineage(parents, frozenset(undeclared))


def _oriented(site: Site, near_copies: Iterable[NearCopy]) -> list[tuple[Article, Article]]:
    """(copy, original) pairs, the earliest originals and the largest shares first, so a
    copy is linked to the article it most likely copies."""
    pairs = []
    for first, second, share in near_copies:
        if first in site.articles and second in site.articles:  # else deleted since
            copy, original = copy_and_original(site, site.articles[first], site.articles[second])
            pairs.append((original.date, -share, copy.slug, original.slug, copy, original))
    return [(copy, original) for *_, copy, original in sorted(pairs, key=lambda p: p[:4])]


def copy_and_original(site: Site, first: Article, second: Article) -> tuple[Article, Article]:
    """Of two articles that share their wording, (the copy, the original): the later one
    is the copy; on one day, the one from a derivative source (an aggregator, a machine
    rewrite, an unattributed text), then the lower-graded one, then by slug."""

    def rank(article: Article) -> tuple:
        source = site.sources[article.source]
        return (
            article.date,
            source.kind in DERIVATIVE_KINDS,
            source.reliability or "F",
            article.credibility or "6",
            article.slug,
        )

    copy, original = sorted((first, second), key=rank, reverse=True)
    return copy, original

