"""Jinja2 environment (autoescape, StrictUndefined) and Page -> HTML, with what the
page read: its context's reads through the `Reader`, and every template it loaded."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import types
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import jinja2
from jinja2.utils import internalcode

from generator.content.curation import CREDIBILITY, RELIABILITY
from generator.content.model import Config
from generator.errors import ContentError, ContentErrors, Position
from generator.evidence.provenance import Grade
from generator.i18n import Strings, strings_for
from generator.pages.page import Page
from generator.reads.queries import SiteData
from generator.reads.reader import Reader, Reads
from generator.render.fragments import Fragments
from generator.render.structured import structured_data
from generator.render.theme import Theme

TEMPLATES = "templates/"  # key prefix of a template, as the build state names theme files
Sink = Callable[[Page, str, Reads], None]


class DirectCallContext(jinja2.runtime.Context):
    """A template's context whose calls go straight to callables that cannot ask for the
    context (macros, built-in methods, our own `t` and `once`, plain functions and methods
    without Jinja's pass_context mark): Jinja looks for the mark on every call, a sixth of
    the render stage's time. Anything else is called as Jinja calls it; the same result."""

    @internalcode
    def call(self, obj: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Any:
        kind = type(obj)
        if kind not in _UNMARKED and (kind not in _FUNCTIONS or hasattr(obj, "jinja_pass_arg")):
            return super().call(obj, *args, **kwargs)
        if kwargs:  # what Jinja adds for a call inside a loop or a block
            kwargs.pop("_block_vars", None)
            kwargs.pop("_loop_vars", None)
        try:
            return obj(*args, **kwargs)
        except StopIteration:  # as Jinja has it
            return self.environment.undefined(
                "value was undefined because a callable raised a StopIteration exception"
            )


_UNMARKED = frozenset({jinja2.runtime.Macro, types.BuiltinFunctionType, Strings, Fragments})
_FUNCTIONS = frozenset({types.FunctionType, types.MethodType})  # marked or not: look


class RecordingEnvironment(jinja2.Environment):
    """Notes every template loaded while `loaded` is a set: the page's own, and those
    it extends, imports or includes, even when Jinja has them cached."""

    context_class = DirectCallContext
    loaded: set[str] | None = None

    def _load_template(self, name: str, globals: Any) -> jinja2.Template:
        if self.loaded is not None:
            self.loaded.add(TEMPLATES + name)
        return super()._load_template(name, globals)


def make_environment(theme_dir: Path, config: Config, routes: Any) -> RecordingEnvironment:
    theme = Theme.for_site(theme_dir)
    strings = strings_for(config.language)  # the interface's language
    env = RecordingEnvironment(
        loader=theme.loader(),  # the site's theme folder, then the packaged theme
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # No look at each template's file on every page (four stats an article page): the
        # builder makes a new environment when a template changes, and a build's pages
        # are rendered from the templates as they were when it started.
        auto_reload=False,
    )
    env.globals.update(
        site=config,
        routes=routes,
        reliability_scale=RELIABILITY,
        credibility_scale=CREDIBILITY,
        url=routes.link,
        absolute_url=routes.absolute,
        asset=_asset_linker(theme, routes),
        feed_id=routes.feed_id,
        has_absolute_url=routes.has_absolute_base,
        structured_data=lambda page, own: structured_data(page, own, routes, config.title),
        t=strings,
        browser_strings=strings.browser_table(),
        grade_meaning=functools.cache(lambda grade: _grade_meaning(strings, grade)),
        once=Fragments(),  # a fragment shown on many pages, drawn once (fragments.py)
    )
    env.filters["longdate"] = strings.long_date
    env.filters["section_mark"] = section_mark
    return env


def section_mark(path: str, section: str, exact: bool = False) -> str:
    """The header's aria-current for a section's link on the page at `path`: "page" on the
    section's own page, "true" on a page under it (an article of the articles' section)."""
    if path == section:
        return "page"
    return "true" if not exact and path.startswith(section) else ""


def render_page(env: RecordingEnvironment, page: Page, data: SiteData) -> tuple[str, Reads]:
    """The page's HTML and everything it read: records, queries and templates."""
    reader = Reader(data)
    env.loaded = set()
    try:
        context = page.context(reader)
        template = env.get_template(page.template)
        html = template.render({"page": page, "json_ld": None, **context})
        return html, Reads(frozenset(reader.keys | env.loaded), reader.queries)
    finally:
        env.loaded = None


def compile_templates(env: RecordingEnvironment) -> None:
    """Compile every template of the theme now, so the processes forked to render inherit
    them instead of each compiling its own. One that does not compile is left for the
    page that uses it to report, as it would be without this."""
    for name in env.list_templates():
        with contextlib.suppress(jinja2.TemplateError, UnicodeDecodeError):
            env.get_template(name)


def render_each(
    env: RecordingEnvironment, pages: Iterable[Page], data: SiteData, sink: Sink
) -> None:
    """Render pages one at a time and hand each to `sink` (so no site is held in memory);
    every template error becomes a ContentError naming the template, raised at the end."""
    errors: list[ContentError] = []
    for page in pages:
        try:
            html, reads = render_page(env, page, data)
        except jinja2.TemplateSyntaxError as exc:
            errors.append(
                ContentError(
                    Position(Path(exc.filename or page.template), exc.lineno),
                    f"template syntax error: {exc.message}",
                )
            )
            continue
        except (jinja2.TemplateError, TypeError, ValueError, KeyError, AttributeError) as exc:
            errors.append(
                ContentError(
                    _template_position(exc, env, page.template),
                    f"template error while rendering {page.path}: {exc}",
                )
            )
            continue
        sink(page, html, reads)
    if errors:
        raise ContentErrors(errors)


def _template_position(exc: Exception, env: jinja2.Environment, template: str) -> Position:
    """The innermost template frame (of any template kind) of a rendering error's traceback."""
    loaders = getattr(env.loader, "loaders", [env.loader])
    searchpath = [folder for loader in loaders for folder in getattr(loader, "searchpath", ())]
    folders = tuple(str(Path(folder).resolve()) for folder in searchpath)
    position = Position(Path(template))
    tb = exc.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if folders and str(Path(filename).resolve()).startswith(folders):
            position = Position(Path(filename), tb.tb_lineno)
        tb = tb.tb_next
    return position


def _asset_linker(theme: Theme, routes: Any) -> Callable[[str], str]:
    """asset('style.css') -> '/static/style.css?v=<content hash>' for cache busting."""
    versions: dict[str, str] = {}

    def asset(name: str) -> str:
        if name not in versions:
            digest = hashlib.sha256(theme.static_file(name).read_bytes()).hexdigest()[:10]
            versions[name] = digest
        return f"{routes.link(routes.static(name))}?v={versions[name]}"

    return asset


def _grade_meaning(t: Strings, grade: Grade) -> str:
    """'Source: usually reliable (B). Information: probably true (2).'"""
    return t(
        "grade.meaning",
        source=t(f"reliability.{grade.reliability}").lower(),
        reliability=grade.reliability,
        information=t(f"credibility.{grade.credibility}").lower(),
        credibility=grade.credibility,
    )
