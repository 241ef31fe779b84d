"""The rewrite comparison: alignment, changed figures, garbled names, and the page."""

from __future__ import annotations

from pathlib import Path

from conftest import parse

from generator.evidence.comparison import compare
from generator.evidence.textfeatures import name_index

NAMES = name_index(
    [
        ("recep-tayyip-erdogan", "Recep Tayyip Erdogan", ["Erdogan", "Receptacle Erdogan"]),
        ("kyiv", "Kyiv", ["Kiev"]),
        ("united-states", "United States", ["US"]),
    ]
)
BBC = "zelensky-to-meet-witkoff-and-erdogan-in-ankara"
REWRITE = "zelensky-to-meet-us-envoy-and-turkish-president"


def test_sentences_are_aligned_in_order_with_additions_and_drops() -> None:
    original = "Talks opened in Kyiv. Delegates argued about borders. The loan is €140 billion.\n"
    rewrite = (
        "Talks opened in Kiev on Monday. Receptacle Erdogan sent a letter. "
        "The loan is 140 billion.\n"
    )
    rows = compare(original, rewrite, NAMES).rows
    assert [row.kind for row in rows] == ["changed", "dropped", "added", "changed"]
    assert rows[0].names == (("Kiev", "Kyiv"),)
    assert rows[2].names == (("Receptacle Erdogan", "Recep Tayyip Erdogan"),)
    assert rows[3].figures == ("€140 billion → 140 billion",)
    assert "<ins>" in rows[0].rewrite_html and "<del>" in rows[1].original_html


def test_identical_sentences_are_kept_and_acronyms_are_not_garbled_names() -> None:
    rows = compare("The US said “no”.\n", 'The US said "no".\n', NAMES).rows
    assert [(row.kind, row.names) for row in rows] == [("kept", ())]


def test_a_moved_sentence_is_paired_where_the_rewrite_put_it() -> None:
    original = "Turkey kept ties with Kyiv and Moscow. Peskov ruled out a Russian delegate.\n"
    rewrite = "Peskov ruled out any Russian delegate. Turkey has kept ties with Kyiv and Moscow.\n"
    rows = compare(original, rewrite, NAMES).rows
    assert [(row.kind, row.moved) for row in rows] == [("changed", False), ("changed", True)]


def test_comparison_page_of_the_ai_rewrite(real_site: Path) -> None:
    page = parse(real_site / "articles" / REWRITE / "compare" / "index.html")
    figures = [p.get_text(" ", strip=True) for p in page.select(".compare-figures")]
    assert "Figures: €140 billion → 140 billion" in figures  # the lost euro sign
    added = page.select("tr.compare-added")
    assert len(added) >= 5
    assert any("100 fighter jets" in row.get_text() for row in added)
    assert (
        page.select_one("h1").get_text()
        == "Zelensky to Meet US Envoy and Turkish President for Peace Discussions"
    )


def test_comparison_is_linked_from_both_articles_and_the_sources(real_site: Path) -> None:
    href = f"/articles/{REWRITE}/compare/"
    for path in (
        f"articles/{REWRITE}",
        f"articles/{BBC}",
        "sources/ai-rewrite-service",
        "sources/bbc-news",
    ):
        links = [a["href"] for a in parse(real_site / path / "index.html").select("a")]
        assert href in links, path
