"""The olympiad simulation in the bot, on the seed bank: choose a paper, answer without verdicts
with the time left on screen, go back, hand in, the debrief by theme; time running out; resuming
a paper from the menu; stray input. Answers are read from PostgreSQL."""
from __future__ import annotations

import re
from typing import Any

import aiopg

from actors.users.messages import Grade, RegisterTelegramUser
from app.keys import ACTORS
from tests.support.fake_telegram import BotOutput, FakeTelegram, FakeUser


async def sql(database: str, query: str, *args: Any) -> list[tuple]:
    async with aiopg.connect(database) as conn, conn.cursor() as cur:
        await cur.execute(query, args)
        return await cur.fetchall() if cur.description else []


async def question_at(database: str, screen: BotOutput) -> dict[str, Any]:
    """The question on a paper screen, by its position ("Вопрос N из 8") in the user's open paper."""
    position = int(re.search(r"Вопрос (\d+) из", screen.plain_text).group(1))
    (row,) = await sql(database, "SELECT q.type, q.options, q.correct_answer FROM served_questions s "
                                 "JOIN questions q ON q.id = s.question_id "
                                 "JOIN simulations m ON m.id = s.simulation_id "
                                 "WHERE m.finished_at IS NULL AND s.position = %s", position)
    return dict(zip(("type", "options", "correct"), row)) | {"position": position}


async def start_paper(bot_app, user_id: int) -> tuple[FakeTelegram, FakeUser, BotOutput]:
    """Simulation -> Economics -> the Cup's final -> Start; returns question 1. The user is registered
    directly (no dialog): a paper takes many presses, and the throttle counts them all."""
    fake, user = bot_app.fake, bot_app.user(user_id)
    await bot_app.app[ACTORS].ask(RegisterTelegramUser(telegram_id=user_id, display_name="Аня",
                                                       grade=Grade.G9))
    await user.send("/menu")
    home = await fake.next_message(user.id)
    await user.press(home, text="🏆 Симуляция олимпиады")
    subjects = await fake.next_message(user.id)
    assert subjects.message_id == home.message_id and "Выберите предмет" in subjects.plain_text
    await user.press(subjects, text="Экономика")
    papers = await fake.next_message(user.id)
    assert "Выберите работу" in papers.plain_text and "Кубок АПО · финал 2025" in papers.button_texts
    await user.press(papers, text="Кубок АПО · финал 2025")
    confirm = await fake.next_message(user.id)
    assert "Вопросов: 8 · время: 20 мин" in confirm.plain_text
    await user.press(confirm, text="▶️ Начать")
    first = await fake.next_message(user.id)
    assert first.message_id == home.message_id  # one message all along, edited in place
    return fake, user, first


async def answer_right(fake: FakeTelegram, user: FakeUser, screen: BotOutput, q: dict) -> BotOutput:
    """Answers through the keyboard (an open question by text); returns the next screen."""
    if q["type"] == "yes_no":
        await user.press(screen, text="Да" if q["correct"] else "Нет")
    elif q["type"] == "one":
        await user.press(screen, text=str(q["correct"] + 1))
    elif q["type"] == "multiple":
        for i in q["correct"]:
            await user.press(screen, text=f"▫️ {i + 1}")
            screen = await fake.next_message(user.id)
        await user.press(screen, text="✔️ Готово")
    else:
        await user.send(q["correct"][0])
    return await fake.next_message(user.id)


