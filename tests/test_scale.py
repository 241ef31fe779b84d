"""Building on both cores gives the same bytes as one; progress is reported."""

from __future__ import annotations

import sys
from pathlib import Path

from conftest import ROOT, THEME, parse, tree

from generator.build import BuildOptions, build
from generator.entity_graph import TOPIC_NODES
from generator.entity_lists import NAMED_WITH

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
    _assert_large_lists_are_cut(tmp_path / "one")


def _assert_large_lists_are_cut(site: Path) -> None:
    """Hundreds of entities: a topic's graph draws the most named, an entity page lists
    the entities named most often with it, and both say so."""
    topic = parse(next((site / "topics").glob("*/index.html")))
    assert len(topic.select("#graph-heading ~ figure svg a.graph-node")) == TOPIC_NODES
    assert f"the {TOPIC_NODES} most named of " in topic.select_one("figcaption").get_text()
    entity = parse(next((site / "entities").glob("*/index.html")))
    section = entity.select_one("#together-heading").parent
    assert len(section.select("a.chip")) == NAMED_WITH
    summary = section.select_one("details.show-all summary").get_text()
    assert summary.startswith(f"Show the {NAMED_WITH} named most often, of ")


def test_the_corpus_is_deterministic(tmp_path: Path) -> None:
    write_corpus(tmp_path / "a", 30, seed=7)
    write_corpus(tmp_path / "b", 30, seed=7)
    assert tree(tmp_path / "a") == tree(tmp_path / "b")
