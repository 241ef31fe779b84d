"""feeds: an Atom feed for the site, each topic and each entity with articles; the
sitemap (only with a full address) and robots.txt."""

from __future__ import annotations

from pathlib import Path

from conftest import FIXTURES
from tiny_site import tiny

from generator.pages.feeds import feed_pages, index_pages
from generator.reads.reader import Reader

ABSOLUTE = "title: Mini briefing\ndescription: d\nbase_url: https://example.org/b/\n"


def test_a_feed_for_the_site_each_topic_and_each_named_entity(tmp_path: Path) -> None:
    entities = (FIXTURES / "mini/entities.yaml").read_text()
    unnamed = "\n- {id: nobody, name: Nobody Here, kind: person, description: N.}\n"
    site = tiny(tmp_path, {"entities.yaml": entities + unnamed})
    feeds = sorted(p.path for p in feed_pages(site.site, site.graph, site.texts, site.routes))
    assert feeds == [
        "/entities/ankara/feed.xml",
        "/entities/volodymyr-zelensky/feed.xml",
        "/feed.xml",
        "/topics/ankara-meeting/feed.xml",
    ]  # not /entities/nobody/: no article names it


def test_a_feed_lists_the_newest_articles_and_is_dated_by_them(tmp_path: Path) -> None:
    site = tiny(tmp_path)
    context = site.page("/feed.xml").context(Reader(site.data))
    slugs = [card.article.slug for card in context["articles"]]
    assert slugs == ["second", "first"]
    assert context["updated"] == site.site.articles["second"].modified
    assert context["alternate"] == "/"


def test_the_sitemap_needs_a_full_address_and_leaves_out_404_and_search(tmp_path: Path) -> None:
    local = tiny(tmp_path / "local")
    assert [p.path for p in index_pages(local.site, local.routes, local.pages)] == ["/robots.txt"]
    site = tiny(tmp_path / "published", {"site.yaml": ABSOLUTE})
    sitemap, robots = index_pages(site.site, site.routes, site.pages)
    entries = dict(sitemap.context(Reader(site.data))["entries"])
    assert "/articles/first/" in entries and "/topics/ankara-meeting/" in entries
    assert entries["/articles/first/"] == site.site.articles["first"].modified
    assert not {"/404.html", "/search/", "/feed.xml"} & set(entries)
    assert sitemap.signature == tuple(sorted(entries))  # a new page changes its header
    assert (sitemap.path, robots.template) == ("/sitemap.xml", "robots.txt")
