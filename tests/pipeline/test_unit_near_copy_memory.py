"""pipeline.near_copy_memory: a build's near-copy search starts from what the last one
left; the cache's answer is taken as it is when the articles are the same."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from tiny_site import tiny

from generator.incremental import cache
from generator.pipeline.near_copy_memory import NearCopyMemory, near_copies_later
from generator.settings import BuildOptions


def options(tmp_path: Path, cached: bool) -> BuildOptions:
    return BuildOptions(content_dir=tmp_path, output_dir=tmp_path / "site", cache=cached)


def test_a_search_from_nothing_leaves_signatures_and_the_search_for_the_next(
    tmp_path: Path,
) -> None:
    site = tiny(tmp_path).site
    left = near_copies_later(site, options(tmp_path, False), NearCopyMemory(), None, False)()
    assert left.search is not None and left.found is not None
    assert left.signatures.keys() == left.signed
    again = near_copies_later(site, options(tmp_path, False), left, None, False)()
    assert again.found == left.found and again.signed == frozenset()  # nothing signed twice


def test_the_cache_s_answer_is_taken_when_the_articles_are_the_same(tmp_path: Path) -> None:
    site = tiny(tmp_path).site
    key = cache.articles_digest(tuple(site.articles.values()))
    warm = (key, [])
    last = NearCopyMemory()
    left = near_copies_later(site, options(tmp_path, True), last, warm, False)()
    assert left == replace(last, found=warm)
    other = near_copies_later(site, options(tmp_path, True), last, ("other", []), False)()
    assert other.search is not None  # searched: the cache's answer was of other articles
