"""Watching the input folders: watchdog's events on content files set a flag, and the
observer can be checked and restarted when its threads die or a folder is replaced."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver

from generator.content.fingerprints import is_content_file


class ChangeWatcher(FileSystemEventHandler):
    """Sets `changed` for any event on a content file (not swap, backup or hidden files)."""

    def __init__(self, changed: threading.Event, ignore: Path) -> None:
        self.changed = changed
        self.ignore = ignore.resolve()

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.is_directory and event.event_type in ("modified", "opened", "closed"):
            return
        if event.event_type in ("opened", "closed_no_write"):
            return
        paths = [event.src_path, getattr(event, "dest_path", "")]
        if any(self._relevant(Path(str(p))) for p in paths if p):
            self.changed.set()

    def _relevant(self, path: Path) -> bool:
        return is_content_file(path) and not path.resolve().is_relative_to(self.ignore)


class Watcher:
    """The watchdog observer of the input folders, which can be checked and restarted:
    its threads die on a symbolic link loop, and a folder replaced or created after the
    start is not watched. A failure to watch is reported, and the preview goes on (its
    periodic scan still sees every change)."""

    def __init__(
        self,
        folders: Iterable[Path],
        handler: FileSystemEventHandler,
        report: Callable[[str], None],  # told a failure, as text
    ) -> None:
        self.folders = tuple(folders)
        self.handler = handler
        self.report = report  # told a failure, as text: the terminal and the tabs show it
        self.observer: BaseObserver | None = None
        self.watched: dict[Path, tuple[int, int] | None] = {}

    def start(self) -> None:
        self.observer = Observer()
        self.watched = {folder: _identity(folder) for folder in self.folders}
        for folder, identity in self.watched.items():
            if identity is None:  # not there (yet): a site without its own theme
                continue
            try:
                self.observer.schedule(self.handler, str(folder), recursive=True)
            except (OSError, RuntimeError) as exc:
                self.report(f"warning: cannot watch {folder}: {exc}; checking it every second")
        try:
            self.observer.start()
        except (OSError, RuntimeError) as exc:
            self.report(f"warning: cannot watch for changes: {exc}; checking every second")

    def healthy(self) -> bool:
        observer = self.observer
        if observer is None or not observer.is_alive():
            return False
        if any(not emitter.is_alive() for emitter in list(observer.emitters)):
            return False
        return all(_identity(folder) == known for folder, known in self.watched.items())

    def restart(self) -> None:
        self.stop()
        self.join(timeout=2)
        self.start()

    def stop(self) -> None:
        if self.observer is not None:
            with contextlib.suppress(Exception):  # an observer whose thread died
                self.observer.stop()

    def join(self, timeout: float | None = None) -> None:
        if self.observer is not None and self.observer.is_alive():
            self.observer.join(timeout=timeout)


def _identity(folder: Path) -> tuple[int, int] | None:
    try:
        info = folder.stat()
    except OSError:
        return None
    return (info.st_dev, info.st_ino)
