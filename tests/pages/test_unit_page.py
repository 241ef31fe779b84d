"""page.Page: what `pages` hands to `render`; its header is all it is made from besides
its recorded reads."""

from __future__ import annotations

from dataclasses import FrozenInstanceError, fields, replace

import pytest

from generator.pages.page import Crumb, Page, no_context

PAGE = Page("/topics/x/", "topic.html", "X")
CHANGES = {
    "template": "other.html",
    "title": "Y",
    "crumbs": (Crumb("Home", "/"),),
    "description": "d",
    "og_type": "article",
    "feeds": (Crumb("Feed", "/feed.xml"),),
    "signature": ("sitemap", 2),
    "image": "/cards/x.png",
    "image_alt": "What the card says",
}


@pytest.mark.parametrize("name", sorted(CHANGES))
def test_a_change_to_any_header_field_changes_the_header(name: str) -> None:
    assert replace(PAGE, **{name: CHANGES[name]}).header != PAGE.header


def test_every_field_but_path_and_context_is_in_the_header() -> None:
    assert {f.name for f in fields(Page)} == set(CHANGES) | {"path", "context"}
    assert replace(PAGE, context=lambda reader: {"x": 1}).header == PAGE.header


def test_a_page_is_frozen_and_has_no_context_by_default() -> None:
    with pytest.raises(FrozenInstanceError):
        PAGE.title = "Z"  # type: ignore[misc]
    assert PAGE.context is no_context and no_context(None) == {}  # type: ignore[arg-type]
