"""A site whose reads are noted: mappings that record each item read, or the whole, and a
`Site` is made of them (reads.reader), so analysis functions take it as they are."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any


class RecordingMapping(Mapping[str, Any]):
    """A mapping of the site whose reads are noted: one item, or the whole of it."""

    def __init__(
        self, items: Mapping[str, Any], item: Callable[[str], None], whole: Callable[[], None]
    ) -> None:
        self._items, self._item, self._whole = items, item, whole

    def __getitem__(self, key: str) -> Any:
        self._item(key)
        return self._items[key]

    def __iter__(self) -> Iterator[str]:
        self._whole()
        return iter(self._items)

    def __len__(self) -> int:
        self._whole()
        return len(self._items)

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str):
            return False
        self._item(key)  # an item's key changes when it comes or goes
        return key in self._items
