"""The builder's steps on their own (no render, no output written): `prepare` gathers every
stage up to the pages, the lock is taken once per build and only within one, the warm
start finds nothing where no cache was left, a repeated report says nothing was written,
and the writers never replace the folders a build reads."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest
from conftest import FIXTURES, THEME
from hypothesis import given
from hypothesis import strategies as st

from generator.content.fingerprints import scan
from generator.pipeline.lock import OutputLock
from generator.pipeline.plan import Plan
from generator.pipeline.prepare import Memory, prepare
from generator.pipeline.report import BuildReport
from generator.pipeline.stages import StageClock
from generator.pipeline.warm_start import LastBuild, altered_output, warm_start
from generator.pipeline.writers import protected_paths
from generator.settings import BuildOptions

MINI = FIXTURES / "mini"
DAY = dt.date(2026, 12, 3)


def options(tmp_path: Path) -> BuildOptions:
    return BuildOptions(
        content_dir=MINI, theme_dir=THEME, output_dir=tmp_path / "site", today=DAY, workers=1
    )


def test_prepare_gathers_every_stage_up_to_the_pages_and_writes_nothing(tmp_path: Path) -> None:
    clock = StageClock()
    prepared, memory = prepare(
        options(tmp_path), scan(MINI, THEME), None, None, Memory(), clock
    )
    paths = {page.path for page in prepared.pages}
    assert "/" in paths and any(path.startswith("/articles/") for path in paths)
    assert set(prepared.data.site.articles) <= {p.split("/")[2] for p in paths if "/articles/" in p}
    assert memory.parser is not None  # kept for the next build
    assert {"load", "model", "texts", "pages"} <= {time.name for time in clock.times()}
    assert list(tmp_path.iterdir()) == []


def test_the_lock_is_taken_within_a_build_once_and_released_at_its_end(tmp_path: Path) -> None:
    output = tmp_path / "site"
    lock, other = OutputLock(output), OutputLock(output)
    with pytest.raises(RuntimeError):
        lock.take()
    with lock.during_build():
        lock.take()
        lock.take()  # once: a second take in the same build does not wait for itself
        taken = threading.Event()

        def other_build() -> None:
            with other.during_build():
                other.take()
                taken.set()

        waiting = threading.Thread(target=other_build, daemon=True)
        waiting.start()
        assert not taken.wait(0.5)  # the other build waits while this one runs
    assert taken.wait(5)  # and goes on when it ends
    waiting.join(5)


def test_no_warm_start_where_no_cache_was_left(tmp_path: Path) -> None:
    opts = options(tmp_path)
    lock = OutputLock(opts.output_dir)
    with lock.during_build():
        assert warm_start(opts, scan(MINI, THEME), lock) is None


def test_a_repeated_report_says_nothing_was_written(tmp_path: Path) -> None:
    report = BuildReport(
        pages=3,
        rendered=("/",),
        written=("/",),
        deleted=("/old/",),
        seconds=2.0,
        output_dir=tmp_path,
        base_path="/",
        full=True,
    )
    again = report.repeated(0.1)
    assert (again.rendered, again.written, again.deleted, again.full) == ((), (), (), False)
    assert (again.pages, again.seconds) == (3, 0.1)
    last = LastBuild(state=None, report=again, changed=frozenset())  # type: ignore[arg-type]
    assert last.nothing_changed
    unknown = LastBuild(state=None, report=again, changed=None)  # type: ignore[arg-type]
    assert not unknown.nothing_changed


def test_a_new_output_never_replaces_what_the_build_reads(tmp_path: Path) -> None:
    protected = protected_paths(options(tmp_path))
    assert MINI in protected and THEME in protected and Path.cwd() in protected


_STATS = st.dictionaries(
    st.sampled_from(["index.html", "CNAME", "a/index.html", "b.css", "c.png"]),
    st.tuples(st.integers(0, 3), st.integers(0, 3)),
)


@given(built=_STATS, now=_STATS)
def test_an_altered_output_names_every_file_added_removed_or_changed(built, now) -> None:
    """The note a build prints before removing what it did not make: every path that
    differs named once, under what happened to it; nothing when the output is as built."""
    note = altered_output(built, now, shown=10)
    said = {}
    for part in filter(None, note.split("; ")):
        what = next(w for w in ("added", "removed", "changed or touched") if part.endswith(w))
        said.update(dict.fromkeys(part.removesuffix(f" {what}").split(", "), what))
    expected = {name: "added" for name in now.keys() - built.keys()}
    expected |= {name: "removed" for name in built.keys() - now.keys()}
    expected |= {n: "changed or touched" for n in now.keys() & built.keys() if now[n] != built[n]}
    assert said == expected


def test_an_altered_output_names_a_few_and_counts_the_rest() -> None:
    built = {f"p{n}.html": (1, 1) for n in range(5)}
    assert altered_output(built, {}, shown=3) == "p0.html, p1.html, p2.html and 2 more removed"


@pytest.mark.parametrize(
    ("changed", "nothing"), [(None, False), (frozenset(), True), (frozenset({"a.md"}), False)]
)
def test_a_plan_with_no_base_is_never_one_with_nothing_changed(
    changed: frozenset[str] | None, nothing: bool
) -> None:
    """None: no earlier build to compare with, so everything is to do, not nothing."""
    assert Plan(None, None, changed, new_day=False).nothing_changed is nothing
