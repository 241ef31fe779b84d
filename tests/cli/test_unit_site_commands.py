"""cli.site_commands: the build options the command line asks for, what check says of a
site, and the lines a build prints (held-back articles, progress)."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from types import SimpleNamespace

import pytest
from tiny_site import tiny

from generator.cli import site_commands
from generator.cli.arguments import make_parser, verbosity
from generator.cli.messages import EXIT_OK
from generator.errors import ContentError, Position
from generator.incremental import manifest
from generator.pipeline import builder
from generator.settings import BuildOptions


def parse(*argv: str | Path) -> argparse.Namespace:
    args = make_parser().parse_args([str(arg) for arg in argv])
    args.verbosity = verbosity(args)
    return args


def test_build_options_follow_the_command_line() -> None:
    args = parse("build", "--no-search", "--future", "--today", "2025-11-20", "--jobs", "0")
    options = site_commands._options(args)
    assert (options.search, options.future, options.today) == (False, True, dt.date(2025, 11, 20))
    assert options.workers == 1  # never fewer than one process
    assert options.cache and not site_commands._options(parse("build", "--no-cache")).cache


def test_check_and_serve_never_use_the_cache_nor_skip_search() -> None:
    for command in ("check", "serve"):
        options = site_commands._options(parse(command, "--base-url", "https://x.example/"))
        assert (options.cache, options.search, options.strict) == (False, True, False)
        assert options.base_url == "https://x.example/"


def test_held_back_articles_are_counted_with_the_first_date() -> None:
    assert site_commands._held_line(1, "2026-01-02") == (
        "held back 1 scheduled article, due 2026-01-02 (--future includes it)"
    )
    assert site_commands._held_line(3, "2026-01-02") == (
        "held back 3 scheduled articles, the first due 2026-01-02 (--future includes them)"
    )


def test_progress_rewrites_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    show = site_commands._progress_line(0.0)
    show(1234, 10683)
    err = capsys.readouterr().err
    assert err.startswith("\rrendered 1,234 / 10,683 pages (") and "\n" not in err


def test_an_unchanged_build_says_what_it_said_and_stops(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    said = SimpleNamespace(warnings=["w \x1b"], held=2, next_date="2026-01-02", pages=7)
    monkeypatch.setattr(manifest, "unchanged", lambda options: said)
    assert site_commands.build_unchanged(parse("build", "--output", tmp_path / "out"))
    captured = capsys.readouterr()
    assert captured.err == "w \\x1b\n"
    assert captured.out.splitlines()[0].startswith("held back 2 scheduled articles")
    assert captured.out.splitlines()[1].startswith(f"built 7 pages into {tmp_path / 'out'}/ in ")
    monkeypatch.setattr(manifest, "unchanged", lambda options: None)
    assert not site_commands.build_unchanged(parse("build"))


def test_no_cache_or_verbose_always_builds(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(manifest, "unchanged", lambda options: pytest.fail("asked"))
    assert not site_commands.build_unchanged(parse("build", "--no-cache"))
    assert not site_commands.build_unchanged(parse("build", "-v"))


def rendered(tmp_path: Path, evidence: object = None) -> SimpleNamespace:
    """What render_site returns, as far as check reads it: the tiny site's real content."""
    small = tiny(tmp_path)
    warning = ContentError(Position(Path("a.md")), "odd", severity="warning")
    return SimpleNamespace(
        site=small.site, pages=small.pages, warnings=[warning], evidence=evidence
    )


def run_check(monkeypatch: pytest.MonkeyPatch, result: SimpleNamespace, *argv: str) -> int:
    asked: list[BuildOptions] = []

    def render_site(options: BuildOptions) -> SimpleNamespace:
        asked.append(options)
        return result

    monkeypatch.setattr(builder, "render_site", render_site)
    code = site_commands.run_check(parse("check", *argv))
    assert [options.future for options in asked] == [True]  # scheduled ones are checked too
    return code


def test_check_counts_what_the_site_holds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    result = rendered(tmp_path)
    assert run_check(monkeypatch, result) == EXIT_OK
    captured = capsys.readouterr()
    pages = len(result.pages)
    assert captured.out == f"ok: 2 articles, 1 topic, 2 entities, {pages} pages, 1 warning\n"
    assert captured.err == "a.md: warning: odd\n"


def test_check_reports_unsupported_claims(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    evidence = SimpleNamespace(items=[1, 2, 3], supported=4, checked=5, unsupported=["x"])
    assert run_check(monkeypatch, rendered(tmp_path, evidence)) == EXIT_OK
    lines = capsys.readouterr().out.splitlines()[1:]
    assert (
        lines[0] == "evidence: 3 facts, events and quotes; 4 of 5 citations supported by their text"
    )
    assert lines[1].startswith("evidence: 1 claim no cited article supports")


def test_a_quiet_check_prints_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_check(monkeypatch, rendered(tmp_path), "-q") == EXIT_OK
    assert capsys.readouterr() == ("", "")
