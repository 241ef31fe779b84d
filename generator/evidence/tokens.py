"""A text as the meaning rules read it: words, punctuation and names, each with the key
the word rule compares it by (a stem, or ("e", entity id) for a name)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.evidence import cues
from generator.evidence.sentences import QUOTES
from generator.evidence.textfeatures import NameIndex, word_key

TOKEN = re.compile(r"\d+(?:[.,]\d+)*|\w+|[^\w\s]")
CONTRACTION = re.compile(r"n't\b|\bcannot\b", re.IGNORECASE)


@dataclass(slots=True)
class Tokens:
    """One text's tokens, four parallel lists."""

    raw: list[str]
    words: list[str]  # case folded
    entities: list[str]  # entity id of a name's tokens, else ''
    keys: list  # stem or ("e", id) of each token, None for the rest


def tokenise(text: str, names: NameIndex) -> Tokens:
    text = CONTRACTION.sub(lambda m: " not" if m[0].lower() == "n't" else "can not", text)
    raw = TOKEN.findall(text.translate(QUOTES))
    entities = [""] * len(raw)
    for start, end, entity in names.find(raw):
        entities[start:end] = [entity] * (end - start)
    words = [token.casefold() for token in raw]
    keys: list = []
    for word, entity in zip(words, entities, strict=True):
        if entity:
            keys.append(("e", entity))
        elif word in cues.SAYING:
            keys.append("say")
        elif word[0].isalpha():
            key = word_key(word)
            keys.append(key[1] if key and key[0] == "w" else None)
        else:
            keys.append(None)
    return Tokens(raw, words, entities, keys)
