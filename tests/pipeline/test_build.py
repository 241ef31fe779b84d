"""Whole builds: deterministic output, the swap, the command line."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

import pytest
from conftest import CONTENT, ROOT, THEME, tree

from generator.cli import main
from generator.pipeline.builder import build
from generator.settings import BuildOptions


def test_two_builds_are_byte_identical(real_site: Path, tmp_path: Path) -> None:
    second = tmp_path / "again"
    build(BuildOptions(content_dir=CONTENT, theme_dir=THEME, output_dir=second))
    first_tree, second_tree = tree(real_site), tree(second)
    assert first_tree.keys() == second_tree.keys()
    differing = [name for name in first_tree if first_tree[name] != second_tree[name]]
    assert differing == []


def test_rebuild_replaces_the_site_and_leaves_no_temp_folder(tmp_path: Path) -> None:
    output = tmp_path / "site"
    build(BuildOptions(content_dir=CONTENT, theme_dir=THEME, output_dir=output, search=False))
    (output / "stale.html").write_text("old")
    (tmp_path / f".site-new-site-{2**22 + 1}").mkdir()  # left by a killed build
    build(BuildOptions(content_dir=CONTENT, theme_dir=THEME, output_dir=output, search=False))
    assert not (output / "stale.html").exists()
    assert (output / "index.html").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_base_url_override_prefixes_every_link(tmp_path: Path) -> None:
    output = tmp_path / "site"
    build(
        BuildOptions(
            content_dir=CONTENT,
            theme_dir=THEME,
            output_dir=output,
            base_url="https://example.github.io/briefing/",
            search=False,
        )
    )
    home = (output / "index.html").read_text()
    assert 'href="/briefing/topics/ankara-meeting/"' in home
    assert 'href="/topics/' not in home
    assert 'data-bundle="/briefing/pagefind/"' in home


def test_check_writes_nothing(tmp_path: Path, capsys) -> None:
    output = tmp_path / "site"
    assert main(["check", "--content", str(CONTENT), "--output", str(output)]) == 0
    assert "5 articles, 3 topics" in capsys.readouterr().out
    assert not output.exists()


COMMANDS = ("init", "build", "check", "serve", "new", "import")


def test_console_script_runs_the_command_line() -> None:
    (script,) = entry_points(group="console_scripts", name="briefing")
    assert script.value == "generator.cli:main"
    assert script.load() is main


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_answers_its_own_help(command: str) -> None:
    # Each command's own usage line: the top-level help's examples name the commands
    # too, so finding the words there proves nothing.
    result = subprocess.run(
        [sys.executable, "-m", "generator", command, "--help"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"usage: briefing {command} ")
