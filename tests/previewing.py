"""The preview as the tests drive it: `briefing serve`'s own code (preview.start and its
run loop) in this process, and plain HTTP requests to it."""

from __future__ import annotations

import contextlib
import http.client
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from conftest import CONTENT, THEME

from generator.preview.session import Running, start
from generator.settings import BuildOptions


@dataclass
class Server:
    """The preview `briefing serve` runs (preview.start and its run_loop), in this process:
    the same code without a Python start-up and an import of everything per test."""

    running: Running
    loop: threading.Thread
    url: str  # http://127.0.0.1:PORT
    content: Path
    output: Path

    def get(self, path: str) -> tuple[int, str]:
        status, body = request(self.url, path)
        return status, body.decode("utf-8", "replace")

    def alive(self) -> bool:
        return self.loop.is_alive()


def request(base: str, path: str, timeout: float = 5) -> tuple[int, bytes]:
    parts = urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def copy_content(tmp_path: Path) -> tuple[Path, Path]:
    content, output = tmp_path / "content", tmp_path / "site"
    shutil.copytree(CONTENT, content)
    return content, output


@contextlib.contextmanager
def previewing(tmp_path: Path) -> Iterator[Server]:
    """A copy of the real content, previewed as `briefing serve` does."""
    content, output = copy_content(tmp_path)
    running = start(
        BuildOptions(content_dir=content, theme_dir=THEME, output_dir=output),
        "127.0.0.1",
        0,
        verbosity=-1,
    )
    loop = threading.Thread(target=running.preview.run_loop, daemon=True)
    loop.start()
    url = running.url.removesuffix("/")
    try:
        yield Server(running, loop, url, content, output)
        assert loop.is_alive()  # no save stopped the preview
    finally:
        running.stop()
        loop.join(timeout=5)
    assert not loop.is_alive()


def get(base: str, path: str) -> tuple[int, str, bytes]:
    parts = urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=5)
    connection.request("GET", path)  # sent as is: no client-side normalisation
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, response.getheader("Content-Type") or "", body
