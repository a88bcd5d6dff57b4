"""Field updates by path: validation shared by both adapters, and MongoDB's $inc / $set semantics
on a plain dict for the adapter that has no native operators (PostgreSQL applies it under a row lock)."""
from __future__ import annotations

import itertools
import math
from collections.abc import Mapping
from typing import Any

from storage.documents.errors import InvalidDocument
from storage.documents.rules import check_value, path

Changes = tuple[dict[tuple[str, ...], int | float], dict[tuple[str, ...], Any]]


def changes(inc: Mapping[str, Any] | None, assign: Mapping[str, Any] | None) -> Changes:
    """Validated update paths; one path may not be a prefix of another (MongoDB refuses those)."""
    incs = {path(p): v for p, v in (inc or {}).items()}
    sets = {path(p): v for p, v in (assign or {}).items()}
    for segments, amount in incs.items():
        if isinstance(amount, bool) or not isinstance(amount, (int, float)) or not math.isfinite(amount):
            raise InvalidDocument(f"{'.'.join(segments)}: inc takes a finite number")
    for value in sets.values():
        check_value({"v": value}, 0)
    every = sorted([*incs, *sets])
    for shorter, longer in itertools.pairwise(every):
        if longer[:len(shorter)] == shorter:
            raise InvalidDocument(f"update paths {'.'.join(shorter)} and {'.'.join(longer)} overlap")
    if not every:
        raise InvalidDocument("an update needs at least one inc or assign")
    return incs, sets


def apply_changes(current: dict[str, Any], incs: Mapping[tuple[str, ...], int | float],
                  sets: Mapping[tuple[str, ...], Any]) -> dict[str, Any]:
    """MongoDB's $inc / $set on a plain dict (for the adapter that has no native operators)."""
    result = _copy(current)
    for segments, amount in incs.items():
        parent = _parent(result, segments)
        old = parent.get(segments[-1], 0)
        if isinstance(old, bool) or not isinstance(old, (int, float)):
            raise InvalidDocument(f"cannot inc {'.'.join(segments)}: it holds a non-number")
        parent[segments[-1]] = old + amount
    for segments, value in sets.items():
        _parent(result, segments)[segments[-1]] = _copy(value)
    return result


def _parent(root: dict[str, Any], segments: tuple[str, ...]) -> dict[str, Any]:
    node = root
    for depth, name in enumerate(segments[:-1]):
        child = node.setdefault(name, {})
        if not isinstance(child, dict):
            raise InvalidDocument(f"cannot update below {'.'.join(segments[:depth + 1])}: not an object")
        node = child
    return node


def _copy(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_copy(v) for v in value]
    return value
