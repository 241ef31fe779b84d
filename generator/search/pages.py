"""The pages a search index is made of, each with the digest of its bytes and of its
record (what Pagefind reads of it, `search/records.py`), and the list of them a bundle
keeps (`pages.json`) so that the next build reads only the pages whose bytes changed.

The digests of a page's bytes come from the writer, which had them in memory; a page it
did not give (or every page, when none is given) is read. A page whose bytes are those
the previous bundle lists keeps the record listed there, unread; any other is read once
for its record and whether it is marked as a body. The list is a function of the pages
alone, so a warm build writes the one a cold build writes."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple

from generator.routes import INDEX_FILE
from generator.search.records import BODY_MARK, record_digest
from generator.search.shards import Page


class Listed(NamedTuple):
    """What the previous bundle's list says of a page."""

    digest: bytes  # sha256 of its bytes
    record: bytes  # sha256 of its URL and record
    marked: bool  # it holds a `data-pagefind-body`


def indexed_pages(
    site_dir: Path,
    files: list[str],
    known: Mapping[str, str],
    listed: Mapping[str, Listed],
) -> tuple[list[Page], dict[str, Listed]]:
    """(the pages Pagefind would index, the list of every page for the next build):
    those marked as a body, if any page is. `known`: {file: sha256 hex of its bytes}
    from the writer; `listed`: the previous bundle's list."""
    every, marked, pages = [], [], {}
    for name in files:
        url = "/" + _without_index(name)
        entry = _entry(site_dir, name, url, known.get(name), listed.get(url))
        page = Page(url, name, entry.digest, entry.record)
        pages[url] = entry
        every.append(page)
        if entry.marked:
            marked.append(page)
    return marked or every, pages


def _entry(site_dir: Path, name: str, url: str, digest: str | None, old: Listed | None) -> Listed:
    if digest is not None and old is not None and old.digest.hex() == digest:
        return old
    html = (site_dir / name).read_bytes()
    return Listed(hashlib.sha256(html).digest(), record_digest(url, html), BODY_MARK in html)


def page_list(pages: Mapping[str, Listed]) -> bytes:
    """The list a bundle keeps: each page's URL, digests and mark, sorted by URL."""
    rows = [
        [url, e.digest.hex(), e.record.hex(), int(e.marked)] for url, e in sorted(pages.items())
    ]
    return json.dumps({"pages": rows}, separators=(",", ":")).encode("utf-8") + b"\n"


def read_page_list(data: bytes) -> dict[str, Listed]:
    """{url: Listed} of a bundle's list; empty if it cannot be read (then every page is
    read, as in a first build)."""
    try:
        rows = json.loads(data)["pages"]
        return {
            str(url): Listed(bytes.fromhex(digest), bytes.fromhex(record), bool(marked))
            for url, digest, record, marked in rows
        }
    except (ValueError, KeyError, TypeError):
        return {}


def _without_index(path: str) -> str:
    return path.removesuffix(INDEX_FILE) if path.rsplit("/", 1)[-1] == INDEX_FILE else path
