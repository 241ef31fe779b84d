"""Search index: Pagefind, driven through its service (`search/pagefind_client.py`).

The pages are the written HTML files of the build folder, given to Pagefind one by
one in sorted order, so the bundle does not depend on the order a file system lists
them in (tmpfs and ext4 differ). Only pages marked `data-pagefind-body` are indexed
(if any page is: Pagefind's own rule), so only those are sent.

A large site is indexed in shards (`search/shards.py`), one Pagefind process and one
bundle each, two at a time; a shard whose pages are byte for byte those the previous
bundle's manifest names, and whose files are all there at the sizes it lists, is linked
from that bundle instead of being indexed again. Each
shard's bundle depends only on its pages, so a warm build writes what a cold one does.

Pagefind (1.5) writes its filter indexes in hash-map order, so two builds of the
same site differ. `_canonicalise_filters` sorts those indexes and renames the files
by content hash, which makes the bundle byte-identical. Every shard is checked whole
(entry, meta, filters and every index file decode) before the bundle is written, and
each file's size after: a search index is whole or the build fails."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import shutil
import zlib
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import cbor2

from generator import output
from generator.routes import INDEX_FILE, SEARCH_FOLDER
from generator.search.pagefind_client import PagefindError, index_pages
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
BODY_MARK = b"data-pagefind-body"
INDEXERS = 2  # Pagefind processes at once: one per core of the machines we measure on
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
) -> None:
    """Index the HTML pages in site_dir into bundle_dir (default: site_dir/pagefind/),
    in `shards` article shards (default: by the number of articles), reusing the shards
    of the `previous` bundle folder whose pages did not change."""
    bundle_dir = bundle_dir or site_dir / SEARCH_FOLDER
    pages = _indexed(_pages(site_dir, bundle_dir))
    parts = split(pages, shards or shard_count(pages))
    kept = _reusable(previous, parts)
    made = _index_shards([shard for shard in parts if shard.folder not in kept], language)
    entries = []
    for shard in parts:
        if shard.folder in kept:
            assert previous is not None
            _link(previous / shard.folder, bundle_dir / shard.folder, kept[shard.folder])
            entries.append((shard, files_digest(kept[shard.folder].items())))
        else:
            bundle = made[shard.folder]
            _write_bundle(bundle, bundle_dir / shard.folder)
            entries.append((shard, files_digest((n, len(b)) for n, b in bundle.items())))
    _write_bundle({MANIFEST: manifest(entries)}, bundle_dir)


def _index_shards(shards: Sequence[Shard], language: str) -> dict[str, Bundle]:
    """{folder: verified bundle} of each shard, indexed INDEXERS at a time."""
    with ThreadPoolExecutor(max_workers=INDEXERS) as pool:
        bundles = list(pool.map(lambda shard: _index(shard.pages, language), shards))
    return {shard.folder: bundle for shard, bundle in zip(shards, bundles, strict=True)}


def _index(pages: Sequence[Page], language: str) -> Bundle:
    try:
        bundle = index_pages(pages, language)
    except FileNotFoundError as exc:
        raise SearchIndexError(
            f"the pagefind binary was not found ({exc}); "
            "reinstall it with: pip install 'pagefind[bin]'"
        ) from None
    except (PagefindError, ValueError) as exc:
        raise SearchIndexError(f"pagefind failed: {exc}") from None
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
    for name in sorted(sizes):
        destination = output.inside(target, name)
        try:
            os.link(source / name, destination)
        except OSError:  # another file system, or one without hard links
            shutil.copyfile(source / name, destination)
        if (target / name).stat().st_size != sizes[name]:
            raise SearchIndexError(f"the search index was not written whole: {name}")


def _indexed(pages: list[Page]) -> list[Page]:
    """The pages Pagefind would index: those marked as a body, if any page is."""
    marked = [page for page in pages if BODY_MARK in page[1]]
    return marked or pages


def _pages(site_dir: Path, bundle_dir: Path) -> list[Page]:
    """(url, html) of every page, sorted by path; 'x/index.html' has the URL '/x/'."""
    paths = sorted(
        p.relative_to(site_dir).as_posix()
        for p in site_dir.rglob("*.html")
        if p.is_file() and not p.is_relative_to(bundle_dir)
    )
    return [("/" + _without_index(path), (site_dir / path).read_bytes()) for path in paths]


def _without_index(path: str) -> str:
    return path.removesuffix(INDEX_FILE) if path.rsplit("/", 1)[-1] == INDEX_FILE else path


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
        for name in bundle:
            if name.endswith((".pf_index", ".pf_filter")):
                _read_index(bundle, name)
            elif name.endswith(".pf_fragment"):
                _decompress(bundle, name)
    except (ValueError, KeyError, IndexError, TypeError) as exc:
        raise SearchIndexError(f"the search index is broken: {exc}") from None


def _write_bundle(bundle: Bundle, bundle_dir: Path) -> None:
    for name in sorted(bundle):
        output.inside(bundle_dir, name).write_bytes(bundle[name])
    for name in sorted(bundle):
        if (bundle_dir / name).stat().st_size != len(bundle[name]):
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
