"""Search index: hand rendered pages to Pagefind through its Python API."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from pathlib import Path

from pagefind.index import IndexConfig, PagefindIndex


class SearchIndexError(Exception):
    """Pagefind could not be started or failed while indexing."""


def write_search_index(html_by_path: Mapping[str, str], output_dir: Path, language: str) -> None:
    """Index pages (path -> HTML) in path order, so the bundle is deterministic."""
    try:
        asyncio.run(_index(html_by_path, output_dir / "pagefind", language))
    except FileNotFoundError as exc:
        raise SearchIndexError(
            f"the pagefind binary was not found ({exc}); "
            "reinstall with: pip install 'pagefind[bin]'"
        ) from None
    except (OSError, AssertionError, RuntimeError) as exc:
        raise SearchIndexError(f"pagefind failed: {exc}") from None


async def _index(html_by_path: Mapping[str, str], bundle_dir: Path, language: str) -> None:
    config = IndexConfig(output_path=str(bundle_dir), force_language=language)
    async with PagefindIndex(config=config) as index:
        for path in sorted(html_by_path):
            await index.add_html_file(content=html_by_path[path], url=path)
        await index.write_files(output_path=str(bundle_dir))
