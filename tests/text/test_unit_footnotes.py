"""footnotes: notes with accessible names, in the site's language, with ids that two texts
shown on one page never share."""

from __future__ import annotations

from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from generator.i18n import strings_for
from generator.text.footnotes import footnote_labels, footnote_prefix, footnotes_plugin

TEXT = "Text[^1].\n\n[^1]: The note.\n"


def test_reference_note_and_back_link_say_what_they_are_in_the_language() -> None:
    labels = footnote_labels(strings_for("uk"))
    md = MarkdownIt("commonmark").use(footnotes_plugin, labels=labels)
    soup = BeautifulSoup(md.render(TEXT), "html.parser")
    assert soup.select_one("section.footnotes")["aria-label"] == labels["notes"]
    reference = soup.select_one("sup.footnote-ref a")
    assert reference["aria-label"] == labels["note"].format(number=1)
    back = soup.select_one("a.footnote-backref")
    assert back["aria-label"] == labels["back"].format(number=1)
    assert back["href"] == "#" + reference["id"] and reference["href"] == "#fn-1"


def test_english_labels_are_the_defaults() -> None:
    assert footnote_labels(strings_for("en")) == {
        "notes": "Notes",
        "note": "Note {number}",
        "back": "Back to reference {number}",
    }


@given(st.text(), st.text())
def test_the_prefix_is_a_function_of_the_text(first: str, second: str) -> None:
    assert footnote_prefix(first) == footnote_prefix(first)
    assert footnote_prefix(first).startswith("n") and footnote_prefix(first).endswith("-")
    if first != second:  # six hex digits: a clash is one in 16 million
        assert footnote_prefix(first) != footnote_prefix(second)
