"""Whole builds: deterministic output, the swap, the command line."""

from __future__ import annotations

import gc
import subprocess
import sys
from dataclasses import replace
from importlib.metadata import entry_points
from pathlib import Path

import pytest
from conftest import CONTENT, ROOT, THEME, tree

from generator.cli import main
from generator.pipeline import builder as builder_module
from generator.pipeline import writers
from generator.pipeline.builder import Builder, build
from generator.pipeline.prepare import Memory, Prepared, prepare
from generator.search.index import write_search_index
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


def _alive_at_search(
    options: BuildOptions, monkeypatch: pytest.MonkeyPatch, builder: Builder | None = None
) -> list[str]:
    """The prepared site, its data and its pages: those of them still alive when the search
    stage of a build of `options` starts (`builder`: the build's; None: the one-shot
    `build`, as the command line runs it)."""
    made: dict[int, type] = {}
    alive: list[str] = []

    def prepare_seen(*args: object) -> tuple[Prepared, Memory]:
        prepared, memory = prepare(*args)  # type: ignore[arg-type]
        for part in (prepared, prepared.data, prepared.pages, *prepared.pages[:20]):
            made[id(part)] = type(part)
        return prepared, memory

    def search_seen(*args: object, **kwargs: object) -> object:
        assert gc.get_freeze_count() == 0  # frozen objects are not listed: none may be
        alive.extend(type(o).__name__ for o in gc.get_objects() if made.get(id(o)) is type(o))
        return write_search_index(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builder_module, "prepare", prepare_seen)
    monkeypatch.setattr(writers, "write_search_index", search_seen)
    (builder or Builder(options, once=True)).build()
    assert made
    return alive


def test_the_search_stage_starts_without_the_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its peak of memory: Pagefind indexing large shards; the site is let go before."""
    options = BuildOptions(content_dir=CONTENT, theme_dir=THEME, output_dir=tmp_path / "site")
    gc.unfreeze()  # as a fresh process has it: a warm build earlier in this one froze its cache
    assert _alive_at_search(options, monkeypatch) == []
    assert (tmp_path / "site" / "pagefind" / "pagefind-entry.json").is_file()
    # a builder that builds again (the preview) keeps the site's data for the next build
    again = replace(options, output_dir=tmp_path / "again")
    assert "SiteData" in _alive_at_search(again, monkeypatch, Builder(again))
