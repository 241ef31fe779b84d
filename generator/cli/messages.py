"""What every command prints the same way: warnings, counts, the error report, the exit codes."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from generator.errors import ContentError, ContentErrors
from generator.terminal import printable

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2


def print_warnings(warnings: Sequence[ContentError], verbosity: int = 0) -> None:
    if verbosity < 0:
        return
    for warning in warnings:
        print(printable(str(warning)), file=sys.stderr)


def amount(number: int, noun: str, plural: str = "") -> str:
    """'1 article', '2 articles', '0 entities'."""
    return f"{number} {noun if number == 1 else plural or noun + 's'}"


def nonzero_amount(number: int, noun: str, prefix: str = "") -> str:
    if not number:
        return ""
    return f"{prefix}{number} {noun}{'' if number == 1 else 's'}"


def report_errors(exc: ContentErrors) -> int:
    for error in exc.errors:
        print(printable(str(error)), file=sys.stderr)
    count = sum(1 for error in exc.errors if error.severity == "error")
    print(f"{nonzero_amount(count, 'error')}; nothing was written", file=sys.stderr)
    return EXIT_ERRORS
