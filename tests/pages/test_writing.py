"""What writers expect of a site generator, end to end on a small built site: footnotes
(and, as they land, local images, scheduled posts)."""

from __future__ import annotations

import shutil
import sys
import urllib.request
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import FIXTURES, ROOT, THEME, parse, site_args
from PIL import Image
from playwright.sync_api import Browser

from generator.cli import main
from generator.evidence.sentences import split_sentences
from generator.pipeline.builder import Builder, build
from generator.settings import BuildOptions

sys.path.insert(0, str(ROOT / "tools"))
import lint_site

NOTED = """---
title: First report
date: 2025-11-18
source: wire
topics: [ankara-meeting]
summary: Zelensky goes to Ankara.
---

Voldymir Zelensky travelled to Ankara.[^wire] He met officials there.[^wire]

A second paragraph with a note.[^2]

[^wire]: As the wire reported on 18 November.
[^2]: Another note, with a [link](https://example.com/).

![A map of the route to Ankara](map.png)

![Delegates at the table](images/photo.jpg "In Ankara")

![A chart hosted elsewhere](https://example.com/chart.png){width=800 height=450}

![A photo hosted elsewhere](https://example.com/photo.jpg)
"""


def save_image(path: Path, size: tuple[int, int], kind: str = "PNG") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, (200, 80, 40)).save(path, kind)


@pytest.fixture(scope="module")
def writer_content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    content = tmp_path_factory.mktemp("writer") / "content"
    shutil.copytree(FIXTURES / "mini", content)
    (content / "articles" / "first.md").write_text(NOTED, encoding="utf-8")
    save_image(content / "articles" / "first" / "map.png", (640, 360))
    save_image(content / "articles" / "first" / "images" / "photo.jpg", (300, 200), "JPEG")
    return content


@pytest.fixture(scope="module")
def writer_site(writer_content: Path) -> Path:
    output = writer_content.parent / "site"
    build(
        BuildOptions(content_dir=writer_content, theme_dir=THEME, output_dir=output, search=False)
    )
    return output


def article(site: Path, slug: str) -> BeautifulSoup:
    return parse(site / "articles" / slug / "index.html")


def test_footnotes_link_both_ways_beside_paragraph_ids(writer_site: Path) -> None:
    page = article(writer_site, "first")
    body = page.select_one(".body")
    references = body.select("sup.footnote-ref a")
    assert [a["href"] for a in references] == ["#fn-1", "#fn-1", "#fn-2"]
    for reference in references:
        note = body.find(id=reference["href"][1:])
        assert note.find("a", class_="footnote-backref", href=f"#{reference['id']}")
    notes = body.select("section.footnotes li")
    assert [li.p["id"] for li in notes] == ["para-6", "para-7"]  # their own body lines
    assert "As the wire reported" in notes[0].get_text()
    ids = [tag["id"] for tag in page.find_all(id=True)]
    assert len(ids) == len(set(ids))


def test_a_cited_sentence_is_marked_with_its_own_footnote(writer_site: Path) -> None:
    mark = article(writer_site, "first").select_one("#para-2 mark.cited")
    assert mark.get_text() == "Voldymir Zelensky travelled to Ankara.1"
    assert mark.select_one("sup.footnote-ref a")["href"] == "#fn-1"
    assert mark.find_next_sibling("a")["class"] == ["cited-by"]


def test_sentences_leave_footnote_labels_out() -> None:
    sentences = split_sentences(NOTED.split("---\n", 2)[2].lstrip("\n"))
    texts = [s.text for s in sentences]
    assert texts[:2] == ["Voldymir Zelensky travelled to Ankara.", "He met officials there."]
    assert "As the wire reported on 18 November." in texts


def test_writer_pages_are_valid_html(writer_site: Path, tmp_path: Path) -> None:
    """The Nu checker on the pages these features change (the real site has its own run)."""
    for slug in ("first",):  # footnotes, local and remote images
        shutil.copy(writer_site / "articles" / slug / "index.html", tmp_path / f"{slug}.html")
    try:
        errors = lint_site.run_vnu(tmp_path)
    except lint_site.MissingTool as exc:
        pytest.fail(str(exc), pytrace=False)
    assert errors == []


def test_writer_pages_are_accessible(writer_site: Path, browser: Browser) -> None:
    pages = [writer_site / "articles" / "first" / "index.html"]
    try:
        problems = lint_site.run_axe(writer_site, "/", browser, pages)
    except lint_site.MissingTool as exc:
        pytest.fail(str(exc), pytrace=False)
    assert problems == []


