"""The MongoDB adapter (PyMongo's AsyncMongoClient). One collection per document collection; each
document is stored as {_id: key, version, body}."""
from __future__ import annotations

from collections.abc import AsyncIterator, Mapping, Sequence
from contextlib import asynccontextmanager
from typing import Any

from pymongo import AsyncMongoClient, ReturnDocument
from pymongo.errors import (
    ConnectionFailure,
    DuplicateKeyError,
    OperationFailure,
    ServerSelectionTimeoutError,
)

from storage.documents import changes as updates
from storage.documents import rules
from storage.documents.errors import InvalidDocument, VersionConflict
from storage.documents.locks import KeyLocks
from storage.documents.store import Document, Index, Sort, Where
from storage.postgres.errors import StoreUnavailable

_MONGO_OPS = {"$eq": "$eq", "$gt": "$gt", "$gte": "$gte", "$lt": "$lt", "$lte": "$lte", "$in": "$in"}


def _field(segments: tuple[str, ...]) -> str:
    return "body." + ".".join(segments)


def _document(raw: Mapping[str, Any]) -> Document:
    return Document(key=raw["_id"], version=raw["version"], body=raw.get("body") or {})


def mongo_filter(where: Where | None) -> dict[str, Any]:
    query: dict[str, Any] = {}
    for condition in rules.conditions(where):
        query.setdefault(_field(condition.segments), {})[_MONGO_OPS[condition.op]] = condition.value
    return query


@asynccontextmanager
async def _reachable() -> AsyncIterator[None]:
    try:
        yield
    except (ServerSelectionTimeoutError, ConnectionFailure) as exc:
        raise StoreUnavailable(f"mongodb: {type(exc).__name__}") from exc
    except DuplicateKeyError:
        raise
    except OperationFailure as exc:  # e.g. $inc on a string: the caller's mistake, as on PostgreSQL
        raise InvalidDocument(f"mongodb refused the operation: {exc.details or exc}") from exc


class MongoDocumentStore:
    def __init__(self, client: AsyncMongoClient, database: str) -> None:
        self._client = client
        self._db = client[database]
        self._locks = KeyLocks()

    @classmethod
    def connect(cls, url: str, database: str | None = None, *, timeout_ms: int = 5000) -> MongoDocumentStore:
        """Connects lazily; the database is `database`, else the URL's path, else "apo"."""
        client: AsyncMongoClient = AsyncMongoClient(url, serverSelectionTimeoutMS=timeout_ms,
                                                    connectTimeoutMS=timeout_ms, tz_aware=True)
        name = database or client.get_default_database(default="apo").name
        return cls(client, name)

    def _col(self, collection: str) -> Any:
        return self._db[rules.collection_name(collection)]

    async def ensure_indexes(self, collection: str, indexes: Sequence[Index]) -> None:
        col = self._col(collection)
        async with _reachable():
            for spec in map(rules.index, indexes):
                keys = [(_field(rules.path(p)), d) for p, d in spec.fields]
                await col.create_index(keys, name=spec.name)

    async def get(self, collection: str, key: str) -> Document | None:
        async with _reachable():
            raw = await self._col(collection).find_one({"_id": rules.document_key(key)})
        return _document(raw) if raw else None

    async def replace(self, collection: str, key: str, body: Mapping[str, Any], *,
                      expected_version: int | None = None) -> Document:
        col, key, body = self._col(collection), rules.document_key(key), rules.body(body)
        async with self._locks.for_key(collection, key), _reachable():
            if expected_version == 0:
                try:
                    await col.insert_one({"_id": key, "version": 1, "body": body})
                except DuplicateKeyError:
                    raise await self._conflict(collection, key, 0) from None
                return Document(key=key, version=1, body=body)
            query: dict[str, Any] = {"_id": key}
            if expected_version is not None:
                query["version"] = expected_version
            raw = await col.find_one_and_update(
                query, {"$set": {"body": body}, "$inc": {"version": 1}},
                upsert=expected_version is None, return_document=ReturnDocument.AFTER)
        if raw is None:
            raise await self._conflict(collection, key, expected_version or 0)
        return _document(raw)

    async def update(self, collection: str, key: str, *, inc: Mapping[str, int | float] | None = None,
                     assign: Mapping[str, Any] | None = None) -> Document:
        col, key = self._col(collection), rules.document_key(key)
        incs, sets = updates.changes(inc, assign)
        operation: dict[str, Any] = {"$inc": {"version": 1, **{_field(p): v for p, v in incs.items()}}}
        if sets:
            operation["$set"] = {_field(p): v for p, v in sets.items()}
        async with self._locks.for_key(collection, key), _reachable():
            raw = await col.find_one_and_update({"_id": key}, operation, upsert=True,
                                                return_document=ReturnDocument.AFTER)
        return _document(raw)

    async def delete(self, collection: str, key: str) -> bool:
        col, key = self._col(collection), rules.document_key(key)
        async with self._locks.for_key(collection, key), _reachable():
            result = await col.delete_one({"_id": key})
        return result.deleted_count > 0

    async def find(self, collection: str, where: Where | None = None, *, sort: Sort = (),
                   limit: int | None = None) -> list[Document]:
        query = mongo_filter(where)
        order = [(_field(p), d) for p, d in rules.sort_keys(sort)] + [("_id", 1)]
        limit = rules.limit_value(limit)
        if limit == 0:
            return []
        async with _reachable():
            cursor = self._col(collection).find(query).sort(order)
            if limit is not None:
                cursor = cursor.limit(limit)
            return [_document(raw) async for raw in cursor]

    async def count(self, collection: str, where: Where | None = None) -> int:
        async with _reachable():
            return await self._col(collection).count_documents(mongo_filter(where))

    async def keys(self, collection: str) -> list[str]:
        async with _reachable():
            return sorted([raw["_id"] async for raw in self._col(collection).find({}, {"_id": 1})])

    async def clear(self, collection: str) -> int:
        async with _reachable():
            return (await self._col(collection).delete_many({})).deleted_count

    async def close(self) -> None:
        await self._client.close()

    async def _conflict(self, collection: str, key: str, expected: int) -> VersionConflict:
        current = await self.get(collection, key)
        return VersionConflict(collection, key, expected, current.version if current else None)
