"""forked.soon: work run now, or beside the caller in a forked process; the same answer."""

from __future__ import annotations

import os

import pytest

from generator.forked import soon


def _where(given: int) -> tuple[int, int]:
    return given * 2, os.getpid()


def test_in_the_foreground_the_work_is_done_before_soon_returns() -> None:
    done: list[int] = []
    answer = soon(lambda given: done.append(given) or given + 1, 41, background=False)
    assert done == [41]
    assert answer() == 42


@pytest.mark.slow  # starts a process
def test_in_the_background_only_the_answer_crosses_from_another_process() -> None:
    doubled, pid = soon(_where, 21, background=True)()
    assert doubled == 42
    assert pid != os.getpid()
