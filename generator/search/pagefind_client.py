"""A small synchronous client for `pagefind --service`, the JSON protocol behind
Pagefind's own Python wrapper.

Why not the wrapper: it stops the service right after the "WriteFiles" reply, while
Pagefind may still be writing (24 builds in a row gave 4 empty `pagefind-entry.json`
and a truncated `pagefind-ui.js`), it reads one reply per 100 ms (so adding pages
one by one is slow), and `add_directory` indexes pages in directory-listing order,
which differs between file systems. Here pages are added one by one in the order
given, the replies are read as they come, and the bundle comes back in memory
("GetFiles"), so the caller writes it whole, itself."""

from __future__ import annotations

import base64
import contextlib
import ctypes
import functools
import importlib
import io
import json
import os
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

REPLY_TIMEOUT_SECONDS = 600.0
BATCH_BYTES = 1 << 20  # requests written to the service in one write of about this size
M_MMAP_THRESHOLD = -3  # glibc's mallopt parameter (malloc.h)
MMAP_THRESHOLD_BYTES = 128 * 1024  # glibc's default, kept fixed
WHITESPACE = b" \t\r\n"  # not base64: dropped, as a whole-message decode drops it


class PagefindError(Exception):
    """The service could not be started, failed, or gave an unexpected reply."""


class PagefindService:
    """One `pagefind --service` process; use it as a context manager."""

    def __init__(self) -> None:
        executable = pagefind_executable()
        if executable is None:
            raise FileNotFoundError("pagefind")
        self._log = tempfile.TemporaryFile()  # noqa: SIM115 (closed in close())
        self._process = subprocess.Popen(
            [str(executable), "--service"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._log,
        )
        self._replies: dict[int, dict[str, Any]] = {}
        self._arrived = threading.Condition()
        self._reader = threading.Thread(target=self._read_replies, daemon=True)
        self._reader.start()
        self._next_id = 0

    def __enter__(self) -> PagefindService:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, *exc_info: object) -> None:
        self.close(abandon=exc_type is not None)

    def close(self, abandon: bool = False) -> None:
        """`abandon`: the index is not wanted (an error, or Ctrl-C in the preview), so the
        service is killed at once instead of being left up to ten seconds to finish.
        Closing a closed service does nothing more."""
        if abandon:
            self._process.kill()
        if self._process.stdin and not self._process.stdin.closed:
            with contextlib.suppress(BrokenPipeError):  # it stopped with requests unread
                self._process.stdin.close()
        try:
            self._process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        self._reader.join(timeout=5)
        self._log.close()

    def send(self, payload: dict[str, Any]) -> int:
        """Send one request without waiting; returns its message id."""
        return self.send_all([payload])[0]

    def send_all(self, payloads: Iterable[dict[str, Any]]) -> list[int]:
        """Send requests without waiting, in writes of about BATCH_BYTES (the service
        takes one page a request); returns their message ids."""
        sent, batch, size = [], [], 0
        for payload in payloads:
            sent.append(self._next_id)
            batch.append(self._encode(payload))
            size += len(batch[-1])
            if size >= BATCH_BYTES:
                self._write(batch)
                batch, size = [], 0
        self._write(batch)
        return sent

    def _encode(self, payload: dict[str, Any]) -> bytes:
        """One request as the service reads it: base64 of its JSON, then a comma."""
        message = {"message_id": self._next_id, "payload": payload}
        self._next_id += 1
        line = json.dumps(message, separators=(",", ":"))  # ASCII: encoded without a copy
        return base64.b64encode(line.encode("utf-8")) + b","

    def _write(self, batch: list[bytes]) -> None:
        assert self._process.stdin is not None
        try:
            self._process.stdin.write(b"".join(batch))
            self._process.stdin.flush()
        except BrokenPipeError:
            raise PagefindError(f"the pagefind service stopped: {self._stderr()}") from None

    def reply(self, message_id: int, expected: str) -> dict[str, Any]:
        """Wait for the reply to one request; it must be of type `expected`."""
        with self._arrived:
            arrived = self._arrived.wait_for(
                lambda: message_id in self._replies or self._process.poll() is not None,
                REPLY_TIMEOUT_SECONDS,
            )
            payload = self._replies.pop(message_id, None)
        if payload is None:
            reason = "timed out" if not arrived else f"stopped: {self._stderr()}"
            raise PagefindError(f"the pagefind service {reason}")
        if payload.get("type") != expected:
            raise PagefindError(f"pagefind: {payload.get('message') or payload}")
        return payload

    def request(self, payload: dict[str, Any], expected: str) -> dict[str, Any]:
        return self.reply(self.send(payload), expected)

    def _read_replies(self) -> None:
        stdout = self._process.stdout
        assert isinstance(stdout, io.BufferedReader)  # a pipe opened with a buffer (the default)
        replies = _Replies()
        for chunk in iter(lambda: stdout.read1(1 << 16), b""):
            arrived = replies.feed(chunk)
            if not arrived:
                continue
            with self._arrived:
                for reply in arrived:
                    if reply.get("message_id") is not None:
                        self._replies[reply["message_id"]] = reply["payload"]
                self._arrived.notify_all()
        with self._arrived:
            self._arrived.notify_all()

    def _stderr(self) -> str:
        self._log.seek(0)
        return self._log.read().decode("utf-8", "replace").strip()[-500:] or "no message"


