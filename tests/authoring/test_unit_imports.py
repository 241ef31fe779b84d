"""authoring: `briefing new article` and `briefing import`; nothing is written before the
article passes the checks `check` runs, against the content already there."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from tiny_site import content, prepare

from generator.authoring.import_inputs import Input, read_inputs
from generator.authoring.imports import ImportOptions, import_files
from generator.authoring.new_article import new_article
from generator.errors import ContentErrors

TEXT = b"""Talks in Ankara go on

Volodymyr Zelensky met officials in Ankara on Tuesday, his office said.
"""
DAY = dt.date(2025, 11, 20)


def test_a_new_article_is_a_draft_that_the_site_loads(tmp_path: Path) -> None:
    folder = content(tmp_path)
    path = new_article(folder, "Talks resume", source="wire", topics=["ankara-meeting"], date=DAY)
    assert path == folder / "articles" / "talks-resume.md"
    made = prepare(folder).site.articles["talks-resume"]
    assert (made.title, made.date, made.source, made.draft) == ("Talks resume", DAY, "wire", True)


def test_a_new_article_with_an_unknown_source_or_twice_writes_nothing(tmp_path: Path) -> None:
    folder = content(tmp_path)
    before = sorted(p.name for p in (folder / "articles").iterdir())
    with pytest.raises(ContentErrors) as raised:
        new_article(folder, "Talks resume", source="wyre", topics=["ankara-meeting"])
    (error,) = raised.value.errors
    assert error.position.path == Path("--source") and "wire" in error.hint
    assert sorted(p.name for p in (folder / "articles").iterdir()) == before
    new_article(folder, "Once", source="wire", topics=["ankara-meeting"])
    with pytest.raises(ContentErrors, match="already exists"):
        new_article(folder, "Once", source="wire", topics=["ankara-meeting"])


def test_an_import_writes_a_checked_article_and_a_dry_run_nothing(tmp_path: Path) -> None:
    folder = content(tmp_path)
    options = ImportOptions(folder, source="wire", topics=("ankara-meeting",), today=DAY)
    dry = ImportOptions(folder, source="wire", topics=("ankara-meeting",), today=DAY, dry_run=True)
    _, outcomes = import_files([Input(Path("talks.txt"), TEXT)], dry)
    (outcome,) = list(outcomes)
    assert outcome.errors == () and outcome.report is not None and not outcome.report.written
    assert not outcome.report.path.exists()
    _, outcomes = import_files([Input(Path("talks.txt"), TEXT)], options)
    (outcome,) = list(outcomes)
    assert outcome.report is not None and outcome.report.written
    slug = outcome.report.path.stem
    assert prepare(folder).site.articles[slug].title == "Talks in Ankara go on"


def test_bad_options_are_refused_before_any_input_is_read(tmp_path: Path) -> None:
    folder = content(tmp_path)
    with pytest.raises(ContentErrors) as raised:
        import_files([Input(Path("x.txt"), TEXT)], ImportOptions(folder, topics=("nope",)))
    assert [e.position.path for e in raised.value.errors] == [Path("--topic")]


def test_inputs_are_files_folders_sorted_without_hidden_ones_and_stdin(tmp_path: Path) -> None:
    folder = tmp_path / "texts"
    (folder / "sub").mkdir(parents=True)
    for name in ("b.txt", "a.txt", "sub/c.txt", ".hidden.txt", "d.txt~"):
        (folder / name).write_text(name)
    (folder / "out.txt").symlink_to(tmp_path / "elsewhere.txt")
    (tmp_path / "elsewhere.txt").write_text("secret")
    inputs = read_inputs([str(folder), "-", str(tmp_path / "missing.txt")], stdin=b"typed")
    assert [(i.origin.name, i.data, i.warning) for i in inputs] == [
        ("a.txt", b"a.txt", False),
        ("b.txt", b"b.txt", False),
        ("out.txt", None, True),
        ("c.txt", b"sub/c.txt", False),
        ("<stdin>", b"typed", False),
        ("missing.txt", None, False),
    ]
    assert inputs[2].problem.startswith("skipped: it is a symbolic link to")
    assert inputs[-1].problem == "no such file or folder"
