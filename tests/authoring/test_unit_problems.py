"""authoring.problems: the errors of `new` and `import` name the option or the file they are
about; problems elsewhere in the content folder are turned into warnings."""

from __future__ import annotations

from pathlib import Path

from generator.authoring.problems import as_warning, file_error, file_errors, option_error
from generator.errors import ContentError, Position


def test_an_option_error_names_the_option_as_its_place() -> None:
    error = option_error("--date", "not a date", "write it as 2025-11-20")
    assert str(error) == "--date: error: not a date (write it as 2025-11-20)"


def test_a_file_error_names_the_file_and_is_raised_as_one_error() -> None:
    origin = Path("pasted.txt")
    assert file_error(origin, "empty") == ContentError(Position(origin), "empty")
    raised = file_errors(origin, "empty", "paste an article")
    assert [str(e) for e in raised.errors] == ["pasted.txt: error: empty (paste an article)"]


def test_a_warning_keeps_everything_but_the_severity() -> None:
    error = ContentError(Position(Path("topics.yaml"), 3, 5), "unknown topic", "did you mean x?")
    warning = as_warning(error)
    assert warning.severity == "warning" and error.severity == "error"
    assert (warning.position, warning.message, warning.hint) == (
        error.position,
        error.message,
        error.hint,
    )
    assert str(warning) == "topics.yaml:3:5: warning: unknown topic (did you mean x?)"
