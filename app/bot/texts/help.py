"""/help."""
from __future__ import annotations

from aiogram.utils.i18n import gettext as _


def text() -> str:
    return _("<b>APO Trainer</b> helps you prepare for school olympiads.\n\n"
             "/start: register or open the start page\n"
             "/menu: the main menu\n"
             "/train: train on questions (goes on with the current session)\n"
             "/cabinet: your profile, language and API access\n"
             "/mistakes: work on mistakes (reviews that are due)\n"
             "/stop_reminders: turn off daily reminders\n"
             "/help: this help\n\n"
             "The same account works in the REST API: set up API access in the cabinet, "
             "or link an API account with the link the app gives you.")
