"""Every string of the interface, from one table per language (`en.yaml`, `uk.yaml`),
chosen by site.yaml's `language`. Templates call `t("key", name=...)`; a count is
`t("key", n=3)`, whose entry holds a form per plural category of the language."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import SupportsInt

import yaml
from markupsafe import Markup

FOLDER = Path(__file__).parent  # generator.resources.I18N; this package is the table itself
DEFAULT = "en"
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True, slots=True)
class Strings:
    language: str  # the table's language: 'en' or 'uk'
    table: Mapping[str, str | Mapping[str, str]]

    def __call__(self, key: str, /, **values: object) -> str:
        """The string for `key`, its {placeholders} filled; with `n`, the plural form."""
        entry = self.table[key]  # a KeyError names a string the table lacks: a test finds it
        # Templates call this some hundred times a page: the common cases are tested by
        # exact type first (an isinstance against SupportsInt, a runtime Protocol, costs
        # fifty times more than the rest of the call).
        if type(entry) is not str and isinstance(entry, Mapping):
            count = values["n"]
            if type(count) is not int and not isinstance(count, SupportsInt):
                raise TypeError(f"{key}: n={count!r} is not a number")
            entry = entry[plural_category(self.language, int(count))]
        if not values:
            return entry
        for value in values.values():
            if isinstance(value, Markup):
                return Markup(entry).format(**values)  # a link inside a sentence: escapes the rest
        return entry.format(**values)

    def browser_table(self) -> dict[str, object]:
        """The strings scripts show ('js.' keys, without it), with the language for plurals."""
        found: dict[str, object] = {k[3:]: v for k, v in self.table.items() if k.startswith("js.")}
        return found | {"language": self.language}

    def long_date(self, day: dt.date) -> str:
        """'18 November 2025', '18 листопада 2025'."""
        months = self.table["date.months"]
        assert isinstance(months, str)
        return f"{day.day} {months.split()[day.month - 1]} {day.year}"


def languages() -> tuple[str, ...]:
    return tuple(sorted(path.stem for path in FOLDER.glob("*.yaml")))


@cache
def strings_for(language: str) -> Strings:
    """The table of `language` ('pt-BR' looks for 'pt'), or English if there is none."""
    base = language.split("-")[0].lower()
    name = base if base in languages() else DEFAULT
    text = (FOLDER / f"{name}.yaml").read_text(encoding="utf-8")
    table = yaml.load(text, Loader=LOADER)  # our own file: libyaml's loader, 50 times faster
    return Strings(name, table)


def plural_category(language: str, n: int) -> str:
    """CLDR's plural categories for the shipped languages: English 'one'/'other';
    Ukrainian 'one' (1, 21, 31…), 'few' (2-4, 22-24…) and 'many' (0, 5-20, 25…)."""
    if language == "uk":
        if n % 10 == 1 and n % 100 != 11:
            return "one"
        if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
            return "few"
        return "many"
    return "one" if n == 1 else "other"
