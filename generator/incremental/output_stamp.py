"""The output folder as the no-change manifest records it: every folder and every file by
its path, and one digest of their stat, checked with one lstat each and no listing.

A folder's mtime changes whenever a name is added to it, removed from it or renamed in or
out of it, so the stat of every recorded folder stands for listing it: a stray file, a
deleted page or a page saved by an editor that replaces the file all show there. The
stat of every recorded file shows a page edited in place (its size or its mtime). Half
the cost of listing every folder and statting what it holds (os.scandir per folder
opens, reads and closes it). Standard library only (incremental/manifest.py)."""

from __future__ import annotations

import hashlib
import os
from array import array
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class OutputStamp:
    """Folders by their path in the output ("" is the output folder itself), the names of
    the files each holds, and the digest of the stat of all of them."""

    folders: tuple[str, ...]
    names: tuple[tuple[str, ...], ...]  # names[i]: the files of folders[i]
    digest: str

    def to_data(self) -> dict[str, object]:
        return {
            "folders": list(self.folders),
            "names": [list(held) for held in self.names],
            "digest": self.digest,
        }


def stamp(output_dir: Path, snapshot: Mapping[str, tuple[int, int]]) -> OutputStamp | None:
    """The output folder as `snapshot` (fingerprints.snapshot, taken under the same lock)
    found it, its folders as they are now; None if its files are not the snapshot's."""
    folders: list[str] = []
    names: list[tuple[str, ...]] = []
    _walk(str(output_dir), "", folders, names)
    listed = [
        _key(folder, name) for folder, held in zip(folders, names, strict=True) for name in held
    ]
    if len(listed) != len(snapshot) or not all(key in snapshot for key in listed):
        return None
    figures = array("q")
    for folder, held in zip(folders, names, strict=True):
        figures.append(os.lstat(_folder_path(output_dir, folder)).st_mtime_ns)
        for name in held:
            figures.extend(snapshot[_key(folder, name)])
    digest = hashlib.sha256(figures.tobytes()).hexdigest()
    return OutputStamp(tuple(folders), tuple(names), digest)


def _key(folder: str, name: str) -> str:
    return f"{folder}{os.sep}{name}" if folder else name


def _folder_path(output_dir: Path, folder: str) -> str:
    return os.path.join(output_dir, folder) if folder else str(output_dir)


def _walk(folder: str, relative: str, folders: list[str], names: list[tuple[str, ...]]) -> None:
    with os.scandir(folder) as listing:
        entries = sorted(listing, key=lambda entry: entry.name)
    folders.append(relative)
    names.append(tuple(e.name for e in entries if not e.is_dir(follow_symlinks=False)))
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            inner = f"{relative}{os.sep}{entry.name}" if relative else entry.name
            _walk(entry.path, inner, folders, names)


def stat_digest(output_dir: Path, folders: Sequence[str], names: Sequence[Sequence[str]]) -> str:
    """One digest of the mtime of every folder and the size and mtime of every file, in
    the recorded order (as `stamp` makes it); OSError if any of them is gone."""
    root = os.open(output_dir, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:  # each path looked up from the output folder, not from /: a sixth less time
        figures = array("q")
        append, lstat = figures.append, os.lstat
        for folder, held in zip(folders, names, strict=True):
            append(lstat(folder or ".", dir_fd=root).st_mtime_ns)
            base = f"{folder}{os.sep}" if folder else ""
            for name in held:
                info = lstat(base + name, dir_fd=root)
                append(info.st_size)
                append(info.st_mtime_ns)
    finally:
        os.close(root)
    return hashlib.sha256(figures.tobytes()).hexdigest()


def from_data(data: Mapping[str, object]) -> OutputStamp:
    """A recorded stamp; TypeError or ValueError if it is not one."""
    folders, names, digest = data["folders"], data["names"], data["digest"]
    if not (isinstance(folders, list) and isinstance(names, list) and isinstance(digest, str)):
        raise TypeError("not an output stamp")
    if len(folders) != len(names) or not all(isinstance(n, list) for n in names):
        raise ValueError("not an output stamp")
    return OutputStamp(tuple(map(str, folders)), tuple(tuple(map(str, n)) for n in names), digest)


def holds(output_dir: Path, recorded: OutputStamp) -> bool:
    """Whether the output folder is as `recorded`: no folder or file added, removed,
    replaced or written since, as far as their stat tells."""
    try:
        return stat_digest(output_dir, recorded.folders, recorded.names) == recorded.digest
    except OSError:  # a recorded folder or file is gone, or cannot be reached
        return False
