"""The leaderboard: this week or all time, all subjects or one, the top 10 and the user's own place."""
from __future__ import annotations

from aiogram import Router
from aiogram.types import CallbackQuery, Message

from actors.bank.messages import GetCatalog
from actors.runtime import ActorSystem
from actors.stats.messages import GetLeaderboard
from actors.users.messages import UserView
from app.bot import screens
from app.bot.flags import REGISTERED
from app.bot.keyboards import stats as kb
from app.bot.keyboards.stats import LeaderboardCallback
from app.bot.texts import stats as texts

TOP = 10


async def show_leaderboard(query: CallbackQuery, callback_data: LeaderboardCallback, user: UserView,
                           actors: ActorSystem) -> None:
    period, subject = callback_data.period, callback_data.subject
    board = await actors.ask(GetLeaderboard(user_id=user.id, period=period, subject=subject or None,
                                            limit=TOP))
    subjects = (await actors.ask(GetCatalog())).subjects
    name = next((s.name for s in subjects if s.code == subject), subject or None)
    screen = screens.Screen(texts.leaderboard(board, name, user.id),
                            kb.leaderboard(period, subject, subjects))
    if isinstance(query.message, Message) and query.message.photo:  # from the chart: keep it, add a message
        await query.message.answer(screen.text, reply_markup=screen.markup)
    else:
        await screens.show(query, screen)


def make_router() -> Router:
    """A fresh router each time (aiogram attaches a router to one dispatcher); first match wins."""
    router = Router(name=__name__)
    router.callback_query.register(show_leaderboard, LeaderboardCallback.filter(), flags=REGISTERED)
    return router
