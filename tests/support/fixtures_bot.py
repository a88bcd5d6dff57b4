"""The real app (create_app) with the bot polling the fake Telegram Bot API, on a fresh database.

`bot_app` yields a BotApp: the fake (scripted users, recorded calls), a REST client for the same
app, and the aiohttp app itself. `running_bot_app` does the same for tests that must prepare
something (faults, settings) before the app starts.
"""
from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

import aiohttp
import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer
from pydantic import SecretStr

from app.config import Settings
from app.main import create_app
from tests.support.fake_telegram import FakeTelegram, FakeUser
from tests.support.fixtures_app import make_settings


@dataclass
class BotApp:
    fake: FakeTelegram
    http: aiohttp.ClientSession  # relative URLs go to the same app's REST API
    app: web.Application

    def user(self, id: int, first_name: str = "Аня", language_code: str | None = "ru") -> FakeUser:
        return self.fake.user(id, first_name=first_name, language_code=language_code)


def bot_settings(database_dsn: str, data_dir: Path, fake: FakeTelegram) -> Settings:
    settings = make_settings(database_dsn, data_dir, telegram_api_url=fake.base_url)
    return settings.model_copy(update={"bot_token": SecretStr(fake.token)})


async def wait_for_polling_start(fake: FakeTelegram, timeout: float = 5.0) -> None:
    """Until the bot's first long poll reached the fake (it is answered only when updates come)."""
    deadline = asyncio.get_running_loop().time() + timeout
    while not fake.calls("getUpdates"):
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"the bot did not start polling within {timeout}s")
        await asyncio.sleep(0.01)


@asynccontextmanager
async def running_bot_app(settings: Settings, fake: FakeTelegram, *,
                          wait_for_polling: bool = True) -> AsyncIterator[BotApp]:
    server = TestServer(create_app(settings), host="127.0.0.1")
    await server.start_server()
    try:
        if wait_for_polling:
            await wait_for_polling_start(fake)
        async with aiohttp.ClientSession(base_url=str(server.make_url("/"))) as http:
            yield BotApp(fake, http, server.app)
    finally:
        await server.close()


@pytest.fixture
async def bot_app(fake_telegram: FakeTelegram, empty_database: str, tmp_path: Path) -> AsyncIterator[BotApp]:
    settings = bot_settings(empty_database, tmp_path, fake_telegram)
    async with running_bot_app(settings, fake_telegram) as running:
        yield running
