"""A rewrite beside its original: sentences aligned, and what the rewrite kept, changed,
added and dropped, with changed figures (a lost currency sign included) and names
resolved through entity aliases ("Receptacle Erdogan" is Recep Tayyip Erdogan)."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, replace

from markupsafe import Markup, escape

from generator.evidence.sentences import QUOTES, Sentence, normalise, split_sentences
from generator.evidence.textfeatures import NUMBER, TOKEN, NameIndex, text_features

MIN_SIMILARITY = 0.3  # shared names, figures and content words, over the shorter sentence's
MOVED_SIMILARITY = 0.5  # an unpaired sentence this close to one elsewhere was moved there
MAX_ALIGNED_PAIRS = 4_000_000  # sentence pairs the best alignment may weigh (2,000 × 2,000)
DIFF_TOKEN = re.compile(r"\w+|[^\w\s]|\s+")


@dataclass(frozen=True, slots=True)
class Row:
    kind: str  # "kept", "changed", "added" or "dropped"
    original: Sentence | None
    rewrite: Sentence | None
    original_html: Markup  # the sentence, with words the rewrite lost in <del>
    rewrite_html: Markup  # the sentence, with words it put in <ins>
    figures: tuple[str, ...] = ()  # "€140 billion → 140 billion"
    names: tuple[tuple[str, str], ...] = ()  # (spelling in the rewrite, entity name)
    moved: bool = False  # the rewrite put it elsewhere


@dataclass(frozen=True, slots=True)
class Comparison:
    rows: tuple[Row, ...]

    def count(self, kind: str) -> int:
        return sum(1 for row in self.rows if row.kind == kind)


def compare(original: str, rewrite: str, names: NameIndex) -> Comparison:
    """Align the sentences of two Markdown bodies and describe each pair."""
    left, right = split_sentences(original), split_sentences(rewrite)
    left_keys = [text_features(s.text, names) for s in left]
    right_keys = [text_features(s.text, names) for s in right]
    moved: set[tuple[int, int]]
    if len(left) * len(right) > MAX_ALIGNED_PAIRS:  # the best alignment costs n × m
        pairs, moved = align_long(left_keys, right_keys), set()
    else:
        pairs, moved = moved_pairs(align(left_keys, right_keys), left_keys, right_keys)
    rows = []
    for i, j in pairs:
        row = _row(left[i] if i is not None else None, right[j] if j is not None else None, names)
        rows.append(replace(row, moved=True) if (i, j) in moved else row)
    return Comparison(tuple(rows))


def moved_pairs(
    pairs: list[tuple[int | None, int | None]], left: list[frozenset], right: list[frozenset]
) -> tuple[list[tuple[int | None, int | None]], set[tuple[int, int]]]:
    """Pair a dropped sentence with an added one it closely resembles (the rewrite moved
    it), shown at the rewrite's place."""
    dropped = [i for i, j in pairs if j is None and i is not None]
    moved: dict[int, int] = {}  # added j -> dropped i
    for i in dropped:
        candidates = [
            (similarity(left[i], right[j]), j)
            for a, j in pairs
            if a is None and j is not None and j not in moved
        ]
        best = max(candidates, default=(0.0, -1))
        if best[0] >= MOVED_SIMILARITY:
            moved[best[1]] = i
    result = [
        (moved[j], j) if i is None and j in moved else (i, j)
        for i, j in pairs
        if not (j is None and i in moved.values())
    ]
    return result, {(i, j) for j, i in moved.items()}


