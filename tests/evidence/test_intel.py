"""Timelines, grades, corroboration, quotes and claims: on the real content and on
constructed cases either side of every threshold."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from conftest import CONTENT, parse

from generator.content.assemble import build_site
from generator.content.dates import PartialDate
from generator.content.load import load_content
from generator.content.model import Article
from generator.copies.near_copies import NEAR_COPY_SHARE
from generator.errors import ContentErrors, Position
from generator.evidence.provenance import corroboration
from generator.evidence.site_check import check_site
from generator.pipeline.warnings import find_near_copies

A000 = "zelensky-to-meet-witkoff-and-erdogan-in-ankara"
A001 = "zelensky-to-meet-us-envoy-and-turkish-president"
A002 = "zelensky-vows-direct-talks-with-putin-in-turkey"
A003 = "zelensky-in-ankara-ready-to-meet-putin-in-istanbul"
A004 = "ukraine-proposes-leaders-meeting-at-istanbul-talks"


@pytest.fixture(scope="module")
def site():
    return build_site(load_content(CONTENT))


def test_partial_dates_sort_at_the_start_of_their_period() -> None:
    dates = ["2025-06", "2025-05-15", "2024", "2025-05", "2025-05-01", "2025"]
    ordered = sorted(PartialDate.parse(d) for d in dates)
    assert [d.iso() for d in ordered] == [
        "2024",
        "2025",
        "2025-05",
        "2025-05-01",
        "2025-05-15",
        "2025-06",
    ]
    assert PartialDate.parse("2025-05", approximate=True).label() == "c. May 2025"
    assert PartialDate.parse("2025-05-15").label() == "15 May 2025"
    assert PartialDate.parse("2024").label() == "2024"


@pytest.mark.parametrize("text", ["2025-13", "2025-02-30", "May 2025", "25-05-01", ""])
def test_impossible_partial_dates_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        PartialDate.parse(text)


def test_site_timeline_is_oldest_first_and_every_event_cites(real_site: Path) -> None:
    soup = parse(real_site / "timeline" / "index.html")
    items = soup.select(".timeline > li")
    assert len(items) == 12
    dates = [PartialDate.parse(item.time["datetime"]) for item in items]
    assert dates == sorted(dates)
    assert items[0].time.get_text() == "March 2022"
    for item in items:
        links = item.select(".cites a.cite")
        assert links and all(
            (real_site / a["href"].strip("/") / "index.html").is_file() for a in links
        )


def test_timelinejs_export(real_site: Path) -> None:
    data = json.loads((real_site / "topics" / "istanbul-talks" / "timeline.json").read_text())
    assert data["title"]["text"]["headline"] == "Istanbul talks"
    first = data["events"][0]
    assert first["start_date"] == {"year": "2022", "month": "3", "display_date": "March 2022"}
    assert "Reported by: <a href=" in first["text"]["text"]


def test_provenance_of_the_real_content(site) -> None:
    evidence = check_site(site).evidence
    scheduled = corroboration(site, evidence.of("ankara-meeting", "fact", 0))
    assert scheduled.label == "Single source: BBC News"  # the rewrite counts as the BBC
    december = corroboration(site, evidence.of("ankara-meeting", "fact", 7))
    assert december.label == "Unconfirmed: only reported by Unidentified AI rewrite service"
    ceasefire = corroboration(site, evidence.of("istanbul-talks", "fact", 1))
    assert ceasefire.status == "unconfirmed" and ceasefire.count == 0  # digest + paraphrase


def test_topic_page_shows_provenance_and_grades(real_site: Path) -> None:
    soup = parse(real_site / "topics" / "ankara-meeting" / "index.html")
    first = soup.select_one("#fact-1")
    assert first.select_one(".provenance").get_text() == "Single source: BBC News"
    assert "provenance-single" in first.select_one(".provenance")["class"]
    assert first.select_one(".claim-grade").get_text() == "B2"
    grades = [abbr.get_text() for abbr in first.select(".cites a.cite + .cite-source abbr")]
    assert grades == ["B2", "D3"]
    istanbul = parse(real_site / "topics" / "istanbul-talks" / "index.html")
    label = istanbul.select_one("#fact-2 .provenance")
    assert label.get_text() == (
        "Unconfirmed: only reported by Unidentified news digest and Unidentified paraphrasing site"
    )
    assert "provenance-unconfirmed" in label["class"]


def test_article_header_carries_its_grade(real_site: Path) -> None:
    soup = parse(real_site / "articles" / A003 / "index.html")
    badge = soup.select_one(".page-header abbr.grade")
    assert badge.get_text() == "E3"
    assert badge["title"] == "Source: unreliable (E). Information: possibly true (3)."


def test_quotes_on_topic_and_speaker_pages(real_site: Path) -> None:
    topic = parse(real_site / "topics" / "istanbul-talks" / "index.html")
    quotes = {q.blockquote.get_text().strip(): q for q in topic.select(".quotes > li")}
    medinsky = quotes["“the positions are quite distant”"]
    assert medinsky.select_one("a.chip")["href"] == "/entities/vladimir-medinsky/"
    peskov = parse(real_site / "entities" / "dmitry-peskov" / "index.html")
    said = [q.get_text().strip() for q in peskov.select(".quotes blockquote")]
    assert "“open to a conversation”" in said and len(said) == 4


def test_entity_page_shows_who_appears_with_whom(real_site: Path) -> None:
    soup = parse(real_site / "entities" / "vladimir-medinsky" / "index.html")
    together = {a.get_text(" ", strip=True) for a in soup.select("#together-heading ~ .chips a")}
    assert "Rustem Umerov 1 article" in together
    timeline = soup.select("#timeline-heading ~ .timeline li")
    assert timeline == []  # Medinsky is named in no event text
    zelensky = parse(real_site / "entities" / "volodymyr-zelensky" / "index.html")
    assert len(zelensky.select("#timeline-heading ~ .timeline li")) >= 3


def test_entities_grouped_by_kind_and_country(real_site: Path) -> None:
    soup = parse(real_site / "entities" / "index.html")
    people = soup.select_one("#kind-1").parent
    assert [h.get_text() for h in people.select("h3")] == [
        "European Union",
        "Russia",
        "Turkey",
        "Ukraine",
        "United States",
    ]


def test_claims_json_ld_on_topic_pages(real_site: Path) -> None:
    soup = parse(real_site / "topics" / "lavrov-conditions" / "index.html")
    data = json.loads(soup.select_one('script[type="application/ld+json"]').string)
    claims = [item for item in data["@graph"] if item["@type"] == "Claim"]
    assert len(claims) == 8
    assert [item["@type"] for item in data["@graph"]] == ["Claim"] * 8 + ["BreadcrumbList"]
    assert {a["url"] for a in claims[0]["appearance"]} == {f"/articles/{A000}/"}


def test_detector_finds_the_seed_rewrite_without_being_told(site) -> None:
    found = find_near_copies(site.articles.values())  # ignores rewrite_of entirely
    assert [(copy, original) for copy, original, _ in found] == [(A000, A001)]


def article(slug: str, body: str) -> Article:
    return Article(
        slug,
        slug,
        dt.date(2025, 1, 1),
        "wire",
        "",
        (),
        "",
        "",
        body,
        1,
        Position(Path(f"{slug}.md")),
    )


def sentence(n: int) -> str:
    return f"Delegation {n} discussed clause {n} of memorandum {n} regarding corridor {n}."


@pytest.mark.parametrize(("shared", "flagged"), [(0.3, True), (0.15, False)])
def test_detector_threshold(shared: float, flagged: bool) -> None:
    total = 60
    common = int(total * shared)
    first = " ".join(sentence(n) for n in range(total))
    second = (
        " ".join(sentence(n) for n in range(common))
        + " "
        + " ".join(sentence(1000 + n) for n in range(total - common))
    )
    found = find_near_copies([article("a-first", first), article("b-second", second)])
    assert bool(found) is flagged
    assert NEAR_COPY_SHARE == 0.2


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "speaker: vladimir-medinsky",
            "speaker: vladimir-medinski",
            "unknown entity 'vladimir-medinski' (did you mean 'vladimir-medinsky'?)",
        ),
        ("- date: 2025-07-23", "- date: 2025-07-32", "invalid date '2025-07-32'"),
        (
            "      credibility: 3\n",
            "      credibility: 9\n",
            "'credibility' must be one of 1, 2, 3",
        ),
    ],
)
def test_curation_mistakes_are_reported(tmp_path: Path, old: str, new: str, message: str) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    topics = content / "topics.yaml"
    text = topics.read_text(encoding="utf-8")
    assert old in text
    topics.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ContentErrors) as caught:
        build_site(load_content(content))
    assert any(message in str(error) and error.position.line for error in caught.value.errors)


def test_bad_reliability_grade(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    sources = content / "sources.yaml"
    sources.write_text(sources.read_text().replace("reliability: B", "reliability: G"), "utf-8")
    with pytest.raises(ContentErrors) as caught:
        build_site(load_content(content))
    assert "'reliability' must be one of A, B, C, D, E, F" in str(caught.value)
