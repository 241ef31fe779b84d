"""README.md and the guides in docs/: links that resolve, a front door under 8 KB, no machine
paths, and a guide that says first whom it is for. No build: this is the unit layer."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT

README = ROOT / "README.md"
DOCS = (README, *sorted((ROOT / "docs").glob("*.md")))
GUIDES = tuple(doc for doc in DOCS if doc.parent.name == "docs")

FENCE = re.compile(r"^\s*(```|~~~)")
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")
MACHINE_PATH = re.compile(r"(?<![\w.%])/(?:work|tmp|home|root|Users)/")


def prose(text: str) -> str:
    """The text outside fenced code blocks (links in code are not links)."""
    lines, inside = [], False
    for line in text.splitlines():
        if FENCE.match(line):
            inside = not inside
        elif not inside:
            lines.append(line)
    return "\n".join(lines)


def anchor(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens."""
    words = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return words.replace(" ", "-")


def anchors(doc: Path) -> set[str]:
    headings = re.findall(r"^#+\s+(.+)$", prose(doc.read_text(encoding="utf-8")), re.MULTILINE)
    return {anchor(heading) for heading in headings}


def broken_links(doc: Path) -> list[str]:
    broken = []
    text = re.sub(r"`[^`\n]*`", "", prose(doc.read_text(encoding="utf-8")))  # nor in `code`
    for target in LINK.findall(text):
        if re.match(r"[a-z]+:", target):  # https:, mailto: ... are not files here
            continue
        path, _, fragment = target.partition("#")
        linked = (doc.parent / path).resolve() if path else doc
        if not linked.exists():
            broken.append(f"{target}: no file {path}")
        elif fragment and linked.suffix == ".md" and fragment not in anchors(linked):
            broken.append(f"{target}: no heading #{fragment} in {linked.name}")
    return broken


@pytest.mark.parametrize("doc", DOCS, ids=lambda doc: doc.name)
def test_every_relative_link_names_a_file_and_heading_that_exist(doc: Path) -> None:
    assert broken_links(doc) == []


def test_a_broken_link_or_anchor_is_reported(tmp_path: Path) -> None:
    (tmp_path / "other.md").write_text("# Other\n\n## Two words\n", encoding="utf-8")
    doc = tmp_path / "doc.md"
    doc.write_text(
        "[ok](other.md#two-words) [gone](missing.md) [no](other.md#three) [self](#nowhere)\n"
        "```\n[in code](ignored.md)\n```\n`[inline](ignored.md)` [web](https://example.com/x.md)\n",
        encoding="utf-8",
    )
    assert broken_links(doc) == [
        "missing.md: no file missing.md",
        "other.md#three: no heading #three in other.md",
        "#nowhere: no heading #nowhere in doc.md",
    ]


def test_anchor_follows_github() -> None:
    assert anchor("Checking the built pages") == "checking-the-built-pages"
    assert anchor("`content/site.yaml`") == "contentsiteyaml"
    assert anchor("Topics, people, and sources") == "topics-people-and-sources"


def test_readme_is_a_front_door_under_8_kb() -> None:
    assert len(README.read_bytes()) < 8 * 1024
    for guide in GUIDES:
        assert f"(docs/{guide.name})" in README.read_text(encoding="utf-8"), guide.name


@pytest.mark.parametrize("doc", DOCS, ids=lambda doc: doc.name)
def test_no_machine_paths(doc: Path) -> None:
    assert MACHINE_PATH.findall(doc.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("guide", GUIDES, ids=lambda doc: doc.name)
def test_a_guide_opens_with_whom_it_is_for(guide: Path) -> None:
    title, blank, opening, *_ = guide.read_text(encoding="utf-8").splitlines()
    assert title.startswith("# ") and blank == ""
    assert opening[:1].isalpha(), "the first line after the title is a paragraph"


REPOSITORY_PATH = re.compile(r"`((?:generator|bench|tests|themes|tools|\.github|\.ci)/[^`\s]*)`")


def missing_paths(doc: Path) -> list[str]:
    """Files and folders of this repository the doc names in `code` that do not exist."""
    named = REPOSITORY_PATH.findall(doc.read_text(encoding="utf-8"))
    return [path for path in named if "<" not in path and not (ROOT / path).exists()]


GUIDES_AND_README = tuple(doc for doc in DOCS if doc.name != "ARCHITECTURE.md")


# Not ARCHITECTURE.md: it also names paths inside an installed wheel (`generator/theme/`).
@pytest.mark.parametrize("doc", [*GUIDES_AND_README], ids=lambda doc: doc.name)
def test_every_repository_path_named_exists(doc: Path) -> None:
    assert missing_paths(doc) == []
