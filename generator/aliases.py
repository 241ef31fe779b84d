"""Old addresses of articles ('aliases:'): a small page at each that sends the reader,
and search engines, to where the article is now."""

from __future__ import annotations

from collections.abc import Sequence

from . import urls
from .errors import ContentError, ContentErrors
from .model import Site
from .page import Page, article_inputs


def alias_pages(site: Site, pages: Sequence[Page]) -> list[Page]:
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
            target = urls.article_path(article.slug)
            context = {"target": target}
            inputs = article_inputs([article.slug])
            redirects.append(Page(alias, "redirect.html", article.title, context, inputs=inputs))
    if errors:
        raise ContentErrors(errors)
    return redirects
