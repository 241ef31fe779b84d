"""Files written inside the output: `inside`, the one guard every writer goes through, and
a file replaced atomically, so a reader sees the old content or the new, never a mix."""

from __future__ import annotations

import os
import stat
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
    return OutputTree(root).inside(relative)


class OutputTree:
    """`inside` for many files of one output: each folder is made and checked once, and a
    folder below a checked one is resolved without asking the file system again, if it is
    a real folder (made now, or found and not a symbolic link); any other is resolved and
    checked in full. The same guarantee as `inside`, at two system calls a page instead of
    a dozen. For one pass of writing: folders are not checked again."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._resolved: dict[tuple[str, ...], str] = {}  # a checked folder's parts: its real path

    def inside(self, relative: str | Path) -> Path:
        parts = _plain_parts(self.root, relative)
        target = self.root.joinpath(*parts)
        self._folder(tuple(parts[:-1]))
        if target.is_symlink():
            raise OutsideOutput(f"{target}: refusing to write through a symbolic link")
        return target

    def _folder(self, parts: tuple[str, ...]) -> str:
        """The folder's resolved path, made ready and checked to lie inside the root."""
        found = self._resolved.get(parts)
        if found is None:
            found = self._resolve(parts)
            self._resolved[parts] = found
        return found

    def _resolve(self, parts: tuple[str, ...]) -> str:
        folder = self.root.joinpath(*parts)
        if parts:
            parent = self._folder(parts[:-1])
            if _real_folder(folder):
                return parent + os.sep + parts[-1]
        folder.mkdir(parents=True, exist_ok=True)  # a file in the way raises here
        real_root = self._folder(()) if parts else os.path.realpath(self.root)
        real_folder = os.path.realpath(folder)
        if real_folder != real_root and not real_folder.startswith(real_root + os.sep):
            raise OutsideOutput(f"{folder}: refusing to write: it leads out of {self.root}")
        return real_folder


def check_inside(root: Path, relative: str, verb: str = "change") -> None:
    """`inside`'s guard without making anything: `relative` is a plain path and its folder,
    as far as it exists, resolves inside `root` (for a path that is only recorded now,
    as a build journal's, and written later through `inside` or atomically)."""
    parts = _plain_parts(root, relative, verb)
    real_root = os.path.realpath(root)
    real_folder = os.path.realpath(root.joinpath(*parts[:-1]))
    if real_folder != real_root and not real_folder.startswith(real_root + os.sep):
        raise OutsideOutput(f"{root}: refusing to {verb} {relative!r}: it leads out of the output")


def _plain_parts(root: Path, relative: str | Path, verb: str = "write") -> list[str]:
    text = relative.as_posix() if isinstance(relative, Path) else relative
    parts = text.split("/")
    if (
        not text
        or text.startswith("/")
        or "\\" in text
        or "\0" in text
        or any(part in ("", ".", "..") for part in parts)
    ):
        raise OutsideOutput(f"{root}: refusing to {verb} {text!r}: not a plain path inside it")
    return parts


def _real_folder(folder: Path) -> bool:
    """True if `folder` is now a folder of its own (made here, or one that is not a
    symbolic link): inside a resolved parent it resolves to parent/name."""
    try:
        folder.mkdir()
        return True
    except FileExistsError:
        return stat.S_ISDIR(folder.lstat().st_mode)
    except OSError:
        return False  # its parent is not a folder, or no right to make it: checked in full


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
