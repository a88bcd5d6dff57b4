"""Inner, callback queries: every press is answered after its handler, so buttons never spin.

Handlers and inner middlewares may set a text through the `callback_answer` they get. When the
handler fails, the error aspect answers instead (with the error's text).
"""
from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import CallbackQuery, TelegramObject
from aiogram.utils.callback_answer import CallbackAnswer


class AnswerCallbacks(BaseMiddleware):
    async def __call__(self, handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
                       event: TelegramObject, data: dict[str, Any]) -> Any:
        assert isinstance(event, CallbackQuery)
        answer = data["callback_answer"] = CallbackAnswer(answered=False)
        result = await handler(event, data)
        if not answer.disabled:
            await event.answer(text=answer.text, show_alert=answer.show_alert)
        return result
