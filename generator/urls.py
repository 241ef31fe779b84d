"""The one way to make a URL. Page paths are site-relative ('/topics/x/'); `Urls`
turns them into links under the site's base path ('/repo/topics/x/')."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from urllib.parse import quote, unquote


def home_path() -> str:
    return "/"


@cache
def article_path(slug: str) -> str:
    return f"/articles/{quote(slug)}/"


@cache
def topic_path(topic_id: str) -> str:
    return f"/topics/{quote(topic_id)}/"


@cache
def entity_path(entity_id: str) -> str:
    return f"/entities/{quote(entity_id)}/"


@cache
def source_path(source_id: str) -> str:
    return f"/sources/{quote(source_id)}/"


def output_file(page_path: str) -> str:
    """The file (relative to the output folder) that serves a page path."""
    relative = unquote(page_path).lstrip("/")
    if not relative or relative.endswith("/"):
        return relative + "index.html"
    return relative


@dataclass(frozen=True, slots=True)
class Urls:
    base_url: str  # 'https://user.github.io/repo/' or '/'
    base_path: str  # '/repo/' or '/'

    def link(self, page_path: str) -> str:
        """A root-relative link that works under the base path."""
        return self.base_path + page_path.lstrip("/")

    def absolute(self, page_path: str) -> str:
        if "://" not in self.base_url:
            return self.link(page_path)
        return self.base_url + page_path.lstrip("/")


@cache
def comparison_path(slug: str) -> str:
    """The page that sets a rewrite beside its original."""
    return f"/articles/{quote(slug)}/compare/"
