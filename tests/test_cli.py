"""Command-line conventions: --version, -q / -v, help with examples, init, a busy port."""

from __future__ import annotations

import hashlib
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, site_args

from generator import __version__
from generator.cli import main


def test_version(capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out == f"briefing {__version__}\n"


def test_help_is_for_users_with_examples(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    text = capsys.readouterr().out
    assert "examples:" in text and "briefing init" in text
    assert "No build logic" not in text  # not the module's docstring


def test_quiet_build_prints_nothing(mini_content: Path, tmp_path: Path, capsys) -> None:
    output = tmp_path / "site"
    args = site_args("build", mini_content, output, "--no-search", "--base-url", "https://a.b/")
    assert main(["-q", *args]) == 0
    assert capsys.readouterr() == ("", "")
    assert main([*args, "-v"]) == 0
    assert "theme:" in capsys.readouterr().err


def test_init_writes_a_site_that_builds_without_a_warning(tmp_path: Path, capsys) -> None:
    target = tmp_path / "new"
    assert main(["init", str(target), "--title", "Port strike: a briefing"]) == 0
    site_yaml = (target / "content" / "site.yaml").read_text()
    assert "title: 'Port strike: a briefing'" in site_yaml
    capsys.readouterr()
    content, output = target / "content", target / "site"
    assert main(["build", "--content", str(content), "--output", str(output), "--strict"]) == 0
    assert capsys.readouterr().err == ""
    home = (output / "index.html").read_text()
    # The search box suggests the site's own entity and topic, not another briefing's.
    assert 'placeholder="e.g. Example City, Getting started"' in home
    assert main(["new", "article", "Dockers walk out", "--content", str(content)]) == 0
    assert "as a draft" in capsys.readouterr().out
    draft = (content / "articles" / "dockers-walk-out.md").read_text()
    assert "\ndraft: true\n" in draft
    assert main(["check", "--strict", "--content", str(content)]) == 0
    assert main(["build", "--content", str(content), "--output", str(output), "--strict"]) == 0
    assert not (output / "articles" / "dockers-walk-out").exists()  # a draft is not published


def test_init_refuses_a_folder_that_is_not_empty(tmp_path: Path, capsys, monkeypatch) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    monkeypatch.chdir(tmp_path)
    assert main(["init"]) == 1  # no folder named: the current one, which is not empty
    err = capsys.readouterr().err
    assert err.startswith(".: error: the folder is not empty")
    assert "--force" in err and "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]  # nothing written
    assert main(["init", "--force"]) == 0
    assert (tmp_path / "notes.txt").read_text() == "mine"
    assert (tmp_path / "content" / "site.yaml").is_file()


def test_init_refuses_to_overwrite_and_checks_the_base_url(tmp_path: Path, capsys) -> None:
    assert main(["init", str(tmp_path), "--base-url", "https://me.github.io/x"]) == 0
    assert "base_url: https://me.github.io/x/\n" in (tmp_path / "content/site.yaml").read_text()
    before = (tmp_path / "README.md").read_bytes()
    assert main(["init", str(tmp_path), "--title", "Other"]) == 1
    assert f"{tmp_path}: error: the folder is not empty" in capsys.readouterr().err
    assert (tmp_path / "README.md").read_bytes() == before
    assert main(["init", str(tmp_path / "b"), "--base-url", "/repo/"]) == 1
    assert "'/repo/' is not an absolute address" in capsys.readouterr().err
    assert not (tmp_path / "b").exists()


def test_the_starter_has_no_traps(tmp_path: Path) -> None:
    """Its cache is ignored by git, its Makefile runs its own venv's briefing, its search
    box suggests its own names, and it installs the Briefing that made it."""
    assert main(["init", str(tmp_path / "s"), "--title", "Harbour"]) == 0
    site = tmp_path / "s"
    assert "/.briefing-cache/" in (site / ".gitignore").read_text().splitlines()
    makefile = (site / "Makefile").read_text()
    assert "BRIEFING := $(VENV)/bin/briefing" in makefile
    assert "-r requirements.txt" in makefile
    (wheel,) = (site / "vendor").glob("briefing_news-*-py3-none-any.whl")
    requirements = (site / "requirements.txt").read_text()
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    assert f"./vendor/{wheel.name} \\\n    --hash=sha256:{digest}\n" in requirements
    assert "\npagefind-bin==" in requirements and "\npyyaml==" in requirements
    workflow = (site / ".github" / "workflows" / "pages.yml").read_text()
    assert "python -m pip install -r requirements.txt" in workflow


def test_new_article_lists_the_ids_it_could_use(mini_content: Path, capsys) -> None:
    args = ["new", "article", "Talks", "--content", str(mini_content)]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "error: an article needs a source" in err and "known sources: wire" in err
    assert "error: the new article needs a topic" in err and "known topics: ankara-meeting" in err
    assert main([*args, "--source", "wir", "--topic", "ankara-meeting"]) == 1
    assert "unknown source 'wir' (did you mean 'wire'?)" in capsys.readouterr().err
    assert not (mini_content / "articles" / "talks.md").exists()
    assert main([*args, "--source", "wire", "--topic", "ankara-meeting"]) == 0
    assert main(site_args("check", mini_content, None)) == 0


def test_a_busy_port_is_one_line_and_exit_1(mini_content: Path, tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        args = site_args("serve", mini_content, tmp_path / "site", "--port", str(port), "-q")
        result = subprocess.run(
            [sys.executable, "-m", "generator", *args],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == (
        f"error: port {port} is in use: try --port 0 (any free port) or another --port"
    )
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site").exists()  # said before building, not after


def test_building_an_empty_folder_says_how_to_start(tmp_path: Path, capsys) -> None:
    content = tmp_path / "content"
    assert main(["build", "--content", str(content), "--output", str(tmp_path / "site")]) == 1
    assert capsys.readouterr().err == (
        f"{content}: error: there is no content folder here "
        "(start a new site with 'briefing init', or pass --content DIR)\n"
    )
    assert list(tmp_path.iterdir()) == []
