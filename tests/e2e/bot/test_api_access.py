"""API credentials from the bot cabinet: email, then a password that is deleted from the chat."""
from __future__ import annotations

from tests.e2e.api.helpers import bearer, register as rest_register
from tests.e2e.bot.helpers import open_cabinet, register

PASSWORD = "bot user secret 1"


async def test_api_access_from_the_cabinet_then_rest_login_works(bot_app):
    fake, http, ivan = bot_app.fake, bot_app.http, bot_app.user(4001, first_name="Иван")
    cabinet = await open_cabinet(fake, ivan, await register(fake, ivan))
    await ivan.press(cabinet, text="🔑 Доступ к API")
    assert "Пришлите ваш email" in (await ivan.next_message()).plain_text
    await ivan.send("not an email")
    assert "не похоже на адрес" in (await ivan.next_message()).plain_text
    await ivan.send("Ivan@Example.org")
    assert "пришлите пароль" in (await ivan.next_message()).plain_text
    short = await ivan.send("short")
    assert "слишком короткий" in (await ivan.next_message()).plain_text
    secret = await ivan.send(PASSWORD)
    done = await ivan.next_message()
    assert "Доступ к API настроен" in done.plain_text and "ivan@example.org" in done.plain_text
    assert "POST /api/v1/auth/login" in done.plain_text

    remaining = {m.message_id for m in fake.chat_messages(ivan.id)}
    assert short.message_id not in remaining and secret.message_id not in remaining
    assert {c.params["message_id"] for c in fake.calls("deleteMessage") if c.ok} == {short.message_id,
                                                                                       secret.message_id}
    async with http.post("/api/v1/auth/login", json={"email": "ivan@example.org", "password": PASSWORD}) as r:
        assert r.status == 200
        token = (await r.json())["access_token"]
    async with http.get("/api/v1/me", headers=bearer(token)) as r:
        profile = await r.json()
    assert profile["display_name"] == "Иван" and profile["telegram_id"] == ivan.id

    await ivan.press(done, text="« Назад")
    cabinet = await ivan.next_message()
    assert "Email (вход в API): ivan@example.org" in cabinet.plain_text
    await ivan.press(cabinet, text="🔑 Доступ к API")
    shown = await ivan.next_message()
    assert "уже настроен" in shown.plain_text and "ivan@example.org" in shown.plain_text


async def test_a_taken_email_asks_for_another(bot_app):
    fake, http, ira = bot_app.fake, bot_app.http, bot_app.user(4002)
    taken = (await rest_register(http))["email"]
    cabinet = await open_cabinet(fake, ira, await register(fake, ira))
    await ira.press(cabinet, text="🔑 Доступ к API")
    await ira.next_message()
    await ira.send(taken)
    await ira.next_message()
    await ira.send(PASSWORD)
    assert "Этот email уже зарегистрирован" in (await ira.next_message()).plain_text
    await ira.send("ira@example.org")
    await ira.next_message()
    await ira.send(PASSWORD)
    assert "ira@example.org" in (await ira.next_message()).plain_text
    assert not any(m.text == PASSWORD for m in fake.chat_messages(ira.id))


async def test_the_dialog_can_be_cancelled(bot_app):
    fake, ira = bot_app.fake, bot_app.user(4003)
    cabinet = await open_cabinet(fake, ira, await register(fake, ira))
    await ira.press(cabinet, text="🔑 Доступ к API")
    ask = await ira.next_message()
    await ira.press(ask, text="Отмена")
    cabinet = await ira.next_message()
    assert "Email (вход в API): не задан" in cabinet.plain_text
