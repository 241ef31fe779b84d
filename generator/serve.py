"""Preview server: serves the output folder under the site's base path, on 127.0.0.1.

It never serves a file outside the output folder: the request path is decoded,
resolved (following symlinks) and must still lie inside the folder."""

from __future__ import annotations

import http.server
import mimetypes
import posixpath
import webbrowser
from functools import partial
from pathlib import Path
from urllib.parse import unquote, urlsplit

NOT_FOUND_PAGE = "404.html"


def resolve_request(root: Path, base_path: str, request_path: str) -> Path | None:
    """The file that answers `request_path`, or None when there is none to serve."""
    path = unquote(urlsplit(request_path).path)
    target = _inside(root, base_path, path)
    if target is None:
        return None
    if target.is_dir():
        target = target / "index.html" if path.endswith("/") else None
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
    """The resolved path (symlinks followed) if it stays inside root, else None."""
    if "\x00" in path or not path.startswith(base_path):
        return None
    relative = posixpath.normpath("/" + path[len(base_path) :]).lstrip("/")
    root = root.resolve()
    candidate = (root / relative).resolve()
    return candidate if candidate.is_relative_to(root) else None


class PreviewHandler(http.server.BaseHTTPRequestHandler):
    server_version = "briefing"

    def __init__(self, *args, root: Path, base_path: str, **kwargs) -> None:
        self.root = root
        self.base_path = base_path
        super().__init__(*args, **kwargs)

    def do_GET(self) -> None:
        self._respond(send_body=True)

    def do_HEAD(self) -> None:
        self._respond(send_body=False)

    def _respond(self, send_body: bool) -> None:
        if needs_slash(self.root, self.base_path, self.path):
            self.send_response(301)
            # Collapse leading slashes so "//host/x" cannot become an off-site redirect.
            self.send_header("Location", "/" + urlsplit(self.path).path.lstrip("/") + "/")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        target = resolve_request(self.root, self.base_path, self.path)
        status = 200
        if target is None:
            status, target = 404, self.root / NOT_FOUND_PAGE
        body = target.read_bytes() if target.is_file() else b"Not found\n"
        content_type = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if content_type.startswith("text/") or content_type.endswith(("javascript", "json")):
            content_type += "; charset=utf-8"
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def log_message(self, format: str, *args) -> None:  # quiet: one line per error only
        if args and str(args[1] if len(args) > 1 else "").startswith(("4", "5")):
            super().log_message(format, *args)


def make_server(root: Path, base_path: str, host: str = "127.0.0.1", port: int = 0):
    handler = partial(PreviewHandler, root=root, base_path=base_path)
    server = http.server.ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    return server


def serve_forever(root: Path, base_path: str, host: str, port: int, open_browser: bool) -> int:
    server = make_server(root, base_path, host, port)
    url = f"http://{host}:{server.server_address[1]}{base_path}"
    print(f"serving {root}/ at {url}  (Ctrl-C to stop)")
    if open_browser:
        webbrowser.open(url)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("\nstopped")
    finally:
        server.server_close()
    return 0
