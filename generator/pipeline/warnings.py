"""Warnings: content that builds, but that an editor would want to know about."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

from generator import forked
from generator.content.model import Article, Site
from generator.copies.holders import PairHolders
from generator.copies.lineage import lineage
from generator.copies.near_copies import NEAR_COPY_SHARE, NearCopySearch, search
from generator.copies.signatures import Signature
from generator.errors import ContentError, Position
from generator.reads.link_graph import LinkGraph

__all__ = ["NEAR_COPY_SHARE", "content_warnings", "find_near_copies", "near_copies_soon"]


def content_warnings(
    site: Site, graph: LinkGraph, near_copies: Sequence[tuple[str, str, float]] = ()
) -> list[ContentError]:
    """`near_copies` is what find_near_copies found (it is slow: callers choose when)."""
    warnings = []
    for article in site.articles.values():
        if not article.topics:
            warnings.append(
                _warn(
                    article.position, "the article is in no topic", "list topic ids under 'topics:'"
                )
            )
    for topic in site.topics.values():
        if not graph.articles_by_topic.get(topic.id):
            warnings.append(_warn(topic.position, f"topic '{topic.id}' has no articles"))
    for entity in site.entities.values():
        if not graph.articles_by_entity.get(entity.id):
            warnings.append(
                _warn(
                    entity.position,
                    f"entity '{entity.id}' is never mentioned",
                    "add the spelling the articles use to its aliases",
                )
            )
    warnings.extend(_near_copy_warnings(site, near_copies))
    return warnings


def _near_copy_warnings(
    site: Site, near_copies: Sequence[tuple[str, str, float]]
) -> Iterable[ContentError]:
    """One warning per undeclared near copy, on the copy (the later or lower-graded of
    the two), naming the article it copies; none within a declared rewrite chain."""
    shares = {frozenset((a, b)): share for a, b, share in near_copies}
    found = lineage(site, near_copies)
    for slug in sorted(found.undeclared):
        original = found.parents[slug]
        yield _warn(
            site.articles[slug].position,
            f"the article shares {shares[frozenset((slug, original))]:.0%} of its wording "
            f"with '{original}'",
            f"if it is a rewrite, add 'rewrite_of: {original}'",
        )


def near_copies_soon(
    articles: Sequence[Article],
    known: Mapping[bytes, Signature],
    last: NearCopySearch | None,
    background: bool,
    holders: PairHolders | None = None,
) -> Callable[[], NearCopySearch]:
    """Start the near-copy search (from the `last` one if given, whose pairs `holders`
    counts: near_copies.search); call the result for its answer. In the background it
    runs in a forked process (which inherits the articles) while the caller renders."""
    return forked.soon(_search, (articles, known, last, holders), background)


def _search(given: tuple) -> NearCopySearch:
    return search(*given)


def find_near_copies(articles: Iterable[Article]) -> list[tuple[str, str, float]]:
    """(later article, earlier article, share) for articles that share many content-word
    pairs, by date order (copies/near_copies.py)."""
    return list(search(articles, {}).found)


def _warn(position: Position, message: str, hint: str = "") -> ContentError:
    return ContentError(position, message, hint, severity="warning")
