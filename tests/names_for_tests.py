"""A small name index for the meaning rules' unit tests: two people and a place."""

from __future__ import annotations

from generator.evidence.textfeatures import name_index

NAMES = name_index(
    [
        ("volodymyr-zelensky", "Volodymyr Zelensky", ("Zelensky",)),
        ("recep-erdogan", "Recep Tayyip Erdogan", ("Erdogan",)),
        ("ankara", "Ankara", ()),
    ],
    people=("volodymyr-zelensky", "recep-erdogan"),
)
ZELENSKY, ERDOGAN, ANKARA = "volodymyr-zelensky", "recep-erdogan", "ankara"
