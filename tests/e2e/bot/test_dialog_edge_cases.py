"""Dialog edges: a command in the middle of a dialog stays a command, a session with every question
seen can be finished from /train, an edit is answered, and the wording stays consistent."""
from __future__ import annotations

import time

from tests.e2e.bot.helpers import open_cabinet, register
from tests.e2e.bot.test_training import keep_only, question_on, sql
from tests.support.fixtures_bot import bot_settings, running_bot_app

ADMIN_ID = 8090


async def test_a_command_at_the_password_step_runs_and_is_not_taken_as_the_password(bot_app, empty_database):
    fake, anya = bot_app.fake, bot_app.user(8001)
    cabinet = await open_cabinet(fake, anya, await register(fake, anya))
    await anya.press(cabinet, text="🔑 Доступ к API")
    await anya.next_message()
    await anya.send("anya@example.org")
    assert "пришлите пароль" in (await anya.next_message()).plain_text
    await anya.send("/mistakes")  # nine characters: long enough to pass as a password
    reply = await anya.next_message()
    assert "Работа над ошибками" in reply.plain_text
    assert (await sql(empty_database, "SELECT email FROM users")) == [(None,)]


async def test_train_after_every_question_was_seen_offers_to_finish_the_session(bot_app, empty_database):
    await keep_only(empty_database, "id = (SELECT min(id) FROM questions WHERE type = 'yes_no')")
    fake, anya = bot_app.fake, bot_app.user(8002)
    home = await register(fake, anya)
    await anya.press(home, text="🎯 Тренировка")
    card = await anya.next_message()
    await anya.press(card, text="Да")
    await anya.next_message()  # the verdict
    await anya.send("/train")
    exhausted = await anya.next_message()
    assert "вы увидели все вопросы" in exhausted.plain_text and "Завершите её" in exhausted.plain_text
    assert "🏁 Завершить тренировку" in exhausted.button_texts  # the text asks for it: the button is there
    await anya.press(exhausted, text="🏁 Завершить тренировку")
    summary = await anya.next_message()
    assert "Тренировка завершена" in summary.plain_text and "Отвечено: 1" in summary.plain_text


async def test_an_edited_message_is_answered_not_ignored(bot_app):
    fake = bot_app.fake
    for user, expected in ((bot_app.user(8003), "новым сообщением"),
                           (bot_app.user(8004, first_name="Ann", language_code="en"), "as a new message")):
        await register(fake, user)
        sent = await user.send("42")
        await user.next_message()
        await user.send_raw({"edited_message": {**sent.raw, "text": "43", "edit_date": int(time.time())}})
        reply = await user.next_message()
        assert expected in reply.plain_text


async def test_turning_reminders_off_in_the_cabinet_does_not_send_the_user_to_the_cabinet(bot_app):
    fake, anya = bot_app.fake, bot_app.user(8005)
    cabinet = await open_cabinet(fake, anya, await register(fake, anya))
    await anya.press(cabinet, text="⏰ Напоминания")
    picker = await anya.next_message()
    await anya.press(picker, text="07")
    picker = await anya.next_message()
    await anya.press(picker, text="🔕 Выключить")
    off = await anya.next_message()
    assert "🔕 Напоминания выключены." in off.plain_text and "/cabinet" not in off.plain_text


async def test_statistics_and_the_leaderboard_say_points_as_the_questions_do(bot_app, empty_database):
    await keep_only(empty_database, "id = (SELECT min(id) FROM questions WHERE type = 'yes_no')")
    fake, anya = bot_app.fake, bot_app.user(8006)
    home = await register(fake, anya)
    await anya.press(home, text="🎯 Тренировка")
    card = await anya.next_message()
    assert "баллов:" in card.plain_text
    await anya.press(card, text="Да" if (await question_on(empty_database, card))["correct"] else "Нет")
    await anya.next_message()
    await anya.send("/menu")
    await anya.press(await anya.next_message(), text="📊 Статистика")
    chart = await anya.next_message()
    assert "Баллы:" in chart.plain_text and "очк" not in chart.plain_text.lower()
    await anya.press(chart, text="🏆 Рейтинг")
    board = await anya.next_message()
    assert "баллов:" in board.plain_text and "очк" not in board.plain_text.lower()


async def test_a_command_while_composing_a_mailing_is_not_the_mailing(fake_telegram, empty_database, tmp_path):
    settings = bot_settings(empty_database, tmp_path, fake_telegram).model_copy(
        update={"admin_telegram_ids": frozenset({ADMIN_ID})})
    async with running_bot_app(settings, fake_telegram) as app:
        admin = app.user(ADMIN_ID, first_name="Админ")
        await register(app.fake, admin)
        await admin.send("/mailing")
        assert "Рассылка" in (await admin.next_message()).plain_text
        await admin.send("/nosuchcommand")
        assert "Я не знаю такой команды" in (await admin.next_message()).plain_text
        await admin.send("/export")
        assert "Что выгрузить" in (await admin.next_message()).plain_text
        await admin.send("Олимпиада в субботу")  # the dialog is still waiting for the text
        assert "Кому отправить?" in (await admin.next_message()).plain_text


async def test_the_cabinet_keeps_showing_the_ratings_after_an_edit(bot_app, empty_database):
    await keep_only(empty_database, "id = (SELECT min(id) FROM questions WHERE type = 'yes_no')")
    fake, anya = bot_app.fake, bot_app.user(8007)
    home = await register(fake, anya)
    await anya.press(home, text="🎯 Тренировка")
    await anya.press(await anya.next_message(), text="Да")
    await anya.next_message()
    await anya.send("/cabinet")
    cabinet = await anya.next_message()
    assert "Рейтинги" in cabinet.plain_text
    await anya.press(cabinet, text="🎓 Класс")
    await anya.press(await anya.next_message(), text="10 класс")
    cabinet = await anya.next_message()
    assert "Класс изменён" in cabinet.plain_text and "Рейтинги" in cabinet.plain_text
    await anya.press(cabinet, text="✏️ Имя")
    await anya.next_message()
    await anya.send("Анна")
    cabinet = await anya.next_message()
    assert "Имя изменено" in cabinet.plain_text and "Рейтинги" in cabinet.plain_text
    await anya.press(cabinet, text="🌐 English")
    cabinet = await anya.next_message()
    assert "The bot now speaks English" in cabinet.plain_text and "Ratings" in cabinet.plain_text
