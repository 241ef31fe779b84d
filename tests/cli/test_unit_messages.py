"""cli.messages: what every command prints the same way: counted nouns, warnings (none when
quiet, control characters escaped), and the error report with its exit code."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli.messages import (
    EXIT_ERRORS,
    amount,
    nonzero_amount,
    print_warnings,
    report_errors,
)
from generator.errors import ContentError, ContentErrors, Position

WARNING = ContentError(Position(Path("a.md"), 2), "odd \x1b[31mred", severity="warning")
ERROR = ContentError(Position(Path("b.md"), 1), "broken")


def test_amounts_are_counted_nouns() -> None:
    assert [amount(0, "article"), amount(1, "article"), amount(2, "article")] == [
        "0 articles",
        "1 article",
        "2 articles",
    ]
    assert amount(3, "entity", "entities") == "3 entities"
    assert nonzero_amount(0, "error") == ""
    assert nonzero_amount(1, "error", ", ") == ", 1 error"
    assert nonzero_amount(4, "error") == "4 errors"


def test_warnings_go_to_stderr_escaped_and_not_when_quiet(
    capsys: pytest.CaptureFixture[str],
) -> None:
    print_warnings([WARNING])
    assert capsys.readouterr().err == "a.md:2: warning: odd \\x1b[31mred\n"
    print_warnings([WARNING], verbosity=-1)
    assert capsys.readouterr().err == ""


def test_errors_are_reported_with_their_count_and_exit_1(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert report_errors(ContentErrors([ERROR, WARNING, ERROR])) == EXIT_ERRORS == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [
        "a.md:2: warning: odd \\x1b[31mred",
        "b.md:1: error: broken",
        "b.md:1: error: broken",
        "2 errors; nothing was written",
    ]
