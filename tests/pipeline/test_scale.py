"""Building on both cores gives the same bytes as one; progress is reported."""

from __future__ import annotations

import sys
from pathlib import Path

from conftest import ROOT, THEME, parse, tree

from generator.pipeline.builder import build
from generator.settings import BuildOptions
from generator.views.entity_graph import TOPIC_NODES
from generator.views.entity_lists import NAMED_WITH
from generator.views.paging import ARTICLES_PER_PAGE

sys.path.insert(0, str(ROOT / "bench"))
from corpus import write_corpus


def test_parallel_build_is_byte_identical_and_reports_progress(tmp_path: Path) -> None:
    content = tmp_path / "content"
    write_corpus(content, 400)
    calls: list[tuple[int, int]] = []
    parallel = build(
        BuildOptions(
            content_dir=content,
            theme_dir=THEME,
            output_dir=tmp_path / "two",
            search=False,
            workers=2,
            progress=lambda done, total: calls.append((done, total)),
        )
    )
    build(
        BuildOptions(
            content_dir=content,
            theme_dir=THEME,
            output_dir=tmp_path / "one",
            search=False,
            workers=1,
        )
    )
    assert parallel.pages > 600  # enough for two workers
    assert tree(tmp_path / "two") == tree(tmp_path / "one")
    assert calls[-1] == (parallel.pages, parallel.pages)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)
    _assert_large_lists_are_cut(tmp_path / "one")
    _assert_the_articles_list_is_paged(tmp_path / "one", 400)


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


def _assert_the_articles_list_is_paged(site: Path, total: int) -> None:
    """400 articles: eight real pages of 50 (/articles/page/2/ ...), each linking to all
    the others, every article on exactly one of them, newest first throughout."""
    pages = -(-total // ARTICLES_PER_PAGE)
    files = [site / "articles" / "index.html"] + [
        site / "articles" / "page" / str(n) / "index.html" for n in range(2, pages + 1)
    ]
    assert not (site / "articles" / "page" / str(pages + 1)).exists()
    listed: list[str] = []
    dates: list[str] = []
    for number, html in enumerate(files, start=1):
        soup = parse(html)
        cards = soup.select(".card-list .card-title a")
        assert len(cards) == min(ARTICLES_PER_PAGE, total - (number - 1) * ARTICLES_PER_PAGE)
        listed += [a["href"] for a in cards]
        dates += [t["datetime"] for t in soup.select(".card-list .card time")]
        nav = soup.select_one('nav.pages[aria-label="Pages of articles"]')
        links = [a["href"] for a in nav.select("a")]
        for href in links:
            assert (site / href.strip("/") / "index.html").is_file(), href
        assert nav.select_one("[aria-current=page]").get_text() == str(number)
        assert (soup.select_one("a[rel=next]") is None) == (number == pages)
    assert len(listed) == len(set(listed)) == total
    assert dates == sorted(dates, reverse=True)


def test_the_corpus_is_deterministic(tmp_path: Path) -> None:
    write_corpus(tmp_path / "a", 30, seed=7)
    write_corpus(tmp_path / "b", 30, seed=7)
    assert tree(tmp_path / "a") == tree(tmp_path / "b")