def pagefind_executable() -> Path | None:
    """The pagefind binary, found where Pagefind's Python package looks (its
    PAGEFIND_BINARY_PATH, the extended then the plain binary wheel, then PATH), without
    importing its service module: that imports asyncio, a tenth of an edit's imports."""
    given = os.environ.get("PAGEFIND_BINARY_PATH")
    if given is not None:
        return Path(given)
    for wheel in ("pagefind_bin_extended", "pagefind_bin"):
        try:
            module = importlib.import_module(wheel)
        except ImportError:
            continue
        found: Path = module.get_executable()
        return found
    on_path = shutil.which("pagefind_extended") or shutil.which("pagefind")
    return Path(on_path) if on_path else None


def index_pages(
    pages: Iterable[tuple[str, bytes]],
    language: str,
    finishing: AbstractContextManager[object] | None = None,
) -> dict[str, bytes]:
    """Index (url, html) pages in the order given; the bundle as {relative path: bytes}.
    `finishing` (a lock shared by the indexers running at once) is held from the request
    for the bundle until its files are decoded here: making and sending it (base64 in
    JSON) takes a service about three times the memory it held while adding pages, so at
    most one indexer is at that peak; the files are decoded once it has stopped."""
    large_blocks_given_back()
    with PagefindService() as service:
        config = {"force_language": language}
        index_id = service.request({"type": "NewIndex", "config": config}, "NewIndex")["index_id"]
        sent = service.send_all(_add_file(index_id, url, html) for url, html in pages)
        for message_id in sent:
            service.reply(message_id, "IndexedFile")
        with finishing or contextlib.nullcontext():
            request = {"type": "GetFiles", "index_id": index_id}
            files = service.request(request, "GetFiles")["files"]
            service.close()  # its memory given back before the files are decoded here
            return _decoded_files(files)


def _decoded_files(files: list[dict[str, str]]) -> dict[str, bytes]:
    """{path: content} of the bundle's files, each one's base64 let go as it is decoded."""
    files.reverse()
    bundle = {}
    while files:
        file = files.pop()
        bundle[str(Path(file["path"]))] = base64.b64decode(file["content"])
    return bundle


@functools.cache
def large_blocks_given_back() -> bool:
    """Have glibc give each block of 128 KiB or more back to the system when it is freed,
    from now on (True if it agreed). By default it raises that threshold to the largest
    block freed so far (up to 32 MiB), and the bundles' replies, decoded in blocks of
    many MB, then left the main process tens of MB larger at the search stage's peak.
    The cost: each batch of requests (BATCH_BYTES) is mapped and faulted in anew, about
    a second of system time at 10,000 articles. A threshold of 4 MiB spared that but kept
    the smaller replies of a smaller site."""
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):  # not glibc
        return False
    return bool(mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES))


class _Replies:
    """The service's replies as their bytes arrive: each is base64 of its JSON, ended by a
    comma. Each piece is decoded as it comes, so a reply of many MB (a bundle's files) is
    never held whole in base64 beside its JSON; it is parsed once its comma arrives."""

    def __init__(self) -> None:
        self._text = bytearray()  # the JSON of the reply arriving, decoded so far
        self._tail = b""  # the last base64 characters of it, fewer than a group of four

    def feed(self, chunk: bytes) -> list[dict[str, Any]]:
        """The replies this chunk ends, in order."""
        whole, start = [], 0
        for end in _commas(chunk):
            self._decode(chunk[start:end], last=True)
            whole.append(json.loads(self._text))
            self._text, start = bytearray(), end + 1
        self._decode(chunk[start:], last=False)
        return whole

    def _decode(self, piece: bytes, last: bool) -> None:
        encoded = self._tail + piece.translate(None, WHITESPACE)
        cut = len(encoded) if last else len(encoded) - len(encoded) % 4
        self._text += base64.b64decode(encoded[:cut])
        self._tail = encoded[cut:]


def _commas(chunk: bytes) -> Iterator[int]:
    found = chunk.find(b",")
    while found >= 0:
        yield found
        found = chunk.find(b",", found + 1)


def _add_file(index_id: int, url: str, html: bytes) -> dict[str, Any]:
    return {
        "type": "AddFile",
        "index_id": index_id,
        "url": url,
        "file_path": None,
        "file_contents": html.decode("utf-8"),
    }
