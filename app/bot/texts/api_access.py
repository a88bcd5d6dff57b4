"""Getting an email and password for the REST API from the bot cabinet."""
from __future__ import annotations

from aiogram.utils.i18n import gettext as _

from app.bot.texts.common import quote
from app.bot.validation import PasswordProblem


def ask_email() -> str:
    return _("<b>API access</b>\nWith an email and a password you can use the same account "
             "through the REST API.\n\nSend your email.")


def bad_email() -> str:
    return _("This does not look like an email address. Send it again, e.g. name@example.org.")


def ask_password() -> str:
    return _("Now send a password: 8 to 128 characters. "
             "I will delete your message right after reading it.")


def password_problem(problem: PasswordProblem) -> str:
    if problem == "too_long":
        return _("This password is too long: at most 128 characters. Send another one.")
    if problem == "common":
        return _("This password is one of the most common ones in known leaks and is easy to guess. "
                 "Send another one.")
    return _("This password is too short: at least 8 characters. Send another one.")


def delete_failed() -> str:
    return _("I could not delete your message with the password: please delete it yourself.")


def how_to_log_in(email: str) -> str:
    return _("Login: <b>{email}</b>\nGet a token with <code>POST /api/v1/auth/login</code> "
             "(email and password) and send it as <code>Authorization: Bearer &lt;token&gt;</code>. "
             "The API documentation is at /api/docs.").format(email=quote(email))


def done(email: str) -> str:
    return _("✅ API access is ready.") + "\n" + how_to_log_in(email)


def has_access(email: str) -> str:
    return _("<b>API access</b> is set up.") + "\n" + how_to_log_in(email)
