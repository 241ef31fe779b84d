"""Evidence in Chromium: expand a fact's evidence, follow its link, land on the sentence."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser

BBC = "zelensky-to-meet-witkoff-and-erdogan-in-ankara"


def test_follow_evidence_to_the_highlighted_sentence(
    real_site: Path, serve_dir, browser: Browser
) -> None:
    context = browser.new_context(viewport={"width": 1000, "height": 700})
    page = context.new_page()
    page.goto(serve_dir(real_site) + "/topics/ankara-meeting/")
    fact = page.locator("#fact-2")
    link = fact.locator(".evidence a.evidence-link").first
    assert not link.is_visible()  # collapsed by default
    fact.locator(".evidence summary").click()
    assert link.is_visible()
    quoted = fact.locator(".evidence li.supports q").first.inner_text()
    link.click()
    page.wait_for_url(f"**/articles/{BBC}/#para-*")
    anchor = page.url.split("#")[1]
    target = page.locator(f"mark.cited#{anchor}")
    assert target.count() == 1
    assert page.evaluate("document.querySelector(':target').id") == anchor
    box = target.bounding_box()
    assert box is not None and 0 < box["y"] < 700  # scrolled into view, not under the edge
    assert target.inner_text() in quoted
    background = target.evaluate("el => getComputedStyle(el).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    back = page.locator(f"mark.cited#{anchor} ~ a.cited-by").first
    back.click()
    page.wait_for_url("**/topics/ankara-meeting/#fact-2")
    context.close()
