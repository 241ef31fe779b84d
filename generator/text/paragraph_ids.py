"""A markdown-it plugin: give each paragraph and list item of an article body the id
`para-<line>` (its first body line), so a cited sentence can be linked to."""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore

from generator.evidence.sentences import paragraph_anchor


def paragraph_ids_plugin(md: MarkdownIt) -> None:
    """Active on article bodies only, which are what is rendered with `link_entities`
    (a page showing several topic summaries would repeat the ids)."""
    md.core.ruler.push("paragraph_ids", _paragraph_ids)


def _paragraph_ids(state: StateCore) -> None:
    if not state.env.get("link_entities"):
        return
    tokens = state.tokens
    for index, token in enumerate(tokens):
        if token.type != "paragraph_open" or not token.map:
            continue
        target = token
        if token.hidden:  # a tight list item: its <li> carries the id
            previous = tokens[index - 1] if index else None
            if previous is None or previous.type != "list_item_open":
                continue
            target = previous
        if target.attrGet("id") is None:
            target.attrSet("id", paragraph_anchor(token.map[0] + 1))
