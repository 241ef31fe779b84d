"""Text for a terminal: what the commands and the preview print is content, so it is shown
escaped, never sent raw (an ESC in a title must not drive the writer's terminal)."""

from __future__ import annotations

import unicodedata

BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)


def printable(text: str, lines: bool = False) -> str:
    """Text safe to show in a terminal: control characters (ESC above all, and line
    breaks inside a value) and bidi overrides are shown escaped, never sent raw. With
    `lines`, `text` is several lines and its line breaks stay."""
    if lines:
        return "\n".join(printable(line) for line in text.split("\n"))
    if text.isprintable():  # no control character (nor any bidi override: they are Cf)
        return text
    return "".join(
        f"\\x{ord(char):02x}"
        if unicodedata.category(char) == "Cc"
        else (f"\\u{ord(char):04x}" if char in BIDI_CONTROLS else char)
        for char in text
    )
