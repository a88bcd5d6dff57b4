"""Callback data factories: every button's data is one of these (packed, at most 64 bytes).

Ids in callback data are bounded as at the REST edge (app/http/ids.py, `Id`): a forged button whose id
no row can have (past PostgreSQL's bigint, or not positive) does not parse, so no feature takes it
and the fallback answers it as an outdated button (app/bot/handlers/fallback.py).
"""
from __future__ import annotations

from aiogram.filters.callback_data import CallbackData

from actors.users.messages import Grade


class MenuCallback(CallbackData, prefix="menu"):
    """Opens a screen of the main menu ("main" is the start page itself); see app/bot/menu.py."""
    screen: str


class RegisterCallback(CallbackData, prefix="reg"):
    action: str  # "begin" | "tg_name"


class GradeCallback(CallbackData, prefix="grade"):
    purpose: str  # "reg" (registration) | "edit" (cabinet)
    grade: Grade


class CabinetCallback(CallbackData, prefix="cab"):
    action: str  # "name" | "grade" | "api" | "remind" | "delete" | "delete_yes"


class LocaleCallback(CallbackData, prefix="lang"):
    locale: str
