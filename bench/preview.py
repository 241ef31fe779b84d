"""Preview latency: from saving an article to the reload event reaching a browser.

    .venv/bin/python bench/preview.py [--articles 1000] [--edits 20]

Builds a synthetic corpus, starts the real `briefing serve`, connects an SSE
client for one article page, then edits that article N times and reports the
median and worst time from the file write to the reload event, next to the
time of a full build of the same corpus."""

from __future__ import annotations

import argparse
import http.client
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from commands import briefing  # noqa: E402
from corpus import write_corpus  # noqa: E402

SLUG = "article-00007"


def full_build_seconds(content: Path, output: Path, search: bool) -> float:
    args = briefing("build", content, output, *([] if search else ["--no-search"]))
    started = time.perf_counter()
    subprocess.run(args, cwd=ROOT, check=True, capture_output=True)
    return time.perf_counter() - started


def start_server(content: Path, output: Path) -> tuple[subprocess.Popen, int]:
    process = subprocess.Popen(
        briefing("serve", content, output, "--port", "0"),
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    for line in process.stdout:
        if match := re.search(r"127\.0\.0\.1:(\d+)", line):
            return process, int(match.group(1))
    raise SystemExit("the server did not start")


def reload_latencies(port: int, article: Path, edits: int) -> list[float]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", f"/__briefing__/events?path=/articles/{SLUG}/&epoch=1")
    stream = connection.getresponse()
    latencies = []
    original = article.read_text(encoding="utf-8")
    for index in range(edits):
        time.sleep(0.3)  # a person does not save twice within a debounce window
        written = time.perf_counter()
        article.write_text(original + f"\nEdit number {index}.\n", encoding="utf-8")
        for raw in stream:
            if raw.startswith(b"event: reload"):
                latencies.append(time.perf_counter() - written)
                break
    connection.close()
    return latencies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--edits", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        content, output = Path(temp) / "content", Path(temp) / "site"
        write_corpus(content, args.articles)
        build_no_search = full_build_seconds(content, Path(temp) / "full", search=False)
        build_search = full_build_seconds(content, Path(temp) / "full2", search=True)
        process, port = start_server(content, output)
        try:
            latencies = reload_latencies(port, content / "articles" / f"{SLUG}.md", args.edits)
        finally:
            process.send_signal(signal.SIGINT)
            process.wait(timeout=30)
    ms = sorted(value * 1000 for value in latencies)
    print(f"articles: {args.articles}, edits: {len(ms)}")
    print(f"full build (briefing build --no-search): {build_no_search:.2f} s")
    print(f"full build with Pagefind:                {build_search:.2f} s")
    print(
        f"save -> reload event: median {statistics.median(ms):.0f} ms, "
        f"min {ms[0]:.0f} ms, max {ms[-1]:.0f} ms"
    )


if __name__ == "__main__":
    main()
