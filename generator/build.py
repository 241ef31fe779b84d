"""The build: load -> model -> markdown -> links -> pages -> render -> write -> index -> swap."""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from markupsafe import Markup

from . import output, urls
from .errors import ContentError, ContentErrors, Position, did_you_mean
from .links import build_graph
from .load import load_content
from .markdown import Markdown, MarkdownResult, build_matcher
from .model import Site, build_site
from .pages import Page, build_pages
from .render import make_environment, render_pages
from .search import write_search_index


@dataclass(frozen=True, slots=True)
class BuildOptions:
    content_dir: Path = Path("content")
    theme_dir: Path = Path("themes/default")
    output_dir: Path = Path("site")
    base_url: str | None = None  # overrides site.yaml's base_url
    search: bool = True


@dataclass(frozen=True, slots=True)
class RenderedSite:
    site: Site
    pages: tuple[Page, ...]
    html: Mapping[str, str]  # page path -> HTML


@dataclass(frozen=True, slots=True)
class BuildReport:
    pages: int
    seconds: float
    output_dir: Path
    base_path: str


def render_site(options: BuildOptions) -> RenderedSite:
    """Everything short of writing: raises ContentErrors with every problem found."""
    site = build_site(load_content(options.content_dir), options.base_url)
    links = urls.Urls(site.config.base_url, site.config.base_path)
    markdown = Markdown(
        build_matcher(site.entities.values()),
        lambda entity: links.link(urls.entity_path(entity.id)),
    )
    results = {slug: markdown.render(article.body) for slug, article in site.articles.items()}
    graph = build_graph(site, {slug: result.mentions for slug, result in results.items()})
    bodies = {slug: Markup(result.html) for slug, result in results.items()}
    pages = tuple(build_pages(site, graph, bodies, markdown))
    _check_internal_links(site, results, pages)
    html = render_pages(make_environment(options.theme_dir, site), pages)
    return RenderedSite(site, pages, html)


def build(options: BuildOptions) -> BuildReport:
    """Build into a temporary folder and swap it in; on any error the old site stays."""
    started = time.perf_counter()
    rendered = render_site(options)
    output.clean_stale(options.output_dir)
    temp = output.new_temp_dir(options.output_dir)
    try:
        output.write_pages(rendered.html, temp)
        output.copy_static(options.theme_dir / "static", temp)
        output.write_file(temp, ".nojekyll", "")
        if options.search:
            write_search_index(temp, rendered.site.config.language)
        output.swap_into_place(temp, options.output_dir)
    except BaseException:
        output.discard(temp)
        raise
    return BuildReport(
        len(rendered.pages),
        time.perf_counter() - started,
        options.output_dir,
        rendered.site.config.base_path,
    )


def _check_internal_links(
    site: Site, results: Mapping[str, MarkdownResult], pages: tuple[Page, ...]
) -> None:
    """Root-relative links in article bodies must name a page of this site."""
    known = {page.path for page in pages}
    errors = []
    for slug, result in results.items():
        article = site.articles[slug]
        for href, line in result.links:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or not parts.path.startswith("/"):
                continue
            path = unquote(parts.path)
            if path in known or path + "/" in known:
                continue
            position = Position(article.position.path, article.body_line + line)
            errors.append(
                ContentError(
                    position,
                    f"link to a page that does not exist: {href}",
                    did_you_mean(path, known),
                )
            )
    if errors:
        raise ContentErrors(errors)
