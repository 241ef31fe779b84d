"""The one URL table: every page path of the site is made here, and nowhere else.

Page paths are site-relative ('/topics/x/'). One `Routes` is made per build (it knows
the base URL) and handed to the page kinds, the Markdown plugins and the templates;
`link` puts the base path in front ('/repo/topics/x/'), `absolute` the whole base URL."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import SplitResult, unquote, urlsplit
from urllib.parse import quote as _quote

URL_SAFE = re.compile(r"[A-Za-z0-9_.~-]*")  # what quote() leaves as it is


def quote(text: str) -> str:
    """urllib's quote, without its cost for the usual slug, which it leaves alone."""
    return text if URL_SAFE.fullmatch(text) else _quote(text)


def split_url(text: str) -> SplitResult:
    """urlsplit, for text from content: an address it cannot split ('http://[::1')
    has no parts at all, so every check of its scheme or host refuses it."""
    try:
        return urlsplit(text)
    except ValueError:
        return SplitResult("", "", "", "", "")


# The output folder's own names: what the build writes beside the pages, and beside the
# folder itself. No other module writes one of them (tests/test_routes.py).
SEARCH_FOLDER = "pagefind"  # the search index, Pagefind's bundle
STATIC_FOLDER = "static"  # the theme's static files (from its folder of the same name)
CARDS_FOLDER = "cards"  # the pages' social cards
INDEX_FILE = "index.html"  # what serves a folder's path
NOT_FOUND_FILE = "404.html"
SITEMAP_FILE = "sitemap.xml"
ROBOTS_FILE = "robots.txt"
FEED_FILE = "feed.xml"
SEARCH_ALIASES_FILE = "aliases.json"  # in the search page's folder
NO_JEKYLL = ".nojekyll"  # GitHub Pages then serves the folder as it is
OUTPUT_MARKER = ".briefing-site"  # in every output a build made: it may be replaced
TEMP_PREFIX = ".site-"  # beside the output: its lock and the folders swapped in and out
CACHE_FOLDER = ".briefing-cache"  # beside the output: what one build leaves the next
CACHE_SUFFIX = ".cache"  # <output name>.cache: the cached build
MANIFEST_SUFFIX = ".manifest.json"  # <output name>.manifest.json: its manifest
CARD_STORE_SUFFIX = ".cards"  # <output name>.cards/: the social cards drawn for it
CHUNK_STORE_SUFFIX = ".chunks"  # <output name>.chunks/: the chunks its cache lists
SEARCH_SHARDS_FILE = "shards.json"  # in the search index: its shards, with digests
SEARCH_PAGES_SUFFIX = ".search-pages.json"  # <output name>.search-pages.json: its pages' digests
OUTPUT_NAMES = frozenset(
    {
        SEARCH_FOLDER,
        STATIC_FOLDER,
        CARDS_FOLDER,
        INDEX_FILE,
        NOT_FOUND_FILE,
        SITEMAP_FILE,
        ROBOTS_FILE,
        FEED_FILE,
        SEARCH_ALIASES_FILE,
        NO_JEKYLL,
        OUTPUT_MARKER,
        TEMP_PREFIX,
        CACHE_FOLDER,
        CACHE_SUFFIX,
        MANIFEST_SUFFIX,
        CARD_STORE_SUFFIX,
        CHUNK_STORE_SUFFIX,
        SEARCH_SHARDS_FILE,
        SEARCH_PAGES_SUFFIX,
    }
)

HOME = "/"
TOPICS = "/topics/"
ARTICLES = "/articles/"
ENTITIES = "/entities/"
SOURCES = "/sources/"
TIMELINE = "/timeline/"
WHATS_NEW = "/whats-new/"
GRAPH = "/graph/"
SEARCH = "/search/"
SEARCH_ALIASES = SEARCH + SEARCH_ALIASES_FILE  # every name of every entity, for the search page
NOT_FOUND = HOME + NOT_FOUND_FILE
SITE_FEED = HOME + FEED_FILE
SITEMAP = HOME + SITEMAP_FILE
ROBOTS = HOME + ROBOTS_FILE
STATIC = f"/{STATIC_FOLDER}/"
SEARCH_BUNDLE = f"/{SEARCH_FOLDER}/"
TIMELINE_JSON_FILE = "timeline.json"
EXPORT_CSV_FILE = "briefing.csv"
EXPORT_JSON_FILE = "briefing.json"
COMPARISON_FOLDER = "compare"
PAGE_FOLDER = "page"  # /articles/page/2/: the second page of a long list


