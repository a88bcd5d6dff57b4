"""The PostgreSQL JSONB adapter: the `documents` table (sql/postgres/0004_documents.sql) through the
project's Database / Tx. Versioned writes are single statements; update() runs under a row lock."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from psycopg2.extras import Json

from storage.documents import changes as updates
from storage.documents import postgres_sql as q
from storage.documents import rules
from storage.documents.errors import VersionConflict
from storage.documents.store import Document, Index, Sort, Where
from storage.postgres import Database


def _document(row: Mapping[str, Any]) -> Document:
    return Document(key=row["key"], version=row["version"], body=row["body"])


class PostgresDocumentStore:
    def __init__(self, database: Database) -> None:
        self._db = database

    async def ensure_indexes(self, collection: str, indexes: Sequence[Index]) -> None:
        collection = rules.collection_name(collection)
        statements = [q.create_index(collection, rules.index(spec)) for spec in indexes]
        async with self._db.transaction() as tx:
            await tx.execute(q.INDEX_LOCK, {"key": q.INDEX_LOCK_KEY})
            for statement in statements:
                await tx.execute(statement)  # type: ignore[arg-type]  # psycopg2 takes Composed

    async def get(self, collection: str, key: str) -> Document | None:
        params = {"collection": rules.collection_name(collection), "key": rules.document_key(key)}
        async with self._db.autocommit() as tx:  # one statement: no BEGIN/COMMIT round trips
            row = await tx.fetchone(q.GET, params)
        return _document(row) if row else None

    async def replace(self, collection: str, key: str, body: Mapping[str, Any], *,
                      expected_version: int | None = None) -> Document:
        params = {"collection": rules.collection_name(collection), "key": rules.document_key(key),
                  "body": Json(rules.body(body)), "expected": expected_version}
        statement = (q.UPSERT if expected_version is None
                     else q.CREATE if expected_version == 0 else q.REPLACE_AT)
        # The write is one statement; the read after a refusal only names the version that won.
        async with self._db.autocommit() as tx:
            row = await tx.fetchone(statement, params)
            if row is None:
                current = await tx.fetchone(q.GET, params)
                raise VersionConflict(collection, key, expected_version or 0,
                                      current["version"] if current else None)
        return _document(row)

    async def update(self, collection: str, key: str, *, inc: Mapping[str, int | float] | None = None,
                     assign: Mapping[str, Any] | None = None) -> Document:
        incs, sets = updates.changes(inc, assign)
        params: dict[str, Any] = {"collection": rules.collection_name(collection),
                                  "key": rules.document_key(key)}
        async with self._db.transaction() as tx:
            row = None
            while row is None:  # a delete committed between the two statements: create it again
                await tx.execute(q.ENSURE_ROW, params)
                row = await tx.fetchone(q.GET_FOR_UPDATE, params)
            body = updates.apply_changes(row["body"], incs, sets)
            written = await tx.fetchone(q.WRITE_LOCKED, {**params, "body": Json(body)})
        return _document(written)  # type: ignore[arg-type]

    async def delete(self, collection: str, key: str) -> bool:
        params = {"collection": rules.collection_name(collection), "key": rules.document_key(key)}
        async with self._db.transaction() as tx:
            return await tx.execute(q.DELETE, params) > 0

    async def find(self, collection: str, where: Where | None = None, *, sort: Sort = (),
                   limit: int | None = None) -> list[Document]:
        params: dict[str, Any] = {}
        statement = q.find(collection, where, sort, rules.limit_value(limit), params)
        async with self._db.transaction() as tx:
            rows = await tx.fetchall(statement, params)  # type: ignore[arg-type]
        return [_document(row) for row in rows]

    async def count(self, collection: str, where: Where | None = None) -> int:
        params: dict[str, Any] = {}
        statement = q.count(collection, where, params)
        async with self._db.transaction() as tx:
            return int(await tx.fetchval(statement, params))  # type: ignore[arg-type]

    async def keys(self, collection: str) -> list[str]:
        async with self._db.transaction() as tx:
            rows = await tx.fetchall(q.KEYS, {"collection": rules.collection_name(collection)})
        return [row["key"] for row in rows]

    async def clear(self, collection: str) -> int:
        async with self._db.transaction() as tx:
            return await tx.execute(q.CLEAR, {"collection": rules.collection_name(collection)})

    async def close(self) -> None:
        """The Database belongs to the process (it closes it); nothing of ours to close."""
