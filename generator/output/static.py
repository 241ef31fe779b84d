"""The theme's static files: which are published (no hidden, backup or editor file, no
link out of the theme), copied or kept in step."""

from __future__ import annotations

import os
import shutil
from collections.abc import Mapping
from pathlib import Path

from generator.errors import ContentError, ContentErrors, Position
from generator.output.files import inside, write_atomic
from generator.routes import STATIC_FOLDER

BACKUP_SUFFIXES = ("~", ".swp", ".swo", ".swx", ".tmp", ".bak", ".orig", ".rej", "#")


def static_files(static_dir: Path) -> list[Path]:
    """The theme's static files to publish, relative to `static_dir`: regular files
    only, no hidden, backup or editor files (.env, .git/, x~, .x.swp, #x#), and no
    symbolic link that leads out of the theme (a link to /etc/passwd is an error)."""
    if not static_dir.is_dir():
        return []
    theme = static_dir.parent.resolve()
    found, errors = [], []
    for folder, subfolders, names in os.walk(static_dir):
        subfolders[:] = sorted(d for d in subfolders if _publishable(Path(folder, d)))
        for name in sorted(names):
            path = Path(folder, name)
            if not _publishable(path):
                continue
            if path.is_symlink() and not path.resolve().is_relative_to(theme):
                message = f"symbolic link to {os.readlink(path)} leads out of the theme"
                errors.append(ContentError(Position(path), message, "copy the file in instead"))
            elif path.is_file():
                found.append(path.relative_to(static_dir))
    if errors:
        raise ContentErrors(errors)
    return found


def _publishable(path: Path) -> bool:
    """Not hidden, not an editor's swap or backup file, not a linked folder."""
    name = path.name
    if name.startswith((".", "#", "~")) or name.endswith(BACKUP_SUFFIXES):
        return False
    return not (path.is_dir() and path.is_symlink())


def copy_static(files: Mapping[str, Path], directory: Path) -> None:
    """Copy static files (path below static/ -> source file) into directory/static/."""
    for relative, source in files.items():
        shutil.copyfile(source, inside(directory, f"{STATIC_FOLDER}/{Path(relative).as_posix()}"))


def sync_static(files: Mapping[str, Path], target: Path) -> None:
    """Make target hold exactly these static files, changing only files that differ."""
    wanted = {Path(relative): source for relative, source in files.items()}
    for relative, source in sorted(wanted.items()):
        data = source.read_bytes()
        existing = inside(target, relative)
        if not existing.is_file() or existing.read_bytes() != data:
            write_atomic(existing, data)
    for present in list(target.rglob("*")):
        if present.is_file() and present.relative_to(target) not in wanted:
            present.unlink()
