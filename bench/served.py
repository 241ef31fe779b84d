"""Save → page served: from writing an article to the server returning the page with the edit.

Briefing's preview (`briefing serve`) is followed as a browser follows it: an SSE client
waits for the reload event, then fetches the page, which must hold the new words (if it
does not yet, it is fetched again every 10 ms). `hugo server` is polled every 10 ms for
the page until it holds them (its live reload speaks WebSocket). Each edit appends a new
numbered sentence.

The preview refreshes its search index once edits pause (a second), beside the loop that
rebuilds (an edit saved during a refresh is served without waiting for it, and
supersedes it). Each edit is made once the previous one's search index is in place (the
bundle's entry and fragment names changed), `settle` seconds after, so the time to that
point is kept too (save → search updated)."""

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
    article: Path,
    edits: int,
    settle: float,
    served: Callable[[str], None],
    caught_up: Callable[[], None] = lambda: None,
) -> tuple[list[float], list[float]]:
    """Milliseconds from each save to the page served, and to `caught_up` returning."""
    original = article.read_text(encoding="utf-8")
    to_page, to_caught_up = [], []
    try:
        for index in range(edits):
            time.sleep(settle)
            marker = _marker(index)
            written = time.perf_counter()
            article.write_text(original + f"\n{marker}\n", encoding="utf-8")
            served(marker)
            to_page.append((time.perf_counter() - written) * 1000)
            caught_up()
            to_caught_up.append((time.perf_counter() - written) * 1000)
    finally:
        article.write_text(original, encoding="utf-8")
    return to_page, to_caught_up


def search_signature(bundle: Path) -> tuple[bytes, ...]:
    """What changes when Pagefind re-indexes: its entry files (one per shard) and the
    shards' digests. Empty in the middle of a swap."""
    found = []
    for pattern in ("shards.json", "pagefind-entry.json", "*/pagefind-entry.json"):
        for path in sorted(bundle.glob(pattern)):
            try:
                found.append(path.read_bytes())
            except OSError:
                return ()
    return tuple(found)


def _wait_for_new_search(bundle: Path, before: tuple[bytes, ...]) -> None:
    deadline = time.monotonic() + 300
    while search_signature(bundle) in {before, ()}:
        if time.monotonic() > deadline:
            raise ServerFailed(f"{bundle} was not re-indexed within 300 s of an edit")
        time.sleep(0.05)


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
    serve: list[str], article: Path, page: str, edits: int, log: Path, settle: float = 0.5
) -> tuple[list[float], list[float]]:
    """Milliseconds from each save to the edited page served by `briefing serve`, and to
    its search index updated. `serve` must name the output folder after `--output`."""
    bundle = Path(serve[serve.index("--output") + 1]) / "pagefind"
    with log.open("w") as out:
        process = subprocess.Popen(serve, stdout=out, stderr=subprocess.STDOUT)
    try:
        port = _port_from(log, process, r"at http://127\.0\.0\.1:(\d+)", timeout=900)
        stream = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        stream.request("GET", f"/__briefing__/events?path={page}&epoch=1")
        events = stream.getresponse()
        signature = [search_signature(bundle)]

        def served(marker: str) -> None:
            for line in events:
                if line.startswith(b"event: reload"):
                    break
            _wait_for(port, page, marker, time.monotonic() + 60)

        def search_updated() -> None:
            _wait_for_new_search(bundle, signature[-1])
            signature.append(search_signature(bundle))

        try:
            return _timed_edits(article, edits, settle, served, search_updated)
        finally:
            stream.close()
    finally:
        _stop(process)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def hugo_served(
    hugo: Path, site: Path, article: Path, page: str, edits: int, log: Path, settle: float = 0.5
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
        )[0]
    finally:
        _stop(process)


def main() -> None:
    """`briefing serve` alone on the synthetic corpus: one JSON line of save → page served
    (and → search updated) samples and medians, in ms, for the code this file sits in.

        .venv/bin/python bench/served.py --articles 1000 --edits 10

    Run it from two checkouts in turn (old, new, old, new...) to compare them."""
    import argparse
    import json
    import os
    import statistics
    import sys
    import tempfile

    root = Path(__file__).resolve().parent.parent
    sys.path.insert(0, str(root / "bench"))
    os.environ["PYTHONPATH"] = str(root)  # the server runs this checkout's code
    from commands import briefing
    from corpus import write_corpus

    parser = argparse.ArgumentParser(description=(main.__doc__ or "").splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--edits", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        content, site = Path(temp) / "content", Path(temp) / "site"
        write_corpus(content, args.articles)
        article = sorted((content / "articles").glob("*.md"))[7]
        serve = [*briefing("serve", content, site), "--port", "0"]
        served, searched = briefing_served(
            serve, article, f"/articles/{article.stem}/", args.edits, Path(temp) / "serve.log"
        )
    print(json.dumps({
        "articles": args.articles,
        "served_ms": [round(ms) for ms in served],
        "served_median_ms": round(statistics.median(served)),
        "search_median_ms": round(statistics.median(searched)),
    }))


if __name__ == "__main__":
    main()
