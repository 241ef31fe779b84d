"""Golden fixtures for the Markdown renderer: input / expected HTML pairs."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.entity_links import build_matcher, entity_links_plugin
from generator.errors import Position
from generator.markdown import Markdown
from generator.model import Entity
from generator.routes import Routes

FIXTURES = Path(__file__).parent / "fixtures" / "markdown"


def read_cases(path: Path) -> list[tuple[str, str, str]]:
    """Cases separated by blank lines: title, '.', input, '.', expected, '.'."""
    cases = []
    for block in path.read_text(encoding="utf-8").split("\n.\n\n"):
        title, source, expected = block.rstrip(".\n").split("\n.\n")
        cases.append((title, source + "\n", expected + "\n"))
    return cases


def entity(entity_id: str, name: str, *aliases: str) -> Entity:
    return Entity(entity_id, name, "person", "", aliases, Position(Path("entities.yaml")))


MATCHER = build_matcher(
    [
        entity("volodymyr-zelensky", "Volodymyr Zelensky", "Zelensky", "Voldymir Zelensky"),
        entity("recep-tayyip-erdogan", "Recep Tayyip Erdogan", "Erdogan"),
    ]
)
MARKDOWN = Markdown((entity_links_plugin, {"matcher": MATCHER, "routes": Routes()}))


@pytest.mark.parametrize(
    ("title", "source", "expected"),
    [case for name in ("entities.txt", "safety.txt") for case in read_cases(FIXTURES / name)],
    ids=lambda value: value if " " in value and "\n" not in value else "",
)
def test_golden(title: str, source: str, expected: str) -> None:
    assert MARKDOWN.render(source).html == expected


def test_mentions_are_counted_everywhere() -> None:
    result = MARKDOWN.render("## Zelensky\n\nVoldymir Zelensky and Zelensky met Erdogan.\n")
    assert result.mentions == {"volodymyr-zelensky": 3, "recep-tayyip-erdogan": 1}


def test_links_are_collected_with_their_lines() -> None:
    result = MARKDOWN.render("Intro.\n\nSee [topic](/topics/x/) and ![map](/img/map.png).\n")
    assert result.links == (("/topics/x/", 2), ("/img/map.png", 2))
