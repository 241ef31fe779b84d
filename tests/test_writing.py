"""What writers expect of a site generator, end to end on a small built site: footnotes
(and, as they land, local images, scheduled posts)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import FIXTURES, ROOT, THEME, parse
from playwright.sync_api import Browser

from generator.build import BuildOptions, build
from generator.sentences import split_sentences

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
"""


@pytest.fixture(scope="module")
def writer_content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    content = tmp_path_factory.mktemp("writer") / "content"
    shutil.copytree(FIXTURES / "mini", content)
    (content / "articles" / "first.md").write_text(NOTED, encoding="utf-8")
    return content


@pytest.fixture(scope="module")
def writer_site(writer_content: Path) -> Path:
    output = writer_content.parent / "site"
    build(BuildOptions(writer_content, THEME, output, search=False))
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
    for slug in ("first",):
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
