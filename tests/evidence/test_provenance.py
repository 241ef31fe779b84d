"""Provenance on a fixture site with an original, a machine rewrite that adds a claim, an
aggregator and a second outlet: the exact label each fact gets on the built page."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES, THEME, parse

from generator.pipeline.builder import build
from generator.settings import BuildOptions

LABELS = {
    "fact-1": ("confirmed", "Confirmed by 2 independent outlets: The Daily and The Herald", "B1"),
    # the rewrite says it, and so does its original: the original's outlet is behind it
    "fact-2": ("single", "Single source: The Daily", "B2"),
    # what only the rewrite adds stays with the rewrite
    "fact-3": ("unconfirmed", "Unconfirmed: only reported by Rewrite bot and News digest", "D3"),
    "fact-4": ("unconfirmed", "Unconfirmed: only reported by News digest", "F3"),
    # cited to the original, whose text does not say it
    "fact-5": ("unsupported", "Unsupported: no cited article says this", None),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("provenance") / "site"
    report = build(
        BuildOptions(
            content_dir=FIXTURES / "provenance", theme_dir=THEME, output_dir=output, search=False
        )
    )
    warnings = [
        w.message.split(":")[0] for w in report.warnings if "absolute base_url" not in w.message
    ]
    assert warnings == [
        "fact 5 of topic visit (\"The council hopes for money for schools.\") "
        "not supported by 'original'"
    ]
    return output


@pytest.mark.parametrize("anchor", LABELS)
def test_each_fact_gets_its_label_and_grade(built: Path, anchor: str) -> None:
    status, label, grade = LABELS[anchor]
    fact = parse(built / "topics" / "visit" / "index.html").select_one(f"#{anchor}")
    provenance = fact.select_one(".provenance")
    assert provenance.get_text() == label
    assert provenance["class"] == ["provenance", f"provenance-{status}"]
    found = fact.select_one(".claim-grade")
    assert (found.get_text() if found else None) == grade


def test_disputed_section_lists_what_no_outlet_supports(built: Path) -> None:
    soup = parse(built / "topics" / "visit" / "index.html")
    links = [a["href"] for a in soup.select(".disputed li > a")]
    assert links == ["#fact-3", "#fact-4", "#fact-5"]


def test_cited_by_lists_only_claims_the_article_makes(built: Path) -> None:
    def cited_by(slug: str) -> list[str]:
        soup = parse(built / "articles" / slug / "index.html")
        return [a["href"] for a in soup.select(".cited-by-list a")]

    assert cited_by("original") == ["/topics/visit/#fact-1"]  # not fact-5
    assert cited_by("rewrite") == ["/topics/visit/#fact-2", "/topics/visit/#fact-3"]
    assert cited_by("digest") == ["/topics/visit/#fact-3", "/topics/visit/#fact-4"]


def test_evidence_links_land_on_a_marked_sentence(built: Path) -> None:
    topic = parse(built / "topics" / "visit" / "index.html")
    links = topic.select(".evidence li.supports a.evidence-link")
    assert len(links) == 7  # six citations, and the original behind the rewrite of fact-2
    for link in links:
        path, anchor = link["href"].split("#")
        article = parse(built / path.strip("/") / "index.html")
        target = article.select_one(f"#{anchor}")
        assert target is not None and target.name == "mark", link["href"]
        assert "cited" in target["class"]
    unsupported = topic.select_one("#fact-5 .evidence li.no-support")
    assert "does not say this; closest:" in unsupported.get_text(" ", strip=True)


BBC = "zelensky-to-meet-witkoff-and-erdogan-in-ankara"


@pytest.mark.parametrize("topic", ["ankara-meeting", "istanbul-talks", "lavrov-conditions"])
def test_every_claim_of_the_real_topics_shows_its_evidence(real_site: Path, topic: str) -> None:
    soup = parse(real_site / "topics" / topic / "index.html")
    claims = soup.select(".key-facts > li, .timeline > li, .quotes > li")
    assert len(claims) >= 10
    for claim in claims:
        details = claim.select_one("details.evidence")
        assert details is not None and not details.has_attr("open"), claim["id"]
        assert details.select("li.supports q"), claim["id"]
        assert claim.select_one(".provenance") is not None
    assert soup.select_one("#disputed-heading") is not None


def test_the_bbc_article_is_cited_only_for_what_it_says(real_site: Path) -> None:
    cited = parse(real_site / "articles" / BBC / "index.html").select(".cited-by-list li")
    texts = " ".join(li.get_text(" ", strip=True) for li in cited)
    assert len(cited) >= 10
    for absent in ("Zaporizhzhia", "disseminating Russian narratives", "December", "September"):
        assert absent not in texts
