"""Every label travels with its claim: "date inferred", "Unconfirmed" and "Unsupported"
on the topic page, /timeline/, an entity's timeline, an article's "Cited by", What's new
and its Atom feed, TimelineJS, the CSV and JSON exports, and the indexed text search
excerpts come from (tests/test_search_labels.py runs the real Pagefind)."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import Tag
from conftest import FIXTURES, THEME, parse
from playwright.sync_api import Browser

from generator.pipeline.builder import build
from generator.settings import BuildOptions

ATOM = "{http://www.w3.org/2005/Atom}"
KINDS = {
    "date inferred": "inferred",
    "Unconfirmed": "unconfirmed",
    "Unsupported": "unsupported",
    "checked by the editor": "checked",
}
CHECKED = "Checked by the editor despite a “hedge” warning: The council's own statement says so."
# each claim of tests/fixtures/labels and the labels it must carry wherever it is shown
LABELS = {
    "Anna Bondar arrived in Lviv for two days of talks with the regional council.": [],
    "Residents of Lviv complained about rising bread prices during the visit.": ["Unconfirmed"],
    "The council hopes for money for schools.": ["checked by the editor"],
    "The council was promised money for hospitals.": ["Unsupported"],
    "Anna Bondar arrives in Lviv on Monday for two days of talks with the regional council.": [
        "date inferred"
    ],
    "Bondar promises 40 new buses for the city before the summer.": [
        "date inferred",
        "Unconfirmed",
    ],
    "The council signs a contract for new trams.": ["Unsupported"],
}
EVENTS = [  # oldest first: the two of March 2025 by their text, then 3 March
    "Bondar promises 40 new buses for the city before the summer.",
    "The council signs a contract for new trams.",
    "Anna Bondar arrives in Lviv on Monday for two days of talks with the regional council.",
]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("labels") / "site"
    build(
        BuildOptions(
            content_dir=FIXTURES / "labels", theme_dir=THEME, output_dir=output, search=False
        )
    )
    return output


def labels_of(item: Tag) -> list[str]:
    return [label.get_text() for label in item.select(".claim-label")]


def indexed(element: Tag) -> bool:
    ignored = element.has_attr("data-pagefind-ignore")
    return not ignored and element.find_parent(attrs={"data-pagefind-ignore": True}) is None


def said_on_the_topic_page(item: Tag) -> list[str]:
    """The claim's inline labels, then the first word of its provenance when it is
    indexed (the full label stands beside the claim there, so it is not said twice)."""
    provenance = item.select_one(".claim-meta > .provenance")
    status = [provenance.get_text().split(":")[0]] if indexed(provenance) else []
    return labels_of(item) + status


def test_the_topic_page_labels_each_claim_in_its_indexed_text(site: Path) -> None:
    soup = parse(site / "topics" / "visit" / "index.html")
    facts = {
        li.contents[0].strip(): said_on_the_topic_page(li) for li in soup.select(".key-facts > li")
    }
    events = {
        li.select_one(".event-text").get_text(): said_on_the_topic_page(li)
        for li in soup.select(".timeline > li")
    }
    # the editor's check is said in full beside the claim, with its reason
    assert {**facts, **events} == {
        text: [label for label in labels if label != "checked by the editor"]
        for text, labels in LABELS.items()
    }
    assert soup.select_one("#fact-3 .checked-note").get_text() == CHECKED
    assert all(indexed(label) for label in soup.select(".claim-label"))
    assert said_on_the_topic_page(soup.select_one(".quotes > li")) == ["Unconfirmed"]
    assert soup.select_one(".claim-label-inferred")["title"].startswith("Date inferred: the editor")


@pytest.mark.parametrize("page", ["timeline", "entities/anna-bondar"])
def test_timelines_label_each_event(site: Path, page: str) -> None:
    items = parse(site / page / "index.html").select(".timeline > li")
    shown = [(item.select_one(".event-text").get_text(), labels_of(item)) for item in items]
    wanted = [text for text in EVENTS if page == "timeline" or "Bondar" in text]
    assert shown == [(text, LABELS[text]) for text in wanted]


def test_whats_new_labels_each_fact_and_event(site: Path) -> None:
    changes = parse(site / "whats-new" / "index.html").select(".change-fact, .change-event")
    shown = {
        change.select_one(".change-text a").get_text().split(": ", 1)[-1]: labels_of(change)
        for change in changes
    }
    assert shown == LABELS


def test_the_atom_feed_says_each_label_in_title_content_and_category(site: Path) -> None:
    feed = ET.parse(site / "whats-new" / "feed.xml").getroot()
    seen = {}
    for entry in feed.iter(f"{ATOM}entry"):
        content = entry.findtext(f"{ATOM}content")
        claim = next(text for text in LABELS if text in content)
        title = entry.findtext(f"{ATOM}title")
        terms = [c.get("term") for c in entry.iter(f"{ATOM}category")]
        seen[claim] = [label for label in LABELS[claim] if f"[{label}]" in title]
        for label in LABELS[claim]:
            assert KINDS[label] in terms
        if "Unsupported" in LABELS[claim]:
            assert "[Unsupported: no cited article says this.]" in content
        if "checked by the editor" in LABELS[claim]:
            assert f"[{CHECKED}.]" in content
        if "date inferred" in LABELS[claim]:
            assert "[Date inferred: the editor worked it out" in content
    assert seen == LABELS


def test_timelinejs_shows_the_inferred_date_and_the_status(site: Path) -> None:
    data = json.loads((site / "topics" / "visit" / "timeline.json").read_text())
    events = data["events"]
    assert [e["text"]["headline"] for e in events] == EVENTS
    assert [e["start_date"]["display_date"] for e in events] == [
        "March 2025 (date inferred)",
        "March 2025",
        "3 March 2025 (date inferred)",
    ]
    said = [e["text"]["text"].split("Reported by")[0] for e in events]
    assert said == [
        "<p><strong>Unconfirmed: only reported by News digest.</strong></p>",
        "<p><strong>Unsupported: no cited article says this.</strong></p>",
        "",
    ]


def test_the_exports_carry_each_claims_labels(site: Path) -> None:
    data = json.loads((site / "topics" / "visit" / "briefing.json").read_text())
    records = data["key_facts"] + data["events"] + data["quotes"]
    by_text = {r["text"]: r["labels"] for r in records}
    assert by_text == {**LABELS, "rising bread prices": ["Unconfirmed"]}
    event = data["events"][1]
    assert (event["support"], event["date_inferred"]) == ("unsupported", False)
    exported = (site / "topics" / "visit" / "briefing.csv").read_text()
    rows = list(csv.DictReader(io.StringIO(exported)))
    assert {row["text"]: row["labels"] for row in rows} == {
        text: "; ".join(labels) for text, labels in by_text.items()
    }
    assert [row["date_inferred"] for row in rows if row["kind"] == "event"] == ["yes", "", "yes"]
    reason = "The council's own statement says so."
    assert data["key_facts"][2]["checked"] == {"warning": "hedge", "reason": reason}
    assert rows[2]["checked"] == f"hedge: {reason}" and rows[0]["checked"] == ""


def test_cited_by_labels_the_claims_it_lists(site: Path) -> None:
    items = parse(site / "articles" / "digest" / "index.html").select(".cited-by-list li")
    assert [labels_of(item) for item in items] == [
        ["Unconfirmed"],
        ["date inferred", "Unconfirmed"],
        ["Unconfirmed"],
    ]


def test_json_ld_claims_appear_only_where_their_text_is_and_carry_their_labels(
    site: Path,
) -> None:
    soup = parse(site / "topics" / "visit" / "index.html")
    graph = json.loads(soup.select_one('script[type="application/ld+json"]').string)["@graph"]
    claims = {item["text"]: item for item in graph if item["@type"] == "Claim"}
    hospitals = claims["The council was promised money for hospitals."]
    assert hospitals["appearance"] == []
    assert hospitals["description"] == "Unsupported: no cited article says this"
    arrived = claims["Anna Bondar arrived in Lviv for two days of talks with the regional council."]
    assert len(arrived["appearance"]) == 2 and "description" not in arrived


def test_no_unsupported_claim_is_shown_without_its_label(site: Path) -> None:
    """Wherever a page shows an unsupported claim's text, the element that holds it says
    so (JSON-LD, for machines, is tested above)."""
    unsupported = [text for text, labels in LABELS.items() if "Unsupported" in labels]
    checked = 0
    for html in site.rglob("*.html"):
        soup = parse(html)
        for script in soup.select("script"):
            script.decompose()
        for text in unsupported:
            for found in soup.find_all(string=lambda s, text=text: s and text in s):
                holder = found.find_parent(["li", "p", "tr"])
                assert holder is not None and "Unsupported" in holder.get_text(), html
                checked += 1
    assert checked >= 6


def test_a_search_result_shows_the_label_beside_the_claim(
    real_site: Path, serve_dir, browser: Browser
) -> None:
    """The real Pagefind bundle, in Chromium: the excerpt of an unconfirmed key fact."""
    page = browser.new_page()
    try:
        page.set_default_timeout(8000)
        page.goto(serve_dir(real_site) + "/search/?q=threatened+further+sanctions&type=Topic")
        page.wait_for_function(
            "document.querySelector('.search-status').textContent.includes(' for “')"
        )
        excerpt = page.locator(".search-results li.result .result-excerpt").first.inner_text()
    finally:
        page.close()
    assert "if Russia did not agree to a ceasefire. Unconfirmed" in excerpt
