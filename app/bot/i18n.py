"""Gettext catalogs of the bot through aiogram's I18n; Russian is the default language.

Texts are English msgids marked with `_()` in app/bot/texts/. After changing a text:

    .venv/bin/pybabel extract -w 100 -k _ -o app/bot/locales/messages.pot app/bot
    .venv/bin/pybabel update -w 100 -i app/bot/locales/messages.pot -d app/bot/locales -D messages
    (translate the new entries in ru and en)
    .venv/bin/pybabel compile -d app/bot/locales -D messages

The compiled .mo files are committed; a test fails when a .po and its .mo differ.
"""
from __future__ import annotations

from pathlib import Path

from aiogram.types import User
from aiogram.utils.i18n import I18n

from actors.users.messages import Locale

LOCALES_DIR = Path(__file__).parent / "locales"
DOMAIN = "messages"
DEFAULT_LOCALE: Locale = "ru"
LOCALES: tuple[Locale, ...] = ("ru", "en")


def make_i18n() -> I18n:
    return I18n(path=LOCALES_DIR, default_locale=DEFAULT_LOCALE, domain=DOMAIN)


def telegram_locale(user: User | None) -> Locale:
    """The language of someone not registered yet: English for English clients, else Russian."""
    code = (user.language_code if user else None) or ""
    return "en" if code.lower().startswith("en") else DEFAULT_LOCALE
