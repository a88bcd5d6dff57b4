"""i18n (outer): the registered user's stored language, else English for English Telegram clients,
else Russian."""
from __future__ import annotations

from typing import Any

from aiogram.types import TelegramObject
from aiogram.utils.i18n import I18nMiddleware

from app.bot.i18n import telegram_locale


class UserLocale(I18nMiddleware):
    async def get_locale(self, event: TelegramObject, data: dict[str, Any]) -> str:
        user = data.get("known_user")
        if user is not None:
            return user.locale
        return telegram_locale(data.get("event_from_user"))
