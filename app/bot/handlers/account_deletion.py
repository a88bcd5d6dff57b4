"""Deleting the account from the cabinet: a confirmation that says what goes, then the deletion.
Cancel is the cabinet's own button (MenuCallback "cabinet")."""
from __future__ import annotations

from aiogram import F, Router
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery

from actors.runtime import ActorSystem
from actors.users.messages import DeleteAccount, UserView
from app.bot import screens
from app.bot.flags import REGISTERED
from app.bot.keyboards import cabinet as kb
from app.bot.keyboards.callbacks import CabinetCallback
from app.bot.texts import account_deletion as texts


async def confirm_deletion(query: CallbackQuery) -> None:
    await screens.show(query, screens.Screen(texts.confirm(), kb.confirm_deletion()))


async def delete_account(query: CallbackQuery, state: FSMContext, user: UserView, actors: ActorSystem) -> None:
    await actors.ask(DeleteAccount(user_id=user.id, channel="bot"))
    await state.clear()  # no dialog of the deleted account may continue
    await screens.show(query, screens.Screen(texts.deleted()))


def make_router() -> Router:
    """A fresh router each time (aiogram attaches a router to one dispatcher); first match wins."""
    router = Router(name=__name__)
    on_callback = router.callback_query.register
    on_callback(confirm_deletion, CabinetCallback.filter(F.action == "delete"), flags=REGISTERED)
    on_callback(delete_account, CabinetCallback.filter(F.action == "delete_yes"), flags=REGISTERED)
    return router
