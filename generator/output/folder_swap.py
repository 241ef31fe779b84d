"""A whole output folder replaced at once: built beside its target and swapped in, only if
an earlier build made the target (a marker file inside it); the temporary folders of a
build that was killed are tidied up once their process is gone."""

from __future__ import annotations

import ctypes
import os
import shutil
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

from generator.output.faults import OutputError, describe_fault
from generator.routes import (
    NO_JEKYLL,
    NOT_FOUND_FILE,
    OUTPUT_MARKER,
    SITEMAP_FILE,
    TEMP_PREFIX,
)

MARKER_TEXT = "This folder was made by `briefing build`, which replaces it on every build.\n"


def publish(target: Path, fill: Callable[[Path], None], protected: Iterable[Path]) -> None:
    """Build a whole new output with `fill` and swap it in, if `target` is safe to replace;
    the caller holds its `build_lock`. Any failure leaves `target` as it was and raises
    OutputError (or fill's own error)."""

    def fill_and_mark(temp: Path) -> None:
        fill(temp)
        mark_owned(temp)

    check_output(target, protected)
    try:
        clean_stale(target)
        replace_folder(target, fill_and_mark)
    except OSError as exc:
        raise OutputError(describe_fault(exc, target)) from None


def check_output(target: Path, protected: Iterable[Path]) -> None:
    """Raise OutputError unless `target` may be replaced by a new site: it must not
    be a file, hold (or be) a protected folder (content, theme, the project) or a git
    work tree, and if it is a non-empty folder an earlier build must have made it."""
    resolved = target.resolve()
    if target.exists() and not target.is_dir():
        raise OutputError(f"{target}: the output is a file, not a folder; choose a folder")
    for folder in protected:
        inner = folder.resolve()
        if inner == resolved or inner.is_relative_to(resolved):
            raise OutputError(
                f"{target}: refusing to replace the output: it holds {folder}; "
                "choose another --output, such as 'site'"
            )
    if not target.is_dir() or not any(target.iterdir()):
        return
    if (target / ".git").exists():
        raise OutputError(f"{target}: refusing to replace a git work tree; choose another --output")
    if not _made_by_a_build(target):
        raise OutputError(
            f"{target}: refusing to replace a folder that briefing did not make "
            f"(no {OUTPUT_MARKER} in it); empty or remove it, or choose another --output"
        )


def _made_by_a_build(folder: Path) -> bool:
    """The marker, or what builds made before there was one."""
    made_before = (NO_JEKYLL, NOT_FOUND_FILE, SITEMAP_FILE)
    marked = (folder / OUTPUT_MARKER).is_file()
    return marked or all((folder / name).is_file() for name in made_before)


def mark_owned(folder: Path) -> None:
    (folder / OUTPUT_MARKER).write_text(MARKER_TEXT, encoding="utf-8")


def clean_stale(output_dir: Path) -> None:
    """Tidy up after a build of `output_dir` that was killed midway: put back an old
    site moved aside but not yet replaced, and remove its temporary folders (and the
    journal of one that changed it in place: the whole folder is replaced now). Only
    folders whose process is gone: another build may still be filling its own."""
    stale = [
        folder
        for kind in ("new", "old", "journal")
        for folder in sorted(output_dir.parent.glob(f"{TEMP_PREFIX}{kind}-{output_dir.name}-*"))
        if folder.is_dir() and not owner_alive(folder)
    ]
    if not output_dir.exists():
        old = [p for p in stale if p.name.startswith(f"{TEMP_PREFIX}old-")]
        if old:
            os.replace(old[0], output_dir)
            stale.remove(old[0])
    for folder in stale:
        shutil.rmtree(folder, ignore_errors=True)


def owner_alive(folder: Path) -> bool:
    """Whether the process whose id ends the folder's name still runs."""
    pid = folder.name.rsplit("-", 1)[-1]
    if not pid.isdigit():
        return False
    if int(pid) == os.getpid():
        return False
    try:
        os.kill(int(pid), 0)
    except (ProcessLookupError, OverflowError):
        return False
    except PermissionError:  # someone else's process
        return True
    return True


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
    first_name, second_name = os.fsencode(first), os.fsencode(second)
    result: int = renameat2(at_fdcwd, first_name, at_fdcwd, second_name, rename_exchange)
    return result == 0
