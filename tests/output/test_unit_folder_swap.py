"""output.folder_swap: a whole output replaced at once, only if a build made it (its marker,
or the files builds made before there was one), never over a protected folder or a git work
tree; a failed fill leaves the old output; a killed build's folders are tidied up."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.output.faults import OutputError
from generator.output.folder_swap import (
    check_output,
    clean_stale,
    mark_owned,
    publish,
    replace_folder,
)
from generator.routes import OUTPUT_MARKER, TEMP_PREFIX

DEAD_PID = 2**22 + 12345  # above Linux's pid_max: no process has it


def fill_with(text: str) -> Callable[[Path], None]:
    def fill(folder: Path) -> None:
        (folder / "index.html").write_text(text, encoding="utf-8")

    return fill


def built(folder: Path, text: str = "old") -> Path:
    folder.mkdir(parents=True)
    (folder / "index.html").write_text(text, encoding="utf-8")
    mark_owned(folder)
    return folder


def test_a_new_output_is_published_marked_and_nothing_left_beside_it(tmp_path: Path) -> None:
    publish(tmp_path / "site", fill_with("new"), ())
    assert (tmp_path / "site" / "index.html").read_text(encoding="utf-8") == "new"
    assert (tmp_path / "site" / OUTPUT_MARKER).is_file()
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def test_an_output_a_build_made_is_replaced_whole(tmp_path: Path) -> None:
    site = built(tmp_path / "site")
    (site / "gone.html").write_text("from the old build")
    publish(site, fill_with("new"), ())
    assert sorted(p.name for p in site.iterdir()) == [OUTPUT_MARKER, "index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def test_a_failed_fill_leaves_the_old_output_as_it_was(tmp_path: Path) -> None:
    site = built(tmp_path / "site")

    def failing(folder: Path) -> None:
        (folder / "index.html").write_text("half")
        raise RuntimeError("render failed")

    with pytest.raises(RuntimeError):
        replace_folder(site, failing)
    assert (site / "index.html").read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def test_a_folder_briefing_did_not_make_is_refused(tmp_path: Path) -> None:
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "thesis.tex").write_text("years of work")
    with pytest.raises(OutputError, match=f"no {OUTPUT_MARKER} in it"):
        publish(tmp_path / "mine", fill_with("new"), ())
    assert [p.name for p in (tmp_path / "mine").iterdir()] == ["thesis.tex"]


def test_an_older_build_without_the_marker_is_still_recognised(tmp_path: Path) -> None:
    old = tmp_path / "site"
    old.mkdir()
    for name in (".nojekyll", "404.html", "sitemap.xml"):
        (old / name).write_text("")
    check_output(old, ())  # no error
    (old / "sitemap.xml").unlink()
    with pytest.raises(OutputError):
        check_output(old, ())


@pytest.mark.parametrize(
    ("make", "says"),
    [
        (lambda t: (t / "site").write_text("x"), "is a file, not a folder"),
        (lambda t: (t / "site" / ".git").mkdir(parents=True), "git work tree"),
    ],
)
def test_a_file_or_a_git_work_tree_is_refused(
    tmp_path: Path, make: Callable[[Path], object], says: str
) -> None:
    make(tmp_path)
    with pytest.raises(OutputError, match=says):
        check_output(tmp_path / "site", ())


def test_an_output_holding_or_being_a_protected_folder_is_refused(tmp_path: Path) -> None:
    content = tmp_path / "project" / "content"
    content.mkdir(parents=True)
    for target in (tmp_path / "project", content):
        with pytest.raises(OutputError, match="it holds"):
            check_output(target, [content])
    check_output(tmp_path / "project" / "site", [content])  # beside it is fine


def test_a_killed_builds_folders_are_removed_and_a_moved_aside_site_put_back(
    tmp_path: Path,
) -> None:
    built(tmp_path / f"{TEMP_PREFIX}old-site-{DEAD_PID}", "the old site")
    built(tmp_path / f"{TEMP_PREFIX}new-site-{DEAD_PID}", "half new")
    alive = built(tmp_path / f"{TEMP_PREFIX}new-site-{os.getppid()}", "another build's")
    clean_stale(tmp_path / "site")
    assert (tmp_path / "site" / "index.html").read_text(encoding="utf-8") == "the old site"
    assert sorted(p.name for p in tmp_path.iterdir()) == [alive.name, "site"]
