"""`briefing serve`: build, serve, watch content/ and themes/, rebuild, tell the browser.

The watchdog callback only sets an event; the build loop (main thread) waits for
a quiet moment so a burst of changes gives one rebuild, then calls the same
Builder as `briefing build`. A failed rebuild keeps the last good site and sends
its errors to the open tabs. The search index catches up when edits pause, made in a
thread of its own so an edit saved meanwhile is built and served at once; an edit
supersedes it (its bundle, of the pages before the edit, is dropped, and the next
pause makes another)."""

from __future__ import annotations

import errno
import gc
import signal
import socket
import sys
import threading
import time
import webbrowser
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from generator.content.fingerprints import Fingerprint, scan
from generator.errors import ContentErrors
from generator.output import OutputError
from generator.pipeline.builder import Builder, BuildOptions, BuildReport
from generator.preview.server import Broadcaster, PreviewServer, make_server
from generator.preview.watcher import ChangeWatcher, Watcher
from generator.routes import Routes
from generator.search.index import SearchIndexError
from generator.terminal import printable

QUIET_SECONDS = 0.04  # a burst of file events ends after this long without one
MAX_DEBOUNCE_SECONDS = 0.5
SEARCH_IDLE_SECONDS = 1.0  # re-index search once edits pause this long
SLOW_REBUILD_FACTOR = 5.0  # a rebuild this many times slower than the full build is reported
CHECK_SECONDS = 1.0  # how often an idle preview checks its watcher and rescans the inputs


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
        self._seen: Mapping[str, Fingerprint] = {}  # the inputs as the last build found them
        self._shown: tuple[str, ...] = ()  # the warnings (or errors) last printed
        self._building = threading.Lock()  # a build, or a search bundle swapped in
        self._generation = 0  # builds begun: a search bundle of an earlier one is dropped
        self._search: threading.Thread | None = None  # the search refresh running, if any
        self._untidy = True  # a build left garbage that no quiet moment collected yet

    def rebuild(self) -> BuildReport | None:
        """One build through the shared Builder; errors go to the terminal and the browser."""
        scanned = self.builder.scanned
        try:
            with self._building:
                self._generation += 1
                report = self.builder.build()
        except ContentErrors as exc:
            messages = [str(error) for error in exc.errors]
            self._show(tuple(messages))
            self.broadcaster.failed(messages)
            return None
        except (SearchIndexError, OutputError, OSError) as exc:
            self._failed(f"error: {exc}")
            return None
        except Exception as exc:  # a bug or a limit we missed must not stop the preview
            self._failed(f"error: the build failed: {type(exc).__name__}: {exc}")
            return None
        finally:  # what the build saw (scanned again if it failed before it looked)
            seen = self.builder.scanned
            self._seen = seen if seen is not scanned else scan(*self._inputs())
        self._show(tuple(str(warning) for warning in report.warnings), fixed=True)
        if report.altered:
            print(printable(report.altered_note()), file=sys.stderr)
        self._note_if_slow(report)
        self.base_path = report.base_path
        links = Routes("/", report.base_path)
        changed = [links.link(path) for path in report.written + report.deleted]
        self.broadcaster.built(changed, tuple(str(warning) for warning in report.warnings))
        return report

    def _inputs(self) -> tuple[Path, Path]:
        return self.options.content_dir, self.options.theme_dir

    def _show(self, messages: tuple[str, ...], fixed: bool = False) -> None:
        """Print the build's errors or warnings as `build` does, once: a save that leaves
        them as they were prints nothing again; one that clears them says so."""
        if messages == self._shown:
            return
        for message in messages:
            print(printable(message), file=sys.stderr)
        if fixed and not messages:
            print("no errors or warnings now", file=sys.stderr)
        self._shown = messages

    def _failed(self, message: str) -> None:
        message = message[:2000]
        self._shown = (message,)
        print(printable(message), file=sys.stderr)
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

    def watch(self) -> Watcher:
        folders = (self.options.content_dir, self.options.theme_dir)
        handler = ChangeWatcher(self.changed, self.options.output_dir)
        self.watcher = Watcher(folders, handler, self._failed)
        self.watcher.start()
        return self.watcher

    def _check(self) -> None:
        """What the file events may miss: a watcher that died (a symbolic link loop), a
        folder replaced (rm -rf content && cp -r ...) or created after the start (a
        theme folder), and any change at all, by a scan of the inputs' stat."""
        watcher = getattr(self, "watcher", None)
        if watcher is not None and not watcher.healthy():
            watcher.restart()
            self.changed.set()
        if scan(*self._inputs()) != self._seen:
            self.changed.set()

    def run_loop(self) -> None:
        """Rebuild after each burst of changes; refresh search once things are quiet."""
        last_build = last_check = time.monotonic()
        while not self._stop.is_set():
            if time.monotonic() - last_check > CHECK_SECONDS:
                self._check()
                last_check = time.monotonic()
            if self.changed.wait(0.2):
                self._debounce()
                report = self.rebuild()
                last_build = time.monotonic()
                if report is not None and report.written + report.deleted:
                    print(
                        f"rebuilt: {len(report.rendered)} rendered, {len(report.written)} written, "
                        f"{len(report.deleted)} removed in {report.seconds * 1000:.0f} ms"
                    )
                self._untidy = True
            elif self._untidy:  # quiet since the build: its pages have been served
                collect_and_freeze()
                self._untidy = False
            elif self._search_due(last_build):
                self._search = threading.Thread(
                    target=self._refresh_search, args=(self._generation,), daemon=True
                )
                self._search.start()

    def _search_due(self, last_build: float) -> bool:
        """Pages changed since the search index was made, no edit for a while, and no
        refresh running."""
        return (
            self.builder.search_stale
            and time.monotonic() - last_build > SEARCH_IDLE_SECONDS
            and (self._search is None or not self._search.is_alive())
        )

    def _refresh_search(self, generation: int) -> None:
        """Index the served pages beside the served bundle, then swap it in, unless a
        build began meanwhile (`generation` is the number begun before this one)."""
        try:
            folder = self.builder.index_search()
        except (SearchIndexError, OutputError, OSError) as exc:
            with self._building:
                if generation == self._generation:  # else the build moved pages under it
                    print(f"error: search index: {exc}", file=sys.stderr)
                    self.builder.search_stale = False
            return
        with self._building:
            if folder is None:
                self.builder.search_stale = False
            elif generation != self._generation:
                self.builder.discard_search(folder)
            else:
                self._publish_search(folder)

    def _publish_search(self, folder: Path) -> None:
        try:
            self.builder.publish_search(folder)
        except (SearchIndexError, OutputError, OSError) as exc:
            print(f"error: search index: {exc}", file=sys.stderr)
            self.builder.search_stale = False

    def stop(self) -> None:
        self._stop.set()
        gc.unfreeze()
        self.broadcaster.stop()
        with self._building:
            self._generation += 1  # a search refresh still running is dropped

    def _debounce(self) -> None:
        started = time.monotonic()
        while True:
            self.changed.clear()
            if not self.changed.wait(QUIET_SECONDS):
                return
            if time.monotonic() - started > MAX_DEBOUNCE_SECONDS:
                self.changed.clear()
                return


