"""`t()`, the interface strings' lookup: its fast paths (exact types tested first) give
what the plain rules give, for every key of both tables and any count or value."""

from __future__ import annotations

from collections.abc import Mapping
from string import Formatter
from typing import SupportsInt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markupsafe import Markup

from generator.i18n import Strings, plural_category, strings_for

TABLES = (strings_for("en"), strings_for("uk"))
KEYS = sorted(strings_for("en").table)


def plain_lookup(strings: Strings, key: str, **values: object) -> str:
    """The rules without shortcuts: the oracle the fast lookup must agree with."""
    entry = strings.table[key]
    if isinstance(entry, Mapping):
        count = values["n"]
        if not isinstance(count, SupportsInt):
            raise TypeError(f"{key}: n={count!r} is not a number")
        entry = entry[plural_category(strings.language, int(count))]
    if any(isinstance(value, Markup) for value in values.values()):
        return Markup(entry).format(**values)
    return entry.format(**values) if values else entry


class Count:
    """A number that is not an int: SupportsInt, as a template's arithmetic can give."""

    def __init__(self, n: int) -> None:
        self.n = n

    def __int__(self) -> int:
        return self.n


VALUES = st.one_of(
    st.text(max_size=8),
    st.text(max_size=8).map(Markup),
    st.integers(-3, 30),
    st.booleans(),
)


@given(
    table=st.sampled_from(TABLES),
    key=st.sampled_from(KEYS),
    count=st.one_of(st.integers(0, 1_000), st.booleans(), st.integers(0, 99).map(Count)),
    extra=VALUES,
)
def test_every_key_gives_what_the_plain_rules_give(
    table: Strings, key: str, count: object, extra: object
) -> None:
    entry = table.table[key]
    forms = entry.values() if isinstance(entry, Mapping) else [entry]
    names = {name for form in forms for _, name, _, _ in Formatter().parse(form) if name}
    values = {name: extra for name in names}
    if isinstance(entry, Mapping):
        values["n"] = count
    result = table(key, **values)
    assert result == plain_lookup(table, key, **values)
    assert type(result) is type(plain_lookup(table, key, **values))


def test_a_count_that_is_no_number_is_a_type_error_naming_the_key() -> None:
    plural = next(key for key in KEYS if isinstance(strings_for("en").table[key], Mapping))
    with pytest.raises(TypeError, match=plural):
        strings_for("en")(plural, n="3")
    with pytest.raises(TypeError, match=plural):
        strings_for("en")(plural, n=None)
    assert strings_for("en")("unit.article", n=Count(1)) == "article"
    assert strings_for("en")("unit.article", n=Count(2)) == "articles"
    assert strings_for("uk")("unit.article", n=Count(3)) == strings_for("uk")("unit.article", n=3)


def test_a_markup_value_is_kept_and_the_rest_escaped() -> None:
    strings = Strings("en", {"k": "{a} and {b}"})
    result = strings("k", a=Markup("<a href='/x'>x</a>"), b="<b>")
    assert result == Markup("<a href='/x'>x</a> and &lt;b&gt;")
    assert strings("k", a="<i>", b="j") == "<i> and j"  # plain text: the template escapes it
