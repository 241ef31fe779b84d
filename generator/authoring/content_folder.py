"""A new content file, as `new` and `import` write it: whole or not at all."""

from __future__ import annotations

import os
from pathlib import Path

from generator.authoring.problems import file_errors


def write_whole(path: Path, text: str, replace: bool) -> None:
    """Write whole or not at all: a hidden temporary file (never read as content), renamed."""
    temp = path.with_name(f".{path.name}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temp.write_text(text, encoding="utf-8", newline="\n")
        if path.exists() and not replace:
            raise FileExistsError(17, "the file appeared while importing")
        os.replace(temp, path)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise file_errors(path, f"cannot write the file: {exc.strerror}") from None
