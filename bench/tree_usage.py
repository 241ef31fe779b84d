"""One command's whole process tree: wall seconds, CPU seconds, peak resident memory.

CPU is the kernel's account of the finished child (`os.wait4`): user + system of it and
of every descendant it waited for (forked workers, Pagefind's indexer, `sh -c a && b`).
Peak memory is sampled: every `interval` seconds the resident sizes of the root and all
its descendants (found by parent ids in /proc) are added up; the largest sum is kept,
and never less than the largest single process the kernel saw (`ru_maxrss`). Forked
workers share their parent's pages until they write them, so the sum overstates what
they cost the machine; it is what the issue's "whole process tree" figures mean. Beside
it, the largest sum of the tree's proportional set sizes (PSS, /proc/PID/smaps_rollup: a
page shared by n processes counts 1/n in each), what the tree costs the machine. Linux
only (/proc)."""

from __future__ import annotations

import os
import subprocess
import tempfile
import threading
import time
from pathlib import Path

from verdicts import Sample

PAGE_BYTES = os.sysconf("SC_PAGE_SIZE")


class CommandFailed(Exception):
    """The command exited non-zero; the message ends with the last lines it printed."""


def _processes() -> dict[int, tuple[int, int]]:
    """pid -> (parent pid, resident bytes) of every process readable now."""
    found = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as stat:
                fields = stat.read().rsplit(b")", 1)[1].split()
        except OSError:  # it ended between the listing and the read
            continue
        found[int(entry.name)] = (int(fields[1]), int(fields[21]) * PAGE_BYTES)
    return found


def tree_resident_bytes(root: int) -> int:
    """The resident bytes of `root` and all its descendants, now."""
    return tree_memory(root)[0]


def tree_memory(root: int) -> tuple[int, int]:
    """(resident bytes, proportional bytes) of `root` and all its descendants, now."""
    processes = _processes()
    children: dict[int, list[int]] = {}
    for pid, (parent, _) in processes.items():
        children.setdefault(parent, []).append(pid)
    resident = proportional = 0
    todo = [root]
    while todo:
        pid = todo.pop()
        resident += processes.get(pid, (0, 0))[1]
        proportional += _proportional_bytes(pid)
        todo.extend(children.get(pid, ()))
    return resident, proportional


def _proportional_bytes(pid: int) -> int:
    """The process's PSS, 0 if it ended or the kernel does not say."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as rollup:
            for line in rollup:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0


class _PeakWatcher(threading.Thread):
    def __init__(self, root: int, interval: float) -> None:
        super().__init__(daemon=True)
        self.root, self.interval, self.peak, self.peak_pss = root, interval, 0, 0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(self.interval):
            resident, proportional = tree_memory(self.root)
            self.peak = max(self.peak, resident)
            self.peak_pss = max(self.peak_pss, proportional)


def run_measured(
    command: list[str], cwd: Path | None = None, interval: float = 0.1
) -> Sample:
    """Run `command` (stdout and stderr kept aside, shown only if it fails)."""
    with tempfile.TemporaryFile() as said:
        started = time.perf_counter()
        process = subprocess.Popen(
            command, cwd=cwd, stdin=subprocess.DEVNULL, stdout=said, stderr=said
        )
        watcher = _PeakWatcher(process.pid, interval)
        watcher.start()
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        watcher.done.set()
        watcher.join()
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode:
            said.seek(0)
            tail = said.read().decode("utf-8", "replace").strip().splitlines()[-8:]
            raise CommandFailed(
                f"{Path(command[0]).name} exited {process.returncode}:\n  " + "\n  ".join(tail)
            )
    largest_single = usage.ru_maxrss * 1024
    peak = max(watcher.peak, largest_single) / 2**20
    pss = watcher.peak_pss / 2**20
    return Sample(wall=wall, cpu=usage.ru_utime + usage.ru_stime, peak_mb=peak, peak_pss_mb=pss)
