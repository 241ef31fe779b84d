"""anchors: an id on every h2-h4, unique within the text, the same ids as mdit-py-plugins'
anchors plugin gives (in linear time instead of quadratic)."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from mdit_py_plugins.anchors import anchors_plugin as reference_plugin

from generator.text.anchors import anchors_plugin

TITLES = st.lists(st.sampled_from(["Talks", "talks", "Talks 1", "Talks-1", "Ankara", "É!", "1"]))
LEVELS = st.sampled_from(["##", "###", "####"])


def _ids(md: MarkdownIt, text: str) -> list[str]:
    soup = BeautifulSoup(md.render(text), "html.parser")
    return [h["id"] for h in soup.select("h2, h3, h4")]


@settings(max_examples=40)  # two renders an example; the titles repeat by design
@given(st.lists(st.tuples(LEVELS, TITLES.map(" ".join)), max_size=12))
def test_the_ids_are_mdit_py_plugins_ids(headings: list[tuple[str, str]]) -> None:
    text = "".join(f"{level} {title or 'x'}\n\n" for level, title in headings)
    ours = MarkdownIt("commonmark").use(anchors_plugin)
    theirs = MarkdownIt("commonmark").use(reference_plugin, min_level=2, max_level=4)
    assert _ids(ours, text) == _ids(theirs, text)


def test_equal_headings_get_numbered_ids_and_h1_none() -> None:
    md = MarkdownIt("commonmark").use(anchors_plugin)
    html = md.render("# Top\n\n## Talks\n\n## Talks\n\n### Talks\n\n## Talks-1\n")
    assert re.findall(r'<h\d id="([^"]+)"', html) == ["talks", "talks-1", "talks-2", "talks-1-1"]
    assert "<h1>Top</h1>" in html
