"""pytest plugin: ``pytest_plugins = ["tests.support.fake_telegram.fixtures"]``."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest_asyncio

from .server import DEFAULT_TOKEN, FakeTelegram

TEST_TOKEN = DEFAULT_TOKEN  # "123456:TEST-TOKEN"


@pytest_asyncio.fixture
async def fake_telegram() -> AsyncIterator[FakeTelegram]:
    """A fresh fake Bot API server for one test, on 127.0.0.1 and a free port."""
    fake = FakeTelegram(token=TEST_TOKEN)
    await fake.start()
    try:
        yield fake
    finally:
        await fake.stop()
