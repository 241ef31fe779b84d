"""Build times at scale, ours beside Hugo's and Pelican's, on the same synthetic corpus.

    .venv/bin/python bench/scale.py --sizes 1000 10000 --peers /tmp/benchvenv/bin

Each figure is a fresh process. For each size and each of `--runs` rounds, in this
order (interleaved, so a loaded machine slows every contender alike): our cold build
without Pagefind (`--no-cache`), Hugo, Pelican, our cold build with Pagefind, then with
the persistent cache: a warm build with nothing changed and a warm build after a
one-article edit (Pagefind included in both). Then the Pagefind stage alone on the
built site (time, peak RSS of the indexer), and in one long-lived Builder as the
preview uses it, a no-change rebuild and a one-article edit. The cold builds run with
`build -v`, so each stage's wall and CPU time is kept too (a row per stage in the table:
a feature that doubles the cold path shows the day it lands). Medians; a Markdown
table for bench/RESULTS.md on stdout, one JSON line per size on stderr."""

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

from generator.pipeline.stages import STAGES  # noqa: E402
from generator.pipeline.stages import parse as parse_stages  # noqa: E402

MEASURE = """
import resource, subprocess, sys, time
started = time.perf_counter()
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)  # stderr: to the bench
seconds = time.perf_counter() - started
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(seconds, usage.ru_maxrss, usage.ru_utime + usage.ru_stime)
"""


def measured(
    command: list[str], cwd: Path, runs: int = 3, said: list[str] | None = None
) -> tuple[float, float, float]:
    """Median wall seconds over `runs`, the peak RSS in MB of any process it ran, and
    the median CPU seconds (user + system, all its processes): on a loaded machine the
    CPU time says more than the wall time. `said` gets the lines it wrote on stderr."""
    times, peaks, cpus = [], [], []
    for _ in range(runs):
        result = subprocess.run(
            [sys.executable, "-c", MEASURE, *command],
            cwd=cwd,
            capture_output=True,
            text=True,
            check=True,
        )
        if said is not None:
            said.extend(result.stderr.splitlines())
        seconds, peak_kb, cpu = result.stdout.split()
        times.append(float(seconds))
        peaks.append(int(peak_kb) / 1024)
        cpus.append(float(cpu))
    return statistics.median(times), max(peaks), statistics.median(cpus)


def ours(content: Path, output: Path, *extra: str) -> tuple[float, float, float]:
    return measured(briefing("build", content, output, *extra), ROOT, 1)


def ours_by_stage(
    content: Path, output: Path, stages: dict[str, list[tuple[float, float]]], *extra: str
) -> tuple[float, float, float]:
    """`ours` with `build -v`: each stage's (wall, CPU) seconds are added to `stages`."""
    said: list[str] = []
    result = measured(briefing("build", content, output, "-v", *extra), ROOT, 1, said)
    for name, times in parse_stages(said).items():
        stages.setdefault(name, []).append(times)
    return result


SEARCH_STAGE = """
import sys
from pathlib import Path
from generator.search.index import write_search_index
write_search_index(Path(sys.argv[1]), "en", Path(sys.argv[2]))
"""


def search_stage(site: Path, bundle: Path) -> tuple[float, float, float]:
    """The Pagefind stage alone on a built site: seconds, peak RSS (MB, indexer included)."""
    shutil.rmtree(bundle, ignore_errors=True)
    return measured([sys.executable, "-c", SEARCH_STAGE, str(site), str(bundle)], ROOT, 1)


def edit_one(content: Path, round_number: int) -> None:
    article = sorted((content / "articles").glob("*.md"))[7]
    text = article.read_text(encoding="utf-8")
    article.write_text(text + f"\nOne more sentence, round {round_number}.\n", "utf-8")


def peer_commands(peers: Path, work: Path) -> dict[str, tuple[list[str], Path]]:
    hugo = [str(peers / "hugo"), "--quiet", "--source", str(work / "hugo"),
            "--destination", str(work / "hugo-out")]
    pelican = [str(peers / "pelican"), str(work / "pelican" / "content"), "-o",
               str(work / "pelican-out"), "-s", str(work / "pelican" / "pelicanconf.py"), "-q"]
    return {"hugo": (hugo, work), "pelican": (pelican, work / "pelican")}


def rebuilds(content: Path, output: Path) -> tuple[float, int, float, int]:
    """(no-change seconds, files written, one-edit seconds, pages rendered), no search."""
    from generator.pipeline.builder import Builder, BuildOptions

    builder = Builder(
        BuildOptions(
            content_dir=content, theme_dir=THEME, output_dir=output, search=False, workers=1
        )
    )
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
            rows.append(measure_size(Path(temp), size, args.peers, args.runs))
            print(json.dumps(rows[-1]), file=sys.stderr)
    print(table(rows))


