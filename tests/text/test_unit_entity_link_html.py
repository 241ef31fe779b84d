"""Entity links written as one inline HTML token give, to the byte, the HTML that the
link_open, text and link_close tokens they stand for render to (the plugin as first
written is the oracle here), for any text and any names, quotes and ampersands included."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from generator.content.model import Entity
from generator.errors import Position
from generator.routes import Routes
from generator.text.entity_links import EntityMatcher, build_matcher, entity_links_plugin
from generator.text.markdown import Markdown


def token_links_plugin(md: MarkdownIt, matcher: EntityMatcher, routes: Routes) -> None:
    """The oracle: each first mention split into link_open, text and link_close tokens."""

    def rule(state: StateCore) -> None:
        env = state.env
        for index, block in enumerate(state.tokens):
            if block.type != "inline" or not block.children:
                continue
            in_heading = index > 0 and state.tokens[index - 1].type == "heading_open"
            may_link = env["link_entities"] and not in_heading
            children, depth = [], 0
            for token in block.children:
                depth += {"link_open": 1, "link_close": -1}.get(token.type, 0)
                if token.type != "text":
                    children.append(token)
                    continue
                children.extend(split(token, env, may_link and depth == 0))
            block.children = children

    def split(token: Token, env: dict, may_link: bool) -> list[Token]:
        pieces, text, cursor = [], token.content, 0
        for match, entity in matcher.find(text):
            env["mentions"][entity.id] = env["mentions"].get(entity.id, 0) + 1
            if not may_link or entity.id in env["linked"]:
                continue
            env["linked"].add(entity.id)
            attrs: dict = {"href": routes.link(routes.entity(entity.id)), "class": "entity"}
            if match.group(0) != entity.name:
                attrs["title"] = entity.name
            pieces += [
                Token("text", "", 0, content=text[cursor : match.start()]),
                Token("link_open", "a", 1, attrs=attrs),
                Token("text", "", 0, content=match.group(0)),
                Token("link_close", "a", -1),
            ]
            cursor = match.end()
        if not pieces:
            return [token]
        pieces.append(Token("text", "", 0, content=text[cursor:]))
        return [piece for piece in pieces if piece.type != "text" or piece.content]

    md.core.ruler.push("entity_links", rule)


NAMES = st.text(alphabet="Ab &<>\"'é", min_size=1, max_size=8).map(str.strip).filter(bool)
WORDS = st.sampled_from(["and", "met", "&", "<b>", '"q"', "*x*", "[l](http://a.b)", "\n\n", "# "])


@settings(max_examples=150, deadline=None)
@given(
    names=st.lists(NAMES, min_size=1, max_size=4, unique=True),
    words=st.lists(st.one_of(WORDS, st.integers(0, 3)), max_size=30),
    base=st.sampled_from(["/", "/sub path/"]),
)
def test_entity_links_render_as_the_tokens_they_stand_for(names, words, base) -> None:
    entities = [
        Entity(f"e{i}", name, "person", "", (f"{name} Jr",), Position(Path("entities.yaml")))
        for i, name in enumerate(names)
    ]
    matcher, routes = build_matcher(entities), Routes("https://x.example" + base)
    mentions = [f"{names[w % len(names)]}" + (" Jr" if w >= 2 else "") for w in range(4)]
    text = " ".join(mentions[w] if isinstance(w, int) else w for w in words)
    ours = Markdown((entity_links_plugin, {"matcher": matcher, "routes": routes}))
    oracle = Markdown((token_links_plugin, {"matcher": matcher, "routes": routes}))
    found, expected = ours.render(text), oracle.render(text)
    assert found.html == expected.html
    assert found.mentions == expected.mentions
    assert found.links == expected.links
