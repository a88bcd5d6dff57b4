"""/start (with or without a link code), /menu and the start page."""
from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command, CommandObject, CommandStart
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from aiogram.utils.i18n import I18n

from actors.runtime import ActorSystem
from actors.users.errors import AlreadyLinked, LinkCodeInvalid
from actors.users.messages import RedeemTelegramLinkCode, UserView
from app.bot import screens
from app.bot.flags import ANYONE, REGISTERED
from app.bot.handlers.registration import ask_name
from app.bot.keyboards.callbacks import MenuCallback
from app.bot.texts import errors, linking


async def start_with_code(message: Message, command: CommandObject, state: FSMContext, actors: ActorSystem,
                          i18n: I18n, known_user: UserView | None) -> None:
    await state.clear()
    try:
        user = await actors.ask(RedeemTelegramLinkCode(telegram_id=message.from_user.id, code=command.args))
    except (LinkCodeInvalid, AlreadyLinked) as error:
        await message.answer(errors.for_error(error) or errors.generic())
        await start(message, state, known_user)
        return
    with i18n.use_locale(user.locale):  # from now on the linked account's language
        await screens.show(message, screens.home(user, notice=linking.linked(user.email)))


async def start(message: Message, state: FSMContext, known_user: UserView | None) -> None:
    await state.clear()
    if known_user is None:
        await ask_name(message.bot, message.from_user, state)
    else:
        await screens.show(message, screens.home(known_user))


async def menu_command(message: Message, state: FSMContext, user: UserView) -> None:
    await state.clear()
    await screens.show(message, screens.home(user))


async def menu_button(query: CallbackQuery, state: FSMContext, user: UserView) -> None:
    await state.clear()
    await screens.show(query, screens.home(user))


def make_router() -> Router:
    """A fresh router each time (aiogram attaches a router to one dispatcher); first match wins."""
    router = Router(name=__name__)
    on_message, on_callback = router.message.register, router.callback_query.register
    on_message(start_with_code, CommandStart(deep_link=True), flags=ANYONE)
    on_message(start, CommandStart(), flags=ANYONE)
    on_message(menu_command, Command("menu"), flags=REGISTERED)
    on_callback(menu_button, MenuCallback.filter(F.screen == "main"), flags=REGISTERED)
    return router
