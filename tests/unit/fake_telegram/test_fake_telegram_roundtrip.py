"""The real aiogram Bot + Dispatcher talk to the fake end to end."""

from __future__ import annotations

import asyncio

from aiogram import Bot, F, Router
from aiogram.filters import Command, CommandObject, CommandStart
from aiogram.types import (
    BufferedInputFile,
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
)

from tests.support.fake_telegram import Button, FakeTelegram


def echo_router() -> Router:
    router = Router(name="echo")

    @router.message(CommandStart())
    async def on_start(message: Message, command: CommandObject) -> None:
        keyboard = InlineKeyboardMarkup(inline_keyboard=[[
            InlineKeyboardButton(text="Train", callback_data="train:1"),
            InlineKeyboardButton(text="Site", url="https://example.org"),
        ]])
        await message.answer(f"Привет, <b>{message.from_user.first_name}</b>! code={command.args}",
                             parse_mode="HTML", reply_markup=keyboard)

    @router.callback_query(F.data.startswith("train:"))
    async def on_train(query: CallbackQuery) -> None:
        await query.answer("Поехали")
        await query.message.edit_text(f"Training #{query.data.split(':')[1]}")

    @router.message(Command("file"))
    async def on_file(message: Message) -> None:
        await message.answer_document(BufferedInputFile(b"col1;col2\n1;2\n", filename="report.csv"),
                                      caption="Отчёт")

    @router.message(F.document)
    async def on_document(message: Message, bot: Bot) -> None:
        data = await bot.download(message.document.file_id)
        await message.answer(f"got {message.document.file_name}: {data.read().decode()}")

    @router.message(F.text)
    async def on_text(message: Message) -> None:
        await message.answer(message.text)

    return router


async def test_text_and_button_round_trip(fake_telegram: FakeTelegram, start_polling) -> None:
    await start_polling(echo_router())
    anya = fake_telegram.user(1001, first_name="Аня")

    await anya.send("/start CODE42")
    greeting = await fake_telegram.next_message(anya.id)
    assert greeting.kind == "sendMessage"
    assert greeting.text == "Привет, <b>Аня</b>! code=CODE42"
    assert greeting.plain_text == "Привет, Аня! code=CODE42"
    assert greeting.parse_mode == "HTML"
    assert greeting.buttons == [[Button("Train", "train:1"), Button("Site", None)]]

    query_id = await anya.press(greeting, text="Train")
    edited = await fake_telegram.next_message(anya.id)
    assert (edited.kind, edited.message_id, edited.text, edited.buttons) == (
        "editMessageText", greeting.message_id, "Training #1", [])
    answer = await fake_telegram.wait_for_call("answerCallbackQuery")
    assert answer.params["callback_query_id"] == query_id
    assert fake_telegram.callback_answer(query_id)["text"] == "Поехали"

    await anya.send("echo me")
    assert (await anya.next_message()).text == "echo me"
    [start, greeting_now, echo_in, echo_out] = fake_telegram.chat_messages(anya.id)
    assert (start.from_bot, greeting_now.text, greeting_now.edited) == (False, "Training #1", True)
    assert (echo_in.text, echo_out.text) == ("echo me", "echo me")
    assert fake_telegram.sent_count(anya.id) == 2 and fake_telegram.sent_count() == 2


async def test_press_reports_missing_button_and_accepts_stale_messages(
        fake_telegram: FakeTelegram, start_polling) -> None:
    await start_polling(echo_router())
    user = fake_telegram.user(1002)
    await user.send("/start")
    greeting = await user.next_message()

    try:
        await user.press(greeting, text="Nope")
    except AssertionError as exc:
        assert "Train" in str(exc) and "Nope" in str(exc)
    else:  # pragma: no cover
        raise AssertionError("press() accepted a missing button")

    await user.press(greeting, data="train:1")
    await user.next_message()
    # The keyboard is gone after the edit, but the user still has the old view and presses again:
    # the bot gets the callback with the message's current state and copes (here: not modified).
    await user.press(greeting, text="Train")
    await fake_telegram.wait_for_call("editMessageText", lambda c: c.status == 400)
    assert fake_telegram.calls("editMessageText")[-1].error.startswith("Bad Request: message is not modified")


async def test_send_document_is_recorded_and_user_files_download(
        fake_telegram: FakeTelegram, start_polling) -> None:
    await start_polling(echo_router())
    user = fake_telegram.user(1003)

    await user.send("/file")
    report = await user.next_message()
    assert (report.kind, report.filename) == ("sendDocument", "report.csv")
    assert report.document == b"col1;col2\n1;2\n"
    assert report.text == "Отчёт" and report.mime_type == "text/csv"
    assert fake_telegram.calls("sendDocument")[0].params["document"].content == b"col1;col2\n1;2\n"

    await user.send_document(b"hello from user", "notes.txt")
    reply = await user.next_message()
    assert reply.text == "got notes.txt: hello from user"
    assert [c.status for c in fake_telegram.calls("getFile")] == [200]


async def test_odd_raw_update_does_not_stop_the_bot(fake_telegram: FakeTelegram, start_polling) -> None:
    await start_polling(echo_router())
    user = fake_telegram.user(1004)
    # No sender, no text, date 0: valid for aiogram, matched by no handler, answered by nothing.
    await user.send_raw({"message": {"message_id": 999, "date": 0,
                                     "chat": {"id": user.id, "type": "private"}}})
    await fake_telegram.assert_no_message(user.id, within=0.2)
    await user.send("still here")
    assert (await user.next_message()).text == "still here"


async def test_mailing_of_two_thousand_messages(fake_telegram: FakeTelegram, bot: Bot) -> None:
    recipients = range(10_000, 12_000)
    gate = asyncio.Semaphore(20)

    async def deliver(chat_id: int) -> None:
        async with gate:
            await bot.send_message(chat_id, f"Новая задача для {chat_id}")

    await asyncio.gather(*(deliver(chat_id) for chat_id in recipients))
    assert fake_telegram.sent_count() == 2000
    assert fake_telegram.chat_messages(11_999)[0].text == "Новая задача для 11999"
