"""state: what a rebuild re-renders, from what each page read last time."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from tiny_site import Tiny, content, prepare

from generator.incremental.state import BuildState, changed_files, changed_reads, dirty_pages
from generator.pages.page import Page
from generator.reads.reader import Reader

TOPIC = "ankara-meeting"
FINGERPRINTS = st.dictionaries(
    st.sampled_from(["a.md", "b.md", "topics.yaml", "static/x.css"]),
    st.tuples(st.integers(0, 2), st.just(1), st.just(1)),
)


@given(FINGERPRINTS, FINGERPRINTS)
def test_changed_files_are_those_added_removed_or_modified(before: dict, after: dict) -> None:
    changed = changed_files(before, after)
    assert changed == {k for k in before.keys() ^ after.keys()} | {
        k for k in before.keys() & after.keys() if before[k] != after[k]
    }


def _state(tiny: Tiny) -> BuildState:
    reader = Reader(tiny.data)
    reader.ask("topic-articles", TOPIC)
    return BuildState(
        records={Path(f"articles/{a.slug}.md"): a for a in tiny.raw.articles},
        bodies={slug: ("", body) for slug, body in tiny.texts.bodies.items()},
        queries=dict(reader.queries),
    )


def _edited(tmp_path: Path, old: str, new: str) -> Tiny:
    folder = content(tmp_path / "edited")
    first = folder / "articles" / "first.md"
    first.write_text(first.read_text().replace(old, new))
    return prepare(folder)


def test_a_title_edit_changes_the_front_matter_key_only(tmp_path: Path) -> None:
    before = _state(prepare(content(tmp_path)))
    after = _edited(tmp_path, "title: First report", "title: Retitled")
    changed, queries = changed_reads(before, {"articles/first.md"}, after.raw, after.data)
    assert changed == {"articles/first.md"}
    assert queries == before.queries


def test_a_body_edit_changes_the_body_key_and_not_the_front_matter(tmp_path: Path) -> None:
    before = _state(prepare(content(tmp_path)))
    after = _edited(tmp_path, "travelled to Ankara", "flew to Ankara")
    changed, _ = changed_reads(before, {"articles/first.md"}, after.raw, after.data)
    assert changed == {"articles/first.md#body"}


def test_a_new_date_changes_the_order_and_so_the_query(tmp_path: Path) -> None:
    before = _state(prepare(content(tmp_path)))
    after = _edited(tmp_path, "date: 2025-11-18", "date: 2025-11-30")
    changed, queries = changed_reads(before, {"articles/first.md"}, after.raw, after.data)
    assert ("topic-articles", TOPIC) in changed
    assert queries[("topic-articles", TOPIC)] == ("first", "second")


def _pages(*paths: str, title: str = "T") -> list[Page]:
    return [Page(path, "page.html", title) for path in paths]


def test_dirty_pages_are_new_retitled_or_with_a_changed_read() -> None:
    previous = BuildState(
        reads={"/a/": frozenset({"topics.yaml"}), "/b/": frozenset({"sources.yaml"})},
        headers={p.path: p.header for p in _pages("/a/", "/b/")},
    )
    pages = _pages("/a/", "/b/", "/new/")
    assert [p.path for p in dirty_pages(pages, previous, {"topics.yaml"})] == ["/a/", "/new/"]
    assert [p.path for p in dirty_pages(pages, previous, set())] == ["/new/"]
    retitled = _pages("/a/", "/b/", title="Other")
    assert len(dirty_pages(retitled, previous, set())) == 2


def test_every_page_is_dirty_on_a_first_build_or_a_site_wide_change() -> None:
    pages = _pages("/a/", "/b/")
    previous = BuildState(
        reads={p.path: frozenset() for p in pages}, headers={p.path: p.header for p in pages}
    )
    assert dirty_pages(pages, None, set()) == pages
    assert dirty_pages(pages, previous, {"site.yaml"}) == pages
    assert dirty_pages(pages, previous, {"static/site.css"}) == pages
