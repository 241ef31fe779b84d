"""Stage times: the unit layer (no build) and what `build -v` prints."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from conftest import site_args
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.cli import main
from generator.pipeline.stages import STAGES, StageClock, StageTime, describe, parse


def test_an_inner_stage_is_taken_out_of_the_outer_one() -> None:
    clock = StageClock()
    with clock.stage("write"):
        time.sleep(0.02)
        with clock.stage("render"):
            time.sleep(0.3)
    times = {t.name: t for t in clock.times()}
    assert list(times) == ["render", "write"]  # pipeline order, not the order timed
    assert times["render"].seconds >= 0.3
    # the outer stage's own 0.02 s, however late the machine wakes it: never the 0.32 s
    # it would be with the inner stage left in
    assert 0.02 <= times["write"].seconds < 0.3


def test_a_stage_timed_twice_adds_up_and_an_unknown_one_is_refused() -> None:
    clock = StageClock()
    for _ in range(2):
        with clock.stage("evidence"):
            time.sleep(0.01)
    assert clock.times()[0].seconds >= 0.02
    with (
        pytest.raises(ValueError, match="unknown build stage 'rendering'"),
        clock.stage("rendering"),
    ):
        pass


times_strategy = st.lists(
    st.tuples(
        st.sampled_from(STAGES),
        st.floats(0, 9999, allow_nan=False),
        st.floats(0, 9999, allow_nan=False),
    ),
    unique_by=lambda t: t[0],
)


@settings(deadline=None)
@given(times_strategy)
def test_the_bench_reads_back_what_build_v_prints(rows: list[tuple[str, float, float]]) -> None:
    times = tuple(StageTime(name, wall, cpu) for name, wall, cpu in rows)
    read = parse(describe(times, sum(wall for _, wall, _ in rows) + 1))
    assert read == {name: (round(wall, 2), round(cpu, 2)) for name, wall, cpu in rows}


def test_build_v_prints_every_stage_of_a_cold_build(
    mini_content: Path, tmp_path: Path, capsys
) -> None:
    args = site_args("build", mini_content, tmp_path / "site", "--base-url", "https://a.b/")
    assert main([*args, "--no-cache", "-v"]) == 0
    printed = capsys.readouterr()
    total = float(printed.out.split(" in ")[-1].rstrip("s\n"))
    lines = printed.err.splitlines()
    stages = parse(lines)
    cache_stages = ["cache load", "cache save"]
    # search included: this build indexes; no cache read or written
    assert list(stages) == [name for name in STAGES if name not in cache_stages]
    assert sum(wall for wall, _ in stages.values()) <= total + 0.01 * len(STAGES)
    assert any(line.split()[0] == "other" for line in lines)
    assert main([*args, "-v"]) == 0  # leaves a cache
    with (mini_content / "articles" / "first.md").open("a", encoding="utf-8") as article:
        article.write("\nOne more sentence.\n")
    assert main([*args, "-v"]) == 0  # starts from it: its load and save are stages
    printed = capsys.readouterr()
    stages = parse(printed.err.splitlines())
    names = list(stages)
    assert (names[0], names[-1]) == ("cache load", "cache save")
    total = float(printed.out.split(" in ")[-1].rstrip("s\n"))
    assert sum(wall for wall, _ in stages.values()) <= total + 0.01 * len(STAGES)
