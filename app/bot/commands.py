"""The commands menu (setMyCommands): Russian by default, English for English clients and for
chats whose user chose English in the cabinet."""
from __future__ import annotations

from aiogram import Bot
from aiogram.types import BotCommand, BotCommandScopeChat
from aiogram.utils.i18n import I18n

from app.bot.i18n import DEFAULT_LOCALE, LOCALES
from app.bot.texts import commands as texts


def bot_commands(i18n: I18n, locale: str) -> list[BotCommand]:
    with i18n.context(), i18n.use_locale(locale):
        return [BotCommand(command=name, description=text) for name, text in texts.descriptions()]


async def set_default_commands(bot: Bot, i18n: I18n) -> None:
    for locale in LOCALES:
        language = None if locale == DEFAULT_LOCALE else locale
        await bot.set_my_commands(bot_commands(i18n, locale), language_code=language)


async def set_chat_commands(bot: Bot, i18n: I18n, chat_id: int, locale: str) -> None:
    await bot.set_my_commands(bot_commands(i18n, locale), scope=BotCommandScopeChat(chat_id=chat_id))
