"""Training in the bot: a question card per question, answered by its buttons (or a typed text,
handled in training_input.py); the card becomes its verdict; Next sends the next card below it.
The menu's Train, a reminder's Train button and /train start (or continue) it.

A card from the mistakes queue (keyboard mode REVIEW, see mistakes.py) goes on with GetNextReview.
Skip and Stop replace an unanswered card; Stop on a verdict keeps the verdict and sends the summary.
A repeated press (or a press on an old card) gets the recorded verdict again from the actor.
"""
from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from aiogram.utils.callback_answer import CallbackAnswer

from actors.adaptive.errors import NoReviewsDue
from actors.adaptive.messages import GetNextReview
from actors.runtime import ActorSystem
from actors.training.errors import (
    NoQuestionMatches,
    SessionExhausted,
    SessionFinished,
    SessionNotFound,
)
from actors.training.messages import (
    AnswerResult,
    FinishSession,
    GetNextQuestion,
    QuestionView,
    SkipQuestion,
    SubmitAnswer,
)
from actors.users.messages import UserView
from app.bot.flags import REGISTERED
from app.bot.handlers import cards, training_input
from app.bot.handlers.training_input import STALE, TrainingInput
from app.bot.keyboards import training as kb
from app.bot.keyboards.callbacks import MenuCallback
from app.bot.keyboards.training import DONE, REVIEW, TrainAnswer, TrainStep, TrainToggle
from app.bot.texts import common
from app.bot.texts import mistakes as mistakes_texts
from app.bot.texts import training as texts


async def next_card(actors: ActorSystem, user: UserView, session: int | None,
                    mode: str = "") -> QuestionView | cards.Card:
    """The next question (of the mistakes queue for mode REVIEW), or the card that says why there is none."""
    ask = GetNextReview if mode == REVIEW else GetNextQuestion
    try:
        return await actors.ask(ask(user_id=user.id, channel="bot", session_id=session or None))
    except NoReviewsDue as error:
        return cards.Card(mistakes_texts.nothing_due(error.next_due_at, user.timezone), kb.to_menu())
    except NoQuestionMatches:
        return cards.Card(texts.no_questions(), kb.to_menu())
    except SessionExhausted as error:  # /train and the menu do not know the session: the error does
        return cards.Card(texts.exhausted(), kb.exhausted(session or error.session_id or 0))


async def present(event: CallbackQuery | Message, state: FSMContext, shown: QuestionView | cards.Card,
                  keep: bool = False) -> None:
    """Puts a question (or a notice) on the chat: in place of the pressed message, or below it (keep);
    after a command, as a new message."""
    card = shown if isinstance(shown, cards.Card) else \
        cards.Card(texts.card(shown), kb.question(shown), shown.image)
    if isinstance(event, Message):
        message = await cards.send(event.bot, event.chat.id, card)
    else:
        message = await (cards.follow if keep else cards.put)(event, card)
    await state.clear()
    if isinstance(shown, QuestionView):
        await state.set_state(TrainingInput.open_answer if shown.type == "open" else TrainingInput.choosing)
        await state.set_data({"served": shown.served_id, "session": shown.session_id,
                              "message": message.message_id, "mode": kb.mode_of(shown)})


async def start(event: CallbackQuery | Message, state: FSMContext, user: UserView, actors: ActorSystem) -> None:
    """The menu's Train, a reminder's Train, or /train: the question on screen, else the next one."""
    await present(event, state, await next_card(actors, user, None))


async def step_next(query: CallbackQuery, callback_data: TrainStep, state: FSMContext, user: UserView,
                    actors: ActorSystem, callback_answer: CallbackAnswer) -> None:
    try:
        shown = await next_card(actors, user, callback_data.session, callback_data.mode)
    except (SessionFinished, SessionNotFound):
        return await _stale(query, callback_answer, texts.session_over())
    if isinstance(shown, QuestionView) and (await state.get_data()).get("served") == shown.served_id:
        callback_answer.text = texts.already_shown()  # a double press: the card is below already
        return
    await present(query, state, shown, keep=True)


