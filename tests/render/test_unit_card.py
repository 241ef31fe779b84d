"""render.cards.card: a social card is named by the hash of all that is drawn on it (and
the drawing's version), so a card is drawn again exactly when something on it changes."""

from __future__ import annotations

import dataclasses

import pytest

from generator.render.cards.card import CARDS_DIR, DRAWN, Card

CARD = Card("Mini briefing", "Topic", "Ankara meeting", "2 articles", "#1f4e79", "#ffffff")


def test_the_name_is_a_short_hash_and_the_path_is_in_the_cards_folder() -> None:
    name = CARD.name
    assert len(name) == len("0123456789abcdef.png") and name.endswith(".png")
    assert all(c in "0123456789abcdef" for c in name.removesuffix(".png"))
    assert CARD.path == f"/{CARDS_DIR}/{name}"


def test_the_same_card_has_the_same_name() -> None:
    assert Card(**{field: getattr(CARD, field) for field in DRAWN}).name == CARD.name


def test_the_name_is_made_from_every_field_given() -> None:
    assert tuple(f.name for f in dataclasses.fields(Card) if f.name != "name") == DRAWN


@pytest.mark.parametrize("field", DRAWN)
def test_a_change_to_any_field_changes_the_name(field: str) -> None:
    changed = dataclasses.replace(CARD, **{field: getattr(CARD, field) + "x"})
    assert changed.name != CARD.name


def test_fields_do_not_run_together() -> None:
    a = dataclasses.replace(CARD, kicker="Topic", title="Ankara")
    b = dataclasses.replace(CARD, kicker="TopicAnkara", title="")
    assert a.name != b.name


def test_a_new_drawing_version_changes_every_name(monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.render.cards import card

    before = CARD.name
    monkeypatch.setattr(card, "DRAWING_VERSION", card.DRAWING_VERSION + "-next")
    assert dataclasses.replace(CARD).name != before  # a card made under the new version
