"""Issue 27's targets as data, and the verdict of each from measured figures (no I/O).

A `Sample` is one run of one command: wall and CPU seconds (user + system of the whole
process tree) and the tree's peak resident memory. Figures are named `what@articles`
("briefing-cold@1000"); a runner of the same round and size shares the round's index,
so a ratio is taken pair by pair (run i of A against run i of B) and its median quoted:
pairing keeps a ratio meaningful when the machine's speed drifts between rounds."""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

Quantity = Literal["wall", "cpu", "peak_mb", "ms", "peak_pss_mb"]


@dataclass(frozen=True, slots=True)
class Sample:
    wall: float  # seconds
    cpu: float  # seconds, user + system of every process the command waited for
    peak_mb: float  # largest sum of the tree's resident memory seen at once
    ms: float = 0.0  # a latency measured inside a run (the preview's save -> page served)
    peak_pss_mb: float = 0.0  # largest sum of the tree's PSS (shared pages split); 0: unknown

    def get(self, quantity: Quantity) -> float:
        return float(getattr(self, quantity))


Figures = Mapping[str, Sequence[Sample]]


@dataclass(frozen=True, slots=True)
class Target:
    """`figure` (over `against`, when given) must be at most `limit`."""

    name: str
    figure: str
    quantity: Quantity
    limit: float
    against: str | None = None
    unit: str = "×"


@dataclass(frozen=True, slots=True)
class Verdict:
    target: Target
    measured: float | None  # None: a figure it needs was not measured
    missing: str = ""  # which figure, when not measured
    cpu: float | None = None  # of a wall-time figure: the same runs' CPU (ratio or seconds)

    @property
    def met(self) -> bool | None:
        return None if self.measured is None else self.measured <= self.target.limit

    @property
    def words(self) -> str:
        """'**met** (0.40× the limit)', '**missed** by 2.65×', 'not measured (no X)'."""
        if self.measured is None:
            return f"not measured (no {self.missing})"
        factor = self.measured / self.target.limit
        if self.met:
            return f"**met** ({factor:.2f}× the limit)"
        return f"**missed** by {factor:.2f}×"


def median(figures: Figures, figure: str, quantity: Quantity) -> float | None:
    samples = figures.get(figure, ())
    return statistics.median(s.get(quantity) for s in samples) if samples else None


def paired_ratio(
    figures: Figures, figure: str, against: str, quantity: Quantity
) -> float | None:
    """Median over rounds of A/B, run i of A against run i of B (rounds both measured)."""
    pairs = [
        (a.get(quantity), b.get(quantity))
        for a, b in zip(figures.get(figure, ()), figures.get(against, ()), strict=False)
        if b.get(quantity) > 0
    ]
    return statistics.median(a / b for a, b in pairs) if pairs else None


def verdict(target: Target, figures: Figures) -> Verdict:
    needed = [target.figure] + ([target.against] if target.against else [])
    absent = [name for name in needed if not figures.get(name)]
    if absent:
        return Verdict(target, None, ", ".join(absent))
    if not target.against:
        cpu = median(figures, target.figure, "cpu") if target.quantity == "wall" else None
        return Verdict(target, median(figures, target.figure, target.quantity), cpu=cpu)
    measured = paired_ratio(figures, target.figure, target.against, target.quantity)
    cpu = paired_ratio(figures, target.figure, target.against, "cpu")
    return Verdict(target, measured, "" if measured is not None else target.against, cpu)


def targets(sizes: Sequence[int]) -> list[Target]:
    """Issue 27's "Targets", for the sizes measured (a target at another size is kept,
    so the table says it was not measured rather than leaving it out)."""
    k, tenk = 1000, 10000
    rows = [
        Target("cold 1,000, no search: CPU vs Pelican", f"briefing-cold@{k}", "cpu", 1.0,
               f"pelican@{k}"),
        Target("cold 1,000, no search: wall vs Pelican", f"briefing-cold@{k}", "wall", 0.5,
               f"pelican@{k}"),
        Target("cold 1,000 with search vs Hugo + Pagefind CLI (wall)",
               f"briefing-cold-search@{k}", "wall", 3.0, f"hugo-pagefind@{k}"),
        Target("cold 10,000 with search vs Hugo + Pagefind CLI (wall)",
               f"briefing-cold-search@{tenk}", "wall", 2.5, f"hugo-pagefind@{tenk}"),
    ]
    for size in sorted({k, tenk, *sizes}):
        rows.append(Target(
            f"one-article edit, fresh process, search, {size:,}: vs Hugo + Pagefind full build",
            f"briefing-edit@{size}", "wall", 0.5, f"hugo-pagefind@{size}"))
    rows += [
        Target("preview save → page served, 1,000", f"preview@{k}", "ms", 200.0, unit=" ms"),
        Target("peak memory of the process tree, 10,000 with search",
               f"briefing-cold-search@{tenk}", "peak_mb", 600.0, unit=" MB"),
        Target("no-change build, fresh process, 1,000", f"briefing-no-change@{k}", "wall",
               0.15, unit=" s"),
        Target("no-change build, fresh process, 10,000", f"briefing-no-change@{tenk}", "wall",
               0.3, unit=" s"),
    ]
    return rows


def _amount(value: float, unit: str) -> str:
    return f"{value:.2f}{unit}" if unit in {"×", " s"} else f"{value:.0f}{unit}"


def verdict_table(verdicts: Sequence[Verdict]) -> str:
    """The Markdown table: target, measured, limit, met or missed and by how much."""
    lines = [
        "| target | measured | limit | verdict | the same runs in CPU time |",
        "|---|---|---|---|---|",
    ]
    for found in verdicts:
        unit = found.target.unit
        measured = "—" if found.measured is None else _amount(found.measured, unit)
        limit = f"≤ {_amount(found.target.limit, unit)}"
        cpu = "" if found.cpu is None else _amount(found.cpu, unit)
        if found.target.quantity == "cpu":
            cpu = ""
        lines.append(
            f"| {found.target.name} | {measured} | {limit} | {found.words} | {cpu} |"
        )
    return "\n".join(lines)


def figure_table(figures: Figures) -> str:
    """Every figure's medians (wall, CPU, peak memory of the tree: the sum of its resident
    sizes, and of its PSS where measured) and its run count."""
    lines = [
        "| figure | runs | wall | CPU | peak RSS of the tree | peak PSS of the tree |",
        "|---|---|---|---|---|---|",
    ]
    for name in sorted(figures, key=_by_size_then_name):
        samples = figures[name]
        if not samples:
            continue
        if any(s.ms for s in samples):
            ms = statistics.median(s.ms for s in samples)
            low, high = min(s.ms for s in samples), max(s.ms for s in samples)
            lines.append(f"| {name} | {len(samples)} | {ms:.0f} ms ({low:.0f}–{high:.0f}) | | | |")
            continue
        wall, cpu, peak, pss = (
            median(figures, name, q) or 0.0 for q in ("wall", "cpu", "peak_mb", "peak_pss_mb")
        )
        shared = f"{pss:.0f} MB" if pss else "—"
        lines.append(
            f"| {name} | {len(samples)} | {wall:.2f} s | {cpu:.2f} s | {peak:.0f} MB | {shared} |"
        )
    return "\n".join(lines)


def _by_size_then_name(name: str) -> tuple[int, str]:
    what, _, size = name.partition("@")
    return (int(size) if size.isdigit() else 0, what)
