"""Shared by the integration tests: a migrated database per test with the project's migrations."""
from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from storage.postgres import Database
from storage.postgres.migrate import migrate

MIGRATIONS = Path(__file__).resolve().parents[2] / "sql" / "postgres"


@pytest.fixture
async def database(empty_database: str) -> AsyncIterator[Database]:
    await migrate(empty_database, MIGRATIONS)
    db = Database(empty_database, maxsize=10)
    await db.open()
    yield db
    await db.close()
