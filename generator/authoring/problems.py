"""The errors of `new` and `import`: about a command-line option, or about the text from
`origin`; and problems elsewhere in the content folder, which are warnings only."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from generator.errors import ContentError, ContentErrors, Position


def as_warning(error: ContentError) -> ContentError:
    return replace(error, severity="warning")


def option_error(option: str, message: str, hint: str = "") -> ContentError:
    return ContentError(Position(Path(option)), message, hint)


def file_error(origin: Path, message: str, hint: str = "") -> ContentError:
    return ContentError(Position(origin), message, hint)


def file_errors(origin: Path, message: str, hint: str = "") -> ContentErrors:
    return ContentErrors([file_error(origin, message, hint)])
