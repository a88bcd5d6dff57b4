"""Daily reminders: the hour picker in the cabinet (EnableReminders) and /stop_reminders."""
from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder

from actors.reminders.messages import (
    DisableReminders,
    EnableReminders,
    GetReminderSettings,
    ReminderSettings,
)
from actors.runtime import ActorSystem
from actors.users.messages import UserView
from app.bot import screens
from app.bot.flags import REGISTERED
from app.bot.keyboards.callbacks import CabinetCallback, MenuCallback
from app.bot.texts import common
from app.bot.texts import reminders as texts

OFF = -1  # RemindAt.hour of the "Turn off" button


class RemindAt(CallbackData, prefix="rem"):
    hour: int


def picker(current: ReminderSettings) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    for hour in range(24):
        mark = "✅ " if current.enabled and current.hour == hour else ""
        kb.button(text=f"{mark}{hour:02d}", callback_data=RemindAt(hour=hour))
    if current.enabled:
        kb.button(text=texts.off_button(), callback_data=RemindAt(hour=OFF))
    kb.button(text=common.back_button(), callback_data=MenuCallback(screen="cabinet"))
    kb.adjust(6, 6, 6, 6, 1, 1)
    return kb.as_markup()


def screen(current: ReminderSettings, user: UserView, notice: str | None = None) -> screens.Screen:
    return screens.Screen(texts.settings(current, user.timezone, notice), picker(current))


async def open_picker(query: CallbackQuery, user: UserView, actors: ActorSystem) -> None:
    await screens.show(query, screen(await actors.ask(GetReminderSettings(user_id=user.id)), user))


async def pick_hour(query: CallbackQuery, callback_data: RemindAt, user: UserView, actors: ActorSystem) -> None:
    if callback_data.hour == OFF:
        # the screen says "off" itself; texts.stopped() would send the user to the cabinet they are in
        current, notice = await actors.ask(DisableReminders(user_id=user.id)), None
    else:
        current = await actors.ask(EnableReminders(user_id=user.id, hour=callback_data.hour))
        notice = texts.enabled(callback_data.hour)
    await screens.show(query, screen(current, user, notice))


async def stop_command(message: Message, state: FSMContext, user: UserView, actors: ActorSystem) -> None:
    await state.clear()
    await actors.ask(DisableReminders(user_id=user.id))
    await message.answer(texts.stopped())


def make_router() -> Router:
    """A fresh router each time (aiogram attaches a router to one dispatcher); first match wins."""
    router = Router(name=__name__)
    router.message.register(stop_command, Command("stop_reminders"), flags=REGISTERED)
    router.callback_query.register(open_picker, CabinetCallback.filter(F.action == "remind"), flags=REGISTERED)
    router.callback_query.register(pick_hour, RemindAt.filter(F.hour.in_({OFF, *range(24)})), flags=REGISTERED)
    return router
