"""Warnings: content that builds, but that an editor would want to know about."""

from __future__ import annotations

import itertools
import re
import zlib
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Sequence

from . import forked
from .errors import ContentError, Position
from .links import LinkGraph
from .model import Article, Site

WORD = re.compile(r"\w+")
STOP_WORDS = frozenset(
    """a an and are as at be been but by for from had has have he her his in into is it its of on
    or said says she that the their them they this to was were which while who will with would
    """.split()
)
NEAR_COPY_SHARE = 0.2  # share of content-word pairs found in the other article
MIN_PAIRS = 20  # too short to judge below this many content-word pairs (sampled)
EXACT_UP_TO = 2000  # articles; a larger archive compares a sample of the pairs
SAMPLE_EVERY = 4  # keep one word pair in four: memory and time fall by as much
COMMON_PAIR_ARTICLES = 50  # a word pair in more articles than this is a stock phrase: ignored


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


RELATIVE_BASE_URL = (
    "feeds, sitemap and canonical links need an absolute base_url; "
    "set it in site.yaml or pass --base-url"
)


def base_url_warnings(site: Site, position: Position) -> list[ContentError]:
    """One warning for a site without an absolute address: its feeds, sitemap and
    canonical links could only be relative, which sitemaps.org and Atom readers reject."""
    if "://" in site.config.base_url:
        return []
    return [_warn(position, RELATIVE_BASE_URL, "e.g. base_url: https://user.github.io/repo/")]


def _near_copy_warnings(
    site: Site, near_copies: Sequence[tuple[str, str, float]]
) -> Iterable[ContentError]:
    for copy, original, share in near_copies:
        declared = {site.articles[copy].rewrite_of, site.articles[original].rewrite_of}
        if original in declared or copy in declared:
            continue
        article = site.articles[copy]
        yield _warn(
            article.position,
            f"the article shares {share:.0%} of its wording with '{original}'",
            f"if it is a rewrite, add 'rewrite_of: {original}'",
        )


def near_copies_soon(articles: Sequence[Article], background: bool) -> Callable[[], list]:
    """Start find_near_copies; call the result for its answer. In the background it runs
    in a forked process (which inherits the articles) while the caller renders."""
    return forked.soon(find_near_copies, articles, background)


def find_near_copies(articles: Iterable[Article]) -> list[tuple[str, str, float]]:
    """(later article, earlier article, share) for articles that share many content-word
    pairs, by index in date order.

    Pairs of consecutive content words survive paraphrase better than longer
    shingles; an inverted index from pair to articles keeps the cost near-linear."""
    ordered = sorted(articles, key=lambda a: (a.date, a.slug))
    vocabulary: dict[str, tuple[int, int]] = {}
    sample = SAMPLE_EVERY if len(ordered) > EXACT_UP_TO else 1
    pairs = [_word_pairs(article.body, vocabulary, sample) for article in ordered]
    holders: dict[int, list[int]] = {}
    for index, article_pairs in enumerate(pairs):
        for pair in article_pairs:
            held = holders.setdefault(pair, [])
            if len(held) <= COMMON_PAIR_ARTICLES:  # past that the pair is ignored anyway
                held.append(index)
    found = []
    for index, article_pairs in enumerate(pairs):
        shared: Counter[int] = Counter()
        for pair in article_pairs:
            earlier = holders[pair]
            if 1 < len(earlier) <= COMMON_PAIR_ARTICLES and earlier[0] < index:
                shared.update(other for other in earlier if other < index)
        for other, count in shared.items():
            smaller = min(len(article_pairs), len(pairs[other]))
            if smaller >= MIN_PAIRS and count / smaller >= NEAR_COPY_SHARE:
                found.append((ordered[index].slug, ordered[other].slug, count / smaller))
    found.extend(_exact_copies(ordered, pairs, {(copy, original) for copy, original, _ in found}))
    return sorted(found)


def _exact_copies(
    ordered: Sequence[Article], pairs: Sequence[array], known: set[tuple[str, str]]
) -> list[tuple[str, str, float]]:
    """(copy, first article, 1.0) for articles with the same word pairs as an earlier one.
    The pair search ignores pairs held by more than COMMON_PAIR_ARTICLES articles, so
    it goes blind to an article copied that often; this finds them however many."""
    first_with: dict[bytes, int] = {}
    copies = []
    for index, article_pairs in enumerate(pairs):
        if len(article_pairs) < MIN_PAIRS:
            continue
        first = first_with.setdefault(article_pairs.tobytes(), index)
        pair = (ordered[index].slug, ordered[first].slug)
        if first != index and pair not in known:
            copies.append((*pair, 1.0))
    return copies


def _word_pairs(text: str, vocabulary: dict[str, tuple[int, int]], sample: int) -> array[int]:
    """The distinct consecutive content-word pairs, each as one int, in a compact array
    (10,000 articles' pairs as sets of ints take gigabytes).

    `vocabulary` maps each word to (id, hash); with `sample` > 1 only the pairs whose
    word hashes fall in one residue class are kept: the same pairs in every article."""
    words = [_word_id(w, vocabulary) for w in WORD.findall(text.casefold()) if w not in STOP_WORDS]
    kept = {
        first[0] << 32 | second[0]
        for first, second in itertools.pairwise(words)
        if (first[1] * 31 + second[1]) % sample == 0
    }
    return array("Q", sorted(kept))


def _word_id(word: str, vocabulary: dict[str, tuple[int, int]]) -> tuple[int, int]:
    known = vocabulary.get(word)
    if known is None:
        known = vocabulary[word] = (len(vocabulary), zlib.crc32(word.encode("utf-8")))
    return known


def _warn(position, message: str, hint: str = "") -> ContentError:
    return ContentError(position, message, hint, severity="warning")
