"""What an import reads: files, every visible regular file below a folder (no symbolic
link out of it), or stdin; each read whole, or the reason it could not be."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.content.fingerprints import is_content_file, link_out

STDIN = Path("<stdin>")


@dataclass(frozen=True, slots=True)
class Input:
    origin: Path  # the file, or <stdin>
    data: bytes | None = None  # None when it could not be read: see `problem`
    problem: str = ""
    warning: bool = False  # the problem is a file left out on purpose, not a failure


def read_inputs(names: Sequence[str], stdin: bytes | None = None) -> list[Input]:
    """Files, folders (every visible regular file below, sorted) and '-' for stdin."""
    inputs: list[Input] = []
    for name in names:
        if name == "-":
            inputs.append(Input(STDIN, stdin or b""))
            continue
        path = Path(name)
        if path.is_dir():
            inputs.extend(_read_inside(p, path) for p in _files_below(path))
        else:
            inputs.append(_read(path))
    return inputs


def _files_below(folder: Path) -> list[Path]:
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [Path(root, name) for name in files if is_content_file(Path(name))]
    return sorted(found)


def _read_inside(path: Path, folder: Path) -> Input:
    """A file found in a folder, unless it is a symbolic link out of it (or nowhere)."""
    problem = link_out(path, folder)
    if problem:
        return Input(path, problem=f"skipped: it is {problem}", warning=True)
    return _read(path)


def _read(path: Path) -> Input:
    if not path.exists():
        return Input(path, problem="no such file or folder")
    if not path.is_file():
        return Input(path, problem="not a regular file")
    try:
        return Input(path, path.read_bytes())
    except OSError as exc:
        return Input(path, problem=f"cannot read the file: {exc.strerror}")
