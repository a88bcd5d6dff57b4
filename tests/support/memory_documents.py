"""An in-memory DocumentStore for unit tests of the actors. It passes the same contract suite as the
real adapters (tests/integration/documents), so a fake that drifts from them fails there."""
from __future__ import annotations

import copy
import functools
from collections.abc import Mapping, Sequence
from typing import Any

from storage.documents import Document, Index, Sort, VersionConflict, Where, rules
from storage.documents import changes as updates

_MISSING = object()
_TYPE_RANK = {"null": 0, "number": 1, "string": 2, "object": 3, "array": 4, "bool": 5}  # MongoDB's order


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, (int, float)):
        return "number"
    return {str: "string", dict: "object", list: "array"}[type(value)]


def _lookup(body: Mapping[str, Any], segments: tuple[str, ...]) -> Any:
    node: Any = body
    for name in segments:
        if not isinstance(node, Mapping) or name not in node:
            return _MISSING
        node = node[name]
    return node


def _holds(value: Any, op: str, target: Any) -> bool:
    if value is _MISSING:
        return False
    if op == "$in":
        return any(_holds(value, "$eq", t) for t in target)
    if _kind(value) != _kind(target):
        return False
    return {"$eq": value == target, "$gt": value > target, "$gte": value >= target,
            "$lt": value < target, "$lte": value <= target}[op]


def _compare(a: Any, b: Any) -> int:
    if a is _MISSING or b is _MISSING:
        return (a is not _MISSING) - (b is not _MISSING)
    ka, kb = _TYPE_RANK[_kind(a)], _TYPE_RANK[_kind(b)]
    if ka != kb:
        return (ka > kb) - (ka < kb)
    return (a > b) - (a < b)


class MemoryDocumentStore:
    def __init__(self) -> None:
        self.collections: dict[str, dict[str, Document]] = {}
        self.indexes: dict[str, list[Index]] = {}
        self.writes = 0

    def _col(self, collection: str) -> dict[str, Document]:
        return self.collections.setdefault(rules.collection_name(collection), {})

    async def ensure_indexes(self, collection: str, indexes: Sequence[Index]) -> None:
        known = self.indexes.setdefault(rules.collection_name(collection), [])
        known.extend(i for i in map(rules.index, indexes) if i not in known)

    async def get(self, collection: str, key: str) -> Document | None:
        found = self._col(collection).get(rules.document_key(key))
        return copy.deepcopy(found)

    async def replace(self, collection: str, key: str, body: Mapping[str, Any], *,
                      expected_version: int | None = None) -> Document:
        col, key, body = self._col(collection), rules.document_key(key), copy.deepcopy(rules.body(body))
        current = col.get(key)
        version = current.version if current else 0
        if expected_version is not None and expected_version != version:
            raise VersionConflict(collection, key, expected_version, current.version if current else None)
        self.writes += 1
        col[key] = Document(key=key, version=version + 1, body=body)
        return copy.deepcopy(col[key])

    async def update(self, collection: str, key: str, *, inc: Mapping[str, int | float] | None = None,
                     assign: Mapping[str, Any] | None = None) -> Document:
        col, key = self._col(collection), rules.document_key(key)
        incs, sets = updates.changes(inc, assign)
        current = col.get(key)
        body = updates.apply_changes(current.body if current else {}, incs, sets)
        self.writes += 1
        col[key] = Document(key=key, version=(current.version if current else 0) + 1, body=body)
        return copy.deepcopy(col[key])

    async def delete(self, collection: str, key: str) -> bool:
        return self._col(collection).pop(rules.document_key(key), None) is not None

    async def find(self, collection: str, where: Where | None = None, *, sort: Sort = (),
                   limit: int | None = None) -> list[Document]:
        conditions, order = rules.conditions(where), rules.sort_keys(sort)
        limit = rules.limit_value(limit)
        found = [d for d in self._col(collection).values()
                 if all(_holds(_lookup(d.body, c.segments), c.op, c.value) for c in conditions)]

        def compare(a: Document, b: Document) -> int:
            for segments, direction in order:
                result = _compare(_lookup(a.body, segments), _lookup(b.body, segments)) * direction
                if result:
                    return result
            return (a.key > b.key) - (a.key < b.key)

        found.sort(key=functools.cmp_to_key(compare))
        return copy.deepcopy(found if limit is None else found[:limit])

    async def count(self, collection: str, where: Where | None = None) -> int:
        return len(await self.find(collection, where))

    async def keys(self, collection: str) -> list[str]:
        return sorted(self._col(collection))

    async def clear(self, collection: str) -> int:
        col = self._col(collection)
        count = len(col)
        col.clear()
        return count

    async def close(self) -> None:
        pass
