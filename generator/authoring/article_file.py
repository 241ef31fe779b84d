"""The content file `new` and `import` write: YAML front matter that no value can break,
then the text's blocks as Markdown that reads as the plain text did."""

from __future__ import annotations

import re
from collections.abc import Mapping

import yaml

from generator.authoring.plain_text import PlainArticle

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
FIRST_SENTENCE_NOTE = "title made from the first sentence: write a better one"
# What Markdown could read as a block (list, heading, quote, break, fence, table) at the start
# of a line; a backslash before ASCII punctuation always shows as that character.
MARKDOWN_LINE_START = re.compile(r"^[#>*+\-=_`~|]")


def article_file(article: PlainArticle, front: Mapping[str, object], note: str = "") -> str:
    """The content file: YAML front matter (a comment line first if `note`), then the
    blocks as Markdown."""
    comment = f"# {note}\n" if note else ""
    body = "\n\n".join(
        f"## {_no_links(text)}" if kind == "heading" else _escape_line_start(_no_links(text))
        for kind, text in article.blocks
    )
    return f"---\n{comment}{front_matter(front)}---\n\n{body}\n"


def front_matter(front: Mapping[str, object]) -> str:
    """YAML written by PyYAML's emitter, so no value can add a key or break the block.
    Letters of any script are written as they are; should that change a value (PyYAML
    writes U+2028 and U+0085 unescaped, and reads them back as spaces), every character
    beyond ASCII is escaped instead."""
    data = dict(front)
    for allow_unicode in (True, False):
        text = yaml.safe_dump(
            data, sort_keys=False, allow_unicode=allow_unicode, width=10**6, default_flow_style=None
        )
        if yaml.load(text, Loader=_Loader) == data:
            break
    return text


def _no_links(text: str) -> str:
    """Plain text has no links: '[the talks](/nowhere/)' stays text, and cannot point to a
    page that does not exist."""
    return text.replace("[", "\\[")


def _escape_line_start(text: str) -> str:
    """Keep a paragraph a paragraph: escape what Markdown would read as a list, a heading
    or a link definition."""
    if ordered := re.match(r"^(\d+)([.)])(\s)", text):
        return ordered.group(1) + "\\" + text[len(ordered.group(1)) :]
    return "\\" + text if MARKDOWN_LINE_START.match(text) else text
