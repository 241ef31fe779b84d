"""Drafts, `updated:` and `aliases:` in an article's front matter."""

from __future__ import annotations

import json
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import parse, search_fragments, site_args
from previewing import previewing

from generator.cli import main
from generator.pipeline.builder import build
from generator.settings import BuildOptions

BASE_URL = "https://example.org/mini/"
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
DRAFT = (
    "---\ntitle: Unpublished scoop\ndate: 2025-11-20\nsource: wire\ntopics: [ankara-meeting]\n"
    "draft: true\n---\n\nZelensky and the word quixotically appear in Ankara.\n"
)


def add_draft(content: Path, source: str = "wire") -> None:
    text = DRAFT.replace("source: wire", f"source: {source}")
    (content / "articles" / "scoop.md").write_text(text, encoding="utf-8")


def test_drafts_are_left_out_of_everything_built(mini_content: Path, tmp_path: Path) -> None:
    add_draft(mini_content)
    output = tmp_path / "site"
    report = build(BuildOptions(content_dir=mini_content, output_dir=output, base_url=BASE_URL))
    assert report.warnings == ()
    assert not (output / "articles" / "scoop").exists()
    every_file = "".join(
        p.read_text("utf-8") for p in output.rglob("*") if p.suffix in (".html", ".xml", ".json")
    )
    assert "scoop" not in every_file and "Unpublished" not in every_file
    assert "Zelensky" in search_fragments(output)  # the index is there and readable
    assert "quixotically" not in search_fragments(output)

    with_drafts = tmp_path / "drafts"
    main(site_args("build", mini_content, with_drafts, "--drafts", "--no-search"))
    page = parse(with_drafts / "articles" / "scoop" / "index.html")
    assert "Draft" in page.select_one(".draft-banner").get_text()
    assert page.select_one('meta[name="robots"]')["content"] == "noindex"


def test_a_fact_citing_only_a_draft_is_left_out_with_a_warning(
    mini_content: Path, tmp_path: Path
) -> None:
    add_draft(mini_content)
    topics = mini_content / "topics.yaml"
    topics.write_text(
        topics.read_text().replace(
            "cite: [first]", "cite: [first]\n    - text: Soon.\n      cite: [scoop]"
        ),
        encoding="utf-8",
    )
    report = build(
        BuildOptions(
            content_dir=mini_content, output_dir=tmp_path / "s", base_url=BASE_URL, search=False
        )
    )
    assert [w.message for w in report.warnings] == [
        "key fact 2 of topic 'ankara-meeting' cites only draft articles: "
        "it is left out until one of them is published"
    ]
    topic = (tmp_path / "s" / "topics" / "ankara-meeting" / "index.html").read_text()
    assert "Soon." not in topic and "Zelensky travelled to Ankara." in topic


def test_serve_shows_drafts_with_a_banner(tmp_path: Path) -> None:
    with previewing(tmp_path) as server:
        add_draft(server.content, "bbc-news")
        deadline = time.monotonic() + 30
        status, body = server.get("/articles/scoop/")
        while status != 200 and time.monotonic() < deadline:
            time.sleep(0.2)
            status, body = server.get("/articles/scoop/")
        assert status == 200
        assert parse_text(body).select_one(".draft-banner strong").get_text() == "Draft"


def parse_text(html: str):
    from bs4 import BeautifulSoup

    return BeautifulSoup(html, "html.parser")


def test_updated_dates_feeds_sitemap_json_ld_and_the_page(
    mini_content: Path, tmp_path: Path
) -> None:
    first = mini_content / "articles" / "first.md"
    first.write_text(
        first.read_text().replace("date: 2025-11-18\n", "date: 2025-11-18\nlastmod: 2025-12-02\n"),
        encoding="utf-8",
    )
    output = tmp_path / "site"
    build(
        BuildOptions(content_dir=mini_content, output_dir=output, base_url=BASE_URL, search=False)
    )
    url = BASE_URL + "articles/first/"
    feed = ET.parse(output / "feed.xml").getroot()
    entry = next(e for e in feed.iter(f"{ATOM}entry") if e.find(f"{ATOM}link").get("href") == url)
    assert entry.find(f"{ATOM}updated").text == "2025-12-02T00:00:00Z"
    assert entry.find(f"{ATOM}published").text == "2025-11-18T00:00:00Z"
    assert feed.find(f"{ATOM}updated").text == "2025-12-02T00:00:00Z"
    sitemap = ET.parse(output / "sitemap.xml").getroot()
    lastmod = {u.find(f"{SITEMAP}loc").text: u.find(f"{SITEMAP}lastmod") for u in sitemap}[url]
    assert lastmod.text == "2025-12-02"
    page = parse(output / "articles" / "first" / "index.html")
    data = json.loads(page.select_one('script[type="application/ld+json"]').string)
    article = next(item for item in data["@graph"] if item["@type"] == "NewsArticle")
    assert (article["datePublished"], article["dateModified"]) == ("2025-11-18", "2025-12-02")
    assert page.select_one(".updated time")["datetime"] == "2025-12-02"


@pytest.mark.parametrize(
    ("field", "message"),
    [
        ("updated: 2025-11-01", "'updated' is before the article's date"),
        ("updated: 2025-12-01\nlastmod: 2025-12-02", "'updated' and 'lastmod' are the same field"),
        ("draft: sometimes", "'draft' must be true or false, not 'sometimes'"),
        ("aliases: [old-first]", "alias 'old-first' must be a path on this site"),
        ("aliases: [/articles/second/]", "alias '/articles/second/' is already the address"),
    ],
)
def test_bad_article_fields(mini_content: Path, capsys, field: str, message: str) -> None:
    first = mini_content / "articles" / "first.md"
    first.write_text(first.read_text().replace("source: wire\n", f"source: wire\n{field}\n"))
    assert main(site_args("check", mini_content, None, "--base-url", BASE_URL)) == 1
    assert message in capsys.readouterr().err


def test_aliases_redirect_to_the_article(mini_content: Path, tmp_path: Path) -> None:
    first = mini_content / "articles" / "first.md"
    first.write_text(
        first.read_text().replace(
            "source: wire\n", "source: wire\naliases: [/2025/11/old, /x.html]\n"
        )
    )
    output = tmp_path / "site"
    build(
        BuildOptions(content_dir=mini_content, output_dir=output, base_url=BASE_URL, search=False)
    )
    for file in (output / "2025" / "11" / "old" / "index.html", output / "x.html"):
        page = parse(file)
        assert page.select_one('meta[http-equiv="refresh"]')["content"] == (
            "0; url=/mini/articles/first/"
        )
        assert page.select_one('link[rel="canonical"]')["href"] == BASE_URL + "articles/first/"
    assert "old" not in (output / "sitemap.xml").read_text()
