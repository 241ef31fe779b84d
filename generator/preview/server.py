"""Preview HTTP server: the output folder under the site's base path, on 127.0.0.1,
plus a Server-Sent Events stream that tells open tabs to reload.

It never serves a file outside the output folder: the request path is decoded,
resolved (following symlinks) and must still lie inside the folder; hidden files
are not served either. It redirects only to paths on itself, and a connection that
sends nothing for CONNECTION_TIMEOUT_SECONDS is closed."""

from __future__ import annotations

import contextlib
import http.server
import json
import mimetypes
import posixpath
import socket
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, unquote, urlsplit

from generator.resources import LIVE_RELOAD_SCRIPT
from generator.routes import INDEX_FILE, NOT_FOUND, output_file

NOT_FOUND_PAGE = output_file(NOT_FOUND)
LIVE_PREFIX = "/__briefing__/"
KEEPALIVE_SECONDS = 15.0
CONNECTION_TIMEOUT_SECONDS = 10.0  # per socket read: slow or idle clients cannot pile up
MAX_NAME_BYTES = 255  # longest file name on common file systems
MAX_PATH_BYTES = 4096
NO_SITE_PAGE = (
    b'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Not found</title></head>'
    b"<body><h1>Not found</h1><p>Nothing has been built here yet.</p></body></html>"
)


@dataclass
class Broadcaster:
    """Build events for every connected browser: ('reload', paths), ('build-error', errors)
    and ('build-warnings', warnings) when the last good build's warnings are not what the
    tab was last told."""

    epoch: int = 0  # successful builds so far
    changed_at: dict[str, int] = field(default_factory=dict)  # page URL -> epoch of last change
    errors: list[str] = field(default_factory=list)  # the current build's errors, if it failed
    warnings: tuple[str, ...] = ()  # the last good build's warnings
    stopping: bool = False
    _condition: threading.Condition = field(default_factory=threading.Condition)

    def built(self, changed_urls: list[str], warnings: tuple[str, ...] = ()) -> None:
        with self._condition:
            self.epoch += 1
            self.changed_at.update(dict.fromkeys(changed_urls, self.epoch))
            self.errors = []
            self.warnings = warnings
            self._condition.notify_all()

    def failed(self, errors: list[str]) -> None:
        with self._condition:
            self.errors = list(errors)
            self.epoch += 1
            self._condition.notify_all()

    def stop(self) -> None:
        with self._condition:
            self.stopping = True
            self._condition.notify_all()

    def wait(self, seen_epoch: int, timeout: float) -> int:
        """Block until an epoch after `seen_epoch` (or the timeout); return the epoch."""
        with self._condition:
            self._condition.wait_for(lambda: self.epoch > seen_epoch or self.stopping, timeout)
            return self.epoch

    def state(self, page_url: str, since: int) -> tuple[int, list[str], bool, tuple[str, ...]]:
        """(epoch, current errors, whether page_url changed after epoch `since`, warnings)."""
        with self._condition:
            changed = self.changed_at.get(page_url, 0) > since
            return self.epoch, list(self.errors), changed, self.warnings


def resolve_request(root: Path, base_path: str, request_path: str) -> Path | None:
    """The file that answers `request_path`, or None when there is none to serve."""
    path = unquote(urlsplit(request_path).path)
    target = _inside(root, base_path, path)
    if target is None:
        return None
    if target.is_dir():
        target = target / INDEX_FILE if path.endswith("/") else None
    elif path.endswith("/"):
        return None
    return target if target is not None and target.is_file() else None


def needs_slash(root: Path, base_path: str, request_path: str) -> bool:
    """True for a folder requested without its trailing slash ('/repo/topics/a')."""
    path = unquote(urlsplit(request_path).path)
    if path.endswith("/"):
        return False
    if path + "/" == base_path:
        return True
    target = _inside(root, base_path, path)
    return target is not None and target.is_dir()


def _inside(root: Path, base_path: str, path: str) -> Path | None:
    """The resolved path (symlinks followed) if it stays inside root and names no
    hidden file, else None. A name too long for the file system is None too."""
    if "\x00" in path or not path.startswith(base_path) or not _plausible(path):
        return None
    relative = posixpath.normpath("/" + path[len(base_path) :]).lstrip("/")
    if any(part.startswith(".") for part in relative.split("/")):
        return None
    root = root.resolve()
    try:
        candidate = (root / relative).resolve()
        candidate.is_dir()  # raises for a name the file system cannot hold
    except (OSError, ValueError):
        return None
    return candidate if candidate.is_relative_to(root) else None


def _plausible(path: str) -> bool:
    encoded = path.encode("utf-8", "surrogateescape")
    if len(encoded) > MAX_PATH_BYTES:
        return False
    return all(len(part) <= MAX_NAME_BYTES for part in encoded.split(b"/"))


def same_origin_location(path: str) -> str:
    """A Location that stays on this server: one leading slash ("//host/x" would
    leave it) and every character a browser might read as a slash ("\\") escaped."""
    return "/" + quote(path.lstrip("/\\"), safe="/:@!$&'()*+,;=-._~%")


