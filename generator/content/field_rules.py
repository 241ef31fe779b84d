"""What a field of any record must be: an id that is already a slug, a web address, a
language tag."""

from __future__ import annotations

import re
import unicodedata

from generator.content.fields import FieldReader
from generator.content.slug import slugify
from generator.routes import split_url

# A BCP 47 language tag: language, then optional script, region and variants ("en", "pt-BR").
LANGUAGE_TAG = re.compile(
    r"[a-z]{2,3}(-[a-z]{4})?(-([a-z]{2}|[0-9]{3}))?(-([a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*",
    re.IGNORECASE,
)


def read_language(fields: FieldReader, default: str = "en") -> str:
    """It names the search index's stemmer and the interface's strings, so it must be a
    real tag."""
    value = fields.text("language", required=False) or default
    if value and not LANGUAGE_TAG.fullmatch(value):
        fields.error(
            ("language",),
            f"language {value!r} is not a language tag",
            "use a BCP 47 tag such as 'en', 'uk' or 'pt-BR'",
        )
        return default
    return value


def read_web_url(fields: FieldReader, name: str) -> str:
    """An optional link to the outside web: only http(s), so no javascript: reaches a page."""
    value = fields.text(name, required=False)
    parts = split_url(value)
    if value and (parts.scheme not in ("http", "https") or not parts.netloc):
        fields.error((name,), f"'{name}' must be a web address starting with https:// or http://")
        return ""
    return value


def read_id(fields: FieldReader) -> str:
    """A record's id: it becomes part of a URL, so it must already be a slug."""
    value = fields.text("id")
    if value and value != slugify(value):
        fields.error(("id",), f"id '{value}' is not a valid slug", slug_hint(value, "use"))
    return value


def slug_hint(value: str, verb: str, suffix: str = "") -> str:
    """'use 'köln'', unless the slug looks the same: then say what differs."""
    slug = slugify(value)
    if unicodedata.normalize("NFC", value) == slug:
        return (
            "it is written with decomposed accents (Unicode NFD), which look the same: "
            "retype it, or save the file with composed characters (NFC)"
        )
    return f"{verb} '{slug}{suffix}'"
