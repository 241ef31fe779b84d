"""What a build leaves behind for the next one: file fingerprints, parsed records,
rendered Markdown, page inputs and output hashes. Lets a rebuild redo only what changed."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .load import is_content_file
from .markdown import MarkdownResult
from .page import Page

Fingerprint = tuple[int, int, int]  # mtime_ns, size, inode: an atomic save changes the inode


@dataclass(slots=True)
class BuildState:
    fingerprints: dict[str, Fingerprint] = field(default_factory=dict)  # input key -> stat
    records: dict[Path, Any] = field(default_factory=dict)  # loaded content by file
    markdown: dict[str, tuple[tuple, MarkdownResult]] = field(default_factory=dict)
    inputs: dict[str, frozenset[str]] = field(default_factory=dict)  # page path -> input keys
    hashes: dict[str, str] = field(default_factory=dict)  # page path -> hash of its HTML


def scan(content_dir: Path, theme_dir: Path) -> dict[str, Fingerprint]:
    """Fingerprints of every input file, keyed as pages name their inputs:
    'articles/x.md', 'topics.yaml' (content) and 'templates/x.html', 'static/y' (theme)."""
    found: dict[str, Fingerprint] = {}
    for root in (content_dir, theme_dir):
        for path in _files(root):
            stat = path.stat()
            found[path.relative_to(root).as_posix()] = (stat.st_mtime_ns, stat.st_size, stat.st_ino)
    return found


def changed_keys(before: Mapping[str, Fingerprint], after: Mapping[str, Fingerprint]) -> set[str]:
    """Keys added, removed or modified between two scans."""
    return {key for key in before.keys() | after.keys() if before.get(key) != after.get(key)}


def _files(root: Path) -> Iterable[Path]:
    for directory, subdirectories, names in os.walk(root):
        subdirectories[:] = sorted(d for d in subdirectories if not d.startswith("."))
        for name in sorted(names):
            path = Path(directory, name)
            if is_content_file(path) and path.is_file():
                yield path


SITE_WIDE_INPUTS = ("site.yaml", "static/")  # a change to these re-renders every page


def dirty_pages(
    pages: Iterable[Page],
    inputs: Mapping[str, frozenset[str]],
    previous: BuildState | None,
    changed: set[str] | None,
) -> list[Page]:
    """Pages to render: all on a first build or a site-wide change, else the pages
    that are new or list a changed file among their inputs, before or now."""
    if previous is None or changed is None or any(k.startswith(SITE_WIDE_INPUTS) for k in changed):
        return list(pages)
    return [
        page
        for page in pages
        if page.path not in previous.inputs
        or (inputs[page.path] | previous.inputs[page.path]) & changed
    ]
