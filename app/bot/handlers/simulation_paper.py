"""A running paper: one message shows one question at a time, with the time left (fresh from the
actor at every step). Answers are saved without verdicts and move on to the next question; ◀️ ▶️
go back and forth; Hand in asks first. A finished paper (also past its deadline) shows the result.

After a typed answer the paper message moves below it (the old one is deleted). A button of a paper
that is not this user's gets the errors aspect's "nothing was found"."""
from __future__ import annotations

from aiogram import F, Router
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message
from aiogram.utils.callback_answer import CallbackAnswer

from actors.runtime import ActorSystem
from actors.training.errors import SimulationClosed, SimulationDeadlinePassed
from actors.training.grading import MAX_OPEN_ANSWER
from actors.training.messages import (
    AnswerSimulationQuestion,
    GetSimulation,
    SimulationView,
)
from actors.users.messages import UserView
from app.bot.flags import REGISTERED
from app.bot.handlers import cards
from app.bot.keyboards import simulation as kb
from app.bot.keyboards.simulation import SimAnswer, SimGo, SimToggle
from app.bot.keyboards.training import DONE
from app.bot.texts import simulation as texts
from app.bot.texts import training as training_texts

TYPED = F.text & ~F.text.startswith("/")


class SimInput(StatesGroup):
    choosing = State()     # a button question is shown
    open_answer = State()  # data: sim, served, pos, message (the paper message's id)


def first_open(view: SimulationView) -> int:
    return next((i.position for i in view.items if i.answer is None), 1)


async def show(target: CallbackQuery | Message, state: FSMContext, view: SimulationView,
               pos: int | None = None, notice: str | None = None, mask: int | None = None,
               old: int | None = None) -> None:
    """The paper at `pos` (default: the first unanswered question), or the result once finished.
    `target` is the pressed button, or a typed message (then the paper message `old` moves below it)."""
    await state.clear()
    if view.finished:
        card = cards.Card(texts.result(view), kb.result(view))
    else:
        item = view.items[(pos or first_open(view)) - 1]
        card = cards.Card(texts.question_screen(view, item, notice), kb.question(view, item, mask),
                          item.question.image)
    if isinstance(target, CallbackQuery):
        message = await cards.put(target, card)
    else:
        if old is not None:
            await cards.remove(target.bot, target.chat.id, old)
        message = await cards.send(target.bot, target.chat.id, card)
    if not view.finished:
        kind = item.question.type
        await state.set_state(SimInput.open_answer if kind == "open" else SimInput.choosing)
        await state.set_data({"sim": view.id, "served": item.question.served_id, "pos": item.position,
                              "message": message.message_id})


async def save(actors: ActorSystem, user: UserView, sim: int, served: int, value: object,
               callback_answer: CallbackAnswer | None = None) -> tuple[SimulationView, int]:
    """Saves an answer; -> the fresh paper and the position to show next: the next unanswered
    question after this one, else the first unanswered one, else this one."""
    pos = None
    try:
        saved = await actors.ask(AnswerSimulationQuestion(user_id=user.id, simulation_id=sim,
                                                          served_id=served, answer=value))
        pos = saved.position
    except SimulationDeadlinePassed:
        if callback_answer is not None:
            callback_answer.text = texts.deadline_passed()
    except SimulationClosed:
        pass  # handed in meanwhile: the view shows the result
    view = await actors.ask(GetSimulation(user_id=user.id, simulation_id=sim))
    if pos is None:
        return view, 1
    unanswered = [i.position for i in view.items if i.answer is None]
    return view, ([p for p in unanswered if p > pos] or unanswered or [pos])[0]


async def go(query: CallbackQuery, callback_data: SimGo, state: FSMContext, user: UserView,
             actors: ActorSystem) -> None:
    view = await actors.ask(GetSimulation(user_id=user.id, simulation_id=callback_data.sim))
    await show(query, state, view, min(max(callback_data.pos, 1), view.size))


async def answer(query: CallbackQuery, callback_data: SimAnswer, state: FSMContext, user: UserView,
                 actors: ActorSystem, callback_answer: CallbackAnswer) -> None:
    value = bool(callback_data.value) if callback_data.kind == "y" else callback_data.value
    view, pos = await save(actors, user, callback_data.sim, callback_data.served, value, callback_answer)
    await show(query, state, view, pos)


async def toggle(query: CallbackQuery, callback_data: SimToggle, state: FSMContext, user: UserView,
                 actors: ActorSystem, callback_answer: CallbackAnswer) -> None:
    view = await actors.ask(GetSimulation(user_id=user.id, simulation_id=callback_data.sim))
    mask, pos = callback_data.mask, min(max(callback_data.pos, 1), view.size)
    if view.finished:
        return await show(query, state, view)
    if callback_data.pick != DONE:  # mark or unmark one option; saved with Done
        return await show(query, state, view, pos, mask=mask ^ (1 << callback_data.pick))
    if not mask:
        callback_answer.text = training_texts.pick_something()
        return
    served = view.items[pos - 1].question.served_id
    picked = [i for i in range(mask.bit_length()) if mask >> i & 1]
    await show(query, state, *await save(actors, user, view.id, served, picked, callback_answer))


async def open_answer(message: Message, state: FSMContext, user: UserView, actors: ActorSystem) -> None:
    text = message.text.strip()
    if not text or len(text) > MAX_OPEN_ANSWER:
        await message.answer(training_texts.answer_too_long(MAX_OPEN_ANSWER) if text
                             else training_texts.answer_as_text())
        return
    data = await state.get_data()
    view, pos = await save(actors, user, data["sim"], data["served"], text)
    await show(message, state, view, pos, old=data["message"])


async def answer_not_text(message: Message) -> None:
    await message.answer(training_texts.answer_as_text())


async def use_buttons(message: Message) -> None:
    await message.answer(training_texts.use_buttons())


def make_router() -> Router:
    """A fresh router each time (aiogram attaches a router to one dispatcher); first match wins."""
    router = Router(name=__name__)
    on_message, on_callback = router.message.register, router.callback_query.register
    on_callback(go, SimGo.filter(), flags=REGISTERED)
    on_callback(answer, SimAnswer.filter(), flags=REGISTERED)
    on_callback(toggle, SimToggle.filter(), flags=REGISTERED)
    on_message(open_answer, SimInput.open_answer, TYPED, flags=REGISTERED)
    on_message(answer_not_text, SimInput.open_answer, ~F.text, flags=REGISTERED)
    on_message(use_buttons, SimInput.choosing, ~F.text.startswith("/"), flags=REGISTERED)
    return router
