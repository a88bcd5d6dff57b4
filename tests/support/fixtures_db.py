"""Per-test databases on the session's PostgreSQL server (created empty, dropped afterwards)."""
from __future__ import annotations

import uuid
from typing import AsyncIterator
from urllib.parse import urlsplit, urlunsplit

import aiopg
import pytest


def dsn_for_database(server_dsn: str, name: str) -> str:
    parts = urlsplit(server_dsn)
    return urlunsplit(parts._replace(path="/" + name))


@pytest.fixture
async def empty_database(postgres_server: str) -> AsyncIterator[str]:
    """DSN of a brand-new, empty database; dropped when the test ends."""
    name = "t_" + uuid.uuid4().hex[:12]
    async with aiopg.connect(postgres_server) as conn, conn.cursor() as cur:
        await cur.execute(f'CREATE DATABASE "{name}"')  # name is ours, not user input
    yield dsn_for_database(postgres_server, name)
    async with aiopg.connect(postgres_server) as conn, conn.cursor() as cur:
        await cur.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
