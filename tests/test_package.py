"""Briefing as a new user meets it: a wheel from `python -m build` in a fresh venv,
`briefing init` in an empty folder, a build with the packaged theme and one override."""

from __future__ import annotations

import os
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


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`python -m build`, without a fresh build environment (setuptools is in the dev
    extras): the same backend, some twenty seconds less."""
    dist = tmp_path_factory.mktemp("dist")
    build = [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist)]
    run(build, ROOT)
    (found,) = dist.glob("*.whl")
    run([sys.executable, "-m", "twine", "check", "--strict", str(found)], ROOT)
    return found


def test_the_wheel_carries_the_theme_fonts_starter_and_licence(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    theme = ROOT / "themes" / "default"
    for path in sorted(theme.rglob("*")):
        if path.is_file():
            assert f"generator/theme/{path.relative_to(theme).as_posix()}" in names
    for name in (
        "generator/fonts/DejaVuSans-Bold.ttf",
        "generator/fonts/LICENSE",
        "generator/starter/gitignore",
        "generator/starter/pages.yml",
        "generator/starter/content/articles/welcome-to-your-briefing.md",
    ):
        assert name in names
    assert any(name.endswith(".dist-info/licenses/LICENSE") for name in names)
    assert not any(name.startswith(("tests/", "content/", "themes/")) for name in names)


def test_init_and_build_from_a_fresh_venv(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    # Without pip of its own (ensurepip is slow); this venv's pip installs into it.
    run([sys.executable, "-m", "venv", "--without-pip", str(venv)], tmp_path)
    pip = [sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python"), "install"]
    run([*pip, "--quiet", "--disable-pip-version-check", str(wheel)], tmp_path)
    briefing = str(venv / "bin" / "briefing")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "BRIEFING_BASE_URL")}
    empty = tmp_path / "empty"
    empty.mkdir()

    version = run([briefing, "--version"], empty, env).stdout
    assert version.startswith("briefing ")
    run([briefing, "init", "site", "--title", "Harbour strike"], empty, env)
    site = empty / "site"
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
