"""What Pagefind reads of a page: the page's bytes with the text of the parts it is told
to ignore taken out, so a shard is indexed again only when what it indexes changed.

An edit changes many pages whose indexed content is the same: a topic's or a source's
list of articles, the evidence under a claim, the table of contents are all marked
`data-pagefind-ignore`. Pagefind (its `fossick` parser) drops the text of such an
element; it still reads, inside it, every tag (an `id` numbers the page's anchors; a
`data-pagefind-filter`, `-meta`, `-sort` is read even there; an `img` may become the
page's image; an `h1` its title) and the text of an element whose filter or meta takes
its value from that text; and it gives the text of an inline element, ignored or not, to
the anchor of the element with an `id` it sits in. So the record keeps every byte but
the text between tags of an ignored block (not inline) element, and keeps even that
whole where the element holds an `h1`, a
`title`, a filter, meta or sort, raw text (`script`, `style`, a comment...) or
anything whose extent a parser could read otherwise than its tags say (a tag left open
or closed out of order, a block inside a paragraph). Two pages with the same record
give Pagefind the same input where it reads it: the same fragment, the same words."""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Iterator

BODY_MARK = b"data-pagefind-body"
IGNORE_MARK = b"data-pagefind-ignore"
_ATTRIBUTE = rb"""\s+([^\s"'=/>]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?"""
_START_TAG = re.compile(rb"<([a-zA-Z][a-zA-Z0-9]*)((?:" + _ATTRIBUTE + rb")*)\s*/?>")
_ATTRIBUTE_NAME = re.compile(_ATTRIBUTE)
# every tag (whole, "/" if it closes, its name) in what may be an ignored element's content
_TAG = re.compile(rb"(<(/?)([a-zA-Z][a-zA-Z0-9]*)(?:" + _ATTRIBUTE + rb")*\s*/?>)")
_UPPER_CASE_TAG = re.compile(rb"</?[a-z0-9]*[A-Z]")
_SCRIPT = re.compile(rb"(<script(?:" + _ATTRIBUTE + rb")*\s*>)[^<]*</script\s*>")
_KEPT_WHOLE = re.compile(
    rb"<(?:h1|title|script|style|template|textarea|xmp|plaintext|noscript|iframe|noembed|"
    rb"noframes|svg|math)\b|-->|<!|data-pagefind-(?:filter|meta|default-meta|sort|index-attrs)",
    re.IGNORECASE,
)
# Pagefind gives the text of these, ignored or not, to the anchor of an element with an
# id they sit in (through inline elements only): an ignored one is kept whole
_INLINE = frozenset(
    b"a abbr acronym b bdo big br button cite code dfn em i img input kbd label map object "
    b"output q samp script select small span strong sub sup textarea time tt var".split()
)
_VOID = frozenset(b"area base br col embed hr img input link meta param source track wbr".split())
_OPTIONAL_END = frozenset(
    b"li dt dd rb rt rtc rp optgroup option colgroup caption thead tbody tfoot tr td th".split()
)
_CLOSES_P = frozenset(
    b"address article aside blockquote details dialog div dl fieldset figcaption figure footer "
    b"form h1 h2 h3 h4 h5 h6 header hgroup hr main menu nav ol p pre section table ul".split()
)


def record_digest(url: str, html: bytes) -> bytes:
    """sha256 of the page's URL and what Pagefind reads of its HTML."""
    total = hashlib.sha256(url.encode("utf-8") + b"\0")
    for part in indexed_parts(html):
        total.update(part)
    return total.digest()


def indexed_parts(html: bytes) -> list[bytes]:
    """The page's bytes, in order, with the text inside each ignored element whose
    extent is certain left out, its tags kept; and the head's scripts without their text."""
    html = _without_head_scripts(html)
    parts: list[bytes] = []
    done = 0
    for inner, end, tags in _ignored_elements(html):
        if inner < done:
            continue  # inside an ignored element already taken
        parts += (html[done:inner], b"\0", *tags)
        done = end
    parts.append(html[done:])
    return parts


def _without_head_scripts(html: bytes) -> bytes:
    """The page with the text of each script in its head left out (the JSON-LD, which
    names other pages): Pagefind never indexes a script's text, nor, in the head, gives
    it to an anchor. Only a script whose text holds no "<" (so its first end tag ends
    it) and whose tag has no `data-pagefind-` attribute (whose value it could be)."""
    start = html.find(b"<head>")
    end = html.find(b"</head>", start)
    if start < 0 or end < 0 or html.find(b"<head", 0, end) != start:
        return html  # no head, or one with attributes: left as it is
    if html.find(b"<body", 0, end) >= 0:
        return html
    return _SCRIPT.sub(_script_tags, html[:end]) + html[end:]


def _script_tags(script: re.Match[bytes]) -> bytes:
    return script.group(0) if b"data-pagefind-" in script.group(1) else script.group(1) + b"\0"


def _ignored_elements(html: bytes) -> Iterator[tuple[int, int, list[bytes]]]:
    """(start of its content, start of its end tag, its tags) of each ignored element
    whose text can be left out, in order."""
    at = html.find(IGNORE_MARK)
    while at >= 0:
        tag = _START_TAG.match(html, max(0, html.rfind(b"<", 0, at)))
        if tag and tag.end() > at and _is_ignored(tag):
            content = _content(html, tag.group(1).lower(), tag.end())
            if content is not None:
                end, tags = content
                yield tag.end(), end, tags
                at = end
        at = html.find(IGNORE_MARK, at + 1)


def _is_ignored(tag: re.Match[bytes]) -> bool:
    names = (m.group(1).lower() for m in _ATTRIBUTE_NAME.finditer(tag.group(2)))
    name = tag.group(1).lower()
    return IGNORE_MARK in names and not (name in _VOID or name in _OPTIONAL_END or name in _INLINE)


def _content(html: bytes, name: bytes, inner: int) -> tuple[int, list[bytes]] | None:
    """(where the element ends, the tags inside it) if its content is certain to end
    there: every tag in it closed in order, no block inside a paragraph, no raw text,
    nothing Pagefind reads the text of; else None."""
    end = _end_tag(html, name, inner)
    if end is None:
        return None
    content = html[inner:end]
    if _KEPT_WHOLE.search(content) or _UPPER_CASE_TAG.search(content):
        return None
    tags = _TAG.findall(content)
    if content.count(b"<") != len(tags):
        return None  # a "<" that starts no tag: a comment, a declaration...
    return (end, [tag[0] for tag in tags]) if _well_nested(name, tags) else None


def _end_tag(html: bytes, name: bytes, inner: int) -> int | None:
    """Where the first end tag that balances the element opened before `inner` starts."""
    depth = 1
    for tag in _same_name(name).finditer(html, inner):
        depth += -1 if tag.group(1) else 1
        if not depth:
            return tag.start()
    return None


@functools.cache
def _same_name(name: bytes) -> re.Pattern[bytes]:
    return re.compile(rb"<(/?)" + re.escape(name) + rb"[\s/>]")


def _well_nested(name: bytes, tags: list[tuple[bytes, bytes, bytes, bytes]]) -> bool:
    """Every tag closed in order and no block opened inside a paragraph, as a parser
    reads them: then the element ends where its end tag is."""
    stack, paragraphs = [name], int(name == b"p")
    for _, closing, tag, _ in tags:
        if closing:
            if len(stack) == 1 or stack.pop() != tag:
                return False
            paragraphs -= tag == b"p"
        elif tag not in _VOID:
            if paragraphs and tag in _CLOSES_P:
                return False
            stack.append(tag)
            paragraphs += tag == b"p"
    return stack == [name]
