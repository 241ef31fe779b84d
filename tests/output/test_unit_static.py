"""output.static: the theme's static files to publish (no hidden, backup or editor file, no
link out of the theme), copied or kept in step with the fewest writes, or a whole site
hard-linked."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import ContentErrors
from generator.output.static import copy_static, static_files, sync_static


def theme_static(tmp_path: Path, names: list[str]) -> Path:
    static = tmp_path / "theme" / "static"
    for name in names:
        (static / name).parent.mkdir(parents=True, exist_ok=True)
        (static / name).write_text(name, encoding="utf-8")
    return static


def test_only_publishable_files_are_listed_sorted(tmp_path: Path) -> None:
    names = ["style.css", "js/app.js", ".env", ".git/config", "app.js~", ".app.js.swp",
             "#notes#", "old.bak", "img/logo.svg"]  # fmt: skip
    static = theme_static(tmp_path, names)
    assert [p.as_posix() for p in static_files(static)] == [
        "style.css",
        "img/logo.svg",
        "js/app.js",
    ]


def test_no_static_folder_is_no_files(tmp_path: Path) -> None:
    assert static_files(tmp_path / "none") == []


def test_a_link_inside_the_theme_is_published_and_one_out_of_it_refused(tmp_path: Path) -> None:
    static = theme_static(tmp_path, ["style.css"])
    (static / "same.css").symlink_to(static / "style.css")
    assert [p.name for p in static_files(static)] == ["same.css", "style.css"]
    (tmp_path / "secret").write_text("password")
    (static / "leak.txt").symlink_to(tmp_path / "secret")
    with pytest.raises(ContentErrors) as raised:
        static_files(static)
    (error,) = raised.value.errors
    assert error.message == f"symbolic link to {tmp_path / 'secret'} leads out of the theme"
    assert error.position.path == static / "leak.txt"


def test_a_linked_folder_is_not_followed(tmp_path: Path) -> None:
    static = theme_static(tmp_path, ["style.css"])
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "x.css").write_text("x")
    (static / "more").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    assert [p.name for p in static_files(static)] == ["style.css"]


def test_copy_puts_each_file_under_static(tmp_path: Path) -> None:
    static = theme_static(tmp_path, ["css/style.css"])
    copy_static({"css/style.css": static / "css/style.css"}, tmp_path / "site")
    assert (tmp_path / "site/static/css/style.css").read_text() == "css/style.css"


def test_sync_writes_only_what_differs_and_removes_the_rest(tmp_path: Path) -> None:
    static = theme_static(tmp_path, ["a.css", "b.css"])
    target = tmp_path / "out"
    theme_static(tmp_path / "o", ["a.css", "stale.css"])
    (tmp_path / "o/theme/static").rename(target)
    same_before = (target / "a.css").stat().st_ino
    (static / "b.css").write_text("new b")
    sync_static({"a.css": static / "a.css", "b.css": static / "b.css"}, target)
    assert sorted(p.name for p in target.iterdir()) == ["a.css", "b.css"]
    assert (target / "b.css").read_text() == "new b"
    assert (target / "a.css").stat().st_ino == same_before  # unchanged: not rewritten
