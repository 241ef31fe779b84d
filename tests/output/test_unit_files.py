"""The write guard for many files (`OutputTree`): each folder checked once, the same answers
as `inside` for every path, and nothing written out of the output through a link."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.output.files import OutputTree, OutsideOutput, inside

NAMES = st.sampled_from(["a", "b", "index.html", "x.png", "feed.xml", "é"])
PATHS = st.lists(NAMES, min_size=1, max_size=4).map("/".join)


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(paths=st.lists(PATHS, min_size=1, max_size=12))
def test_a_tree_answers_as_inside_for_every_path(tmp_path_factory, paths: list[str]) -> None:
    one, other = tmp_path_factory.mktemp("tree"), tmp_path_factory.mktemp("each")
    tree = OutputTree(one / "site")
    for relative in paths:
        try:
            expected: Path | type[OSError] = inside(other / "site", relative).relative_to(other)
        except OSError as error:  # a file where a folder is asked for
            expected = type(error)
        try:
            found: Path | type[OSError] = tree.inside(relative).relative_to(one)
        except OSError as error:
            found = type(error)
        assert found == expected
        if isinstance(found, Path):
            assert (one / found).parent.is_dir()
            assert (one / found).is_dir() == (other / found).is_dir()
            if not (one / found).is_dir():  # a page written there: later folders meet it
                (one / found).write_text("x")
                (other / found).write_text("x")


def test_a_folder_linked_out_is_refused_after_its_neighbours_were_checked(tmp_path: Path) -> None:
    site, elsewhere = tmp_path / "site", tmp_path / "elsewhere"
    site.mkdir()
    elsewhere.mkdir()
    tree = OutputTree(site)
    assert tree.inside("articles/a/index.html") == site / "articles/a/index.html"
    (site / "articles" / "b").symlink_to(elsewhere)
    (site / "topics").symlink_to(elsewhere)
    for relative in ("articles/b/index.html", "articles/b/c/index.html", "topics/x/index.html"):
        with pytest.raises(OutsideOutput):
            tree.inside(relative)
    assert list(elsewhere.iterdir()) == []


def test_a_link_that_stays_inside_is_followed_and_a_file_link_is_refused(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "real").mkdir(parents=True)
    (site / "alias").symlink_to(site / "real")
    (site / "page.html").symlink_to(tmp_path / "out.html")
    tree = OutputTree(site)
    assert tree.inside("alias/x/index.html") == site / "alias/x/index.html"
    assert (site / "real" / "x").is_dir()
    with pytest.raises(OutsideOutput, match="symbolic link"):
        tree.inside("page.html")


@pytest.mark.parametrize("relative", ["../x", "a/../../x", "/etc/x", "", "a//b", "./a", "a\\b"])
def test_a_tree_refuses_a_path_that_is_not_plain(tmp_path: Path, relative: str) -> None:
    with pytest.raises(OutsideOutput, match="not a plain path"):
        OutputTree(tmp_path / "site").inside(relative)
    assert not (tmp_path / "x").exists()
