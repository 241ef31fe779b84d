"""Readable, stable, URL-safe slugs: letters of any script are kept, lower-cased."""

from __future__ import annotations

import re
import unicodedata

_SEPARATORS = re.compile(r"[\W_]+")


def slugify(text: str, max_length: int = 80) -> str:
    normalized = unicodedata.normalize("NFKC", text).casefold()
    slug = _SEPARATORS.sub("-", normalized).strip("-")
    return slug[:max_length].rstrip("-") or "untitled"
