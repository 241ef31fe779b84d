"""output.faults: a failed write is one line, 'path: cannot write: cause', naming the file
the system names, else the folder the build was writing."""

from __future__ import annotations

import errno
from pathlib import Path

from generator.output.faults import describe_fault


def test_the_failing_file_and_the_cause_are_named() -> None:
    full = OSError(errno.ENOSPC, "No space left on device", "site/index.html")
    assert describe_fault(full, Path("site")) == (
        "site/index.html: cannot write: No space left on device"
    )


def test_without_a_file_name_the_fallback_is_named() -> None:
    fault = OSError(errno.EROFS, "Read-only file system")
    assert describe_fault(fault, Path("site")) == "site: cannot write: Read-only file system"


def test_without_a_cause_the_error_itself_is_said() -> None:
    assert describe_fault(OSError("odd"), Path("out")) == "out: cannot write: odd"
