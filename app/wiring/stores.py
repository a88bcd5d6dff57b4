"""Opening and closing the stores; shared by `apo run` and the one-shot CLI commands."""
from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

from app.config import Settings
from app.paths import SQL_DIR
from storage.documents import DocumentStore
from storage.documents.factory import backend_name, open_document_store
from storage.postgres import Database, StoreUnavailable
from storage.postgres.embedded import EmbeddedPostgres
from storage.postgres.migrate import migrate


@asynccontextmanager
async def postgres_dsn(settings: Settings) -> AsyncIterator[str]:
    """The configured DSN, or an embedded server under the data dir for its lifetime."""
    if settings.postgres_dsn is not None:
        yield settings.postgres_dsn.get_secret_value()
        return
    embedded = EmbeddedPostgres(settings.data_dir)
    try:
        yield await embedded.start()
    finally:
        await embedded.stop()


@asynccontextmanager
async def open_database(settings: Settings, *, run_migrations: bool) -> AsyncIterator[Database]:
    async with postgres_dsn(settings) as dsn:
        if run_migrations:
            await migrate(dsn, SQL_DIR / "postgres")
        database = Database(dsn, maxsize=settings.postgres_pool_max)
        await database.open()
        try:
            yield database
        finally:
            await database.close()


@asynccontextmanager
async def open_documents(settings: Settings, database: Database) -> AsyncIterator[DocumentStore]:
    """MongoDB when APO_MONGO_URL is set, else PostgreSQL JSONB (the `documents` table, migration 0004).
    Indexes are created by the actors at start (idempotent)."""
    url = settings.mongo_url.get_secret_value() if settings.mongo_url else None
    store = open_document_store(url, database)
    try:
        yield store
    finally:
        await store.close()


def documents_backend(store: DocumentStore) -> str:
    return backend_name(store)


def documents_probe(store: DocumentStore) -> Callable[[], Awaitable[bool]]:
    """For /readyz: can a document be read right now?"""

    async def probe() -> bool:
        try:
            await store.get("stats", "0")
            return True
        except StoreUnavailable:
            return False

    return probe
