"""`python -m generator` is the command line, its exit code the process's."""

from __future__ import annotations

import runpy

import pytest

from generator import __version__


def _run_as_program(monkeypatch: pytest.MonkeyPatch, *args: str) -> int | str | None:
    monkeypatch.setattr("sys.argv", ["briefing", *args])
    with pytest.raises(SystemExit) as exited:
        runpy.run_module("generator", run_name="__main__", alter_sys=True)
    return exited.value.code


def test_the_package_runs_the_command_line_and_exits_with_its_code(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run_as_program(monkeypatch, "--version") == 0
    assert capsys.readouterr().out == f"briefing {__version__}\n"
    assert _run_as_program(monkeypatch) == 2  # no command: the help, and a usage error
    assert capsys.readouterr().out.startswith("usage: briefing")
