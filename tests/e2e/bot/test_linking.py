"""One account across platforms: a REST account linked to Telegram through /start <code>."""
from __future__ import annotations

import aiopg

from tests.e2e.api.helpers import bearer, registered_token
from tests.e2e.bot.helpers import open_cabinet, register


async def link_code(http, token: str) -> dict:
    async with http.post("/api/v1/me/telegram-link", headers=bearer(token)) as response:
        assert response.status == 201, await response.text()
        return await response.json()


async def me(http, token: str) -> dict:
    async with http.get("/api/v1/me", headers=bearer(token)) as response:
        assert response.status == 200
        return await response.json()


async def test_deep_link_links_a_new_telegram_user_to_the_rest_account(bot_app):
    account, token = await registered_token(bot_app.http, display_name="Вера", grade="10")
    link = await link_code(bot_app.http, token)
    assert link["deep_link"] == f"https://t.me/apo_trainer_test_bot?start={link['code']}"
    vera = bot_app.user(3001, first_name="Vera")
    await vera.send(f"/start {link['code']}")
    reply = await vera.next_message()
    assert f"ваш Telegram привязан к аккаунту {account['email']}" in reply.plain_text
    assert "Привет, Вера!" in reply.plain_text and "👤 Кабинет" in reply.button_texts
    profile = await me(bot_app.http, token)
    assert profile["telegram_linked"] is True and profile["telegram_id"] == vera.id
    cabinet = await open_cabinet(bot_app.fake, vera, reply)
    assert f"Email (вход в API): {account['email']}" in cabinet.plain_text


async def test_a_bot_only_user_is_merged_into_the_rest_account(bot_app, empty_database):
    fake, oleg = bot_app.fake, bot_app.user(3002, first_name="Олег")
    await register(fake, oleg, grade="student")
    account, token = await registered_token(bot_app.http, display_name="Oleg", locale="en")
    await oleg.send(f"/start {(await link_code(bot_app.http, token))['code']}")
    reply = await oleg.next_message()
    assert "Telegram is now linked to the account" in reply.plain_text  # the account's language
    assert "Hello, Oleg!" in reply.plain_text
    profile = await me(bot_app.http, token)
    assert profile["id"] == account["id"] and profile["telegram_id"] == oleg.id
    async with aiopg.connect(empty_database) as conn, conn.cursor() as cur:
        await cur.execute("SELECT id, telegram_id FROM users")
        assert await cur.fetchall() == [(account["id"], oleg.id)]  # ONE user, the REST account's id


async def test_a_used_code_cannot_link_twice(bot_app):
    _, token = await registered_token(bot_app.http)
    code = (await link_code(bot_app.http, token))["code"]
    first, second = bot_app.user(3003), bot_app.user(3004, first_name="Пётр")
    await first.send(f"/start {code}")
    assert "привязан" in (await first.next_message()).plain_text
    await second.send(f"/start {code}")
    refusal = await second.next_message()
    assert "ссылка устарела, уже использована или неизвестна" in refusal.plain_text
    ask_name = await second.next_message()  # and registration goes on as usual
    assert "Как к вам обращаться?" in ask_name.plain_text and ask_name.button_texts == ["Оставить «Пётр»"]


async def test_an_expired_code_says_so_and_a_registered_user_gets_the_start_page(bot_app, empty_database):
    fake, kira = bot_app.fake, bot_app.user(3005, first_name="Кира")
    await register(fake, kira)
    account, token = await registered_token(bot_app.http)
    code = (await link_code(bot_app.http, token))["code"]
    async with aiopg.connect(empty_database) as conn, conn.cursor() as cur:
        await cur.execute("UPDATE telegram_link_codes SET expires_at = now() - interval '1 second'")
    await kira.send(f"/start {code}")
    assert "ссылка устарела" in (await kira.next_message()).plain_text
    assert "Привет, Кира!" in (await kira.next_message()).plain_text
    assert (await me(bot_app.http, token))["telegram_linked"] is False


async def test_an_unknown_code_says_so(bot_app):
    stranger = bot_app.user(3006)
    await stranger.send("/start NOSUCHCODE")
    assert "ссылка устарела" in (await stranger.next_message()).plain_text
    assert "Как к вам обращаться?" in (await stranger.next_message()).plain_text


async def test_a_bot_user_with_api_access_cannot_be_merged(bot_app):
    fake, lev = bot_app.fake, bot_app.user(3007, first_name="Лев")
    cabinet = await open_cabinet(fake, lev, await register(fake, lev))
    await lev.press(cabinet, text="🔑 Доступ к API")
    await lev.next_message()
    await lev.send("lev@example.org")
    await lev.next_message()
    await lev.send("long enough password")
    assert "Доступ к API настроен" in (await lev.next_message()).plain_text
    _, token = await registered_token(bot_app.http)
    await lev.send(f"/start {(await link_code(bot_app.http, token))['code']}")
    assert "Эти аккаунты нельзя связать" in (await lev.next_message()).plain_text
    assert "Привет, Лев!" in (await lev.next_message()).plain_text
