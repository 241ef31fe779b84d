"""Save → page served: from writing an article to the server returning the page with the edit.

Briefing's preview (`briefing serve`) is followed as a browser follows it: an SSE client
waits for the reload event, then fetches the page, which must hold the new words (if it
does not yet, it is fetched again every 10 ms). `hugo server` is polled every 10 ms for
the page until it holds them (its live reload speaks WebSocket). Between edits the bench
waits `settle` seconds, so the preview's search refresh after a quiet moment is not timed
with the next edit. Each edit appends a new numbered sentence."""

from __future__ import annotations

import http.client
import re
import signal
import socket
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

POLL_SECONDS = 0.01


class ServerFailed(Exception):
    """The server did not start or did not serve the page in time."""


def _marker(index: int) -> str:
    return f"Benchmark sentence number {index:04d}."


def _get(port: int, path: str) -> str:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        body = response.read().decode("utf-8", "replace")
        return body if response.status == 200 else ""
    finally:
        connection.close()


def _wait_for(port: int, path: str, text: str, deadline: float) -> None:
    while True:
        try:
            if text in _get(port, path):
                return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise ServerFailed(f"{path} did not show {text!r} in time")
        time.sleep(POLL_SECONDS)


def _timed_edits(
    article: Path, edits: int, settle: float, served: Callable[[str], None]
) -> list[float]:
    original = article.read_text(encoding="utf-8")
    latencies = []
    try:
        for index in range(edits):
            time.sleep(settle)
            marker = _marker(index)
            written = time.perf_counter()
            article.write_text(original + f"\n{marker}\n", encoding="utf-8")
            served(marker)
            latencies.append((time.perf_counter() - written) * 1000)
    finally:
        article.write_text(original, encoding="utf-8")
    return latencies


def _port_from(log: Path, process: subprocess.Popen, pattern: str, timeout: float) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if match := re.search(pattern, log.read_text(encoding="utf-8", errors="replace")):
            return int(match.group(1))
        if process.poll() is not None:
            raise ServerFailed(f"the server exited {process.returncode}: {log.read_text()[-800:]}")
        time.sleep(0.1)
    raise ServerFailed(f"the server gave no address within {timeout:.0f} s")


def _stop(process: subprocess.Popen) -> None:
    process.send_signal(signal.SIGINT)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def briefing_served(
    serve: list[str], article: Path, page: str, edits: int, log: Path, settle: float = 3.0
) -> list[float]:
    """Milliseconds from each save to the edited page served by `briefing serve`."""
    with log.open("w") as out:
        process = subprocess.Popen(serve, stdout=out, stderr=subprocess.STDOUT)
    try:
        port = _port_from(log, process, r"at http://127\.0\.0\.1:(\d+)", timeout=900)
        stream = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        stream.request("GET", f"/__briefing__/events?path={page}&epoch=1")
        events = stream.getresponse()

        def served(marker: str) -> None:
            for line in events:
                if line.startswith(b"event: reload"):
                    break
            _wait_for(port, page, marker, time.monotonic() + 60)

        try:
            return _timed_edits(article, edits, settle, served)
        finally:
            stream.close()
    finally:
        _stop(process)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def hugo_served(
    hugo: Path, site: Path, article: Path, page: str, edits: int, log: Path, settle: float = 3.0
) -> list[float]:
    """Milliseconds from each save to the edited page served by `hugo server`."""
    port = free_port()
    command = [str(hugo), "server", "--source", str(site), "--port", str(port),
               "--bind", "127.0.0.1"]  # its defaults: in memory, fast render
    with log.open("w") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
    try:
        _wait_for(port, page, "<article>", time.monotonic() + 300)
        return _timed_edits(
            article, edits, settle,
            lambda marker: _wait_for(port, page, marker, time.monotonic() + 60),
        )
    finally:
        _stop(process)
