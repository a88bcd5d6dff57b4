"""The Bot API session keeps aiogram's reply models alive (pydantic caches generic models weakly)."""
from __future__ import annotations

import gc
import weakref

from aiogram.methods.base import Response, TelegramMethod
from aiogram.types import TelegramObject

from app.bot.session import PinResponseModels


class Echo(TelegramObject):
    """A reply type no other code parametrizes Response with, so only this test can keep it alive."""
    text: str


class GetEcho(TelegramMethod[Echo]):
    __returning__ = Echo
    __api_method__ = "getEcho"


class GetOtherEcho(TelegramMethod[list[Echo]]):
    __returning__ = list[Echo]
    __api_method__ = "getOtherEcho"


async def make_request(bot, method):
    return "sent"


def survives_collection(returning: object) -> bool:
    model = weakref.ref(Response[returning])
    gc.collect()
    return model() is not None


async def test_a_methods_reply_model_survives_garbage_collection_once_the_method_was_called():
    assert not survives_collection(list[Echo])  # the check can fail: unpinned, the model is gone
    pin = PinResponseModels()
    assert await pin(make_request, None, GetEcho()) == "sent"
    assert survives_collection(Echo)
    assert await pin(make_request, None, GetOtherEcho()) == "sent"
    assert survives_collection(list[Echo])
