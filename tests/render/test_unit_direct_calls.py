"""Calls from templates that skip Jinja's look for pass_context marks give what Jinja's own
context gives: marked functions still get their context, in loops and blocks too."""

from __future__ import annotations

import jinja2
import pytest
from jinja2 import pass_context, pass_environment, pass_eval_context

from generator.i18n import Strings
from generator.render.fragments import Fragments
from generator.render.jinja import DirectCallContext, RecordingEnvironment


@pass_context
def who(context: jinja2.runtime.Context, suffix: str = "") -> str:
    return f"{context.get('name')}/{context.get('item', '-')}{suffix}"


@pass_environment
def env_kind(environment: jinja2.Environment) -> str:
    return type(environment).__name__


@pass_eval_context
def escaping(eval_context: jinja2.nodes.EvalContext) -> str:
    return str(eval_context.autoescape)


class Shout:
    def __call__(self, text: str) -> str:
        return text.upper()

    @pass_context
    def named(self, context: jinja2.runtime.Context) -> str:
        return str(context.get("name"))


def stop() -> str:
    raise StopIteration


TEMPLATES = {
    "macros.html": "{% macro chip(x) %}<b>{{ x }}</b>{{ t('k', n=x) }}{% endmacro %}",
    "base.html": "{% block main %}{% endblock %}",
    "page.html": """{% extends "base.html" %}{% import "macros.html" as m %}{% block main %}
{{ who() }} {{ env_kind() }} {{ escaping() }} {{ shout("a") }} {{ shouter.named() }}
{% for item in items %}{{ who("!") }} {{ m.chip(item) }} {{ once(m.chip, item) }} {{ plain(item) }}
{{ "x-%s"|format(item) }} {{ name.startswith("n") }} {{ loop.cycle("odd", "even") }}
{% set inner = item * 2 %}{{ who() }} {{ inner }}{% endfor %}{{ stop() is undefined }}
{% endblock %}""",
}


def render(context_class: type[jinja2.runtime.Context]) -> str:
    env = RecordingEnvironment(
        loader=jinja2.DictLoader(TEMPLATES), autoescape=True, undefined=jinja2.Undefined
    )
    env.context_class = context_class
    env.globals.update(
        who=who,
        env_kind=env_kind,
        escaping=escaping,
        shout=Shout(),
        shouter=Shout(),
        plain=lambda x: f"<{x}>",
        stop=stop,
        once=Fragments(),
        t=Strings("en", {"k": {"one": "{n} item", "other": "{n} items"}}),
    )
    return env.get_template("page.html").render(name="name", items=[1, 2, 3])


def test_a_template_renders_as_with_jinjas_own_context() -> None:
    direct = render(DirectCallContext)
    assert direct == render(jinja2.runtime.Context)
    assert "name/-!" in direct and "RecordingEnvironment" in direct and "3 items" in direct


def test_the_environment_uses_it() -> None:
    assert RecordingEnvironment().context_class is DirectCallContext


def test_an_error_in_a_called_function_still_surfaces() -> None:
    env = RecordingEnvironment(loader=jinja2.DictLoader({"p.html": "{{ f() }}"}))
    env.globals["f"] = lambda: 1 / 0
    with pytest.raises(ZeroDivisionError):
        env.get_template("p.html").render()
