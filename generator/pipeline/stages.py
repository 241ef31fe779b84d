"""What each stage of a build cost: wall seconds and CPU seconds, so `build -v` and the
bench show a feature that doubles the cold path the day it lands.

CPU is this process's user + system time plus that of the child processes it reaped
during the stage (render workers, card workers, the Pagefind indexer, the background
near-copy and evidence checks): a child's time counts where it was waited for. A stage
timed inside another (render inside write) is taken out of the outer one, so the
stages add up to the time they cover."""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass

STAGES = (
    "cache load",
    "load",
    "model",
    "evidence",
    "texts",
    "near copies",
    "pages",
    "render",
    "cards",
    "write",
    "search",
    "cache save",
)


@dataclass(frozen=True, slots=True)
class StageTime:
    name: str
    seconds: float  # wall
    cpu: float  # user + system, this process and the children it reaped meanwhile


def _cpu() -> float:
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


class StageClock:
    """Adds up the time spent in each named stage of one build."""

    def __init__(self) -> None:
        self._wall: dict[str, float] = {}
        self._cpu: dict[str, float] = {}
        self._inner: list[list[float]] = []  # per open stage: wall, cpu of stages inside it

    @contextlib.contextmanager
    def stage(self, name: str) -> Iterator[None]:
        if name not in STAGES:
            raise ValueError(f"unknown build stage {name!r}")
        wall, cpu = time.perf_counter(), _cpu()
        self._inner.append([0.0, 0.0])
        try:
            yield
        finally:
            inner_wall, inner_cpu = self._inner.pop()
            spent_wall, spent_cpu = time.perf_counter() - wall, _cpu() - cpu
            self._wall[name] = self._wall.get(name, 0.0) + spent_wall - inner_wall
            self._cpu[name] = self._cpu.get(name, 0.0) + spent_cpu - inner_cpu
            if self._inner:
                self._inner[-1][0] += spent_wall
                self._inner[-1][1] += spent_cpu

    def times(self) -> tuple[StageTime, ...]:
        """The stages timed, in pipeline order."""
        return tuple(
            StageTime(name, self._wall[name], max(0.0, self._cpu[name]))
            for name in STAGES
            if name in self._wall
        )


def describe(times: tuple[StageTime, ...], total_seconds: float) -> list[str]:
    """One line per stage: wall seconds, CPU seconds and its share of the build's wall time;
    then what no stage covered (starting, scanning the inputs)."""
    total = max(total_seconds, 1e-9)
    lines = [f"  {'stage':<12} {'wall':>9} {'CPU':>13}  {'share':>6}"]
    lines += [
        f"  {t.name:<12} {t.seconds:7.2f} s {t.cpu:7.2f} s CPU {100 * t.seconds / total:5.1f} %"
        for t in times
    ]
    rest = total_seconds - sum(t.seconds for t in times)
    lines.append(
        f"  {'other':<12} {max(rest, 0.0):7.2f} s {'':7}       {100 * rest / total:5.1f} %"
    )
    return lines


def parse(lines: list[str]) -> dict[str, tuple[float, float]]:
    """The stages back from `describe`'s lines (for the bench): {name: (wall, cpu)}."""
    found: dict[str, tuple[float, float]] = {}
    for line in lines:
        words = line.split()
        for name in STAGES:
            parts = name.split()
            if words[: len(parts)] == parts and words[len(parts) + 1 : len(parts) + 2] == ["s"]:
                rest = words[len(parts) :]
                found[name] = (float(rest[0]), float(rest[2]))
    return found
