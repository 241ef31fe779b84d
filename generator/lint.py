"""Warnings: content that builds, but that an editor would want to know about."""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from .errors import ContentError
from .links import LinkGraph
from .model import Article, Site

WORD = re.compile(r"\w+")
STOP_WORDS = frozenset(
    """a an and are as at be been but by for from had has have he her his in into is it its of on
    or said says she that the their them they this to was were which while who will with would
    """.split()
)
NEAR_COPY_SHARE = 0.2  # share of content-word pairs found in the other article
MIN_PAIRS = 20  # too short to judge below this many content-word pairs
COMMON_PAIR_ARTICLES = 50  # a word pair in more articles than this is a stock phrase: ignored


def content_warnings(site: Site, graph: LinkGraph, near_copies: bool = True) -> list[ContentError]:
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
    if near_copies:
        warnings.extend(_near_copy_warnings(site))
    return warnings


def _near_copy_warnings(site: Site) -> Iterable[ContentError]:
    for copy, original, share in find_near_copies(site.articles.values()):
        declared = {site.articles[copy].rewrite_of, site.articles[original].rewrite_of}
        if original in declared or copy in declared:
            continue
        article = site.articles[copy]
        yield _warn(
            article.position,
            f"the article shares {share:.0%} of its wording with '{original}'",
            f"if it is a rewrite, add 'rewrite_of: {original}'",
        )


def find_near_copies(articles: Iterable[Article]) -> list[tuple[str, str, float]]:
    """(later slug, earlier slug, share) for articles that share many content-word pairs.

    Pairs of consecutive content words survive paraphrase better than longer
    shingles; an inverted index keeps the cost near-linear in the text."""
    ordered = sorted(articles, key=lambda a: (a.date, a.slug))
    pairs = {a.slug: _word_pairs(a.body) for a in ordered}
    holders: dict[tuple[str, str], list[str]] = defaultdict(list)
    for slug, slug_pairs in pairs.items():
        for pair in slug_pairs:
            holders[pair].append(slug)
    rank = {a.slug: index for index, a in enumerate(ordered)}
    found = []
    for slug, slug_pairs in pairs.items():
        shared: Counter[str] = Counter()
        for pair in slug_pairs:
            others = holders[pair]
            if len(others) <= COMMON_PAIR_ARTICLES:
                shared.update(other for other in others if rank[other] < rank[slug])
        for other, count in shared.items():
            smaller = min(len(slug_pairs), len(pairs[other]))
            if smaller < MIN_PAIRS:
                continue
            share = count / smaller
            if share >= NEAR_COPY_SHARE:
                found.append((slug, other, share))
    return sorted(found)


def _word_pairs(text: str) -> set[tuple[str, str]]:
    words = [w for w in WORD.findall(text.casefold()) if w not in STOP_WORDS]
    return set(itertools.pairwise(words))


def _warn(position, message: str, hint: str = "") -> ContentError:
    return ContentError(position, message, hint, severity="warning")
