"""Light and dark in Chromium: the system's setting with no JavaScript, the reader's choice
remembered, applied before any module runs (no flash), and forgotten when it is the system's."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser, Page

LIGHT_BG, DARK_BG = "rgb(251, 250, 247)", "rgb(21, 23, 26)"
TOPIC = "/topics/istanbul-talks/"


def background(page: Page) -> str:
    return page.evaluate("getComputedStyle(document.body).backgroundColor")


def test_without_javascript_the_pages_follow_the_system(
    real_site: Path, serve_dir, browser: Browser
) -> None:
    origin = serve_dir(real_site)
    for scheme, expected in (("dark", DARK_BG), ("light", LIGHT_BG)):
        context = browser.new_context(java_script_enabled=False, color_scheme=scheme)
        page = context.new_page()
        page.goto(origin + TOPIC)
        assert background(page) == expected
        assert page.locator(".theme-switch").count() == 0  # nothing that cannot work
        context.close()


def test_the_switch_is_remembered_and_applied_before_any_module_runs(
    real_site: Path, serve_dir, browser: Browser
) -> None:
    origin = serve_dir(real_site)
    context = browser.new_context(color_scheme="light")
    page = context.new_page()
    page.goto(origin + TOPIC)
    switch = page.get_by_role("button", name="Dark theme")
    assert switch.get_attribute("aria-pressed") == "false"
    switch.click()
    assert switch.get_attribute("aria-pressed") == "true" and background(page) == DARK_BG
    # on the next page the modules never arrive: the choice is applied all the same
    page.route("**/*.js", lambda route: route.abort())
    page.goto(origin + "/articles/")
    assert background(page) == DARK_BG
    page.unroute("**/*.js")
    page.goto(origin + TOPIC)
    page.get_by_role("button", name="Dark theme").click()  # back to the system's light
    assert page.evaluate("localStorage.getItem('briefing:theme')") is None
    assert background(page) == LIGHT_BG
    context.close()
