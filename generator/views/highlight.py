"""Mark cited sentences in an article's rendered HTML: `<mark class="cited">` around the
sentence, with the sentence's anchor, and a "cited by" link to each claim after it (kept
out of the search index: it is not the article's text).

The HTML comes from our own Markdown renderer, so its shape is known: each paragraph
or list item carries `id="para-<line>"` and holds text, inline tags and character
references. A sentence whose span would cross a tag boundary is not wrapped; its
anchor is then set at the start of its paragraph, so links still land."""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Iterable

from markupsafe import Markup, escape

from generator.evidence.sentences import paragraph_anchor
from generator.views.evidence import CitedSentence

# A footnote reference counts as a tag: the sentence it follows is matched without it.
TAG_OR_REFERENCE = re.compile(r'<sup class="footnote-ref">.*?</sup>|<[^>]*>|&[#\w]+;')
FOOTNOTE_REF = '<sup class="footnote-ref">'
PARAGRAPH_END = re.compile(r"</(?:p|li)>")


def mark_cited(
    body: Markup, cited: Iterable[CitedSentence], cited_by: str = "cited by {name}"
) -> Markup:
    """`cited_by`: the link's words, in the interface's language."""
    text = str(body)
    for item in sorted(cited, key=lambda c: (-c.sentences[0].paragraph, -c.sentences[0].number)):
        text = _mark_passage(text, item, cited_by)
    return Markup(text)


def _mark_passage(text: str, item: CitedSentence, cited_by: str) -> str:
    refs = "".join(
        f'<a class="cited-by" href="{escape(href)}" data-pagefind-ignore>'
        f"{escape(cited_by.format(name=name))}</a>"
        for href, name in item.citations
    )
    first = item.sentences[0]
    # the later sentence first, so the earlier one's offsets stay valid
    for sentence in reversed(item.sentences):
        anchor = sentence.anchor if sentence is first else ""
        after = refs if sentence is item.sentences[-1] else ""
        text = _mark_sentence(text, sentence.paragraph, sentence.text, anchor, after)
    return text


def _mark_sentence(text: str, paragraph: int, sentence: str, anchor: str, refs: str) -> str:
    start_tag = text.find(f'id="{paragraph_anchor(paragraph)}"')
    if start_tag < 0:
        return text
    inner = text.index(">", start_tag) + 1
    end_match = PARAGRAPH_END.search(text, inner)
    inner_end = end_match.start() if end_match else len(text)
    span = _find(text, inner, inner_end, sentence)
    id_attr = f' id="{anchor}"' if anchor else ""
    if span is None:
        marker = f'<span class="cited-anchor"{id_attr}></span>' if anchor else ""
        return text[:inner] + marker + text[inner:inner_end] + refs + text[inner_end:]
    start, end = span
    return (
        text[:start]
        + f'<mark class="cited"{id_attr}>'
        + text[start:end]
        + "</mark>"
        + refs
        + text[end:]
    )


def _find(text: str, start: int, end: int, sentence: str) -> tuple[int, int] | None:
    """The HTML offsets of `sentence` (plain text) within text[start:end], when it does
    not cross a tag boundary (its tags are balanced)."""
    pieces: list[str] = []
    starts: list[int] = []  # plain offset at which each piece starts
    origins: list[int] = []  # html offset of each piece; a reference is one character
    plain_length, cursor = 0, start
    for match in [*TAG_OR_REFERENCE.finditer(text, start, end), None]:
        stop = match.start() if match else end
        if stop > cursor:
            pieces.append(text[cursor:stop])
            starts.append(plain_length)
            origins.append(cursor)
            plain_length += stop - cursor
        if match is not None and match.group(0).startswith("&"):
            pieces.append(html.unescape(match.group(0)))
            starts.append(plain_length)
            origins.append(-match.start() - 1)  # negative: a reference, not a text run
            plain_length += len(pieces[-1])
        cursor = match.end() if match else end
    found = "".join(pieces).find(sentence)
    if found < 0:
        return None

    def html_offset(plain: int) -> int:
        piece = bisect.bisect_right(starts, plain) - 1
        origin = origins[piece]
        return -origin - 1 if origin < 0 else origin + plain - starts[piece]

    first, last = html_offset(found), html_offset(found + len(sentence) - 1)
    last = text.index(";", last) + 1 if text[last] == "&" else last + 1
    while first > start and text[first - 1] == ">":  # take in the tags it starts with
        tag = text.rfind("<", start, first)
        if tag < start or text.startswith("</", tag):
            break
        first = tag
    while text.startswith("</", last) and last < end:  # and those it ends with
        last = text.index(">", last) + 1
    while text.startswith(FOOTNOTE_REF, last):  # and its own footnote references
        last = text.index("</sup>", last) + len("</sup>")
    inside = text[first:last]
    opened = len(re.findall(r"<[a-z]", inside))
    closed = len(re.findall(r"</", inside))
    return (first, last) if opened == closed and not _inside_tag(text, first, start) else None


def _inside_tag(text: str, offset: int, start: int) -> bool:
    """Whether `offset` falls inside an open inline element (between <a ...> and </a>)."""
    before = text[start:offset]
    return len(re.findall(r"<[a-z]", before)) != len(re.findall(r"</", before))
