"""An article body as numbered paragraphs and sentences, for citing and comparing.

A paragraph is named by the body line it starts on (1-based), which is also the
`id` the Markdown renderer gives it (`para-<line>`), so a passage found here can be
linked to on the article page."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Typographic quotes, primes and dashes, and the no-break space, as their plain forms.
QUOTES = str.maketrans(
    dict.fromkeys("\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033", '"')
    | dict.fromkeys("\u2018\u2019\u201a\u201b\u2032", "'")
    | dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-")
    | {"\u00a0": " "}
)
# A sentence ends at . ! or ? (maybe followed by a closing quote or bracket) before a space
# and what can open a sentence; 'Mr.' and 'U.S.' do not end one.
SENTENCE_END = re.compile(r"(?<=[.!?])(?P<close>[\"”’')\]]*)\s+(?=[\"“\u2018'(\[]?[A-Z0-9À-ÖØ-Þ])")
ABBREVIATIONS = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Sgt|Prof|No|vs)|\b[A-Z])\.$")
LIST_ITEM = re.compile(r"^\s{0,3}(?:[-*+]|\d{1,9}[.)])\s+")
HEADING = re.compile(r"^\s{0,3}#{1,6}(?:\s|$)")
FENCE = re.compile(r"^\s{0,3}(?:```|~~~)")
INLINE_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
FOOTNOTE = re.compile(r"\[\^[^\]\s]+\]:?")  # a reference `[^1]`, or a note's label `[^1]:`
EMPHASIS = re.compile(r"(?<!\w)[*_]{1,3}|[*_]{1,3}(?!\w)|`")


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str  # as written, Markdown markup removed
    paragraph: int  # body line (1-based) of the paragraph or list item it is in
    number: int  # 1-based, within its paragraph

    @property
    def anchor(self) -> str:
        return f"{paragraph_anchor(self.paragraph)}-s{self.number}"


def paragraph_anchor(line: int) -> str:
    return f"para-{line}"


def normalise(text: str) -> str:
    """Typographic quotes and dashes made plain, whitespace collapsed, case folded."""
    return " ".join(text.translate(QUOTES).split()).casefold()


def split_sentences(body: str) -> tuple[Sentence, ...]:
    """Every sentence of every paragraph and list item; headings and code are left out."""
    found: list[Sentence] = []
    for line, text in paragraphs(body):
        for number, sentence in enumerate(_sentences(text), start=1):
            found.append(Sentence(sentence, line, number))
    return tuple(found)


def paragraphs(body: str) -> list[tuple[int, str]]:
    """(first body line, plain text) of each paragraph and list item, in order."""
    blocks: list[tuple[int, list[str]]] = []
    current: list[str] | None = None
    in_code = False
    for number, line in enumerate(body.split("\n"), start=1):
        if FENCE.match(line):
            in_code, current = not in_code, None
            continue
        if in_code or not line.strip() or HEADING.match(line) or line.startswith("    "):
            current = None
            continue
        item = LIST_ITEM.match(line)
        if item or current is None:
            current = []
            blocks.append((number, current))
            line = line[item.end() :] if item else line
        current.append(line.strip().lstrip(">").strip())
    return [(line, _plain(" ".join(lines))) for line, lines in blocks]


def _plain(text: str) -> str:
    if "[" in text:
        text = INLINE_LINK.sub(r"\1", FOOTNOTE.sub("", text))
    if "*" in text or "_" in text or "`" in text:
        text = EMPHASIS.sub("", text)
    return " ".join(text.split())


def _sentences(text: str) -> list[str]:
    pieces: list[str] = []
    start = 0
    for match in SENTENCE_END.finditer(text):
        if ABBREVIATIONS.search(text[start : match.start()]):
            continue
        pieces.append(text[start : match.end("close")].strip())
        start = match.end()
    pieces.append(text[start:].strip())
    return [piece for piece in pieces if piece]
