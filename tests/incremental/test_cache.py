"""The persistent build cache: a build in a new process (a new Builder) starts from what
the last one left in .briefing-cache/, renders only what changed, and its output is
byte for byte what a cold build makes. A damaged, foreign or outdated cache is ignored."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from conftest import CONTENT, THEME, site_args, tree

from generator.cli import main
from generator.incremental import cache
from generator.pipeline.builder import build
from generator.settings import BuildOptions

ARTICLE = "ukraine-proposes-leaders-meeting-at-istanbul-talks"


@pytest.fixture
def project(tmp_path: Path) -> tuple[Path, Path]:
    content, theme = tmp_path / "content", tmp_path / "theme"
    shutil.copytree(CONTENT, content)
    shutil.copytree(THEME, theme)
    return content, theme


def warm(content: Path, theme: Path, output: Path, search: bool = False):
    return build(
        BuildOptions(
            content_dir=content, theme_dir=theme, output_dir=output, search=search, cache=True
        )
    )


def cold_tree(content: Path, theme: Path, tmp_path: Path, search: bool = False):
    output = tmp_path / "cold" / "site"
    build(BuildOptions(content_dir=content, theme_dir=theme, output_dir=output, search=search))
    return tree(output)


def mtimes(folder: Path) -> dict[Path, int]:
    return {p: p.stat().st_mtime_ns for p in folder.rglob("*")}


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_warm_build_after_an_edit_equals_a_cold_build(project, tmp_path) -> None:
    content, theme = project
    output = tmp_path / "site"
    first = warm(content, theme, output, search=True)
    assert first.full and cache.cache_file(output).is_file()
    page, other = output / "articles" / ARTICLE / "index.html", output / "index.html"
    old_bytes, other_inode = page.read_bytes(), other.stat().st_ino
    os.link(page, tmp_path / "old.html")  # the published file, whatever its name becomes
    edit(content / "articles" / f"{ARTICLE}.md", "Varachyne in the Sumy region", "Varachyne, Sumy")
    report = warm(content, theme, output, search=True)
    assert not report.full
    # the changed page was replaced, not rewritten in place; the others kept their files
    assert (tmp_path / "old.html").read_bytes() == old_bytes != page.read_bytes()
    assert other.stat().st_ino == other_inode
    assert report.rendered == (f"/articles/{ARTICLE}/",)
    assert report.written == (f"/articles/{ARTICLE}/",)
    # the search index was refreshed too: the whole tree equals a cold build's
    assert tree(output) == cold_tree(content, theme, tmp_path, search=True)


def test_a_title_edit_renders_the_pages_that_show_it(project, tmp_path) -> None:
    content, theme = project
    output = tmp_path / "site"
    warm(content, theme, output)
    path = content / "articles" / f"{ARTICLE}.md"
    title = path.read_text(encoding="utf-8").split("title: ", 1)[1].split("\n", 1)[0]
    edit(path, f"title: {title}", "title: A new title for the Istanbul proposal")
    report = warm(content, theme, output)
    assert f"/articles/{ARTICLE}/" in report.written
    assert 1 < len(report.rendered) < report.pages
    assert tree(output) == cold_tree(content, theme, tmp_path)


def test_no_change_build_writes_nothing_not_even_the_cache(project, tmp_path) -> None:
    content, theme = project
    output = tmp_path / "site"
    first = warm(content, theme, output, search=True)
    before = mtimes(tmp_path)
    report = warm(content, theme, output, search=True)
    assert (report.rendered, report.written, report.deleted, report.full) == ((), (), (), False)
    assert (report.pages, report.warnings) == (first.pages, first.warnings)
    assert mtimes(tmp_path) == before


def test_same_bytes_new_stat_counts_as_unchanged(project, tmp_path) -> None:
    """A fresh checkout (as in CI) gives every file a new mtime and inode."""
    content, theme = project
    output = tmp_path / "site"
    warm(content, theme, output)
    for path in content.rglob("*.md"):
        data = path.read_bytes()
        path.unlink()
        path.write_bytes(data)
    report = warm(content, theme, output)
    assert (report.rendered, report.written) == ((), ())


def test_a_damaged_cache_is_ignored_with_a_note(project, tmp_path, capsys) -> None:
    content, theme = project
    output = tmp_path / "site"
    warm(content, theme, output)
    path = cache.cache_file(output)
    data = bytearray(path.read_bytes())
    data[-10] ^= 0xFF
    path.write_bytes(bytes(data))
    report = warm(content, theme, output)
    assert report.full
    assert capsys.readouterr().err.count("ignoring the build cache: it is damaged") == 1
    assert tree(output) == cold_tree(content, theme, tmp_path)


def test_a_foreign_cache_is_ignored_with_a_note(project, tmp_path, capsys) -> None:
    content, theme = project
    output = tmp_path / "site"
    warm(content, theme, output)
    # a changed template changes the cache key: another theme made this cache
    edit(theme / "templates" / "base.html", "</main>", "<p>changed</p></main>")
    report = warm(content, theme, output)
    assert report.full
    made = "made by another version (of briefing or its libraries), theme or settings"
    assert made in capsys.readouterr().err
    assert tree(output) == cold_tree(content, theme, tmp_path)
    path = cache.cache_file(output)
    path.write_bytes(b"not a cache at all")
    assert warm(content, theme, output).full
    assert "not a briefing cache" in capsys.readouterr().err


def test_an_output_changed_by_hand_is_built_again(project, tmp_path) -> None:
    content, theme = project
    output = tmp_path / "site"
    warm(content, theme, output)
    (output / "index.html").write_text("tampered", encoding="utf-8")
    (output / "sources" / "index.html").unlink()
    report = warm(content, theme, output)
    assert report.full
    assert tree(output) == cold_tree(content, theme, tmp_path)


def test_the_cli_uses_the_cache_and_no_cache_builds_cold(project, tmp_path, capsys) -> None:
    content, _ = project
    output = tmp_path / "site"
    args = site_args("build", content, output, "--no-search")
    assert main(args) == 0
    assert cache.cache_file(output).is_file()
    before = mtimes(output)
    assert main(args) == 0
    assert mtimes(output) == before
    assert main([*args, "--no-cache"]) == 0
    assert mtimes(output) != before  # everything written again, swapped in
    kept = {".gitignore", "site.cache", "site.chunks", "site.manifest.json", "site.cards"}
    assert set(os.listdir(cache.cache_file(output).parent)) == kept
