"""The main menu as data: the start page shows these items, in this order, two per row.

A feature adds its entry here (one line), and in its router (app/bot/handlers/<feature>.py, listed
in handlers/__init__.py before the fallback) a handler for `MenuCallback.filter(F.screen == "<screen>")`
that renders its screen with app.bot.screens.show (which edits the menu message in place):

    MenuItem("train", train_texts.menu_button),          # issue #4
    MenuItem("admin", admin_texts.menu_button, visible=lambda user: user.is_admin),
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from actors.users.messages import UserView
from app.bot.texts import filters as filter_texts
from app.bot.texts import menu as texts
from app.bot.texts import mistakes as mistakes_texts
from app.bot.texts import simulation as simulation_texts
from app.bot.texts import stats as stats_texts
from app.bot.texts import training as training_texts


def _everyone(user: UserView) -> bool:
    return True


@dataclass(frozen=True)
class MenuItem:
    screen: str                         # MenuCallback.screen; keep it short (callback data <= 64 bytes)
    label: Callable[[], str]            # the localized button text, called while rendering
    visible: Callable[[UserView], bool] = _everyone


MAIN_MENU: tuple[MenuItem, ...] = (
    MenuItem("train", training_texts.menu_button), MenuItem("sim", simulation_texts.menu_button),  # issue #4
    MenuItem("stats", stats_texts.menu_button),
    MenuItem("filters", filter_texts.menu_button),
    MenuItem("cabinet", texts.cabinet_button),
    MenuItem("help", texts.help_button),
    MenuItem("mistakes", mistakes_texts.menu_button),                                              # issue #10
)
