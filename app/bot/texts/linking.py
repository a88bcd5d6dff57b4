"""Linking this Telegram user to a REST account through a deep link (/start <code>)."""
from __future__ import annotations

from aiogram.utils.i18n import gettext as _

from app.bot.texts.common import quote


def linked(email: str | None) -> str:
    return _("Done: your Telegram is now linked to the account <b>{email}</b>.").format(
        email=quote(email or "—"))
