"""Typed input during training: the answer to an open question, stray text under a button question,
and the "report a mistake" dialog (Report -> a prompt -> the text -> thanks, with Next / Stop)."""
from __future__ import annotations

from aiogram import F, Router
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message

from actors.runtime import ActorSystem
from actors.training.errors import (
    QuestionAnsweredAlready,
    QuestionNotFound,
    QuestionSkippedAlready,
    ServedQuestionNotFound,
    SessionFinished,
)
from actors.training.grading import MAX_OPEN_ANSWER
from actors.training.messages import ReportQuestion, SubmitAnswer
from actors.users.messages import UserView
from app.bot.flags import REGISTERED
from app.bot.handlers import cards
from app.bot.keyboards import training as kb
from app.bot.keyboards.training import TrainStep
from app.bot.texts import training as texts

MAX_REPORT = 2000
TYPED = F.text & ~F.text.startswith("/")  # commands go on to their own handlers
# An old card's answer: the question is gone, skipped, answered, or its session was finished.
STALE = (ServedQuestionNotFound, QuestionSkippedAlready, QuestionAnsweredAlready, SessionFinished)


class TrainingInput(StatesGroup):
    choosing = State()     # a button question is shown: text is not an answer
    open_answer = State()  # data: served, session, message (the card's id)
    report = State()       # data: question, session, prompt (the prompt's id)


async def open_answer(message: Message, state: FSMContext, user: UserView, actors: ActorSystem) -> None:
    text = message.text.strip()
    if not text or len(text) > MAX_OPEN_ANSWER:
        await message.answer(texts.answer_too_long(MAX_OPEN_ANSWER) if text else texts.answer_as_text())
        return
    data = await state.get_data()
    try:
        result = await actors.ask(SubmitAnswer(user_id=user.id, served_id=data["served"], answer=text,
                                               channel="bot"))
    except STALE:
        result = None
    await state.clear()
    await cards.strip(message.bot, message.chat.id, data["message"])  # the card above keeps its question
    if result is None:
        await message.answer(texts.no_longer_active(), reply_markup=kb.to_menu())
        return
    await message.answer(texts.verdict(result),
                         reply_markup=kb.after_answer(data["session"], result.question_id, data.get("mode", "")))


async def answer_not_text(message: Message) -> None:
    await message.answer(texts.answer_as_text())


async def use_buttons(message: Message) -> None:
    await message.answer(texts.use_buttons())


async def ask_report(query: CallbackQuery, callback_data: TrainStep, state: FSMContext) -> None:
    asked = await state.get_state() == TrainingInput.report.state
    if asked and (await state.get_data()).get("question") == callback_data.question:
        return  # a double press: the prompt is there already
    await cards.strip(query.bot, query.from_user.id, query.message.message_id)  # the verdict stays
    prompt = await query.bot.send_message(query.from_user.id, texts.ask_report(MAX_REPORT),
                                          reply_markup=kb.cancel_report(callback_data.session,
                                                                                callback_data.mode))
    await state.set_state(TrainingInput.report)
    await state.set_data({"question": callback_data.question, "session": callback_data.session,
                          "prompt": prompt.message_id, "mode": callback_data.mode})


async def report_text(message: Message, state: FSMContext, user: UserView, actors: ActorSystem) -> None:
    text = message.text.strip()
    if not text or len(text) > MAX_REPORT:
        await message.answer(texts.report_too_long(MAX_REPORT) if text else texts.report_empty())
        return
    data = await state.get_data()
    try:
        await actors.ask(ReportQuestion(user_id=user.id, question_id=data["question"], text=text))
    except QuestionNotFound:  # deleted from the bank meanwhile
        await state.clear()
        await message.answer(texts.no_longer_active(), reply_markup=kb.to_menu())
        return
    await state.clear()
    await cards.strip(message.bot, message.chat.id, data["prompt"])
    await message.answer(texts.report_thanks(), reply_markup=kb.go_on(data["session"], data.get("mode", "")))


async def report_not_text(message: Message) -> None:
    await message.answer(texts.report_as_text())


async def cancel_report(query: CallbackQuery, callback_data: TrainStep, state: FSMContext) -> None:
    if await state.get_state() == TrainingInput.report.state:
        await state.clear()
    await cards.rewrite(query, texts.report_cancelled(), kb.go_on(callback_data.session, callback_data.mode))


def make_router() -> Router:
    """A fresh router each time (aiogram attaches a router to one dispatcher); first match wins."""
    router = Router(name=__name__)
    on_message, on_callback = router.message.register, router.callback_query.register
    on_message(open_answer, TrainingInput.open_answer, TYPED, flags=REGISTERED)
    on_message(answer_not_text, TrainingInput.open_answer, ~F.text, flags=REGISTERED)
    on_message(use_buttons, TrainingInput.choosing, ~F.text.startswith("/"), flags=REGISTERED)
    on_message(report_text, TrainingInput.report, TYPED, flags=REGISTERED)
    on_message(report_not_text, TrainingInput.report, ~F.text, flags=REGISTERED)
    on_callback(ask_report, TrainStep.filter(F.action == "report"), flags=REGISTERED)
    on_callback(cancel_report, TrainStep.filter(F.action == "cancel"), flags=REGISTERED)
    return router
