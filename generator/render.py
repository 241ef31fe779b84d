"""Jinja2 environment (autoescape, StrictUndefined) and Page -> HTML."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

import jinja2
import jinja2.meta

from . import meta, urls
from .curation import CREDIBILITY, RELIABILITY
from .errors import ContentError, ContentErrors, Position
from .intel import Grade
from .model import Site
from .page import Page
from .structured import structured_data
from .theme import Theme


def make_environment(
    theme_dir: Path, site: Site, grades: Mapping[str, Grade]
) -> jinja2.Environment:
    config = site.config
    theme = Theme.for_site(theme_dir)
    env = jinja2.Environment(
        loader=theme.loader(),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    links = urls.Urls(config.base_url, config.base_path)
    env.globals.update(
        site=config,
        sources=site.sources,
        grades=grades,
        reliability_scale=RELIABILITY,
        credibility_scale=CREDIBILITY,
        url=links.link,
        absolute_url=links.absolute,
        asset=_asset_linker(theme, links),
        paths=urls,
        feed_id=lambda page_path: meta.feed_id(links, page_path),
        has_absolute_url="://" in config.base_url,
        structured_data=lambda page, own: structured_data(page, own, links, config.title),
    )
    env.filters["longdate"] = _long_date
    return env


def render_each(
    env: jinja2.Environment, pages: Iterable[Page], sink: Callable[[Page, str], None]
) -> None:
    """Render pages one at a time and hand each to `sink` (so no site is held in memory);
    every template error becomes a ContentError naming the template, raised at the end."""
    errors: list[ContentError] = []
    for page in pages:
        try:
            template = env.get_template(page.template)
            context = page.context() if callable(page.context) else page.context
            html = template.render({"page": page, "json_ld": page.json_ld, **context})
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
        sink(page, html)
    if errors:
        raise ContentErrors(errors)


def template_inputs(env: jinja2.Environment, name: str) -> frozenset[str]:
    """Input keys ('templates/x.html') of a template and all it extends, includes or imports."""
    seen: set[str] = set()
    pending = [name]
    while pending:
        current = pending.pop()
        if current in seen:
            continue
        seen.add(current)
        source, _, _ = env.loader.get_source(env, current)  # type: ignore[union-attr]
        referenced = jinja2.meta.find_referenced_templates(env.parse(source))
        pending.extend(ref for ref in referenced if ref)
    return frozenset(f"templates/{template}" for template in seen)


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


def _asset_linker(theme: Theme, links: urls.Urls):
    """asset('style.css') -> '/static/style.css?v=<content hash>' for cache busting."""
    versions: dict[str, str] = {}

    def asset(name: str) -> str:
        if name not in versions:
            digest = hashlib.sha256(theme.static_file(name).read_bytes()).hexdigest()[:10]
            versions[name] = digest
        return f"{links.link('/static/' + name)}?v={versions[name]}"

    return asset


def _long_date(value: dt.date) -> str:
    return f"{value.day} {value:%B %Y}"
