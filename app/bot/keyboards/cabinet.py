"""The cabinet's keyboards."""
from __future__ import annotations

from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from actors.users.messages import UserView
from app.bot.i18n import LOCALES
from app.bot.keyboards.callbacks import CabinetCallback, LocaleCallback, MenuCallback
from app.bot.texts import account_deletion, cabinet, common, reminders


def cabinet_menu(user: UserView) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    kb.button(text=cabinet.name_button(), callback_data=CabinetCallback(action="name"))
    kb.button(text=cabinet.grade_button(), callback_data=CabinetCallback(action="grade"))
    for locale in LOCALES:
        if locale != user.locale:
            kb.button(text=cabinet.language_button(locale), callback_data=LocaleCallback(locale=locale))
    kb.button(text=reminders.button(), callback_data=CabinetCallback(action="remind"))
    kb.button(text=cabinet.api_button(), callback_data=CabinetCallback(action="api"))
    kb.button(text=account_deletion.button(), callback_data=CabinetCallback(action="delete"))
    kb.button(text=common.back_button(), callback_data=MenuCallback(screen="main"))
    kb.adjust(2, 1, 1, 1, 1, 1)
    return kb.as_markup()


def confirm_deletion() -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    kb.button(text=account_deletion.confirm_button(), callback_data=CabinetCallback(action="delete_yes"))
    kb.button(text=common.cancel_button(), callback_data=MenuCallback(screen="cabinet"))
    return kb.as_markup()


def back_to_cabinet() -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    kb.button(text=common.back_button(), callback_data=MenuCallback(screen="cabinet"))
    return kb.as_markup()


def cancel_to_cabinet() -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    kb.button(text=common.cancel_button(), callback_data=MenuCallback(screen="cabinet"))
    return kb.as_markup()
