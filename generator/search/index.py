"""Search index: Pagefind, driven through its service (`search/pagefind_client.py`).

The pages are the written HTML files of the build folder, given to Pagefind one by
one in sorted order, so the bundle does not depend on the order a file system lists
them in (tmpfs and ext4 differ). Only pages marked `data-pagefind-body` are indexed
(if any page is: Pagefind's own rule), so only those are sent. No page is held in
memory: the writer gives each page's digest, and a page is read for its record only if
its bytes changed since the previous bundle (`search/pages.py`); a page is read again
as its shard is sent, checked against that digest, and let go; at 10,000 articles
holding them all cost the build 300 MB.

A large site is indexed in shards (`search/shards.py`), one Pagefind process and one
bundle each, two at a time; a shard whose pages' records (what Pagefind reads of them,
`search/records.py`) are those the previous bundle's manifest names, and whose files are
all there at the sizes it lists, is linked from that bundle instead of being indexed
again. Each shard's bundle depends only on those records, so a warm build writes what a
cold one does.

Pagefind (1.5) writes its filter indexes in hash-map order, so two builds of the
same site differ. `_canonicalise_filters` sorts those indexes and renames the files
by content hash, which makes the bundle byte-identical. Every shard is checked whole
(entry, meta and filters decode; every index file and fragment decompresses, which
checks its gzip CRC and length) before the bundle is written, and each file's size
after: a search index is whole or the build fails."""

from __future__ import annotations

import errno
import gzip
import hashlib
import json
import os
import threading
import zlib
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import cbor2

from generator import output
from generator.routes import SEARCH_FOLDER
from generator.search.pagefind_client import PagefindError, index_pages
from generator.search.pages import Listed, indexed_pages, page_list, read_page_list
from generator.search.shards import (
    MANIFEST,
    Page,
    Shard,
    files_digest,
    manifest,
    read_manifest,
    shard_count,
    split,
)

SIGNATURE = b"pagefind_dcd"  # prefix of every decompressed Pagefind index file
ENTRY = "pagefind-entry.json"
REQUIRED = (ENTRY, "pagefind.js", "pagefind-ui.js", "pagefind-ui.css")
INDEXERS = 2  # Pagefind processes at once: one per core of the machines we measure on
FINISH_ALONE_PAGES = 1000  # a shard of this many pages peaks near 250 MB in its indexer
Bundle = dict[str, bytes]  # relative path -> content


class SearchIndexError(Exception):
    """Pagefind could not be started, failed while indexing, or gave a broken bundle."""


def write_search_index(
    site_dir: Path,
    language: str,
    bundle_dir: Path | None = None,
    *,
    shards: int | None = None,
    previous: Path | None = None,
    known: Mapping[str, str] | None = None,
    fresh: Mapping[str, Listed] | None = None,
    page_list_file: Path | None = None,
    held_list: Mapping[str, Listed] | None = None,
) -> dict[str, Listed]:
    """Index the HTML pages in site_dir into bundle_dir (default: site_dir/pagefind/),
    in `shards` article shards (default: by the number of articles), reusing the shards
    of the `previous` bundle folder whose pages' records did not change. `known`: the
    sha256 (hex) of the pages the writer has in memory, by file; `fresh`: the list entries
    it made of the pages it wrote (`search.pages.listed_entry`); other pages are read.
    `page_list_file`: where the list of the pages' digests is kept from one build to the
    next (None: not kept; every page not `fresh` is read); read only with a `previous`
    bundle, as a first build reads nothing of a build before it. `held_list`: that list as a
    long-lived process holds it, read instead of the file. Returns the list now."""
    bundle_dir = bundle_dir or site_dir / SEARCH_FOLDER
    listed = (
        held_list if held_list is not None else _previous_list(page_list_file if previous else None)
    )
    files = _html_files(site_dir, bundle_dir)
    pages, page_list_now = indexed_pages(site_dir, files, known or {}, listed, fresh)
    parts = split(pages, shards or shard_count(pages))
    kept = _reusable(previous, parts)
    wanted = [shard for shard in parts if shard.folder not in kept]
    with ThreadPoolExecutor(max_workers=1) as indexing:  # the kept linked meanwhile
        making = indexing.submit(_index_shards, site_dir, wanted, language, bundle_dir)
        for folder, sizes in kept.items():
            assert previous is not None
            _link(previous / folder, bundle_dir / folder, sizes)
        made = making.result()
    made.update((folder, files_digest(sizes.items())) for folder, sizes in kept.items())
    entries = [(shard, made[shard.folder]) for shard in parts]
    _write_bundle({MANIFEST: manifest(entries)}, bundle_dir)
    if page_list_file is not None:  # only bookkeeping: each entry is of the bytes it names
        output.write_atomic(page_list_file, page_list(page_list_now))
    return page_list_now


