"""Search index: Pagefind, driven through its Python API.

Pagefind indexes the written pages from the build folder (`add_directory`); only
pages marked with `data-pagefind-body` are indexed. Feeding HTML from memory
(`add_html_file`) was measured 30x slower: the Python wrapper reads one response
per 100 ms, so 61 pages took 6.5 s against 0.2 s for the folder.

Pagefind (1.5) writes its filter indexes in hash-map order, so two builds of the
same site differ. After it writes, `_canonicalise_filters` sorts those indexes and
renames the files by content hash, which makes the bundle byte-identical."""

from __future__ import annotations

import asyncio
import gzip
import hashlib
import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import cbor2
from pagefind.index import IndexConfig, PagefindIndex

from .routes import SEARCH_FOLDER

SIGNATURE = b"pagefind_dcd"  # prefix of every decompressed Pagefind index file


class SearchIndexError(Exception):
    """Pagefind could not be started or failed while indexing."""


def write_search_index(site_dir: Path, language: str, bundle_dir: Path | None = None) -> None:
    """Index the HTML pages in site_dir into bundle_dir (default: site_dir/pagefind/)."""
    bundle_dir = bundle_dir or site_dir / SEARCH_FOLDER
    try:
        _run_coroutine(_index(site_dir, bundle_dir, language))
    except FileNotFoundError as exc:
        raise SearchIndexError(
            f"the pagefind binary was not found ({exc}); "
            "reinstall it with: pip install 'pagefind[bin]'"
        ) from None
    except (OSError, AssertionError, RuntimeError) as exc:
        raise SearchIndexError(f"pagefind failed: {exc}") from None
    _canonicalise_filters(bundle_dir)


def _run_coroutine(coroutine) -> None:
    """asyncio.run, also from a thread that already runs an event loop (e.g. under Playwright)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        asyncio.run(coroutine)
        return
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(asyncio.run, coroutine).result()


async def _index(site_dir: Path, bundle_dir: Path, language: str) -> None:
    config = IndexConfig(output_path=str(bundle_dir), force_language=language)
    async with PagefindIndex(config=config) as index:  # writes the bundle on exit
        await index.add_directory(str(site_dir))


def _canonicalise_filters(bundle_dir: Path) -> None:
    entry_path = bundle_dir / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for language in entry["languages"].values():
        meta_path = bundle_dir / f"pagefind.{language['hash']}.pf_meta"
        meta = _read_index(meta_path)
        filters = meta[3]  # [[filter name, filter file hash], ...]
        meta[3] = sorted(
            [name, _sort_filter_file(bundle_dir, file_hash)] for name, file_hash in filters
        )
        language["hash"] = _write_index(
            bundle_dir, "pagefind.", meta, ".pf_meta", 10, language["hash"]
        )
        meta_path.unlink()
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), "utf-8")


def _sort_filter_file(bundle_dir: Path, file_hash: str) -> str:
    path = bundle_dir / "filter" / f"{file_hash}.pf_filter"
    name, values = _read_index(path)
    path.unlink()
    return _write_index(
        bundle_dir / "filter", "", [name, sorted(values)], ".pf_filter", 7, file_hash
    )


def _read_index(path: Path) -> list:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise SearchIndexError(f"unexpected Pagefind file format: {path}")
    return cbor2.loads(data[len(SIGNATURE) :])


def _write_index(
    directory: Path, prefix: str, value: list, suffix: str, digits: int, old_hash: str
) -> str:
    """Write an index file named by its content hash; returns the new hash."""
    data = SIGNATURE + cbor2.dumps(value)
    language = old_hash.split("_", 1)[0]
    new_hash = f"{language}_{hashlib.sha256(data).hexdigest()[:digits]}"
    (directory / f"{prefix}{new_hash}{suffix}").write_bytes(gzip.compress(data, mtime=0))
    return new_hash