class PreviewHandler(http.server.BaseHTTPRequestHandler):
    server_version = "briefing"
    timeout = CONNECTION_TIMEOUT_SECONDS

    def __init__(
        self, *args: Any, root: Path, base_path: str, broadcaster: Broadcaster | None, **kwargs: Any
    ) -> None:
        self.root = root
        self.base_path = base_path
        self.broadcaster = broadcaster
        super().__init__(*args, **kwargs)

    def do_GET(self) -> None:
        self._respond(send_body=True)

    def do_HEAD(self) -> None:
        self._respond(send_body=False)

    def _respond(self, send_body: bool) -> None:
        path = urlsplit(self.path).path
        if self.broadcaster is not None and path.startswith(LIVE_PREFIX):
            self._live(path[len(LIVE_PREFIX) :], send_body)
        elif path == "/" and self.base_path != "/" and self.broadcaster is not None:
            self._redirect(self.base_path)  # a convenience of the preview only
        elif needs_slash(self.root, self.base_path, self.path):
            self._redirect(same_origin_location(path + "/"))
        else:
            self._file(send_body)

    def _file(self, send_body: bool) -> None:
        epoch = self.broadcaster.epoch if self.broadcaster else 0  # before reading the file
        target = resolve_request(self.root, self.base_path, self.path)
        status = 200
        if target is None:
            status, target = 404, self.root / NOT_FOUND_PAGE
        try:
            body = target.read_bytes()
        except OSError:  # no site yet (first build failed), or replaced mid-request
            status, body, target = 404, NO_SITE_PAGE, Path(NOT_FOUND_PAGE)
        content_type = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if content_type == "text/html" and self.broadcaster is not None:
            body = _inject_live_script(body, urlsplit(self.path).path, epoch)
        self._send(status, content_type, body, send_body)

    def _live(self, name: str, send_body: bool) -> None:
        if name == "live.js":
            script = LIVE_RELOAD_SCRIPT.read_bytes()
            self._send(200, "text/javascript", script, send_body)
        elif name == "events":
            self._events()
        else:
            self._send(404, "text/plain", b"Not found\n", send_body)

    def _events(self) -> None:
        query = parse_qs(urlsplit(self.path).query)
        page_url = query.get("path", [""])[0]
        epoch = query.get("epoch", [""])[0]
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        self.close_connection = True
        try:
            self._stream(page_url, int(epoch) if epoch.isdigit() else 0)
        except (ConnectionError, TimeoutError):
            return  # the tab went away

    def _stream(self, page_url: str, seen: int) -> None:
        """Tell one tab what it needs to know, from the epoch its page was served at on."""
        broadcaster = self.broadcaster
        assert broadcaster is not None
        self.wfile.write(b"retry: 1000\n\n")
        showing_error = False
        told: tuple[str, ...] = ()  # the warnings this tab shows
        while not broadcaster.stopping:
            epoch, errors, changed, warnings = broadcaster.state(page_url, seen)
            sent = True
            if errors and (epoch > seen or not showing_error):
                self._send_event("build-error", {"errors": errors})
                showing_error = True
            elif not errors and (changed or showing_error):
                self._send_event("reload", {"paths": [page_url] if changed else []})
                showing_error = False
            else:
                sent = False
            if not errors and warnings != told:
                self._send_event("build-warnings", {"warnings": list(warnings)})
                told, sent = warnings, True
            if not sent:
                self.wfile.write(b": keepalive\n\n")
                self.wfile.flush()
            seen = epoch
            broadcaster.wait(seen, KEEPALIVE_SECONDS)

    def _send_event(self, name: str, data: dict) -> None:
        self.wfile.write(f"event: {name}\ndata: {json.dumps(data)}\n\n".encode())
        self.wfile.flush()

    def _redirect(self, location: str) -> None:
        self.send_response(301)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _send(self, status: int, content_type: str, body: bytes, send_body: bool) -> None:
        if content_type.startswith("text/") or content_type.endswith(("javascript", "json")):
            content_type += "; charset=utf-8"
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        if send_body:
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: only failed requests are logged."""
        if len(args) > 1 and str(args[1]).startswith(("4", "5")):
            super().log_message(format, *args)


def _inject_live_script(html: bytes, page_url: str, epoch: int) -> bytes:
    tag = (
        f'<script src="{LIVE_PREFIX}live.js" data-path="{_attribute(page_url)}" '
        f'data-epoch="{epoch}"></script>'
    ).encode()
    index = html.rfind(b"</body>")
    return html[:index] + tag + html[index:] if index >= 0 else html + tag


def _attribute(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


class PreviewServer(http.server.ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128

    def handle_error(
        self, request: socket.socket | tuple[bytes, socket.socket], client_address: Any
    ) -> None:
        error = sys.exc_info()[1]
        if not isinstance(error, ConnectionError | TimeoutError):
            super().handle_error(request, client_address)


def make_server(
    root: Path,
    base_path: str,
    host: str = "127.0.0.1",
    port: int = 0,
    broadcaster: Broadcaster | None = None,
) -> PreviewServer:
    handler = partial(PreviewHandler, root=root, base_path=base_path, broadcaster=broadcaster)
    return PreviewServer((host, port), handler)


@contextlib.contextmanager
def serving(root: Path, base_path: str = "/") -> Iterator[str]:
    """`root` served on a free local port from a thread while the block runs; yields the
    server's origin ('http://127.0.0.1:PORT'). For tests, benchmarks and the site linter."""
    server = make_server(root, base_path)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
