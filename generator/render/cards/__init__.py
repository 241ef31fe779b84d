"""Social cards: the og:image of every HTML page, a 1200×630 PNG drawn at
build time with Pillow and the bundled DejaVu fonts, in the theme's colours.

A card's file name is the hash of everything drawn on it, so the same card is the same
file: a build copies it from the last build instead of drawing it again, and a changed
card gets a new address that no platform has cached.

`card` (a card and its name), `page_cards` (each page's card), `drawing` (its PNG),
`store` (written once, copied when it can be, drawn when it must). The names the build
uses are here."""

from generator.render.cards.card import CARDS_DIR, Card, KnownCards
from generator.render.cards.drawing import draw, left_out, undrawable_warnings
from generator.render.cards.page_cards import Carded, site_cards, theme_colours, with_cards
from generator.render.cards.store import (
    cards_folder,
    draw_into,
    keep_only,
    read_index,
    remove_other_cards,
    to_draw,
    write_cards,
)

__all__ = [
    "CARDS_DIR",
    "Card",
    "Carded",
    "KnownCards",
    "cards_folder",
    "draw",
    "draw_into",
    "keep_only",
    "left_out",
    "read_index",
    "remove_other_cards",
    "site_cards",
    "theme_colours",
    "to_draw",
    "undrawable_warnings",
    "with_cards",
    "write_cards",
]
