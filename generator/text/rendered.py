"""What the parser gives back for one text: its HTML and what the text links to."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from markupsafe import Markup


@dataclass(frozen=True, slots=True)
class MarkdownResult:
    html: Markup
    mentions: Mapping[str, int] = field(default_factory=dict)  # entity id -> count, in order
    links: tuple[tuple[str, int], ...] = ()  # (href, 0-based source line)
    images: tuple[tuple[str, str, int], ...] = ()  # (src, alt text, 0-based source line)
    shown_as_text: tuple[tuple[str, int], ...] = ()  # (raw HTML or unsafe link, source line)
