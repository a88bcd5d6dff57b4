"""Document stores on both real backends for tests: FerretDB (MongoDB wire) and PostgreSQL JSONB.

`open_store(kind, request)` gives a fresh, empty store: its own MongoDB database, or a brand-new
PostgreSQL database with the migrations applied (all of them, or only 0004 for the bare contract).
"""
from __future__ import annotations

import shutil
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest

from storage.documents import DocumentStore
from storage.documents.mongo import MongoDocumentStore
from storage.documents.postgres_jsonb import PostgresDocumentStore
from storage.postgres import Database
from storage.postgres.migrate import migrate
from tests.support.memory_documents import MemoryDocumentStore

MIGRATIONS = Path(__file__).resolve().parents[2] / "sql" / "postgres"
BACKENDS = ("mongo", "postgres")
CONTRACT_BACKENDS = (*BACKENDS, "memory")  # the unit tests' fake must keep the contract too


async def migrated(dsn: str, tmp_path: Path, *, only_documents: bool) -> None:
    if only_documents:  # the contract needs only the documents table, whatever else is in flight
        folder = tmp_path / "documents_migration"
        folder.mkdir(exist_ok=True)
        shutil.copy(MIGRATIONS / "0004_documents.sql", folder)
        await migrate(dsn, folder)
    else:
        await migrate(dsn, MIGRATIONS)


@asynccontextmanager
async def mongo_store(url: str) -> AsyncIterator[MongoDocumentStore]:
    name = "t_" + uuid.uuid4().hex[:12]
    store = MongoDocumentStore.connect(url, name)
    try:
        yield store
    finally:
        await store._client.drop_database(name)
        await store.close()


@asynccontextmanager
async def postgres_store(database: Database) -> AsyncIterator[PostgresDocumentStore]:
    store = PostgresDocumentStore(database)
    try:
        yield store
    finally:
        await store.close()


@asynccontextmanager
async def open_database(dsn: str) -> AsyncIterator[Database]:
    database = Database(dsn, maxsize=20)
    await database.open()
    try:
        yield database
    finally:
        await database.close()


@asynccontextmanager
async def any_store(kind: str, request: pytest.FixtureRequest, dsn: str, tmp_path: Path, *,
                    only_documents: bool) -> AsyncIterator[tuple[DocumentStore, Database]]:
    """Yields (store, database) on a fresh PostgreSQL database `dsn` (which also backs the store
    when kind == "postgres"); the MongoDB-wire server starts only when a test needs it."""
    await migrated(dsn, tmp_path, only_documents=only_documents)
    async with open_database(dsn) as database:
        if kind == "memory":
            yield MemoryDocumentStore(), database
        elif kind == "mongo":
            async with mongo_store(request.getfixturevalue("mongo_server")) as store:
                yield store, database
        else:
            async with postgres_store(database) as store:
                yield store, database
