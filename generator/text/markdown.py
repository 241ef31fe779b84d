"""One configured markdown-it-py parser for untrusted text: raw HTML off, safe links,
heading anchors, and the plugins it is given (entity linking)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markupsafe import Markup

from generator.text.anchors import anchors_plugin
from generator.text.footnotes import footnote_prefix, footnotes_plugin
from generator.text.images import Resolver, images_plugin
from generator.text.rendered import MarkdownResult
from generator.text.shown_as_text import shown_as_text

Plugin = Callable[..., None]  # markdown-it-py's plugin shape: plugin(md, **options)


class Markdown:
    """Renders untrusted Markdown: raw HTML is escaped, unsafe URLs are dropped by
    markdown-it's link validator (javascript:, vbscript:, file:, most data:)."""

    def __init__(
        self,
        *plugins: tuple[Plugin, Mapping[str, object]],
        labels: Mapping[str, str] | None = None,
    ) -> None:
        self._md = MarkdownIt("commonmark", {"html": False, "typographer": False})
        self._md.enable(["table", "strikethrough"])
        self._md.use(anchors_plugin)  # h2-h4, in linear time
        self._md.use(footnotes_plugin, labels=labels)
        self._md.use(images_plugin)
        for plugin, options in plugins:
            self._md.use(plugin, **options)
        self._md.core.ruler.push("collect_links", _collect_links_rule)

    def render(
        self, text: str, *, link_entities: bool = True, images: Resolver | None = None
    ) -> MarkdownResult:
        """`images` resolves the text's local images (an article's folder)."""
        env = _env(link_entities)
        env["images"] = images
        if not link_entities:  # shown beside other texts: their notes' ids must differ
            env["footnote_prefix"] = footnote_prefix(text)
        html = Markup(self._md.render(text, env))
        return MarkdownResult(
            html,
            env["mentions"],
            tuple(env["links"]),
            tuple(env["image_list"]),
            tuple(env["shown_as_text"]),
        )

    def render_inline(self, text: str) -> Markup:
        return Markup(self._md.renderInline(text, _env(False)))


def _env(link_entities: bool) -> dict:
    return {
        "link_entities": link_entities,
        "mentions": {},
        "linked": set(),
        "links": [],
        "image_list": [],
        "shown_as_text": [],
    }


def _collect_links_rule(state: StateCore) -> None:
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        line = block.map[0] if block.map else 0
        shown = shown_as_text(state.md, block.content)
        state.env["shown_as_text"].extend((what, line) for what in shown)
        for token in block.children:
            if token.type == "link_open" and token.attrGet("class") != "entity":
                state.env["links"].append((str(token.attrGet("href")), line))
            elif token.type == "image":
                state.env["links"].append((str(token.attrGet("src")), line))
                state.env["image_list"].append((str(token.attrGet("src")), token.content, line))
