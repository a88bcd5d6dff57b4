"""Message shapes and the checks Telegram makes on what the bot sends."""

from __future__ import annotations

import pytest
from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import BotCommand, BotCommandScopeAllPrivateChats, BufferedInputFile

from tests.support.fake_telegram import FakeTelegram


async def test_html_is_parsed_into_plain_text_and_entities(fake_telegram: FakeTelegram, bot: Bot) -> None:
    message = await bot.send_message(6001, "<b>Верно</b> 😀 <a href='https://x.org'>link</a> &lt;3",
                                     parse_mode="HTML")
    assert message.text == "Верно 😀 link <3"
    assert [(e.type, e.offset, e.length) for e in message.entities] == [("bold", 0, 5), ("text_link", 9, 4)]
    assert message.html_text == '<b>Верно</b> 😀 <a href="https://x.org">link</a> &lt;3'
    assert message.chat.type == "private" and message.from_user.id == fake_telegram.bot_id
    second = await bot.send_message(6001, "next")
    assert second.message_id == message.message_id + 1


@pytest.mark.parametrize(("text", "reason"), [
    ("a < b", "can't parse entities"),
    ("<b>bold", 'Can\'t find end tag corresponding to start tag "b"'),
    ("<blink>x</blink>", 'Unsupported start tag "blink"'),
    ("", "message text is empty"),
    ("x" * 4097, "message is too long"),
])
async def test_invalid_text_is_rejected(fake_telegram: FakeTelegram, bot: Bot, text: str,
                                        reason: str) -> None:
    with pytest.raises(TelegramBadRequest, match=reason):
        await bot.send_message(6002, text, parse_mode="HTML")
    assert fake_telegram.sent_count() == 0


async def test_keyboards_edits_and_deletes(fake_telegram: FakeTelegram, bot: Bot) -> None:
    chat = 6003
    with pytest.raises(TelegramBadRequest, match="BUTTON_DATA_INVALID"):
        await bot.send_message(chat, "q", reply_markup={"inline_keyboard": [[
            {"text": "long", "callback_data": "x" * 65}]]})
    keyboard = {"inline_keyboard": [[{"text": "A", "callback_data": "a"}]]}
    sent = await bot.send_message(chat, "question", reply_markup=keyboard)
    assert sent.reply_markup.inline_keyboard[0][0].callback_data == "a"

    with pytest.raises(TelegramBadRequest, match="message is not modified"):
        await bot.edit_message_text("question", chat_id=chat, message_id=sent.message_id,
                                    reply_markup=keyboard)
    await bot.edit_message_reply_markup(chat_id=chat, message_id=sent.message_id, reply_markup=None)
    edited = await bot.edit_message_text("answered", chat_id=chat, message_id=sent.message_id)
    assert edited.edit_date is not None
    outputs = [(o.kind, o.text, o.button_texts) for o in fake_telegram.outputs(chat)]
    assert outputs == [("sendMessage", "question", ["A"]), ("editMessageReplyMarkup", "question", []),
                       ("editMessageText", "answered", [])]

    assert await bot.delete_message(chat, sent.message_id) is True
    assert fake_telegram.chat_messages(chat) == []
    with pytest.raises(TelegramBadRequest, match="message to edit not found"):
        await bot.edit_message_text("gone", chat_id=chat, message_id=sent.message_id)
    with pytest.raises(TelegramBadRequest, match="message to delete not found"):
        await bot.delete_message(chat, sent.message_id)


async def test_photo_and_file_download_by_the_bot(fake_telegram: FakeTelegram, bot: Bot) -> None:
    photo = await bot.send_photo(6004, BufferedInputFile(b"\x89PNG fake", "chart.png"),
                                 caption="<i>chart</i>",
                                 parse_mode="HTML")
    assert photo.caption == "chart" and photo.photo[-1].width == 800
    output = await fake_telegram.next_message(6004)
    assert (output.kind, output.photo, output.plain_text) == ("sendPhoto", b"\x89PNG fake", "chart")
    downloaded = await bot.download(photo.photo[-1].file_id)
    assert downloaded.read() == b"\x89PNG fake"
    with pytest.raises(TelegramBadRequest, match="invalid file_id"):
        await bot.get_file("nope")


async def test_commands_per_scope_and_language(fake_telegram: FakeTelegram, bot: Bot) -> None:
    commands = [BotCommand(command="start", description="Начать"),
                BotCommand(command="train", description="Тренировка")]
    await bot.set_my_commands(commands, scope=BotCommandScopeAllPrivateChats(), language_code="ru")
    assert await bot.get_my_commands() == []
    got = await bot.get_my_commands(scope=BotCommandScopeAllPrivateChats(), language_code="ru")
    assert [c.command for c in got] == ["start", "train"]
    assert fake_telegram.commands({"type": "all_private_chats"}, "ru")[1]["description"] == "Тренировка"
    with pytest.raises(TelegramBadRequest, match="BOT_COMMAND_INVALID"):
        await bot.set_my_commands([BotCommand(command="Bad-Command", description="x")])
