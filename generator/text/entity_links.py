"""Entity linking, as a markdown-it-py plugin: every name and alias of every entity is
found in the text; the first mention of each is linked to the entity's page and every
mention is counted in `env["mentions"]` (the link graph is made from those counts)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, MutableMapping
from dataclasses import dataclass
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from generator.content.model import Entity
from generator.routes import Routes

EntityUrl = Callable[[Entity], str]


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


def entity_links_plugin(md: MarkdownIt, matcher: EntityMatcher, routes: Routes) -> None:
    """Use as `md.use(entity_links_plugin, matcher=..., routes=...)`. The render env
    decides per call: `link_entities` (False: count only), `mentions`, `linked`."""
    md.core.ruler.push("entity_links", _entity_links_rule(matcher, routes))


def _entity_links_rule(matcher: EntityMatcher, routes: Routes) -> Callable[[StateCore], None]:
    def entity_url(entity: Entity) -> str:
        return routes.link(routes.entity(entity.id))

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
    entity_url: EntityUrl,
    env: MutableMapping[str, Any],
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
    entity_url: EntityUrl,
    env: MutableMapping[str, Any],
    may_link: bool,
) -> list[Token]:
    """Count every mention in a text token; link the first mention of each entity. A text
    with links becomes one inline HTML token, written as the renderer writes the text and
    link tokens it stands for (a link is ~5 tokens to make and render, 23 an article)."""
    if matcher.pattern is None:
        return [token]
    text = token.content
    mentions, linked, by_name = env["mentions"], env["linked"], matcher.entity_by_name
    pieces: list[str] = []
    cursor = 0
    for match in matcher.pattern.finditer(text):
        name = match.group(0)
        entity = by_name[name]
        mentions[entity.id] = mentions.get(entity.id, 0) + 1
        if not may_link or entity.id in linked:
            continue
        linked.add(entity.id)
        pieces.append(escapeHtml(text[cursor : match.start()]))
        pieces.append(_link(entity_url(entity), entity.name, name))
        cursor = match.end()
    if not pieces:
        return [token]
    pieces.append(escapeHtml(text[cursor:]))
    return [Token("html_inline", "", 0, content="".join(pieces))]


def _link(url: str, entity_name: str, shown: str) -> str:
    """`<a href class="entity" [title]>shown</a>`, as markdown-it renders a link_open token
    with those attributes, a text token and a link_close token."""
    title = "" if shown == entity_name else f' title="{escapeHtml(entity_name)}"'
    return f'<a href="{escapeHtml(url)}" class="entity"{title}>{escapeHtml(shown)}</a>'
