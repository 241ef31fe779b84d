"""YAML as plain data plus the file position of every value (from PyYAML's nodes)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.content.yaml_limits import (
    CONTROL,
    LONG_LIST,
    MAX_DEPTH,
    MAX_LIST,
    Refused,
    check_keys,
    check_scalar,
)
from generator.content.yaml_loaders import Loader, loader_for
from generator.errors import ContentError, ContentErrors, Position

KeyPath = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Located:
    """A parsed YAML document and where each of its values starts in the file."""

    data: Any
    path: Path
    positions: Mapping[KeyPath, Position] = field(default_factory=dict)

    def at(self, *keys: str | int) -> Position:
        """The position of the value at `keys`, or of its nearest known parent."""
        key_path: KeyPath = tuple(keys)
        while key_path not in self.positions and key_path:
            key_path = key_path[:-1]
        return self.positions.get(key_path, Position(self.path, 1))


def parse_yaml(text: str, path: Path, first_line: int = 1) -> Located:
    """Parse one YAML document; `first_line` is the file line the text starts on."""
    positions: dict[KeyPath, Position] = {}
    try:
        loader = loader_for(text)
        try:
            node = loader.get_single_node()
            if node is not None:
                # Only an escape ("\e") or a raw one can put a control character in a value.
                controls = "\\" in text or CONTROL.search(text) is not None
                _check_and_locate(node, path, first_line, positions, controls)
            data = _construct(loader, node, path, first_line)
        finally:
            loader.dispose()
    except Refused as exc:
        position = _position(exc.mark, path, first_line)
        first = exc.first.line + first_line if exc.first else 0
        hint = exc.hint.format(first=first)
        raise ContentErrors([ContentError(position, exc.message, hint)]) from None
    except yaml.MarkedYAMLError as exc:
        lines = text.splitlines()
        error = (
            _quote_run_on(exc, lines, path, first_line)
            or _common_slip(exc, lines, path, first_line)
            or _indent_slip(exc, lines, path, first_line)
            or _syntax_error(exc, path, first_line)
        )
        raise ContentErrors([error]) from None
    except yaml.YAMLError as exc:
        raise ContentErrors(
            [ContentError(Position(path, first_line), f"invalid YAML: {exc}")]
        ) from None
    return Located(data, path, positions)


def _construct(loader: Loader, node: yaml.Node | None, path: Path, first_line: int) -> Any:
    """The document's values; an explicit tag PyYAML cannot apply ('!!int abc',
    '!!float x') is our error, at the document's first line."""
    if node is None:
        return None
    try:
        return loader.construct_document(node)
    except (ValueError, TypeError, OverflowError, ArithmeticError) as exc:
        message = f"a value cannot be read as its tag says: {exc}"
        hint = "remove the '!!' tag, or put the value in quotes"
        raise ContentErrors([ContentError(Position(path, first_line), message, hint)]) from None


def _position(mark: yaml.Mark, path: Path, first_line: int) -> Position:
    return Position(path, mark.line + first_line, mark.column + 1)


def _syntax_error(exc: yaml.MarkedYAMLError, path: Path, first_line: int) -> ContentError:
    """At the line where PyYAML found the problem; but a '[', '{' or quote left open is
    reported where it was opened, as the slip is there, not where PyYAML gave up."""
    began, found, context = exc.context_mark, exc.problem_mark, exc.context or ""
    if ("flow" in context or "quoted" in context) and began and found and began.line < found.line:
        opened = context.removeprefix("while parsing ").removeprefix("while scanning ")
        at = found.line + first_line
        message = (
            f"YAML syntax error: {opened} begun here is not closed ({exc.problem} at line {at})"
        )
        hint = "close the quote" if "quoted" in context else "close it, or quote the value"
        return ContentError(_position(began, path, first_line), message, hint)
    mark = found or began
    line = mark.line + first_line if mark else first_line
    column = mark.column + 1 if mark else 0
    problem = " ".join(part for part in (exc.context, exc.problem) if part)
    return ContentError(Position(path, line, column), f"YAML syntax error: {problem}")


# a value that opens a quote: 'key: "…', '- "…' (after any '- ' of a list)
QUOTED_VALUE = re.compile(r"""^\s*(?:-\s+)*(?:[^\s#'"\-][^#]*?:\s+)?(["'])(.*)$""")


def _quote_run_on(
    exc: yaml.MarkedYAMLError, lines: list[str], path: Path, first_line: int
) -> ContentError | None:
    """A quote left open that a later quote happened to close ('title: "Ankara' and, lines
    later, 'sought to "intensify"'): PyYAML reads the lines between as one value and fails
    at the later line; the slip is the nearest line above that opens a quote and does not
    close it."""
    began, found = exc.context_mark, exc.problem_mark
    if not (began and found and began.line < found.line and "block" in (exc.context or "")):
        return None
    for number in range(min(found.line, len(lines)) - 1, began.line - 1, -1):
        match = QUOTED_VALUE.match(lines[number])
        if match and not _closes(match.group(1), match.group(2)):
            at = found.line + first_line
            message = (
                "YAML syntax error: a quote begun here is not closed on its line"
                f" (the value runs on to line {at})"
            )
            hint = "close the quote, or put a value that has quotes in it in the other kind"
            return ContentError(
                Position(path, number + first_line, match.start(1) + 1), message, hint
            )
    return None


COLON_HINT = "write the key, a colon and a space, then the value: 'title: Ankara meeting'"


