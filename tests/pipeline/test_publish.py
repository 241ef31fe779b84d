"""Publishing under a sub-path, with feeds, sitemap, structured data, valid and
accessible pages (W3C Nu checker and axe-core)."""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import CONTENT, ROOT, THEME, parse
from playwright.sync_api import Browser

from generator.pipeline.builder import build
from generator.settings import BuildOptions

sys.path.insert(0, str(ROOT / "tools"))
import lint_site

BASE_URL = "https://example.github.io/briefing/"
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture(scope="module")
def sub_path_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("pages") / "site"
    build(BuildOptions(content_dir=CONTENT, theme_dir=THEME, output_dir=output, base_url=BASE_URL))
    return output


def test_click_through_the_site_under_a_sub_path(
    sub_path_site: Path, serve_dir, browser: Browser
) -> None:
    origin = serve_dir(sub_path_site, "/briefing/")
    page = browser.new_page()
    failures: list[str] = []
    page.on(
        "requestfailed",  # a fetch cut short by the next navigation is no failure
        lambda r: failures.append(f"failed {r.url}") if r.failure != "net::ERR_ABORTED" else None,
    )
    page.on(
        "response", lambda r: failures.append(f"{r.status} {r.url}") if r.status >= 400 else None
    )

    page.goto(origin + "/briefing/")
    page.locator(".topic-card").get_by_role("link", name="Istanbul talks").click()
    page.wait_for_url("**/briefing/topics/istanbul-talks/")
    page.locator(".topic-articles").get_by_role("link").first.click()
    page.wait_for_url("**/briefing/articles/**")
    page.locator(".body a.entity").first.click()
    page.wait_for_url("**/briefing/entities/**")
    page.go_back()
    page.wait_for_url("**/briefing/articles/**")
    page.get_by_role("link", name="Home", exact=True).first.click()
    page.wait_for_url(origin + "/briefing/")

    page.get_by_label("Search articles, topics, people and places").fill("Medinsky")
    page.locator(".search-results li a").first.wait_for()
    page.locator(".search-results li a").first.click()
    page.wait_for_url("**/briefing/**/")
    assert failures == []

    response = page.goto(origin + "/briefing/a/b/c/")
    assert response.status == 404
    assert page.locator("h1").inner_text() == "Page not found"
    header = page.locator(".site-header").evaluate("e => getComputedStyle(e).backgroundColor")
    assert header == "rgb(31, 78, 121)"  # the stylesheet loaded at this depth
    assert failures == [f"404 {origin}/briefing/a/b/c/"]
    page.close()


def test_every_link_carries_the_base_path(sub_path_site: Path) -> None:
    pages = lint_site.html_pages(sub_path_site)
    rooted = [
        (html, url)
        for html in pages
        for tag in parse(html).select("[href], [src]")
        if (url := tag.get("href") or tag.get("src")).startswith("/")
    ]
    assert len(pages) > 50 and len(rooted) > 20 * len(pages)  # else nothing was checked
    assert [(html, url) for html, url in rooted if not url.startswith("/briefing/")] == []


def test_feeds_are_atom(sub_path_site: Path) -> None:
    feeds = sorted(sub_path_site.rglob("feed.xml"))
    assert len(feeds) > 10  # the site, three topics, the entities that have articles
    for feed_file in feeds:
        feed = ET.parse(feed_file).getroot()
        assert feed.tag == f"{ATOM}feed"
        for element in ("id", "title", "updated", "author/" + ATOM + "name"):
            assert feed.find(ATOM + element) is not None, (feed_file, element)
        self_link = feed.find(f"{ATOM}link[@rel='self']").get("href")
        assert self_link == BASE_URL + str(feed_file.relative_to(sub_path_site))
        for entry in feed.findall(f"{ATOM}entry"):
            for element in ("id", "title", "updated", "link"):
                assert entry.find(ATOM + element) is not None
            link = entry.find(f"{ATOM}link").get("href")  # an article, or a fact of a topic
            assert link.startswith((BASE_URL + "articles/", BASE_URL + "topics/"))
    site_feed = ET.parse(sub_path_site / "feed.xml").getroot()
    assert len(site_feed.findall(f"{ATOM}entry")) == 5
    topic = parse(sub_path_site / "topics" / "ankara-meeting" / "index.html")
    alternates = [link["href"] for link in topic.select('link[rel="alternate"]')]
    assert alternates == ["/briefing/feed.xml", "/briefing/topics/ankara-meeting/feed.xml"]


