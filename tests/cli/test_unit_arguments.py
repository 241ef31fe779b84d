"""cli.arguments: the command line's grammar: each command parsed to its runner and its
options with their defaults, -q/-v before or after the command, and a bad date refused in
words (exit 2)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.cli.arguments import make_parser, verbosity


@pytest.mark.parametrize(
    ("argv", "runner"),
    [
        (["build"], "site_commands.run_build"),
        (["check"], "site_commands.run_check"),
        (["serve"], "site_commands.run_serve"),
        (["init"], "authoring_commands.run_init"),
        (["new", "article", "Talks"], "authoring_commands.run_new"),
        (["import", "a.txt"], "authoring_commands.run_import"),
    ],
)
def test_each_command_runs_its_own_function(argv: list[str], runner: str) -> None:
    run = make_parser().parse_args(argv).run
    assert f"{run.__module__}.{run.__name__}" == f"generator.cli.{runner}"


def test_build_has_the_documented_defaults() -> None:
    args = make_parser().parse_args(["build"])
    assert (args.content, args.output, args.theme) == (
        Path("content"),
        Path("site"),
        Path("themes/default"),
    )
    assert (args.jobs, args.strict, args.no_search, args.today, args.base_url) == (
        2,
        False,
        False,
        None,
        None,
    )


def test_dates_are_parsed_and_options_repeat() -> None:
    args = make_parser().parse_args(
        ["import", "a.txt", "-", "--date", "2025-11-20", "--topic", "t1", "--topic", "t2"]
    )
    assert args.files == ["a.txt", "-"]
    assert args.date == dt.date(2025, 11, 20) and args.topic == ["t1", "t2"]
    entity = make_parser().parse_args(["new", "entity", "Yermak", "--kind", "person"])
    assert (entity.kind, entity.entry_kind, entity.reliability) == ("entity", "person", "F")


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["build"], 0),
        (["-q", "build"], -1),
        (["build", "-q"], -1),
        (["-v", "check"], 1),
        (["check", "--verbose"], 1),
        (["new", "topic", "T", "-q"], -1),
    ],
)
def test_quiet_and_verbose_work_before_and_after_the_command(
    argv: list[str], expected: int
) -> None:
    assert verbosity(make_parser().parse_args(argv)) == expected


def test_a_bad_date_is_a_usage_error_in_words(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        make_parser().parse_args(["build", "--today", "20/11/2025"])
    assert exited.value.code == 2
    assert "'20/11/2025' is not a date in the form YYYY-MM-DD" in capsys.readouterr().err


def test_quiet_and_verbose_together_are_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        make_parser().parse_args(["build", "-q", "-v"])
    assert "not allowed with" in capsys.readouterr().err


def test_version_prints_the_package_version(capsys: pytest.CaptureFixture[str]) -> None:
    from generator import __version__

    with pytest.raises(SystemExit) as exited:
        make_parser().parse_args(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out == f"briefing {__version__}\n"