@dataclass(frozen=True, slots=True)
class Routes:
    base_url: str = "/"  # 'https://user.github.io/repo/' or '/repo/'
    base_path: str = "/"  # '/repo/' or '/'

    home = HOME
    topics = TOPICS
    articles = ARTICLES
    entities = ENTITIES
    sources = SOURCES
    timeline = TIMELINE
    whats_new = WHATS_NEW
    whats_new_feed = WHATS_NEW + FEED_FILE
    graph = GRAPH
    search = SEARCH
    search_aliases = SEARCH_ALIASES
    not_found = NOT_FOUND
    site_feed = SITE_FEED
    sitemap = SITEMAP
    robots = ROBOTS
    search_bundle = SEARCH_BUNDLE

    def article(self, slug: str) -> str:
        return ARTICLES + quote(slug) + "/"

    def articles_page(self, number: int) -> str:
        """Page `number` (from 1) of the list of articles; the first is the list's own path."""
        return ARTICLES if number <= 1 else f"{ARTICLES}{PAGE_FOLDER}/{number}/"

    def article_file(self, slug: str, name: str) -> str:
        """A file published beside an article's page (an image from its folder)."""
        return self.article(slug) + "/".join(quote(part) for part in name.split("/"))

    def comparison(self, slug: str) -> str:
        """The page that sets a rewrite beside its original."""
        return self.article(slug) + COMPARISON_FOLDER + "/"

    def topic(self, topic_id: str) -> str:
        return TOPICS + quote(topic_id) + "/"

    def entity(self, entity_id: str) -> str:
        return ENTITIES + quote(entity_id) + "/"

    def source(self, source_id: str) -> str:
        return SOURCES + quote(source_id) + "/"

    def topic_feed(self, topic_id: str) -> str:
        return self.topic(topic_id) + FEED_FILE

    def entity_feed(self, entity_id: str) -> str:
        return self.entity(entity_id) + FEED_FILE

    def topic_timeline_json(self, topic_id: str) -> str:
        return self.topic(topic_id) + TIMELINE_JSON_FILE

    def topic_export_csv(self, topic_id: str) -> str:
        return self.topic(topic_id) + EXPORT_CSV_FILE

    def topic_export_json(self, topic_id: str) -> str:
        return self.topic(topic_id) + EXPORT_JSON_FILE

    def static(self, name: str) -> str:
        return STATIC + name

    def search_for(self, **params: str) -> str:
        """The search page with its form filled in: query, filters and order."""
        query = "&".join(f"{name}={quote(value)}" for name, value in params.items() if value)
        return SEARCH + "?" + query

    def link(self, page_path: str) -> str:
        """A root-relative link that works under the base path."""
        return self.base_path + page_path.lstrip("/")

    def absolute(self, page_path: str) -> str:
        if not self.has_absolute_base:
            return self.link(page_path)
        return self.base_url + page_path.lstrip("/")

    @property
    def has_absolute_base(self) -> bool:
        return "://" in self.base_url

    def feed_id(self, page_path: str) -> str:
        """An Atom id: the absolute URL when the site has one, else a stable tag URI."""
        if self.has_absolute_base:
            return self.absolute(page_path)
        return f"tag:briefing,2025:{page_path}"


def output_file(page_path: str) -> str:
    """The file (relative to the output folder) that serves a page path."""
    relative = unquote(page_path).lstrip("/")
    if not relative or relative.endswith("/"):
        return relative + INDEX_FILE
    return relative


def is_listed(page_path: str) -> bool:
    """Pages worth listing in the sitemap: HTML pages other than search and the 404."""
    return page_path.endswith("/") and page_path != SEARCH


RESERVED_FOLDERS = (STATIC_FOLDER, CARDS_FOLDER, SEARCH_FOLDER)  # the build writes them, not pages
MAX_SEGMENT = 200  # characters in one part of a path: file systems stop at 255 bytes
MAX_PATH = 1_000
HIDDEN = ("Cc", "Cf", "Cs", "Co", "Cn")  # control, format (bidi), surrogate, unassigned
ESCAPE = re.compile(r"%([0-9A-Fa-f]{2})")
DRIVE = re.compile(r"[A-Za-z]:")
ROOTED = "write it from the site's root, e.g. /2025/old-name/"
PLAIN = "write the path as it reads, without %-escapes of '/', '.', '\\' or '%'"
UNSAFE_ESCAPES = frozenset("/\\.%") | {chr(n) for n in range(32)} | {chr(127)}


