"""A new process's edit, written into the served output under a journal: the output is
the cold build's, and a failure at any point leaves it exactly as it was (issue 27)."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from conftest import site_args, tree

from generator import output
from generator.cli import main
from generator.content.fingerprints import snapshot
from generator.pipeline import served_write
from generator.search import index as search

TODAY = "--today=2026-12-01"


def edit(content: Path) -> None:
    """A title edit: the article's page, the lists that show it and its card change."""
    article = content / "articles" / "first.md"
    article.write_text(article.read_text().replace("title: ", "title: Edited ", 1))


def test_an_edit_in_place_equals_a_cold_build(mini_content: Path, tmp_path: Path) -> None:
    site, cold = tmp_path / "site", tmp_path / "cold"
    assert main(site_args("build", mini_content, site, TODAY)) == 0
    edit(mini_content)
    (mini_content / "articles" / "second.md").unlink()  # a page, its card, its lists go
    assert main(site_args("build", mini_content, site, TODAY, "-q")) == 0
    assert main(site_args("build", mini_content, cold, TODAY, "--no-cache", "-q")) == 0
    assert tree(site) == tree(cold)
    assert sorted(p.name for p in tmp_path.glob(".site-*") if "lock" not in p.name) == []


@pytest.mark.parametrize("failing_call", [1, 3, 8])
def test_an_edit_that_fails_half_way_leaves_the_site_untouched(
    mini_content: Path, tmp_path: Path, monkeypatch, capsys, failing_call: int
) -> None:
    site = tmp_path / "site"
    assert main(site_args("build", mini_content, site, TODAY)) == 0
    before, stats = tree(site), snapshot(site)
    real_write, calls = output.write_atomic, []

    def full_disk(target: Path, data: bytes) -> None:
        calls.extend([target] if site in target.parents else [])  # not the card store
        if len(calls) == failing_call:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_write(target, data)

    monkeypatch.setattr(output, "write_atomic", full_disk)
    edit(mini_content)
    capsys.readouterr()
    assert main(site_args("build", mini_content, site, TODAY)) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.strip()
    assert len(calls) >= failing_call  # the fault came after some files were replaced
    assert tree(site) == before
    assert snapshot(site) == stats  # mtimes too: the next build still starts warm
    assert [p for p in tmp_path.glob(".site-*") if "lock" not in p.name] == []
    monkeypatch.setattr(output, "write_atomic", real_write)
    assert main(site_args("build", mini_content, site, TODAY)) == 0
    assert "Edited" in (site / "index.html").read_text()


def test_a_search_failure_after_the_pages_were_replaced_puts_them_back(
    mini_content: Path, tmp_path: Path, monkeypatch
) -> None:
    site = tmp_path / "site"
    assert main(site_args("build", mini_content, site, TODAY)) == 0
    before, stats = tree(site), snapshot(site)
    replaced = []

    def failing_index(*args, **kwargs):
        replaced.append(tree(site) != before)
        raise search.SearchIndexError("the indexer stopped")

    monkeypatch.setattr(served_write, "write_search_index", failing_index)
    edit(mini_content)
    assert main(site_args("build", mini_content, site, TODAY)) == 1
    assert replaced == [True]  # the pages had been written in place
    assert tree(site) == before
    assert snapshot(site) == stats
