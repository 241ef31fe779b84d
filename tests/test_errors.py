"""Bad references give one clear message with file and line, exit 1, and leave site/ alone."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, THEME, site_args

from generator.cli import main


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", *args], capture_output=True, text=True, cwd=ROOT
    )


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def build_args(content: Path, output: Path) -> list[str]:
    return site_args("build", content, output)


def test_the_fixture_site_builds(mini_content: Path, tmp_path: Path) -> None:
    assert main([*build_args(mini_content, tmp_path / "site"), "--no-search"]) == 0
    assert (tmp_path / "site" / "articles" / "first" / "index.html").is_file()


def test_unknown_topic_names_file_line_and_suggestion(mini_content: Path, tmp_path: Path) -> None:
    article = mini_content / "articles" / "first.md"
    replace_in(article, "topics: [ankara-meeting]", "topics: [ankara-meting]")
    result = run_cli(*build_args(mini_content, tmp_path / "site"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    first_line = result.stderr.splitlines()[0]
    assert first_line == (
        f"{article}:5:10: error: unknown topic 'ankara-meting' (did you mean 'ankara-meeting'?)"
    )


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        (
            "articles/first.md",
            "source: wire",
            "source: wires",
            "articles/first.md:4:9: error: unknown source 'wires' (did you mean 'wire'?)",
        ),
        (
            "articles/second.md",
            "rewrite_of: first",
            "rewrite_of: frist",
            "articles/second.md:6:13: error: unknown article 'frist' (did you mean 'first'?)",
        ),
        (
            "topics.yaml",
            "cite: [first]",
            "cite: [firts]",
            "topics.yaml:6:14: error: unknown article 'firts' (did you mean 'first'?)",
        ),
        (
            "topics.yaml",
            "related: []",
            "related: [ankara-meeting]",
            "topics.yaml:7:13: error: topic 'ankara-meeting' is related to itself",
        ),
        (
            "articles/first.md",
            "date: 2025-11-18",
            "date: 2025-13-45",
            "articles/first.md:3:7: error: invalid date '2025-13-45' (month must be in 1..12)",
        ),
        (
            "articles/first.md",
            "title: First report\n",
            "",
            "articles/first.md:2:1: error: front matter is missing required field 'title'",
        ),
        (
            "entities.yaml",
            "kind: place",
            "kind: plaec",
            "entities.yaml:9:9: error: unknown entity kind 'plaec' (did you mean 'place'?)",
        ),
        (
            "topics.yaml",
            "  title: Ankara meeting",
            "  title: [Ankara",
            "topics.yaml:2:10: error: YAML syntax error: a flow sequence begun here is not closed",
        ),
    ],
)
def test_reference_and_field_errors(
    mini_content: Path, tmp_path: Path, capsys, file: str, old: str, new: str, expected: str
) -> None:
    replace_in(mini_content / file, old, new)
    assert main(build_args(mini_content, tmp_path / "site")) == 1
    stderr = capsys.readouterr().err
    assert stderr.startswith(f"{mini_content}/{expected}"), stderr


def test_all_errors_are_reported_at_once_sorted(mini_content: Path, tmp_path: Path, capsys) -> None:
    replace_in(mini_content / "articles" / "second.md", "source: wire", "source: nope")
    replace_in(mini_content / "articles" / "first.md", "source: wire", "source: nope")
    assert main(build_args(mini_content, tmp_path / "site")) == 1
    lines = capsys.readouterr().err.splitlines()
    assert [line.split(":")[0] for line in lines[:2]] == [
        f"{mini_content}/articles/first.md",
        f"{mini_content}/articles/second.md",
    ]
    assert lines[-1] == "2 errors; nothing was written"


def test_failed_build_leaves_the_site_untouched(mini_content: Path, tmp_path: Path) -> None:
    output = tmp_path / "site"
    assert main([*build_args(mini_content, output), "--no-search"]) == 0
    before = {p: p.read_bytes() for p in output.rglob("*") if p.is_file()}
    replace_in(mini_content / "articles" / "first.md", "Ankara.", "Ankara, edited.")
    replace_in(mini_content / "topics.yaml", "cite: [first]", "cite: [missing]")
    assert main(build_args(mini_content, output)) == 1
    after = {p: p.read_bytes() for p in output.rglob("*") if p.is_file()}
    assert after == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site-")] == []


def test_broken_internal_link_in_an_article(mini_content: Path, tmp_path: Path, capsys) -> None:
    article = mini_content / "articles" / "second.md"
    replace_in(article, "Zelensky met officials.", "Intro.\n\nSee [the topic](/topics/nope/).")
    assert main(build_args(mini_content, tmp_path / "site")) == 1
    assert capsys.readouterr().err.startswith(
        f"{article}:11: error: link to a page that does not exist: /topics/nope/"
    )


def test_not_utf8_names_the_file(mini_content: Path, tmp_path: Path, capsys) -> None:
    article = mini_content / "articles" / "first.md"
    article.write_bytes(article.read_bytes().replace(b"travelled", b"trav\xe9lled"))
    assert main(build_args(mini_content, tmp_path / "site")) == 1
    assert f"{article}:9: error: file is not valid UTF-8" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("template", "old", "new", "message"),
    [
        (
            "topic.html",
            "{{ topic.title }}</h1>",
            "{{ topic.titel }}</h1>",
            "has no attribute 'titel'",
        ),
        (
            "feed.xml",
            "<title>{{ page.title }}</title>",
            "<title>{{ page.title + 1 }}</title>",
            "can only concatenate str",
        ),
    ],
)
def test_template_mistakes_name_the_template_and_line(
    mini_content: Path, tmp_path: Path, capsys, template: str, old: str, new: str, message: str
) -> None:
    theme = tmp_path / "theme"
    shutil.copytree(THEME, theme)
    replace_in(theme / "templates" / template, old, new)
    args = [*build_args(mini_content, tmp_path / "site"), "--theme", str(theme)]
    assert main(args) == 1
    first = capsys.readouterr().err.splitlines()[0]
    assert first.startswith(f"{theme / 'templates' / template}:")
    assert message in first
