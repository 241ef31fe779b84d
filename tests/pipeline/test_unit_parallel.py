"""parallel: pages rendered and written, skipping unchanged HTML; the same bytes whichever
process renders a page."""

from __future__ import annotations

import gc
import hashlib
from pathlib import Path

import pytest
from conftest import THEME
from hypothesis import given
from hypothesis import strategies as st
from tiny_site import Tiny, tiny

from generator.output.files import OutsideOutput
from generator.pages.page import Page
from generator.pipeline import parallel
from generator.pipeline.parallel import PageWriter, render_and_write, worker_count
from generator.reads.reader import Reads
from generator.render.jinja import make_environment
from generator.search.pages import listed_entry, page_url

NOTHING_READ = Reads(frozenset({"topics.yaml"}), {("articles", ""): ("a",)})


def test_the_writer_writes_new_html_and_skips_what_is_unchanged(tmp_path: Path) -> None:
    same = hashlib.sha256(b"<p>same</p>").hexdigest()
    writer = PageWriter(tmp_path, previous_hashes={"/same/": same})
    writer(Page("/same/", "x.html", "S"), "<p>same</p>", NOTHING_READ)
    writer(Page("/new/", "x.html", "N"), "<p>new</p>", NOTHING_READ)
    assert writer.written == ["/new/"]
    assert (tmp_path / "new" / "index.html").read_text() == "<p>new</p>"
    assert not (tmp_path / "same").exists()
    assert set(writer.hashes) == {"/same/", "/new/"}  # every page's hash, written or not
    assert writer.reads["/new/"] == NOTHING_READ.keys
    assert writer.queries == NOTHING_READ.queries


def test_a_page_path_cannot_lead_out_of_the_folder(tmp_path: Path) -> None:
    writer = PageWriter(tmp_path / "site")
    with pytest.raises(OutsideOutput, match="not a plain path inside it"):
        writer(Page("/../escape/", "x.html", "E"), "<p>x</p>", NOTHING_READ)
    assert not (tmp_path / "escape").exists()


@given(st.integers(0, 100_000), st.integers(1, 64))
def test_workers_pay_for_themselves(pages: int, allowed: int) -> None:
    count = worker_count(pages, allowed)
    assert 1 <= count <= allowed
    assert count == 1 or pages // count >= parallel.MIN_PAGES_PER_WORKER


def _render(site: Tiny, folder: Path, workers: int) -> PageWriter:
    env = make_environment(THEME, site.site.config, site.routes)
    html = [page for page in site.pages if page.template.endswith(".html")]
    return render_and_write(env, html, site.data, PageWriter(folder, search_entries=True), workers)


def test_the_writer_makes_the_search_entry_of_each_html_page_it_writes(tmp_path: Path) -> None:
    site = tiny(tmp_path)
    writer = _render(site, tmp_path / "out", 1)
    files = sorted(p.relative_to(tmp_path / "out").as_posix()
                   for p in (tmp_path / "out").rglob("*.html"))  # fmt: skip
    assert sorted(writer.listed) == files
    for file in files:
        html = (tmp_path / "out" / file).read_bytes()
        digest = hashlib.sha256(html).digest()
        assert writer.listed[file] == listed_entry(page_url(file), html, digest)
    assert any(entry.marked for entry in writer.listed.values())


def test_in_one_process_every_page_is_written_and_progress_is_heard(tmp_path: Path) -> None:
    site = tiny(tmp_path)
    heard: list[tuple[int, int]] = []
    env = make_environment(THEME, site.site.config, site.routes)
    pages = [site.page("/articles/first/"), site.page("/robots.txt")]
    writer = render_and_write(env, pages, site.data, PageWriter(tmp_path / "out"), 4,
                              lambda done, total: heard.append((done, total)))  # fmt: skip
    assert writer.written == ["/articles/first/", "/robots.txt"]  # 4 allowed, 1 pays
    assert heard == [(2, 2)]
    assert "First report" in (tmp_path / "out" / "articles" / "first" / "index.html").read_text()


@pytest.mark.slow  # forks worker processes
def test_forked_workers_write_the_same_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tiny(tmp_path)
    alone = _render(site, tmp_path / "alone", 1)
    monkeypatch.setattr(parallel, "MIN_PAGES_PER_WORKER", 1)
    together = _render(site, tmp_path / "together", 2)
    assert together.hashes == alone.hashes
    assert together.written == alone.written  # in page order, whoever finished first
    assert together.reads == alone.reads
    assert together.listed == alone.listed  # the search entries, made in the workers


def _beside(count: int, heard: list[list[int]]) -> parallel.Beside[list[int]]:
    return parallel.Beside(count, lambda part: [n * n for n in part], heard.append)


def test_work_beside_the_pages_is_done_after_them_in_one_process(tmp_path: Path) -> None:
    site, heard = tiny(tmp_path), list[list[int]]()
    env = make_environment(THEME, site.site.config, site.routes)
    pages = [site.page("/articles/first/")]
    render_and_write(env, pages, site.data, PageWriter(tmp_path / "out"), 1, None,
                     _beside(4, heard))  # fmt: skip
    assert heard == [[0, 1, 4, 9]]


@pytest.mark.slow  # forks worker processes
@pytest.mark.parametrize("count", [0, 1, 5, 100])
def test_work_beside_the_pages_is_shared_by_the_workers_and_heard_in_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, count: int
) -> None:
    site, heard = tiny(tmp_path), list[list[int]]()
    env = make_environment(THEME, site.site.config, site.routes)
    html = [page for page in site.pages if page.template.endswith(".html")]
    monkeypatch.setattr(parallel, "MIN_PAGES_PER_WORKER", 1)
    writer = render_and_write(env, html, site.data, PageWriter(tmp_path / "out"), 2, None,
                              _beside(count, heard))  # fmt: skip
    assert len(writer.written) == len(html)
    assert [n for part in heard for n in part] == [n * n for n in range(count)]
    assert len(heard) <= 2 * parallel.CHUNKS_PER_WORKER


@pytest.mark.slow  # forks worker processes
def test_the_workers_leave_the_site_they_share_to_no_collector_and_share_each_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What keeps the workers' memory down: the objects alive at the fork are frozen
    (a collection in a worker would copy every page of them it visits), and the keys
    the pages read come back as one object each, however many pages read them."""
    site, heard = tiny(tmp_path), list[int]()
    env = make_environment(THEME, site.site.config, site.routes)
    html = [page for page in site.pages if page.template.endswith(".html")]
    monkeypatch.setattr(parallel, "MIN_PAGES_PER_WORKER", 1)
    frozen_in_worker = parallel.Beside(1, lambda part: gc.get_freeze_count(), heard.append)
    gc.unfreeze()  # as a fresh process has it: a build earlier in this one froze its cache
    writer = render_and_write(env, html, site.data, PageWriter(tmp_path / "out"), 2, None,
                              frozen_in_worker)  # fmt: skip
    assert heard[0] > len(html)  # the pages, and all they hold, set aside in the worker
    assert gc.get_freeze_count() == 0  # and given back to the collector here
    keys = [key for read in writer.reads.values() for key in read]
    assert len(keys) > len(set(keys))  # pages of different chunks read the same keys
    assert len({id(key) for key in keys}) == len(set(keys))


def test_a_freeze_made_by_the_caller_is_left_as_it_was() -> None:
    gc.freeze()
    try:
        before = gc.get_freeze_count()
        with parallel._frozen():
            assert gc.get_freeze_count() >= before
        assert gc.get_freeze_count() >= before  # the preview's freeze, kept
    finally:
        gc.unfreeze()
    with parallel._frozen():
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0
