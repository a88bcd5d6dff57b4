"""Work on mistakes: /mistakes and the menu item show how many reviews are due; "Review now" serves the
mistakes queue as training cards (keyboard mode REVIEW: their Next asks GetNextReview again)."""
from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message

from actors.adaptive.messages import DueReviews, GetDueReviews
from actors.runtime import ActorSystem
from actors.users.messages import UserView
from app.bot import screens
from app.bot.flags import REGISTERED
from app.bot.handlers import training
from app.bot.keyboards.callbacks import MenuCallback
from app.bot.keyboards.training import REVIEW, button
from app.bot.texts import common
from app.bot.texts import mistakes as texts


def overview_keyboard(due: DueReviews) -> InlineKeyboardMarkup:
    rows = [[button(texts.start_button(), MenuCallback(screen="review"))]] if due.due else []
    return InlineKeyboardMarkup(inline_keyboard=rows + [[button(common.menu_button(), MenuCallback(screen="main"))]])


async def overview(event: Message | CallbackQuery, state: FSMContext, user: UserView,
                   actors: ActorSystem) -> None:
    await state.clear()
    due: DueReviews = await actors.ask(GetDueReviews(user_id=user.id, limit=0))
    await screens.show(event, screens.Screen(texts.screen(due, user.timezone), overview_keyboard(due)))


async def review(query: CallbackQuery, state: FSMContext, user: UserView, actors: ActorSystem) -> None:
    await training.present(query, state, await training.next_card(actors, user, None, REVIEW))


def make_router() -> Router:
    """A fresh router each time (aiogram attaches a router to one dispatcher); first match wins."""
    router = Router(name=__name__)
    router.message.register(overview, Command("mistakes"), flags=REGISTERED)
    router.callback_query.register(overview, MenuCallback.filter(F.screen == "mistakes"), flags=REGISTERED)
    router.callback_query.register(review, MenuCallback.filter(F.screen == "review"), flags=REGISTERED)
    return router
