"""The bot inside the app: start-up, commands menu, Telegram faults, and the bot switched off."""
from __future__ import annotations

from pathlib import Path

import aiohttp
from aiohttp.test_utils import TestServer
from loguru import logger

from app.keys import BOT_USERNAME
from app.main import create_app
from tests.e2e.api.helpers import bearer, registered_token
from tests.support.fixtures_app import make_settings
from tests.support.fixtures_bot import bot_settings, running_bot_app, wait_for_polling_start


async def test_commands_are_set_in_russian_by_default_and_in_english(bot_app):
    ru = {c["command"]: c["description"] for c in bot_app.fake.commands()}
    en = {c["command"]: c["description"] for c in bot_app.fake.commands(language_code="en")}
    assert list(ru) == list(en) == ["start", "menu", "train", "cabinet", "mistakes", "stop_reminders", "help"]
    assert ru["cabinet"] == "Личный кабинет" and en["cabinet"] == "Personal cabinet"
    assert ru["train"] == "Тренировка" and en["train"] == "Train on questions"


async def test_a_429_from_telegram_is_waited_out_and_retried(bot_app):
    fake, anya = bot_app.fake, bot_app.user(6001)
    fake.fail_next("sendMessage", status=429, retry_after=1, chat_id=anya.id)
    await anya.send("/start")
    ask_name = await anya.next_message()
    assert "Как к вам обращаться?" in ask_name.plain_text
    assert [c.status for c in fake.calls("sendMessage") if c.chat_id == anya.id] == [429, 200]


async def test_a_user_who_blocked_the_bot_does_not_break_it(bot_app):
    fake, gone, other = bot_app.fake, bot_app.user(6002), bot_app.user(6003)
    fake.block_user(gone.id)
    await gone.send("/start")
    refused = await fake.wait_for_call("sendMessage", lambda c: c.chat_id == gone.id)
    assert refused.status == 403
    await other.send("/start")
    assert "Как к вам обращаться?" in (await other.next_message()).plain_text
    fake.unblock_user(gone.id)
    await gone.send("/start")
    assert "Как к вам обращаться?" in (await gone.next_message()).plain_text


async def test_telegram_down_at_start_up_does_not_stop_the_app(fake_telegram, empty_database, tmp_path):
    fake_telegram.fail_next("getMe", status=502, times=2)
    settings = bot_settings(empty_database, tmp_path, fake_telegram)
    async with running_bot_app(settings, fake_telegram, wait_for_polling=False) as running:
        async with running.http.get("/healthz") as response:
            assert response.status == 200  # REST serves while the bot waits for Telegram
        await wait_for_polling_start(fake_telegram)
        assert running.app[BOT_USERNAME] == "apo_trainer_test_bot"
        _, token = await registered_token(running.http)
        async with running.http.post("/api/v1/me/telegram-link", headers=bearer(token)) as response:
            assert (await response.json())["deep_link"].startswith("https://t.me/apo_trainer_test_bot?start=")
        anya = running.user(6004)
        await anya.send("/start")
        assert "Как к вам обращаться?" in (await anya.next_message()).plain_text
    assert [c.status for c in fake_telegram.calls("getMe")] == [502, 502, 200]


async def test_without_a_token_the_bot_is_off_with_one_log_line_and_rest_serves(empty_database,
                                                                              tmp_path: Path):
    lines: list[str] = []  # what the bot package logged
    sink = logger.add(lambda message: lines.append(message.record["message"]), level="DEBUG",
                      filter=lambda record: (record["name"] or "").startswith("app.bot"))
    server = TestServer(create_app(make_settings(empty_database, tmp_path)), host="127.0.0.1")
    try:
        await server.start_server()
        async with aiohttp.ClientSession(base_url=str(server.make_url("/"))) as http:
            async with http.get("/healthz") as response:
                assert response.status == 200
        assert BOT_USERNAME not in server.app
    finally:
        await server.close()
        logger.remove(sink)
    assert lines == ["bot off: APO_BOT_TOKEN is not set"]
