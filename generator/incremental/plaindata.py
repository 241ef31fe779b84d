"""Plain data to JSON and back, for the build cache: reading it can only make values.

Reading a cache must not run code, whatever is in the file (a pickle does: a crafted
one runs any command). The format is JSON, which the standard library reads into
dicts, lists, text, numbers, booleans and None only. Values JSON has no type for are
written as an object of one member whose name says the type:

    {"t": [...]} tuple   {"f": [...]} frozenset   {"s": [...]} set
    {"d": [k, v, ...]} dict   {"b": "base64"} bytes   {"p": "a/b"} path
    {"date": "2025-11-18"}   {"html": "<p>..."} Markup   {"n": "nan"} a float JSON lacks
    {"c": ["module.Name", field, ...]} an instance of a dataclass the reader allows

so a dict is never written as a JSON object and no object is ambiguous. A dataclass is
made by setting its fields, without calling its class's code, and each field is
checked against its annotation as far as that names a type; anything else (an unknown
name or tag, a wrong count or type) makes the whole file unreadable: PlainDataError."""

from __future__ import annotations

import base64
import contextlib
import dataclasses
import datetime as dt
import gc
import itertools
import json
import math
import sys
import types
import typing
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path, PurePath
from typing import Any

from markupsafe import Markup


class PlainDataError(ValueError):
    """The text is not plain data of the allowed types."""


def dumps(value: object) -> bytes:
    """`value` as JSON; TypeError if it holds a type this module does not write."""
    return b"".join(dump_chunks(value))


def dump_chunks(value: object) -> Iterator[bytes]:
    """`value` as JSON, in pieces: a large cache is never whole in memory as text."""
    encoder = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
    pieces: list[str] = []
    size = 0
    for piece in encoder.iterencode(_encode(value)):
        pieces.append(piece)
        size += len(piece)
        if size > CHUNK:
            yield "".join(pieces).encode()
            pieces, size = [], 0
    yield "".join(pieces).encode()


CHUNK = 1 << 20


def _encode(value: object) -> object:
    encode = _ENCODERS.get(type(value))
    if encode is not None:
        return encode(value)
    if isinstance(value, PurePath):
        return {"p": value.as_posix()}
    kind = type(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        names = _FIELD_NAMES.get(kind) or _FIELD_NAMES.setdefault(kind, _names(kind))
        return {"c": [_name(kind), *_items(getattr(value, name) for name in names)]}
    raise TypeError(f"the build cache cannot hold a {kind.__module__}.{kind.__qualname__}")


def _name(kind: type) -> str:
    return f"{kind.__module__}.{kind.__qualname__}"


def _names(kind: type) -> tuple[str, ...]:
    return tuple(field.name for field in dataclasses.fields(kind))


def _same(value: object) -> object:
    return value


def _items(values: Iterable[object]) -> list[object]:
    """Most items are text or whole numbers, written as they are (a third of the time)."""
    return [item if type(item) in SCALARS else _encode(item) for item in values]


SCALARS = frozenset({str, int})


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}
_ENCODERS: dict[type, Callable[[Any], object]] = {
    str: _same,
    int: _same,
    bool: _same,
    type(None): _same,
    float: lambda value: value if math.isfinite(value) else {"n": repr(value)},
    list: lambda value: _items(value),
    tuple: lambda value: {"t": _items(value)},
    dict: lambda value: {"d": _items(part for pair in value.items() for part in pair)},
    frozenset: lambda value: {"f": _items(value)},
    set: lambda value: {"s": _items(value)},
    bytes: lambda value: {"b": base64.b64encode(value).decode("ascii")},
    dt.date: lambda value: {"date": value.isoformat()},
    Markup: lambda value: {"html": str(value)},
}


