"""Training in the bot on the seed bank: cards per question type, verdicts in place, Next / Skip /
Stop / Report, double presses, stale buttons and bad input. Answers are read from PostgreSQL.

Some tests trim the bank to a few questions first (fresh database per test): the round then meets
known types, and ends with "you have seen every question"."""
from __future__ import annotations

from typing import Any

import aiopg

from tests.e2e.bot.helpers import register
from tests.support.fake_telegram import BotOutput, FakeTelegram, FakeUser


async def sql(database: str, query: str, *args: Any) -> list[tuple]:
    async with aiopg.connect(database) as conn, conn.cursor() as cur:
        await cur.execute(query, args)
        return await cur.fetchall() if cur.description else []


async def keep_only(database: str, where: str) -> None:
    """Trims the seed bank to the questions matching `where` (nothing was served yet)."""
    assert (await sql(database, "SELECT count(*) FROM questions"))[0][0] >= 150  # the seed is loaded
    await sql(database, f"DELETE FROM questions WHERE NOT ({where})")


ONE_OF_EACH = "id IN (SELECT DISTINCT ON (type) id FROM questions ORDER BY type, id)"


async def question_on(database: str, card: BotOutput) -> dict[str, Any]:
    """The question behind a card (by the served id in its Skip button): type, options, answer."""
    skip = next(b.callback_data for row in card.buttons for b in row if b.callback_data.startswith("tx:skip"))
    served = int(skip.split(":")[3])
    (row,) = await sql(database, "SELECT q.id, q.type, q.options, q.correct_answer, q.explanation "
                                 "FROM served_questions s JOIN questions q ON q.id = s.question_id "
                                 "WHERE s.id = %s", served)
    return dict(zip(("id", "type", "options", "correct", "explanation"), row)) | {"served": served}


async def next_shown(fake: FakeTelegram, user: FakeUser) -> BotOutput:
    """The next output that is not only a keyboard removal."""
    while (output := await fake.next_message(user.id)).kind == "editMessageReplyMarkup":
        pass
    return output


async def answer_to(fake: FakeTelegram, query: str) -> dict[str, Any]:
    """The bot's answerCallbackQuery params for this press."""
    call = await fake.wait_for_call("answerCallbackQuery", lambda c: c.params["callback_query_id"] == query)
    return call.params


async def start_training(bot_app, user_id: int) -> tuple[FakeTelegram, FakeUser, BotOutput]:
    fake, user = bot_app.fake, bot_app.user(user_id)
    home = await register(fake, user)
    await user.press(home, text="🎯 Тренировка")
    card = await fake.next_message(user.id)
    assert card.message_id == home.message_id and card.is_edit  # the menu became the first card
    return fake, user, card


async def answer_on(fake: FakeTelegram, user: FakeUser, card: BotOutput, q: dict, right: bool) -> BotOutput:
    """Answers a card through its keyboard (an open one by text); returns the verdict."""
    if q["type"] == "yes_no":
        await user.press(card, text="Да" if q["correct"] == right else "Нет")
    elif q["type"] == "one":
        index = q["correct"] if right else (q["correct"] + 1) % len(q["options"])
        await user.press(card, text=str(index + 1))
    elif q["type"] == "multiple":
        picks = q["correct"] if right else [i for i in range(len(q["options"])) if i not in q["correct"]][:1]
        for i in picks:
            await user.press(card, text=f"▫️ {i + 1}")
            card = await fake.next_message(user.id)
            assert card.kind == "editMessageReplyMarkup" and f"✅ {i + 1}" in card.button_texts
        await user.press(card, text="✔️ Готово")
    else:
        await user.send("42" if not right else q["correct"][0])
        return await next_shown(fake, user)
    return await fake.next_message(user.id)


