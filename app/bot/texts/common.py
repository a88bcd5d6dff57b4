"""Texts shared by several screens: buttons, grades, languages, guidance."""
from __future__ import annotations

import html

from aiogram.utils.i18n import gettext as _

from actors.users.messages import Grade


def quote(value: str) -> str:
    """A user's value made safe for parse_mode=HTML."""
    return html.escape(value, quote=False)


def grade_label(grade: Grade | None) -> str:
    if grade is None:
        return _("not set")
    if grade is Grade.STUDENT:
        return _("Student")
    if grade is Grade.TEACHER:
        return _("Teacher")
    return _("Grade {number}").format(number=grade.value)


def language_name(locale: str) -> str:
    # Endonyms: each language is named in itself, whatever the current language is.
    return {"ru": "Русский", "en": "English"}.get(locale, locale)


def back_button() -> str:
    return _("« Back")


def menu_button() -> str:
    return _("« Menu")


def cancel_button() -> str:
    return _("Cancel")


def register_button() -> str:
    return _("Register")


def register_first() -> str:
    return _("You are not registered yet. It takes half a minute: press the button below.")


def register_first_alert() -> str:
    return _("Please register first.")


def slow_down() -> str:
    return _("Too many messages at once. Please wait a few seconds.")


def unknown_command() -> str:
    return _("I don't know this command. See /help.")


def not_understood() -> str:
    return _("I didn't understand that. Here is the menu.")


def edits_not_read() -> str:
    return _("✏️ I don't see edits of sent messages. Please send the corrected text as a new message.")


def outdated_button() -> str:
    return _("This button is no longer active.")
