"""The built site in headless Chromium (Debian's chromium, driven by Playwright)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

ISTANBUL_ARTICLE = "Ukraine proposes a Zelensky–Putin meeting at the Istanbul talks"


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context()
    page = context.new_page()
    failures: list[str] = []
    page.on("pageerror", lambda error: failures.append(f"script error: {error}"))
    page.on(
        "response", lambda r: failures.append(f"{r.status} {r.url}") if r.status >= 400 else None
    )
    yield page
    context.close()
    assert failures == []


def result_titles(page: Page) -> list[str]:
    return page.locator(".search-results > li > a").all_inner_texts()


def test_search_from_the_home_page_finds_the_istanbul_article(
    real_site: Path, serve_dir, page: Page
) -> None:
    page.goto(serve_dir(real_site) + "/")
    page.get_by_label("Search articles, topics, people and places").fill("Medinsky")
    page.wait_for_selector(".search-results li")
    assert ISTANBUL_ARTICLE in result_titles(page)
    page.locator(".search-results").get_by_role("link", name=ISTANBUL_ARTICLE).click()
    page.wait_for_url("**/articles/ukraine-proposes-leaders-meeting-at-istanbul-talks/")
    assert page.locator("h1").inner_text() == ISTANBUL_ARTICLE


def test_a_misspelling_finds_the_entity(real_site: Path, serve_dir, page: Page) -> None:
    page.goto(serve_dir(real_site) + "/search/?q=Receptacle")
    page.wait_for_selector(".search-results li")
    assert "Recep Tayyip Erdogan" in result_titles(page)


def test_topic_filter_narrows_results(real_site: Path, serve_dir, page: Page) -> None:
    page.goto(serve_dir(real_site) + "/search/?q=Zelensky")
    page.wait_for_selector(".search-results li")
    page.get_by_label("Topic", exact=True).select_option("Ankara meeting")
    page.wait_for_function("document.querySelector('.search-status').textContent.startsWith('3 ')")
    titles = result_titles(page)
    assert "Ankara meeting" in titles
    assert ISTANBUL_ARTICLE not in titles


def test_header_search_form_works_under_a_sub_path(tmp_path: Path, serve_dir, page: Page) -> None:
    from conftest import CONTENT, THEME

    from generator.pipeline.builder import build
    from generator.settings import BuildOptions

    output = tmp_path / "site"
    build(BuildOptions(content_dir=CONTENT, theme_dir=THEME, output_dir=output, base_url="https://example.github.io/briefing/"))
    page.goto(serve_dir(output, "/briefing/") + "/briefing/topics/istanbul-talks/")
    page.get_by_label("Search", exact=True).fill("Medinsky")
    page.keyboard.press("Enter")
    page.wait_for_selector(".search-results li")
    assert ISTANBUL_ARTICLE in result_titles(page)
    page.locator(".search-results").get_by_role("link", name=ISTANBUL_ARTICLE).click()
    page.wait_for_url("**/briefing/articles/ukraine-proposes-leaders-meeting-at-istanbul-talks/")


def test_pages_render_without_javascript(real_site: Path, serve_dir, browser: Browser) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(serve_dir(real_site) + "/topics/ankara-meeting/")
    assert page.locator("h1").inner_text() == "Ankara meeting"
    page.get_by_role("link", name="Steve Witkoff").first.click()
    page.wait_for_url("**/entities/steve-witkoff/")
    context.close()


def result_count(page: Page) -> int:
    page.wait_for_function(
        "/^\\d+ result/.test(document.querySelector('.search-status').textContent)"
    )
    return int(page.locator(".search-status").inner_text().split()[0])


def test_filters_by_source_topic_and_grade_narrow_the_list(
    real_site: Path, serve_dir, page: Page
) -> None:
    page.goto(serve_dir(real_site) + "/search/?q=Zelensky")
    everything = result_count(page)
    page.get_by_label("Source", exact=True).select_option("BBC News")
    page.wait_for_function(
        f"!document.querySelector('.search-status').textContent.startsWith('{everything} ')"
    )
    by_source = result_count(page)
    assert 0 < by_source < everything
    assert result_titles(page) == ["Zelensky to meet US envoy Witkoff and Erdogan in Ankara"]
    page.get_by_label("Source", exact=True).select_option("")
    page.get_by_label("Topic", exact=True).select_option("Istanbul talks")
    page.wait_for_function(
        "document.querySelector('.search-results li a') && ![...document."
        "querySelectorAll('.search-results li a')].some(a => a.textContent"
        ".includes('Witkoff and Erdogan'))"
    )
    by_topic = result_count(page)
    assert 0 < by_topic < everything
    grades = page.locator("#filter-reliability option").all_inner_texts()
    assert "B: Usually reliable" in grades and "E: Unreliable" in grades
    assert "Vladimir Medinsky" in page.locator("#filter-entity option").all_inner_texts()


def test_newest_first_order(real_site: Path, serve_dir, page: Page) -> None:
    page.goto(serve_dir(real_site) + "/search/?q=Zelensky&type=Article&sort=desc")
    result_count(page)
    titles = result_titles(page)
    november = {
        "Zelensky to Meet US Envoy and Turkish President for Peace Discussions",
        "Zelensky to meet US envoy Witkoff and Erdogan in Ankara",
    }
    assert set(titles[:2]) == november
    assert titles[2] == ISTANBUL_ARTICLE  # July, then the two of May
    assert len(titles) == 5


def test_keyboard_reaches_a_visible_skip_link_first(real_site: Path, serve_dir, page: Page) -> None:
    page.goto(serve_dir(real_site) + "/topics/istanbul-talks/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "Skip to content"
    box = page.locator(".skip-link").bounding_box()
    assert box is not None and box["x"] >= 0 and box["y"] >= 0  # on screen once focused
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Enter")
    page.wait_for_url("**#main")
