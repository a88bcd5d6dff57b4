"""Deleting the account from the cabinet: the button, the confirmation, the farewell."""
from __future__ import annotations

from aiogram.utils.i18n import gettext as _


def button() -> str:
    return _("🗑 Delete account")


def confirm() -> str:
    return "\n\n".join([
        _("<b>Delete your account?</b>"),
        _("This deletes for good: your profile, progress and answers, statistics, ratings, the mistakes "
          "queue, reminders and API access (email, password, tokens)."),
        _("This cannot be undone."),
    ])


def confirm_button() -> str:
    return _("Delete for good")


def deleted() -> str:
    return _("Your account has been deleted. Send /start to begin anew.")


def account_gone() -> str:
    return _("This account no longer exists. Send /start to begin anew.")
