"""What a build's inputs and output look like on disk, by stat alone: the one scan of
the input folders and the snapshot of the output folder. Standard library only, so a
no-change build can check them without importing the stages (manifest.py)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

Fingerprint = tuple[int, int, int]  # mtime_ns, size, inode: an atomic save changes the inode


def is_content_file(path: Path) -> bool:
    """Editor swap, backup and hidden files are not content."""
    return _is_content_name(path.name)


def _is_content_name(name: str) -> bool:
    return not (name.startswith((".", "#", "~")) or name.endswith(("~", ".swp", ".swx", ".tmp")))


def scan(content_dir: Path, theme_dir: Path) -> dict[str, Fingerprint]:
    """Fingerprints of every input file, keyed as reads name them: 'articles/x.md',
    'topics.yaml' (content) and 'templates/x.html', 'static/y' (theme). Hidden folders
    and files that are not content (is_content_file) are left out; symlinks followed."""
    found: dict[str, Fingerprint] = {}
    for root in (content_dir, theme_dir):
        _scan_folder(str(root), "", found)
    return found


def _scan_folder(folder: str, prefix: str, found: dict[str, Fingerprint]) -> None:
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:  # as os.walk: a folder that cannot be listed holds no input
        return
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            if not entry.name.startswith("."):
                _scan_folder(entry.path, f"{prefix}{entry.name}/", found)
        elif _is_content_name(entry.name):
            info = entry.stat()
            if stat.S_ISREG(info.st_mode):
                found[prefix + entry.name] = (info.st_mtime_ns, info.st_size, info.st_ino)


def snapshot(output_dir: Path) -> dict[str, tuple[int, int]]:
    """(size, mtime_ns) of every file in the output folder, by its path in it."""
    found: dict[str, tuple[int, int]] = {}
    _snapshot_folder(str(output_dir), "", found)
    return found


def _snapshot_folder(folder: str, prefix: str, found: dict[str, tuple[int, int]]) -> None:
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            _snapshot_folder(entry.path, f"{prefix}{entry.name}{os.sep}", found)
        else:
            info = entry.stat()
            found[prefix + entry.name] = (info.st_size, info.st_mtime_ns)
