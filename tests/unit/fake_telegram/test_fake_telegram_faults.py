"""Scripted failures reach aiogram as the exceptions the real server's answers produce."""

from __future__ import annotations

import asyncio

import pytest
from aiogram import Bot
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramNetworkError,
    TelegramNotFound,
    TelegramRetryAfter,
    TelegramUnauthorizedError,
)
from aiogram.methods.base import TelegramMethod

from tests.support.fake_telegram import FakeTelegram, fake_session


class Frobnicate(TelegramMethod[bool]):
    __returning__ = bool
    __api_method__ = "frobnicate"


async def test_429_is_retry_after_once_then_ok(fake_telegram: FakeTelegram, bot: Bot) -> None:
    fake_telegram.fail_next("sendMessage", status=429, retry_after=3)
    with pytest.raises(TelegramRetryAfter) as caught:
        await bot.send_message(4001, "hi")
    assert caught.value.retry_after == 3
    await bot.send_message(4001, "hi")
    assert [c.status for c in fake_telegram.calls("sendMessage")] == [429, 200]
    assert fake_telegram.sent_count(4001) == 1


async def test_scripted_failure_can_target_one_chat(fake_telegram: FakeTelegram, bot: Bot) -> None:
    fake_telegram.fail_next("sendMessage", status=502, chat_id=4003, times=2)
    await bot.send_message(4002, "unaffected")
    for _ in range(2):
        with pytest.raises(Exception, match="Bad Gateway"):
            await bot.send_message(4003, "x")
    await bot.send_message(4003, "x")


async def test_blocked_user_is_forbidden(fake_telegram: FakeTelegram, bot: Bot) -> None:
    user = fake_telegram.user(4004)
    await user.block_bot()
    with pytest.raises(TelegramForbiddenError, match="bot was blocked by the user"):
        await bot.send_message(user.id, "news")
    await user.unblock_bot()
    await bot.send_message(user.id, "news")
    assert fake_telegram.sent_count(user.id) == 1


async def test_unknown_method_and_wrong_token(fake_telegram: FakeTelegram, bot: Bot) -> None:
    with pytest.raises(TelegramNotFound, match="method not found"):
        await bot(Frobnicate())
    [call] = fake_telegram.calls("frobnicate")
    assert (call.method, call.status) == ("frobnicate", 404)

    intruder = Bot("654321:WRONG", session=fake_session(fake_telegram.base_url))
    try:
        with pytest.raises(TelegramUnauthorizedError):
            await intruder.get_me()
    finally:
        await intruder.session.close()


async def test_dropped_connection_and_slow_answer(fake_telegram: FakeTelegram, bot: Bot) -> None:
    fake_telegram.fail_next("getMe", disconnect=True)
    with pytest.raises(TelegramNetworkError):
        await bot.get_me()
    fake_telegram.slow_next("sendMessage", seconds=0.5)
    with pytest.raises(TelegramNetworkError, match="timeout"):
        await bot.send_message(4005, "late", request_timeout=0.1)
    assert (await bot.get_me()).username == "apo_trainer_test_bot"


async def test_rate_limiter_counts_violations(fake_telegram: FakeTelegram, bot: Bot) -> None:
    fake_telegram.rate_limit(global_per_second=5, per_chat_per_second=1)
    await bot.send_message(5000, "first")
    with pytest.raises(TelegramRetryAfter) as caught:
        await bot.send_message(5000, "too soon for this chat")
    assert caught.value.retry_after == 1

    results = await asyncio.gather(*(bot.send_message(5001 + i, "m") for i in range(8)),
                                   return_exceptions=True)
    refused = [r for r in results if isinstance(r, TelegramRetryAfter)]
    assert len(refused) == 4  # 5 per second overall, one already used
    assert fake_telegram.rate_violations == 5
    assert fake_telegram.limiter.violations_by_chat[5000] == 1
    assert fake_telegram.sent_count() == 5


async def test_stale_callback_query(fake_telegram: FakeTelegram, bot: Bot) -> None:
    user = fake_telegram.user(4006)
    message = await bot.send_message(user.id, "q", reply_markup={"inline_keyboard": [[
        {"text": "A", "callback_data": "a"}]]})
    fresh = await user.press(message.message_id, text="A")
    stale = await user.press(message.message_id, data="a")
    fake_telegram.mark_query_stale(stale)
    assert await bot.answer_callback_query(fresh) is True
    with pytest.raises(TelegramBadRequest, match="query is too old"):
        await bot.answer_callback_query(stale)
