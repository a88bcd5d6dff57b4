"""Callback data factories: every button's data is one of these (packed, at most 64 bytes).

Ids in callback data are bounded as at the REST edge (app/http/ids.py): a forged button whose id
no row can have (past PostgreSQL's bigint, or not positive) does not parse, so no feature takes it
and the fallback answers it as an outdated button (app/bot/handlers/fallback.py).
"""
from __future__ import annotations

from typing import Annotated

from aiogram.filters.callback_data import CallbackData
from pydantic import Field

from actors.users.messages import Grade
from app.http.ids import MAX_ID

Id = Annotated[int, Field(ge=1, le=MAX_ID)]
IdOrZero = Annotated[int, Field(ge=0, le=MAX_ID)]  # 0: none (no session yet, no mailing)


class MenuCallback(CallbackData, prefix="menu"):
    """Opens a screen of the main menu ("main" is the start page itself); see app/bot/menu.py."""
    screen: str


class RegisterCallback(CallbackData, prefix="reg"):
    action: str  # "begin" | "tg_name"


class GradeCallback(CallbackData, prefix="grade"):
    purpose: str  # "reg" (registration) | "edit" (cabinet)
    grade: Grade


class CabinetCallback(CallbackData, prefix="cab"):
    action: str  # "name" | "grade" | "api" | "remind"


class LocaleCallback(CallbackData, prefix="lang"):
    locale: str
