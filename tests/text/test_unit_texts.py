"""texts: every piece of Markdown rendered once, before any page; descriptions from the
rendered text."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from unittest.mock import patch

from hypothesis import given
from hypothesis import strategies as st
from markupsafe import Markup, escape
from tiny_site import markdown_for, tiny

from generator.text import texts as texts_module
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


def test_bodies_rendered_half_beside_are_the_bodies_rendered_here(tmp_path: Path) -> None:
    files = {f"articles/more-{n}.md": MORE.format(n=n) for n in range(7)}
    site = tiny(tmp_path, files)
    markdown = markdown_for(site.site, site.routes)
    soon = texts_module.forked.soon
    with (
        patch.object(texts_module, "BESIDE_BODIES", 2),
        patch.object(texts_module.forked, "soon", wraps=soon) as started,
    ):
        beside = render_texts(site.site, markdown, {}, {}, beside=True)
    assert started.call_args.kwargs["background"] is True  # half of them were forked
    assert len(started.call_args.args[1]) == 5
    assert beside == render_texts(site.site, markdown, {}, {})
    assert list(beside.bodies) == list(site.site.articles)  # in the site's order
    assert len(beside.bodies) == 9 and beside.bodies["more-6"].mentions


def test_a_half_the_fork_did_not_hand_back_is_rendered_here() -> None:
    parent = os.getpid()

    def render(slugs: Sequence[str]) -> list[MarkdownResult]:
        if os.getpid() != parent:
            os._exit(1)  # the fork dies without an answer
        return [MarkdownResult(Markup(slug)) for slug in slugs]

    rendered = texts_module._halves(render, ["a", "b", "c"], beside=True)
    assert [result.html for result in rendered] == ["a", "b", "c"]


MORE = """\
---
title: More {n}
date: 2025-03-1{n}
source: wire
---

Zelensky met officials in Ankara, report {n}.
"""
