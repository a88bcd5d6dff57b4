"""The documents interface: whole-document reads and versioned writes, atomic field updates, and the
simple ordered queries leaderboards need. Both adapters pass the same contract suite
(tests/integration/documents).

A document is {key, version, body}. `body` is plain JSON (dict / list / str / int / float / bool /
None); its keys may not contain "." or start with "$" (MongoDB's rule), and an array may not hold
arrays directly (FerretDB v1's rule); both adapters enforce both rules so they stay interchangeable.
Paths address nested fields with dots: "week.points".
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from pydantic import BaseModel, ConfigDict

# {"week.id": "2026-W48", "week.points": {"$gt": 3}}; operators: $eq $gt $gte $lt $lte $in.
Where = Mapping[str, Any]
Sort = Sequence[tuple[str, int]]  # (path, 1 ascending | -1 descending); ties end with the key


class Document(BaseModel):
    model_config = ConfigDict(frozen=True)

    key: str
    version: int  # 1 on creation, +1 on every write
    body: dict[str, Any]


@dataclass(frozen=True)
class Index:
    """A secondary index on body paths. Created idempotently at start (same name, same fields)."""

    name: str  # [a-z0-9_], unique per collection
    fields: tuple[tuple[str, int], ...]


class DocumentStore(Protocol):
    async def ensure_indexes(self, collection: str, indexes: Sequence[Index]) -> None:
        """Creates the missing ones; running it again (or from two processes) is harmless."""

    async def get(self, collection: str, key: str) -> Document | None: ...

    async def replace(self, collection: str, key: str, body: Mapping[str, Any], *,
                      expected_version: int | None = None) -> Document:
        """Writes the whole body. expected_version: None writes unconditionally (creating if absent);
        0 only creates; n only overwrites version n. Otherwise VersionConflict."""

    async def update(self, collection: str, key: str, *, inc: Mapping[str, int | float] | None = None,
                     assign: Mapping[str, Any] | None = None) -> Document:
        """Atomically adds to (`inc`) and sets (`assign`) fields by path, creating the document and
        missing parents; concurrent updates never lose each other. Returns the document after."""

    async def delete(self, collection: str, key: str) -> bool:
        """True when there was a document to delete."""

    async def find(self, collection: str, where: Where | None = None, *, sort: Sort = (),
                   limit: int | None = None) -> list[Document]:
        """Matching documents in `sort` order (missing values sort lowest), then by key."""

    async def count(self, collection: str, where: Where | None = None) -> int: ...

    async def keys(self, collection: str) -> list[str]:
        """Every key of the collection, sorted (for rebuilds that must find stale documents)."""

    async def clear(self, collection: str) -> int:
        """Deletes every document of the collection; the number deleted."""

    async def close(self) -> None: ...
