"""Writing output so that nothing half-written is ever served: whole folders are
built beside their target and swapped in; single files are replaced atomically."""

from __future__ import annotations

import ctypes
import os
import shutil
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

TEMP_PREFIX = ".site-"


def clean_stale(output_dir: Path) -> None:
    """Tidy up after a build that was killed midway: put back an old site that was
    moved aside but not yet replaced, and remove temporary folders."""
    stale = sorted(p for p in output_dir.parent.glob(f"{TEMP_PREFIX}*") if p.is_dir())
    if not output_dir.exists():
        old = [p for p in stale if p.name.startswith(f"{TEMP_PREFIX}old-{output_dir.name}-")]
        if old:
            os.replace(old[0], output_dir)
            stale.remove(old[0])
    for folder in stale:
        shutil.rmtree(folder, ignore_errors=True)


def replace_folder(target: Path, fill: Callable[[Path], None]) -> None:
    """Fill a new temporary folder beside `target`, then swap it in for `target`.
    If `fill` raises, the temporary folder is removed and `target` is untouched."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = target.parent / f"{TEMP_PREFIX}new-{target.name}-{os.getpid()}"
    old = target.parent / f"{TEMP_PREFIX}old-{target.name}-{os.getpid()}"
    for leftover in (temp, old):
        shutil.rmtree(leftover, ignore_errors=True)
    temp.mkdir()
    try:
        fill(temp)
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise
    if target.exists() and _exchange(temp, target):
        shutil.rmtree(temp, ignore_errors=True)  # it now holds the old folder
        return
    if target.exists():
        os.replace(target, old)
    os.replace(temp, target)
    shutil.rmtree(old, ignore_errors=True)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two folders in one atomic step (Linux renameat2 RENAME_EXCHANGE), so a
    reader, or a build killed at any moment, sees the old folder or the new one."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    result = renameat2(at_fdcwd, os.fsencode(first), at_fdcwd, os.fsencode(second), rename_exchange)
    return result == 0


def copy_static(files: Mapping[str, Path], directory: Path) -> None:
    """Copy static files (path below static/ -> source file) into directory/static/."""
    for relative, source in files.items():
        target = directory / "static" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)


def write_file(directory: Path, name: str, text: str) -> None:
    (directory / name).write_bytes(text.encode("utf-8"))


def write_atomic(target: Path, data: bytes) -> None:
    """Replace one file so a reader sees the old content or the new, never a mix."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = target.with_name(f".{target.name}.tmp-{os.getpid()}")
    temp.write_bytes(data)
    os.replace(temp, target)


def remove_page(output_dir: Path, relative: str) -> None:
    """Delete a page's file and the folders it leaves empty."""
    target = output_dir / relative
    target.unlink(missing_ok=True)
    folder = target.parent
    while folder != output_dir and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


def sync_static(files: Mapping[str, Path], target: Path) -> None:
    """Make target hold exactly these static files, changing only files that differ."""
    wanted = {Path(relative): source for relative, source in files.items()}
    for relative, source in sorted(wanted.items()):
        data = source.read_bytes()
        existing = target / relative
        if not existing.is_file() or existing.read_bytes() != data:
            write_atomic(existing, data)
    for present in list(target.rglob("*")):
        if present.is_file() and present.relative_to(target) not in wanted:
            present.unlink()