def collect_and_freeze() -> None:
    """Collect the garbage of the builds so far, then set what is left aside from the
    collector (`gc.freeze`): the site the Builder keeps is most of the heap, and a
    collection over all of it, when one fell inside a rebuild, was a fifth of an edit's
    time. Done in a quiet moment, so no save waits for it (and no page: it holds the GIL)."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


class ListenError(Exception):
    """The port cannot be listened on: one line for the terminal."""


@dataclass
class Running:
    """A preview that is serving and watching; `stop()` ends it (each part in turn)."""

    preview: Preview
    server: PreviewServer
    observer: Watcher
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
    _refuse_a_taken_port(host, port)  # before a build the writer would wait for in vain
    preview = Preview(replace(options, drafts=True, future=True))  # shown, marked as such
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


def _refuse_a_taken_port(host: str, port: int) -> None:
    """Listen on the port for a moment, as the server will (SO_REUSEADDR, as http.server
    sets it), so a port in use is said at once; the server's own bind still decides."""
    if port == 0:
        return
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
        with socket.create_server((host, port), family=family):
            pass
    except OSError as exc:
        raise ListenError(_listen_error(exc, host, port)) from None


def _listen_error(exc: OSError, host: str, port: int) -> str:
    if exc.errno == errno.EADDRINUSE:
        return f"error: port {port} is in use: try --port 0 (any free port) or another --port"
    if exc.errno == errno.EADDRNOTAVAIL or isinstance(exc, socket.gaierror):
        return f"error: cannot listen on {host}: no such address here"
    return f"error: cannot listen on {host}:{port}: {exc.strerror or exc}"
