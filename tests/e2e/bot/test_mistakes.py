"""Work on mistakes and daily reminders in the bot (issue #10): a wrong answer in training becomes a
review; /mistakes serves it as a training card; reminders come at the picked hour, /stop_reminders
ends them. Time is moved with SQL (a wrong answer is due in an hour; a shown one rests 10 minutes)."""
from __future__ import annotations

import asyncio
from datetime import datetime
from zoneinfo import ZoneInfo

from actors.reminders.messages import RunReminders
from actors.users.messages import GetUserByTelegram
from app.keys import ACTORS
from tests.e2e.bot.helpers import open_cabinet, register
from tests.e2e.bot.test_training import (
    answer_on,
    keep_only,
    question_on,
    sql,
    start_training,
)


async def settled(database: str, query: str, expected: int) -> None:
    """Waits until a count reaches `expected`: the adaptive actor applies answers from an event."""
    for _ in range(100):
        if (await sql(database, query))[0][0] == expected:
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"{query} did not reach {expected}")


async def make_due(database: str) -> None:
    """Moves the wrong answer's review card and the question's showing into the past."""
    await settled(database, "SELECT count(*) FROM review_cards", 1)
    await sql(database, "UPDATE review_cards SET due_at = now() - interval '1 minute'")
    await sql(database, "UPDATE served_questions SET served_at = served_at - interval '2 hours'")


async def test_a_wrong_answer_comes_back_in_work_on_mistakes(bot_app, empty_database):
    await keep_only(empty_database, "type = 'yes_no'")
    fake, anya, card = await start_training(bot_app, 4101)
    q = await question_on(empty_database, card)
    verdict = await answer_on(fake, anya, card, q, right=False)
    assert "❌ Неверно." in verdict.plain_text
    await settled(empty_database, "SELECT count(*) FROM review_cards", 1)
    await anya.send("/mistakes")
    nothing = await fake.next_message(anya.id)
    assert "Сейчас повторять нечего" in nothing.plain_text and nothing.button_texts == ["« Меню"]
    assert "(через 1 мин)" in nothing.plain_text  # tried again the same day: FSRS's first short step

    await make_due(empty_database)
    await anya.send("/mistakes")
    overview = await fake.next_message(anya.id)
    assert "К повторению сейчас: 1" in overview.plain_text
    await anya.press(overview, text="▶️ Повторить сейчас")
    review = await fake.next_message(anya.id)
    assert review.message_id == overview.message_id and "Работа над ошибками · к повторению: 1" in review.plain_text
    assert (await question_on(empty_database, review))["id"] == q["id"]
    verdict = await answer_on(fake, anya, review, await question_on(empty_database, review), right=True)
    assert "✅ Верно!" in verdict.plain_text
    assert verdict.buttons[0][0].callback_data.endswith(":m")  # Next goes on with the mistakes queue
    await settled(empty_database, "SELECT count(*) FROM review_cards WHERE due_at <= now()", 0)

    await anya.press(verdict, text="▶️ Дальше")
    while (done := await fake.next_message(anya.id)).kind == "editMessageReplyMarkup":
        pass
    assert "Сейчас повторять нечего. Следующее повторение:" in done.plain_text


async def test_work_on_mistakes_is_in_the_menu(bot_app, empty_database):
    fake, anya = bot_app.fake, bot_app.user(4102)
    home = await register(fake, anya)
    await anya.press(home, text="🔁 Работа над ошибками")
    screen = await fake.next_message(anya.id)
    assert screen.is_edit and "Работа над ошибками" in screen.plain_text
    assert "Повторять нечего: ошибок в очереди нет." in screen.plain_text


async def test_a_reminder_at_the_picked_hour_and_stop_reminders(bot_app, empty_database):
    await keep_only(empty_database, "type = 'yes_no'")
    fake, anya, card = await start_training(bot_app, 4103)
    await answer_on(fake, anya, card, await question_on(empty_database, card), right=False)
    await make_due(empty_database)
    await anya.send("/menu")
    cabinet = await open_cabinet(fake, anya, await fake.next_message(anya.id))
    assert "Рейтинги" in cabinet.plain_text  # one subject answered: its rating and level
    await anya.press(cabinet, text="⏰ Напоминания")
    picker = await fake.next_message(anya.id)
    assert "Напоминания выключены" in picker.plain_text and "07" in picker.button_texts
    await anya.press(picker, text="07")
    chosen = await fake.next_message(anya.id)
    assert "Буду напоминать в 07:00" in chosen.plain_text and "✅ 07" in chosen.button_texts

    system = bot_app.app[ACTORS]
    user = await system.ask(GetUserByTelegram(telegram_id=anya.id))
    at = datetime(2030, 1, 15, 7, 5, tzinfo=ZoneInfo(user.timezone))
    run = await system.ask(RunReminders(at=at))
    assert run.sent == 1
    reminder = await fake.next_message(anya.id)
    assert "Ошибок к повторению: 1" in reminder.plain_text and "/stop_reminders" in reminder.plain_text
    assert reminder.button_texts == ["▶️ Повторить сейчас", "🎯 Тренировка"]
    await fake.assert_no_message(anya.id)

    await anya.send("/stop_reminders")
    assert "Напоминания выключены" in (await fake.next_message(anya.id)).plain_text
    run = await system.ask(RunReminders(at=at.replace(day=16)))
    assert run.sent == 0
    await fake.assert_no_message(anya.id)

    await anya.press(reminder, text="▶️ Повторить сейчас")  # the reminder's button opens the review
    review = await fake.next_message(anya.id)
    assert review.message_id == reminder.message_id and review.is_edit
    assert (await question_on(empty_database, review))["id"] == (await question_on(empty_database, card))["id"]
    assert {"Да", "Нет"} <= set(review.button_texts)


async def test_work_on_mistakes_and_stop_reminders_speak_english_to_english_users(bot_app, empty_database):
    fake, tom = bot_app.fake, bot_app.user(4104, first_name="Tom", language_code="en")
    home = await register(fake, tom)
    assert "🔁 Work on mistakes" in home.button_texts
    await tom.press(home, text="🔁 Work on mistakes")
    screen = await fake.next_message(tom.id)
    assert "Work on mistakes" in screen.plain_text and "Nothing to review: no mistakes are scheduled." in screen.plain_text
    await tom.send("/mistakes")
    assert "Nothing to review" in (await fake.next_message(tom.id)).plain_text
    await tom.send("/stop_reminders")
    assert "Reminders are off" in (await fake.next_message(tom.id)).plain_text
    await tom.send("/help")
    assert "/train: train on questions (goes on with the current session)" in (
        await fake.next_message(tom.id)).plain_text
    await tom.send("/train")
    card = await fake.next_message(tom.id)
    assert not card.is_edit and "⏭ Skip" in card.button_texts
