"""Blocking the bot marks the user, so mailings and reminders skip them; unblocking clears it."""
from __future__ import annotations

import asyncio

import aiopg

from tests.e2e.bot.helpers import register


async def bot_blocked(database: str, telegram_id: int) -> bool:
    async with aiopg.connect(database) as conn, conn.cursor() as cur:
        await cur.execute("SELECT bot_blocked FROM users WHERE telegram_id = %s", (telegram_id,))
        return (await cur.fetchone())[0]


async def wait_until(database: str, telegram_id: int, expected: bool) -> bool:
    for _ in range(50):
        if await bot_blocked(database, telegram_id) == expected:
            return True
        await asyncio.sleep(0.1)
    return False


async def test_blocking_and_unblocking_the_bot_is_recorded(bot_app, empty_database):
    user = bot_app.user(7301)
    await register(bot_app.fake, user)
    assert await bot_blocked(empty_database, user.id) is False
    await user.block_bot()
    assert await wait_until(empty_database, user.id, True)
    await user.unblock_bot()
    assert await wait_until(empty_database, user.id, False)
