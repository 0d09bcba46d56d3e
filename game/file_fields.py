"""Typed checks for fields read from a JSON file (a save, a result file), each problem in words
that name the field: ``answers[3].points is not a number``.

A record class is checked from its own dataclass annotations, so a field added to
``AnswerRecord`` is checked in saves and result files alike without a second list to update.
"""

from __future__ import annotations

import functools
import math
from dataclasses import MISSING, dataclass, fields
from typing import Any, Callable, TypeVar

Record = TypeVar("Record")


class FieldProblem(ValueError):
    """A field that is missing or of the wrong type; the message names it and says what is wrong."""


def is_int(value: Any) -> bool:
    return type(value) is int  # what JSON reads a whole number as (True is a bool, not this)


def is_number(value: Any) -> bool:
    """A finite int or float: what JSON's numbers may hold once NaN and Infinity are refused.
    (Types compared exactly, as JSON makes them: a bool is not a number here.)"""
    kind = type(value)
    return kind is int or (kind is float and math.isfinite(value))


def is_points(value: Any) -> bool:
    if type(value) is not dict:
        return False
    for key, number in value.items():  # a loop, not all(...): a big folder has a million
        if type(key) is not str or not is_number(number):
            return False
    return True


@dataclass(frozen=True)
class FieldType:
    accepts: Callable[[Any], bool]
    problem: str  # what is wrong when a value is refused, after the field's name


TEXT = FieldType(lambda value: type(value) is str, "is not text")
WHOLE = FieldType(is_int, "is not a whole number")
NUMBER = FieldType(is_number, "is not a number")
TRUE_OR_FALSE = FieldType(lambda value: isinstance(value, bool), "is not true or false")
POINTS = FieldType(is_points, "is not a number per track")
OBJECT = FieldType(lambda value: isinstance(value, dict), "is not an object")
LIST = FieldType(lambda value: isinstance(value, list), "is not a list")
ANY = FieldType(lambda value: True, "")

# A record field's annotation (a string, under `from __future__ import annotations`) to its type.
BY_ANNOTATION = {"str": TEXT, "int": WHOLE, "float": NUMBER, "bool": TRUE_OR_FALSE,
                 "dict[str, float]": POINTS, "Any": ANY}


def field_name(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


def required(data: dict, key: str, kind: FieldType, where: str = "") -> Any:
    """``data[key]`` when it is there and of ``kind``; FieldProblem otherwise."""
    if key not in data:
        raise FieldProblem(f"{field_name(where, key)} is missing")
    value = data[key]
    if not kind.accepts(value):
        raise FieldProblem(f"{field_name(where, key)} {kind.problem}")
    return value


def read_record(cls: type[Record], data: Any, where: str, *,
                unknown_fields_allowed: bool = False) -> Record:
    """A record dataclass from a JSON object, every field checked against its annotation;
    a field with a default may be missing."""
    if not isinstance(data, dict):
        raise FieldProblem(f"{where} {OBJECT.problem}")
    values = {}
    for name, kind, optional in record_fields(cls):
        if name in data:
            value = data[name]
            if not kind.accepts(value):
                raise FieldProblem(f"{field_name(where, name)} {kind.problem}")
            values[name] = value
        elif not optional:
            raise FieldProblem(f"{field_name(where, name)} is missing")
    if not unknown_fields_allowed and len(values) < len(data):
        unknown = sorted(set(data) - set(values))
        raise FieldProblem(f"{field_name(where, str(unknown[0]))} is not a field it can have")
    return cls(**values)


@functools.cache
def record_fields(cls: type) -> tuple[tuple[str, FieldType, bool], ...]:
    """(name, type, may be missing) for each field of a record class, worked out once: a result
    folder holds hundreds of thousands of records."""
    return tuple((spec.name, BY_ANNOTATION[spec.type],
                  spec.default is not MISSING or spec.default_factory is not MISSING)
                 for spec in fields(cls))


def read_records(cls: type[Record], items: Any, where: str, *,
                 unknown_fields_allowed: bool = False) -> list[Record]:
    """Records from a JSON list, each named by its place in it (``answers[3]``)."""
    if not isinstance(items, list):
        raise FieldProblem(f"{where} {LIST.problem}")
    return [read_record(cls, item, f"{where}[{n}]", unknown_fields_allowed=unknown_fields_allowed)
            for n, item in enumerate(items)]
