"""The content folder as `new` and `import` see it: loaded as far as it loads (what does
not is a problem to report, not a stop), and each new file written whole or not at all."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from generator.authoring.problems import file_errors
from generator.content.load import RawContent, article_paths, load_article, load_yaml_file
from generator.content.yamlpos import Located
from generator.errors import ContentError, ContentErrors
from generator.routes import YAML_FILES


def load_tolerantly(content_dir: Path) -> tuple[RawContent, list[ContentError]]:
    """Everything in the content folder that loads; what does not is a problem returned."""
    problems: list[ContentError] = []

    def attempt(loader: Callable[[Path], Any], path: Path, fallback: Any) -> Any:
        try:
            return loader(path)
        except ContentErrors as exc:
            problems.extend(exc.errors)
            return fallback

    docs = {
        name: attempt(load_yaml_file, path, Located(None, path))
        for name, file in YAML_FILES.items()
        if (path := content_dir / file)
    }
    articles = [attempt(load_article, path, None) for path in article_paths(content_dir)]
    raw = RawContent(articles=tuple(a for a in articles if a is not None), **docs)
    return raw, problems


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
