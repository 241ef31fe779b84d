"""authoring.mentions: the known entities a pasted text names, most named first, and the
capitalised names close to a known name or alias (likely misspellings, only suggested)."""

from __future__ import annotations

from pathlib import Path

from generator.authoring.mentions import count_mentions, suggest_spellings
from generator.content.model import Entity
from generator.errors import Position
from generator.text.entity_links import build_matcher


def entity(id_: str, name: str, *aliases: str) -> Entity:
    return Entity(id_, name, "person", "", aliases, Position(Path("entities.yaml")))


ZELENSKY = entity("volodymyr-zelensky", "Volodymyr Zelensky", "Zelensky")
ANKARA = entity("ankara", "Ankara")
EU = entity("european-union", "European Union")


def test_mentions_are_counted_by_entity_most_named_first() -> None:
    text = "Ankara hosted talks. Zelensky arrived; Volodymyr Zelensky spoke. Zelensky left."
    counted = count_mentions(text, build_matcher([ZELENSKY, ANKARA]))
    assert [(e.id, n) for e, n in counted] == [("volodymyr-zelensky", 3), ("ankara", 1)]


def test_a_text_naming_no_one_has_no_mentions() -> None:
    assert count_mentions("Nothing here.", build_matcher([ZELENSKY])) == []


def test_a_close_misspelling_is_suggested_with_the_name_it_resembles() -> None:
    (found,) = suggest_spellings("President Zelenksy met officials in Ankra.", [ZELENSKY])
    assert (found.written, found.entity, found.known_as) == ("Zelenksy", ZELENSKY, "Zelensky")


def test_known_names_titles_and_longer_forms_are_not_suggested() -> None:
    text = "The President Zelensky's visit to Ankara; European Union Council; Volodymyr Zelensky."
    assert suggest_spellings(text, [ZELENSKY, ANKARA, EU]) == []


def test_a_name_far_from_every_known_one_is_not_suggested() -> None:
    assert suggest_spellings("Macron and Scholz spoke in Brussels.", [ZELENSKY, ANKARA]) == []


def test_a_misspelt_two_word_name_is_suggested_once_as_the_longer_run() -> None:
    found = suggest_spellings("Volodymir Zelenksy spoke.", [ZELENSKY])
    assert [(s.written, s.known_as) for s in found] == [
        ("Volodymir Zelenksy", "Volodymyr Zelensky")
    ]  # not "Zelenksy" as well, though it is close to the alias


def test_a_word_that_starts_with_a_known_name_is_not_a_misspelling_of_it() -> None:
    assert suggest_spellings("Ankaran officials met.", [ANKARA]) == []
    assert [s.written for s in suggest_spellings("Ankra officials met.", [ANKARA])] == ["Ankra"]
