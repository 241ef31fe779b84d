"""When the output cannot be written: the error, and its one-line message (path: cause)."""

from __future__ import annotations

from pathlib import Path


class OutputError(Exception):
    """The output cannot be written; the message names the path and the cause."""


def describe_fault(exc: OSError, fallback: Path) -> str:
    """'path: cause' for a failed write: disk full, read-only, a file in the way..."""
    return f"{exc.filename or fallback}: cannot write: {exc.strerror or exc}"
