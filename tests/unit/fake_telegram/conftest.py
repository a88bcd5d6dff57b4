from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable

import pytest
from aiogram import Bot, Dispatcher, Router

from tests.support.fake_telegram import FakeTelegram, fake_session

# ``fake_telegram`` comes from the plugin tests.support.fake_telegram.fixtures (root conftest).
StartPolling = Callable[..., Awaitable[Dispatcher]]


@pytest.fixture
async def bot(fake_telegram: FakeTelegram) -> AsyncIterator[Bot]:
    bot = Bot(fake_telegram.token, session=fake_session(fake_telegram.base_url))
    yield bot
    await bot.session.close()


@pytest.fixture
async def start_polling(fake_telegram: FakeTelegram, bot: Bot) -> AsyncIterator[StartPolling]:
    """``await start_polling(router, ...)``: a real Dispatcher long-polling the fake until teardown."""
    running: list[tuple[Dispatcher, asyncio.Task[None]]] = []

    async def start(*routers: Router) -> Dispatcher:
        dp = Dispatcher()
        dp.include_routers(*routers)
        task = asyncio.create_task(dp.start_polling(bot, handle_signals=False, polling_timeout=1,
                                                    close_bot_session=False))
        await fake_telegram.wait_for_call("getMe")  # the dispatcher now holds its polling lock
        running.append((dp, task))
        return dp

    yield start
    for dp, task in running:
        await dp.stop_polling()
        await task
