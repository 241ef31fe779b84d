"""Writing output so that nothing half-written is ever served: whole folders are
built beside their target and swapped in; single files are replaced atomically.

Nothing is lost either: one build per output at a time (a lock file beside it),
an output is replaced only if an earlier build made it (a marker file inside it),
and a temporary folder is removed only when the process that made it is gone."""

from __future__ import annotations

import contextlib
import ctypes
import os
import shutil
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path

from generator.errors import ContentError, ContentErrors, Position
from generator.routes import (
    NO_JEKYLL,
    NOT_FOUND_FILE,
    OUTPUT_MARKER,
    SITEMAP_FILE,
    STATIC_FOLDER,
    TEMP_PREFIX,
)

try:
    import fcntl
except ImportError:  # Windows has no flock: builds there are not locked
    fcntl = None  # type: ignore[assignment]

BACKUP_SUFFIXES = ("~", ".swp", ".swo", ".swx", ".tmp", ".bak", ".orig", ".rej", "#")
MARKER_TEXT = "This folder was made by `briefing build`, which replaces it on every build.\n"


class OutputError(Exception):
    """The output cannot be written; the message names the path and the cause."""


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


def describe_fault(exc: OSError, fallback: Path) -> str:
    """'path: cause' for a failed write: disk full, read-only, a file in the way..."""
    return f"{exc.filename or fallback}: cannot write: {exc.strerror or exc}"


@contextlib.contextmanager
def build_lock(target: Path, on_wait: Callable[[], None] = lambda: None) -> Iterator[None]:
    """Hold the lock of one output folder; if another build holds it, call `on_wait`
    and wait for it. The lock is an flock on a file beside the output, so it dies
    with its process; the holder removes the file when it is done."""
    parent = target.parent
    if parent.exists() and not parent.is_dir():
        raise OutputError(f"{target}: cannot build here: {parent} is a file, not a folder")
    lock_path = parent / f"{TEMP_PREFIX}lock-{target.name}"
    try:
        parent.mkdir(parents=True, exist_ok=True)
        handle = _acquire(lock_path, on_wait)
    except OSError as exc:
        raise OutputError(describe_fault(exc, target)) from None
    try:
        yield
    finally:
        lock_path.unlink(missing_ok=True)  # while still holding it: see _acquire
        os.close(handle)


def _acquire(lock_path: Path, on_wait: Callable[[], None]) -> int:
    """Open and flock the lock file, retrying if its holder removed it meanwhile
    (then we hold a lock on a file nobody else will open)."""
    waited = False
    while True:
        handle = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        if fcntl is None:
            return handle
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if not waited:
                on_wait()
                waited = True
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            if os.stat(lock_path).st_ino == os.fstat(handle).st_ino:
                return handle
        except FileNotFoundError:
            pass
        os.close(handle)


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
    site moved aside but not yet replaced, and remove its temporary folders. Only
    folders whose process is gone: another build may still be filling its own."""
    stale = [
        folder
        for kind in ("new", "old")
        for folder in sorted(output_dir.parent.glob(f"{TEMP_PREFIX}{kind}-{output_dir.name}-*"))
        if folder.is_dir() and not _owner_alive(folder)
    ]
    if not output_dir.exists():
        old = [p for p in stale if p.name.startswith(f"{TEMP_PREFIX}old-")]
        if old:
            os.replace(old[0], output_dir)
            stale.remove(old[0])
    for folder in stale:
        shutil.rmtree(folder, ignore_errors=True)


def _owner_alive(folder: Path) -> bool:
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


def static_files(static_dir: Path) -> list[Path]:
    """The theme's static files to publish, relative to `static_dir`: regular files
    only, no hidden, backup or editor files (.env, .git/, x~, .x.swp, #x#), and no
    symbolic link that leads out of the theme (a link to /etc/passwd is an error)."""
    if not static_dir.is_dir():
        return []
    theme = static_dir.parent.resolve()
    found, errors = [], []
    for folder, subfolders, names in os.walk(static_dir):
        subfolders[:] = sorted(d for d in subfolders if _publishable(Path(folder, d)))
        for name in sorted(names):
            path = Path(folder, name)
            if not _publishable(path):
                continue
            if path.is_symlink() and not path.resolve().is_relative_to(theme):
                message = f"symbolic link to {os.readlink(path)} leads out of the theme"
                errors.append(ContentError(Position(path), message, "copy the file in instead"))
            elif path.is_file():
                found.append(path.relative_to(static_dir))
    if errors:
        raise ContentErrors(errors)
    return found


def _publishable(path: Path) -> bool:
    """Not hidden, not an editor's swap or backup file, not a linked folder."""
    name = path.name
    if name.startswith((".", "#", "~")) or name.endswith(BACKUP_SUFFIXES):
        return False
    return not (path.is_dir() and path.is_symlink())


def copy_static(files: Mapping[str, Path], directory: Path) -> None:
    """Copy static files (path below static/ -> source file) into directory/static/."""
    for relative, source in files.items():
        shutil.copyfile(source, inside(directory, f"{STATIC_FOLDER}/{Path(relative).as_posix()}"))


def link_tree(source: Path, target: Path, skipped: tuple[str, ...] = ()) -> None:
    """Fill `target` with hard links to every file of `source` but those under the
    `skipped` folders (relative to source): a copy of the site that costs no bytes.
    Files in it must then be replaced (write_atomic), never rewritten in place, or the
    linked original would change too."""
    for directory, folders, names in os.walk(source):
        if directory == str(source):
            folders[:] = [name for name in folders if name not in skipped]
        into = target / os.path.relpath(directory, source)
        into.mkdir(parents=True, exist_ok=True)
        for name in names:
            try:
                os.link(os.path.join(directory, name), into / name)
            except OSError:  # a file system without hard links
                shutil.copy2(os.path.join(directory, name), into / name)


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


def sync_static(files: Mapping[str, Path], target: Path) -> None:
    """Make target hold exactly these static files, changing only files that differ."""
    wanted = {Path(relative): source for relative, source in files.items()}
    for relative, source in sorted(wanted.items()):
        data = source.read_bytes()
        existing = inside(target, relative)
        if not existing.is_file() or existing.read_bytes() != data:
            write_atomic(existing, data)
    for present in list(target.rglob("*")):
        if present.is_file() and present.relative_to(target) not in wanted:
            present.unlink()
