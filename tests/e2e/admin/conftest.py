"""Fixtures of the admin tests: the app with the admin parts, with or without the fake Telegram."""
from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp.test_utils import TestServer
from pydantic import SecretStr

from app.config import Settings
from app.main import create_app
from tests.support.fake_telegram import FakeTelegram
from tests.support.fixtures_app import make_settings


async def serve(app) -> AsyncIterator[aiohttp.ClientSession]:
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    try:
        async with aiohttp.ClientSession(base_url=str(server.make_url("/"))) as http:
            yield http
    finally:
        await server.close()


@pytest.fixture
async def admin_http(empty_database: str, tmp_path: Path) -> AsyncIterator[aiohttp.ClientSession]:
    """The app without a bot: mailings cannot start, everything else works."""
    async for http in serve(create_app(make_settings(empty_database, tmp_path))):
        yield http


def telegram_settings(dsn: str, data_dir: Path, fake: FakeTelegram, **overrides: Any) -> Settings:
    """Test settings with the bot on the fake Telegram; `overrides` as in make_settings (mailing_rate…)."""
    settings = make_settings(dsn, data_dir, telegram_api_url=fake.base_url, **overrides)
    return settings.model_copy(update={"bot_token": SecretStr(fake.token)})


@pytest.fixture
async def telegram_admin_http(empty_database: str, tmp_path: Path,
                              fake_telegram: FakeTelegram) -> AsyncIterator[aiohttp.ClientSession]:
    """The app with the bot on the fake Telegram; mailings send at 50 messages a second."""
    settings = telegram_settings(empty_database, tmp_path, fake_telegram, mailing_rate=50)
    async for http in serve(create_app(settings)):
        yield http
