"""Footnotes (`text[^1]` … `[^1]: note`): mdit-py-plugins' footnote rules, rendered our way.

The plugin's own markup has no accessible names (a bare "[1]" and "↩︎") and the same ids
in every text rendered; here a reference says which note it opens, the back link says where
it goes, the notes are a labelled region, and texts shown several to a page (topic
summaries) get ids prefixed by a hash of the text, so two never share one."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict
from markupsafe import escape
from mdit_py_plugins.footnote import footnote_plugin

DEFAULT_LABELS = {
    "notes": "Notes",
    "note": "Note {number}",
    "back": "Back to reference {number}",
}


def footnotes_plugin(md: MarkdownIt, labels: Mapping[str, str] | None = None) -> None:
    """`labels`: the three interface strings (DEFAULT_LABELS' keys), for other languages."""
    words = {**DEFAULT_LABELS, **(labels or {})}
    md.use(footnote_plugin, inline=False)  # `^[...]` would put a block in inline texts
    rules = md.add_render_rule

    def ref(
        self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        number = _number(tokens[idx])
        label = escape(words["note"].format(number=number))
        return (
            f'<sup class="footnote-ref"><a href="#{_note_id(tokens[idx], env)}" '
            f'id="{_ref_id(tokens[idx], env)}" role="doc-noteref" aria-label="{label}">'
            f"{number}</a></sup>"
        )

    def block_open(
        self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        return f'<section class="footnotes" aria-label="{escape(words["notes"])}">\n<ol>\n'

    def item_open(
        self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        return f'<li id="{_note_id(tokens[idx], env)}">'

    def backref(
        self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        token = tokens[idx]
        label = escape(words["back"].format(number=_number(token)))
        return (
            f' <a href="#{_ref_id(token, env)}" class="footnote-backref" role="doc-backlink"'
            f' aria-label="{label}">\u21a9\ufe0e</a>'
        )

    rules("footnote_ref", ref)
    rules("footnote_block_open", block_open)
    rules("footnote_block_close", lambda self, tokens, idx, options, env: "</ol>\n</section>\n")
    rules("footnote_open", item_open)
    rules("footnote_anchor", backref)


def footnote_labels(t: Callable[..., str]) -> dict[str, str]:
    """DEFAULT_LABELS from the interface's table (`t`: i18n.Strings)."""
    return {key: t(f"footnote.{key}", number="{number}") for key in DEFAULT_LABELS}


def footnote_prefix(text: str) -> str:
    """The id prefix of the notes of a text shown beside others on a page."""
    return "n" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:6] + "-"


def _number(token: Token) -> int:
    return int(token.meta["id"]) + 1


def _note_id(token: Token, env: Mapping) -> str:
    return f"{env.get('footnote_prefix', '')}fn-{_number(token)}"


def _ref_id(token: Token, env: Mapping) -> str:
    """A note cited twice has two references: fnref-1, fnref-1-2."""
    sub = int(token.meta.get("subId", 0) or 0)
    suffix = f"-{sub + 1}" if sub > 0 else ""
    return f"{env.get('footnote_prefix', '')}fnref-{_number(token)}{suffix}"
