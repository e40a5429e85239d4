"""Domain objects to JSON-ready data and back: ``to_data`` / ``from_data``.

``from_data`` checks every stored value against the field's declared type while it
converts it, so a damaged row is a one-line error naming the field. No I/O here.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import date
from functools import cache
from itertools import chain
from typing import Any, TypeVar

import orjson

T = TypeVar("T")


def to_data(obj: Any) -> Any:
    """A dataclass tree as JSON-ready data (dates as ISO strings).

    orjson serialises dataclasses and dates natively; a round trip through it is ~10x
    faster than walking the tree in Python, and this runs on every autosave.
    """
    return orjson.loads(orjson.dumps(obj, option=orjson.OPT_NON_STR_KEYS))


Converter = typing.Callable[[Any], Any]


def _identity(value: Any) -> Any:
    return value


class DataTypeError(TypeError):
    """A stored value of the wrong JSON type; ``str`` names the field path."""


_NAMES = {str: "text", int: "a whole number", float: "a number", bool: "true or false",
          list: "a list", dict: "an object", date: "a date (YYYY-MM-DD)"}


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return "text"
    if isinstance(value, int | float):
        return f"the number {value!r}"
    return "a list" if isinstance(value, list) else "an object"


def _wrong(tp: Any, value: Any) -> DataTypeError:
    return DataTypeError(f"expected {_NAMES.get(tp, tp.__name__)}, found {_kind(value)}")


# Converters that only check a value's type -> the types they pass through unchanged:
# a list or dict of those is checked in one pass (a meeting index row holds ~60 readings).
_EXACT: dict[Converter, tuple[type, ...]] = {}
_DICT_VALUES: dict[Converter, tuple[type, ...]] = {}  # a dict of those -> its values' types


def _typed(tp: type) -> Converter:
    """A value that must already be of JSON type ``tp`` (bool is not a number)."""
    if tp is not int:  # only a number has bool to exclude (text is the common case)
        def plain(value: Any) -> Any:
            if isinstance(value, tp):
                return value
            raise _wrong(tp, value)
        _EXACT[plain] = (tp,)
        return plain

    def check(value: Any) -> Any:
        if isinstance(value, tp) and (tp is bool or not isinstance(value, bool)):
            return value
        raise _wrong(tp, value)
    _EXACT[check] = (tp,)
    return check


def _to_float(value: Any) -> Any:
    if type(value) is float:
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    raise _wrong(float, value)


_EXACT[_to_float] = (float,)


def _to_date(value: Any) -> Any:
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise _wrong(date, value)
    return date.fromisoformat(value)


def _within(where: str, exc: DataTypeError) -> DataTypeError:
    """``exc`` with ``where`` (a field name or ``[n]``) prefixed to its path."""
    text = str(exc)
    return DataTypeError(f"{where}{'' if text[:1] == '[' else ': '}{text}")


def _list_of(item: Converter) -> Converter:
    exact = _EXACT.get(item)

    def conv(value: Any) -> Any:
        if not isinstance(value, list):
            raise _wrong(list, value)
        if item is _identity:
            return value
        if exact is not None and all(type(x) in exact for x in value):
            return list(value)
        out, n = [], 0
        try:
            for n, x in enumerate(value):  # noqa: B007 - n names the bad entry
                out.append(item(x))
        except DataTypeError as exc:
            raise _within(f"[{n}]", exc) from None
        return out
    return conv


def _dict_of(item: Converter) -> Converter:
    exact = _EXACT.get(item)

    def conv(value: Any) -> Any:
        if not isinstance(value, dict):
            raise _wrong(dict, value)
        if exact is not None and all(type(x) in exact for x in value.values()):
            return dict(value)
        out, k = {}, ""
        try:
            for k, x in value.items():  # noqa: B007 - k names the bad entry
                out[k] = item(x)
        except DataTypeError as exc:
            raise _within(f"[{k!r}]", exc) from None
        return out
    if exact is not None:
        _DICT_VALUES[conv] = exact
    return conv


def _converter(tp: Any) -> Converter:
    """A function turning JSON data into ``tp``, decided once per type (not per value).

    Every value is checked against its declared type: a stored row of the wrong type
    raises ``DataTypeError`` naming the field (``owner: expected text, found null``).
    """
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(inner) != 1:
            return _identity
        return _optional(_converter(inner[0]))
    if origin is list:
        return _list_of(_converter(typing.get_args(tp)[0]))
    if origin is dict:
        return _dict_of(_converter(typing.get_args(tp)[1]))
    if tp is date:
        return _to_date
    if tp is float:
        return _to_float
    if tp in (str, int, bool):
        return _typed(tp)
    if dataclasses.is_dataclass(tp):
        return lambda v: from_data(tp, v)
    return _identity


def _optional(conv: Converter) -> Converter:
    def optional(value: Any) -> Any:
        return None if value is None else conv(value)
    if conv in _EXACT:
        _EXACT[optional] = (*_EXACT[conv], type(None))
    if conv is _to_float:
        _OPTIONAL_FLOATS.add(optional)
    elif conv is _to_date:
        _OPTIONAL_DATES.add(optional)
    return optional


@cache
def _fields(cls: type) -> tuple[tuple[str, Converter], ...]:
    hints = typing.get_type_hints(cls)
    return tuple((f.name, _converter(hints[f.name])) for f in dataclasses.fields(cls))


def from_data(cls: type[T], data: dict[str, Any]) -> T:
    """Build ``cls`` from ``to_data`` output; unknown keys are ignored.

    A value of the wrong type raises ``DataTypeError`` naming the field.
    """
    if not isinstance(data, dict):
        raise _wrong(dict, data)
    out, name = {}, ""
    try:
        for name, conv in _fields(cls):  # noqa: B007 - name says which field is wrong
            if name in data:
                out[name] = conv(data[name])
    except DataTypeError as exc:
        raise _within(name, exc) from None
    return cls(**out)


def fields_data(cls: type, data: dict[str, Any], names: tuple[str, ...]) -> dict[str, Any]:
    """Just the fields ``names`` of a stored ``cls``, checked and converted as
    ``from_data`` would (for one-pass aggregates that skip the rest of each row)."""
    if not isinstance(data, dict):
        raise _wrong(dict, data)
    fields = _some_fields(cls, names)
    try:
        return {name: conv(data[name]) for name, conv, required in fields
                if required or name in data}
    except DataTypeError as exc:  # again, one field at a time, to name the one that is wrong
        for name, conv, required in fields:
            try:
                if required or name in data:
                    conv(data[name])
            except DataTypeError:
                raise _within(name, exc) from None
        raise  # pragma: no cover - the same value failed once


@cache
def _some_fields(cls: type, names: tuple[str, ...]) -> tuple[tuple[str, Converter, bool], ...]:
    """The converters of ``names`` only (in field order), decided once per class and names:
    an aggregate over 10,000 rows looks at 3 fields, not 12."""
    required = _required(cls)
    return tuple((name, conv, name in required) for name, conv in _fields(cls) if name in names)


@cache
def _required(cls: type) -> frozenset[str]:
    return frozenset(f.name for f in dataclasses.fields(cls)
                     if f.default is dataclasses.MISSING
                     and f.default_factory is dataclasses.MISSING)




_ABSENT = object()


def fields_columns(cls: type, docs: list[dict[str, Any]],
                   names: tuple[str, ...]) -> list[list[Any]]:
    """The fields ``names`` of many stored ``cls`` rows, one list per field, checked and
    converted as ``fields_data`` would (an absent field: its default). Plain rows (each
    value exactly of its JSON type) take a few passes per column: 10,000 rows in a
    fraction of the time row by row; any other value sends all of them row by row, which
    raises as ``fields_data`` does for a damaged one."""
    defaults = _defaults(cls)
    kinds = {name: conv for name, conv, _ in _some_fields(cls, names)}
    columns: list[list[Any]] | None = [] if set(map(type, docs)) <= {dict} else None
    for name in names:
        if columns is None:
            break
        default = defaults.get(name, _ABSENT)
        try:
            column = ([d[name] for d in docs] if default is _ABSENT
                      else [d.get(name, default) for d in docs])
        except KeyError:  # a required field is missing
            break
        converted = _column(kinds[name], column)
        columns = None if converted is None else [*columns, converted]
    else:
        if columns is not None:
            return columns
    rows = [fields_data(cls, d, names) for d in docs]
    return [[row[n] if n in row else defaults[n] for row in rows] for n in names]


def from_data_many(cls: type[T], docs: list[dict[str, Any]]) -> list[T] | None:
    """``from_data`` of many rows, column by column (1,040 meeting index rows in a few
    passes, not 1,040 checks of every field); None if any row is damaged or lacks a
    field without a plain default: build those one by one, which names the bad row."""
    names = tuple(f.name for f in dataclasses.fields(cls))  # type: ignore[arg-type]
    try:
        columns = fields_columns(cls, docs, names)
    except (KeyError, TypeError, ValueError, AttributeError):
        return None
    return list(map(cls, *columns)) if docs else []


def _column(conv: Converter, column: list[Any]) -> list[Any] | None:
    """A column checked and converted in C-speed passes; None if not plain."""
    types_ = set(map(type, column))
    exact = _EXACT.get(conv)
    if exact is not None and types_ <= set(exact):
        return column
    if exact is not None:  # a whole number where a float is kept (a rating of 7): float()
        if conv is _to_float and types_ <= {int, float}:
            return list(map(float, column))
        if conv in _OPTIONAL_FLOATS and types_ <= {int, float, type(None)}:
            return [None if v is None else float(v) for v in column]
        return None
    values = _DICT_VALUES.get(conv)
    if values is not None:  # e.g. a meeting's readings: every value of every row, in C
        if types_ <= {dict} and set(map(type, chain.from_iterable(
                map(dict.values, column)))) <= set(values):
            return list(map(dict, column))
        return None
    try:
        if conv is _to_date and types_ <= {str}:
            return list(map(date.fromisoformat, column))
        if conv in _OPTIONAL_DATES and types_ <= {str, type(None)}:
            return [None if v is None else date.fromisoformat(v) for v in column]
    except ValueError:
        return None
    return None


_OPTIONAL_DATES: set[Converter] = set()
_OPTIONAL_FLOATS: set[Converter] = set()


@cache
def _defaults(cls: type) -> dict[str, Any]:
    """Each field's plain default (a factory's is left out: it is not shared)."""
    return {f.name: f.default for f in dataclasses.fields(cls)
            if f.default is not dataclasses.MISSING}
