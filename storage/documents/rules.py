"""Checks shared by both adapters, so a body or query one adapter refuses the other refuses too."""
from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from storage.documents.errors import InvalidDocument
from storage.documents.store import Index, Sort, Where

_COLLECTION = re.compile(r"^[a-z][a-z0-9_]{0,40}$")
_INDEX_NAME = re.compile(r"^[a-z][a-z0-9_]{0,20}$")
# Path segments are plain words: they are safe inside a PostgreSQL text[] literal without quoting.
_SEGMENT = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_-]{0,99}$")
OPERATORS = ("$eq", "$gt", "$gte", "$lt", "$lte", "$in")
MAX_KEY = 200
MAX_DEPTH = 32


@dataclass(frozen=True)
class Condition:
    segments: tuple[str, ...]
    op: str  # one of OPERATORS
    value: Any


def collection_name(name: str) -> str:
    if not isinstance(name, str) or not _COLLECTION.match(name):
        raise InvalidDocument(f"collection {name!r}: use lowercase letters, digits and _")
    return name


def document_key(key: str) -> str:
    if not isinstance(key, str) or not 0 < len(key) <= MAX_KEY or "\x00" in key:
        raise InvalidDocument(f"key {key!r}: 1 to {MAX_KEY} characters, no NUL")
    return key


def path(value: str) -> tuple[str, ...]:
    segments = tuple(value.split(".")) if isinstance(value, str) else ()
    if not segments or not all(_SEGMENT.match(s) for s in segments):
        raise InvalidDocument(f"path {value!r}: dot-separated words of letters, digits, _ and -")
    return segments


def body(value: Mapping[str, Any]) -> dict[str, Any]:
    if not isinstance(value, Mapping):
        raise InvalidDocument("a document body is a JSON object")
    check_value(value, 0)
    return dict(value)


def check_value(value: Any, depth: int) -> None:
    kind = type(value)
    if kind in _PLAIN_LEAVES or value is None:  # most of a document: the cheapest test first
        return
    if kind is float:
        if not math.isfinite(value):
            raise InvalidDocument("numbers must be finite")
        return
    if depth > MAX_DEPTH:
        raise InvalidDocument(f"a document may nest at most {MAX_DEPTH} levels")
    if isinstance(value, Mapping):
        for key, item in value.items():
            if not isinstance(key, str) or not key or "." in key or key.startswith("$") or "\x00" in key:
                raise InvalidDocument(f"field name {key!r}: non-empty, no '.', not starting with '$'")
            check_value(item, depth + 1)
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, list):  # FerretDB v1 (our test server) refuses arrays in arrays
                raise InvalidDocument("an array may not hold arrays directly: wrap them in objects")
            check_value(item, depth + 1)
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise InvalidDocument("numbers must be finite")
    elif not isinstance(value, (str, int, bool)):
        raise InvalidDocument(f"{kind.__name__} is not JSON: store str / int / float / bool / None")


_PLAIN_LEAVES = frozenset({str, int, bool})  # exact types; subclasses take the long way


def conditions(where: Where | None) -> list[Condition]:
    found: list[Condition] = []
    for raw_path, spec in (where or {}).items():
        segments = path(raw_path)
        ops = spec if isinstance(spec, Mapping) and spec and all(str(k).startswith("$") for k in spec) \
            else {"$eq": spec}
        for op, value in ops.items():
            if op not in OPERATORS:
                raise InvalidDocument(f"operator {op!r}: supported are {', '.join(OPERATORS)}")
            values = value if op == "$in" else [value]
            if op == "$in" and not isinstance(value, list):
                raise InvalidDocument("$in takes a list")
            for item in values:
                # None would match a missing field on MongoDB but not on PostgreSQL: refuse both.
                if item is None or isinstance(item, (Mapping, list)):
                    raise InvalidDocument(f"{raw_path}: compare with a str, number or bool")
                check_value(item, 0)
            found.append(Condition(segments, op, value))
    return found


def sort_keys(sort: Sort) -> list[tuple[tuple[str, ...], int]]:
    keys = []
    for raw_path, direction in sort:
        if direction not in (1, -1):
            raise InvalidDocument(f"sort direction of {raw_path!r} is 1 or -1")
        keys.append((path(raw_path), direction))
    return keys


def limit_value(limit: int | None) -> int | None:
    if limit is not None and (not isinstance(limit, int) or limit < 0):
        raise InvalidDocument("limit is a non-negative int")
    return limit


def index(spec: Index) -> Index:
    if not _INDEX_NAME.match(spec.name) or not spec.fields:
        raise InvalidDocument(f"index {spec.name!r}: a short lowercase name and at least one field")
    sort_keys(spec.fields)
    return spec
