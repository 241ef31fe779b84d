"""An output changed in place under a journal: every failure, and a build killed midway,
leaves the folder exactly as it was (bytes, names and mtimes); a commit keeps the change."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.output import OutsideOutput, write_atomic
from generator.output.files import remove_page
from generator.output.journal import PLAN_FILE, Journal, journal_folder, recover, removed


def state(root: Path) -> dict[str, tuple[bytes, int]]:
    """Every file and folder below root: a file's bytes and mtime, a folder's name."""
    found: dict[str, tuple[bytes, int]] = {}
    for path in sorted(root.rglob("*")):
        key = path.relative_to(root).as_posix()
        found[key] = (path.read_bytes(), path.stat().st_mtime_ns) if path.is_file() else (b"", 0)
    return found


def make_site(root: Path) -> Path:
    site = root / "site"
    for name, text in {
        "index.html": "home",
        "a/index.html": "a",
        "a/b/index.html": "b",
        "cards/1.png": "card",
        "pagefind/entry.json": "{}",
    }.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text)
    return site


def change(site: Path) -> None:
    """What an edit does: replace, create (in a new folder), remove."""
    write_atomic(site / "a/index.html", b"A")
    write_atomic(site / "new/deep/index.html", b"new")
    remove_page(site, "a/b/index.html")
    (site / "cards/1.png").unlink()


FILES = ["a/index.html", "new/deep/index.html", "a/b/index.html", "cards/1.png"]


def bundle(root: Path) -> Path:
    folder = root / "bundle"
    folder.mkdir()
    (folder / "entry.json").write_text('{"new": 1}')
    return folder


def test_a_rollback_puts_back_every_file_and_removes_what_was_made(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    before = state(site)
    journal = Journal.begin(site, FILES, ["pagefind"])
    change(site)
    journal.swap_folder("pagefind", bundle(tmp_path))
    assert state(site) != before
    journal.rollback()
    assert state(site) == before
    assert not journal.folder.exists()


def test_a_commit_keeps_the_change_and_removes_the_journal(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    journal = Journal.begin(site, FILES, ["pagefind"])
    change(site)
    journal.swap_folder("pagefind", bundle(tmp_path))
    after = state(site)
    journal.commit()
    assert state(site) == after
    assert (site / "pagefind/entry.json").read_text() == '{"new": 1}'
    assert not (site / "a/b").exists()
    assert list(tmp_path.glob(".site-*")) == []


def test_a_commit_that_removes_later_keeps_the_change_and_frees_the_name(tmp_path: Path) -> None:
    """The old search bundle goes with the journal, in a thread: the change is kept at
    once, the journal's name is free for the next edit at once, and `removed` waits."""
    site = make_site(tmp_path)
    journal = Journal.begin(site, FILES, ["pagefind"])
    change(site)
    journal.swap_folder("pagefind", bundle(tmp_path))
    after = state(site)
    journal.commit(remove_later=True)
    assert state(site) == after and not journal.folder.exists()
    again = Journal.begin(site, ["index.html"])  # the next edit of this process
    assert again.folder == journal.folder
    again.commit(remove_later=True)
    removed()
    assert state(site) == after
    assert list(tmp_path.glob(".site-*")) == []


@pytest.mark.slow  # starts a Python process
def test_a_committed_journal_left_by_a_killed_build_is_removed_by_the_next(
    tmp_path: Path,
) -> None:
    """Killed before its thread removed it: the next build's `recover` removes it and
    changes nothing else; while its process runs, it is left alone."""
    site = make_site(tmp_path)
    before = state(site)
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    for pid in (int(gone.stdout), os.getpid() + 10**7):  # dead; no such process either
        left = journal_folder(site, pid).with_name(f".site-journal-site-committed0-{pid}")
        (left / "folder-0").mkdir(parents=True)
        (left / "folder-0" / "entry.json").write_text("{}")
        (left / "0").write_text("old page")
    recover(site)
    assert state(site) == before
    assert list(tmp_path.glob(".site-*")) == []


def test_the_journal_of_a_killed_build_is_rolled_back_by_the_next(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    before = state(site)
    journal = Journal.begin(site, FILES, ["pagefind"])
    change(site)
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    dead_pid = int(gone.stdout)
    journal.folder.rename(journal_folder(site, dead_pid))
    (site / f"new/deep/.index.html.tmp-{dead_pid}").write_text("half")  # killed mid-write
    recover(site)
    assert state(site) == before
    assert not journal_folder(site, dead_pid).exists()


def test_a_running_builds_journal_is_left_alone(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        folder = journal_folder(site, sleeper.pid)
        folder.mkdir()
        (folder / PLAN_FILE).write_text(json.dumps({"files": ["index.html"], "swapped": [],
                                                    "folders": []}))
        recover(site)
        assert (site / "index.html").is_file()
        assert folder.is_dir()
    finally:
        sleeper.kill()
        sleeper.wait()


@pytest.mark.parametrize("path", ["../outside.txt", "/etc/passwd", "a/../../x", "", "a//b"])
def test_a_journal_that_names_a_path_out_of_the_output_removes_nothing(
    tmp_path: Path, path: str
) -> None:
    site = make_site(tmp_path)
    (tmp_path / "outside.txt").write_text("keep")
    folder = journal_folder(site, 999_999_999)
    folder.mkdir()
    (folder / PLAN_FILE).write_text(json.dumps({"files": [path], "swapped": [], "folders": []}))
    with pytest.raises(OutsideOutput):
        recover(site)
    assert (tmp_path / "outside.txt").read_text() == "keep"


def test_a_journal_refuses_a_path_through_a_link_out(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    (tmp_path / "elsewhere").mkdir()
    (site / "link").symlink_to(tmp_path / "elsewhere")
    with pytest.raises(OutsideOutput):
        Journal.begin(site, ["link/index.html"])


NAMES = st.sampled_from(["index.html", "a/index.html", "a/b/index.html", "c/index.html",
                         "c/d/e/index.html", "cards/1.png", "cards/2.png"])
STEPS = st.lists(st.tuples(st.sampled_from(["write", "remove"]), NAMES, st.binary(max_size=8)),
                 max_size=12)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps=STEPS, fail_after=st.integers(min_value=0, max_value=12))
def test_any_edit_that_fails_part_way_leaves_the_output_as_it_was(
    tmp_path_factory: pytest.TempPathFactory, steps: list, fail_after: int
) -> None:
    root = tmp_path_factory.mktemp("journal")
    site = make_site(root)
    before = state(site)
    journal = Journal.begin(site, [name for _, name, _ in steps])
    try:
        for number, (kind, name, data) in enumerate(steps):
            if number == fail_after:
                raise RuntimeError("a fault half-way")
            if kind == "write":
                write_atomic(site / name, data)
            else:
                remove_page(site, name)
    except RuntimeError:
        pass
    journal.rollback()
    assert state(site) == before
    assert not os.path.exists(journal.folder)


def test_a_journal_that_cannot_be_written_leaves_nothing(tmp_path: Path, monkeypatch) -> None:
    site = make_site(tmp_path)
    before = state(site)

    def no_links(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "link", no_links)
    with pytest.raises(OSError):
        Journal.begin(site, FILES)
    assert state(site) == before
    assert list(tmp_path.glob(".site-*")) == []
