"""The pages a search index is made of, each with the digest of its bytes and of its
record (what Pagefind reads of it, `search/records.py`), and the list of them a build
keeps for the next, so that it reads only the pages whose bytes changed. The list is
bookkeeping, not part of the bundle: it is kept with the build cache, not deployed.

The digests of a page's bytes come from the writer, which had them in memory, and so
does the entry of each page it wrote, made where the page was rendered (`listed`: in the
render workers, on all cores, not in a second pass here). A page whose bytes are those
the previous build listed keeps the record listed there, unread; any other the writer
did not give (or every page, when none is given) is read once for its record and whether
it is marked as a body. The list is a function of the pages
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
    fresh: Mapping[str, Listed] | None = None,
) -> tuple[list[Page], dict[str, Listed]]:
    """(the pages Pagefind would index, the list of every page for the next build):
    those marked as a body, if any page is. `known`: {file: sha256 hex of its bytes}
    from the writer; `listed`: the previous build's list; `fresh`: {file: its entry}
    the writer made of the bytes it wrote (`listed_entry`)."""
    every, marked, pages = [], [], {}
    fresh = fresh or {}
    for name in files:
        url = page_url(name)
        entry = fresh.get(name) or _entry(site_dir, name, url, known.get(name), listed.get(url))
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
    return listed_entry(url, html, hashlib.sha256(html).digest())


def listed_entry(url: str, html: bytes, digest: bytes) -> Listed:
    """A page's entry in the list, of its bytes and their sha256 `digest`."""
    return Listed(digest, record_digest(url, html), BODY_MARK in html)


def page_url(file: str) -> str:
    """The URL Pagefind is given for an HTML file of the site (relative to its folder)."""
    return "/" + _without_index(file)


def page_list(pages: Mapping[str, Listed]) -> bytes:
    """The list a build keeps: each page's URL, digests and mark, sorted by URL."""
    rows = [
        [url, e.digest.hex(), e.record.hex(), int(e.marked)] for url, e in sorted(pages.items())
    ]
    return json.dumps({"pages": rows}, separators=(",", ":")).encode("utf-8") + b"\n"


def read_page_list(data: bytes) -> dict[str, Listed]:
    """{url: Listed} of a kept list; empty if it cannot be read (then every page is
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
