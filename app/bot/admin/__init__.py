"""The bot's admin screens: /mailing, /export, and question import by sending a document.

Admins only: every handler has the IsAdmin filter, so for anyone else nothing here matches and
the update goes on to the next routers (an unknown command stays an unknown command).

    from app.bot import admin
    admin.make_router()   # include it before the fallback router
"""
from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import Router
from aiogram.types import TelegramObject

from app.bot.admin import export, mailing, upload
from app.bot.admin.progress import ProgressBoard


def make_router() -> Router:
    """A fresh router (one per dispatcher) with its own progress board, closed when polling stops."""
    board = ProgressBoard()
    router = Router(name=__name__)

    async def with_board(handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
                         event: TelegramObject, data: dict[str, Any]) -> Any:
        data["board"] = board  # reaches the handlers below as the `board` parameter
        return await handler(event, data)

    router.message.middleware(with_board)
    router.callback_query.middleware(with_board)
    router.shutdown.register(board.close)
    router.include_routers(mailing.make_router(), export.make_router(), upload.make_router())
    return router
