"""The bot's aspects seen from the chat: registration guard, throttling, errors, stale buttons."""
from __future__ import annotations

import asyncio

import pytest

from actors.runtime import ActorBusy
from actors.users.messages import GetUserByTelegram, UpdateProfile
from app.bot.middlewares import throttling
from app.keys import ACTORS
from storage.postgres import StoreUnavailable
from tests.e2e.bot.helpers import open_cabinet, register


async def test_an_unregistered_user_pressing_a_stale_button_is_guided_to_registration(bot_app):
    fake, newcomer = bot_app.fake, bot_app.user(5001, first_name="Ника")
    query = await newcomer.press(777, data="menu:cabinet", force=True)  # a button from long ago
    guide = await newcomer.next_message()
    assert "Вы ещё не зарегистрированы" in guide.plain_text and guide.button_texts == ["Зарегистрироваться"]
    await _answered(fake, query, "Сначала зарегистрируйтесь.")
    await newcomer.press(guide, text="Зарегистрироваться")
    ask_name = await newcomer.next_message()
    assert "Как к вам обращаться?" in ask_name.plain_text and ask_name.button_texts == ["Оставить «Ника»"]


async def test_an_unregistered_user_sending_a_command_or_text_is_guided_to_registration(bot_app):
    newcomer = bot_app.user(5002, language_code="en")
    for text in ("/menu", "/cabinet", "hello"):
        await newcomer.send(text)
        guide = await newcomer.next_message()
        assert "You are not registered yet" in guide.plain_text and guide.button_texts == ["Register"]
    await newcomer.send("/help")  # help is open to everyone
    assert "/start: register" in (await newcomer.next_message()).plain_text


async def test_unknown_commands_free_text_and_outdated_buttons(bot_app):
    fake, anya = bot_app.fake, bot_app.user(5003)
    home = await register(fake, anya)
    await anya.send("/nosuchcommand")
    assert "Я не знаю такой команды" in (await anya.next_message()).plain_text
    await anya.send("привет")
    reply = await anya.next_message()
    assert "Я не понял сообщение" in reply.plain_text and "👤 Кабинет" in reply.button_texts
    for data in ("menu:removed_feature", "grade:reg:9", "grade:edit:12", "lang:fr", "junk"):
        await anya.send("/cabinet")
        cabinet = await anya.next_message()
        query = await anya.press(cabinet, data=data, force=True)
        page = await anya.next_message()
        assert page.is_edit and "Привет, Аня!" in page.plain_text, data
        await _answered(fake, query, "Эта кнопка больше не действует.")
    query = await anya.press(home, data="junk", force=True)  # already the start page: nothing to edit
    await _answered(fake, query, "Эта кнопка больше не действует.")


async def test_buttons_on_deleted_messages_send_a_new_message(bot_app):
    fake, anya = bot_app.fake, bot_app.user(5004)
    await register(fake, anya)
    query = await anya.press(4242, data="menu:cabinet", force=True)  # no such message any more
    cabinet = await anya.next_message()
    assert cabinet.kind == "sendMessage" and "Личный кабинет" in cabinet.plain_text
    await _answered(fake, query, None)


async def test_a_flood_gets_one_warning_then_silence_until_the_window_passes(bot_app, monkeypatch):
    monkeypatch.setitem(throttling.RATES, "default", throttling.Rate(limit=5, window=1.5))
    fake, anya = bot_app.fake, bot_app.user(5005)
    await register(fake, anya)
    await asyncio.sleep(1.5)  # a fresh window
    for n in range(15):
        await anya.send(f"spam {n}")
    replies = [await anya.next_message() for _ in range(6)]
    warnings = [r for r in replies if "Слишком много сообщений" in r.plain_text]
    assert len(warnings) == 1 and replies[-1] is warnings[0]
    await fake.assert_no_message(anya.id, within=0.5)
    await asyncio.sleep(1.0)
    await anya.send("снова я")
    assert "Я не понял сообщение" in (await anya.next_message()).plain_text


async def test_a_busy_store_is_a_friendly_try_again_and_a_bug_is_an_apology(bot_app, monkeypatch):
    fake, anya = bot_app.fake, bot_app.user(5006)
    cabinet = await open_cabinet(fake, anya, await register(fake, anya))
    system = bot_app.app[ACTORS]
    real_ask = system.ask
    failures: dict[type, Exception] = {}

    async def failing_ask(message, timeout=None):
        if type(message) in failures:
            raise failures[type(message)]
        return await real_ask(message, timeout)

    monkeypatch.setattr(system, "ask", failing_ask)
    failures[GetUserByTelegram] = StoreUnavailable("down")
    await anya.send("/menu")
    assert "Сервис сейчас занят" in (await anya.next_message()).plain_text
    query = await anya.press(cabinet, text="✏️ Имя")
    await _answered(fake, query, "Сервис сейчас занят. Попробуйте ещё раз через минутку.", alert=True)

    failures.clear()
    failures[UpdateProfile] = ActorBusy("users", 0.5)
    await anya.press(cabinet, text="🎓 Класс")
    grades = await anya.next_message()
    query = await anya.press(grades, text="10 класс")
    await _answered(fake, query, "Сервис сейчас занят. Попробуйте ещё раз через минутку.", alert=True)

    failures[UpdateProfile] = RuntimeError("a bug")
    query = await anya.press(grades, text="10 класс")
    await _answered(fake, query, "Извините, у нас что-то пошло не так. Попробуйте ещё раз.", alert=True)
    failures.clear()
    query = await anya.press(grades, text="10 класс")
    assert "Класс: 10 класс" in (await anya.next_message()).plain_text


async def _answered(fake, query_id: str, text: str | None, alert: bool = False) -> None:
    """Waits for the bot's answerCallbackQuery of this press and checks its text."""
    for _ in range(200):
        answer = fake.callback_answer(query_id)
        if answer is not None:
            assert answer.get("text") == text
            assert bool(answer.get("show_alert")) is alert
            return
        await asyncio.sleep(0.01)
    pytest.fail(f"callback query {query_id} was not answered")


async def test_start_during_a_store_outage_does_not_restart_registration(bot_app, monkeypatch):
    fake, anya = bot_app.fake, bot_app.user(5007)
    await register(fake, anya)
    system = bot_app.app[ACTORS]
    real_ask = system.ask

    async def store_down(message, timeout=None):
        if isinstance(message, GetUserByTelegram):
            raise StoreUnavailable("down")
        return await real_ask(message, timeout)

    monkeypatch.setattr(system, "ask", store_down)
    await anya.send("/start")
    assert "Сервис сейчас занят" in (await anya.next_message()).plain_text
    monkeypatch.setattr(system, "ask", real_ask)
    await anya.send("/start")
    assert "Привет, Аня!" in (await anya.next_message()).plain_text
