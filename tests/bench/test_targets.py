"""The targets bench's verdicts from given figures: pairing, met or missed, the tables.

Pure: no build, no peer tool (the bench's measuring is run by hand, bench/targets.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import ROOT
from hypothesis import given
from hypothesis import strategies as st

sys.path.insert(0, str(ROOT / "bench"))
from targets import find_tools, read_samples, show_saved, write_samples
from verdicts import (
    Sample,
    Target,
    figure_table,
    paired_ratio,
    targets,
    verdict,
    verdict_table,
)

COLD_CPU = Target("cold CPU vs Pelican", "ours@1000", "cpu", 1.0, "pelican@1000")
PREVIEW = Target("preview", "preview@1000", "ms", 200.0, unit=" ms")


def runs(*pairs: tuple[float, float]) -> list[Sample]:
    return [Sample(wall=wall, cpu=cpu, peak_mb=100.0) for wall, cpu in pairs]


def test_a_ratio_is_taken_run_by_run_not_from_the_medians() -> None:
    # Round 2 ran on a machine twice as slow for both: its ratio is still 2.
    figures = {
        "ours@1000": runs((10, 20), (40, 80), (12, 24)),
        "pelican@1000": runs((5, 10), (20, 40), (4, 8)),
    }
    assert paired_ratio(figures, "ours@1000", "pelican@1000", "cpu") == 2.0
    assert paired_ratio(figures, "ours@1000", "pelican@1000", "wall") == 2.0


def test_the_issue_s_cold_figures_miss_pelican_s_cpu_by_2_65() -> None:
    figures = {"ours@1000": runs((7.5, 13.6)), "pelican@1000": runs((5.0, 5.0))}
    found = verdict(COLD_CPU, figures)
    assert found.measured == pytest.approx(2.72)
    assert found.met is False
    assert found.words == "**missed** by 2.72×"


def test_a_wall_ratio_shows_the_cpu_ratio_of_the_same_pairs_beside_it() -> None:
    figures = {"ours@1000": runs((6, 12), (9, 13)), "pelican@1000": runs((4, 4), (3, 5))}
    target = Target("cold wall vs Pelican", "ours@1000", "wall", 0.5, "pelican@1000")
    found = verdict(target, figures)
    assert (found.measured, found.cpu) == (2.25, 2.8)
    assert verdict_table([found]).splitlines()[2] == (
        "| cold wall vs Pelican | 2.25× | ≤ 0.50× | **missed** by 4.50× | 2.80× |"
    )


def test_a_wall_time_limit_shows_the_cpu_seconds_of_the_same_runs() -> None:
    target = Target("no-change", "nc@1000", "wall", 0.15, unit=" s")
    found = verdict(target, {"nc@1000": runs((0.83, 0.12), (0.77, 0.14), (1.04, 0.13))})
    assert (found.measured, found.cpu) == (0.83, 0.13)
    assert verdict_table([found]).splitlines()[2].endswith("| **missed** by 5.53× | 0.13 s |")


def test_a_figure_under_its_limit_is_met_and_says_by_how_much() -> None:
    found = verdict(PREVIEW, {"preview@1000": [Sample(0, 0, 0, ms) for ms in (90, 80, 500)]})
    assert found.measured == 90
    assert found.met is True
    assert found.words == "**met** (0.45× the limit)"


def test_a_missing_figure_is_not_measured_and_named() -> None:
    found = verdict(COLD_CPU, {"ours@1000": runs((1, 1))})
    assert found.measured is None
    assert found.met is None
    assert found.words == "not measured (no pelican@1000)"


@given(
    st.lists(st.floats(0.01, 1000), min_size=1, max_size=7),
    st.floats(0.05, 20),
    st.floats(0.1, 10),
)
def test_met_exactly_when_the_paired_ratio_is_within_the_limit(
    peer: list[float], factor: float, limit: float
) -> None:
    figures = {
        "ours@1000": runs(*((p * factor, p * factor) for p in peer)),
        "pelican@1000": runs(*((p, p) for p in peer)),
    }
    target = Target("t", "ours@1000", "wall", limit, "pelican@1000")
    found = verdict(target, figures)
    assert found.measured == pytest.approx(factor)
    assert found.met is (found.measured <= limit)


def test_every_target_of_the_issue_is_a_row_even_unmeasured() -> None:
    table = verdict_table([verdict(t, {}) for t in targets([1000])])
    lines = table.splitlines()[2:]
    assert len(lines) == len(targets([1000])) == 10
    assert all("not measured" in line for line in lines)
    for words in ("CPU vs Pelican", "wall vs Pelican", "10,000 with search vs Hugo",
                  "edit, fresh process", "preview save", "peak memory", "no-change"):
        assert words in table


def test_an_edit_target_is_added_for_each_size_measured() -> None:
    names = [t.figure for t in targets([1000, 10000, 3000])]
    assert [n for n in names if n.startswith("briefing-edit")] == [
        "briefing-edit@1000", "briefing-edit@3000", "briefing-edit@10000"]


def test_the_figure_table_gives_medians_and_latencies_by_size() -> None:
    table = figure_table({
        "pelican@10000": runs((40, 39)),
        "pelican@1000": runs((5, 5), (6, 7), (4, 4)),
        "preview@1000": [Sample(0, 0, 0, ms) for ms in (552, 486, 600)],
        "hugo@1000": [Sample(1, 2, 300, peak_pss_mb=120)],
    })
    assert table.splitlines()[2:] == [
        "| hugo@1000 | 1 | 1.00 s | 2.00 s | 300 MB | 120 MB |",
        "| pelican@1000 | 3 | 5.00 s | 5.00 s | 100 MB | — |",
        "| preview@1000 | 3 | 552 ms (486–600) | | | |",
        "| pelican@10000 | 1 | 40.00 s | 39.00 s | 100 MB | — |",
    ]


def test_peer_tools_are_found_by_their_install_layout(tmp_path: Path) -> None:
    binaries = tmp_path / "venv/lib/python3.11/site-packages"
    for path in ("venv/bin/pelican", "venv/lib/python3.11/site-packages/hugo/binaries/hugo"):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text("#!/bin/sh\n")
        (tmp_path / path).chmod(0o755)
    (binaries / "pagefind_bin").mkdir()
    (binaries / "pagefind_bin" / "pagefind").write_text("not executable")
    assert find_tools(tmp_path) == {
        "pelican": tmp_path / "venv/bin/pelican",
        "hugo": binaries / "hugo/binaries/hugo",
    }


def test_saved_samples_read_back_the_same(tmp_path: Path) -> None:
    figures = {"pelican@1000": runs((5, 5), (6, 7)), "preview@1000": [Sample(0, 0, 0, 552.5)]}
    write_samples(tmp_path / "figures.json", figures)
    assert read_samples(tmp_path / "figures.json") == figures


def test_a_file_that_is_not_saved_samples_is_said_not_raised(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "other.json").write_text('{"pelican@1000": [{"seconds": 1}]}')
    assert show_saved([tmp_path / "other.json"]) == 2
    assert "other.json: not samples written by --json" in capsys.readouterr().err


def test_a_search_refresh_is_seen_in_the_shards_and_their_entries(tmp_path: Path) -> None:
    from served import search_signature

    bundle = tmp_path / "pagefind"
    assert search_signature(bundle) == ()  # none yet, or in the middle of the swap
    (bundle / "s0").mkdir(parents=True)
    (bundle / "shards.json").write_text('{"shards": ["a"]}')
    (bundle / "s0" / "pagefind-entry.json").write_text('{"index": 1}')
    before = search_signature(bundle)
    (bundle / "s0" / "pagefind-entry.json").write_text('{"index": 2}')
    assert search_signature(bundle) not in {before, ()}


def test_timed_edits_wait_for_the_page_then_the_search_and_restore_the_text(
    tmp_path: Path,
) -> None:
    from served import _timed_edits

    article = tmp_path / "article.md"
    article.write_text("Body.\n")
    seen: list[tuple[str, bool]] = []
    to_page, to_search = _timed_edits(
        article, 3, 0.0, lambda marker: seen.append((marker, marker in article.read_text())),
        lambda: None,
    )
    assert seen == [(f"Benchmark sentence number {i:04d}.", True) for i in range(3)]
    assert len(to_page) == len(to_search) == 3
    assert all(0 <= page <= search for page, search in zip(to_page, to_search, strict=True))
    assert article.read_text() == "Body.\n"


FORKED_HOLDER = """
import os, sys, time
held = b"x" * (64 * 2**20)  # 64 MB, resident
if os.fork() == 0:
    time.sleep(1.5)
    os._exit(0)
time.sleep(1.5)
os.wait()
"""


def test_the_tree_s_pss_counts_a_forked_child_s_shared_pages_once() -> None:
    """A forked child shares its parent's 64 MB: the resident sizes add up to about twice
    that, the proportional sizes to about once (Linux's /proc/PID/smaps_rollup)."""
    from tree_usage import run_measured

    sample = run_measured([sys.executable, "-c", FORKED_HOLDER], interval=0.05)
    assert sample.peak_mb > 120
    assert 60 < sample.peak_pss_mb < 100
