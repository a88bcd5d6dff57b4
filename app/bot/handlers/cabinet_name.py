"""Editing the display name from the cabinet."""
from __future__ import annotations

from aiogram import F, Router
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message

from actors.runtime import ActorSystem
from actors.users.messages import UpdateProfile, UserView
from app.bot import screens
from app.bot.flags import REGISTERED
from app.bot.handlers.cabinet import show_cabinet
from app.bot.keyboards import cabinet as kb
from app.bot.keyboards.callbacks import CabinetCallback
from app.bot.states import EditName
from app.bot.texts import cabinet as texts
from app.bot.texts import registration as registration_texts
from app.bot.validation import check_name


async def ask_new_name(query: CallbackQuery, state: FSMContext) -> None:
    await state.set_state(EditName.waiting)
    await screens.show(query, screens.Screen(texts.ask_new_name(), kb.cancel_to_cabinet()))


async def new_name(message: Message, state: FSMContext, user: UserView, actors: ActorSystem) -> None:
    name, problem = check_name(message.text)
    if problem is not None:
        await message.answer(registration_texts.name_problem(problem), reply_markup=kb.cancel_to_cabinet())
        return
    user = await actors.ask(UpdateProfile(user_id=user.id, display_name=name))
    await state.clear()
    await show_cabinet(message, actors, user, texts.name_changed())


async def name_not_text(message: Message) -> None:
    await message.answer(registration_texts.name_as_text(), reply_markup=kb.cancel_to_cabinet())


def make_router() -> Router:
    """A fresh router each time (aiogram attaches a router to one dispatcher); first match wins."""
    router = Router(name=__name__)
    on_message, on_callback = router.message.register, router.callback_query.register
    on_callback(ask_new_name, CabinetCallback.filter(F.action == "name"), flags=REGISTERED)
    on_message(new_name, EditName.waiting, F.text & ~F.text.startswith("/"), flags=REGISTERED)
    on_message(name_not_text, EditName.waiting, ~F.text, flags=REGISTERED)
    return router