class BadPath(ValueError):
    """Not a path on this site: the message says why, the hint how to write one."""

    def __init__(self, message: str, hint: str = ROOTED) -> None:
        super().__init__(message)
        self.hint = hint


def site_path(text: str) -> str:
    """An old address ('aliases:') as the site path it names, decoded, normalised and
    quoted the way every page path is ('/2025/old-name/', '/old.html'), or BadPath.

    This is the one check of a path that comes from content: it is decoded before it is
    judged, so '%2e%2e' is '..' and '%2f' a separator (both refused, as are NUL, control
    characters, backslashes, '.' and '..' parts, empty parts, drive letters, hidden names
    and the folders the build itself writes)."""
    parts, folder = _checked_parts(text, _decoded(text))
    path = "/" + "/".join(quote(unicodedata.normalize("NFC", part)) for part in parts)
    return path + "/" if folder and parts else path if parts else HOME


def _decoded(text: str) -> str:
    """The alias with its %-escapes decoded, if none hides a separator, a dot, a control
    character or invalid UTF-8, and it is a path on this site with no hidden character."""
    if len(text) > MAX_PATH:
        raise BadPath(f"alias is {len(text):,} characters long, over {MAX_PATH:,}")
    for escape in ESCAPE.finditer(text):
        decoded = chr(int(escape.group(1), 16))
        if decoded in UNSAFE_ESCAPES:
            raise BadPath(f"alias {text!r} escapes {decoded!r} as {escape.group(0)}", PLAIN)
    try:
        decoded = unquote(text, errors="strict") if "%" in text else text
    except UnicodeDecodeError:
        raise BadPath(f"alias {text!r} has %-escapes that are not UTF-8", PLAIN) from None
    if not decoded.startswith("/") or "://" in decoded:
        raise BadPath(f"alias {text!r} must be a path on this site")
    bad = next((c for c in decoded if c == "\\" or unicodedata.category(c) in HIDDEN), None)
    if bad is not None:
        raise BadPath(f"alias {text!r} holds the character {bad!r}", "remove it")
    return decoded


def _checked_parts(text: str, decoded: str) -> tuple[list[str], bool]:
    """The decoded path's parts, each checked, and whether it names a folder."""
    parts = decoded[1:].split("/")
    folder = parts[-1] == ""
    if folder:
        parts.pop()
    for part in parts:
        _check_part(text, part)
    if parts and parts[0] in RESERVED_FOLDERS:
        raise BadPath(
            f"alias {text!r} is inside /{parts[0]}/, which the build writes itself",
            "choose another address",
        )
    if parts and DRIVE.match(parts[0]):
        raise BadPath(f"alias {text!r} starts with a drive name")
    if not folder and parts and "." not in parts[-1]:
        folder = True  # '/old/name' is served as the folder '/old/name/'
    return parts, folder


def _check_part(text: str, part: str) -> None:
    if part in ("", ".", ".."):
        shown = f"'{part}'" if part else "an empty part ('//')"
        raise BadPath(f"alias {text!r} holds {shown}", "write the path it leads to, without it")
    if part.startswith("."):
        raise BadPath(f"alias {text!r} names a hidden file '{part}'", "remove the leading '.'")
    if len(part) > MAX_SEGMENT:
        raise BadPath(f"alias {text!r} has a part over {MAX_SEGMENT} characters")
    if part.endswith((".", " ")):  # Windows drops them: 'index.html.' is 'index.html' there
        raise BadPath(f"alias {text!r} has a part ending in '{part[-1]}'", "remove it")


# The content files: the names of a site's content folder and theme folder, written out
# here only (tests/test_routes.py fails on a literal of them anywhere else).
SITE_FILE = "site.yaml"
TOPICS_FILE = "topics.yaml"
ENTITIES_FILE = "entities.yaml"
SOURCES_FILE = "sources.yaml"
# the YAML files of content/, by the field of RawContent each is loaded into
YAML_FILES = {
    "site": SITE_FILE,
    "topics": TOPICS_FILE,
    "entities": ENTITIES_FILE,
    "sources": SOURCES_FILE,
}
ARTICLES_FOLDER = "articles"  # content/articles/<slug>.md
TEMPLATES_FOLDER = "templates"  # a theme's Jinja2 templates
THEME_STATIC_FOLDER = "static"  # a theme's static files, published under STATIC
