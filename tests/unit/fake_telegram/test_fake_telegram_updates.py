"""getUpdates behaves like Telegram's: offsets confirm, limit, long poll, allowed_updates, conflicts."""

from __future__ import annotations

import asyncio
import time

import pytest
from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramConflictError
from aiogram.methods import GetUpdates
from aiogram.types import Message

from tests.support.fake_telegram import FakeTelegram


async def test_offset_confirms_and_unconfirmed_updates_come_again(fake_telegram: FakeTelegram,
                                                                  bot: Bot) -> None:
    user = fake_telegram.user(2001)
    for text in ("one", "two", "three"):
        await user.send(text)

    first = await bot.get_updates(limit=2)
    assert [u.message.text for u in first] == ["one", "two"]
    again = await bot.get_updates()  # nothing confirmed yet: delivered again, from the start
    assert [u.message.text for u in again] == ["one", "two", "three"]

    rest = await bot.get_updates(offset=first[-1].update_id + 1)  # confirms "one" and "two"
    assert [u.message.text for u in rest] == ["three"]
    assert [u.message.text for u in await bot.get_updates()] == ["three"]

    await user.send("four")
    last_only = await bot.get_updates(offset=-1)  # negative: keep the last one, forget the rest
    assert [u.message.text for u in last_only] == ["four"]
    assert await bot.get_updates(offset=last_only[0].update_id + 1, timeout=0) == []


async def test_long_poll_waits_for_an_update_or_the_timeout(fake_telegram: FakeTelegram, bot: Bot) -> None:
    user = fake_telegram.user(2002)
    started = time.monotonic()
    assert await bot.get_updates(timeout=1) == []
    assert 0.9 <= time.monotonic() - started < 2

    poll = asyncio.create_task(bot.get_updates(timeout=5))
    await asyncio.sleep(0.05)
    await user.send("wake up")
    updates = await asyncio.wait_for(poll, 1)
    assert [u.message.text for u in updates] == ["wake up"]


async def test_a_second_poll_terminates_the_first_with_conflict(fake_telegram: FakeTelegram,
                                                                bot: Bot) -> None:
    first = asyncio.create_task(bot.get_updates(timeout=5))
    await asyncio.sleep(0.05)
    second = asyncio.create_task(bot.get_updates(timeout=0))
    with pytest.raises(TelegramConflictError, match="terminated by other getUpdates request"):
        await asyncio.wait_for(first, 1)
    assert await second == []


async def test_allowed_updates_drop_other_types(fake_telegram: FakeTelegram, bot: Bot) -> None:
    user = fake_telegram.user(2003)
    await user.block_bot()  # a my_chat_member update
    await user.send("hi")
    updates = await bot(GetUpdates(allowed_updates=["message"], timeout=0))
    assert [u.event_type for u in updates] == ["message"]
    assert [u.event_type for u in await bot(GetUpdates(allowed_updates=[], timeout=0))] == ["message"]


async def test_polling_dispatcher_handles_each_update_once(fake_telegram: FakeTelegram,
                                                           start_polling) -> None:
    seen: list[str] = []
    router = Router()

    @router.message(F.text)
    async def collect(message: Message) -> None:
        seen.append(message.text)
        await message.answer("ok")

    await start_polling(router)
    users = [fake_telegram.user(3000 + i) for i in range(5)]
    for round_ in range(4):
        for user in users:
            await user.send(f"{user.id}:{round_}")
    for user in users:
        for _ in range(4):
            await user.next_message()
    await fake_telegram.assert_no_message(users[0].id, within=0.2)

    assert sorted(seen) == sorted(f"{u.id}:{r}" for u in users for r in range(4))
    delivered = fake_telegram.updates.delivered_ids
    assert len(delivered) == len(set(delivered)) == 20
    assert fake_telegram.updates.pending == []


async def test_webhook_blocks_get_updates_until_deleted(fake_telegram: FakeTelegram, bot: Bot) -> None:
    await bot.set_webhook("https://example.org/hook")
    assert fake_telegram.webhook["url"] == "https://example.org/hook"
    with pytest.raises(TelegramConflictError, match="webhook is active"):
        await bot.get_updates(timeout=0)
    await bot.delete_webhook(drop_pending_updates=True)
    assert fake_telegram.webhook is None and await bot.get_updates(timeout=0) == []
