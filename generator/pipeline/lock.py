"""The output's lock, taken at most once per build.

A build holds the lock of its output folder (`output.build_lock`: one build of an output
at a time, across processes) from the first moment it reads or writes that folder until
it ends: what the warm start saw of the output is then what the write replaces, and the
cache saved at the end describes the output this build left. The lock is taken lazily so a
build that fails on its content before it touches the output creates nothing beside it."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path

from generator import output


class OutputLock:
    """One output folder's lock for the builds of one `Builder`."""

    def __init__(self, output_dir: Path) -> None:
        self._output_dir = output_dir
        self._held: contextlib.ExitStack | None = None  # open while a build runs
        self._taken = False

    @contextlib.contextmanager
    def during_build(self) -> Iterator[None]:
        """Release the lock, if it was taken, when the outermost build ends."""
        if self._held is not None:  # within a build already (build() inside `build(options)`)
            yield
            return
        with contextlib.ExitStack() as held:
            self._held, self._taken = held, False
            try:
                yield
            finally:
                self._held, self._taken = None, False

    def take(self) -> None:
        """Hold the lock from now until the build ends (waiting for another build first)."""
        if self._held is None:
            raise RuntimeError("the output lock is taken within a build")
        if not self._taken:
            self._held.enter_context(output.build_lock(self._output_dir, self._say_waiting))
            self._taken = True

    def _say_waiting(self) -> None:
        folder = self._output_dir
        print(f"waiting for another build of {folder}/ to finish...", file=sys.stderr, flush=True)
