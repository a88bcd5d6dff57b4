"""Shared by the bot reliability tests: hand-made updates, callback answers, what users read."""
from __future__ import annotations

import asyncio
import time

from tests.support.fake_telegram import BotOutput, FakeTelegram, FakeUser

APOLOGY = "Извините, у нас что-то пошло не так"
NOT_UNDERSTOOD = "Я не понял сообщение"
OUTDATED = "Эта кнопка больше не действует."
SLOW_DOWN = "Слишком много сообщений"
STICKER = {"file_id": "s1", "file_unique_id": "u1", "type": "regular", "width": 512, "height": 512,
           "is_animated": False, "is_video": False}


def message(fake: FakeTelegram, user: FakeUser, **fields) -> dict:
    """A private-chat message from `user` as Telegram would put it in an update, with `fields`."""
    chat = fake.chat_for(user)
    return {"message_id": chat.new_message_id(), "from": user.as_user(), "chat": chat.info,
            "date": int(time.time()), **fields}


async def menu(user: FakeUser) -> BotOutput:
    await user.send("/menu")
    return await user.next_message()


async def answer_of(fake: FakeTelegram, query_id: str) -> dict:
    """The bot's answerCallbackQuery params for this press, waiting up to 3 s for it."""
    for _ in range(300):
        if (answer := fake.callback_answer(query_id)) is not None:
            return answer
        await asyncio.sleep(0.01)
    raise AssertionError(f"callback query {query_id} was never answered")


def apologies(fake: FakeTelegram) -> list[str]:
    """Every "sorry, something went wrong" the bot said to anyone: each one is a bug."""
    said = [o.plain_text or "" for chat in list(fake.chats) for o in fake.outputs(chat)]
    return [text for text in said if APOLOGY in text]
