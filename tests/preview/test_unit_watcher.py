"""preview.watcher: an event on a content file sets the flag (not a swap, backup or hidden
file, nor anything in the ignored output); the observer reports itself unhealthy when a
watched folder is replaced or appears, and a restart watches it again."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from watchdog.events import (
    DirModifiedEvent,
    FileClosedNoWriteEvent,
    FileCreatedEvent,
    FileMovedEvent,
    FileOpenedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)

from generator.preview.watcher import ChangeWatcher, Watcher


def sets_flag(tmp_path: Path, event: FileSystemEvent) -> bool:
    changed = threading.Event()
    ChangeWatcher(changed, ignore=tmp_path / "site").on_any_event(event)
    return changed.is_set()


def test_a_change_to_a_content_file_sets_the_flag(tmp_path: Path) -> None:
    assert sets_flag(tmp_path, FileCreatedEvent(str(tmp_path / "content/articles/a.md")))


@pytest.mark.parametrize("name", [".a.md.swp", "a.md~", "#a.md#", ".hidden.yaml", "x.tmp"])
def test_editor_and_hidden_files_are_not_changes(tmp_path: Path, name: str) -> None:
    assert not sets_flag(tmp_path, FileCreatedEvent(str(tmp_path / "content" / name)))


def test_the_output_opening_and_folder_touches_are_not_changes(tmp_path: Path) -> None:
    assert not sets_flag(tmp_path, FileCreatedEvent(str(tmp_path / "site/index.html")))
    assert not sets_flag(tmp_path, FileOpenedEvent(str(tmp_path / "content/a.md")))
    assert not sets_flag(tmp_path, FileClosedNoWriteEvent(str(tmp_path / "content/a.md")))
    assert not sets_flag(tmp_path, DirModifiedEvent(str(tmp_path / "content")))


def test_a_rename_counts_by_either_end(tmp_path: Path) -> None:
    saved = FileMovedEvent(str(tmp_path / "content/.a.md.tmp"), str(tmp_path / "content/a.md"))
    assert sets_flag(tmp_path, saved)  # how editors save: a temporary file renamed


@pytest.fixture
def watched(tmp_path: Path) -> Iterator[tuple[Watcher, list[str]]]:
    (tmp_path / "content").mkdir()
    reports: list[str] = []
    folders = [tmp_path / "content", tmp_path / "theme"]  # no theme folder: not watched
    watcher = Watcher(folders, FileSystemEventHandler(), reports.append)
    yield watcher, reports
    watcher.stop()
    watcher.join(timeout=2)


def test_a_started_watcher_is_healthy_until_a_folder_is_replaced(
    tmp_path: Path, watched: tuple[Watcher, list[str]]
) -> None:
    watcher, reports = watched
    assert not watcher.healthy()  # not started
    watcher.start()
    assert watcher.healthy() and reports == []
    (tmp_path / "content").rename(tmp_path / "old")
    (tmp_path / "content").mkdir()
    assert not watcher.healthy()
    watcher.restart()
    assert watcher.healthy()


def test_a_folder_that_appears_makes_it_unhealthy(
    tmp_path: Path, watched: tuple[Watcher, list[str]]
) -> None:
    watcher, _ = watched
    watcher.start()
    (tmp_path / "theme").mkdir()
    assert not watcher.healthy()
    watcher.restart()
    assert watcher.healthy()
