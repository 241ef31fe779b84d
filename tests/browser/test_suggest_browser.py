"""Search from the header as you type, in Chromium with the real Pagefind: "/" focuses it,
results show in an ARIA listbox, the arrows move, Enter opens; without JavaScript the form
still goes to the search page."""

from __future__ import annotations

from pathlib import Path

from conftest import THEME
from playwright.sync_api import Browser

from generator.pipeline.builder import build
from generator.settings import BuildOptions

MEDINSKY = "/entities/vladimir-medinsky/"


def test_type_in_the_header_move_with_the_arrows_and_open_with_enter(
    real_site: Path, serve_dir, browser: Browser
) -> None:
    origin = serve_dir(real_site)
    errors: list[str] = []
    for width in (1366, 320):
        context = browser.new_context(viewport={"width": width, "height": 800})
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(origin + "/topics/ankara-meeting/")
        page.keyboard.press("/")
        field = page.get_by_role("combobox", name="Search")
        assert page.evaluate("document.activeElement.id") == "header-q"
        page.keyboard.type("Medinsky")
        listbox = page.get_by_role("listbox", name="Search results")
        listbox.wait_for()
        options = listbox.get_by_role("option")
        assert options.count() >= 2
        assert field.get_attribute("aria-expanded") == "true"
        assert field.get_attribute("aria-controls") == listbox.get_attribute("id")
        box = listbox.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width
        titles = options.all_inner_texts()
        page.keyboard.press("ArrowDown")
        first = options.first
        assert first.get_attribute("aria-selected") == "true"
        assert field.get_attribute("aria-activedescendant") == first.get_attribute("id")
        page.keyboard.press("ArrowDown")
        page.keyboard.press("ArrowUp")
        assert first.get_attribute("aria-selected") == "true"
        assert titles[0].startswith("Vladimir Medinsky")
        page.keyboard.press("Enter")
        page.wait_for_url("**" + MEDINSKY)
        assert errors == []
        context.close()


def test_enter_without_a_choice_opens_the_search_page(
    real_site: Path, serve_dir, browser: Browser
) -> None:
    page = browser.new_page()
    page.goto(serve_dir(real_site) + "/sources/")
    field = page.get_by_role("combobox", name="Search")
    field.fill("Witkoff")
    page.get_by_role("listbox").wait_for()
    page.keyboard.press("Escape")
    assert page.get_by_role("listbox", include_hidden=True).is_hidden()
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=Witkoff")
    page.close()


def test_the_link_to_every_result_counts_one_result_as_one(
    mini_content: Path, tmp_path: Path, serve_dir, browser: Browser
) -> None:
    """A reviewer's find: a word on one page was offered as "All 1 results"."""
    article = mini_content / "articles" / "first.md"
    article.write_text(article.read_text("utf-8") + "\nA quixotrom word.\n", "utf-8")
    output = tmp_path / "site"
    build(BuildOptions(content_dir=mini_content, theme_dir=THEME, output_dir=output))
    page = browser.new_page()
    page.goto(serve_dir(output) + "/")
    field = page.get_by_role("combobox", name="Search")
    for query, said in (("quixotrom", "The 1 result for"), ("Ankara", "All ")):
        field.fill(query)
        every = page.locator(".suggestion-all")
        every.wait_for()
        page.wait_for_function(
            "q => document.querySelector('.suggestion-all')?.textContent.includes(q)", arg=query
        )
        assert every.inner_text().startswith(said), every.inner_text()
    page.close()
