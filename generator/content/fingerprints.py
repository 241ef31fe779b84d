"""What a build's inputs and output look like on disk, by stat alone: the one scan of
the input folders and the snapshot of the output folder. Standard library only, so a
no-change build can check them without importing the stages (incremental/manifest.py)."""

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
    and files that are not content (is_content_file) are left out, and so are symbolic
    links that lead out of their folder (content/ or the theme) or nowhere."""
    found: dict[str, Fingerprint] = {}
    for root in (content_dir, theme_dir):
        _scan_folder(str(root), "", found, root)
    return found


def _scan_folder(folder: str, prefix: str, found: dict[str, Fingerprint], root: Path) -> None:
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:  # as os.walk: a folder that cannot be listed holds no input
        return
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            if not entry.name.startswith("."):
                _scan_folder(entry.path, f"{prefix}{entry.name}/", found, root)
        elif _is_content_name(entry.name):
            if entry.is_symlink() and link_out(Path(entry.path), root):
                continue
            try:
                info = entry.stat()
            except OSError:  # a broken link or a loop: not an input (load warns about it)
                continue
            if stat.S_ISREG(info.st_mode):
                found[prefix + entry.name] = (info.st_mtime_ns, info.st_size, info.st_ino)


def link_out(path: Path, root: Path) -> str:
    """Why `path` may not be read as one of `root`'s files, or "": it is (or lies in a
    folder that is) a symbolic link leading out of `root`, or nowhere."""
    try:
        real = path.resolve(strict=True)
    except FileNotFoundError:
        if path.is_symlink():
            return f"a broken symbolic link (to {os.readlink(path)})"
        return ""  # not there at all: the reader says so in its own words
    except (OSError, RuntimeError):  # a loop (RuntimeError before Python 3.13)
        return "a symbolic link that loops"
    try:
        inside = real.is_relative_to(root.resolve())
    except (OSError, RuntimeError):
        inside = False
    return "" if inside else f"a symbolic link to {real}, outside {root}"


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
            try:
                info = entry.stat(follow_symlinks=False)
            except OSError:
                continue
            found[prefix + entry.name] = (info.st_size, info.st_mtime_ns)
