"""The real aiogram bot against the fake Telegram under odd input: odd but parseable updates,
unknown data, buttons of deleted or long-gone messages. The bot never apologises for a bug, never
logs an error, and loses no state: a registration dialog in progress completes afterwards, and a
stale button changes nothing."""
from __future__ import annotations

import time

import pytest

from tests.e2e.bot.helpers import open_cabinet, register
from tests.reliability.bot_helpers import (
    NOT_UNDERSTOOD,
    OUTDATED,
    STICKER,
    answer_of,
    apologies,
    menu,
    message,
)


@pytest.mark.filterwarnings("ignore:Detected unknown update type:RuntimeWarning")  # aiogram, as expected
async def test_odd_updates_are_handled_and_a_dialog_in_progress_survives_them(bot_app, errors_logged):
    fake, anya, boris = bot_app.fake, bot_app.user(9101), bot_app.user(9102, first_name="Борис")
    await register(fake, anya)
    await boris.send("/start")  # boris is in the middle of registering: asked for his name
    ask_name = await boris.next_message()

    replies = {  # update -> the start of what anya should see (None: nothing at all)
        "unknown fields": ({"message": message(fake, anya, text="привет", field_from_2030={"x": [1]}),
                            "another_new_field": 5}, NOT_UNDERSTOOD),
        "no text at all": ({"message": message(fake, anya)}, NOT_UNDERSTOOD),
        "a sticker": ({"message": message(fake, anya, sticker=STICKER)}, NOT_UNDERSTOOD),
        "a location": ({"message": message(fake, anya, location={"latitude": 55.7, "longitude": 37.6})},
                       NOT_UNDERSTOOD),
        "an entity past the end": ({"message": message(fake, anya, text="", entities=[
            {"type": "bold", "offset": 5, "length": 9}])}, NOT_UNDERSTOOD),
        "an edited message": ({"edited_message": message(fake, anya, text="/start", edit_date=int(time.time()))},
                              "✏️ Изменения уже отправленных сообщений я не вижу"),  # not acted on, but said
        "an unknown update type": ({"update_from_2030": {"a": 1}}, None),
        "a channel post": ({"channel_post": {"message_id": 5, "date": int(time.time()), "text": "hi",
                                             "chat": {"id": -10012, "type": "channel", "title": "c"}}}, None),
        "a very long deep link": ({"message": message(fake, anya, text="/start " + "x" * 500, entities=[
            {"type": "bot_command", "offset": 0, "length": 6}])}, "Эта ссылка устарела"),
    }
    for name, (update, expected) in replies.items():
        await anya.send_raw(update)
        if expected is None:
            await fake.assert_no_message(anya.id, within=0.4)
        else:
            assert (await anya.next_message()).plain_text.startswith(expected), name
    while True:  # the deep link also shows the start page; drain what is left
        try:
            await anya.next_message(timeout=0.3)
        except AssertionError:
            break

    # Buttons: unknown data, no data, a message that no longer exists, an inline message.
    home = await menu(anya)
    query = await anya.press(home, data="nosuch:feature:1", force=True)
    assert (await answer_of(fake, query))["text"] == OUTDATED
    await fake.assert_no_message(anya.id)  # already the start page: nothing to change
    query = await anya.press(987654, data="nosuch:feature:2", force=True)  # deleted since
    assert "Привет, Аня!" in (await anya.next_message()).plain_text  # a new start page instead
    assert (await answer_of(fake, query))["text"] == OUTDATED
    no_data = fake.new_callback_query(anya.id, home.message_id, None)
    await anya.send_raw({"callback_query": {"id": no_data, "from": anya.as_user(), "chat_instance": "1",
                                            "message": fake.chat_for(anya).messages[home.message_id].raw,
                                            "game_short_name": "chess"}})
    assert (await answer_of(fake, no_data))["text"] == OUTDATED
    inline = fake.new_callback_query(anya.id, 0, "menu:cabinet")
    await anya.send_raw({"callback_query": {"id": inline, "from": anya.as_user(), "chat_instance": "1",
                                            "inline_message_id": "AgAAAMk", "data": "menu:cabinet"}})
    await answer_of(fake, inline)  # answered, so the button stops spinning

    # Boris's dialog is where he left it: odd input is explained, then his name and grade complete it.
    await boris.send_raw({"message": message(fake, boris, sticker=STICKER)})
    assert "текстом" in (await boris.next_message()).plain_text
    await boris.press(ask_name, text="Оставить «Борис»")
    ask_grade = await boris.next_message()
    await boris.press(ask_grade, text="8 класс")
    assert "Привет, Борис!" in (await boris.next_message()).plain_text

    assert apologies(fake) == [] and errors_logged() == []


async def test_stale_buttons_from_an_old_message_change_nothing(bot_app, errors_logged):
    fake, anya = bot_app.fake, bot_app.user(9201)
    await anya.send("/start")
    ask_name = await anya.next_message()
    await anya.press(ask_name, data="reg:tg_name")
    ask_grade = await anya.next_message()  # a snapshot of the registration screen, kept by the user
    await anya.press(ask_grade, text="9 класс")
    cabinet = await open_cabinet(fake, anya, await anya.next_message())
    await anya.press(cabinet, text="🎓 Класс")
    await anya.press(await anya.next_message(), text="10 класс")
    assert "Класс: 10 класс" in (await anya.next_message()).plain_text

    # Buttons of the registration screens, long over (the message shows the cabinet by now).
    query = await anya.press(ask_grade, text="5 класс")
    assert "Привет, Аня!" in (await anya.next_message()).plain_text
    assert (await answer_of(fake, query))["text"] == OUTDATED
    query = await anya.press(ask_name, text="Оставить «Аня»")
    assert (await answer_of(fake, query))["text"] == OUTDATED
    await fake.assert_no_message(anya.id)  # it shows the start page already
    await anya.send("/cabinet")
    profile = (await anya.next_message()).plain_text
    assert "Имя: Аня" in profile and "Класс: 10 класс" in profile  # not registered again, grade kept
    assert apologies(fake) == [] and errors_logged() == []
