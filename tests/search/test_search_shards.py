"""The search index in shards: a one-page edit re-indexes only its shard, warm equals cold,
the preview's search catches up, and the browser's merge of the shards finds what one
bundle finds (the real Pagefind binary, headless Chromium)."""

from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import CONTENT, ROOT, THEME, tree
from playwright.sync_api import Browser

from generator.pipeline.builder import Builder, build
from generator.routes import CACHE_FOLDER, SEARCH_FOLDER, SEARCH_PAGES_SUFFIX
from generator.search import pages
from generator.search.index import _canonicalise_filters
from generator.search.pagefind_client import index_pages
from generator.search.pages import listed_entry, read_page_list
from generator.search.records import _ignored_elements, record_digest
from generator.search.shards import MANIFEST, shard_count, split
from generator.settings import BuildOptions

sys.path.insert(0, str(ROOT / "bench"))
import search_quality

SHARDS = 4
EDITED = "zelensky-vows-direct-talks-with-putin-in-turkey"

FIND = """
async ([query, sort]) => {
  const box = document.querySelector("[data-search]");
  const core = await import(box.dataset.core);
  const engine = await core.createEngine(box.dataset);
  const found = await core.search(engine, { q: query, sort });
  const data = await Promise.all(found.results.map((r) => r.data()));
  return data.map((d) => [d.url, (d.filters.order || [""])[0]]);
}
"""


@pytest.fixture(scope="module")
def sharded_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("sharded") / "site"
    build(
        BuildOptions(content_dir=CONTENT, theme_dir=THEME, output_dir=output, search_shards=SHARDS)
    )
    return output


def copied_site(tmp_path: Path, **more: Any) -> BuildOptions:
    """Options to build a copy of content/ into tmp_path/site with one render process."""
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    return BuildOptions(
        content_dir=content, theme_dir=THEME, output_dir=tmp_path / "site", workers=1, **more
    )


def shard_folders(bundle: Path) -> list[str]:
    return [entry["folder"] for entry in json.loads((bundle / MANIFEST).read_bytes())["shards"]]


def folder_of(url: str) -> str:
    return split([(url, b"")], SHARDS)[0].folder


def test_the_shard_count_grows_with_the_site_in_powers_of_two() -> None:
    assert shard_count([("/a/", b"")] * 5) == 1
    assert shard_count([("/a/", b"")] * 1342) == 8
    assert shard_count([("/a/", b"")] * 100_000) == 8  # at most: each costs a request


def test_a_sharded_bundle_lists_its_shards_each_a_whole_pagefind_bundle(
    sharded_site: Path,
) -> None:
    bundle = sharded_site / SEARCH_FOLDER
    folders = shard_folders(bundle)
    assert len(folders) > 1 and not (bundle / "pagefind.js").exists()
    for folder in folders:
        assert (bundle / folder / "pagefind.js").is_file()
        assert (bundle / folder / "pagefind-entry.json").is_file()


def test_an_edit_re_indexes_only_its_shard_and_warm_equals_cold(tmp_path: Path) -> None:
    options = copied_site(tmp_path, search_shards=SHARDS)
    content = options.content_dir
    builder = Builder(options)
    builder.build()
    before = tree(options.output_dir)
    article = content / "articles" / f"{EDITED}.md"
    article.write_text(article.read_text("utf-8") + "\nThe word zorblaxian.\n", "utf-8")
    builder.build()
    builder.refresh_search()
    after = tree(options.output_dir)
    changed = {n for n in before.keys() | after.keys() if before.get(n) != after.get(n)}
    pages = {name for name in changed if name.endswith(".html")}
    assert pages == {f"articles/{EDITED}/index.html"}
    assert all(name.startswith(f"{SEARCH_FOLDER}/") for name in changed - pages)
    shards = {name.split("/")[1] for name in changed - pages if name.count("/") > 1}
    assert shards == {folder_of(f"/articles/{EDITED}/").rstrip("/")}
    assert f"{SEARCH_FOLDER}/{MANIFEST}" in changed

    cold = tmp_path / "cold"
    build(BuildOptions(content_dir=content, theme_dir=THEME, output_dir=cold, search_shards=SHARDS))
    assert tree(cold) == after


