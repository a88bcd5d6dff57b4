"""The main menu (built from app/bot/menu.MAIN_MENU) and the small navigation keyboards."""
from __future__ import annotations

from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from actors.users.messages import UserView
from app.bot.keyboards.callbacks import MenuCallback, RegisterCallback
from app.bot.menu import MAIN_MENU
from app.bot.texts import common
from app.bot.webapp_link import open_app_button

PER_ROW = 2


def main_menu(user: UserView) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    for item in MAIN_MENU:
        if item.visible(user):
            kb.button(text=item.label(), callback_data=MenuCallback(screen=item.screen))
    kb.adjust(PER_ROW)
    if (open_app := open_app_button()) is not None:
        kb.row(open_app)
    return kb.as_markup()


def back_to_menu() -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    kb.button(text=common.menu_button(), callback_data=MenuCallback(screen="main"))
    return kb.as_markup()


def register() -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    kb.button(text=common.register_button(), callback_data=RegisterCallback(action="begin"))
    return kb.as_markup()
