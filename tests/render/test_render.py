"""The Jinja environment: templates compiled once, before render workers are forked."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import THEME
from jinja2 import TemplateSyntaxError

from generator.content.model import Config
from generator.render.jinja import compile_templates, make_environment
from generator.routes import Routes

CONFIG = Config("A briefing", "", "https://example.org/", "en")


def _no_compiling(*args: object, **kwargs: object) -> None:
    raise AssertionError("a template was compiled again")


def test_after_compiling_once_no_template_is_compiled_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    env = make_environment(THEME, CONFIG, Routes())
    compile_templates(env)
    names = env.list_templates()
    assert "base.html" in names and "article.html" in names
    monkeypatch.setattr(env, "compile", _no_compiling)  # what a forked worker inherits
    for name in names:
        env.get_template(name)


def test_a_broken_template_is_left_for_the_page_that_uses_it(tmp_path: Path) -> None:
    theme = tmp_path / "theme"
    shutil.copytree(THEME, theme)
    (theme / "templates" / "unused.html").write_text("{% if %}", encoding="utf-8")
    env = make_environment(theme, CONFIG, Routes())
    compile_templates(env)  # no error: nothing renders it
    assert env.get_template("article.html").render  # the others still load
    with pytest.raises(TemplateSyntaxError):
        env.get_template("unused.html")  # and the broken one fails where it is used
