"""The registration dialog and name checks (also used when the name is edited in the cabinet)."""
from __future__ import annotations

from aiogram.utils.i18n import gettext as _

from app.bot.texts.common import quote
from app.bot.validation import NameProblem


def ask_name() -> str:
    return _("<b>Welcome to APO Trainer!</b>\n"
             "Here you practise olympiad questions: economics, geography, languages and more.\n\n"
             "How should we call you? Press the button or send a name (up to 64 characters).")


def use_name_button(name: str) -> str:
    return _("Use «{name}»").format(name=name)


def name_problem(problem: NameProblem) -> str:
    if problem == "too_long":
        return _("This name is too long: at most 64 characters, please. Send another one.")
    if problem == "invisible":
        return _("The name must not contain control or invisible characters. Send another one.")
    return _("The name must not be empty. Send a name.")


def name_as_text() -> str:
    return _("Please send the name as a text message.")


def ask_grade(name: str) -> str:
    return _("Nice to meet you, {name}! Which grade are you in?").format(name=quote(name))


def use_grade_buttons() -> str:
    return _("Please choose your grade with the buttons below.")
