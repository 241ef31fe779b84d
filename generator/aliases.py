"""Old addresses of articles ('aliases:'): a small page at each that sends the reader,
and search engines, to where the article is now."""

from __future__ import annotations

from collections.abc import Sequence

from .errors import ContentError, ContentErrors
from .model import Site
from .page import Page
from .routes import Routes


def alias_pages(site: Site, routes: Routes, pages: Sequence[Page]) -> list[Page]:
    """A redirect page per alias; an alias that is already a page's address is an error."""
    taken = {page.path: "the address of a page" for page in pages}
    redirects, errors = [], []
    for article in site.articles.values():
        for alias in article.aliases:
            if alias in taken:
                message = f"alias '{alias}' is already {taken[alias]}"
                errors.append(ContentError(article.position, message, "remove or change it"))
                continue
            taken[alias] = f"an alias of '{article.slug}'"
            target = routes.article(article.slug)
            redirects.append(
                Page(alias, "redirect.html", article.title, _redirect_to(target), signature=target)
            )
    if errors:
        raise ContentErrors(errors)
    return redirects


def _redirect_to(target: str):
    def context(reader) -> dict[str, str]:
        return {"target": target}

    return context