async def answer(query: CallbackQuery, callback_data: TrainAnswer, state: FSMContext, user: UserView,
                 actors: ActorSystem, callback_answer: CallbackAnswer) -> None:
    value = bool(callback_data.value) if callback_data.kind == "y" else callback_data.value
    await _submit(query, callback_data, value, state, user, actors, callback_answer)


async def toggle(query: CallbackQuery, callback_data: TrainToggle, state: FSMContext, user: UserView,
                 actors: ActorSystem, callback_answer: CallbackAnswer) -> None:
    if not cards.pressed_on_message(query):  # the marks travel in the data: only a shown button counts
        callback_answer.text = common.outdated_button()
        return
    mask = callback_data.mask
    if callback_data.pick != DONE:  # mark or unmark one option: only the buttons change
        mask ^= 1 << callback_data.pick
        await cards.remark(query, kb.remarked(callback_data, mask))
        return
    if not mask:
        callback_answer.text = texts.pick_something()
        return
    picked = [i for i in range(mask.bit_length()) if mask >> i & 1]
    await _submit(query, callback_data, picked, state, user, actors, callback_answer)


async def _submit(query: CallbackQuery, card: TrainAnswer | TrainToggle, value: object, state: FSMContext,
                  user: UserView, actors: ActorSystem, callback_answer: CallbackAnswer) -> None:
    served = card.served
    try:
        result: AnswerResult = await actors.ask(SubmitAnswer(user_id=user.id, served_id=served, answer=value,
                                                             channel="bot"))
    except STALE:
        return await _stale(query, callback_answer, texts.no_longer_active())
    if (await state.get_data()).get("served") == served:
        await state.clear()
    body = cards.shown_body(query.message, texts.RULE)
    await cards.rewrite(query, texts.verdict_card(body, result), kb.after_answer(card.session, result.question_id,
                                                                                  card.mode))


async def skip(query: CallbackQuery, callback_data: TrainStep, state: FSMContext, user: UserView,
               actors: ActorSystem, callback_answer: CallbackAnswer) -> None:
    try:
        await actors.ask(SkipQuestion(user_id=user.id, served_id=callback_data.served))
        shown = await next_card(actors, user, callback_data.session, callback_data.mode)
    except (*STALE, SessionNotFound):
        return await _stale(query, callback_answer, texts.no_longer_active())
    await present(query, state, shown)


async def stop(query: CallbackQuery, callback_data: TrainStep, state: FSMContext, user: UserView,
               actors: ActorSystem, callback_answer: CallbackAnswer) -> None:
    try:
        summary = await actors.ask(FinishSession(user_id=user.id, session_id=callback_data.session))
    except SessionNotFound:
        return await _stale(query, callback_answer, texts.session_over())
    if (await state.get_data()).get("finished") == summary.session_id:
        return  # a double press: the summary is there already
    await state.clear()
    await state.set_data({"finished": summary.session_id})
    card = cards.Card(texts.summary(summary), kb.after_summary())
    await (cards.follow if callback_data.action == "end" else cards.put)(query, card)


async def _stale(query: CallbackQuery, callback_answer: CallbackAnswer, text: str) -> None:
    callback_answer.text, callback_answer.show_alert = text, True
    if isinstance(query.message, Message):
        await cards.strip(query.bot, query.from_user.id, query.message.message_id)


def make_router() -> Router:
    """A fresh router each time (aiogram attaches a router to one dispatcher); first match wins."""
    router = Router(name=__name__)
    on_callback = router.callback_query.register
    on_callback(start, MenuCallback.filter(F.screen == "train"), flags=REGISTERED)
    router.message.register(start, Command("train"), flags=REGISTERED)
    on_callback(answer, TrainAnswer.filter(), flags=REGISTERED)
    on_callback(toggle, TrainToggle.filter(), flags=REGISTERED)
    on_callback(step_next, TrainStep.filter(F.action == "next"), flags=REGISTERED)
    on_callback(skip, TrainStep.filter(F.action == "skip"), flags=REGISTERED)
    on_callback(stop, TrainStep.filter(F.action.in_({"stop", "end"})), flags=REGISTERED)
    router.include_router(training_input.make_router())
    return router