async def test_a_full_round_each_type_then_exhausted_and_summary(bot_app, empty_database):
    await keep_only(empty_database, ONE_OF_EACH)
    fake, anya, card = await start_training(bot_app, 4001)
    types, first_wrong = [], True
    for _ in range(4):
        q = await question_on(empty_database, card)
        types.append(q["type"])
        assert "баллов:" in card.plain_text and ("Пропустить" in " ".join(card.button_texts))
        right = not (first_wrong and q["type"] != "open")  # one wrong answer by buttons
        verdict = await answer_on(fake, anya, card, q, right)
        if q["type"] == "open":
            assert not verdict.is_edit  # below the typed answer; the card keeps its question
        else:
            assert verdict.is_edit and verdict.message_id == card.message_id
            assert card.plain_text.split("┈")[0] in verdict.plain_text  # the question stays on it
        assert q["explanation"] in verdict.plain_text
        if right:
            assert "✅ Верно!" in verdict.plain_text and "Правильный ответ" not in verdict.plain_text
        else:
            first_wrong = False
            assert ("❌ Неверно." in verdict.plain_text or "🟡" in verdict.plain_text)
            assert "Правильный ответ:" in verdict.plain_text
        assert verdict.button_texts == ["▶️ Дальше", "⏹ Стоп", "⚠️ Сообщить об ошибке"]
        await anya.press(verdict, text="▶️ Дальше")
        card = await next_shown(fake, anya)
        assert not card.is_edit  # the verdict stays in the chat; the next card comes below it
    assert sorted(types) == ["multiple", "one", "open", "yes_no"]
    assert "вы увидели все вопросы" in card.plain_text
    await anya.press(card, text="🏁 Завершить тренировку")
    summary = await fake.next_message(anya.id)
    assert summary.message_id == card.message_id
    assert "Тренировка завершена" in summary.plain_text and "Отвечено: 4, верно: 3" in summary.plain_text
    assert summary.button_texts == ["🎯 Ещё тренировка", "« Меню"]
    attempts = await sql(empty_database, "SELECT count(*), count(*) FILTER (WHERE correct) FROM attempts")
    assert attempts == [(4, 3)]


async def test_a_double_press_records_one_attempt_and_shows_the_same_verdict(bot_app, empty_database):
    await keep_only(empty_database, "type = 'yes_no'")
    fake, anya, card = await start_training(bot_app, 4002)
    first = await anya.press(card, text="Да")
    second = await anya.press(card, text="Нет")  # before the first is answered: the card is unchanged
    verdict = await fake.next_message(anya.id)
    await fake.assert_no_message(anya.id)  # the second press shows the very same verdict: nothing to edit
    q = await question_on(empty_database, card)
    assert ("✅ Верно!" in verdict.plain_text) == (q["correct"] is True)
    for query in (first, second):
        assert not (await answer_to(fake, query)).get("show_alert")
    assert (await sql(empty_database, "SELECT count(*) FROM attempts")) == [(1,)]

    await anya.press(verdict, text="▶️ Дальше")
    again = await anya.press(verdict, text="▶️ Дальше")
    card = await next_shown(fake, anya)
    assert "Да или нет?" in card.plain_text
    assert (await answer_to(fake, again))["text"] == "Вопрос уже ниже 👇"
    await fake.assert_no_message(anya.id)  # one card, not two


async def test_the_train_command_sends_the_card_on_screen_or_the_next_one(bot_app, empty_database):
    await keep_only(empty_database, "type = 'yes_no'")
    fake, anya, card = await start_training(bot_app, 4005)
    await anya.send("/train")  # a card is still unanswered: the same question again, as a new message
    again = await fake.next_message(anya.id)
    assert not again.is_edit and again.message_id != card.message_id
    assert again.plain_text == card.plain_text and again.button_texts == card.button_texts
    verdict = await answer_on(fake, anya, again, await question_on(empty_database, again), right=True)
    assert "Верно" in verdict.plain_text
    await anya.send("/train")
    following = await fake.next_message(anya.id)
    assert not following.is_edit and "Да" in following.button_texts
    assert (await question_on(empty_database, following))["id"] != (await question_on(empty_database, card))["id"]
    sessions = await sql(empty_database, "SELECT count(*) FROM training_sessions")
    assert sessions == [(1,)]  # /train goes on with the session


async def test_stop_on_a_card_gives_the_summary_in_place(bot_app, empty_database):
    fake, anya, card = await start_training(bot_app, 4003)
    await anya.press(card, text="⏹ Стоп")
    summary = await fake.next_message(anya.id)
    assert summary.message_id == card.message_id
    assert "Отвечено: 0, верно: 0" in summary.plain_text and "Баллы: 0 из 0" in summary.plain_text
    await anya.press(summary, text="🎯 Ещё тренировка")  # a new session
    again = await fake.next_message(anya.id)
    assert "баллов:" in again.plain_text
    sessions = await sql(empty_database, "SELECT count(*), count(finished_at) FROM training_sessions")
    assert sessions == [(2, 1)]


