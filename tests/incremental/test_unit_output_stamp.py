"""output_stamp: the no-change manifest's record of the output folder. Every damage that
moves a stat is noticed (a deleted page, a page edited in place or replaced, a stray file
or folder, even one since removed); an edit that puts back the size and the mtime of the
file it changed in place is not, and this says so."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.content.fingerprints import snapshot
from generator.incremental import output_stamp
from generator.incremental.output_stamp import OutputStamp, from_data, holds, stamp

PAGES = ("index.html", "articles/a/index.html", "articles/b/index.html", "cards/a.png")
LONG_AGO = 1_000_000_000_000_000_000  # 2001: any write since moves a stat away from it


def _made(site: Path, pages: tuple[str, ...] = PAGES) -> OutputStamp:
    for page in pages:
        (site / page).parent.mkdir(parents=True, exist_ok=True)
        (site / page).write_text(f"<p>{page}</p>", encoding="utf-8")
    for path in [*site.rglob("*"), site]:  # so a write in the same clock tick still shows
        os.utime(path, ns=(LONG_AGO, LONG_AGO))
    made = stamp(site, snapshot(site))
    assert made is not None
    return made


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return tmp_path / "site"


def test_an_output_as_recorded_holds(site: Path) -> None:
    made = _made(site)
    assert holds(site, made)
    assert made.folders == ("", "articles", "articles/a", "articles/b", "cards")
    assert from_data(made.to_data()) == made


def test_a_deleted_page_is_noticed(site: Path) -> None:
    made = _made(site)
    (site / "articles/a/index.html").unlink()
    assert not holds(site, made)


def test_a_page_edited_in_place_is_noticed(site: Path) -> None:
    made = _made(site)
    page = site / "articles/b/index.html"
    with page.open("r+b") as opened:  # same size, same folder listing: only its stat moves
        opened.write(b"<b>")
    assert page.stat().st_size == len("<p>articles/b/index.html</p>")
    assert not holds(site, made)


def test_a_page_replaced_by_one_of_the_same_stat_is_noticed(site: Path) -> None:
    """An editor's save: a new file renamed over the page, its mtime set back."""
    made = _made(site)
    page, temp = site / "index.html", site / ".index.html.tmp"
    temp.write_text("<p>INDEX.HTML</p>", encoding="utf-8")
    os.utime(temp, ns=(LONG_AGO, LONG_AGO))
    os.replace(temp, page)
    assert snapshot(site)["index.html"] == (len("<p>index.html</p>"), LONG_AGO)
    assert not holds(site, made)


@pytest.mark.parametrize(
    "stray", ["stray.html", "articles/a/stray.html", "articles/c/index.html", "cards/x/"]
)
def test_a_stray_file_or_folder_is_noticed(site: Path, stray: str) -> None:
    made = _made(site)
    path = site / stray
    path.parent.mkdir(parents=True, exist_ok=True)
    if stray.endswith("/"):
        path.mkdir()
    else:
        path.write_text("stray", encoding="utf-8")
    assert not holds(site, made)


def test_a_stray_file_since_removed_is_still_noticed(site: Path) -> None:
    made = _made(site)
    (site / "articles" / "stray.html").write_text("stray", encoding="utf-8")
    (site / "articles" / "stray.html").unlink()
    assert not holds(site, made)


def test_an_edit_that_puts_back_size_and_mtime_is_not_noticed(site: Path) -> None:
    """The limit, as before the stamp: stat is all that is read, never the bytes."""
    made = _made(site)
    page = site / "articles/a/index.html"
    with page.open("r+b") as opened:
        opened.write(b"<b>")
    os.utime(page, ns=(LONG_AGO, LONG_AGO))
    assert holds(site, made)


def test_a_missing_output_folder_does_not_hold(site: Path) -> None:
    made = _made(site)
    site.rename(site.with_name("elsewhere"))
    assert not holds(site, made)


def test_no_stamp_of_an_output_that_is_not_the_snapshot(site: Path) -> None:
    _made(site)
    taken = snapshot(site)
    (site / "late.html").write_text("late", encoding="utf-8")
    assert stamp(site, taken) is None
    assert stamp(site, {**snapshot(site), "gone.html": (1, 2)}) is None


@pytest.mark.parametrize(
    "data",
    [
        {"folders": [""], "names": [], "digest": "x"},
        {"folders": "", "names": [], "digest": "x"},
        {"folders": [""], "names": ["index.html"], "digest": "x"},
        {"folders": [""], "names": [[]], "digest": 1},
        {"folders": [""]},
    ],
)
def test_a_damaged_record_is_an_error_the_manifest_catches(data: dict[str, object]) -> None:
    with pytest.raises((TypeError, ValueError, KeyError)):
        from_data(data)


NAMES = st.sampled_from(["index.html", "a", "b.png", "feed.xml"])
TREES = st.lists(st.lists(NAMES, min_size=1, max_size=3), min_size=1, max_size=5)


@settings(max_examples=40, deadline=None)
@given(tree=TREES, pick=st.integers(min_value=0), damage=st.sampled_from(["rm", "edit", "add"]))
def test_any_one_damage_to_any_output_is_noticed(
    tmp_path_factory: pytest.TempPathFactory, tree: list[list[str]], pick: int, damage: str
) -> None:
    site = tmp_path_factory.mktemp("site")
    pages = tuple(sorted({"/".join(parts) for parts in tree}))
    pages = tuple(p for p in pages if not any(q.startswith(f"{p}/") for q in pages))
    made = _made(site, pages)
    page = site / pages[pick % len(pages)]
    if damage == "rm":
        page.unlink()
    elif damage == "edit":
        page.write_text("edited by hand", encoding="utf-8")
    else:
        (page.parent / "stray").mkdir(exist_ok=True)
    assert not holds(site, made)
    assert output_stamp.stamp(site, snapshot(site)) != made
