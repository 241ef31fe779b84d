"""Heading anchors: an id on every h2-h4 from its text, unique within the article.

mdit-py-plugins' anchors plugin finds a free id by trying 'x', 'x-1', 'x-2', ...
from the start for every heading, which is quadratic: 20,000 equal headings took
27 s. Here each base slug remembers its next suffix, so the ids are the same and
the cost is linear."""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from mdit_py_plugins.anchors.index import slugify

LEVELS = ("h2", "h3", "h4")


def anchors_plugin(md: MarkdownIt) -> None:
    md.core.ruler.push("anchor", _add_anchors)


def _add_anchors(state: StateCore) -> None:
    taken: set[str] = set()
    next_suffix: dict[str, int] = {}
    for index, token in enumerate(state.tokens):
        if token.type != "heading_open" or token.tag not in LEVELS:
            continue
        children = state.tokens[index + 1].children or []
        title = "".join(c.content for c in children if c.type in ("text", "code_inline"))
        token.attrSet("id", _unique(slugify(title), taken, next_suffix))


def _unique(slug: str, taken: set[str], next_suffix: dict[str, int]) -> str:
    candidate, suffix = slug, next_suffix.get(slug, 1)
    if slug in taken:
        while (candidate := f"{slug}-{suffix}") in taken:
            suffix += 1
        next_suffix[slug] = suffix + 1
    taken.add(candidate)
    return candidate