def test_sitemap_lists_every_page(sub_path_site: Path) -> None:
    sitemap = ET.parse(sub_path_site / "sitemap.xml").getroot()
    listed = {loc.text for loc in sitemap.iter(f"{SITEMAP}loc")}
    pages = {
        BASE_URL + str(html.relative_to(sub_path_site)).removesuffix("index.html")
        for html in lint_site.html_pages(sub_path_site)
        if html.name != "404.html" and html.parent.name != "search"
    }
    assert listed == pages
    robots = (sub_path_site / "robots.txt").read_text()
    assert f"Sitemap: {BASE_URL}sitemap.xml" in robots
    assert (sub_path_site / ".nojekyll").is_file()


def json_ld(html: Path, kind: str = "NewsArticle") -> dict:
    """The page's JSON-LD item of the given @type (from its @graph when it has several)."""
    scripts = parse(html).select('script[type="application/ld+json"]')
    assert len(scripts) == 1
    data = json.loads(scripts[0].string)
    assert data["@context"] == "https://schema.org"
    items = data.get("@graph", [data])
    (item,) = [item for item in items if item["@type"] == kind]
    return item


def test_json_ld_on_articles_and_entities(sub_path_site: Path) -> None:
    article = json_ld(
        sub_path_site / "articles" / "zelensky-to-meet-witkoff-and-erdogan-in-ankara" / "index.html"
    )
    assert article["@type"] == "NewsArticle"
    assert article["datePublished"] == article["dateModified"] == "2025-11-18"
    assert (
        article["author"]
        == article["sourceOrganization"]
        == {"@type": "Organization", "name": "BBC News", "url": "https://www.bbc.com/news"}
    )
    assert article["publisher"] == {
        "@type": "Organization",
        "name": "Ukraine–Russia Peace Talks Briefing",
        "url": BASE_URL,
    }
    assert article["image"].startswith(BASE_URL + "cards/")
    assert article["isBasedOn"] == "https://www.bbc.com/news/articles/c620p6jnynko"
    assert article["url"] == (BASE_URL + "articles/zelensky-to-meet-witkoff-and-erdogan-in-ankara/")
    kinds = {"volodymyr-zelensky": "Person", "kremlin": "Organization", "ankara": "Place"}
    for entity_id, kind in kinds.items():
        data = json_ld(sub_path_site / "entities" / entity_id / "index.html", kind)
        assert data["name"] and data["url"].startswith(BASE_URL)


def test_breadcrumbs_and_the_search_action_in_json_ld(sub_path_site: Path) -> None:
    topic = sub_path_site / "topics" / "ankara-meeting" / "index.html"
    crumbs = json_ld(topic, "BreadcrumbList")["itemListElement"]
    assert [(c["position"], c["name"], c["item"]) for c in crumbs] == [
        (1, "Home", BASE_URL),
        (2, "Topics", BASE_URL + "topics/"),
        (3, "Ankara meeting", BASE_URL + "topics/ankara-meeting/"),
    ]
    shown = [a.get_text() for a in parse(topic).select(".breadcrumbs a")]
    assert shown == [c["name"] for c in crumbs]
    website = json_ld(sub_path_site / "index.html", "WebSite")
    target = website["potentialAction"]["target"]["urlTemplate"]
    assert target == BASE_URL + "search/?q={search_term_string}"


def test_every_address_for_machines_is_absolute(sub_path_site: Path) -> None:
    sitemap = ET.parse(sub_path_site / "sitemap.xml").getroot()
    found = [loc.text for loc in sitemap.iter(f"{SITEMAP}loc")]
    for feed_file in sub_path_site.rglob("feed.xml"):
        feed = ET.parse(feed_file).getroot()
        found += [link.get("href") for link in feed.iter(f"{ATOM}link")]
        found += [element.text for element in feed.iter(f"{ATOM}id")]
    for html in lint_site.html_pages(sub_path_site):
        soup = parse(html)
        found += [tag["href"] for tag in soup.select('link[rel="canonical"]')]
        found += [
            tag["content"]
            for tag in soup.select('meta[property^="og:"][content]')
            if tag["property"] in ("og:url", "og:image")
        ]
        found += [tag["content"] for tag in soup.select('meta[name="twitter:image"]')]
    assert len(found) > 300
    assert [url for url in found if not url.startswith(BASE_URL)] == []
    images = [u for u in found if u.endswith(".png")]
    assert images and all((sub_path_site / u.removeprefix(BASE_URL)).is_file() for u in images)


