"""paragraph_ids: each paragraph and list item of an article body is `para-<its line>`."""

from __future__ import annotations

from bs4 import BeautifulSoup
from markdown_it import MarkdownIt

from generator.text.paragraph_ids import paragraph_ids_plugin

BODY = "First paragraph.\n\n- a tight item\n- another\n\nLast\nparagraph.\n"


def _render(link_entities: bool) -> BeautifulSoup:
    md = MarkdownIt("commonmark").use(paragraph_ids_plugin)
    return BeautifulSoup(md.render(BODY, {"link_entities": link_entities}), "html.parser")


def test_paragraphs_and_tight_items_are_named_by_their_first_line() -> None:
    soup = _render(link_entities=True)
    assert [p.get("id") for p in soup.find_all("p")] == ["para-1", "para-6"]
    assert [li["id"] for li in soup.find_all("li")] == ["para-3", "para-4"]


def test_texts_shown_beside_others_get_no_ids() -> None:
    assert _render(link_entities=False).select("[id]") == []