def similarity(a: frozenset, b: frozenset) -> float:
    """The overlap coefficient: a rewrite often splits or merges sentences, so the shorter
    one's share is what tells a paraphrase."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def align(left: list[frozenset], right: list[frozenset]) -> list[tuple[int | None, int | None]]:
    """An order-keeping alignment that maximises the summed similarity of matched pairs
    (pairs below MIN_SIMILARITY are not matched); unmatched sentences stand alone."""
    n, m = len(left), len(right)
    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            best = max(score[i + 1][j], score[i][j + 1])
            match = similarity(left[i], right[j])
            if match >= MIN_SIMILARITY:
                best = max(best, match + score[i + 1][j + 1])
            score[i][j] = best
    pairs: list[tuple[int | None, int | None]] = []
    i = j = 0
    while i < n and j < m:
        match = similarity(left[i], right[j])
        if match >= MIN_SIMILARITY and score[i][j] == match + score[i + 1][j + 1]:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif score[i][j] == score[i + 1][j]:
            pairs.append((i, None))
            i += 1
        else:
            pairs.append((None, j))
            j += 1
    pairs += [(k, None) for k in range(i, n)] + [(None, k) for k in range(j, m)]
    return pairs


def align_long(
    left: list[frozenset], right: list[frozenset]
) -> list[tuple[int | None, int | None]]:
    """For texts too long for `align`: sentences with the same features paired in order
    (difflib's matching blocks), each changed stretch paired sentence by sentence."""
    pairs: list[tuple[int | None, int | None]] = []
    matcher = difflib.SequenceMatcher(None, left, right, autojunk=True)
    for _, i1, i2, j1, j2 in matcher.get_opcodes():
        common = min(i2 - i1, j2 - j1)
        pairs += [(i1 + k, j1 + k) for k in range(common)]
        pairs += [(i, None) for i in range(i1 + common, i2)]
        pairs += [(None, j) for j in range(j1 + common, j2)]
    return pairs


def _row(original: Sentence | None, rewrite: Sentence | None, names: NameIndex) -> Row:
    if rewrite is None:
        assert original is not None
        return Row("dropped", original, None, _marked(original.text, "del"), Markup(""))
    garbled = _garbled_names(rewrite.text, names)
    if original is None:
        return Row("added", None, rewrite, Markup(""), _marked(rewrite.text, "ins"), (), garbled)
    if normalise(original.text) == normalise(rewrite.text):
        text = Markup(escape(original.text))
        return Row("kept", original, rewrite, text, Markup(escape(rewrite.text)), (), garbled)
    old_html, new_html = _word_diff(original.text, rewrite.text)
    figures = _changed_figures(original.text, rewrite.text)
    return Row("changed", original, rewrite, old_html, new_html, figures, garbled)


def _marked(text: str, tag: str) -> Markup:
    return Markup(f"<{tag}>{escape(text)}</{tag}>")


def _word_diff(old: str, new: str) -> tuple[Markup, Markup]:
    """Both sentences, with what only one of them has in <del> / <ins>; typographic
    quotes and case are not counted as changes."""
    a, b = DIFF_TOKEN.findall(old), DIFF_TOKEN.findall(new)
    matcher = difflib.SequenceMatcher(
        None, [normalise(t) or t for t in a], [normalise(t) or t for t in b], autojunk=False
    )
    left, right = [], []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        old_part, new_part = escape("".join(a[i1:i2])), escape("".join(b[j1:j2]))
        if op == "equal":
            left.append(old_part)
            right.append(new_part)
            continue
        if old_part.strip():
            left.append(Markup(f"<del>{old_part}</del>"))
        else:
            left.append(old_part)
        if new_part.strip():
            right.append(Markup(f"<ins>{new_part}</ins>"))
        else:
            right.append(new_part)
    return Markup("").join(left), Markup("").join(right)


def _figures(text: str) -> dict[tuple[str, str, str], str]:
    """(value, currency, scale) -> the figure as written."""
    return {
        (m["value"].replace(",", ""), m["currency"] or "", (m["scale"] or "").casefold()): m[0]
        for m in NUMBER.finditer(text.translate(QUOTES))
    }


def _changed_figures(old: str, new: str) -> tuple[str, ...]:
    """Figures of the original the rewrite wrote differently ('€140 billion → 140 billion')
    or left out, and figures it brought in."""
    before, after = _figures(old), _figures(new)
    changes = []
    for key, written in before.items():
        if key in after:
            continue
        same_value = [w for k, w in after.items() if k[0] == key[0] and k not in before]
        changes.append(f"{written} → {same_value[0]}" if same_value else f"{written} → (gone)")
    for key, written in after.items():
        if key not in before and not any(k[0] == key[0] for k in before):
            changes.append(f"(new) → {written}")
    return tuple(changes)


def _garbled_names(text: str, names: NameIndex) -> tuple[tuple[str, str], ...]:
    """Spellings in the text that are aliases of an entity but neither its name, a part of
    it, nor an acronym: a misspelling or another form ('Receptacle Erdogan', 'Kiev')."""
    tokens = TOKEN.findall(text.translate(QUOTES))
    found = []
    for start, end, entity in names.find(tokens):
        spelling = " ".join(tokens[start:end])
        name = names.label(entity)
        if spelling.isupper() or spelling in name:  # 'US', or 'Zelensky' for Volodymyr Zelensky
            continue
        if (spelling, name) not in found:
            found.append((spelling, name))
    return tuple(found)
