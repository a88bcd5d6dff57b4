"""Screens (text + keyboard) shared by several routers, and `show`, which puts one on the chat.

Menu screens edit the pressed message in place; a command, or a button on a message that can no
longer be edited (deleted, too old), gets a new message instead.
"""
from __future__ import annotations

from dataclasses import dataclass

from aiogram.exceptions import TelegramBadRequest
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from loguru import logger

from actors.adaptive.messages import UserRatings
from actors.users.messages import UserView
from app.bot.keyboards import cabinet as cabinet_kb
from app.bot.keyboards import menu as menu_kb
from app.bot.texts import cabinet as cabinet_texts
from app.bot.texts import help as help_texts
from app.bot.texts import menu as menu_texts


@dataclass(frozen=True)
class Screen:
    text: str
    markup: InlineKeyboardMarkup | None = None


def home(user: UserView, notice: str | None = None) -> Screen:
    text = menu_texts.greeting(user.display_name)
    return Screen(f"{notice}\n\n{text}" if notice else text, menu_kb.main_menu(user))


def cabinet(user: UserView, notice: str | None = None, ratings: UserRatings | None = None) -> Screen:
    return Screen(cabinet_texts.profile(user, notice, ratings), cabinet_kb.cabinet_menu(user))


def help_screen(user: UserView | None) -> Screen:
    return Screen(help_texts.text(), menu_kb.back_to_menu() if user else menu_kb.register())


async def show(event: Message | CallbackQuery, screen: Screen) -> None:
    if isinstance(event, Message):
        await event.answer(screen.text, reply_markup=screen.markup)
        return
    message = event.message
    if isinstance(message, Message):
        try:
            await message.edit_text(screen.text, reply_markup=screen.markup)
            return
        except TelegramBadRequest as error:
            if "not modified" in error.message:  # the same screen again (a double tap)
                return
            logger.debug("cannot edit message {}: {}; sending a new one", message.message_id, error.message)
    await event.bot.send_message(event.from_user.id, screen.text, reply_markup=screen.markup)
