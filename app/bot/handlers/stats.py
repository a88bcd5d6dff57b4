"""The statistics screen: a progress chart (PNG rendered off the event loop) with the summary as caption.

A text message cannot become a photo, so the chart arrives as a new message and the pressed text
message (the menu, the leaderboard) is deleted; an older chart is kept as a record of progress.
A user without answers gets a text screen in place instead.
"""
from __future__ import annotations

from contextlib import suppress
from datetime import datetime
from zoneinfo import ZoneInfo

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import BufferedInputFile, CallbackQuery, Message

from actors.bank.messages import GetCatalog
from actors.runtime import ActorSystem
from actors.stats.messages import GetUserStats, UserStats
from actors.users.messages import UserView
from app.bot import charts, screens
from app.bot.flags import REGISTERED
from app.bot.keyboards import stats as kb
from app.bot.keyboards.callbacks import MenuCallback
from app.bot.texts import stats as texts

CHART_DAYS = 30


async def show_stats(query: CallbackQuery, user: UserView, actors: ActorSystem, bot: Bot) -> None:
    stats: UserStats = await actors.ask(GetUserStats(user_id=user.id))
    if stats.totals.attempts == 0:
        await screens.show(query, screens.Screen(texts.no_answers(), kb.stats_menu()))
        return
    catalog = await actors.ask(GetCatalog())
    caption = texts.summary(stats, {s.code: s.name for s in catalog.subjects})
    png = await charts.render_progress(
        [charts.ThemeBar(t.theme, t.accuracy, t.attempts) for t in stats.themes],
        [charts.DayBar(d.day, d.attempts, d.correct) for d in stats.daily],
        datetime.now(ZoneInfo(stats.timezone)).date(), texts.chart_texts(CHART_DAYS), CHART_DAYS)
    await bot.send_photo(query.from_user.id, BufferedInputFile(png, filename="progress.png"),
                         caption=caption, reply_markup=kb.stats_menu())
    pressed = query.message
    if isinstance(pressed, Message) and not pressed.photo:  # the menu turned into the chart
        with suppress(TelegramBadRequest):  # too old to delete: it simply stays
            await pressed.delete()


def make_router() -> Router:
    """A fresh router each time (aiogram attaches a router to one dispatcher); first match wins."""
    router = Router(name=__name__)
    router.callback_query.register(show_stats, MenuCallback.filter(F.screen == "stats"), flags=REGISTERED)
    return router
