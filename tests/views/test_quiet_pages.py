"""Quiet pages: cited sentences marked subtly and the one arrived at strongly, one notice for
many claims of one status, each disputed claim listed once, evidence passages quoted once,
originals before their rewrites."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

from conftest import parse
from hypothesis import given
from hypothesis import strategies as st
from playwright.sync_api import Browser

from generator.evidence.textfeatures import TOKEN, word_key
from generator.views.evidence import SAME_CLAIM_OVERLAP
from generator.views.items import originals_first

ISTANBUL_ARTICLE = "ukraine-proposes-leaders-meeting-at-istanbul-talks"
TRANSPARENT = ("rgba(0, 0, 0, 0)", "transparent")
QUOTE_MARKS = "\"“”„«»'‘’"


# --- originals before rewrites (no build) -------------------------------------------------


def fake_card(slug: str, rewrite_of: str) -> SimpleNamespace:
    return SimpleNamespace(article=SimpleNamespace(slug=slug, rewrite_of=rewrite_of))


@st.composite
def card_lists(draw: st.DrawFn) -> list[SimpleNamespace]:
    slugs = draw(st.lists(st.sampled_from("abcdefgh"), unique=True, max_size=8))
    targets = st.sampled_from([*slugs, "", "elsewhere"]) if slugs else st.just("")
    return [fake_card(slug, draw(targets)) for slug in slugs]


@given(card_lists())
def test_every_rewrite_follows_its_listed_original_and_nothing_is_lost(cards) -> None:
    ordered = originals_first(cards)
    assert sorted(c.article.slug for c in ordered) == sorted(c.article.slug for c in cards)
    position = {c.article.slug: i for i, c in enumerate(ordered)}
    in_a_loop = _in_loops(cards)
    for c in cards:
        original = c.article.rewrite_of
        if original in position and original != c.article.slug and c.article.slug not in in_a_loop:
            assert position[original] < position[c.article.slug]


def _in_loops(cards) -> set[str]:
    rewrite_of = {c.article.slug: c.article.rewrite_of for c in cards}
    looping = set()
    for slug in rewrite_of:
        seen, current = set(), slug
        while current in rewrite_of and current not in seen:
            seen.add(current)
            current = rewrite_of[current]
        if current == slug or current in seen:
            looping |= seen
    return looping


def test_a_list_without_rewrites_keeps_its_order() -> None:
    cards = [fake_card(slug, "") for slug in "cab"]
    assert [c.article.slug for c in originals_first(cards)] == ["c", "a", "b"]


def test_the_topic_lists_the_original_before_its_newer_rewrite(real_site: Path) -> None:
    soup = parse(real_site / "topics" / "ankara-meeting" / "index.html")
    links = [a["href"] for a in soup.select(".topic-articles .card-title a")]
    original = links.index("/articles/zelensky-to-meet-witkoff-and-erdogan-in-ankara/")
    assert links[original + 1] == "/articles/zelensky-to-meet-us-envoy-and-turkish-president/"


# --- one notice, each disputed claim once (built HTML) --------------------------------------


def content_words(text: str) -> set:
    return {key for key in map(word_key, TOKEN.findall(text)) if key}


def test_disputed_lists_each_claim_once_and_every_disputed_claim(real_site: Path) -> None:
    listed_anywhere = 0
    for topic in ("ankara-meeting", "istanbul-talks", "lavrov-conditions"):
        soup = parse(real_site / "topics" / topic / "index.html")
        items = soup.select("ul.disputed > li")
        listed = [li.a.get_text() for li in items]
        for i, a in enumerate(listed):
            for b in listed[i + 1 :]:
                shared = len(content_words(a) & content_words(b))
                assert shared / min(len(content_words(a)), len(content_words(b))) < (
                    SAME_CLAIM_OVERLAP
                ), (a, b)
        anchors = [a["href"] for li in items for a in li.select("a")]
        assert len(anchors) == len(set(anchors))
        disputed = {
            "#" + li["id"]
            for li in soup.select(".key-facts > li, .timeline > li, .quotes > li")
            if li.select_one(".provenance-unconfirmed, .provenance-unsupported")
        }
        assert set(anchors) == disputed, topic
        listed_anywhere += len(anchors)
    assert listed_anywhere >= 3  # the content has disputed claims; none listed proves nothing


def test_a_topic_whose_claims_are_all_unconfirmed_says_so_once(real_site: Path) -> None:
    soup = parse(real_site / "topics" / "istanbul-talks" / "index.html")
    notices = soup.select(".status-notice")
    assert len(notices) == 1
    claims = soup.select(".key-facts > li, .timeline > li, .quotes > li")
    assert notices[0].get_text(" ", strip=True).startswith(
        f"All {len(claims)} facts, events and quotes here are unconfirmed"
    )
    few = parse(real_site / "topics" / "ankara-meeting" / "index.html")
    assert len(few.select(".provenance-unconfirmed")) >= 5
    assert few.select(".status-notice") == []  # a few of many: marked where they are


# --- in Chromium -----------------------------------------------------------------------------


def test_the_page_is_quiet_and_the_sentence_arrived_at_is_loud(
    real_site: Path, serve_dir, browser: Browser
) -> None:
    origin = serve_dir(real_site)
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(f"{origin}/topics/istanbul-talks/")
    labels = page.evaluate(
        """[...document.querySelectorAll('.provenance')].map(el => {
             const style = getComputedStyle(el);
             return [style.borderTopStyle, parseFloat(style.fontSize), style.backgroundColor];
           })"""
    )
    body_size = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    assert len(labels) >= 25
    for border, size, background in labels:  # small inline labels, not banners
        assert border == "none" and size < body_size and background in TRANSPARENT
    quoted = page.evaluate(
        """[...document.querySelectorAll('.evidence q')].map(q => {
             const before = getComputedStyle(q, '::before').content;
             const mark = before === 'none' || before === 'normal' ? '' : 'X';
             return mark + q.textContent.trim();
           })"""
    )
    assert len(quoted) >= 25
    for text in quoted:  # the passage's own marks, none added to them
        assert not text.startswith("X") or text[1:2] not in QUOTE_MARKS, text
    bullets = page.evaluate(
        """[...document.querySelectorAll('.timeline li li, .quotes li li, .key-facts li li')]
             .map(li => getComputedStyle(li, '::before').content)"""
    )
    assert bullets and set(bullets) <= {"none", "normal"}  # one marker per evidence line

    page.goto(f"{origin}/articles/{ISTANBUL_ARTICLE}/")
    marks = page.locator("mark.cited")
    assert marks.count() >= 10
    backgrounds = marks.evaluate_all("ms => ms.map(m => getComputedStyle(m).backgroundColor)")
    assert set(backgrounds) <= set(TRANSPARENT)  # a fully cited article is not a yellow page
    anchor = marks.first.get_attribute("id")
    assert anchor and re.fullmatch(r"para-\d+-s\d+", anchor)
    page.goto(f"{origin}/articles/{ISTANBUL_ARTICLE}/#{anchor}")
    target = page.locator(f"#{anchor}")
    assert target.evaluate("m => getComputedStyle(m).backgroundColor") not in TRANSPARENT
    assert target.evaluate("m => parseFloat(getComputedStyle(m).outlineWidth)") >= 2
    others = marks.evaluate_all("ms => ms.slice(1).map(m => getComputedStyle(m).backgroundColor)")
    assert set(others) <= set(TRANSPARENT)
    page.close()
