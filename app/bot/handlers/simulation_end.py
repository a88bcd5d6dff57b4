"""Handing in a paper (after a confirmation), its result with the debrief by theme, and the review
of each question with its explanation."""
from __future__ import annotations

from aiogram import F, Router
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery

from actors.runtime import ActorSystem
from actors.training.messages import FinishSimulation, GetSimulation
from actors.users.messages import UserView
from app.bot.flags import REGISTERED
from app.bot.handlers import cards
from app.bot.handlers.simulation_paper import SimInput, show
from app.bot.keyboards import simulation as kb
from app.bot.keyboards.simulation import SimEnd, SimReview
from app.bot.texts import simulation as texts


async def ask_finish(query: CallbackQuery, callback_data: SimEnd, state: FSMContext, user: UserView,
                     actors: ActorSystem) -> None:
    view = await actors.ask(GetSimulation(user_id=user.id, simulation_id=callback_data.sim))
    if view.finished:
        return await show(query, state, view)
    card = cards.Card(texts.confirm_finish(view), kb.confirm_finish(view.id, callback_data.pos))
    await cards.put(query, card)
    await state.set_state(SimInput.choosing)  # text now is a stray message


async def finish(query: CallbackQuery, callback_data: SimEnd, state: FSMContext, user: UserView,
                 actors: ActorSystem) -> None:
    await actors.ask(FinishSimulation(user_id=user.id, simulation_id=callback_data.sim))
    await result(query, callback_data, state, user, actors)


async def result(query: CallbackQuery, callback_data: SimEnd, state: FSMContext, user: UserView,
                 actors: ActorSystem) -> None:
    view = await actors.ask(GetSimulation(user_id=user.id, simulation_id=callback_data.sim))
    await show(query, state, view)


async def review(query: CallbackQuery, callback_data: SimReview, state: FSMContext, user: UserView,
                 actors: ActorSystem) -> None:
    view = await actors.ask(GetSimulation(user_id=user.id, simulation_id=callback_data.sim))
    if not view.finished:  # no verdicts before the paper is handed in
        return await show(query, state, view)
    pos = min(max(callback_data.pos, 1), view.size)
    image = view.items[pos - 1].question.image
    await cards.put(query, cards.Card(texts.review(view, pos), kb.review(view, pos), image))


def make_router() -> Router:
    """A fresh router each time (aiogram attaches a router to one dispatcher); first match wins."""
    router = Router(name=__name__)
    on_callback = router.callback_query.register
    on_callback(ask_finish, SimEnd.filter(F.action == "ask"), flags=REGISTERED)
    on_callback(finish, SimEnd.filter(F.action == "finish"), flags=REGISTERED)
    on_callback(result, SimEnd.filter(F.action == "result"), flags=REGISTERED)
    on_callback(review, SimReview.filter(), flags=REGISTERED)
    return router