def test_local_images_are_published_with_their_size(writer_site: Path, serve_dir) -> None:
    images = article(writer_site, "first").select(".body img")
    sizes = {img["src"]: (img.get("width"), img.get("height")) for img in images}
    assert sizes == {
        "/articles/first/map.png": ("640", "360"),
        "/articles/first/images/photo.jpg": ("300", "200"),
        "https://example.com/chart.png": ("800", "450"),
        "https://example.com/photo.jpg": (None, None),  # no size given: none guessed
    }
    assert all(img["loading"] == "lazy" and img["alt"] for img in images)
    origin = serve_dir(writer_site)
    for src in ("/articles/first/map.png", "/articles/first/images/photo.jpg"):
        with urllib.request.urlopen(origin + src) as reply:
            assert reply.headers["Content-Type"].startswith("image/")
            assert Image.open(reply).size == tuple(map(int, sizes[src]))


# (markdown, expected "line: error: message") for an image on body line 1 (file line 9)
IMAGE_ERRORS = {
    "no alt": ("![](map.png)", ":9: error: image map.png has no alt text"),
    "blank alt": (
        "![ ](https://example.com/a.png)",
        ":9: error: image https://example.com/a.png has no alt text",
    ),
    "parent folder": (
        "![Up](../second.md)",
        ":9: error: image ../second.md is outside the article's folder",
    ),
    "parent, encoded": (
        "![Up](%2e%2e/x.png)",
        ":9: error: image %2e%2e/x.png is outside the article's folder",
    ),
    "absolute": (
        "![Abs](/etc/passwd.png)",
        ":9: error: link to a page that does not exist: /etc/passwd.png",
    ),
    "symlink out": (
        "![Out](out.png)",
        ":9: error: image out.png leads out of the article's folder",
    ),
    "typo": ("![Map](mpa.png)", ":9: error: image mpa.png not found in"),
    "svg": ("![Svg](x.svg)", ":9: error: image x.svg is not a .gif, .jpeg, .jpg, .png, .webp file"),
    "not an image": ("![Fake](fake.png)", ":9: error: image fake.png cannot be read as an image"),
    "wrong kind": ("![Jpeg](photo.png)", ":9: error: image photo.png holds JPEG, not PNG"),
}


@pytest.mark.parametrize("case", IMAGE_ERRORS)
def test_image_problems_are_one_line_each_and_nothing_is_written(
    mini_content: Path, tmp_path: Path, capsys, case: str
) -> None:
    markdown, expected = IMAGE_ERRORS[case]
    folder = mini_content / "articles" / "first"
    save_image(folder / "map.png", (10, 10))
    save_image(folder / "photo.png", (10, 10), "JPEG")
    (folder / "fake.png").write_text("not a picture", encoding="utf-8")
    (folder / "out.png").symlink_to(FIXTURES / "mini" / "site.yaml")
    path = mini_content / "articles" / "first.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("Voldymir Zelensky travelled", f"{markdown} Voldymir Zelensky travelled")
    )
    output = tmp_path / "site"
    code = main(site_args("build", mini_content, output, "--no-search"))
    lines = capsys.readouterr().err.splitlines()
    assert code == 1
    assert lines[0].startswith(f"{path}{expected}"), lines
    assert lines[-1] == "1 error; nothing was written"
    assert not output.exists()


def test_an_edited_or_dropped_image_is_updated_in_place(
    writer_content: Path, tmp_path: Path
) -> None:
    """The preview's path: a second build of the same Builder writes in place."""
    content = tmp_path / "content"
    shutil.copytree(writer_content, content)
    builder = Builder(
        BuildOptions(
            content_dir=content, theme_dir=THEME, output_dir=tmp_path / "site", search=False
        )
    )
    builder.build()
    published = tmp_path / "site" / "articles" / "first"
    save_image(content / "articles" / "first" / "map.png", (320, 100))
    report = builder.build()
    assert "/articles/first/" in report.written
    assert article(tmp_path / "site", "first").select_one('img[src$="map.png"]')["width"] == "320"
    assert Image.open(published / "map.png").size == (320, 100)
    article_file = content / "articles" / "first.md"
    article_file.write_text(NOTED.replace("![A map of the route to Ankara](map.png)", ""))
    builder.build()
    assert not (published / "map.png").exists()
    assert (published / "images" / "photo.jpg").is_file()