def _common_slip(
    exc: yaml.MarkedYAMLError, lines: list[str], path: Path, first_line: int
) -> ContentError | None:
    """A tab for indentation or a key without its ':', said in a writer's words and at
    the line of the slip (PyYAML notices a missing ':' on the line after)."""
    problem, found, began = exc.problem or "", exc.problem_mark, exc.context_mark
    if found is None:
        return None
    line = lines[found.line] if found.line < len(lines) else ""
    if "tab" in problem or line[found.column : found.column + 1] == "\t":
        message = "YAML syntax error: a tab indents this line; YAML indents with spaces only"
        at = Position(path, found.line + first_line, found.column + 1)
        return ContentError(at, message, "replace the tab with spaces")
    if "could not find expected ':'" in problem and began is not None:
        message = "YAML syntax error: this line has no ':' after its key"
        return ContentError(_position(began, path, first_line), message, COLON_HINT)
    above = _line_above(lines, found.line)
    if "mapping values are not allowed" in problem and above is not None:
        message = "YAML syntax error: this line has no ':', so the next line runs on from it"
        at = Position(path, above + first_line, len(lines[above]) - len(lines[above].lstrip()) + 1)
        return ContentError(at, message, COLON_HINT)
    return None


# what PyYAML says when a line is indented unlike the lines of its level
INDENT_PROBLEMS = ("mapping values are not allowed", "expected key", "expected '-' indicator")
# a line that starts a key (after any '- '): its indent, its dashes and the key
KEY_LINE = re.compile(r"^( *)((?:- +)*)([^\s#'\"\-][^:#]*?):(?:\s|$)")


def _indent_slip(
    exc: yaml.MarkedYAMLError, lines: list[str], path: Path, first_line: int
) -> ContentError | None:
    """A key or a '- ' item indented one or two spaces off the nearest one above it:
    said with that line and its indentation, which PyYAML's words do not give. If that
    line is a '- ' item off the items above it, the slip is there."""
    found = exc.problem_mark
    problem = " ".join(part for part in (exc.context, exc.problem) if part)
    if found is None or found.line >= len(lines) or not any(p in problem for p in INDENT_PROBLEMS):
        return None
    number = found.line
    indent = _indent(lines[number])
    off = _off_from_above(lines, number, lines[number][indent:].startswith("- "))
    if off is None:
        return None
    above, column, what = off
    item_off = _off_from_above(lines, above, True) if _is_item(lines[above]) else None
    if item_off is not None:  # the '- ' item whose keys this line follows is the slip
        number, indent, (above, column, what) = above, _indent(lines[above]), item_off
    said = (
        f"YAML syntax error: this line is indented {_spaces(indent)} and {what} above it "
        f"(line {above + first_line}) {_spaces(column)}"
    )
    by = f"indent it by {_spaces(column)}" if column else "start it at the line's beginning"
    hint = f"{by}, as line {above + first_line} is, if it belongs with it"
    return ContentError(Position(path, number + first_line, indent + 1), said, hint)


def _off_from_above(lines: list[str], number: int, item: bool) -> tuple[int, int, str] | None:
    """(line, column, what) of the nearest key (or '- ' item) above, within two spaces of
    this line's; None if there is none, or it starts where this line does."""
    indent = _indent(lines[number])
    for above in range(number - 1, -1, -1):
        other = _start_of(lines[above], item)
        if other is None or abs(other[0] - indent) > 2:
            continue
        return None if other[0] == indent else (above, *other)
    return None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _is_item(line: str) -> bool:
    return line.lstrip(" ").startswith("- ")


def _spaces(count: int) -> str:
    return "1 space" if count == 1 else f"{count} spaces"


def _start_of(line: str, item: bool) -> tuple[int, str] | None:
    """Where a '- ' item (if `item`) or a key starts on the line, and what it is."""
    stripped = line.lstrip(" ")
    if item:
        return (len(line) - len(stripped), "the '- ' item") if stripped.startswith("- ") else None
    match = KEY_LINE.match(line)
    if match is None:
        return None
    return len(match.group(1)) + len(match.group(2)), f"the key '{match.group(3).strip()}'"


def _line_above(lines: list[str], number: int) -> int | None:
    """The nearest line above that holds something and no ':' (None: it has one)."""
    for above in range(number - 1, -1, -1):
        text = lines[above].split(" #")[0].strip()
        if text and not text.startswith("#"):
            return above if ":" not in text else None
    return None


def _closes(quote: str, rest: str) -> bool:
    """Whether the rest of the line closes the quote ('\\"' and "''" do not)."""
    if quote == '"':
        return '"' in re.sub(r"\\.", "", rest)
    return "'" in rest.replace("''", "")


def _check_and_locate(
    root: yaml.Node, path: Path, first_line: int, out: dict[KeyPath, Position], controls: bool
) -> None:
    """Check every node against the limits, and record where each value starts;
    iterative, so it is safe however deep the tree (the limits make it shallow)."""
    pending: list[tuple[yaml.Node, KeyPath]] = [(root, ())]
    while pending:
        node, key_path = pending.pop()
        mark = node.start_mark
        out.setdefault(key_path, Position(path, mark.line + first_line, mark.column + 1))
        if len(key_path) >= MAX_DEPTH:
            raise Refused(mark, f"values are nested more than {MAX_DEPTH} deep")
        if isinstance(node, yaml.ScalarNode):
            check_scalar(node, controls)
        elif isinstance(node, yaml.MappingNode):
            check_keys(node, controls)
            for key_node, value_node in node.value:
                if isinstance(key_node, yaml.ScalarNode):
                    pending.append((value_node, (*key_path, key_node.value)))
        elif isinstance(node, yaml.SequenceNode):
            if len(node.value) > MAX_LIST:
                raise Refused(mark, LONG_LIST, "split it, or keep what matters")
            pending.extend((item, (*key_path, index)) for index, item in enumerate(node.value))