def _previous_list(page_list_file: Path | None) -> dict[str, Listed]:
    try:
        return read_page_list(page_list_file.read_bytes()) if page_list_file else {}
    except OSError:
        return {}


def _index_shards(
    site_dir: Path, shards: Sequence[Shard], language: str, bundle_dir: Path
) -> dict[str, str]:
    """{folder: digest of its files} of each shard, indexed INDEXERS at a time, each
    verified and written as soon as it is made (not held until all are: at 10,000
    articles the whole bundle is 100 MB). When a shard is large, the indexers make and
    hand over their bundles one at a time: that is an indexer's peak of memory (about
    three times what it holds while adding pages), and two at once were most of the
    build's peak at 10,000 articles; on smaller sites the wait would cost more than the
    memory it saves."""

    large = any(len(shard.pages) >= FINISH_ALONE_PAGES for shard in shards)
    finishing = threading.Lock() if large else None

    def index_and_write(shard: Shard) -> str:
        bundle = _index(site_dir, shard.pages, language, finishing)
        _write_bundle(bundle, bundle_dir / shard.folder)
        return files_digest((name, len(data)) for name, data in bundle.items())

    with ThreadPoolExecutor(max_workers=INDEXERS) as pool:
        digests = list(pool.map(index_and_write, shards))
    return {shard.folder: digest for shard, digest in zip(shards, digests, strict=True)}


def _index(
    site_dir: Path, pages: Sequence[Page], language: str, finishing: threading.Lock | None
) -> Bundle:
    try:
        bundle = index_pages(_read(site_dir, pages), language, finishing)
    except FileNotFoundError as exc:
        raise SearchIndexError(
            f"the pagefind binary was not found ({exc}); "
            "reinstall it with: pip install 'pagefind[bin]'"
        ) from None
    except (PagefindError, ValueError) as exc:
        raise SearchIndexError(f"pagefind failed: {exc}") from None
    except OSError as exc:
        raise SearchIndexError(f"a page could not be read for the search index: {exc}") from None
    bundle = _canonicalise_filters(bundle)
    verify_bundle(bundle)
    return bundle


def _reusable(previous: Path | None, shards: Sequence[Shard]) -> dict[str, dict[str, int]]:
    """{folder: {file: size}} of the shards the previous bundle holds for exactly these
    pages, with every file it listed there at its size: those are linked, not re-indexed."""
    if previous is None or not (previous / MANIFEST).is_file():
        return {}
    listed = read_manifest((previous / MANIFEST).read_bytes())
    others = tuple(folder for folder in listed if folder)
    kept = {}
    for shard in shards:
        pages, files = listed.get(shard.folder, ("", ""))
        if pages != shard.digest:
            continue
        try:
            sizes = _sizes(previous / shard.folder, () if shard.folder else others)
        except OSError:
            continue
        if files_digest(sizes.items()) == files:
            kept[shard.folder] = sizes
    return kept


def _sizes(folder: Path, skipped: tuple[str, ...]) -> dict[str, int]:
    """{name: size} of every file under folder but the manifest and the folders skipped."""
    sizes = {}
    for path in folder.rglob("*"):
        name = path.relative_to(folder).as_posix()
        if name != MANIFEST and not name.startswith(skipped) and path.is_file():
            sizes[name] = path.stat().st_size
    return sizes


def _link(source: Path, target: Path, sizes: dict[str, int]) -> None:
    """Hard links to a shard's files (never written in place: a bundle is always written
    into a new folder), each checked for its size."""
    for name, destination in _placed(target, sorted(sizes)):
        try:
            os.link(source / name, destination)  # refuses a destination that exists
        except OSError:  # another file system, or one without hard links
            _write_whole(destination, (source / name).read_bytes(), name)
        if destination.stat().st_size != sizes[name]:
            raise SearchIndexError(f"the search index was not written whole: {name}")


def _read(site_dir: Path, pages: Sequence[Page]) -> Iterator[tuple[str, bytes]]:
    """(url, html) of each page as it is sent: the bytes that were digested, or an error."""
    for page in pages:
        html = (site_dir / page.file).read_bytes()
        if hashlib.sha256(html).digest() != page.digest:
            raise SearchIndexError(f"{page.file} changed while the search index was made")
        yield page.url, html


def _html_files(site_dir: Path, bundle_dir: Path) -> list[str]:
    """Every HTML file but the bundle's, relative to site_dir, sorted by path."""
    return sorted(
        p.relative_to(site_dir).as_posix()
        for p in site_dir.rglob("*.html")
        if p.is_file() and not p.is_relative_to(bundle_dir)
    )


