"""Write a build into a temporary folder beside the output, then swap it into place."""

from __future__ import annotations

import os
import shutil
from collections.abc import Mapping
from pathlib import Path

from .urls import output_file

TEMP_PREFIX = ".site-"


def clean_stale(output_dir: Path) -> None:
    """Remove temporary folders left by a build that was killed midway."""
    for stale in output_dir.parent.glob(f"{TEMP_PREFIX}*"):
        if stale.is_dir():
            shutil.rmtree(stale, ignore_errors=True)


def new_temp_dir(output_dir: Path) -> Path:
    output_dir.parent.mkdir(parents=True, exist_ok=True)
    temp = output_dir.parent / f"{TEMP_PREFIX}build-{os.getpid()}"
    if temp.exists():
        shutil.rmtree(temp)
    temp.mkdir()
    return temp


def write_pages(html_by_path: Mapping[str, str], directory: Path) -> None:
    for page_path, html in html_by_path.items():
        target = directory / output_file(page_path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8", newline="\n")


def copy_static(static_dir: Path, directory: Path) -> None:
    if static_dir.is_dir():
        shutil.copytree(static_dir, directory / "static")


def write_file(directory: Path, name: str, text: str) -> None:
    (directory / name).write_text(text, encoding="utf-8", newline="\n")


def swap_into_place(temp: Path, output_dir: Path) -> None:
    """Replace output_dir with temp; each step is a rename within one folder."""
    old = output_dir.parent / f"{TEMP_PREFIX}old-{os.getpid()}"
    if output_dir.exists():
        os.replace(output_dir, old)
    os.replace(temp, output_dir)
    if old.exists():
        shutil.rmtree(old, ignore_errors=True)


def discard(temp: Path) -> None:
    shutil.rmtree(temp, ignore_errors=True)
