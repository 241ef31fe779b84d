"""What a build leaves behind for the next one, and how the next one uses it: file
fingerprints, parsed records, rendered bodies, and for each page what it read (as
recorded while it was rendered), its header and the hash of its output. A rebuild
renders only the pages one of whose reads changed."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.content.fingerprints import Fingerprint
from generator.content.load import RawArticle, RawContent
from generator.pages.page import Page
from generator.reads.queries import (
    EVERY_ARTICLE,
    Query,
    SiteData,
    evaluate,
    index_by_part,
    may_have_changed,
    parts_of,
)
from generator.reads.reader import Key, article_key, body_key
from generator.routes import ARTICLES_FOLDER, SITE_FILE, THEME_STATIC_FOLDER
from generator.text.rendered import MarkdownResult

ARTICLE_KEYS = f"{ARTICLES_FOLDER}/"
SITE_WIDE_INPUTS = (SITE_FILE, f"{THEME_STATIC_FOLDER}/")  # every page shows these


@dataclass(frozen=True, slots=True)
class BuildState:
    fingerprints: Mapping[str, Fingerprint] = field(default_factory=dict)  # input key -> stat
    records: Mapping[Path, Any] = field(default_factory=dict)  # loaded content by file
    bodies: Mapping[str, tuple[str, MarkdownResult]] = field(default_factory=dict)  # slug ->
    reads: Mapping[str, frozenset[Key]] = field(default_factory=dict)  # page path -> its reads
    headers: Mapping[str, tuple] = field(default_factory=dict)  # page path -> Page.header
    queries: Mapping[Query, Hashable] = field(default_factory=dict)  # query -> its value
    hashes: Mapping[str, str] = field(default_factory=dict)  # page path -> hash of its output


def changed_files(before: Mapping[str, Fingerprint], after: Mapping[str, Fingerprint]) -> set[str]:
    """Keys added, removed or modified between two scans."""
    return {key for key in before.keys() | after.keys() if before.get(key) != after.get(key)}


def changed_reads(
    previous: BuildState,
    files: set[str],
    raw: RawContent,
    data: SiteData,
    before: SiteData | None = None,
) -> tuple[set[Key], dict[Query, Hashable]]:
    """The keys pages may have read whose value changed: files (an article's front
    matter and its rendered text apart), and queries, whose values are compared.
    Also returns every earlier query's value now. With the data of the last build
    (`before`) and only articles changed, only the queries that read a part of the
    articles an edited one was or is in are evaluated again."""
    changed: set[Key] = {key for key in files if not key.startswith(ARTICLE_KEYS)}
    front_matter = _changed_front_matter(previous, files, raw)
    changed |= front_matter
    bodies = _changed_bodies(previous, data)
    changed |= {body_key(slug) for slug in bodies}
    again = _to_evaluate(previous, files, front_matter, bodies, before, data)
    queries = dict(previous.queries)
    for query in again:
        value = evaluate(query, data)
        if previous.queries[query] != value:
            changed.add(query)
            queries[query] = value
        # else the earlier value stays, the same object: the cache's save compares a value
        # with the one it read by identity first, and a query's value only says "changed"
    return changed, queries


def _to_evaluate(
    previous: BuildState,
    files: set[str],
    front_matter: set[Key],
    bodies: set[str],
    before: SiteData | None,
    data: SiteData,
) -> list[Query]:
    """The earlier queries whose value may have changed. Only articles' texts changed:
    the queries of no part, and of the parts of the articles whose front matter or named
    entities changed, before (`before`, the last build's data) and now. Without the last
    build's data (a new process) that holds only if there are none such."""
    if not all(_is_article_text(key) for key in files):
        return _all_that_may_have_changed(previous, bodies, data)
    # A text that names the entities it named changed nothing such a query reads.
    slugs = {slug for slug in bodies if _mentions_changed(previous, data, slug)}
    slugs |= {_slug(key) for key in front_matter if isinstance(key, str)}
    parts = set()
    if slugs:
        if before is None:  # the parts they were in are not known
            return _all_that_may_have_changed(previous, bodies, data)
        parts = parts_of(slugs, before) | parts_of(slugs, data) | {EVERY_ARTICLE}
    index = index_by_part(previous.queries)
    return [query for part in (None, *parts) for query in index.get(part, ())]


def _all_that_may_have_changed(
    previous: BuildState, bodies: set[str], data: SiteData
) -> list[Query]:
    named = _named_in(bodies, previous, data)
    return [query for query in previous.queries if may_have_changed(query, named)]


def _mentions_changed(previous: BuildState, data: SiteData, slug: str) -> bool:
    before, after = previous.bodies.get(slug), data.texts.bodies.get(slug)
    return before is None or after is None or before[1].mentions != after.mentions


def _is_article_text(key: str) -> bool:
    return key.startswith(ARTICLE_KEYS) and key.endswith(".md")


def _slug(key: str) -> str:
    return key[len(ARTICLE_KEYS) : -len(".md")]


def _changed_front_matter(previous: BuildState, files: set[str], raw: RawContent) -> set[Key]:
    articles = {article.slug: article for article in raw.articles}
    old = {r.slug: r for r in previous.records.values() if isinstance(r, RawArticle)}
    changed: set[Key] = set()
    for key in files:
        if _is_article_text(key):
            slug = _slug(key)
            before, after = old.get(slug), articles.get(slug)
            if before is None or after is None or before.meta.data != after.meta.data:
                changed.add(article_key(slug))
    return changed


def _changed_bodies(previous: BuildState, data: SiteData) -> set[str]:
    """Articles whose rendered text (HTML, mentions, links) differs from the last build's:
    an edit to the text, or to the entity names it links."""
    bodies = data.texts.bodies
    changed: set[str] = set()
    for slug in previous.bodies.keys() | bodies.keys():
        before = previous.bodies.get(slug)
        after = bodies.get(slug)
        if before is None or after is None or (before[1] is not after and before[1] != after):
            changed.add(slug)
    return changed


def _named_in(slugs: set[str], previous: BuildState, data: SiteData) -> frozenset[str]:
    """The entities named in these articles' texts, before or after the change."""
    named: set[str] = set()
    for slug in slugs:
        if slug in previous.bodies:
            named.update(previous.bodies[slug][1].mentions)
        if slug in data.texts.bodies:
            named.update(data.texts.bodies[slug].mentions)
    return frozenset(named)


def dirty_pages(
    pages: Iterable[Page], previous: BuildState | None, changed: set[Key] | None
) -> list[Page]:
    """Pages to render: all on a first build or a site-wide change, else the pages that
    are new, whose header changed, or one of whose recorded reads changed."""
    if (
        previous is None
        or changed is None
        or any(isinstance(k, str) and k.startswith(SITE_WIDE_INPUTS) for k in changed)
    ):
        return list(pages)
    return [
        page
        for page in pages
        if page.path not in previous.reads
        or previous.headers.get(page.path) != page.header
        or not previous.reads[page.path].isdisjoint(changed)
    ]
