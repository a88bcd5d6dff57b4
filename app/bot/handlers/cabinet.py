"""The personal cabinet: profile, grade, language."""
from __future__ import annotations

from contextlib import suppress

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramAPIError
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from aiogram.utils.i18n import I18n

from actors.adaptive.messages import GetUserRatings
from actors.runtime import ActorSystem
from actors.users.messages import UpdateProfile, UserView
from app.bot import screens
from app.bot.commands import set_chat_commands
from app.bot.flags import REGISTERED
from app.bot.i18n import LOCALES
from app.bot.keyboards import registration as registration_kb
from app.bot.keyboards.callbacks import (
    CabinetCallback,
    GradeCallback,
    LocaleCallback,
    MenuCallback,
)
from app.bot.texts import cabinet as texts


async def cabinet_command(message: Message, state: FSMContext, user: UserView, actors: ActorSystem) -> None:
    await state.clear()
    await show_cabinet(message, actors, user)


async def cabinet_button(query: CallbackQuery, state: FSMContext, user: UserView, actors: ActorSystem) -> None:
    await state.clear()  # also "Cancel" of the cabinet's dialogs
    await show_cabinet(query, actors, user)


async def show_cabinet(event: Message | CallbackQuery, actors: ActorSystem, user: UserView,
                       notice: str | None = None) -> None:
    """The cabinet with the user's ratings (level names in the user's language)."""
    ratings = await actors.ask(GetUserRatings(user_id=user.id, locale=user.locale))
    await screens.show(event, screens.cabinet(user, notice=notice, ratings=ratings))


async def edit_grade(query: CallbackQuery) -> None:
    await screens.show(query, screens.Screen(texts.choose_grade(), registration_kb.grades("edit", "cabinet")))


async def grade_chosen(query: CallbackQuery, callback_data: GradeCallback, user: UserView,
                       actors: ActorSystem) -> None:
    user = await actors.ask(UpdateProfile(user_id=user.id, grade=callback_data.grade))
    await show_cabinet(query, actors, user, texts.grade_changed())


async def switch_language(query: CallbackQuery, callback_data: LocaleCallback, user: UserView,
                          actors: ActorSystem, i18n: I18n, bot: Bot) -> None:
    user = await actors.ask(UpdateProfile(user_id=user.id, locale=callback_data.locale))
    with i18n.use_locale(user.locale):
        await show_cabinet(query, actors, user, texts.language_changed())
    with suppress(TelegramAPIError):  # the commands menu follows; not worth failing the switch for
        await set_chat_commands(bot, i18n, query.from_user.id, user.locale)


def make_router() -> Router:
    """A fresh router each time (aiogram attaches a router to one dispatcher); first match wins."""
    router = Router(name=__name__)
    on_message, on_callback = router.message.register, router.callback_query.register
    on_message(cabinet_command, Command("cabinet"), flags=REGISTERED)
    on_callback(cabinet_button, MenuCallback.filter(F.screen == "cabinet"), flags=REGISTERED)
    on_callback(edit_grade, CabinetCallback.filter(F.action == "grade"), flags=REGISTERED)
    on_callback(grade_chosen, GradeCallback.filter(F.purpose == "edit"), flags=REGISTERED)
    on_callback(switch_language, LocaleCallback.filter(F.locale.in_(LOCALES)), flags=REGISTERED)
    return router
