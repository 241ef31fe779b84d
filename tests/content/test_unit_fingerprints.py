"""fingerprints: the one stat scan of the inputs and snapshot of the output."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.content.fingerprints import is_content_file, link_out, scan, snapshot


def _files(root: Path, *names: str) -> None:
    for name in names:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(name)


def test_scan_keys_inputs_as_reads_name_them_and_leaves_out_the_rest(tmp_path: Path) -> None:
    content, theme, elsewhere = tmp_path / "content", tmp_path / "theme", tmp_path / "else"
    _files(content, "topics.yaml", "articles/x.md", "articles/.x.md.swp", "articles/x.md~")
    _files(content, ".git/config", "#autosave#")
    _files(theme, "templates/base.html", "static/site.css")
    _files(elsewhere, "secret.md")
    (content / "articles" / "out.md").symlink_to(elsewhere / "secret.md")
    (content / "articles" / "broken.md").symlink_to(tmp_path / "nowhere")
    found = scan(content, theme)
    assert sorted(found) == [
        "articles/x.md",
        "static/site.css",
        "templates/base.html",
        "topics.yaml",
    ]
    info = (content / "topics.yaml").stat()
    assert found["topics.yaml"] == (info.st_mtime_ns, info.st_size, info.st_ino)


def test_an_atomic_save_changes_the_fingerprint(tmp_path: Path) -> None:
    _files(tmp_path, "c/topics.yaml")
    before = scan(tmp_path / "c", tmp_path / "t")["topics.yaml"]
    (tmp_path / "new").write_text("c/topics.yaml")  # same bytes, a new file
    os.replace(tmp_path / "new", tmp_path / "c" / "topics.yaml")
    assert scan(tmp_path / "c", tmp_path / "t")["topics.yaml"] != before


@pytest.mark.parametrize(
    ("target", "says"),
    [("inside.md", ""), ("../outside.md", "outside"), ("missing.md", "broken"), ("loop", "loops")],
)
def test_link_out_says_why_a_link_may_not_be_read(tmp_path: Path, target: str, says: str) -> None:
    root = tmp_path / "root"
    _files(root, "inside.md")
    _files(tmp_path, "outside.md")
    link = root / ("loop" if target == "loop" else "link.md")
    link.symlink_to(target)
    reason = link_out(link, root)
    assert (says in reason) if says else reason == ""
    assert bool(reason) == bool(says)


@given(st.text(alphabet="ab.#~-_", min_size=1, max_size=8).filter(lambda n: n.strip(".")))
def test_hidden_backup_and_swap_names_are_never_content(name: str) -> None:
    hidden = name.startswith((".", "#", "~")) or name.endswith(("~", ".swp", ".swx", ".tmp"))
    assert is_content_file(Path("articles") / name) is not hidden


def test_snapshot_is_size_and_mtime_by_path_and_follows_no_link(tmp_path: Path) -> None:
    _files(tmp_path, "site/index.html", "site/topics/x/index.html")
    (tmp_path / "site" / "linked").symlink_to("topics", target_is_directory=True)
    shot = snapshot(tmp_path / "site")
    assert sorted(shot) == ["index.html", "linked", f"topics{os.sep}x{os.sep}index.html"]
    info = (tmp_path / "site" / "index.html").stat()
    assert shot["index.html"] == (info.st_size, info.st_mtime_ns)
    assert snapshot(tmp_path / "missing") == {}
