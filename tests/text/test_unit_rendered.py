"""What the parser gives back for one text: its HTML, and the links and images it holds,
each with its source line, for the checks that report them at file:line."""

from __future__ import annotations

from generator.text.markdown import Markdown
from generator.text.rendered import MarkdownResult


def test_a_text_gives_its_html_links_and_images_with_their_lines() -> None:
    result = Markdown().render("First [a](/topics/x/).\n\n![A map](map.png)\n")
    assert isinstance(result, MarkdownResult)
    assert '<a href="/topics/x/">a</a>' in result.html
    assert ("/topics/x/", 0) in result.links
    assert result.images == (("map.png", "A map", 2),)
