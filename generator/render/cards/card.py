"""A social card: what is drawn on it, and its file name, the hash of all that."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path

from generator.routes import CARDS_FOLDER

CARDS_DIR = CARDS_FOLDER


# Fonts for the letters DejaVu lacks, where the machine has them (Debian and Ubuntu's
# fonts-noto-cjk, fonts-droid-fallback, fonts-wqy-*): bundling one would add megabytes to
# every wheel. A letter no font here has is left out of the card, and the build says so.
FALLBACK_FONTS = tuple(
    path
    for path in (
        Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
        Path("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"),
        Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
        Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
    )
    if path.is_file()
)
# Bump when the drawing changes, so cached cards are drawn again; the fallback fonts found
# are part of it, so cards drawn without them are not reused once they are installed.
DRAWING_VERSION = "3-rle:" + ",".join(path.name for path in FALLBACK_FONTS)


@dataclass(frozen=True, slots=True)
class Card:
    site_title: str
    kicker: str  # 'Topic', 'Article · Istanbul talks'
    title: str
    footer: str  # 'BBC News · graded B2', '5 articles from 3 sources'
    background: str  # '#1f4e79'
    foreground: str
    # The card's file name: a hash of what is drawn on it. Made once, as the card is: a
    # rebuild asks it of every card several times.
    name: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        text = "\x1f".join((DRAWING_VERSION, *(str(v) for v in _fields(self))))
        name = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16] + ".png"
        object.__setattr__(self, "name", name)

    @property
    def path(self) -> str:
        return f"/{CARDS_DIR}/{self.name}"


DRAWN = tuple(f.name for f in fields(Card) if f.init)  # what is drawn: all but the name


def _fields(card: Card) -> tuple:
    return tuple(getattr(card, name) for name in DRAWN)


MakeCard = Callable[..., Card]  # Card itself, or a KnownCards


class KnownCards:
    """Makes cards as `Card(...)` does, giving back the last build's card when what is
    drawn on it is the same: a card's name is a SHA-256 of all that, and a rebuild
    would otherwise hash every page's card again."""

    __slots__ = ("_before", "made")

    def __init__(self, before: Mapping[tuple, Card] | None = None) -> None:
        self._before = before or {}
        self.made: dict[tuple, Card] = {}  # this build's cards by what is drawn on them

    def __call__(
        self,
        *,
        site_title: str,
        kicker: str,
        title: str,
        footer: str,
        background: str,
        foreground: str,
    ) -> Card:
        drawn = (site_title, kicker, title, footer, background, foreground)  # as DRAWN
        card = self._before.get(drawn) or self.made.get(drawn)
        if card is None:
            card = Card(*drawn)
        self.made[drawn] = card
        return card
