"""API access from the cabinet: a bot user gets an email and password for the REST API."""
from __future__ import annotations

from aiogram import F, Router
from aiogram.exceptions import TelegramAPIError
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message

from actors.runtime import ActorSystem
from actors.users.errors import EmailTaken
from actors.users.messages import SetApiCredentials, UserView
from app.bot import screens
from app.bot.flags import REGISTERED
from app.bot.keyboards import cabinet as kb
from app.bot.keyboards.callbacks import CabinetCallback
from app.bot.states import ApiAccess
from app.bot.texts import api_access as texts
from app.bot.texts import errors
from app.bot.validation import check_email, check_password


async def api_access(query: CallbackQuery, state: FSMContext, user: UserView) -> None:
    if user.email is not None:
        await screens.show(query, screens.Screen(texts.has_access(user.email), kb.back_to_cabinet()))
        return
    await state.set_state(ApiAccess.email)
    await screens.show(query, screens.Screen(texts.ask_email(), kb.cancel_to_cabinet()))


async def got_email(message: Message, state: FSMContext) -> None:
    email = check_email(message.text)
    if email is None:
        await message.answer(texts.bad_email(), reply_markup=kb.cancel_to_cabinet())
        return
    await state.set_data({"email": email})
    await state.set_state(ApiAccess.password)
    await message.answer(texts.ask_password(), reply_markup=kb.cancel_to_cabinet())


async def got_password(message: Message, state: FSMContext, user: UserView, actors: ActorSystem) -> None:
    password = message.text
    try:  # the password must not stay in the chat
        await message.delete()
    except TelegramAPIError:
        await message.answer(texts.delete_failed())
    if (problem := check_password(password)) is not None:
        await message.answer(texts.password_problem(problem), reply_markup=kb.cancel_to_cabinet())
        return
    email = (await state.get_data())["email"]
    try:
        user = await actors.ask(SetApiCredentials(user_id=user.id, email=email, password=password))
    except EmailTaken:
        await state.set_state(ApiAccess.email)
        await message.answer(errors.email_taken(), reply_markup=kb.cancel_to_cabinet())
        return
    await state.clear()
    await message.answer(texts.done(user.email), reply_markup=kb.back_to_cabinet())


async def email_not_text(message: Message) -> None:
    await message.answer(texts.bad_email(), reply_markup=kb.cancel_to_cabinet())


async def password_not_text(message: Message) -> None:
    await message.answer(texts.ask_password(), reply_markup=kb.cancel_to_cabinet())


def make_router() -> Router:
    """A fresh router each time (aiogram attaches a router to one dispatcher); first match wins."""
    router = Router(name=__name__)
    on_message, on_callback = router.message.register, router.callback_query.register
    on_callback(api_access, CabinetCallback.filter(F.action == "api"), flags=REGISTERED)
    typed = F.text & ~F.text.startswith("/")  # a command (/train, /mistakes…) is a command, never the input
    on_message(got_email, ApiAccess.email, typed, flags=REGISTERED)
    on_message(got_password, ApiAccess.password, typed, flags=REGISTERED)
    on_message(email_not_text, ApiAccess.email, ~F.text, flags=REGISTERED)
    on_message(password_not_text, ApiAccess.password, ~F.text, flags=REGISTERED)
    return router
