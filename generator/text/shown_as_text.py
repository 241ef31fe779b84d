"""What an article's Markdown asks for that its page shows as text instead: raw HTML, which
the parser escapes, and links to addresses no page may link to (javascript:, vbscript:,
file:, most data:), which markdown-it's validator leaves unlinked. The page is safe either
way; a warning tells the writer why it shows the markup."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from markdown_it import MarkdownIt
from markdown_it.common.utils import unescapeAll

from generator.content.model import Site
from generator.errors import ContentError, Position
from generator.terminal import printable
from generator.text.rendered import MarkdownResult

CODE_SPAN = re.compile(r"(`+).+?\1", re.DOTALL)  # shown as code, as the writer meant
RAW_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*)?/?>|<!--")
# the elements a writer might paste; "<Tab>" or "<<Minsk>>" are text that only looks so
HTML_ELEMENTS = frozenset(
    "a abbr address area article aside audio b base bdi bdo blockquote body br button canvas "
    "caption cite code col colgroup data datalist dd del details dfn dialog div dl dt em embed "
    "fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 head header hr html i iframe img "
    "input ins kbd label legend li link main map mark math menu meta meter nav noscript object ol "
    "optgroup option output p param picture pre progress q rp rt ruby s samp script section "
    "select slot small source span strong style sub summary sup svg table tbody td template "
    "textarea tfoot th thead time title tr track u ul var video wbr center font marquee frame "
    "frameset applet".split()
)
# a link's address: in <>, or up to the space or ")" that ends it, a nested "(…)" kept
LINK_TARGET = re.compile(r"\]\(\s*(?:<([^<>\n]*)>|((?:[^\s()]|\([^\s()]*\))+))")
AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*)>")
# a reference definition the parser refused (its address), left in the paragraph's text
DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:\s*(?:<([^<>\n]*)>|(\S+))", re.MULTILINE)
SHOWN_LENGTH = 40  # of an address quoted in a warning


def shown_as_text(md: MarkdownIt, source: str) -> Iterator[str]:
    """What in one inline text's Markdown (a paragraph's, a heading's, a cell's) its page
    shows as text: "raw HTML <script>", "a link to 'javascript:alert(1)'"."""
    source = CODE_SPAN.sub("", source)
    for tag in RAW_TAG.finditer(source):
        if tag.group(0) == "<!--":
            yield "raw HTML <!-- -->"
        elif not tag.group(1) and tag.group(2).lower() in HTML_ELEMENTS:
            yield f"raw HTML <{tag.group(2)}>"
    for address in dict.fromkeys(_addresses(source)):  # "[x](<a:b>)" is an autolink's shape too
        if not md.validateLink(md.normalizeLink(unescapeAll(address))):
            shown = address if len(address) <= SHOWN_LENGTH else address[:SHOWN_LENGTH] + "…"
            yield f"a link to '{shown}'"


def _addresses(source: str) -> Iterator[str]:
    """The address of each inline link, autolink and refused reference definition."""
    for pattern in (LINK_TARGET, DEFINITION):
        for match in pattern.finditer(source):
            yield match.group(1) if match.group(1) is not None else match.group(2)
    for match in AUTOLINK.finditer(source):
        yield match.group(1)


def shown_as_text_warnings(site: Site, bodies: Mapping[str, MarkdownResult]) -> list[ContentError]:
    """One warning for each thing an article body's page shows as text, at its line."""
    warnings = []
    for slug, result in bodies.items():
        article = site.articles.get(slug)
        if article is None:
            continue
        for what, line in result.shown_as_text:
            position = Position(article.position.path, article.body_line + line)
            if what.startswith("raw HTML"):
                message = f"{printable(what)} is shown as text: a page runs no HTML of its own"
                hint = "write it in Markdown; to show it as code, put it in backticks"
            else:
                message = f"{printable(what)} is not made: a page links to the web, mail, the site"
                hint = "link to an https:// address or to a page of the site"
            warnings.append(ContentError(position, message, hint, severity="warning"))
    return warnings