def test_a_long_lived_builder_s_search_refresh_reads_only_the_pages_that_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The preview keeps no build cache, so it holds the search stage's list of page
    digests in memory: a refresh after a one-article edit reads the pages whose bytes
    changed, not every page of the site (as it did once that list left the output)."""
    options = copied_site(tmp_path)
    content = options.content_dir
    builder = Builder(options)
    builder.build()
    article = content / "articles" / f"{EDITED}.md"
    article.write_text(article.read_text("utf-8") + "\nThe word zorblaxian.\n", "utf-8")
    report = builder.build()
    read: list[str] = []

    def counted(url: str, html: bytes, digest: bytes) -> pages.Listed:
        read.append(url)
        return listed_entry(url, html, digest)

    monkeypatch.setattr(pages, "listed_entry", counted)
    builder.refresh_search()
    assert read and set(read) <= set(report.written)
    builder.refresh_search()  # nothing changed since: nothing read
    assert len(read) == len(set(read))


def test_the_preview_finds_an_edited_word_once_search_catches_up(
    tmp_path: Path, serve_dir, browser: Browser
) -> None:
    options = copied_site(tmp_path, search_shards=SHARDS)
    content = options.content_dir
    builder = Builder(options)
    builder.build()
    url = serve_dir(options.output_dir) + "/search/"
    page = browser.new_page()
    try:
        page.goto(url)
        assert page.evaluate(FIND, ["zorblaxian", ""]) == []
        article = content / "articles" / f"{EDITED}.md"
        article.write_text(article.read_text("utf-8") + "\nThe word zorblaxian.\n", "utf-8")
        builder.build()
        assert builder.search_stale
        builder.refresh_search()
        page.goto(url)
        assert [u for u, _ in page.evaluate(FIND, ["zorblaxian", ""])] == [f"/articles/{EDITED}/"]
    finally:
        page.close()


def test_the_merged_shards_rank_the_quality_queries_as_one_bundle_does(
    real_site: Path, sharded_site: Path, browser: Browser
) -> None:
    whole = search_quality.measure(real_site, browser=browser)
    merged = search_quality.measure(sharded_site, browser=browser)
    ranks = {o.query: o.rank for o in whole.outcomes}
    for outcome in merged.outcomes:
        # each shard's term statistics are a sample's: on a site this small a rank may move
        # by one; what must be found is found
        assert outcome.rank is not None and ranks[outcome.query] is not None
        assert abs(outcome.rank - ranks[outcome.query]) <= 1, outcome
        assert outcome.complete is not False, outcome
    assert merged.hit_at_3 == whole.hit_at_3 == 1.0


@pytest.mark.parametrize("sort", ["desc", "asc"])
def test_the_merged_shards_sort_by_date_as_one_bundle_does(
    real_site: Path, sharded_site: Path, serve_dir, browser: Browser, sort: str
) -> None:
    found = {}
    for name, site in (("whole", real_site), ("merged", sharded_site)):
        page = browser.new_page()
        try:
            page.goto(serve_dir(site) + "/search/")
            found[name] = page.evaluate(FIND, ["Zelensky", sort])
        finally:
            page.close()
    # the articles by date, then the other pages by date, then the undated: within a day
    # the order may differ (shard order, where one bundle has its own)
    days = [day for _, day in found["merged"]]
    assert days == [day for _, day in found["whole"]] and len(days) > 5
    assert days[:5] == sorted(days[:5], reverse=sort == "desc")
    assert sorted(found["merged"]) == sorted(found["whole"])


def test_sharded_search_works_under_a_sub_path(tmp_path: Path, serve_dir, browser: Browser) -> None:
    output = tmp_path / "site"
    base = "https://example.org/briefing/"
    build(
        BuildOptions(
            content_dir=CONTENT,
            theme_dir=THEME,
            output_dir=output,
            base_url=base,
            search_shards=SHARDS,
        )
    )
    page = browser.new_page()
    try:
        page.goto(serve_dir(output, "/briefing/") + "/briefing/search/")
        urls = [url for url, _ in page.evaluate(FIND, ["Witkoff", ""])]
        assert urls and all(url.startswith("/briefing/") for url in urls)
        assert "/briefing/entities/steve-witkoff/" in urls
    finally:
        page.close()


def test_a_damaged_shard_of_the_published_bundle_is_indexed_again(tmp_path: Path) -> None:
    options = BuildOptions(
        content_dir=CONTENT,
        theme_dir=THEME,
        output_dir=tmp_path / "site",
        workers=1,
        search_shards=SHARDS,
    )
    builder = Builder(options)
    builder.build()
    whole = tree(options.output_dir)
    bundle = options.output_dir / SEARCH_FOLDER
    damaged = sorted((bundle / shard_folders(bundle)[0] / "fragment").iterdir())[0]
    damaged.write_bytes(damaged.read_bytes()[:-5])  # truncated: its size no longer matches
    builder.refresh_search()
    assert tree(options.output_dir) == whole


def test_a_title_edit_re_indexes_the_shards_whose_indexed_text_changed(tmp_path: Path) -> None:
    """The article's entities, topics and source list it by its new title, mostly in
    lists Pagefind ignores: only the shards of pages whose record changed (the article;
    a topic whose facts cite it by title) are indexed again, in a new process warm from
    the cache; and the bundle is still the one a cold build makes."""
    options = copied_site(tmp_path, search_shards=SHARDS, cache=True)
    content = options.content_dir
    kept = tmp_path / CACHE_FOLDER / f"site{SEARCH_PAGES_SUFFIX}"  # with the cache
    Builder(options).build()
    before, lists = tree(options.output_dir), [read_page_list(kept.read_bytes())]
    article = content / "articles" / f"{EDITED}.md"
    text = article.read_text("utf-8")
    article.write_text(text.replace("title: Zelensky vows", "title: Zorblaxian Zelensky vows"))
    Builder(options).build()  # a new process, warm from the cache
    after, records = tree(options.output_dir), [*lists, read_page_list(kept.read_bytes())]
    changed = {n for n in before.keys() | after.keys() if before.get(n) != after.get(n)}
    pages = {"/" + n.removesuffix("index.html") for n in changed if n.endswith(".html")}
    indexed_anew = {
        url
        for url in pages
        if records[1][url].marked and records[0][url].record != records[1][url].record
    }
    assert not [name for name in after if name.endswith("pages.json")]  # not deployed
    bundle = {name for name in changed if name.startswith(f"{SEARCH_FOLDER}/")}
    shards = {name.split("/")[1] + "/" for name in bundle if name.count("/") > 1}
    assert f"/articles/{EDITED}/" in indexed_anew
    assert shards == {folder_of(url) for url in indexed_anew}
    assert shards < {folder_of(url) for url in pages}  # fewer than the pages changed

    cold = tmp_path / "cold"
    build(BuildOptions(content_dir=content, theme_dir=THEME, output_dir=cold, search_shards=SHARDS))
    assert tree(cold) == after
    assert not (tmp_path / CACHE_FOLDER / f"cold{SEARCH_PAGES_SUFFIX}").exists()  # no cache


def test_pages_with_the_same_records_give_pagefind_the_same_bundle(sharded_site: Path) -> None:
    """The text left out of the records of the real pages, changed on every page, gives
    the real Pagefind the same bundle: it did not read it."""
    files = sorted(p for p in sharded_site.rglob("*.html") if SEARCH_FOLDER not in p.parts)
    pages = [("/" + p.relative_to(sharded_site).as_posix(), p.read_bytes()) for p in files]
    altered = [(url, _altered(html)) for url, html in pages]
    assert sum(a != b for (_, a), (_, b) in zip(pages, altered, strict=True)) > 50
    for (url, html), (_, other) in zip(pages, altered, strict=True):
        assert record_digest(url, html) == record_digest(url, other), url
    one, other = (_canonicalise_filters(index_pages(p, "en")) for p in (pages, altered))
    assert one.keys() == other.keys()
    assert [name for name in one if one[name] != other[name]] == []


def _altered(html: bytes) -> bytes:
    """The page with every letter e of the text its record leaves out made a q."""
    head = html.index(b"</head>")
    html = (
        re.sub(rb"(?<=<script)([^>]*>)([^<]*)(?=</script>)", _text_to_q, html[:head]) + html[head:]
    )
    parts, done = [], 0
    for inner, end, _ in _ignored_elements(html):
        if inner >= done:
            parts += (html[done:inner], re.sub(rb"[^<>]+(?=<)", _to_q, html[inner:end]))
            done = end
    return b"".join(parts) + html[done:]


def _to_q(text: re.Match[bytes]) -> bytes:
    return text.group(0).replace(b"e", b"q")


def _text_to_q(script: re.Match[bytes]) -> bytes:
    return script.group(1) + script.group(2).replace(b"e", b"q")
