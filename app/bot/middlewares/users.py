"""Who is writing: the registered user is loaded once per update (outer), and handlers flagged
`requires_user` get it as `user` or the person is guided to registration (inner)."""
from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.dispatcher.flags import get_flag
from aiogram.types import CallbackQuery, Message, TelegramObject
from loguru import logger

from actors.runtime import ActorError, ActorSystem, trace_scope
from actors.users.messages import GetUserByTelegram, UserView
from app.bot.keyboards import menu as menu_kb
from app.bot.texts import common
from storage.postgres import StoreUnavailable

Handler = Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]]


class UserLoader(BaseMiddleware):
    """Outer: data["known_user"] = UserView | None. A failed lookup is left to RequireUser."""

    def __init__(self, system: ActorSystem) -> None:
        self.system = system

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        person = data.get("event_from_user")
        if person is None or person.is_bot:
            return await handler(event, data)
        try:
            user: UserView | None = await self.system.ask(GetUserByTelegram(telegram_id=person.id))
        except (ActorError, StoreUnavailable) as error:
            logger.warning("user lookup failed: {}", type(error).__name__)
            return await handler(event, data)
        data["known_user"] = user
        if user is None:
            return await handler(event, data)
        data["update_note"].user_id = user.id
        with trace_scope(user_id=user.id):
            return await handler(event, data)


class RequireUser(BaseMiddleware):
    """Inner. Flag `requires_user`: passes `user`, or answers with a way to register.
    Flag `knows_user`: passes `known_user` (None: not registered), never a guess after a failed lookup.
    """

    def __init__(self, system: ActorSystem) -> None:
        self.system = system

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        required = get_flag(data, "requires_user")
        if not (required or get_flag(data, "knows_user")):
            return await handler(event, data)
        if "known_user" not in data:  # the loader's lookup failed: ask again; a failure now
            data["known_user"] = await self._lookup(data)  # reaches the error aspect ("try again")
        user = data["known_user"]
        if not required:
            return await handler(event, data)
        if user is None:
            data["update_note"].outcome = "unregistered"
            await _guide_to_registration(event, data)
            return None
        data["user"] = user
        return await handler(event, data)

    async def _lookup(self, data: dict[str, Any]) -> UserView | None:
        person = data.get("event_from_user")
        return await self.system.ask(GetUserByTelegram(telegram_id=person.id)) if person else None


async def _guide_to_registration(event: TelegramObject, data: dict[str, Any]) -> None:
    if isinstance(event, CallbackQuery):
        data["callback_answer"].text = common.register_first_alert()
        await event.bot.send_message(event.from_user.id, common.register_first(),
                                     reply_markup=menu_kb.register())
    elif isinstance(event, Message):
        await event.answer(common.register_first(), reply_markup=menu_kb.register())
