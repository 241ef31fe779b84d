"""The search stage's input and output without Pagefind: pages read as they are sent and
checked against the digest the shards were cut by; the bundle written through the guard."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from generator import output
from generator.search import index as search
from generator.search.pages import indexed_pages
from generator.search.records import record_digest
from generator.search.shards import Page, split


def site(tmp_path: Path) -> Path:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_bytes(b"<main data-pagefind-body>A</main>")
    (tmp_path / "b.html").write_bytes(b"<main data-pagefind-body>B</main>")
    (tmp_path / "404.html").write_bytes(b"<main>not found</main>")
    return tmp_path


def marked(root: Path) -> list[Page]:
    return indexed_pages(root, search._html_files(root, root / "pagefind"), {}, {})[0]


def test_only_marked_pages_are_indexed_each_with_the_digests_of_its_bytes(tmp_path: Path) -> None:
    root = site(tmp_path)
    a, b = b"<main data-pagefind-body>A</main>", b"<main data-pagefind-body>B</main>"
    assert marked(root) == [
        Page("/a/", "a/index.html", hashlib.sha256(a).digest(), record_digest("/a/", a)),
        Page("/b.html", "b.html", hashlib.sha256(b).digest(), record_digest("/b.html", b)),
    ]
    # the shard digest: of URLs and what Pagefind reads of the pages
    expected = hashlib.sha256()
    for url, html in (("/a/", a), ("/b.html", b)):
        expected.update(url.encode() + b"\0" + record_digest(url, html))
    assert split(marked(root), 1)[0].digest == expected.hexdigest()


def test_a_page_that_changed_after_it_was_digested_fails_the_index(tmp_path: Path) -> None:
    root = site(tmp_path)
    sent = search._read(root, marked(root))
    assert next(sent) == ("/a/", b"<main data-pagefind-body>A</main>")
    (root / "b.html").write_bytes(b"<main data-pagefind-body>C</main>")
    with pytest.raises(search.SearchIndexError, match=r"b\.html changed"):
        next(sent)


def test_the_bundle_is_written_whole_and_never_through_a_link(tmp_path: Path) -> None:
    bundle = {
        "pagefind.js": b"js",
        "fragment/en_1.pf_fragment": b"1",
        "fragment/en_2.pf_fragment": b"",
    }
    search._write_bundle(bundle, tmp_path / "one")
    assert {
        p.relative_to(tmp_path / "one").as_posix(): p.read_bytes()
        for p in (tmp_path / "one").rglob("*")
        if p.is_file()
    } == bundle
    target = tmp_path / "two"
    (target / "fragment").mkdir(parents=True)
    (tmp_path / "elsewhere").write_bytes(b"keep")
    (target / "fragment" / "en_2.pf_fragment").symlink_to(tmp_path / "elsewhere")
    with pytest.raises(output.OutsideOutput, match="symbolic link"):
        search._write_bundle(bundle, target)
    assert (tmp_path / "elsewhere").read_bytes() == b"keep"
    with pytest.raises(output.OutsideOutput):
        search._write_bundle({"fragment/..": b"x"}, tmp_path / "three")


@pytest.mark.parametrize(("alone_from", "shares_a_lock"), [(2, True), (3, False)])
def test_indexers_finish_one_at_a_time_only_when_a_shard_is_large(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, alone_from: int, shares_a_lock: bool
) -> None:
    root, given = site(tmp_path), []
    real_index = search.index_pages

    def index_pages(pages, language, finishing):
        given.append(finishing)
        return real_index(pages, language, finishing)

    monkeypatch.setattr(search, "index_pages", index_pages)
    monkeypatch.setattr(search, "FINISH_ALONE_PAGES", alone_from)  # the shards hold 2 pages
    search.write_search_index(root, "en", tmp_path / "bundle", shards=1)
    assert len(given) == 1 and (given[0] is not None) == shares_a_lock
    assert (tmp_path / "bundle" / "pagefind-entry.json").is_file()
