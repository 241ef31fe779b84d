"""Links between pages of the site: every root-relative link in an article body must name
a page the build makes."""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import unquote

from generator.content.model import Site
from generator.errors import ContentError, ContentErrors, Position, did_you_mean
from generator.pages.page import Page
from generator.routes import split_url
from generator.text.rendered import MarkdownResult


def check_internal_links(
    site: Site, results: Mapping[str, MarkdownResult], pages: tuple[Page, ...]
) -> None:
    """Root-relative links in article bodies must name a page of this site."""
    known = {page.path for page in pages}
    errors = []
    for slug, result in results.items():
        article = site.articles[slug]
        for href, line in result.links:
            parts = split_url(href)
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
