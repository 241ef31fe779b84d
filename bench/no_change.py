"""The parts of the no-change check (incremental/manifest.py), timed in one process on a
site already built: the input scan, and the output checked two ways, the listing way
(os.scandir per folder, a stat per file, one digest of the sorted snapshot) and the
stamp the manifest now holds (one lstat per folder and file, no folder listed).

    .venv/bin/python bench/corpus.py --articles 10000 /tmp/c10k
    .venv/bin/briefing build --content /tmp/c10k --output /tmp/o10k/site
    .venv/bin/python bench/no_change.py --content /tmp/c10k --output /tmp/o10k/site

Prints the median CPU milliseconds of each over --runs runs (the file system's caches
warm, as for a second build), and the count of files and folders."""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from generator.content.fingerprints import scan, snapshot
from generator.incremental import manifest, output_stamp


def cpu_ms(work: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.process_time()
        work()
        times.append(time.process_time() - started)
    return round(statistics.median(times) * 1000, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--content", type=Path, required=True)
    parser.add_argument("--output", type=Path, required=True)
    parser.add_argument("--theme", type=Path, default=Path("themes/default"))
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    found = snapshot(args.output)
    stamp = output_stamp.stamp(args.output, found)
    assert stamp is not None, "the output changed while it was read"
    print(f"{len(found)} files in {len(stamp.folders)} folders")
    figures = {
        "input scan + digest": lambda: manifest.stat_digest(scan(args.content, args.theme)),
        "output listed + digest": lambda: manifest.stat_digest(snapshot(args.output)),
        "output stamp (lstat each)": lambda: output_stamp.holds(args.output, stamp),
    }
    for name, work in figures.items():
        print(f"{name:28} {cpu_ms(work, args.runs):8.1f} ms CPU (median of {args.runs})")


if __name__ == "__main__":
    main()