def measure_size(work: Path, size: int, peers: Path | None, runs: int) -> dict:
    content = work / "content"
    write_corpus(content, size)
    peer = {}
    if peers:
        write_hugo_site(content, work / "hugo")
        write_pelican_site(content, work / "pelican")
        peer = peer_commands(peers, work)
    samples: dict[str, list[tuple[float, float, float]]] = {}
    stages: dict[str, dict[str, list[tuple[float, float]]]] = {"ours": {}, "ours_search": {}}

    def sample(name: str, result: tuple[float, float, float]) -> None:
        samples.setdefault(name, []).append(result)

    for round_number in range(runs):
        for cold in (work / "cold", work / "cold-search"):
            shutil.rmtree(cold, ignore_errors=True)  # cold: not even its cards are reused
        cold = ours_by_stage(content, work / "cold", stages["ours"], "--no-search", "--no-cache")
        sample("ours", cold)
        for name, (command, cwd) in peer.items():
            if name == "pelican" and size > 2000 and round_number:
                continue  # a minute a run: once is enough
            sample(name, measured(command, cwd, 1))
        cold_search = ours_by_stage(
            content, work / "cold-search", stages["ours_search"], "--no-cache"
        )
        sample("ours_search", cold_search)
        ours(content, work / "warm")  # the cache is filled (or brought up to date)
        sample("warm_no_change", ours(content, work / "warm"))
        edit_one(content, round_number)
        sample("warm_one_edit", ours(content, work / "warm"))
        sample("search_stage", search_stage(work / "cold", work / "bundle"))
    row: dict = {"articles": size, "pages": pages_in(work / "cold")}
    for build, by_stage in stages.items():  # medians of (wall, CPU) per stage
        row[build + "_stages"] = {
            name: [statistics.median(t[i] for t in times) for i in (0, 1)]
            for name, times in by_stage.items()
        }
    for name, results in samples.items():
        row[name] = statistics.median(seconds for seconds, _, _ in results)
        row[name + "_rss"] = max(peak for _, peak, _ in results)
        row[name + "_cpu"] = statistics.median(cpu for _, _, cpu in results)
    (
        row["no_change"],
        row["no_change_written"],
        row["one_edit"],
        row["one_edit_rendered"],
    ) = rebuilds(content, work / "live")
    return row


def stage_cell(row: dict, name: str) -> str:
    """'1.23 s, 14 %, 2.05 s CPU' for a stage of the cold build with Pagefind."""
    wall, cpu = row["ours_search_stages"].get(name, (0.0, 0.0))
    share = 100 * wall / row["ours_search"] if row["ours_search"] else 0.0
    return f"{wall:.2f} s, {share:.0f} %, {cpu:.2f} s CPU"


def table(rows: list[dict]) -> str:
    lines = [
        "| | " + " | ".join(f"{r['articles']:,} articles" for r in rows) + " |",
        "|---|" + "---|" * len(rows),
    ]

    def line(label: str, cell) -> None:
        lines.append(f"| {label} | " + " | ".join(cell(r) for r in rows) + " |")

    line("HTML pages written", lambda r: f"{r['pages']:,}")
    line("full build, no Pagefind", lambda r: f"{r['ours']:.2f} s ({r['ours_cpu']:.2f} s CPU)")
    line("ms per page", lambda r: f"{r['ours'] * 1000 / r['pages']:.2f}")
    line("peak RSS (largest process)", lambda r: f"{r['ours_rss']:.0f} MB")
    line("full build with Pagefind", lambda r: f"{r['ours_search']:.2f} s")
    for name in STAGES:  # each stage of the cold build with Pagefind: share and CPU
        line(f"· stage {name} (cold, Pagefind)", lambda r, name=name: stage_cell(r, name))
    line(
        "Pagefind stage alone",
        lambda r: f"{r['search_stage']:.2f} s, {r['search_stage_rss']:.0f} MB peak",
    )
    line("full build with Pagefind, CPU", lambda r: f"{r['ours_search_cpu']:.2f} s")
    line(
        "warm build, no change (cache, Pagefind)",
        lambda r: f"{r['warm_no_change']:.2f} s ({r['warm_no_change_cpu']:.2f} s CPU)",
    )
    line(
        "warm build, one-article edit (cache, Pagefind)",
        lambda r: f"{r['warm_one_edit']:.2f} s ({r['warm_one_edit_cpu']:.2f} s CPU)",
    )
    line(
        "preview: no-change rebuild",
        lambda r: f"{r['no_change'] * 1000:.0f} ms, {r['no_change_written']} files written",
    )
    line(
        "preview: one-article edit",
        lambda r: f"{r['one_edit'] * 1000:.0f} ms, {r['one_edit_rendered']} pages rendered",
    )
    if "hugo" in rows[0]:
        line(
            "Hugo",
            lambda r: (
                f"{r['hugo']:.2f} s, {r['hugo_cpu']:.2f} s CPU "
                f"(ours {r['ours'] / r['hugo']:.1f}× Hugo's wall time)"
            ),
        )
        line(
            "Pelican",
            lambda r: (
                f"{r['pelican']:.2f} s, {r['pelican_cpu']:.2f} s CPU "
                f"(ours {r['pelican'] / r['ours']:.1f}× faster, "
                f"{r['pelican_cpu'] / r['ours_cpu']:.1f}× in CPU)"
            ),
        )
        line(
            "warm one-edit vs Hugo's full build",
            lambda r: f"{r['warm_one_edit'] / r['hugo']:.2f}× Hugo's time",
        )
    return "\n".join(lines)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    shutil.which("true")
    main()
