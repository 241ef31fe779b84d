"""The search stage in shards: index a built site with 1, 2, 4, 8 shards and time the
queries in headless Chromium (what each shard count costs the reader).

    .venv/bin/python bench/search_shards.py SITE [--shards 1 2 4 8]

SITE is a site built with --no-search (e.g. from bench/corpus.py). For each shard count it
writes the bundle into SITE/pagefind (CPU seconds of Pagefind and of Python, peak RSS of
the largest Pagefind process), then loads SITE/search/ in Chromium and, for each query,
times the site's own search (static/search-core.js) from a fresh page: the first query
(which loads Pagefind, its WebAssembly and the shards' metadata) and the same query again
and a second one (index chunks in cache or not), counting the requests and bytes each
downloads."""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.preview.server import serving  # noqa: E402
from generator.search.index import write_search_index  # noqa: E402

QUERIES = ("Putin", "ceasefire talks", "Erdogan Ankara", "security guarantees", "prisoners")
CHROMIUM = "/usr/bin/chromium"

TIME_QUERY = """
async ([query, sort]) => {
  const box = document.querySelector("[data-search]");
  const started = performance.now();
  const core = await import(box.dataset.core);
  const engine = await core.createEngine(box.dataset);
  const opened = performance.now();
  const first = await core.search(engine, { q: query, sort });
  await Promise.all(first.results.slice(0, 10).map((r) => r.data()));
  const done = performance.now();
  await core.search(engine, { q: query + " agreement", sort });
  const second = performance.now();
  return [opened - started, done - opened, second - done, first.results.length];
}
"""


def index(site: Path, shards: int) -> tuple[float, float]:
    """Pagefind CPU seconds and Python CPU seconds of writing the bundle (this process)."""
    shutil.rmtree(site / "pagefind", ignore_errors=True)
    before_children = resource.getrusage(resource.RUSAGE_CHILDREN)
    before_self = resource.getrusage(resource.RUSAGE_SELF)
    write_search_index(site, "en", shards=shards)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    mine = resource.getrusage(resource.RUSAGE_SELF)
    return (
        children.ru_utime + children.ru_stime - before_children.ru_utime - before_children.ru_stime,
        mine.ru_utime + mine.ru_stime - before_self.ru_utime - before_self.ru_stime,
    )


def client(site: Path, sort: str) -> list[tuple[float, float, float, int, int]]:
    """Per query: (open ms, first query ms, next query ms, requests, KB downloaded)."""
    from playwright.sync_api import sync_playwright

    rows = []
    with serving(site) as origin, sync_playwright() as p:
        url = f"{origin}/search/"
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for query in QUERIES:
            page = browser.new_page()
            page.goto(url)
            page.wait_for_load_state("networkidle")
            sizes: list[int] = []
            page.on("requestfinished", lambda r, sizes=sizes: sizes.append(_size(r)))
            opened, first, second, _ = page.evaluate(TIME_QUERY, [query, sort])
            rows.append((opened, first, second, len(sizes), sum(sizes) // 1024))
            page.close()
        browser.close()
    return rows


def _size(request) -> int:
    try:
        return request.sizes()["responseBodySize"]
    except Exception:  # a request without a body
        return 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--shards", type=int, nargs="+", default=[1, 2, 4, 8])
    args = parser.parse_args()
    print(
        "shards | index: pagefind CPU, python CPU, wall | open ms | 1st query ms | "
        "next query ms | sorted 1st ms | requests | KB"
    )
    for shards in args.shards:
        started = time.perf_counter()
        pagefind_cpu, python_cpu = index(args.site, shards)
        wall = time.perf_counter() - started
        plain = client(args.site, "")
        dated = client(args.site, "desc")
        med = lambda rows, i: statistics.median(r[i] for r in rows)  # noqa: E731
        print(
            f"{shards} | {pagefind_cpu:.2f} s, {python_cpu:.2f} s, {wall:.2f} s | "
            f"{med(plain, 0):.0f} | {med(plain, 1):.0f} | {med(plain, 2):.0f} | "
            f"{med(dated, 1):.0f} | {med(plain, 3):.0f} | {med(plain, 4):.0f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
