"""Build times at scale, ours beside Hugo's and Pelican's, on the same synthetic corpus.

    .venv/bin/python bench/scale.py --sizes 1000 10000 --peers /tmp/benchvenv/bin

For each size: a full build without and with Pagefind (wall time, ms per page, peak
RSS of the largest process), then, in one long-lived Builder as the preview uses
it, a no-change rebuild and a one-article edit; then Hugo and Pelican on the same
articles. Prints a Markdown table for bench/RESULTS.md."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from commands import THEME, briefing  # noqa: E402
from corpus import write_corpus  # noqa: E402
from peers import write_hugo_site, write_pelican_site  # noqa: E402

MEASURE = """
import resource, subprocess, sys, time
started = time.perf_counter()
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
seconds = time.perf_counter() - started
print(seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def measured(command: list[str], cwd: Path, runs: int = 3) -> tuple[float, float]:
    """Median wall seconds over `runs`, and the peak RSS in MB of any process it ran."""
    times, peaks = [], []
    for _ in range(runs):
        result = subprocess.run(
            [sys.executable, "-c", MEASURE, *command],
            cwd=cwd,
            capture_output=True,
            text=True,
            check=True,
        )
        seconds, peak_kb = result.stdout.split()
        times.append(float(seconds))
        peaks.append(int(peak_kb) / 1024)
    return statistics.median(times), max(peaks)


def ours(content: Path, output: Path, search: bool, runs: int) -> tuple[float, float]:
    command = briefing("build", content, output, *([] if search else ["--no-search"]))
    return measured(command, ROOT, runs)


def rebuilds(content: Path, output: Path) -> tuple[float, int, float, int]:
    """(no-change seconds, files written, one-edit seconds, pages rendered), no search."""
    from generator.build import Builder, BuildOptions

    builder = Builder(BuildOptions(content, THEME, output, search=False, workers=1))
    builder.build()
    started = time.perf_counter()
    unchanged = builder.build()
    no_change = time.perf_counter() - started
    article = sorted((content / "articles").glob("*.md"))[7]
    article.write_text(article.read_text(encoding="utf-8") + "\nOne more sentence.\n", "utf-8")
    started = time.perf_counter()
    edited = builder.build()
    one_edit = time.perf_counter() - started
    return no_change, len(unchanged.written), one_edit, len(edited.rendered)


def pages_in(output: Path) -> int:
    return sum(1 for p in output.rglob("*.html") if "pagefind" not in p.parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--peers", type=Path, help="bin folder holding hugo and pelican")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    rows = []
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as temp:
            work = Path(temp)
            content = work / "content"
            write_corpus(content, size)
            row: dict = {"articles": size}
            row["ours"], row["ours_rss"] = ours(content, work / "site", False, args.runs)
            row["pages"] = pages_in(work / "site")
            row["ours_search"], row["ours_search_rss"] = ours(content, work / "site", True, 1)
            (
                row["no_change"],
                row["no_change_written"],
                row["one_edit"],
                row["one_edit_rendered"],
            ) = rebuilds(content, work / "live")
            if args.peers:
                write_hugo_site(content, work / "hugo")
                write_pelican_site(content, work / "pelican")
                row["hugo"], _ = measured(
                    [
                        str(args.peers / "hugo"),
                        "--quiet",
                        "--source",
                        str(work / "hugo"),
                        "--destination",
                        str(work / "hugo-out"),
                    ],
                    work,
                    args.runs,
                )
                row["pelican"], _ = measured(
                    [
                        str(args.peers / "pelican"),
                        str(work / "pelican" / "content"),
                        "-o",
                        str(work / "pelican-out"),
                        "-s",
                        str(work / "pelican" / "pelicanconf.py"),
                        "-q",
                    ],
                    work / "pelican",
                    1 if size > 2000 else args.runs,
                )
            rows.append(row)
            print(json.dumps(row), file=sys.stderr)
    print(table(rows))


def table(rows: list[dict]) -> str:
    lines = [
        "| | " + " | ".join(f"{r['articles']:,} articles" for r in rows) + " |",
        "|---|" + "---|" * len(rows),
    ]

    def line(label: str, cell) -> None:
        lines.append(f"| {label} | " + " | ".join(cell(r) for r in rows) + " |")

    line("HTML pages written", lambda r: f"{r['pages']:,}")
    line("full build, no Pagefind", lambda r: f"{r['ours']:.2f} s")
    line("ms per page", lambda r: f"{r['ours'] * 1000 / r['pages']:.2f}")
    line("peak RSS (largest process)", lambda r: f"{r['ours_rss']:.0f} MB")
    line("full build with Pagefind", lambda r: f"{r['ours_search']:.2f} s")
    line(
        "no-change rebuild",
        lambda r: f"{r['no_change'] * 1000:.0f} ms, {r['no_change_written']} files written",
    )
    line(
        "one-article edit",
        lambda r: f"{r['one_edit'] * 1000:.0f} ms, {r['one_edit_rendered']} pages rendered",
    )
    if "hugo" in rows[0]:
        line("Hugo", lambda r: f"{r['hugo']:.2f} s (ours {r['ours'] / r['hugo']:.1f}× Hugo's)")
        line(
            "Pelican",
            lambda r: f"{r['pelican']:.2f} s (ours {r['pelican'] / r['ours']:.1f}× faster)",
        )
    return "\n".join(lines)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    shutil.which("true")
    main()
