"""Every example in README.md and the guides in docs/ runs, as golden fixtures.

Each fenced block is preceded by `<!-- example: KIND ARGS -->`, which says how it is tried:

- `content PATH [in ID.KEY]`: content put into the site at PATH (a YAML list's entries replace
  those with the same id or are added; a mapping's keys likewise; `in ID.KEY` adds list items to
  that field of entry ID; an article body without front matter gets a standard one);
- `files`: paths the example names (images), made by the test;
- `input PATH`: a file a command example reads (`~/` is the case's home folder);
- `tree`: paths that `briefing init` writes;
- `check`: what `briefing check` prints for the section's content, line for line;
- `console [exact]`: `$ command` lines run in order, each followed by lines of its output
  (numbers may differ, compared as `N`, unless `exact`: figures; `...` stands for lines left out);
- `written PATH`: text PATH holds after the section's commands ran;
- `commands`: shell lines, each run, or (the table NOT_RUN says which and why) checked without
  running: `make -n TARGET`, or `--help` naming every option the line uses.

The blocks of one section (up to the next heading, or a `check` block) are one case, tried in
its own copy of the real content/. A section with content and no `check` block must pass
`briefing check`. docs/ARCHITECTURE.md is the lead's and is not read here.
"""

from __future__ import annotations

import itertools
import os
import re
import shlex
import shutil
import subprocess
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from conftest import CONTENT, FIXTURES, ROOT
from hypothesis import given
from hypothesis import strategies as st

