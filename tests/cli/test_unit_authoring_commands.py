"""cli.authoring_commands: init, new and import as the command line runs them: what each
writes, what it says (nothing when quiet), and the exit code of an import that fails."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from tiny_site import content

from generator.cli.arguments import make_parser, verbosity
from generator.cli.authoring_commands import run_import, run_init, run_new
from generator.cli.messages import EXIT_ERRORS, EXIT_OK

PASTED = "Talks resume in Ankara\n\nZelensky arrived in Ankara on Thursday for talks.\n"


def parse(*argv: str | Path) -> argparse.Namespace:
    args = make_parser().parse_args([str(arg) for arg in argv])
    args.verbosity = verbosity(args)
    return args


def test_init_writes_a_starter_and_says_what_is_next(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_init(parse("init", tmp_path / "mine", "--title", "Talks")) == EXIT_OK
    assert (tmp_path / "mine" / "content" / "site.yaml").is_file()
    out = capsys.readouterr().out
    assert f"created a briefing in {tmp_path / 'mine'}/" in out
    assert f"cd {tmp_path / 'mine'}" in out and "base_url is a placeholder" in out


@pytest.mark.parametrize(
    ("base_url", "preview"),
    [
        (None, "http://127.0.0.1:8000/"),
        ("https://me.github.io/my-briefing", "http://127.0.0.1:8000/my-briefing/"),
        ("https://briefing.example.org/", "http://127.0.0.1:8000/"),
        ("https://me.github.io/my briefing/", "http://127.0.0.1:8000/my%20briefing/"),
    ],
)
def test_init_names_the_preview_address_under_the_sites_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], base_url: str | None, preview: str
) -> None:
    """`serve` previews a site under its base_url's path, as it will be published."""
    argv: tuple[str | Path, ...] = ("init", tmp_path / "mine")
    argv += ("--base-url", base_url) if base_url else ()
    assert run_init(parse(*argv)) == EXIT_OK
    assert f"# preview on {preview} (or: make serve)" in capsys.readouterr().out
    readme = (tmp_path / "mine" / "README.md").read_text(encoding="utf-8")
    assert readme.count(f"# preview on {preview}, reloads on every save") == 2


def test_new_article_is_a_draft_and_quiet_says_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = content(tmp_path)
    argv: tuple[str | Path, ...] = ("new", "article", "Talks resume", "--content", folder)
    argv += ("--source", "wire")
    argv += ("--topic", "ankara-meeting", "--date", "2025-11-21")
    assert run_new(parse(*argv, "-q")) == EXIT_OK
    (made,) = set((folder / "articles").iterdir()) - {
        folder / "articles" / "first.md",
        folder / "articles" / "second.md",
    }
    assert "draft: true" in made.read_text(encoding="utf-8")
    assert capsys.readouterr().out == ""


def test_new_entity_is_added_and_its_place_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = content(tmp_path)
    args = parse("new", "entity", "Andriy Yermak", "--kind", "person", "--content", folder)
    assert run_new(args) == EXIT_OK
    assert "id: andriy-yermak" in (folder / "entities.yaml").read_text(encoding="utf-8")
    out = capsys.readouterr().out
    assert out.startswith(f"added entity 'andriy-yermak' at {folder / 'entities.yaml'}:")


def test_a_dry_run_import_writes_nothing_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = content(tmp_path)
    pasted = tmp_path / "pasted.txt"
    pasted.write_text(PASTED, encoding="utf-8")
    before = sorted(folder.rglob("*"))
    argv = ("import", pasted, "--content", folder, "--source", "wire", "--dry-run")
    assert run_import(parse(*argv)) == EXIT_OK
    assert sorted(folder.rglob("*")) == before
    out = capsys.readouterr().out
    assert "would write" in out and "  | title: Talks resume in Ankara" in out
    assert out.endswith("1 file: 1 would be written, 0 skipped; nothing was written (--dry-run)\n")


def test_an_import_that_fails_exits_1_with_the_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = content(tmp_path)
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    assert run_import(parse("import", empty, "--content", folder)) == EXIT_ERRORS
    err = capsys.readouterr().err
    assert f"{empty}: error: the file is empty" in err
    assert err.endswith("1 file: 0 written, 1 skipped\n")
