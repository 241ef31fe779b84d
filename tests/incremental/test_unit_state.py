"""state: what a rebuild re-renders, from what each page read last time."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tiny_site import Tiny, content, prepare

from generator.incremental import state
from generator.incremental.state import BuildState, changed_files, changed_reads, dirty_pages
from generator.pages.page import Page
from generator.reads.queries import part_read
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


def _every_query(tiny: Tiny) -> BuildState:
    """A state that recorded a query of every kind about every topic, source and entity."""
    reader = Reader(tiny.data)
    for kind, argument in [("articles", ""), ("search-examples", ""), ("mention-graph", ("", 9))]:
        reader.ask(kind, argument)
    for topic in tiny.site.topics:
        for kind in ("topic-articles", "topic-entities", "unsupported-summary"):
            reader.ask(kind, topic)
        reader.ask("mention-graph", (topic, 9))
    for source in tiny.site.sources:
        reader.ask("source-articles", source)
    for entity in tiny.site.entities:
        for kind in ("entity-articles", "entity-topics", "entity-events"):
            reader.ask(kind, entity)
        reader.ask("co-mentions", (entity, 5))
    for slug in tiny.site.articles:
        for kind in ("rewrites", "lineage", "supported-claims", "supporting-claims"):
            reader.ask(kind, slug)
    return replace(_state(tiny), queries=dict(reader.queries))


EDITS = [
    ("travelled to Ankara", "flew to Ankara"),  # the text, naming the same entities
    ("Voldymir Zelensky travelled", "Someone travelled"),  # an entity no longer named
    ("title: First report", "title: Retitled"),
    ("date: 2025-11-18", "date: 2025-11-30"),  # the order of every list it is in
    ("topics: [ankara-meeting]", "topics: []"),
]


@pytest.mark.parametrize(("old", "new"), EDITS)
def test_the_queries_an_edit_evaluates_give_what_evaluating_all_gives(
    tmp_path: Path, old: str, new: str
) -> None:
    first = prepare(content(tmp_path))
    before = _every_query(first)
    after = _edited(tmp_path, old, new)
    files = {"articles/first.md"}
    everything = changed_reads(before, files, after.raw, after.data)
    assert changed_reads(before, files, after.raw, after.data, first.data) == everything


def _counted_evaluations(monkeypatch: pytest.MonkeyPatch) -> list[tuple]:
    """The queries `changed_reads` evaluates from now on, in order."""
    evaluated: list[tuple] = []
    real = state.evaluate
    monkeypatch.setattr(state, "evaluate", lambda q, d: evaluated.append(q) or real(q, d))
    return evaluated


def test_a_text_that_names_the_same_entities_evaluates_no_query_of_the_articles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = prepare(content(tmp_path))
    before = _every_query(first)
    after = _edited(tmp_path, "travelled to Ankara", "flew to Ankara")
    evaluated = _counted_evaluations(monkeypatch)
    changed_reads(before, {"articles/first.md"}, after.raw, after.data, first.data)
    assert evaluated and all(part_read(query) is None for query in evaluated)


def test_an_entity_no_longer_named_evaluates_its_queries_and_not_another_entitys(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = prepare(content(tmp_path))
    before = _every_query(first)
    after = _edited(tmp_path, "Voldymir Zelensky travelled", "Someone travelled")
    evaluated = _counted_evaluations(monkeypatch)
    changed, _ = changed_reads(before, {"articles/first.md"}, after.raw, after.data, first.data)
    assert ("entity-articles", "volodymyr-zelensky") in changed
    assert ("entity-articles", "volodymyr-zelensky") in evaluated
    assert ("entity-articles", "ankara") in evaluated  # still named: its counts changed
    assert ("entity-events", "volodymyr-zelensky") not in evaluated  # reads no article