GUIDES = (ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")))
EXAMPLE = re.compile(r"^\s*<!-- example: (.+?) -->\s*$")
FENCE = re.compile(r"^(\s*)```(\S*)\s*$")
HEADING = re.compile(r"^#+\s")
BIN = ROOT / ".venv" / "bin"

# Commands shown but not run here, and why. They are still checked: a make target by
# `make -n`, any other command by its --help naming each option the example uses.
NOT_RUN = {
    "make test": "the whole suite, this test included",
    "make serve": "a server that runs until Ctrl-C (test_preview runs it)",
    "briefing serve": "a server that runs until Ctrl-C (test_preview runs it)",
    "make build": "rebuilds this repository's site/ (test_build builds the same content)",
    "make lint-site": "needs a built site, node and java (test_publish runs the checkers)",
    "bench/": "a benchmark: minutes of CPU (its figures name their commands)",
}
# Files a command example names that the guide does not show: the test's stand-ins.
STAND_INS = {
    "home/Downloads/bbc-europe.rss": FIXTURES / "feeds" / "bbc.rss",
    "bbc-europe.rss": FIXTURES / "feeds" / "bbc.rss",
}
FRONT_MATTER = "---\ntitle: {}\ndate: 2025-11-18\nsource: bbc-news\ntopics: [ankara-meeting]\n---\n"


@dataclass(frozen=True, slots=True)
class Block:
    """One fenced example: where it is, how it is tried, and its text."""

    where: str
    kind: str
    args: tuple[str, ...]
    text: str


@dataclass(frozen=True, slots=True)
class Case:
    """The examples of one section of a guide."""

    where: str
    blocks: tuple[Block, ...]


def blocks(doc: Path) -> list[tuple[str, Block]]:
    """(section, block) for every fenced block, annotated or not (kind `unannotated`)."""
    found, section, lines = [], doc.name, doc.read_text(encoding="utf-8").splitlines()
    number = 0
    while number < len(lines):
        line, fence = lines[number], FENCE.match(lines[number])
        if HEADING.match(line):
            section = f"{doc.name}: {line.lstrip('#').strip()}"
        if fence:
            end = next(i for i in range(number + 1, len(lines)) if lines[i].strip() == "```")
            text = textwrap.dedent("\n".join(lines[number + 1 : end])) + "\n"
            before = next((lines[i] for i in range(number - 1, -1, -1) if lines[i].strip()), "")
            annotation = EXAMPLE.match(before)
            words = annotation.group(1).split() if annotation else ["unannotated"]
            where = f"{doc.name}:{number + 1}"
            found.append((section, Block(where, words[0], tuple(words[1:]), text)))
            number = end
        number += 1
    return found


def cases() -> list[Case]:
    """The blocks of each section, a new case after each `check` block."""
    by_case: dict[str, list[Block]] = {}
    parts: dict[str, int] = {}
    for doc in GUIDES:
        if doc.name != "ARCHITECTURE.md":
            for section, block in blocks(doc):
                part = parts.setdefault(section, 1)
                by_case.setdefault(f"{section} ({part})", []).append(block)
                parts[section] += block.kind == "check"
    return [Case(where, tuple(found)) for where, found in by_case.items()]


CASES = cases()
KINDS = frozenset({"content", "input", "files", "tree", "check", "console", "written", "commands"})


def test_every_example_says_how_it_is_tried() -> None:
    untried = [block.where for case in CASES for block in case.blocks if block.kind not in KINDS]
    assert untried == []
    assert len(CASES) > 10  # the guides were read


@pytest.fixture(scope="session")
def base_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder like this repository's, with a copy of its content: what every case starts from."""
    base = tmp_path_factory.mktemp("docs") / "site"
    shutil.copytree(CONTENT, base / "content")
    (base / ".venv").symlink_to(ROOT / ".venv")
    (base / "bench").symlink_to(ROOT / "bench")
    for path, stand_in in STAND_INS.items():
        (base / path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(stand_in, base / path)
    return base


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.where)
def test_example(case: Case, base_site: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(base_site, site, symlinks=True)
    order = ("input", "files", "content", "tree", "commands", "console", "written", "check")
    for block in sorted(case.blocks, key=lambda block: order.index(block.kind)):
        TRIES[block.kind](block, site)
    if any(block.kind == "content" for block in case.blocks) and not any(
        block.kind == "check" for block in case.blocks
    ):
        result = run("briefing check --strict", site)
        assert result.returncode == 0 and ": error:" not in result.stdout, result.stdout


def run(command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}",
        "HOME": str(cwd / "home"),
        "PYTHONUNBUFFERED": "1",  # the two streams in the order they were written
    }
    return subprocess.run(
        ["bash", "-c", command], cwd=cwd, env=env, stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT, text=True, timeout=300, check=False,
    )  # fmt: skip


def put_content(block: Block, site: Path) -> None:
    path = site / block.args[0]
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix == ".md":
        title = path.stem.replace("-", " ").capitalize()
        front = "" if block.text.startswith("---") else FRONT_MATTER.format(title)
        body = front + block.text
        path.write_text(body, encoding="utf-8")
        return
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    if block.args[1:2] == ("in",):
        path.write_text(insert_items(old, block.args[2], block.text), encoding="utf-8")
    else:
        path.write_text(merge(old, block.text), encoding="utf-8")


def identity(node: yaml.Node) -> object:
    if isinstance(node, yaml.MappingNode):
        return next((value.value for key, value in node.value if key.value == "id"), None)
    return node.value


def children(node: yaml.Node | None) -> list[tuple[object, int]]:
    """(identity, first line) of each entry of a list, or each key of a mapping."""
    if isinstance(node, yaml.SequenceNode):
        return [(identity(item), item.start_mark.line) for item in node.value]
    if isinstance(node, yaml.MappingNode):
        return [(key.value, key.start_mark.line) for key, _ in node.value]
    return []


def merge(old: str, new: str) -> str:
    """old with the entries (or keys) new has removed, then new: its line numbers kept."""
    replaced = {name for name, _ in children(yaml.compose(new))}
    present = [*children(yaml.compose(old)), (None, len(old.splitlines()))]
    lines = old.splitlines(keepends=True)
    for (name, start), (_, end) in reversed(list(itertools.pairwise(present))):
        if name in replaced:
            del lines[start:end]
    return "".join(lines).rstrip("\n") + "\n" + new


def insert_items(old: str, field: str, items: str) -> str:
    """old with items put first in the list `entry.key` (entry by id)."""
    entry_id, key = field.split(".")
    entry = next(item for item in yaml.compose(old).value if identity(item) == entry_id)
    sequence = next(value for name, value in entry.value if name.value == key)
    lines = old.splitlines(keepends=True)
    lines.insert(sequence.start_mark.line, textwrap.indent(items, " " * sequence.start_mark.column))
    return "".join(lines)


def put_input(block: Block, site: Path) -> None:
    path = site / block.args[0].replace("~/", "home/")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(block.text, encoding="utf-8")


def make_files(block: Block, site: Path) -> None:
    from PIL import Image

    for name in block.text.split():
        path = site / name
        path.parent.mkdir(parents=True, exist_ok=True)
        Image.new("RGB", (40, 30), "steelblue").save(path)


def in_init_output(block: Block, site: Path) -> None:
    assert run("briefing init fresh", site).returncode == 0
    folders: list[tuple[int, str]] = []
    for line in block.text.splitlines():
        name = line.split("#")[0].rstrip()
        depth = len(name) - len(name.lstrip())
        folders = [(d, f) for d, f in folders if d < depth]
        path = "".join(f for _, f in folders) + re.sub(r"<\w+>", "*", name.strip())
        assert list((site / "fresh").glob(path.rstrip("/"))), f"{block.where}: no {path}"
        if name.endswith("/"):
            folders.append((depth, name.strip()))


def normal(line: str, exact: bool = False) -> str:
    return " ".join((line if exact else re.sub(r"\d+(?:[.,]\d+)*", "N", line)).split())


def console(block: Block, site: Path) -> None:
    exact = "exact" in block.args
    for step in re.split(r"^\$ ", block.text, flags=re.MULTILINE)[1:]:
        command, *shown = step.splitlines()
        result = run(command, site)
        wanted = [normal(line, exact) for line in shown if line.strip() not in ("", "...")]
        printed = iter(normal(line, exact) for line in result.stdout.splitlines())
        assert all(line in printed for line in wanted), f"{block.where}: {command}\n{result.stdout}"
        fails = any(": error:" in line for line in shown)
        assert (result.returncode != 0) == fails, f"{block.where}: {command}\n{result.stdout}"


def written(block: Block, site: Path) -> None:
    assert block.text in (site / block.args[0]).read_text(encoding="utf-8"), block.where


def check(block: Block, site: Path) -> None:
    result = run("briefing check", site)
    printed = result.stdout.splitlines()
    assert [line for line in block.text.splitlines() if line not in printed] == [], result.stdout
    assert result.returncode == (1 if ": error:" in block.text else 0), result.stdout


def commands(block: Block, site: Path) -> None:
    cwd = site
    for line in block.text.splitlines():
        command = re.sub(r"(^|\s+)#\s.*$", "", line).strip()
        if command.startswith("cd "):
            cwd = cwd / command[3:]
        elif command:
            for part in command.split(" && "):
                try_command(part, cwd, block.where)


def try_command(command: str, cwd: Path, where: str) -> None:
    words = shlex.split(command)
    while "=" in words[0]:  # VARIABLE=value before the command
        words.pop(0)
    not_run = any(what in command for what in NOT_RUN)
    if words[0] == "make":
        dry = run(shlex.join(["make", "-n", *words[1:]]), ROOT)
        assert dry.returncode == 0, f"{where}: {command}\n{dry.stdout}"
        result = dry if not_run else run(command, ROOT)
    elif not_run:
        program = words[: next(i for i, word in enumerate([*words, "-"]) if word.startswith("-"))]
        result = run(shlex.join([*program, "--help"]), cwd)
        for option in (word.split("=")[0] for word in words if word.startswith("--")):
            named = re.search(rf"{re.escape(option)}(?![\w-])", result.stdout)
            assert named, f"{where}: {command}: no {option}"
    else:
        result = run(command, cwd)
    assert result.returncode == 0, f"{where}: {command}\n{result.stdout}"


TRIES = {
    "content": put_content,
    "input": put_input,
    "files": make_files,
    "tree": in_init_output,
    "check": check,
    "console": console,
    "written": written,
    "commands": commands,
}


def test_blocks_read_their_annotation_and_section(tmp_path: Path) -> None:
    doc = tmp_path / "guide.md"
    doc.write_text(
        "# Guide\n\n## Part\n\n1. Step:\n\n   <!-- example: content content/x.yaml -->\n"
        "   ```yaml\n   - id: a\n   ```\n\n```sh\nmake build\n```\n",
        encoding="utf-8",
    )
    (first_section, first), (_, second) = blocks(doc)
    assert first_section == "guide.md: Part"
    assert (first.kind, first.args, first.text) == ("content", ("content/x.yaml",), "- id: a\n")
    assert second.kind == "unannotated"


ENTRY_IDS = st.lists(st.sampled_from("abcdefg"), unique=True, max_size=6)


@given(ENTRY_IDS, ENTRY_IDS)
def test_merge_replaces_entries_by_id_and_keeps_the_rest(
    old_ids: list[str], new_ids: list[str]
) -> None:
    def entries(ids: list[str], tag: str) -> str:
        return "".join(f"# {tag}\n- id: {i}\n  name: {tag} {i}\n" for i in ids)

    merged = (
        yaml.safe_load(merge("# head\n" + entries(old_ids, "old"), entries(new_ids, "new"))) or []
    )
    kept = [{"id": i, "name": f"old {i}"} for i in old_ids if i not in new_ids]
    assert merged == kept + [{"id": i, "name": f"new {i}"} for i in new_ids]
