"""Old addresses of articles ('aliases:'): a small page at each that sends the reader,
and search engines, to where the article is now.

An alias is already a normalised site path (`routes.site_path`, in the model); here it
must also name a file no page of the site has: not the same file, not the same file on
a file system that ignores case or Unicode normal form, not a file where a page needs a
folder, nor a folder where a page has a file."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from generator.content.model import Article, Site
from generator.errors import ContentError, ContentErrors, Position
from generator.pages.page import Page
from generator.routes import Routes, output_file

if TYPE_CHECKING:
    from generator.reads.reader import Reader


def alias_pages(site: Site, routes: Routes, pages: Sequence[Page]) -> list[Page]:
    """A redirect page per alias; an alias whose file a page or another alias has is an
    error at the line of the alias."""
    # The sitemap's address is taken whether or not this build writes one (a build
    # without a full address has none), so `check` says the same here as when published.
    paths = sorted({p.path for p in pages} | {routes.sitemap})
    files = {_same_file(output_file(path)): f"already the address of the page {path}"
             for path in paths}  # fmt: skip
    folders = _folders(files)
    redirects, errors = [], []
    for article in site.articles.values():
        for alias, position in _located(article):
            file = _same_file(output_file(alias))
            clash = _clash(file, files, folders)
            if clash:
                message = f"alias '{alias}' is {clash}"
                hint = "remove it, or write the old address the article really had"
                errors.append(ContentError(position, message, hint))
                continue
            files[file] = f"already an alias of '{article.slug}'"
            folders.update(_parents(file))
            target = routes.article(article.slug)
            redirects.append(
                Page(alias, "redirect.html", article.title, _redirect_to(target), signature=target)
            )
    if errors:
        raise ContentErrors(errors)
    return redirects


def _located(article: Article) -> Iterable[tuple[str, Position]]:
    positions = article.alias_positions or (article.position,) * len(article.aliases)
    return zip(article.aliases, positions, strict=True)


def _same_file(relative: str) -> str:
    """One spelling per file on every file system (macOS folds case and normal form)."""
    return unicodedata.normalize("NFC", relative).casefold()


def _parents(file: str) -> list[str]:
    parts = file.split("/")[:-1]
    return ["/".join(parts[: n + 1]) for n in range(len(parts))]


def _folders(files: Iterable[str]) -> set[str]:
    return {folder for file in files for folder in _parents(file)}


def _clash(file: str, files: dict[str, str], folders: set[str]) -> str:
    if file in files:
        return files[file]
    if file in folders:
        return "a folder of the site's pages"
    parent = next((folder for folder in _parents(file) if folder in files), None)
    if parent is not None:
        return f"inside a file of the site ({files[parent]})"
    return ""


def _redirect_to(target: str) -> Callable[[Reader], dict[str, str]]:
    def context(reader: Reader) -> dict[str, str]:
        return {"target": target}

    return context
