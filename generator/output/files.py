"""Files written inside the output: `inside`, the one guard every writer goes through, and
a file replaced atomically, so a reader sees the old content or the new, never a mix."""

from __future__ import annotations

import os
from pathlib import Path

from generator.output.faults import OutputError


class OutsideOutput(OutputError):
    """A path to write that does not lie inside the folder being written."""


def inside(root: Path, relative: str | Path) -> Path:
    """root/relative, made ready to write, if it lies inside `root`: the one guard every
    writer of the build goes through (pages, redirects, cards, static files, search).

    The relative path must be plain (no '..', '.', empty, absolute, NUL or backslash
    parts) and its folder, once created and resolved, must be inside the resolved root;
    the file itself must not be a symbolic link (writing would follow it)."""
    text = relative.as_posix() if isinstance(relative, Path) else relative
    parts = text.split("/")
    if (
        not text
        or text.startswith("/")
        or "\\" in text
        or "\0" in text
        or any(part in ("", ".", "..") for part in parts)
    ):
        raise OutsideOutput(f"{root}: refusing to write {text!r}: not a plain path inside it")
    target = root.joinpath(*parts)
    folder = target.parent
    folder.mkdir(parents=True, exist_ok=True)
    real_root = os.path.realpath(root)
    real_folder = os.path.realpath(folder)
    if real_folder != real_root and not real_folder.startswith(real_root + os.sep):
        raise OutsideOutput(f"{target}: refusing to write: it leads out of {root}")
    if target.is_symlink():
        raise OutsideOutput(f"{target}: refusing to write through a symbolic link")
    return target


def write_file(directory: Path, name: str, text: str) -> None:
    inside(directory, name).write_bytes(text.encode("utf-8"))


def write_atomic(target: Path, data: bytes) -> None:
    """Replace one file so a reader sees the old content or the new, never a mix. The
    caller has put `target` through `inside`."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = target.with_name(f".{target.name}.tmp-{os.getpid()}")
    temp.write_bytes(data)
    os.replace(temp, target)


def remove_page(output_dir: Path, relative: str) -> None:
    """Delete a page's file and the folders it leaves empty."""
    target = inside(output_dir, relative)
    target.unlink(missing_ok=True)
    folder = target.parent
    while folder != output_dir and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