@contextlib.contextmanager
def no_cycle_collection(keep: bool = False) -> Iterator[None]:
    """Python's cycle collector paused while the cache's ~160,000 objects (at 1,000
    articles) are made or encoded (cache.py): plain data makes no cycles, yet each batch
    of new objects would start a collection over all of them (a third of the load).
    `keep`: what was made lives as long as the process, so it is put out of the
    collector's reach (`gc.freeze`, with all else alive then) before it runs again: else
    its first collection walks all of it once more (a third of the load again)."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if keep:
            gc.freeze()
        if paused:
            gc.enable()


LISTS = frozenset({"t", "f", "s", "d", "c"})
Kinds = tuple[type, ...] | None  # the types a field's value may be (None: any)
Setter = Callable[[object, object], None]
Shape = tuple[type, tuple[str, ...], tuple[Kinds, ...], tuple[Setter, ...]]


def loads(data: bytes, allowed: Iterable[type]) -> object:
    """The value JSON `data` holds, made only of plain values and the `allowed`
    dataclasses; PlainDataError if it holds anything else."""
    return Reader(allowed).loads(data)


class Reader:
    """Reads plain data of the `allowed` dataclasses; one reader for many files checks
    each class's annotations once."""

    def __init__(self, allowed: Iterable[type]) -> None:
        self.allowed: Mapping[str, type] = {_name(cls): cls for cls in allowed}
        self.shapes: dict[str, Shape] = {}  # a class's name: it, its fields' names and checks
        self.paths: dict[str, Path] = {}  # one Path for each text: a record's file recurs
        self.makers: dict[str, Callable[[Any], object]] = {
            "b": lambda text: base64.b64decode(text, validate=True),
            "p": self.path,
            "date": lambda text: dt.date.fromisoformat(_text(text)),
            "html": lambda text: Markup(_text(text)),
            "n": lambda text: float(text) if text in ("nan", "inf", "-inf") else _bad(text),
        }
        # the tags that hold a list (LISTS), apart: their maker is called with it checked
        self.list_makers: dict[str, Callable[[list], object]] = {
            "t": tuple,
            "f": frozenset,
            "s": set,
            "d": _dict,
            "c": self.instance,
        }

    def loads(self, data: bytes) -> object:
        try:
            return json.loads(data, object_pairs_hook=self.make)
        except PlainDataError:
            raise
        except (ValueError, TypeError, KeyError, IndexError, RecursionError) as exc:
            raise PlainDataError(str(exc) or type(exc).__name__) from None

    def make(self, members: list[tuple[str, Any]]) -> object:
        """One JSON object (called for each of the ~160,000 in a cache of 1,000 articles)."""
        if len(members) != 1:
            raise PlainDataError("an object of more than one member")
        tag, value = members[0]
        maker = self.list_makers.get(tag)
        if maker is not None:
            if type(value) is not list:
                raise PlainDataError(f"{tag!r} must hold a list")
            return maker(value)
        other = self.makers.get(tag)
        if other is None:
            raise PlainDataError(f"unknown tag {tag[:20]!r}")
        return other(value)

    def path(self, text: object) -> Path:
        found = self.paths.get(text) if type(text) is str else None
        if found is None:
            found = self.paths[text] = Path(_text(text))  # type: ignore[index]
        return found

    def instance(self, values: list) -> object:
        name = values[0] if values else None
        shape = self.shapes.get(name) if isinstance(name, str) else None
        if shape is None:
            shape = self._shape(name)
        cls, names, kinds, setters = shape
        if len(names) != len(values) - 1:
            raise PlainDataError(f"a {name} with {len(values) - 1} fields, not {len(names)}")
        made: object = object.__new__(cls)  # no __init__ or __post_init__: only fields are set
        fields = itertools.islice(values, 1, None)  # the length is checked: no copy made
        for field_name, value, kind, setter in zip(names, fields, kinds, setters, strict=True):
            if kind is not None and not isinstance(value, kind):
                raise PlainDataError(f"{name}.{field_name} is a {type(value).__name__}")
            setter(made, value)
        return made

    def _shape(self, name: object) -> Shape:
        """An allowed class's fields, their checks and setters, found once per reader."""
        if not isinstance(name, str) or name not in self.allowed:
            raise PlainDataError(f"a {str(name)[:40]!r}, which the cache may not hold")
        cls = self.allowed[name]
        names = tuple(field.name for field in dataclasses.fields(cls))
        kinds = tuple(_field_kinds(cls, self.allowed.values()))
        setters = tuple(_setter(cls, field_name) for field_name in names)
        self.shapes[name] = shape = (cls, names, kinds, setters)
        return shape


def _setter(cls: type, name: str) -> Setter:
    """How a field is set on a frozen instance: its slot's own setter (a third of the
    time of object.__setattr__, which looks it up each time), or that."""
    for klass in cls.__mro__:
        slot = vars(klass).get(name)
        if isinstance(slot, types.MemberDescriptorType):
            return slot.__set__
    return lambda made, value: object.__setattr__(made, name, value)


def _dict(flat: list) -> dict:
    if len(flat) % 2:
        raise PlainDataError("a dict with a key and no value")
    return dict(zip(flat[::2], flat[1::2], strict=True))


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise PlainDataError(f"text expected, not {type(value).__name__}")
    return value


def _bad(value: object) -> float:
    raise PlainDataError(f"not a number: {str(value)[:20]!r}")


def _field_kinds(cls: type, records: Iterable[type] = ()) -> list[Kinds]:
    """One check per field: the types its annotation names (the outer type only: a
    Mapping is a dict, a tuple[...] a tuple; None: Any and type variables pass).
    A record named in an annotation but imported for the type checker only (to avoid an
    import circle) is found among the `records` allowed."""
    names = {record.__name__: record for record in records} | vars(sys.modules[cls.__module__])
    try:
        hints = typing.get_type_hints(cls, globalns=names, localns=names)
    except (NameError, TypeError):  # an annotation only a type checker can resolve
        hints = {}
    return [_kinds_for(hints.get(field.name, Any)) for field in dataclasses.fields(cls)]


def _kinds_for(annotation: object) -> Kinds:
    origin = typing.get_origin(annotation) or annotation
    if origin in (typing.Union, types.UnionType):
        kinds = [_kinds_for(arg) for arg in typing.get_args(annotation)]
        return None if None in kinds else tuple(kind for each in kinds for kind in each or ())
    outer = OUTER_TYPES.get(origin, origin)
    if outer is None or outer is type(None):
        return (type(None),)
    if isinstance(outer, tuple):
        return outer
    if isinstance(outer, type) and outer not in (object, Any):
        return (outer,)
    return None


OUTER_TYPES: dict[object, object] = {
    Mapping: dict,
    typing.Mapping: dict,
    float: (int, float),
}
