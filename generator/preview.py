"""`briefing serve`: build, serve, watch content/ and themes/, rebuild, tell the browser.

The watchdog callback only sets an event; the build loop (main thread) waits for
a quiet moment so a burst of changes gives one rebuild, then calls the same
Builder as `briefing build`. A failed rebuild keeps the last good site and sends
its errors to the open tabs; the search index catches up when edits pause."""

from __future__ import annotations

import errno
import signal
import socket
import sys
import threading
import time
import webbrowser
from dataclasses import dataclass, replace
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver

from .build import Builder, BuildOptions, BuildReport
from .errors import ContentErrors
from .load import is_content_file
from .output import OutputError
from .routes import Routes
from .search import SearchIndexError
from .serve import Broadcaster, PreviewServer, make_server

QUIET_SECONDS = 0.04  # a burst of file events ends after this long without one
MAX_DEBOUNCE_SECONDS = 0.5
SEARCH_IDLE_SECONDS = 1.0  # re-index search once edits pause this long
SLOW_REBUILD_FACTOR = 5.0  # a rebuild this many times slower than the full build is reported


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


class Preview:
    def __init__(self, options: BuildOptions, broadcaster: Broadcaster | None = None) -> None:
        options = replace(options, workers=1)  # no fork() in a process that runs threads
        self.options = options
        self.builder = Builder(options)
        self.broadcaster = broadcaster or Broadcaster()
        self.changed = threading.Event()
        self.base_path = "/"
        self.full_seconds: float | None = None  # how long the first, full build took
        self._stop = threading.Event()

    def rebuild(self) -> BuildReport | None:
        """One build through the shared Builder; errors go to the terminal and the browser."""
        try:
            report = self.builder.build()
        except ContentErrors as exc:
            messages = [str(error) for error in exc.errors]
            print("\n".join(messages), file=sys.stderr)
            self.broadcaster.failed(messages)
            return None
        except (SearchIndexError, OutputError, OSError) as exc:
            return self._failed(f"error: {exc}")
        except Exception as exc:  # a bug or a limit we missed must not stop the preview
            return self._failed(f"error: the build failed: {type(exc).__name__}: {exc}")
        self._note_if_slow(report)
        self.base_path = report.base_path
        links = Routes("/", report.base_path)
        self.broadcaster.built([links.link(path) for path in report.written + report.deleted])
        return report

    def _failed(self, message: str) -> None:
        message = message[:2000]
        print(message, file=sys.stderr)
        self.broadcaster.failed([message])

    def _note_if_slow(self, report: BuildReport) -> None:
        """A rebuild should take a fraction of a full build; far longer is news."""
        if report.full or self.full_seconds is None:
            self.full_seconds = max(report.seconds, self.full_seconds or 0.0)
        elif report.seconds > SLOW_REBUILD_FACTOR * max(self.full_seconds, 0.5):
            print(
                f"note: that rebuild took {report.seconds:.1f} s, "
                f"{report.seconds / max(self.full_seconds, 0.001):.0f} times the full build",
                file=sys.stderr,
            )

    def watch(self) -> BaseObserver:
        observer = Observer()
        handler = ChangeWatcher(self.changed, self.options.output_dir)
        for directory in (self.options.content_dir, self.options.theme_dir):
            if directory.is_dir():  # a site without its own theme uses the packaged one
                observer.schedule(handler, str(directory), recursive=True)
        observer.start()
        return observer

    def run_loop(self) -> None:
        """Rebuild after each burst of changes; refresh search once things are quiet."""
        last_build = time.monotonic()
        while not self._stop.is_set():
            if self.changed.wait(0.2):
                self._debounce()
                report = self.rebuild()
                last_build = time.monotonic()
                if report is not None and report.written + report.deleted:
                    print(
                        f"rebuilt: {len(report.rendered)} rendered, {len(report.written)} written, "
                        f"{len(report.deleted)} removed in {report.seconds * 1000:.0f} ms"
                    )
            elif self.builder.search_stale and time.monotonic() - last_build > SEARCH_IDLE_SECONDS:
                try:
                    self.builder.refresh_search()
                except (SearchIndexError, OutputError, OSError) as exc:
                    print(f"error: search index: {exc}", file=sys.stderr)
                    self.builder.search_stale = False

    def stop(self) -> None:
        self._stop.set()
        self.broadcaster.stop()

    def _debounce(self) -> None:
        started = time.monotonic()
        while True:
            self.changed.clear()
            if not self.changed.wait(QUIET_SECONDS):
                return
            if time.monotonic() - started > MAX_DEBOUNCE_SECONDS:
                self.changed.clear()
                return


class ListenError(Exception):
    """The port cannot be listened on: one line for the terminal."""


@dataclass
class Running:
    """A preview that is serving and watching; `stop()` ends it (each part in turn)."""

    preview: Preview
    server: PreviewServer
    observer: BaseObserver
    url: str

    def stop(self) -> None:
        self.preview.stop()
        self.observer.stop()
        self.server.shutdown()
        self.server.server_close()
        self.observer.join(timeout=2)


def start(options: BuildOptions, host: str, port: int, verbosity: int = 0) -> Running:
    """The first build, then the server and the watcher; `Running.preview.run_loop()`
    then rebuilds on every change. Raises ListenError when the port cannot be listened on."""
    preview = Preview(replace(options, drafts=True))  # drafts show, marked as such
    report = preview.rebuild()
    if report is not None and verbosity >= 0:
        print(f"built {report.pages} pages in {report.seconds:.2f}s")
    elif report is None and not options.output_dir.is_dir():
        print("the first build failed; fix the errors above and save", file=sys.stderr)
    try:
        server = make_server(options.output_dir, preview.base_path, host, port, preview.broadcaster)
    except OSError as exc:
        raise ListenError(_listen_error(exc, host, port)) from None
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://{host}:{server.server_address[1]}{preview.base_path}"
    return Running(preview, server, preview.watch(), url)


def serve(
    options: BuildOptions, host: str, port: int, open_browser: bool, verbosity: int = 0
) -> int:
    """Returns the exit code: 1 when the port cannot be listened on."""
    # Ctrl-C stops the preview even when whatever started it ignored SIGINT (a job started
    # in the background, a test runner's worker): Python then leaves it ignored.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        running = start(options, host, port, verbosity)
    except ListenError as exc:
        print(exc, file=sys.stderr)
        return 1
    if verbosity >= 0:
        print(f"serving {options.output_dir}/ at {running.url}  (live reload on; Ctrl-C to stop)")
    if open_browser:
        webbrowser.open(running.url)
    try:
        running.preview.run_loop()
    except KeyboardInterrupt:
        print("\nstopped")
    finally:
        running.stop()
    return 0


def _listen_error(exc: OSError, host: str, port: int) -> str:
    if exc.errno == errno.EADDRINUSE:
        return f"error: port {port} is in use: try --port 0 (any free port) or another --port"
    if exc.errno == errno.EADDRNOTAVAIL or isinstance(exc, socket.gaierror):
        return f"error: cannot listen on {host}: no such address here"
    return f"error: cannot listen on {host}:{port}: {exc.strerror or exc}"
