"""Opening and closing the stores; shared by `apo run` and the one-shot CLI commands."""
from __future__ import annotations

from contextlib import asynccontextmanager
from typing import AsyncIterator

from app.config import Settings
from app.paths import SQL_DIR
from storage.postgres import Database
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
