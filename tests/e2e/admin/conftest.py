"""Fixtures of the admin tests: the app with the admin parts, with or without the fake Telegram."""
from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest
from aiohttp.test_utils import TestServer
from pydantic import SecretStr

from actors.mailing.options import MailingOptions
from tests.e2e.admin.wiring import admin_app
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
    async for http in serve(admin_app(make_settings(empty_database, tmp_path))):
        yield http


def telegram_settings(dsn: str, data_dir: Path, fake: FakeTelegram):
    settings = make_settings(dsn, data_dir, telegram_api_url=fake.base_url)
    return settings.model_copy(update={"bot_token": SecretStr(fake.token)})


@pytest.fixture
async def telegram_admin_http(empty_database: str, tmp_path: Path,
                              fake_telegram: FakeTelegram) -> AsyncIterator[aiohttp.ClientSession]:
    """The app with the bot on the fake Telegram; mailings send at 50 messages a second."""
    options = MailingOptions(rate=50, scan_seconds=0.5)
    async for http in serve(admin_app(telegram_settings(empty_database, tmp_path, fake_telegram), options)):
        yield http
