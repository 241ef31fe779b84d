"""One build per output at a time: a lock file beside the output, flocked, so the lock
dies with its process."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path

from generator.output.faults import OutputError, describe_fault

try:
    import fcntl
except ImportError:  # Windows has no flock: builds there are not locked
    fcntl = None  # type: ignore[assignment]

from generator.routes import TEMP_PREFIX


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
