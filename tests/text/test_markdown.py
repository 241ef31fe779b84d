"""Golden fixtures for the Markdown renderer: input / expected HTML pairs."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st

from generator.content.model import Entity
from generator.errors import Position
from generator.routes import Routes
from generator.text.entity_links import build_matcher, entity_links_plugin
from generator.text.markdown import Markdown

FIXTURES = Path(__file__).parent.parent / "fixtures" / "markdown"


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
    [
        case
        for name in ("entities.txt", "safety.txt", "footnotes.txt")
        for case in read_cases(FIXTURES / name)
    ],
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


@given(
    labels=st.lists(
        st.text(alphabet="abcxyz0123456789", min_size=1, max_size=3),
        min_size=1,
        max_size=6,
        unique=True,
    ),
    order=st.lists(st.integers(min_value=0, max_value=5), min_size=1, max_size=10),
    beside_others=st.booleans(),
)
def test_every_footnote_link_has_its_target_and_no_id_repeats(
    labels: list[str], order: list[int], beside_others: bool
) -> None:
    cited = [labels[i % len(labels)] for i in order]
    body = " ".join(f"Claim {n}.[^{label}]" for n, label in enumerate(cited))
    notes = "\n".join(f"[^{label}]: Note {label}." for label in labels)
    html = BeautifulSoup(
        str(MARKDOWN.render(f"{body}\n\n{notes}\n", link_entities=not beside_others).html),
        "html.parser",
    )
    ids = [tag["id"] for tag in html.find_all(id=True)]
    assert len(ids) == len(set(ids))
    references = html.select("sup.footnote-ref a")
    back_links = html.select("a.footnote-backref")
    assert len(references) == len(back_links) == len(cited)
    for link in [*references, *back_links]:
        assert link["href"][1:] in ids
        assert link["aria-label"]
    for reference in references:  # each note links back to this very reference
        note = html.find(id=reference["href"][1:])
        assert note.find("a", href=f"#{reference['id']}") is not None
    assert len(html.select("section.footnotes li")) == len(set(cited))


def test_texts_shown_together_never_share_a_footnote_id() -> None:
    first = MARKDOWN.render("One.[^1]\n\n[^1]: a\n", link_entities=False).html
    second = MARKDOWN.render("Two.[^1]\n\n[^1]: b\n", link_entities=False).html
    both = BeautifulSoup(first + second, "html.parser")
    ids = [tag["id"] for tag in both.find_all(id=True)]
    assert len(ids) == 4 == len(set(ids))
