"""The ClickHouse client: aiochclient over one aiohttp session, configured from APO_CLICKHOUSE_URL.

The URL may carry credentials and the database: http://user:password@host:8123/analytics
(or ?database=analytics). aiochclient sends credentials as X-ClickHouse-* headers.
"""
from __future__ import annotations

import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

import aiohttp
from aiochclient import ChClient
from yarl import URL

_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@dataclass(frozen=True)
class ClickHouseTarget:
    url: str  # scheme://host:port/ without credentials
    user: str | None
    password: str | None
    database: str

    def client(self, session: aiohttp.ClientSession, database: str | None = None) -> ChClient:
        return ChClient(session, url=self.url, user=self.user, password=self.password,
                        database=database or self.database)


def parse_url(url: str) -> ClickHouseTarget:
    parsed = URL(url)
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise ValueError("APO_CLICKHOUSE_URL must be an http(s) URL of the ClickHouse HTTP interface")
    database = parsed.query.get("database") or parsed.path.strip("/") or "default"
    if not _IDENTIFIER.match(database):  # it is used as an identifier in CREATE DATABASE
        raise ValueError(f"ClickHouse database name {database!r} is not a plain identifier")
    base = parsed.with_user(None).with_path("/").with_query(None).with_fragment(None)
    return ClickHouseTarget(str(base), parsed.user, parsed.password, database)


@asynccontextmanager
async def open_session(timeout: float) -> AsyncIterator[aiohttp.ClientSession]:
    """A session whose every request ends within `timeout` seconds (no hung analytics inserts)."""
    session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=timeout))
    try:
        yield session
    finally:
        await session.close()
