"""What Pagefind reads of a page (its record): the text of an ignored element is left out
only where Pagefind certainly drops it; anything it reads, or any doubt about where the
element ends, keeps the page whole. And the list of pages a bundle keeps for the next
build: a page whose bytes did not change is not read again."""

from __future__ import annotations

import hashlib
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from generator.search.pages import (
    Listed,
    indexed_pages,
    listed_entry,
    page_list,
    read_page_list,
)
from generator.search.records import indexed_parts, record_digest

PAGE = (
    "<html><head><title>T</title></head><body><nav>Home</nav>"
    '<article data-pagefind-body><h1 data-pagefind-meta="title">Title</h1>'
    "<p>Indexed {body}.</p>"
    '<section aria-labelledby="a" data-pagefind-ignore><h2 id="a">Articles</h2>'
    '<ul><li><a href="/x/">{listed}</a> <abbr title="F6">F6</abbr></li></ul></section>'
    "{extra}</article></body></html>"
)


def page(body: str = "words", listed: str = "A title", extra: str = "") -> bytes:
    return PAGE.format(body=body, listed=listed, extra=extra).encode("utf-8")


def same(a: bytes, b: bytes) -> bool:
    return record_digest("/p/", a) == record_digest("/p/", b)


def test_the_text_of_an_ignored_list_is_not_in_the_record_but_its_tags_are() -> None:
    assert same(page(listed="A title"), page(listed="Another title, edited"))
    assert b"A title" not in b"".join(indexed_parts(page()))
    assert b'<h2 id="a">' in b"".join(indexed_parts(page()))


def test_indexed_text_and_the_url_are_in_the_record() -> None:
    assert not same(page(body="words"), page(body="other words"))
    assert record_digest("/p/", page()) != record_digest("/q/", page())


def test_a_new_tag_in_an_ignored_list_changes_the_record() -> None:
    more = '<li><a href="/y/">B</a></li></ul>'
    assert page().replace(b"</ul>", more.encode()) != page()
    assert not same(page(), page().replace(b"</ul>", more.encode()))


def test_what_pagefind_reads_inside_an_ignored_element_keeps_it_whole() -> None:
    for inside in (
        '<span data-pagefind-filter="topic">{}</span>',
        '<span data-pagefind-meta="date">{}</span>',
        '<span data-pagefind-sort="date">{}</span>',
        "<h1>{}</h1>",
        "<!-- {} -->",
        "<script>{}</script>",
    ):
        one, two = (
            page(extra=f"<div data-pagefind-ignore>{inside.format(text)}</div>")
            for text in ("one", "two")
        )
        assert not same(one, two), inside


def test_an_element_whose_end_is_in_doubt_is_kept_whole() -> None:
    for html in (
        "<div data-pagefind-ignore><span>{}</div></span>",  # closed out of order
        "<p data-pagefind-ignore>{}<div>block</div></p>",  # a block ends the paragraph
        "<div data-pagefind-ignore>{} < 3</div>",  # a "<" that starts no tag
        "<div data-pagefind-ignore>{}",  # never closed
        "<li data-pagefind-ignore>{}</li>",  # its end tag may be left out
    ):
        one, two = (page(extra=html.format(text)) for text in ("one", "two"))
        assert not same(one, two), html


def test_only_an_attribute_named_so_makes_an_element_ignored() -> None:
    for html in (
        '<p title="data-pagefind-ignore">{}</p>',
        "<p>data-pagefind-ignore {}</p>",
        "<p data-pagefind-ignored>{}</p>",
    ):
        one, two = (page(extra=html.format(text)) for text in ("one", "two"))
        assert not same(one, two), html


@given(st.text(alphabet=st.characters(blacklist_characters="<", codec="utf-8"), max_size=40))
def test_any_text_in_an_ignored_list_leaves_the_record_as_it_is(text: str) -> None:
    assert same(page(listed="A title"), page(listed=text))


@given(st.text(alphabet=st.characters(blacklist_characters="<", codec="utf-8"), max_size=40))
def test_any_change_to_indexed_text_changes_the_record(text: str) -> None:
    assert same(page(body="words"), page(body=text)) == (text == "words")


def test_a_page_whose_bytes_the_writer_knows_unchanged_is_not_read(tmp_path: Path) -> None:
    html = page()
    digest = hashlib.sha256(html).digest()
    listed = {"/a/": Listed(digest, record_digest("/a/", html), True)}
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "index.html").write_bytes(page(body="b"))
    known = {"a/index.html": digest.hex()}  # a/index.html is not on disk: never read
    pages, kept = indexed_pages(tmp_path, ["a/index.html", "b/index.html"], known, listed)
    assert [p.url for p in pages] == ["/a/", "/b/"]
    assert kept["/a/"] == listed["/a/"]
    assert kept["/b/"].record == record_digest("/b/", page(body="b"))
    assert read_page_list(page_list(kept)) == kept


def test_a_page_the_writer_made_the_entry_of_is_not_read(tmp_path: Path) -> None:
    html = page(body="fresh")
    fresh = {"a/index.html": listed_entry("/a/", html, hashlib.sha256(html).digest())}
    known = {"a/index.html": fresh["a/index.html"].digest.hex()}  # not on disk: never read
    pages, kept = indexed_pages(tmp_path, ["a/index.html"], known, {}, fresh)
    assert kept == {"/a/": Listed(hashlib.sha256(html).digest(), record_digest("/a/", html), True)}
    assert [(p.url, p.file) for p in pages] == [("/a/", "a/index.html")]


def test_a_page_the_writer_changed_is_read_for_its_record(tmp_path: Path) -> None:
    old, new = page(listed="old"), page(body="new")
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_bytes(new)
    listed = {"/a/": Listed(hashlib.sha256(old).digest(), record_digest("/a/", old), True)}
    known = {"a/index.html": hashlib.sha256(new).hexdigest()}
    pages, _ = indexed_pages(tmp_path, ["a/index.html"], known, listed)
    assert pages[0].record == record_digest("/a/", new) != listed["/a/"].record


def test_an_unreadable_page_list_is_no_list() -> None:
    assert read_page_list(b"{") == {}
    assert read_page_list(b'{"pages": [["/a/", "zz", "00", 1]]}') == {}


def test_the_text_of_a_script_in_the_head_is_not_in_the_record() -> None:
    def with_head(script: str) -> bytes:
        return page().replace(b"<head>", b"<head>" + script.encode())

    json_ld = '<script type="application/ld+json">{{"headline": "{}"}}</script>'
    assert same(with_head(json_ld.format("Old")), with_head(json_ld.format("New title")))
    assert not same(with_head(json_ld.format("Old")), with_head(""))  # the tag is kept
    for kept in ("<script>{} < 1</script>", '<script data-pagefind-meta="x">{}</script>'):
        assert not same(with_head(kept.format("one")), with_head(kept.format("two"))), kept
    in_body = json_ld.replace("<script", "<script id=a")
    one, two = (page(extra=in_body.format(text)) for text in ("one", "two"))
    assert not same(one, two)