async def test_skip_report_and_stale_buttons(bot_app, empty_database):
    await keep_only(empty_database, "type IN ('yes_no', 'one')")
    fake, anya, first = await start_training(bot_app, 4004)
    await anya.send("/menu")
    home = await fake.next_message(anya.id)
    await anya.press(home, text="🎯 Тренировка")
    same = await fake.next_message(anya.id)  # the unanswered question comes back
    served = (await question_on(empty_database, first))["served"]
    assert (await question_on(empty_database, same))["served"] == served
    await anya.press(same, text="⏭ Пропустить")
    second = await fake.next_message(anya.id)
    assert second.message_id == same.message_id and second.plain_text != same.plain_text

    stale = await anya.press(first, text=first.buttons[0][0].text)  # the old card of the skipped question
    alert = await answer_to(fake, stale)
    assert alert["text"] == "Этот вопрос уже неактивен." and alert["show_alert"]
    assert (await fake.next_message(anya.id)).kind == "editMessageReplyMarkup"  # its buttons are gone

    q = await question_on(empty_database, second)
    verdict = await answer_on(fake, anya, second, q, right=True)
    await anya.press(verdict, text="⚠️ Сообщить об ошибке")
    assert (await fake.next_message(anya.id)).kind == "editMessageReplyMarkup"  # the verdict stays as is
    prompt = await fake.next_message(anya.id)
    assert "Что не так с этим вопросом?" in prompt.plain_text and prompt.button_texts == ["Отмена"]
    await anya.send("   ")
    assert "Сообщение пустое" in (await fake.next_message(anya.id)).plain_text
    await anya.send_document(b"GIF89a", "proof.gif")
    assert "текстовым сообщением" in (await fake.next_message(anya.id)).plain_text
    await anya.send("Во втором варианте <опечатка> & лишняя запятая")
    thanks = await next_shown(fake, anya)
    assert "Спасибо!" in thanks.plain_text and thanks.button_texts == ["▶️ Дальше", "⏹ Стоп"]
    assert await sql(empty_database, "SELECT question_id, text, status FROM question_reports") == [
        (q["id"], "Во втором варианте <опечатка> & лишняя запятая", "open")]

    await anya.press(thanks, text="⏹ Стоп")
    summary = await next_shown(fake, anya)
    assert "Отвечено: 1, верно: 1" in summary.plain_text and "Пропущено: 1" in summary.plain_text
    old_next = await anya.press(verdict, data=verdict.buttons[0][0].callback_data, force=True)
    assert (await answer_to(fake, old_next))["text"] == "Эта тренировка уже завершена."


async def test_bad_input_under_each_kind_of_card(bot_app, empty_database):
    await keep_only(empty_database, "id IN (SELECT DISTINCT ON (type) id FROM questions "
                                     "WHERE type IN ('multiple', 'open') ORDER BY type, id)")
    fake, anya, card = await start_training(bot_app, 4005)
    for _ in range(2):
        q = await question_on(empty_database, card)
        if q["type"] == "multiple":
            await anya.send("1 и 3")
            assert "Ответьте кнопками под вопросом" in (await fake.next_message(anya.id)).plain_text
            done = await anya.press(card, text="✔️ Готово")
            assert (await answer_to(fake, done))["text"] == "Сначала отметьте хотя бы один ответ."
            await anya.press(card, text="▫️ 1")
            marked = await fake.next_message(anya.id)
            await anya.press(marked, text="✅ 1")  # unmark again
            assert "▫️ 1" in (await fake.next_message(anya.id)).button_texts
        else:
            await anya.send_document(b"%PDF", "answer.pdf")
            assert "Пришлите ответ текстовым" in (await fake.next_message(anya.id)).plain_text
            await anya.send("я" * 501)
            assert "слишком длинный" in (await fake.next_message(anya.id)).plain_text
        await anya.press(card, text="⏭ Пропустить")
        card = await fake.next_message(anya.id)
    assert "вы увидели все вопросы" in card.plain_text
    assert (await sql(empty_database, "SELECT count(*) FROM attempts")) == [(0,)]


async def test_nothing_to_train_on_says_so(bot_app, empty_database):
    await keep_only(empty_database, "false")
    *_, notice = await start_training(bot_app, 4006)
    assert "не подходит ни один вопрос" in notice.plain_text and notice.button_texts == ["« Меню"]


async def test_an_image_is_sent_as_a_photo_and_its_caption_becomes_the_verdict(bot_app, empty_database):
    await keep_only(empty_database, "id = (SELECT min(id) FROM questions WHERE type = 'yes_no')")
    await sql(empty_database, "UPDATE questions SET image = 'https://example.org/map.png'")
    fake, anya = bot_app.fake, bot_app.user(4007)
    home = await register(fake, anya)
    await anya.press(home, text="🎯 Тренировка")
    card = await fake.next_message(anya.id)
    assert card.kind == "sendPhoto" and "Да или нет?" in card.plain_text  # the menu message made way
    q = await question_on(empty_database, card)
    verdict = await answer_on(fake, anya, card, q, right=False)
    assert verdict.kind == "editMessageCaption" and verdict.message_id == card.message_id
    assert "❌ Неверно." in verdict.plain_text and q["explanation"] in verdict.plain_text
