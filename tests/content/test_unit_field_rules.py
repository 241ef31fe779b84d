"""content.field_rules: what a field of any record must be: an id already a slug, a web
address (http or https only), a BCP 47 language tag; a bad value is an error and not kept."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

import pytest

from generator.content.field_rules import read_id, read_language, read_web_url, slug_hint
from generator.content.fields import FieldReader
from generator.content.yamlpos import Located
from generator.errors import ContentError


def fields(record: dict[str, Any]) -> tuple[FieldReader, list[ContentError]]:
    errors: list[ContentError] = []
    return FieldReader(Located(record, Path("x.yaml")), (), errors, "entry"), errors


@pytest.mark.parametrize("tag", ["en", "uk", "pt-BR", "zh-Hant-TW", "es-419", "de-CH-1901"])
def test_a_language_tag_is_kept(tag: str) -> None:
    reader, errors = fields({"language": tag})
    assert (read_language(reader), errors) == (tag, [])


@pytest.mark.parametrize("tag", ["english", "e", "en_GB", "en-", "../en", "en GB"])
def test_a_bad_language_tag_is_an_error_and_the_default_is_used(tag: str) -> None:
    reader, errors = fields({"language": tag})
    assert read_language(reader, "fr") == "fr"
    assert [e.message for e in errors] == [f"language {tag!r} is not a language tag"]


def test_no_language_is_the_default() -> None:
    assert read_language(fields({})[0]) == "en"
    assert read_language(fields({})[0], "") == ""


@pytest.mark.parametrize("url", ["https://wire.example/a", "http://wire.example", ""])
def test_a_web_address_or_none_is_kept(url: str) -> None:
    reader, errors = fields({"url": url})
    assert (read_web_url(reader, "url"), errors) == (url, [])


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "ftp://wire.example/", "https://", "//wire.example/", "/a"]
)
def test_anything_else_is_an_error_and_dropped(url: str) -> None:
    reader, errors = fields({"link": url})
    assert read_web_url(reader, "link") == ""
    assert [e.message for e in errors] == [
        "'link' must be a web address starting with https:// or http://"
    ]


def test_an_id_must_already_be_a_slug() -> None:
    reader, errors = fields({"id": "ankara-meeting"})
    assert (read_id(reader), errors) == ("ankara-meeting", [])
    reader, errors = fields({"id": "Ankara Meeting"})
    assert read_id(reader) == "Ankara Meeting"  # kept, so references to it still resolve
    assert [(e.message, e.hint) for e in errors] == [
        ("id 'Ankara Meeting' is not a valid slug", "use 'ankara-meeting'")
    ]


def test_a_slug_that_only_differs_in_its_accents_encoding_is_explained() -> None:
    decomposed = unicodedata.normalize("NFD", "köln")
    assert "decomposed accents (Unicode NFD)" in slug_hint(decomposed, "use")
    assert slug_hint("Köln", "rename it to", ".md") == "rename it to 'köln.md'"
