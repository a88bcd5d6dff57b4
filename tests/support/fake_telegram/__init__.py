"""A fake Telegram Bot API server for end-to-end bot tests.

    fake = FakeTelegram()                       # token "123456:TEST-TOKEN"
    await fake.start()                          # fake.base_url = "http://127.0.0.1:<port>"
    bot = Bot(fake.token, session=fake_session(fake.base_url))
    ...dispatcher polls it...
    anya = fake.user(1001, first_name="Аня")
    await anya.send("/start")
    reply = await fake.next_message(anya.id)    # BotOutput: kind, text, buttons, document...
    await anya.press(reply, text="Train")
    await fake.stop()

Modules: ``server`` (FakeTelegram: state, HTTP, test handles), ``methods`` (Bot API semantics),
``updates`` (getUpdates queue), ``users`` (scripted users), ``chats`` (per-chat messages and
outputs), ``faults`` (failures, blocking, rate limits), ``formatting`` (HTML parse mode),
``params`` (request decoding), ``models`` (records), ``aiogram_session`` and ``fixtures``.
"""

from .aiogram_session import LocalAiohttpSession, fake_session
from .errors import ApiError
from .models import BotOutput, Button, Call, ChatMessage, StoredFile, Upload
from .server import DEFAULT_TOKEN, FakeTelegram
from .users import CallbackQueryRecord, FakeUser

__all__ = [
    "DEFAULT_TOKEN", "ApiError", "BotOutput", "Button", "Call", "CallbackQueryRecord", "ChatMessage",
    "FakeTelegram", "FakeUser", "LocalAiohttpSession", "StoredFile", "Upload", "fake_session",
]
