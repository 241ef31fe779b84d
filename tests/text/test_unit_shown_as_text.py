"""text/shown_as_text.py: raw HTML and links to addresses a page may not link to are shown
as text (the parser's rule); each is also a warning at its line, so the writer who sees
the markup on the page, or runs `check`, knows why. Code spans are what the writer meant."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from tiny_site import article, tiny

from generator.text.markdown import Markdown
from generator.text.shown_as_text import shown_as_text, shown_as_text_warnings

MD = MarkdownIt("commonmark", {"html": False})


@pytest.mark.parametrize(
    ("source", "said"),
    [
        ("See [it](javascript:alert(1)).", ["a link to 'javascript:alert(1)'"]),
        ("[x](JaVaScRiPt:alert(1))", ["a link to 'JaVaScRiPt:alert(1)'"]),
        ("[x](&#106;avascript:x)", ["a link to '&#106;avascript:x'"]),
        ("[x](<vbscript:msgbox>)", ["a link to 'vbscript:msgbox'"]),
        ("[x](data:text/html,hi)", ["a link to 'data:text/html,hi'"]),
        ("<script>alert(1)</script>", ["raw HTML <script>"]),
        (
            '<img src=x onerror="alert(1)"> and <!-- note -->',
            ["raw HTML <img>", "raw HTML <!-- -->"],
        ),
        ("[web](https://example.org/a_(b)) [site](/topics/) [mail](mailto:a@b.org)", []),
        ("`<b>code</b>` and ``[x](javascript:y)``", []),
        ("an autolink <https://example.org/> and 3 < 4 > 2", []),
        ("press the <Tab> key; <<Minsk>> talks; </b> alone", []),  # text that looks so
        ("an autolink <javascript:alert(2)>", ["a link to 'javascript:alert(2)'"]),
        ("[x][r]\n[r]: javascript:alert(3)", ["a link to 'javascript:alert(3)'"]),
        ("<SCRIPT>x</SCRIPT>", ["raw HTML <SCRIPT>"]),
    ],
)
def test_what_a_page_shows_as_text_is_named(source: str, said: list[str]) -> None:
    assert list(shown_as_text(MD, source)) == said


@given(st.text(alphabet=st.characters(blacklist_characters="<]`&\\"), max_size=80))
def test_text_without_markup_names_nothing(source: str) -> None:
    assert list(shown_as_text(MD, source)) == []


@given(
    st.sampled_from(["javascript", "vbscript", "file"]).flatmap(
        lambda scheme: st.tuples(*(st.sampled_from((c.lower(), c.upper())) for c in scheme))
    )
)
def test_an_unsafe_scheme_is_named_however_it_is_cased(letters: tuple[str, ...]) -> None:
    address = "".join(letters) + ":x"
    assert list(shown_as_text(MD, f"[a]({address})")) == [f"a link to '{address}'"]


def test_the_parser_records_each_at_its_line_and_the_page_shows_it_as_text() -> None:
    result = Markdown().render("Fine.\n\nA [link](javascript:x).\n\n> <script>x</script>\n")
    assert result.shown_as_text == (("a link to 'javascript:x'", 2), ("raw HTML <script>", 4))
    assert "<script>" not in result.html and "&lt;script&gt;" in result.html
    assert "href" not in result.html


def test_each_is_a_warning_at_its_file_and_line(tmp_path: Path) -> None:
    body = "Zelensky spoke.\n\nHe said <b>no</b>, see [it](javascript:alert(1)).\n"
    site = tiny(tmp_path, {"articles/third.md": article("Third", body=body)})
    warnings = shown_as_text_warnings(site.site, site.texts.bodies)
    assert [(w.position.path.name, w.position.line) for w in warnings] == [("third.md", 10)] * 2
    assert all(w.severity == "warning" for w in warnings)
    assert "raw HTML <b> is shown as text" in warnings[0].message
    assert "a link to 'javascript:alert(1)' is not made" in warnings[1].message