def verify_bundle(bundle: Bundle) -> None:
    """Raise SearchIndexError unless every file the bundle needs is there and decodes."""
    missing = [name for name in REQUIRED if not bundle.get(name)]
    if missing:
        raise SearchIndexError(f"the search index is incomplete: no {', '.join(missing)}")
    try:
        entry = json.loads(bundle[ENTRY])
        for language in entry["languages"].values():
            meta = _read_index(bundle, f"pagefind.{language['hash']}.pf_meta")
            for _, file_hash in meta[3]:
                _read_index(bundle, f"filter/{file_hash}.pf_filter")
        for name in bundle:  # gzip checks each file's CRC and length: it is whole
            if name.endswith((".pf_index", ".pf_filter", ".pf_fragment")):
                _decompress(bundle, name)
    except (ValueError, KeyError, IndexError, TypeError) as exc:
        raise SearchIndexError(f"the search index is broken: {exc}") from None


def _write_bundle(bundle: Bundle, bundle_dir: Path) -> None:
    for name, path in _placed(bundle_dir, sorted(bundle)):
        _write_whole(path, bundle[name], name)


def _placed(root: Path, names: Sequence[str]) -> Iterator[tuple[str, Path]]:
    """(name, path to write) of each name: its folder through the write guard once
    (`output.inside`: made, and resolved inside root), not once for each of its
    thousands of fragments; each file is opened without following a link."""
    folders: dict[str, Path] = {}
    for name in names:
        folder, _, file = name.rpartition("/")
        if folder not in folders or file in ("", ".", "..") or "\\" in file or "\0" in file:
            folders[folder] = output.inside(root, name).parent  # refuses a name not plain
        yield name, folders[folder] / file


def _write_whole(path: Path, data: bytes, name: str) -> None:
    """Write data to path, not through a symbolic link; its size checked once written."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o666)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            message = f"{path}: refusing to write through a symbolic link"
            raise output.OutsideOutput(message) from None
        raise
    try:
        with os.fdopen(fd, "wb", closefd=False) as stream:
            stream.write(data)
        written = os.fstat(fd).st_size
    finally:
        os.close(fd)
    if written != len(data):
        raise SearchIndexError(f"the search index was not written whole: {name}")


def _canonicalise_filters(bundle: Bundle) -> Bundle:
    bundle = dict(bundle)
    try:
        entry = json.loads(bundle[ENTRY])
    except (KeyError, ValueError) as exc:
        raise SearchIndexError(f"the search index is broken: no valid {ENTRY} ({exc})") from None
    for language in entry["languages"].values():
        meta_name = f"pagefind.{language['hash']}.pf_meta"
        meta = _read_index(bundle, meta_name)
        filters = meta[3]  # [[filter name, filter file hash], ...]
        meta[3] = sorted([name, _sort_filter_file(bundle, hash_)] for name, hash_ in filters)
        del bundle[meta_name]
        language["hash"] = _put_index(bundle, "pagefind.", meta, ".pf_meta", 10, language["hash"])
    bundle[ENTRY] = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return bundle


def _sort_filter_file(bundle: Bundle, file_hash: str) -> str:
    name = f"filter/{file_hash}.pf_filter"
    filter_name, values = _read_index(bundle, name)
    del bundle[name]
    return _put_index(bundle, "filter/", [filter_name, sorted(values)], ".pf_filter", 7, file_hash)


def _read_index(bundle: Bundle, name: str) -> list:
    try:
        return cbor2.loads(_decompress(bundle, name))
    except cbor2.CBORDecodeError:
        raise SearchIndexError(f"the search index is broken: {name} is truncated") from None


def _decompress(bundle: Bundle, name: str) -> bytes:
    """The content of a Pagefind index file, after its signature."""
    try:
        data = gzip.decompress(bundle[name])
    except KeyError:
        raise SearchIndexError(f"the search index is incomplete: no {name}") from None
    except (OSError, EOFError, zlib.error):
        raise SearchIndexError(f"the search index is broken: {name} is truncated") from None
    if not data.startswith(SIGNATURE):
        raise SearchIndexError(f"unexpected Pagefind file format: {name}")
    return data[len(SIGNATURE) :]


def _put_index(
    bundle: Bundle, prefix: str, value: list, suffix: str, digits: int, old_hash: str
) -> str:
    """Add an index file named by its content hash; returns the new hash."""
    data = SIGNATURE + cbor2.dumps(value)
    language = old_hash.split("_", 1)[0]
    new_hash = f"{language}_{hashlib.sha256(data).hexdigest()[:digits]}"
    bundle[f"{prefix}{new_hash}{suffix}"] = gzip.compress(data, mtime=0)
    return new_hash
