"""Reading aids in headless Chromium: contents, the "new since your last visit" marker,
and the original URLs a printout gives for citations."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import THEME
from playwright.sync_api import Browser, BrowserContext, Page

from generator.pipeline.builder import build
from generator.settings import BuildOptions

TOPIC = "/topics/istanbul-talks/"


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    yield context
    context.close()


def open_page(context: BrowserContext, url: str) -> Page:
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    assert errors == []
    return page


def test_contents_links_jump_to_their_headings(real_site: Path, serve_dir, context) -> None:
    page = open_page(context, serve_dir(real_site) + TOPIC)
    toc = page.locator("nav.toc")
    assert toc.locator("details").get_attribute("open") is not None  # open on a wide screen
    assert toc.evaluate("e => getComputedStyle(e).position") == "sticky"
    toc.get_by_role("link", name="Who said what").click()
    page.wait_for_function("location.hash === '#quotes-heading'")
    top = page.locator("#quotes-heading").evaluate("e => e.getBoundingClientRect().top")
    assert 0 <= top < 100
    # the contents stay in view while the page scrolls
    assert toc.evaluate("e => e.getBoundingClientRect().top") >= 0


def test_contents_are_folded_on_a_narrow_screen(real_site: Path, serve_dir, browser) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = open_page(context, serve_dir(real_site) + TOPIC)
    assert page.locator("nav.toc details").get_attribute("open") is None
    assert not page.get_by_role("link", name="Who said what").first.is_visible()
    page.locator("nav.toc summary").click()
    page.locator("nav.toc").get_by_role("link", name="Who said what").click()
    page.wait_for_function("location.hash === '#quotes-heading'")
    context.close()


def test_new_since_last_visit_marks_what_was_added(
    mini_content: Path, tmp_path: Path, serve_dir, context
) -> None:
    output = tmp_path / "site"
    build(BuildOptions(content_dir=mini_content, theme_dir=THEME, output_dir=output))
    url = serve_dir(output) + "/topics/ankara-meeting/"
    first = open_page(context, url)
    assert first.locator(".new-mark").count() == 0  # a first visit marks nothing
    first.close()

    topics = mini_content / "topics.yaml"
    text = topics.read_text(encoding="utf-8")
    added = "    - text: Erdogan hosted the talks.\n      cite: [second]\n"
    topics.write_text(text.replace("  related: []", added + "  related: []"), encoding="utf-8")
    build(BuildOptions(content_dir=mini_content, theme_dir=THEME, output_dir=output))

    second = open_page(context, url)
    marked = second.locator(".is-new")
    assert marked.count() == 1
    assert "Erdogan hosted the talks." in marked.inner_text()
    assert "1 new since your last visit" in second.locator(".updated").inner_text()
    second.close()

    third = open_page(context, url)  # seen now: the marker is gone
    assert third.locator(".new-mark").count() == 0


def test_no_marker_without_javascript(real_site: Path, serve_dir, browser) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(serve_dir(real_site) + TOPIC)
    assert page.locator(".new-mark").count() == 0
    assert page.locator("nav.toc a").count() >= 4  # the contents are links, JS or not
    context.close()


def test_print_gives_original_urls_and_hides_the_contents(
    real_site: Path, serve_dir, context
) -> None:
    page = open_page(context, serve_dir(real_site) + "/topics/ankara-meeting/")
    page.emulate_media(media="print")
    assert not page.locator("nav.toc").is_visible()
    cite = page.locator("a.cite[href$='/zelensky-to-meet-witkoff-and-erdogan-in-ankara/']").first
    after = cite.evaluate("e => getComputedStyle(e, '::after').content")
    assert "https://www.bbc.com/news/articles/c620p6jnynko" in after


def test_exports_parse_and_match_the_page(real_site: Path, serve_dir, context) -> None:
    page = open_page(context, serve_dir(real_site) + TOPIC)
    facts = page.locator(".key-facts > li").all()
    texts = [li.evaluate("e => e.firstChild.textContent.trim()") for li in facts]
    json_href = page.get_by_role("link", name="JSON").get_attribute("href")
    csv_href = page.get_by_role("link", name="CSV").get_attribute("href")
    data = json.loads(page.request.get(page.url.split(TOPIC)[0] + json_href).text())
    assert [fact["text"] for fact in data["key_facts"]][: len(texts)] == texts
    assert len(data["key_facts"]) == len(facts)
    assert len(data["events"]) == page.locator("#timeline-heading ~ .timeline > li").count()
    assert len(data["quotes"]) == page.locator(".quotes > li").count()
    first = facts[0]
    cited = first.locator("a.cite").all_inner_texts()
    assert [c["title"] for c in data["key_facts"][0]["citations"]] == cited
    support = first.locator(".provenance").first
    assert support.inner_text() == data["key_facts"][0]["support_label"]
    assert f"provenance-{data['key_facts'][0]['support']}" in support.get_attribute("class")
    grades = first.locator(".cite-source abbr.grade").all_inner_texts()
    assert [c["grade"] for c in data["key_facts"][0]["citations"]] == grades

    text = page.request.get(page.url.split(TOPIC)[0] + csv_href).text()
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [row["kind"] for row in rows].count("fact") == len(facts)
    by_kind = [row for row in rows if row["kind"] == "fact"]
    assert [row["text"] for row in by_kind] == [fact["text"] for fact in data["key_facts"]]
    assert by_kind[0]["citation_grades"].split() == grades


def test_graph_is_drawn_and_every_node_opens_a_page(real_site: Path, serve_dir, context) -> None:
    base = serve_dir(real_site)
    page = open_page(context, base + "/graph/")
    svg = page.locator("svg.graph")
    box = svg.bounding_box()
    assert box and box["width"] > 300 and box["height"] > 300
    hrefs = svg.locator("a.graph-node").evaluate_all("ns => ns.map(n => n.getAttribute('href'))")
    assert len(hrefs) > 10 and len(set(hrefs)) == len(hrefs)
    for href in hrefs:
        assert page.request.get(base + href).status == 200, href
    svg.locator("a.graph-node").last.focus()  # the most named: a keyboard reaches the nodes
    assert page.evaluate("document.activeElement.getAttribute('href')") == hrefs[-1]


ENTITY = "/entities/vladimir-medinsky/"


def test_hover_previews_a_link_after_intent_and_escape_closes(
    real_site: Path, serve_dir, context
) -> None:
    page = open_page(context, serve_dir(real_site) + TOPIC)
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    chip = page.locator(f"a.chip[href='{ENTITY}']").first
    chip.scroll_into_view_if_needed()
    before = page.evaluate("document.documentElement.scrollHeight")
    assert not any(url.endswith(ENTITY) for url in requested)  # nothing before intent
    chip.hover()
    card = page.locator("#preview-card")
    card.wait_for(state="visible")
    assert [url for url in requested if url.endswith(ENTITY)] != []
    assert card.locator(".preview-title").inner_text() == "Vladimir Medinsky"
    assert "articles mentioning" in card.inner_text().lower()
    assert chip.get_attribute("aria-describedby") == "preview-card"
    assert page.evaluate("document.documentElement.scrollHeight") == before  # no layout shift
    page.keyboard.press("Escape")
    card.wait_for(state="hidden")


def test_a_passing_pointer_fetches_nothing(real_site: Path, serve_dir, context) -> None:
    page = open_page(context, serve_dir(real_site) + TOPIC)
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    chip = page.locator(f"a.chip[href='{ENTITY}']").first
    # over the chip and off it in one task, as a pointer passing by does: two separate
    # steps of the test could be further apart than the intent delay on a loaded machine
    chip.evaluate(
        "chip => { chip.dispatchEvent(new MouseEvent('mouseover', {bubbles: true}));"
        " chip.dispatchEvent(new MouseEvent('mouseout', {bubbles: true,"
        " relatedTarget: document.body})); }"
    )
    page.wait_for_timeout(600)
    assert not any(url.endswith(ENTITY) for url in requested)


def test_keyboard_focus_previews_and_escape_closes(real_site: Path, serve_dir, context) -> None:
    page = open_page(context, serve_dir(real_site) + TOPIC)
    cite = page.locator("a.cite").first
    cite.focus()
    card = page.locator("#preview-card")
    card.wait_for(state="visible")
    assert card.locator(".preview-kicker").text_content() == "Article"
    assert card.locator(".preview-title").inner_text() == cite.inner_text()
    page.keyboard.press("Escape")
    card.wait_for(state="hidden")
    assert page.evaluate("document.activeElement === document.querySelector('a.cite')")


def test_no_previews_on_touch_screens(real_site: Path, serve_dir, browser) -> None:
    phone = {"width": 390, "height": 844}
    context = browser.new_context(has_touch=True, is_mobile=True, viewport=phone)
    page = open_page(context, serve_dir(real_site) + TOPIC)
    page.locator("a.cite").first.focus()
    page.wait_for_timeout(600)
    assert page.locator("#preview-card").count() == 0
    context.close()
