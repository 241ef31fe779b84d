"""Readable, stable, URL-safe slugs: letters of any script are kept, lower-cased.

A slug is at most SLUG_MAX characters and is cut at a word boundary (a word longer
than that is cut at SLUG_MAX). The Turkish capital İ becomes 'i', not 'i' plus a
combining dot, so 'İstanbul' gives 'istanbul' as it does in Hugo; the dotless i (U+0131)
is a letter of its own and is kept."""

from __future__ import annotations

import re
import unicodedata

SLUG_MAX = 80
_SEPARATORS = re.compile(r"[\W_]+")
_DOT_ABOVE = "\u0307"  # what str.casefold() leaves after 'i' for 'İ'


def slugify(text: str, max_length: int = SLUG_MAX) -> str:
    folded = unicodedata.normalize("NFKC", text).replace("İ", "i").casefold()
    folded = unicodedata.normalize("NFC", folded.replace("i" + _DOT_ABOVE, "i"))
    slug = _SEPARATORS.sub("-", folded).strip("-")
    return _cut(slug, max_length) or "untitled"


def is_slug(text: str) -> bool:
    return bool(text) and slugify(text) == text


def _cut(slug: str, max_length: int) -> str:
    if len(slug) <= max_length:
        return slug
    head = slug[: max_length + 1]
    cut = head.rfind("-")
    return (head[:cut] if cut > 0 else slug[:max_length]).rstrip("-")
