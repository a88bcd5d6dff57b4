"""Keyboards of the statistics and leaderboard screens."""
from __future__ import annotations

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from actors.bank.messages import SubjectEntry
from actors.stats.messages import Period
from app.bot.keyboards.callbacks import MenuCallback
from app.bot.keyboards.filters import rows
from app.bot.texts import common
from app.bot.texts import stats as texts


class LeaderboardCallback(CallbackData, prefix="lb"):
    period: Period     # "week" | "all"
    subject: str = ""  # a subject code; "" for all subjects


def stats_menu() -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    kb.button(text=texts.leaderboard_button(), callback_data=LeaderboardCallback(period="week"))
    kb.button(text=common.menu_button(), callback_data=MenuCallback(screen="main"))
    kb.adjust(2)
    return kb.as_markup()


def leaderboard(period: Period, subject: str, subjects: tuple[SubjectEntry, ...]) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    for value, label in (("week", texts.week_button()), ("all", texts.all_time_button())):
        kb.button(text=_mark(label, value == period), callback_data=LeaderboardCallback(period=value,
                                                                                         subject=subject))
    choices = [("", texts.all_subjects_button()), *((s.code, s.name) for s in subjects)]
    for code, label in choices:
        kb.button(text=_mark(label, code == subject), callback_data=LeaderboardCallback(period=period,
                                                                                         subject=code))
    kb.button(text=texts.back_to_stats_button(), callback_data=MenuCallback(screen="stats"))
    kb.button(text=common.menu_button(), callback_data=MenuCallback(screen="main"))
    kb.adjust(2, *rows(len(choices), 2), 2)
    return kb.as_markup()


def _mark(label: str, selected: bool) -> str:
    return f"✅ {label}" if selected else label
