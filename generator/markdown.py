"""One configured markdown-it-py parser: raw HTML off, safe links, heading anchors,
and entity mentions (names and aliases) linked to entity pages."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from markupsafe import Markup
from mdit_py_plugins.anchors import anchors_plugin

from .model import Entity
from .paragraph_ids import paragraph_ids_plugin


@dataclass(frozen=True, slots=True)
class EntityMatcher:
    """One compiled pattern for every name and alias of every entity."""

    pattern: re.Pattern[str] | None
    entity_by_name: Mapping[str, Entity]

    def find(self, text: str) -> Iterable[tuple[re.Match[str], Entity]]:
        if self.pattern is None:
            return
        for match in self.pattern.finditer(text):
            yield match, self.entity_by_name[match.group(0)]


def build_matcher(entities: Iterable[Entity]) -> EntityMatcher:
    entity_by_name: dict[str, Entity] = {}
    for entity in entities:
        for name in (entity.name, *entity.aliases):
            entity_by_name.setdefault(name, entity)
    if not entity_by_name:
        return EntityMatcher(None, {})
    trie = _trie_pattern(sorted(entity_by_name))
    return EntityMatcher(re.compile(rf"(?<!\w)(?:{trie})(?!\w)"), entity_by_name)


def _trie_pattern(names: list[str]) -> str:
    """One regular expression for many names, factored by shared prefixes: a plain
    alternation of 600 names is tried name by name at every position of the text,
    a trie once. Optional groups are greedy, so the longest name wins at a place
    ("Voldymir Zelensky" over "Zelensky" is settled by the start; "Recep Tayyip
    Erdogan" over "Recep" by the greed)."""
    trie: dict = {}
    for name in names:
        node = trie
        for char in name:
            node = node.setdefault(char, {})
        node[""] = {}
    return _node_pattern(trie)


def _node_pattern(node: dict) -> str:
    branches = [
        re.escape(char) + _node_pattern(child) for char, child in sorted(node.items()) if char
    ]
    if not branches:
        return ""
    ends_here = "" in node
    if len(branches) == 1 and not ends_here:
        return branches[0]
    group = "(?:" + "|".join(branches) + ")"
    return group + "?" if ends_here else group


@dataclass(slots=True)
class MarkdownResult:
    html: Markup
    mentions: dict[str, int] = field(default_factory=dict)  # entity id -> count, first seen first
    links: list[tuple[str, int]] = field(default_factory=list)  # (href, 0-based source line)


class Markdown:
    """Renders untrusted Markdown: raw HTML is escaped, unsafe URLs are dropped by
    markdown-it's link validator (javascript:, vbscript:, file:, most data:)."""

    def __init__(self, matcher: EntityMatcher, entity_url: Callable[[Entity], str]) -> None:
        self.matcher = matcher
        self._md = MarkdownIt("commonmark", {"html": False, "typographer": False})
        self._md.enable(["table", "strikethrough"])
        anchors_plugin(self._md, min_level=2, max_level=4)
        self._md.core.ruler.push("entity_links", _entity_links_rule(matcher, entity_url))
        self._md.core.ruler.push("collect_links", _collect_links_rule)
        paragraph_ids_plugin(self._md)

    def render(
        self, text: str, *, link_entities: bool = True, paragraph_ids: bool = False
    ) -> MarkdownResult:
        env: dict = {
            "link_entities": link_entities,
            "paragraph_ids": paragraph_ids,
            "mentions": {},
            "linked": set(),
            "links": [],
        }
        html = Markup(self._md.render(text, env))
        return MarkdownResult(html, env["mentions"], env["links"])

    def render_inline(self, text: str) -> str:
        return self._md.renderInline(
            text, {"link_entities": False, "mentions": {}, "linked": set(), "links": []}
        )


def _entity_links_rule(
    matcher: EntityMatcher, entity_url: Callable[[Entity], str]
) -> Callable[[StateCore], None]:
    def rule(state: StateCore) -> None:
        env = state.env
        for index, block in enumerate(state.tokens):
            if block.type != "inline" or not block.children:
                continue
            in_heading = index > 0 and state.tokens[index - 1].type == "heading_open"
            may_link = env["link_entities"] and not in_heading
            block.children = _link_children(block.children, matcher, entity_url, env, may_link)

    return rule


def _link_children(
    children: list[Token],
    matcher: EntityMatcher,
    entity_url: Callable[[Entity], str],
    env: dict,
    may_link: bool,
) -> list[Token]:
    result: list[Token] = []
    link_depth = 0
    for token in children:
        if token.type == "link_open":
            link_depth += 1
        elif token.type == "link_close":
            link_depth -= 1
        if token.type != "text":
            result.append(token)
            continue
        result.extend(_split_text(token, matcher, entity_url, env, may_link and link_depth == 0))
    return result


def _split_text(
    token: Token,
    matcher: EntityMatcher,
    entity_url: Callable[[Entity], str],
    env: dict,
    may_link: bool,
) -> list[Token]:
    """Count every mention in a text token; link the first mention of each entity."""
    pieces: list[Token] = []
    text = token.content
    cursor = 0
    for match, entity in matcher.find(text):
        env["mentions"][entity.id] = env["mentions"].get(entity.id, 0) + 1
        if not may_link or entity.id in env["linked"]:
            continue
        env["linked"].add(entity.id)
        pieces.append(_text(text[cursor : match.start()]))
        attrs = {"href": entity_url(entity), "class": "entity"}
        if match.group(0) != entity.name:
            attrs["title"] = entity.name
        pieces.extend(
            [
                Token("link_open", "a", 1, attrs=attrs),
                _text(match.group(0)),
                Token("link_close", "a", -1),
            ]
        )
        cursor = match.end()
    if not pieces:
        return [token]
    pieces.append(_text(text[cursor:]))
    return [piece for piece in pieces if piece.type != "text" or piece.content]


def _text(content: str) -> Token:
    return Token("text", "", 0, content=content)


def _collect_links_rule(state: StateCore) -> None:
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        line = block.map[0] if block.map else 0
        for token in block.children:
            if token.type == "link_open" and token.attrGet("class") != "entity":
                state.env["links"].append((str(token.attrGet("href")), line))
            elif token.type == "image":
                state.env["links"].append((str(token.attrGet("src")), line))
