"""Fragments drawn once: `once(m.article_card, card)` in a template renders the macro the
first time it meets those arguments and hands back the same HTML every later time, in this
process. An article's card is in every list that shows it (its topics, its source, each
entity it names, the home page): about ten times a build at 1,000 articles.

Only for a macro of a template imported without context (`{% import "macros.html" as m %}`):
such a macro sees its arguments and the environment's globals (the site's settings, its
routes, the interface strings), never the page that calls it, so equal arguments give equal
HTML. Arguments are compared by value (the views are frozen dataclasses) and by type (1 and
True, 'a' and Markup('a') give different HTML); a call with an unhashable argument is
rendered every time. The environment is made anew when a template, a static file or the
site's settings change, and its fragments with it.

`once.each(macro, items)` is `once(macro, item)` for each item, joined: one call from the
template for a whole list of chips or cards, not one per item (each costs a lookup of
`once`, Jinja's call and an escape; thousands of chips a build)."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import Any

from markupsafe import Markup

LIMIT = 20_000  # fragments kept; then it starts afresh (a long preview session stays small)


class Fragments:
    """`once(macro, *args, **kwargs)`: the macro's HTML for those arguments, drawn once."""

    def __init__(self, limit: int = LIMIT) -> None:
        self._drawn: dict[Hashable, Any] = {}
        self._limit = limit

    def __call__(self, macro: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Any:
        key = (macro, args, tuple(map(type, args)), *((k, type(v), v) for k, v in kwargs.items()))
        try:
            return self._drawn[key]
        except KeyError:
            pass
        except TypeError:  # an unhashable argument: nothing to recognise it by
            return macro(*args, **kwargs)
        html = macro(*args, **kwargs)
        if len(self._drawn) >= self._limit:
            self._drawn.clear()
        self._drawn[key] = html
        return html

    def each(self, macro: Callable[..., Any], items: Iterable[Any], /) -> Markup:
        """`once(macro, item)` for every item, escaped and joined as a template's loop of
        `{{ once(macro, item) }}` would join them."""
        drawn = self._drawn
        pieces = []
        for item in items:
            try:
                pieces.append(drawn[(macro, (item,), (type(item),))])
            except (KeyError, TypeError):
                pieces.append(self(macro, item))
        return Markup("").join(pieces)

    def __len__(self) -> int:
        return len(self._drawn)