async def test_a_full_paper_verdicts_only_at_the_end(bot_app, empty_database):
    fake, anya, screen = await start_paper(bot_app, 5001)
    text = screen.plain_text
    assert "Вопрос 1 из 8 · отвечено: 0" in text and re.search(r"⏱ осталось (19:5\d|20:00)", text)
    assert "🏁 Сдать работу" in screen.button_texts and "▶️" in screen.button_texts
    for position in (1, 2, 3):
        q = await question_at(empty_database, screen)
        assert q["position"] == position
        screen = await answer_right(fake, anya, screen, q)
        assert f"Вопрос {position + 1} из 8 · отвечено: {position}" in screen.plain_text
        assert "Правильный ответ" not in screen.plain_text and "💡" not in screen.plain_text  # no verdicts
    await anya.press(screen, text="◀️")
    back = await fake.next_message(anya.id)
    assert "Вопрос 3 из 8" in back.plain_text and "Ваш ответ:" in back.plain_text

    await anya.press(back, text="🏁 Сдать работу")
    confirm = await fake.next_message(anya.id)
    assert "Сдать работу? Отвечено: 3 из 8" in confirm.plain_text
    await anya.press(confirm, text="🏁 Да, сдать")
    result = await fake.next_message(anya.id)
    text = result.plain_text
    assert "🏁 Работа сдана" in text and "Верно: 3 из 8 · отвечено: 3" in text
    (earned, most), = await sql(empty_database, "SELECT score, max_score FROM simulations")
    assert f"Баллы: {earned:g} из {most}" in text
    themes = text.split("По темам")[1].split("Вопросы")[0]
    assert themes.count("• ") >= 1 and "➖" in text and text.count("✅") == 3
    assert result.button_texts[:8] == [str(i) for i in range(1, 9)]
    await anya.press(result, text="1")
    review = await fake.next_message(anya.id)
    assert "Вопрос 1 из 8" in review.plain_text and "Ваш ответ:" in review.plain_text
    assert "💡" in review.plain_text  # the explanation, now that the paper is handed in
    await anya.press(review, text="« Результат")
    assert "Работа сдана" in (await fake.next_message(anya.id)).plain_text


async def test_when_time_is_up_the_paper_is_handed_in(bot_app, empty_database):
    fake, anya, screen = await start_paper(bot_app, 5002)
    await sql(empty_database, "UPDATE simulations SET started_at = now() - interval '30 minutes', "
                              "deadline = now() - interval '10 minutes'")
    q = await question_at(empty_database, screen)
    if q["type"] == "open":
        await anya.send("ответ")
        result = await fake.next_message(anya.id)
    else:
        query = await anya.press(screen, text=screen.buttons[0][0].text)
        result = await fake.next_message(anya.id)
        answered = await fake.wait_for_call("answerCallbackQuery",
                                            lambda c: c.params["callback_query_id"] == query)
        if q["type"] != "multiple":  # a toggle is not an answer yet: it only meets the result
            assert answered.params["text"] == "Время вышло: ответ пришёл слишком поздно."
    assert "⏰ Время вышло! Работа сдана автоматически." in result.plain_text
    assert "Верно: 0 из 8 · отвечено: 0" in result.plain_text
    assert (await sql(empty_database, "SELECT timed_out FROM simulations")) == [(True,)]


async def test_a_running_paper_is_resumed_from_the_menu_and_stray_input_is_explained(bot_app, empty_database):
    fake, anya, screen = await start_paper(bot_app, 5003)
    q = await question_at(empty_database, screen)
    if q["type"] == "open":
        await anya.send_document(b"%PDF", "answer.pdf")
        assert "Пришлите ответ текстовым" in (await fake.next_message(anya.id)).plain_text
    else:
        await anya.send("кажется, второй")
        assert "Ответьте кнопками под вопросом" in (await fake.next_message(anya.id)).plain_text
    screen = await answer_right(fake, anya, screen, q)
    await anya.send("/menu")
    home = await fake.next_message(anya.id)
    await anya.press(home, text="🏆 Симуляция олимпиады")
    resumed = await fake.next_message(anya.id)
    assert "⏳ Ваша работа ещё не сдана." in resumed.plain_text
    assert "Вопрос 2 из 8 · отвечено: 1" in resumed.plain_text and "⏱ осталось" in resumed.plain_text
    assert (await sql(empty_database, "SELECT count(*) FROM simulations")) == [(1,)]
    assert (await sql(empty_database, "SELECT count(*) FROM attempts")) == [(0,)]  # graded only at the end
