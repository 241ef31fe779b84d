"""output.lock: one build per output at a time, through an flock on a file beside the
output that the holder removes when done; a second holder waits (and is told so)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from generator.output.faults import OutputError
from generator.output.lock import build_lock
from generator.routes import TEMP_PREFIX


def test_the_lock_file_is_beside_the_output_while_held_and_removed_after(tmp_path: Path) -> None:
    target = tmp_path / "new" / "site"
    lock_file = target.parent / f"{TEMP_PREFIX}lock-site"
    with build_lock(target):
        assert lock_file.is_file() and not target.exists()
    assert not lock_file.exists()


def test_the_lock_is_released_when_the_build_fails(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError), build_lock(tmp_path / "site"):
        raise RuntimeError("build failed")
    with build_lock(tmp_path / "site"):  # not held any more: no wait
        pass


def test_a_second_build_waits_for_the_first_and_is_told(tmp_path: Path) -> None:
    events: list[str] = []
    holding = threading.Event()

    def first() -> None:
        with build_lock(tmp_path / "site"):
            holding.set()
            time.sleep(0.05)
            events.append("first done")

    thread = threading.Thread(target=first)
    thread.start()
    holding.wait()
    with build_lock(tmp_path / "site", on_wait=lambda: events.append("waiting")):
        events.append("second")
    thread.join()
    assert events == ["waiting", "first done", "second"]


def test_a_file_where_the_folder_should_be_is_an_output_error(tmp_path: Path) -> None:
    (tmp_path / "parent").write_text("a file")
    with (
        pytest.raises(OutputError, match="is a file, not a folder"),
        build_lock(tmp_path / "parent" / "site"),
    ):
        pass