def test_a_local_build_writes_no_relative_address_and_no_warning(
    tmp_path: Path, capsys
) -> None:
    """With base_url "/" (this repository's own), a build is for viewing here: no
    warning, --strict passes, and nothing that must hold a full address holds a
    relative one: no sitemap, no canonical, og:url or og:image."""
    from conftest import site_args

    from generator.cli import main

    output = tmp_path / "site"
    assert main(site_args("build", CONTENT, output, "--no-search", "--strict")) == 0
    assert capsys.readouterr().err == ""
    assert not (output / "sitemap.xml").exists()
    assert "Sitemap:" not in (output / "robots.txt").read_text(encoding="utf-8")
    pages = list(lint_site.html_pages(output))
    assert len(pages) > 60
    for html in pages:
        soup = parse(html)
        assert soup.select_one('link[rel="canonical"]') is None, html
        for prop in ("og:url", "og:image"):
            assert soup.select_one(f'meta[property="{prop}"]') is None, (html, prop)
        assert soup.select_one('meta[name="twitter:image"]') is None, html
        assert soup.select_one('meta[name="twitter:card"]')["content"] == "summary"


def test_social_cards_and_canonical_on_every_page(sub_path_site: Path) -> None:
    """Every page a reader may share has its card: home, lists, topics, articles,
    entities, sources, timeline, search (the 404 and the redirects alone have none)."""
    cards = set()
    for html in lint_site.html_pages(sub_path_site):
        soup = parse(html)
        for prop in ("og:title", "og:description", "og:type", "og:url"):
            assert soup.select_one(f'meta[property="{prop}"]')["content"], (html, prop)
        card = soup.select_one('meta[name="twitter:card"]')["content"]
        image = soup.select_one('meta[property="og:image"]')
        assert card == ("summary_large_image" if image else "summary"), html
        redirect = soup.select_one('meta[http-equiv="refresh"]') is not None
        if html.name != "404.html" and not redirect:
            assert soup.select_one('link[rel="canonical"]')["href"].startswith(BASE_URL)
            assert image is not None, html
            assert image["content"].startswith(BASE_URL + "cards/"), html
            cards.add(image["content"])
    assert len(cards) > 60  # each page its own
    for page in ("", "topics/", "articles/", "sources/", "entities/", "timeline/", "search/"):
        soup = parse(sub_path_site / page / "index.html")
        card = soup.select_one('meta[property="og:image"]')["content"]
        path = sub_path_site / card.removeprefix(BASE_URL)
        assert path.read_bytes().startswith(b"\x89PNG"), page


def test_script_end_tag_in_a_title_stays_inside_json_ld(tmp_path: Path) -> None:
    from test_hostile import TITLE, hostile_content

    content = hostile_content(tmp_path)
    output = tmp_path / "site"
    build(
        BuildOptions(
            content_dir=content, theme_dir=THEME, output_dir=output, base_url=BASE_URL, search=False
        )
    )
    data = json_ld(output / "articles" / "hostile" / "index.html")
    assert data["headline"] == TITLE


def test_w3c_nu_checker_finds_no_errors(sub_path_site: Path) -> None:
    try:
        errors = lint_site.run_vnu(sub_path_site)
    except lint_site.MissingTool as exc:
        pytest.fail(str(exc), pytrace=False)
    assert errors == []


def test_axe_finds_no_serious_violations(sub_path_site: Path, browser: Browser) -> None:
    """One page per template, light and dark; `make lint-site` checks every page."""
    pages = lint_site.one_page_per_kind(sub_path_site)
    assert len(pages) >= 15  # home, lists, topic, article, comparison, entity, source, graph…
    try:
        problems = lint_site.run_axe(sub_path_site, "/briefing/", browser, pages)
    except lint_site.MissingTool as exc:
        pytest.fail(str(exc), pytrace=False)
    assert problems == []
