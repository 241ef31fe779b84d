"""Building on both cores gives the same bytes as one; progress is reported."""

from __future__ import annotations

import sys
from pathlib import Path

from conftest import ROOT, THEME, tree

from generator.build import BuildOptions, build

sys.path.insert(0, str(ROOT / "bench"))
from corpus import write_corpus


def test_parallel_build_is_byte_identical_and_reports_progress(tmp_path: Path) -> None:
    content = tmp_path / "content"
    write_corpus(content, 400)
    calls: list[tuple[int, int]] = []
    parallel = build(
        BuildOptions(
            content,
            THEME,
            tmp_path / "two",
            search=False,
            workers=2,
            progress=lambda done, total: calls.append((done, total)),
        )
    )
    build(BuildOptions(content, THEME, tmp_path / "one", search=False, workers=1))
    assert parallel.pages > 600  # enough for two workers
    assert tree(tmp_path / "two") == tree(tmp_path / "one")
    assert calls[-1] == (parallel.pages, parallel.pages)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)


def test_the_corpus_is_deterministic(tmp_path: Path) -> None:
    write_corpus(tmp_path / "a", 30, seed=7)
    write_corpus(tmp_path / "b", 30, seed=7)
    assert tree(tmp_path / "a") == tree(tmp_path / "b")
