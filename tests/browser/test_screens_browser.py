"""Every page kind read in Chromium at a small phone, a phone and a laptop width."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser

WIDTHS = (320, 390, 1366)

# one page of each kind; the article with the most cited sentences is the widest
PAGE_KINDS = {
    "home": "/",
    "topics": "/topics/",
    "topic": "/topics/istanbul-talks/",
    "articles": "/articles/",
    "article": "/articles/ukraine-proposes-leaders-meeting-at-istanbul-talks/",
    "comparison": "/articles/zelensky-to-meet-us-envoy-and-turkish-president/compare/",
    "entities": "/entities/",
    "entity": "/entities/volodymyr-zelensky/",
    "sources": "/sources/",
    "source": "/sources/bbc-news/",
    "timeline": "/timeline/",
    "whats-new": "/whats-new/",
    "graph": "/graph/",
    "search": "/search/?q=Medinsky",
    "not found": "/404.html",
}


def test_the_page_kinds_cover_every_section_of_the_site(real_site: Path) -> None:
    sections = {p.name for p in real_site.iterdir() if (p / "index.html").is_file()}
    covered = {path.strip("/").split("/")[0] for path in PAGE_KINDS.values()}
    assert sections - {"pagefind", "static", "cards"} <= covered


@pytest.mark.parametrize("width", WIDTHS)
def test_no_page_scrolls_sideways(real_site: Path, serve_dir, browser: Browser, width: int) -> None:
    origin = serve_dir(real_site)
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    too_wide = {}
    for kind, path in PAGE_KINDS.items():
        page.goto(origin + path)
        scroll_width, inner_width = page.evaluate(
            "[document.documentElement.scrollWidth, window.innerWidth]"
        )
        if scroll_width > inner_width:
            too_wide[kind] = scroll_width
    context.close()
    assert too_wide == {}, f"pages wider than {width} px"


LAPTOP_WIDTHS = (1280, 1366, 1440, 1920)
TOPS_OF_HEADER_ITEMS = """() => [...document.querySelector('.header-row').children]
  .map(child => [child.className, Math.round(child.getBoundingClientRect().top)])"""


def test_the_search_pages_header_is_one_row_from_a_small_laptop(
    real_site: Path, serve_dir, browser: Browser
) -> None:
    """A reviewer's find: at 1,024 px the search page's header (it has no search box) left
    the theme switch alone on a second row."""
    context = browser.new_context(viewport={"width": 1024, "height": 800})
    page = context.new_page()
    page.goto(serve_dir(real_site) + "/search/")
    tops = [top for _, top in page.evaluate(TOPS_OF_HEADER_ITEMS)]
    context.close()
    assert max(tops) - min(tops) <= 12, tops


@pytest.mark.parametrize("path", ["/", "/topics/ankara-meeting/", "/search/"])
def test_the_header_is_one_row_at_laptop_widths(
    real_site: Path, serve_dir, browser: Browser, path: str
) -> None:
    """A reviewer's find: at 1,366 px (a common laptop) the header wrapped and left the
    theme switch alone on a second row, and at 1,280 px it took two. From 1,280 px up, the
    brand, the sections, the search box and the theme switch share one row, and the search
    box keeps room to type in (it takes what the row has left, from 10rem)."""
    origin = serve_dir(real_site)
    wrapped = {}
    for width in LAPTOP_WIDTHS:
        context = browser.new_context(viewport={"width": width, "height": 800})
        page = context.new_page()
        page.goto(origin + path)
        tops = page.evaluate(TOPS_OF_HEADER_ITEMS)
        box = page.evaluate("document.querySelector('#header-q')?.offsetWidth")
        context.close()
        assert box is None if path == "/search/" else box >= 140, (width, box)
        assert any("theme-switch" in name for name, _ in tops)
        if max(top for _, top in tops) - min(top for _, top in tops) > 12:
            wrapped[width] = tops
    assert wrapped == {}


# what must not be split across lines: a grade with its closing bracket, a source's kind, a
# count with its noun; and a breadcrumb separator that would start a line
SPLIT_ON_A_PHONE = """() => {
  const split = [...document.querySelectorAll('.grade-close, .badge, .meta.count')]
    .filter(element => element.getClientRects().length > 1).map(element => element.textContent);
  const crumbs = [...document.querySelectorAll('.breadcrumbs li')];
  const leading = crumbs.filter(li => getComputedStyle(li, '::before').content.includes('›'));
  return [split, leading.length];
}"""


@pytest.mark.parametrize("path", ["/timeline/", "/sources/", "/topics/istanbul-talks/"])
def test_chips_and_grades_are_not_split_across_lines_on_a_phone(
    real_site: Path, serve_dir, browser: Browser, path: str
) -> None:
    """A reviewer's find at 390 px: a "machine rewrite" chip broken over two lines, a lone
    ")" after a grade, a separator starting the next line of a breadcrumb trail."""
    context = browser.new_context(viewport={"width": 390, "height": 800})
    page = context.new_page()
    page.goto(serve_dir(real_site) + path)
    split, leading_separators = page.evaluate(SPLIT_ON_A_PHONE)
    context.close()
    assert split == [] and leading_separators == 0


def test_a_topic_cards_status_stays_inside_its_card_on_a_small_phone(
    real_site: Path, serve_dir, browser: Browser
) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 800})
    page = context.new_page()
    page.goto(serve_dir(real_site) + "/")
    overflows = page.evaluate("""() => [...document.querySelectorAll('.card-status .badge')]
      .filter(b => b.getBoundingClientRect().right >
        b.closest('.topic-card').getBoundingClientRect().right)
      .map(b => b.textContent)""")
    context.close()
    assert overflows == []
