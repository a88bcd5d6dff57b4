"""Registration: the prefilled name button and the grade keyboard (shared with the cabinet)."""
from __future__ import annotations

from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from actors.users.messages import Grade
from app.bot.keyboards.callbacks import GradeCallback, MenuCallback, RegisterCallback
from app.bot.texts import common, registration

MAX_NAME_IN_BUTTON = 32


def name_choice(suggested: str | None) -> InlineKeyboardMarkup | None:
    if not suggested:
        return None
    if len(suggested) > MAX_NAME_IN_BUTTON:
        suggested = suggested[:MAX_NAME_IN_BUTTON - 1] + "…"
    kb = InlineKeyboardBuilder()
    kb.button(text=registration.use_name_button(suggested), callback_data=RegisterCallback(action="tg_name"))
    return kb.as_markup()


def grades(purpose: str, back_to: str | None = None) -> InlineKeyboardMarkup:
    """Grades 5..11 on two rows, then student and teacher; `back_to` adds a Back button to that screen."""
    kb = InlineKeyboardBuilder()
    for grade in Grade:
        kb.button(text=common.grade_label(grade), callback_data=GradeCallback(purpose=purpose, grade=grade))
    sizes = [4, 3, 2]
    if back_to is not None:
        kb.button(text=common.back_button(), callback_data=MenuCallback(screen=back_to))
        sizes.append(1)
    kb.adjust(*sizes)
    return kb.as_markup()
