"""Forged buttons whose ids no row can have (past PostgreSQL's bigint, zero or negative) are outdated
buttons like any unknown data: the fallback's friendly answer, nothing recorded, and the next
ordinary press works. The callback data bounds its ids as the REST edge does (app/http/ids.py)."""
from __future__ import annotations

from tests.e2e.bot.test_simulation import start_paper
from tests.e2e.bot.test_training import answer_on, answer_to, question_on, sql, start_training
from tests.support.fake_telegram import BotOutput, FakeTelegram

OUTDATED = "Эта кнопка больше не действует."
APOLOGY = "Извините, у нас что-то пошло не так"
BEYOND_BIGINT = (2**63, 10**30)


def data_of(screen: BotOutput, prefix: str) -> list[str]:
    """The parts of the first button's callback data that starts with `prefix`."""
    return next(b.callback_data for row in screen.buttons for b in row
                if b.callback_data and b.callback_data.startswith(prefix)).split(":")


async def press_forged(fake: FakeTelegram, user, screen: BotOutput, data: str) -> None:
    query = await user.press(screen, data=data, force=True)
    answer = await answer_to(fake, query)
    assert answer.get("text") == OUTDATED and not answer.get("show_alert"), data


def no_apologies(fake: FakeTelegram, chat_id: int) -> None:
    said = [o.plain_text or "" for o in fake.outputs(chat_id)]
    answers = [(c.params.get("text") or "") for c in fake.calls("answerCallbackQuery")]
    assert not [text for text in said + answers if APOLOGY in text]


async def test_training_buttons_with_impossible_ids_are_outdated_and_change_nothing(bot_app, empty_database):
    fake, anya, card = await start_training(bot_app, 4301)
    q = await question_on(empty_database, card)
    session = data_of(card, "tx:skip")[2]
    forged = [f"ta:{session}:{bad}:o:0:" for bad in (*BEYOND_BIGINT, 0, -1)]  # the answer buttons
    forged += [f"tx:skip:{session}:{bad}:0:" for bad in BEYOND_BIGINT]        # Skip with a served id
    forged += [f"tx:stop:{bad}:0:0:" for bad in BEYOND_BIGINT]                # Stop with a session id
    for data in forged:
        await press_forged(fake, anya, card, data)
    home = await fake.next_message(anya.id)  # the fallback's start page, in place of the card
    assert home.is_edit and "Привет, Аня!" in home.plain_text
    assert await sql(empty_database, "SELECT count(*) FROM attempts") == [(0,)]
    assert await sql(empty_database, "SELECT count(*), count(finished_at) FROM training_sessions") == [(1, 0)]

    await anya.press(home, text="🎯 Тренировка")  # the same question again, and it can be answered
    again = await fake.next_message(anya.id)
    assert (await question_on(empty_database, again))["served"] == q["served"]
    verdict = await answer_on(fake, anya, again, q, right=True)
    assert "✅ Верно!" in verdict.plain_text
    no_apologies(fake, anya.id)


async def test_simulation_buttons_with_impossible_ids_are_outdated_and_change_nothing(bot_app,
                                                                                     empty_database):
    fake, anya, screen = await start_paper(bot_app, 4302)
    _, sim, _, pos = data_of(screen, "se:")
    forged = [f"sg:{bad}:1" for bad in BEYOND_BIGINT]            # ◀️ ▶️ with a paper id
    forged += [f"se:{bad}:finish:1" for bad in BEYOND_BIGINT]    # hand in a paper by id
    forged += [f"sp:economics:{bad}:1" for bad in BEYOND_BIGINT]  # start a paper by source id
    for data in forged:
        await press_forged(fake, anya, screen, data)
    home = await fake.next_message(anya.id)
    assert home.is_edit and "Привет, Аня!" in home.plain_text
    assert await sql(empty_database, "SELECT id::text, finished_at FROM simulations") == [(sim, None)]

    await anya.press(home, text="🏆 Симуляция олимпиады")  # the paper is resumed where it was
    resumed = await fake.next_message(anya.id)
    assert "⏳ Ваша работа ещё не сдана." in resumed.plain_text and f"Вопрос {pos} из 8" in resumed.plain_text
    no_apologies(fake, anya.id)


async def test_a_forged_toggle_on_an_answered_question_keeps_its_menu(bot_app, empty_database):
    """`tm:` data carries the marks itself: pressed on a message without such a button, it must not
    rebuild a multiple-choice keyboard (every option ticked) over that message's menu."""
    fake, anya, card = await start_training(bot_app, 4303)
    q = await question_on(empty_database, card)
    session = data_of(card, "tx:skip")[2]
    verdict = await answer_on(fake, anya, card, q, right=True)
    menu = verdict.button_texts
    edits = len(fake.calls("editMessageReplyMarkup"))
    await press_forged(fake, anya, verdict, f"tm:{session}:{q['served']}:5:999999:77:")
    await press_forged(fake, anya, verdict, f"tm:{session}:{q['served']}:4:3:-1:")  # a forged Done too
    assert len(fake.calls("editMessageReplyMarkup")) == edits
    shown = next(m for m in fake.chat_messages(anya.id) if m.message_id == verdict.message_id)
    assert [b.text for row in shown.buttons for b in row] == menu
    assert await sql(empty_database, "SELECT count(*) FROM attempts") == [(1,)]
    no_apologies(fake, anya.id)
