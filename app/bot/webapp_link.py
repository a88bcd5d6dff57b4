"""The bot's two ways into the web app, both only when APO_WEBAPP_URL is set: the chat's menu button
(setChatMenuButton, once at start-up) and an "open the app" button on the start page.

Keyboards are built deep inside handlers; the URL reaches them through a context variable that an
outer middleware sets for each update, as aiogram's I18n does for the locale.
"""
from __future__ import annotations

from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from typing import Any

from aiogram import BaseMiddleware, Bot
from aiogram.types import InlineKeyboardButton, MenuButtonWebApp, TelegramObject, WebAppInfo
from aiogram.utils.i18n import I18n

from app.bot.i18n import DEFAULT_LOCALE
from app.bot.texts import menu as texts

WEBAPP_URL: ContextVar[str | None] = ContextVar("webapp_url", default=None)


class WebAppLink(BaseMiddleware):
    def __init__(self, url: str | None) -> None:
        self.url = url

    async def __call__(self, handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
                       event: TelegramObject, data: dict[str, Any]) -> Any:
        token = WEBAPP_URL.set(self.url)
        try:
            return await handler(event, data)
        finally:
            WEBAPP_URL.reset(token)


def open_app_button() -> InlineKeyboardButton | None:
    url = WEBAPP_URL.get()
    return InlineKeyboardButton(text=texts.open_app_button(), web_app=WebAppInfo(url=url)) if url else None


async def set_menu_button(bot: Bot, i18n: I18n, url: str) -> None:
    """The default menu button of every private chat (one text for all: the default language's)."""
    with i18n.context(), i18n.use_locale(DEFAULT_LOCALE):
        button = MenuButtonWebApp(text=texts.menu_button_app(), web_app=WebAppInfo(url=url))
    await bot.set_chat_menu_button(menu_button=button)
