"""Which search shard a page goes in, and the manifest that lists the shards.

A large site's search index is split into shards, one Pagefind bundle each, so that a
rebuild re-indexes only the shards whose pages changed and no one Pagefind process holds
the whole site. Pages are spread over the shards by a hash of their URL: a page never
moves unless the number of shards changes, and each shard is a sample of the whole site
(articles, topics, people, sources alike), so the term statistics Pagefind scores with are
close to the whole site's and the browser can merge the shards' results by score
(`static/search-shards.js`). A small site is one bundle at the root of the folder, as
Pagefind makes it.

The manifest (`shards.json`) names each shard's folder, a digest of the pages it was made
from (of what Pagefind reads of them: a page whose ignored lists changed is the same page
to it) and one of its files: the browser reads the folders; the next build reuses a
shard whose pages are the same and whose files are still all there, whole."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from generator.routes import SEARCH_SHARDS_FILE

MANIFEST = SEARCH_SHARDS_FILE
PAGES_PER_SHARD = 200  # a site is split until its shards hold this many pages or fewer
MAX_SHARDS = 8  # each shard costs the browser a request or two per query


class Page(NamedTuple):
    """A page to index, without its HTML: the index reads that when it sends the page."""

    url: str
    file: str  # its HTML file, relative to the site folder
    digest: bytes  # sha256 of that file's bytes
    record: bytes  # sha256 of its URL and what Pagefind reads of it (search/records.py)


@dataclass(frozen=True, slots=True)
class Shard:
    folder: str  # relative to the bundle folder, "" or ending in "/"
    pages: tuple[Page, ...]

    @property
    def digest(self) -> str:
        """What the shard's bundle is a function of: its pages' URLs and records, in order."""
        total = hashlib.sha256()
        for page in self.pages:
            total.update(page.url.encode("utf-8") + b"\0" + page.record)
        return total.hexdigest()


def shard_count(pages: Iterable[Sequence]) -> int:
    """Shards for a site: one per PAGES_PER_SHARD pages, rounded up to a power of two
    (so the count, and with it every page's shard, changes rarely), at most MAX_SHARDS."""
    total = sum(1 for _ in pages)
    count = 1
    while count * PAGES_PER_SHARD < total and count < MAX_SHARDS:
        count *= 2
    return count


def split(pages: Iterable[Page], count: int) -> tuple[Shard, ...]:
    """The shards in order, "s0/", "s1/", ...; one root shard if count is 1. Pages keep
    the order given within a shard; an empty shard is left out."""
    pages = tuple(pages)
    if count <= 1:
        return (Shard("", pages),)
    groups: list[list[Page]] = [[] for _ in range(count)]
    for page in pages:
        groups[_number(page[0], count)].append(page)
    return tuple(Shard(f"s{n}/", tuple(group)) for n, group in enumerate(groups) if group)


def files_digest(sizes: Iterable[tuple[str, int]]) -> str:
    """A digest of a shard's bundle: the name and size of every file (Pagefind names its
    index files by their content, so a file changed is a file renamed)."""
    listing = "\n".join(f"{name}\t{size}" for name, size in sorted(sizes))
    return hashlib.sha256(listing.encode("utf-8")).hexdigest()


def manifest(entries: Iterable[tuple[Shard, str]]) -> bytes:
    """The manifest of (shard, digest of its files) pairs, in order."""
    listed = [
        {"folder": shard.folder, "pages": shard.digest, "files": files} for shard, files in entries
    ]
    return json.dumps({"shards": listed}, separators=(",", ":")).encode("utf-8") + b"\n"


def read_manifest(data: bytes) -> Mapping[str, tuple[str, str]]:
    """{folder: (digest of its pages, digest of its files)}; empty if it cannot be read
    (then nothing is reused)."""
    try:
        entries = json.loads(data)["shards"]
        return {str(e["folder"]): (str(e["pages"]), str(e["files"])) for e in entries}
    except (ValueError, KeyError, TypeError):
        return {}


def _number(url: str, count: int) -> int:
    return int.from_bytes(hashlib.sha256(url.encode("utf-8")).digest()[:8], "big") % count
