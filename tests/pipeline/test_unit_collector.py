"""The cycle collector is set for a one-shot build while it runs, and as it was after."""

from __future__ import annotations

import gc

import pytest

from generator.pipeline.collector import BATCH_THRESHOLDS, batch_collection


def test_the_build_runs_with_fewer_collections_and_the_defaults_come_back() -> None:
    before = gc.get_threshold()
    with batch_collection():
        assert gc.get_threshold() == BATCH_THRESHOLDS
    assert gc.get_threshold() == before


def test_a_failed_build_puts_the_collector_back_too() -> None:
    before = gc.get_threshold()
    with pytest.raises(RuntimeError), batch_collection():
        raise RuntimeError("the build failed")
    assert gc.get_threshold() == before


def test_the_batch_setting_collects_less_often_than_the_default() -> None:
    assert BATCH_THRESHOLDS[0] > gc.get_threshold()[0]
