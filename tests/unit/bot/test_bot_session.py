"""The Bot API session keeps aiogram's reply models alive (pydantic caches generic models weakly)."""
from __future__ import annotations

import gc
import weakref

from aiogram.methods import EditMessageReplyMarkup, SendMessage
from aiogram.methods.base import Response

from app.bot.session import PinResponseModels


async def test_a_methods_reply_model_survives_garbage_collection_once_the_method_was_called():
    pin = PinResponseModels()

    async def make_request(bot, method):
        return "sent"

    async def unpinned(bot, method):  # the check can fail: without the middleware the model is gone
        model = weakref.ref(Response[method.__returning__])
        gc.collect()
        return model()

    assert await unpinned(None, SendMessage(chat_id=1, text="hi")) is None
    for method in (SendMessage(chat_id=1, text="hi"), EditMessageReplyMarkup(chat_id=1, message_id=2)):
        assert await pin(make_request, None, method) == "sent"
        model = weakref.ref(Response[method.__returning__])
        gc.collect()
        assert model() is not None and Response[method.__returning__] is model()  # not built again
