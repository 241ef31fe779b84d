"""The command lines the benchmarks run."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
THEME = ROOT / "themes" / "default"


def briefing(command: str, content: Path, output: Path, *extra: str) -> list[str]:
    """`python -m generator COMMAND` on a content folder, the default theme and an output."""
    return [
        sys.executable,
        "-m",
        "generator",
        command,
        "--content",
        str(content),
        "--theme",
        str(THEME),
        "--output",
        str(output),
        *extra,
    ]
