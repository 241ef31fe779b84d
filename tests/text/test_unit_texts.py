"""texts: every piece of Markdown rendered once, before any page; descriptions from the
rendered text."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from markupsafe import Markup, escape
from tiny_site import markdown_for, tiny

from generator.text.rendered import MarkdownResult
from generator.text.texts import DESCRIPTION_LENGTH, plain_line, render_texts

SUMMARY_TOPICS = """\
- id: ankara-meeting
  title: Ankara meeting
  summary: "**Zelensky** went to [Ankara](https://example.org/)."
  key_facts:
    - text: Zelensky *travelled* to Ankara.
      cite: [first]
"""


def test_bodies_summaries_facts_and_descriptions(tmp_path: Path) -> None:
    texts = tiny(tmp_path, {"topics.yaml": SUMMARY_TOPICS}).texts
    assert set(texts.bodies) == {"first", "second"}
    assert 'class="entity"' in texts.bodies["first"].html  # bodies link entities
    assert dict(texts.bodies["first"].mentions) == {"volodymyr-zelensky": 1, "ankara": 1}
    summary = texts.summaries["ankara-meeting"]
    assert "<strong>Zelensky</strong>" in summary and 'class="entity"' not in summary
    assert texts.descriptions["ankara-meeting"] == "Zelensky went to Ankara."
    assert texts.facts[("ankara-meeting", 0)] == "Zelensky <em>travelled</em> to Ankara."


def test_an_unchanged_body_is_not_rendered_again(tmp_path: Path) -> None:
    site = tiny(tmp_path)
    kept = MarkdownResult(Markup("<p>kept</p>"))
    earlier = {"first": (site.site.articles["first"].body, kept), "second": ("old text", kept)}
    texts = render_texts(site.site, markdown_for(site.site, site.routes), earlier)
    assert texts.bodies["first"] is kept
    assert texts.bodies["second"] is not kept


@given(st.text(alphabet="ab <>&\n", max_size=400))
def test_a_description_is_one_tag_free_line_of_bounded_length(text: str) -> None:
    line = plain_line(Markup(f"<p>{escape(text)}</p>"))
    shown = " ".join(text.split())  # as the browser shows it
    assert "\n" not in line and len(line) <= DESCRIPTION_LENGTH + 1
    if len(shown) <= DESCRIPTION_LENGTH:
        assert line == shown
    else:  # cut at a word, and said to be cut
        assert line.endswith("…") and shown.startswith(line[:-1])
