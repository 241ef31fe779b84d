"""pages: Site -> the list of pages, each kind a function; a page's context is made only
when it is rendered, from a Reader that records what it read."""

from __future__ import annotations

from pathlib import Path

import pytest
from tiny_site import Tiny, tiny

from generator.pages.kinds import PAGE_KINDS, build_pages
from generator.pages.lists import site_pages
from generator.pages.page import Page
from generator.reads.reader import Reader


@pytest.fixture
def site(tmp_path: Path) -> Tiny:
    return tiny(tmp_path)


def test_every_record_has_its_page_and_no_path_is_made_twice(site: Tiny) -> None:
    paths = [page.path for page in site.pages]
    assert len(paths) == len(set(paths))
    expected = {"/", "/404.html", "/search/", "/robots.txt"}  # no sitemap without a host
    expected |= {f"/articles/{slug}/" for slug in site.site.articles}
    expected |= {f"/topics/{topic}/" for topic in site.site.topics}
    expected |= {f"/entities/{entity}/" for entity in site.site.entities}
    expected |= {f"/sources/{source}/" for source in site.site.sources}
    assert expected - set(paths) == set()


def test_each_context_reads_through_the_reader_and_records_it(site: Tiny) -> None:
    shown = 0
    for page in site.pages:
        reader = Reader(site.data)
        context = page.context(reader)
        assert isinstance(context, dict), page.path
        if context:  # a page with something to show read it through the reader
            assert reader.keys, page.path
            shown += 1
    assert shown > len(site.pages) // 2


def test_a_topic_page_reads_its_topic_and_articles_not_the_others(site: Tiny) -> None:
    reader = Reader(site.data)
    site.page("/topics/ankara-meeting/").context(reader)
    assert "topics.yaml" in reader.keys
    assert ("topic-articles", "ankara-meeting") in reader.keys
    assert {"articles/first.md", "articles/second.md"} <= reader.keys


def test_a_new_page_kind_is_one_more_function_and_the_sitemap_lists_its_pages(
    tmp_path: Path,
) -> None:
    site = tiny(tmp_path, {"site.yaml": "title: Mini\nbase_url: https://example.org/\n"})

    def about(*_: object) -> list[Page]:
        return [Page("/about/", "page.html", "About")]

    pages = build_pages(site.site, site.graph, site.texts, site.routes, (site_pages, about))
    paths = [page.path for page in pages]
    assert paths[-3:] == ["/about/", "/sitemap.xml", "/robots.txt"]
    assert not any(path.startswith("/articles/first") for path in paths)  # no article kind
    sitemap = pages[-2].context(Reader(site.data))
    assert "/about/" in dict(sitemap["entries"])
    assert PAGE_KINDS[0] is site_pages
