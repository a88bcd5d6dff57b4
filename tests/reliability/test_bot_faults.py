"""The real aiogram bot against the fake Telegram under pressure: a flood from one user (throttled,
one warning, the others still served at once), 429 and 403 from Telegram (waited out or given up;
the bot keeps answering everyone and a dialog cut by a block is not lost)."""
from __future__ import annotations

import asyncio
from time import monotonic

from app.bot.middlewares import throttling
from tests.e2e.bot.helpers import register
from tests.reliability.bot_helpers import NOT_UNDERSTOOD, SLOW_DOWN, apologies


async def test_a_flood_from_one_user_is_throttled_while_others_are_answered(bot_app, monkeypatch,
                                                                           errors_logged):
    monkeypatch.setitem(throttling.RATES, "default", throttling.Rate(limit=5, window=2.0))
    fake, flooder, vera = bot_app.fake, bot_app.user(9301), bot_app.user(9302, first_name="Вера")
    await register(fake, flooder)
    await register(fake, vera)
    await asyncio.sleep(2.0)  # fresh windows for both
    for n in range(40):
        await flooder.send(f"spam {n}")
    asked = monotonic()
    await vera.send("/menu")
    assert "Привет, Вера!" in (await vera.next_message()).plain_text
    vera_waited = monotonic() - asked

    replies = [await flooder.next_message() for _ in range(6)]
    assert [NOT_UNDERSTOOD in r.plain_text for r in replies].count(True) == 5
    assert [SLOW_DOWN in r.plain_text for r in replies].count(True) == 1
    await fake.assert_no_message(flooder.id, within=0.5)  # the other 34 are dropped in silence
    assert vera_waited < 2.0, vera_waited
    await asyncio.sleep(2.0)
    await flooder.send("/menu")
    assert "Привет, Аня!" in (await flooder.next_message()).plain_text
    assert apologies(fake) == [] and errors_logged() == []
    print(f"\n[reliability] bot flood: 40 messages -> 5 answers + 1 warning; another user answered in "
          f"{vera_waited:.3f} s meanwhile")


async def test_429_and_403_from_telegram_do_not_stop_the_bot_or_lose_a_dialog(bot_app, errors_logged):
    fake = bot_app.fake
    vera, gleb, boris = bot_app.user(9401), bot_app.user(9402), bot_app.user(9403, first_name="Борис")
    await register(fake, vera)
    await register(fake, gleb)

    fake.fail_next("sendMessage", status=429, retry_after=1, times=2, chat_id=vera.id)
    await vera.send("/menu")  # waited out twice, delivered on the third try
    assert "Привет, Аня!" in (await vera.next_message(timeout=6)).plain_text
    assert [c.status for c in fake.calls("sendMessage") if c.chat_id == vera.id][-3:] == [429, 429, 200]

    fake.fail_next("sendMessage", status=429, retry_after=1, times=3, chat_id=gleb.id)
    await gleb.send("/menu")  # more 429s than the bot retries: given up, nothing else breaks
    await fake.wait_for_call("sendMessage", lambda c: c.chat_id == gleb.id and c.status == 429)
    await asyncio.sleep(2.5)
    await gleb.send("/menu")
    assert "Привет, Аня!" in (await gleb.next_message()).plain_text

    await boris.send("/start")  # boris registers, blocks the bot at the last step, comes back
    await boris.press(await boris.next_message(), text="Оставить «Борис»")
    ask_grade = await boris.next_message()
    fake.block_user(boris.id)
    await boris.press(ask_grade, text="7 класс")
    refused = await fake.wait_for_call("editMessageText", lambda c: c.chat_id == boris.id and c.status == 403)
    await vera.send("/menu")  # meanwhile the others are served
    assert "Привет, Аня!" in (await vera.next_message()).plain_text
    fake.unblock_user(boris.id)
    await boris.send("/cabinet")
    profile = (await boris.next_message()).plain_text
    assert "Имя: Борис" in profile and "Класс: 7 класс" in profile  # the last step was kept
    assert refused.status == 403 and apologies(fake) == [] and errors_logged() == []
