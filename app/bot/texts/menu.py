"""The start page: greeting and the main menu's button labels."""
from __future__ import annotations

from aiogram.utils.i18n import gettext as _

from app.bot.texts.common import quote


def greeting(name: str) -> str:
    return _("<b>Hello, {name}!</b>\nChoose what to do next:").format(name=quote(name))


def cabinet_button() -> str:
    return _("👤 Cabinet")


def help_button() -> str:
    return _("❓ Help")


def open_app_button() -> str:
    return _("📱 Open the app")


def menu_button_app() -> str:
    return _("App")
