"""Briefing as a new user meets it: a wheel from `python -m build` in a fresh venv,
`briefing init` in an empty folder, a build with the packaged theme and one override."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT, parse


def run(command: list[str], cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=env)
    assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"
    return result


UNPACKAGED = shutil.ignore_patterns("__pycache__", "*.pyc", ".*")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`python -m build`, without a fresh build environment (setuptools is in the dev
    extras): the same backend, some twenty seconds less. From a copy of the sources:
    setuptools rewrites the egg-info and build/ beside them, which the running tests'
    own package metadata would otherwise be read from mid-write."""
    dist, source = tmp_path_factory.mktemp("dist"), tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy2(ROOT / name, source / name)
    for folder in ("generator", "themes"):
        shutil.copytree(ROOT / folder, source / folder, ignore=UNPACKAGED)
    build = [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist)]
    run(build, source)
    (found,) = dist.glob("*.whl")
    run([sys.executable, "-m", "twine", "check", "--strict", str(found)], ROOT)
    return found


def test_the_wheel_carries_the_theme_fonts_starter_and_licence(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    theme = ROOT / "themes" / "default"
    files = [path for path in sorted(theme.rglob("*")) if path.is_file()]
    assert len(files) > 20
    for path in files:
        assert f"generator/theme/{path.relative_to(theme).as_posix()}" in names
    for name in (
        "generator/render/fonts/DejaVuSans-Bold.ttf",
        "generator/render/fonts/LICENSE",
        "generator/authoring/starter/gitignore",
        "generator/authoring/starter/pages.yml",
        "generator/authoring/starter/content/articles/welcome-to-your-briefing.md",
    ):
        assert name in names
    assert any(name.endswith(".dist-info/licenses/LICENSE") for name in names)
    assert not any(name.startswith(("tests/", "content/", "themes/")) for name in names)


ENV = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "BRIEFING_BASE_URL")}


def fresh_venv(venv: Path) -> list[str]:
    """A venv without pip of its own (ensurepip is slow), and the command that installs
    into it with this venv's pip: `pip install ...` there, as its own pip would."""
    run([sys.executable, "-m", "venv", "--without-pip", str(venv)], venv.parent)
    return [sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python"), "install"]


@pytest.fixture(scope="module")
def started(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The wheel installed in a fresh venv and `briefing init` run from there:
    (the venv's briefing, the new site)."""
    root = tmp_path_factory.mktemp("first-user")
    pip = fresh_venv(root / "venv")
    run([*pip, "--quiet", "--disable-pip-version-check", str(wheel)], root, ENV)
    briefing = root / "venv" / "bin" / "briefing"
    empty = root / "empty"
    empty.mkdir()
    run([str(briefing), "init", "site", "--title", "Harbour strike"], empty, ENV)
    return briefing, empty / "site"


def test_init_and_build_from_a_fresh_venv(started: tuple[Path, Path]) -> None:
    briefing, site = str(started[0]), started[1]
    env = ENV
    version = run([briefing, "--version"], site, env).stdout
    assert version.startswith("briefing ")
    assert (site / ".github" / "workflows" / "pages.yml").is_file()
    assert not (site / "themes").exists()  # the theme comes from the package

    override = site / "themes" / "default" / "templates" / "source.html"
    override.parent.mkdir(parents=True)
    override.write_text(
        '{% extends "base.html" %}{% block main %}<h1 class="own">{{ source.name }}</h1>'
        "{% endblock %}",
        encoding="utf-8",
    )
    result = run([briefing, "build"], site, env)
    assert result.stderr == ""  # no warning, no error
    assert result.stdout.startswith("built ")

    output = site / "site"
    source_page = parse(output / "sources" / "example-wire" / "index.html")
    assert source_page.select_one("h1.own").get_text() == "Example Wire"  # the override
    article = parse(output / "articles" / "welcome-to-your-briefing" / "index.html")
    assert article.select_one("h1").get_text() == "Welcome to your briefing"  # packaged
    assert "Harbour strike" in article.select_one(".brand").get_text()
    stylesheet = article.select_one('link[rel="stylesheet"]')["href"]
    assert stylesheet.startswith("/static/style.css?v=")
    packaged_css = (ROOT / "themes" / "default" / "static" / "style.css").read_bytes()
    assert (output / "static" / "style.css").read_bytes() == packaged_css
    assert (output / "pagefind" / "pagefind.js").is_file()
    card = article.select_one('meta[property="og:image"]')["content"]
    assert card.startswith("https://example.com/cards/")


@pytest.mark.slow
def test_the_starter_workflow_installs_this_briefing(
    started: tuple[Path, Path], tmp_path: Path
) -> None:
    """What a new site's first Pages deploy does, in a fresh venv: its requirements.txt
    installs the wheel `init` put in vendor/ (not a namesake from the package index), and
    `briefing build` works. Dependencies come from the index, checked against their hashes."""
    site = tmp_path / "site"
    shutil.copytree(started[1], site, ignore=shutil.ignore_patterns("site", ".briefing-cache"))
    workflow = (site / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8")
    install = "python -m pip install -r requirements.txt"
    assert f"- run: {install}\n" in workflow
    pip = fresh_venv(tmp_path / "venv")
    run([*pip, "--quiet", "--disable-pip-version-check", *install.split()[4:]], site, ENV)
    briefing = str(tmp_path / "venv" / "bin" / "briefing")
    assert run([briefing, "--version"], site, ENV).stdout == run(
        [str(started[0]), "--version"], site, ENV
    ).stdout
    result = run([briefing, "build", "--base-url", "https://me.github.io/harbour/"], site, ENV)
    assert result.stderr == "" and result.stdout.startswith("built ")
    home = parse(site / "site" / "index.html")
    assert "Harbour strike" in home.select_one(".brand").get_text()
