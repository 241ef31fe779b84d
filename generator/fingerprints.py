"""What a build's inputs and output look like on disk, by stat alone: the one scan of
the input folders and the snapshot of the output folder. Standard library only, so a
no-change build can check them without importing the stages (manifest.py)."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

Fingerprint = tuple[int, int, int]  # mtime_ns, size, inode: an atomic save changes the inode


def is_content_file(path: Path) -> bool:
    """Editor swap, backup and hidden files are not content."""
    name = path.name
    return not (name.startswith((".", "#", "~")) or name.endswith(("~", ".swp", ".swx", ".tmp")))


def scan(content_dir: Path, theme_dir: Path) -> dict[str, Fingerprint]:
    """Fingerprints of every input file, keyed as reads name them: 'articles/x.md',
    'topics.yaml' (content) and 'templates/x.html', 'static/y' (theme)."""
    found: dict[str, Fingerprint] = {}
    for root in (content_dir, theme_dir):
        for path in _files(root):
            stat = path.stat()
            found[path.relative_to(root).as_posix()] = (stat.st_mtime_ns, stat.st_size, stat.st_ino)
    return found


def _files(root: Path) -> Iterable[Path]:
    for directory, subdirectories, names in os.walk(root):
        subdirectories[:] = sorted(d for d in subdirectories if not d.startswith("."))
        for name in sorted(names):
            path = Path(directory, name)
            if is_content_file(path) and path.is_file():
                yield path


def snapshot(output_dir: Path) -> dict[str, tuple[int, int]]:
    """(size, mtime_ns) of every file in the output folder."""
    found = {}
    for directory, _, names in os.walk(output_dir):
        for name in names:
            path = os.path.join(directory, name)
            stat = os.stat(path)
            found[os.path.relpath(path, output_dir)] = (stat.st_size, stat.st_mtime_ns)
    return found
