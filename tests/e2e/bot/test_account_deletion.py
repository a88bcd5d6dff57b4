"""Deleting the account from the bot's cabinet: a confirmation that says what goes, then everything
personal is gone (nobody else's), and /start registers a brand-new account. Cancel deletes nothing."""
from __future__ import annotations

import asyncio

from actors.filters.messages import FilterSettings, SetUserFilter
from actors.reminders.messages import EnableReminders
from app.keys import ACTORS
from tests.e2e.api.test_account_deletion import rows_of
from tests.e2e.bot.helpers import open_cabinet, register
from tests.e2e.bot.test_training import answer_on, question_on, sql


async def user_id_of(database: str, telegram_id: int) -> int:
    (row,) = await sql(database, "SELECT id FROM users WHERE telegram_id = %s", telegram_id)
    return row[0]


async def trained_user(bot_app, database: str, telegram_id: int, language_code: str = "ru") -> int:
    """Registered, one wrong answer (attempt, rating, mistakes queue, statistics), a filter, reminders."""
    fake, person = bot_app.fake, bot_app.user(telegram_id, language_code=language_code)
    home = await register(fake, person)
    await person.press(home, data="menu:train")
    card = await fake.next_message(person.id)
    await answer_on(fake, person, card, await question_on(database, card), right=False)
    user_id = await user_id_of(database, telegram_id)
    actors = bot_app.app[ACTORS]
    await actors.ask(SetUserFilter(user_id=user_id, filter=FilterSettings(types=("one", "open"))))
    await actors.ask(EnableReminders(user_id=user_id, hour=18))
    for _ in range(200):  # statistics follow the answer's event
        if (await rows_of(database, user_id))["documents:stats"]:
            break
        await asyncio.sleep(0.02)
    await person.send("/cabinet")
    await fake.next_message(person.id)
    return user_id


async def test_delete_from_the_cabinet_takes_everything_and_start_registers_anew(bot_app, empty_database):
    fake = bot_app.fake
    anya_id = await trained_user(bot_app, empty_database, 5101)
    borya_id = await trained_user(bot_app, empty_database, 5102)
    anya_rows, borya_rows = await rows_of(empty_database, anya_id), await rows_of(empty_database, borya_id)
    assert all(anya_rows[t] for t in ("users", "attempts", "served_questions", "training_sessions",
                                      "user_ratings", "review_cards", "reminder_settings",
                                      "user_question_history", "documents:stats", "documents:filters"))

    anya = bot_app.user(5101)
    cabinet = fake.chat_messages(anya.id)[-1]
    await anya.press(cabinet, text="🗑 Удалить аккаунт")
    confirm = await anya.next_message()
    assert confirm.is_edit and "Удалить аккаунт?" in confirm.plain_text
    for goes in ("прогресс", "статистика", "рейтинги", "очередь работы над ошибками", "напоминания",
                 "доступ к API", "Отменить это будет нельзя"):
        assert goes in confirm.plain_text
    assert confirm.button_texts == ["Удалить навсегда", "Отмена"]
    await anya.press(confirm, text="Удалить навсегда")
    done = await anya.next_message()
    assert "Аккаунт удалён" in done.plain_text and "/start" in done.plain_text and not done.button_texts

    assert set((await rows_of(empty_database, anya_id)).values()) == {0}
    assert await rows_of(empty_database, borya_id) == borya_rows
    await anya.press(done.message_id, data="menu:cabinet", force=True)  # a button of the old account
    assert "не зарегистрированы" in (await anya.next_message()).plain_text  # nothing of it is shown

    home = await register(fake, anya)
    assert "Привет, Аня!" in home.plain_text
    new_id = await user_id_of(empty_database, anya.id)
    assert new_id != anya_id
    assert (await rows_of(empty_database, new_id))["attempts"] == 0


async def test_cancel_deletes_nothing(bot_app, empty_database):
    fake, ira = bot_app.fake, bot_app.user(5103)
    cabinet = await open_cabinet(fake, ira, await register(fake, ira))
    user_id = await user_id_of(empty_database, ira.id)
    before = await rows_of(empty_database, user_id)
    await ira.press(cabinet, text="🗑 Удалить аккаунт")
    await ira.press(await ira.next_message(), text="Отмена")
    back = await ira.next_message()
    assert "Личный кабинет" in back.plain_text and "🗑 Удалить аккаунт" in back.button_texts
    assert await rows_of(empty_database, user_id) == before


async def test_english_users_are_asked_and_answered_in_english(bot_app, empty_database):
    fake, tom = bot_app.fake, bot_app.user(5104, first_name="Tom", language_code="en")
    cabinet = await open_cabinet(fake, tom, await register(fake, tom))
    await tom.press(cabinet, text="🗑 Delete account")
    confirm = await tom.next_message()
    assert "Delete your account?" in confirm.plain_text and "This cannot be undone." in confirm.plain_text
    assert "mistakes queue" in confirm.plain_text and confirm.button_texts == ["Delete for good", "Cancel"]
    await tom.press(confirm, text="Delete for good")
    assert "Your account has been deleted. Send /start to begin anew." in (await tom.next_message()).plain_text
    assert await sql(empty_database, "SELECT id FROM users WHERE telegram_id = %s", tom.id) == []


async def test_an_update_for_an_account_deleted_meanwhile_gets_a_friendly_answer(bot_app, empty_database):
    # As on an instance whose cached sender lookup still holds the user another one deleted.
    fake, lena = bot_app.fake, bot_app.user(5105)
    await register(fake, lena)
    await lena.send("/menu")  # the sender's lookup is cached now
    home = await lena.next_message()
    await sql(empty_database, "DELETE FROM users WHERE telegram_id = %s", lena.id)
    query = await lena.press(home, text="🎯 Тренировка")
    alert = await fake.wait_for_call("answerCallbackQuery", lambda c: c.params["callback_query_id"] == query)
    assert "Этого аккаунта больше нет" in alert.params["text"] and "/start" in alert.params["text"]
