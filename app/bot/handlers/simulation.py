"""Olympiad simulation, the way in: the menu item resumes a running paper (or shows the result of
one that ran out of time), else subject -> paper -> confirmation -> Start. The running paper itself
lives in simulation_paper.py; handing in and the result in simulation_end.py."""
from __future__ import annotations

from aiogram import F, Router
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery

from actors.runtime import ActorSystem
from actors.training.errors import NotEnoughQuestions, SimulationInProgress
from actors.training.messages import (
    GetActiveSimulation,
    ListSimulationPapers,
    SimulationPaper,
    StartSimulation,
)
from actors.users.messages import UserView
from app.bot.flags import REGISTERED
from app.bot.handlers import cards, simulation_end, simulation_paper
from app.bot.keyboards import simulation as kb
from app.bot.keyboards.callbacks import MenuCallback
from app.bot.keyboards.simulation import SimPaper, SimSubject
from app.bot.keyboards.training import to_menu
from app.bot.texts import simulation as texts


async def open_simulation(query: CallbackQuery, state: FSMContext, user: UserView,
                          actors: ActorSystem) -> None:
    await state.clear()
    running = await actors.ask(GetActiveSimulation(user_id=user.id))
    if running is not None:
        notice = None if running.finished else texts.in_progress()
        return await simulation_paper.show(query, state, running, notice=notice)
    papers = await _papers(actors)
    card = cards.Card(texts.choose_subject(), kb.subjects(papers)) if papers else \
        cards.Card(texts.no_papers(), to_menu())
    await cards.put(query, card)


async def choose_paper(query: CallbackQuery, callback_data: SimSubject, actors: ActorSystem) -> None:
    found = [p for p in await _papers(actors) if p.subject == callback_data.subject]
    if not found:
        return await cards.put(query, cards.Card(texts.not_enough_questions(), kb.papers([])))
    await cards.put(query, cards.Card(texts.choose_paper(found[0].subject_name), kb.papers(found)))


async def paper_chosen(query: CallbackQuery, callback_data: SimPaper, state: FSMContext, user: UserView,
                       actors: ActorSystem) -> None:
    paper = next((p for p in await _papers(actors)
                  if (p.subject, p.source_id) == (callback_data.subject, callback_data.source)), None)
    if paper is None:
        return await cards.put(query, cards.Card(texts.not_enough_questions(), kb.papers([])))
    if not callback_data.go:
        return await cards.put(query, cards.Card(texts.confirm_start(paper), kb.confirm_start(paper)))
    try:
        view = await actors.ask(StartSimulation(
            user_id=user.id, channel="bot", subject=paper.subject, olympiad=paper.olympiad, stage=paper.stage,
            year=paper.year, size=texts.SIZE, minutes=texts.MINUTES))
    except SimulationInProgress:  # e.g. Start pressed twice: the paper that runs
        running = await actors.ask(GetActiveSimulation(user_id=user.id))
        if running is None:
            return await open_simulation(query, state, user, actors)
        return await simulation_paper.show(query, state, running, notice=texts.in_progress())
    except NotEnoughQuestions:
        return await cards.put(query, cards.Card(texts.not_enough_questions(), kb.papers([])))
    await simulation_paper.show(query, state, view, 1)


async def _papers(actors: ActorSystem) -> list[SimulationPaper]:
    return await actors.ask(ListSimulationPapers(size=texts.SIZE))


def make_router() -> Router:
    """A fresh router each time (aiogram attaches a router to one dispatcher); first match wins."""
    router = Router(name=__name__)
    on_callback = router.callback_query.register
    on_callback(open_simulation, MenuCallback.filter(F.screen == "sim"), flags=REGISTERED)
    on_callback(choose_paper, SimSubject.filter(), flags=REGISTERED)
    on_callback(paper_chosen, SimPaper.filter(), flags=REGISTERED)
    router.include_routers(simulation_paper.make_router(), simulation_end.make_router())
    return router
