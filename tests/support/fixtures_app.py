"""The real application (same create_app as production) on a real port, on a fresh database."""
from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp.test_utils import TestServer

from app.config import Settings
from app.main import create_app


def make_settings(database_dsn: str, data_dir: Path, **overrides: Any) -> Settings:
    """Test settings: no developer .env, no external service unless a test asks for one."""
    fields = {"bot_token": None, "mongo_url": None, "clickhouse_url": None, **overrides}
    return Settings(_env_file=None, postgres_dsn=database_dsn, data_dir=data_dir, **fields)


@pytest.fixture
def app_settings(empty_database: str, tmp_path: Path) -> Settings:
    return make_settings(empty_database, tmp_path)


@pytest.fixture
async def live_app(app_settings: Settings) -> AsyncIterator[TestServer]:
    """The app serving real HTTP on 127.0.0.1; startup and cleanup run as in production."""
    server = TestServer(create_app(app_settings), host="127.0.0.1")
    await server.start_server()
    try:
        yield server
    finally:
        await server.close()


@pytest.fixture
async def http(live_app: TestServer) -> AsyncIterator[aiohttp.ClientSession]:
    """A plain aiohttp client whose relative URLs go to the live app."""
    async with aiohttp.ClientSession(base_url=str(live_app.make_url("/"))) as session:
        yield session
