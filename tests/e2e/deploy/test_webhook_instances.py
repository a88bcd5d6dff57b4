"""Two instances of the real service, one PostgreSQL, one bot in webhook mode (issue #8)."""
from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest

from tests.e2e.admin.helpers import insert_telegram_users, make_admin, wait_for_status
from tests.support.live_process import LiveProcess, start_app_process

SECRET = "test-webhook-secret"
WEBHOOK_URL = "https://bot.example.org/telegram/webhook"


@pytest.fixture
async def two_instances(empty_database, tmp_path, fake_telegram) -> AsyncIterator[list[LiveProcess]]:
    env = {"APO_BOT_TOKEN": fake_telegram.token, "APO_TELEGRAM_API_URL": fake_telegram.base_url,
           "APO_BOT_WEBHOOK_URL": WEBHOOK_URL, "APO_BOT_WEBHOOK_SECRET": SECRET, "APO_MAILING_RATE": "100"}
    instances = []
    for index in range(2):
        data_dir = tmp_path / f"instance{index}"
        data_dir.mkdir()
        instances.append(await start_app_process(empty_database, data_dir, **env))
    try:
        await fake_telegram.wait_for_call("setWebhook", timeout=30)
        yield instances
    finally:
        for instance in instances:
            assert await instance.stop() == 0, instance.log()


async def post_update(instance: LiveProcess, update: dict, secret: str = SECRET) -> int:
    async with aiohttp.ClientSession() as session:
        async with session.post(instance.base_url + "/telegram/webhook", json=update,
                                headers={"X-Telegram-Bot-Api-Secret-Token": secret}) as response:
            return response.status


async def take_update(fake_telegram, user, text: str) -> dict:
    """What Telegram would POST for this message (built by the fake, not delivered by polling)."""
    await user.send(text)
    update = fake_telegram.updates.pending[-1]
    fake_telegram.updates.drop_pending()
    return update


async def test_webhook_is_set_with_the_secret(two_instances, fake_telegram):
    assert fake_telegram.webhook["url"] == WEBHOOK_URL
    assert fake_telegram.webhook["secret_token"] == SECRET
    assert fake_telegram.calls("getUpdates") == []  # nobody polls in webhook mode


async def test_a_duplicate_update_is_handled_once_across_instances(two_instances, fake_telegram):
    user = fake_telegram.user(5001, first_name="Аня")
    update = await take_update(fake_telegram, user, "/start")
    statuses = await asyncio.gather(*(post_update(instance, update) for instance in two_instances * 2))
    assert statuses == [200, 200, 200, 200]
    first = await fake_telegram.next_message(user.id)
    assert "APO Trainer" in first.plain_text and first.button("Оставить «Аня»")
    await fake_telegram.assert_no_message(user.id, within=1.0)
    assert fake_telegram.sent_count(user.id) == 1


async def test_a_dialog_continues_on_the_other_instance(two_instances, fake_telegram):
    user = fake_telegram.user(5002, first_name="Петя")
    first, second = two_instances
    assert await post_update(first, await take_update(fake_telegram, user, "/start")) == 200
    await fake_telegram.next_message(user.id)  # asks for the name
    assert await post_update(second, await take_update(fake_telegram, user, "Пётр Первый")) == 200
    grade_question = await fake_telegram.next_message(user.id)
    assert any("11" in button.text for row in grade_question.buttons for button in row)


async def test_the_flood_limit_counts_a_users_updates_on_both_instances(two_instances, fake_telegram):
    user = fake_telegram.user(5005, first_name="Лёва")
    for index in range(22):  # 11 per instance: under the limit of 20 for each one alone
        update = await take_update(fake_telegram, user, "/help")
        assert await post_update(two_instances[index % 2], update) == 200
    replies = []
    while True:
        try:
            replies.append((await fake_telegram.next_message(user.id, timeout=3)).plain_text)
        except AssertionError:  # nothing more within 3 s
            break
    assert sum("APO Trainer" in text for text in replies) == 20
    assert [text for text in replies if "APO Trainer" not in text] == [
        "Слишком много сообщений подряд. Подождите несколько секунд."]


async def test_wrong_secret_is_refused_and_nothing_runs(two_instances, fake_telegram):
    user = fake_telegram.user(5003)
    update = await take_update(fake_telegram, user, "/start")
    assert await post_update(two_instances[0], update, secret="guess") == 401
    await fake_telegram.assert_no_message(user.id, within=0.5)


async def test_only_api_and_only_bot_serve_their_platform(empty_database, tmp_path, fake_telegram):
    env = {"APO_BOT_TOKEN": fake_telegram.token, "APO_TELEGRAM_API_URL": fake_telegram.base_url}
    api_dir, bot_dir = tmp_path / "api", tmp_path / "bot"
    api_dir.mkdir()
    bot_dir.mkdir()
    api = await start_app_process(empty_database, api_dir, run_args=("--only", "api"), **env)
    bot = await start_app_process(empty_database, bot_dir, run_args=("--only", "bot"), **env)
    try:
        async with aiohttp.ClientSession() as session:
            async with session.get(api.base_url + "/api/v1/openapi.json") as r:
                assert r.status == 200
            async with session.get(bot.base_url + "/api/v1/openapi.json") as r:
                assert r.status == 404
            async with session.get(bot.base_url + "/healthz") as r:
                assert r.status == 200
        await fake_telegram.wait_for_call("getUpdates", timeout=30)  # the bot container polls (slow start under load)
        user = fake_telegram.user(5004, first_name="Оля")
        await user.send("/start")
        assert (await fake_telegram.next_message(user.id)).button("Оставить «Оля»")
        polling_calls = fake_telegram.calls("getUpdates")
        assert polling_calls and all(call.status in (200, 499, None) for call in polling_calls)
    finally:
        assert await api.stop() == 0, api.log()
        assert await bot.stop() == 0, bot.log()
    assert "serving api on" in api.log() and "serving bot on" in bot.log()


async def test_a_mailing_is_shared_by_both_instances_without_duplicates(two_instances, fake_telegram,
                                                                         empty_database):
    first_id, count = 810_000, 1000
    async with aiohttp.ClientSession(two_instances[0].base_url) as http:
        _, admin = await make_admin(http, empty_database)
        await insert_telegram_users(empty_database, first_id, count)
        async with http.post("/admin/api/v1/mailings", headers=admin,
                             json={"text": "Пробный тур в субботу", "segment": {"kind": "all"}}) as response:
            mailing = await response.json()
        async with http.post(f"/admin/api/v1/mailings/{mailing['id']}/start", headers=admin) as response:
            assert response.status == 202
        progress = await wait_for_status(http, admin, mailing["id"], {"finished"}, timeout=60)
    assert (progress["sent"], progress["failed"], progress["interrupted"]) == (count, 0, 0)
    for chat_id in range(first_id, first_id + count):
        assert fake_telegram.sent_count(chat_id) == 1, chat_id
    # Which instance sent what: each publishes a mailing_message_sent event per message, which its
    # analytics spools (no ClickHouse here) into its own data dir once it stops.
    for instance in two_instances:
        assert await instance.stop() == 0, instance.log()
    per_instance = [_spooled_events(instance.log_path.parent / "spool", "mailing_message_sent")
                    for instance in two_instances]
    assert sum(per_instance) == count and min(per_instance) > 0, per_instance  # shared through leases


def _spooled_events(spool: Path, event: str) -> int:
    return sum(1 for path in spool.glob("*.events.json")
               for row in json.loads(path.read_text())["rows"] if row["event"] == event)
