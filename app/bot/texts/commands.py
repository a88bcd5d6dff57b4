"""Descriptions of the bot's commands (setMyCommands), in the order Telegram shows them."""
from __future__ import annotations

from aiogram.utils.i18n import gettext as _


def descriptions() -> list[tuple[str, str]]:
    return [
        ("start", _("Start or restart")),
        ("menu", _("Main menu")),
        ("train", _("Train on questions")),
        ("cabinet", _("Personal cabinet")),
        ("mistakes", _("Work on mistakes")),
        ("stop_reminders", _("Turn off daily reminders")),
        ("help", _("Help")),
    ]
