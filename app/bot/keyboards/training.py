"""Training keyboards and their callback data: answers per question type, then Next / Stop / Report.

`choice_rows` (the answer buttons of one question) is shared with the simulation's keyboards.
"""
from __future__ import annotations

from collections.abc import Callable
from math import ceil
from typing import Annotated

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from pydantic import Field

from actors.training.messages import QuestionView
from app.bot.keyboards.callbacks import MenuCallback
from app.bot.texts import common
from app.bot.texts import training as texts
from app.http.ids import Id, IdOrZero

Rows = list[list[InlineKeyboardButton]]
DONE = -1  # TrainToggle.pick of the Done button
REVIEW = "m"  # the `mode` of a card from the mistakes queue ("": training); Next asks GetNextReview
MAX_OPTIONS = 100  # a message carries at most 100 buttons, so no card shows more options

# Options are bounded like ids (see callbacks.py): a forged count, pick or mask would otherwise
# build a keyboard or a bit mask of any size.
Option = Annotated[int, Field(ge=0, lt=MAX_OPTIONS)]  # an option index (yes/no: 1/0)
Pick = Annotated[int, Field(ge=DONE, lt=MAX_OPTIONS)]
Mask = Annotated[int, Field(ge=0, lt=1 << MAX_OPTIONS)]


class TrainAnswer(CallbackData, prefix="ta"):
    """A yes/no (kind "y", value 1/0) or one-answer (kind "o", value = option index) press."""
    session: IdOrZero
    served: Id
    kind: str
    value: Option
    mode: str = ""


class TrainToggle(CallbackData, prefix="tm"):
    """Multiple choice with `count` options: `mask` holds those marked so far (bit i = option i);
    `pick` is the pressed one (DONE: the Done button)."""
    session: IdOrZero
    served: Id
    count: Annotated[int, Field(ge=0, le=MAX_OPTIONS)]
    mask: Mask
    pick: Pick
    mode: str = ""


class TrainStep(CallbackData, prefix="tx"):
    action: str  # next | skip | stop (replaces the message) | end (keeps it) | report | cancel
    session: IdOrZero
    served: IdOrZero = 0
    question: IdOrZero = 0
    mode: str = ""


def button(text: str, data: CallbackData) -> InlineKeyboardButton:
    return InlineKeyboardButton(text=text, callback_data=data.pack())


def choice_rows(kind: str, count: int, picked: object,
                answer: Callable[[str, int], CallbackData],
                toggle: Callable[[int, int], CallbackData]) -> Rows:
    """The answer buttons of a question of type `kind` with `count` options: Yes / No; a numbered
    button per option; toggles + Done (`picked` is then the bit mask). `picked` marks the chosen
    answer with ✅ (None: nothing chosen). Open questions have no buttons."""
    if kind == "yes_no":
        return [[button(("✅ " if picked is value else "") + texts.yes_no(value), answer("y", int(value)))
                 for value in (True, False)]]
    if kind == "one":
        row = [button(("✅ " if picked == i else "") + str(i + 1), answer("o", i)) for i in range(count)]
    elif kind == "multiple":
        mask = picked if isinstance(picked, int) else 0
        row = [button(("✅ " if mask >> i & 1 else "▫️ ") + str(i + 1), toggle(mask, i))
               for i in range(count)]
        return _split(row) + [[button(texts.done_button(), toggle(mask, DONE))]]
    else:
        return []
    return _split(row)


def _split(row: list[InlineKeyboardButton]) -> Rows:
    per_row = len(row) if len(row) <= 5 else ceil(len(row) / 2)
    return [row[i:i + per_row] for i in range(0, len(row), per_row)]


def mode_of(q: QuestionView) -> str:
    return REVIEW if getattr(q, "mode", None) == "mistakes" else ""


def question(q: QuestionView) -> InlineKeyboardMarkup:
    return _question(q.type, len(q.options), q.session_id or 0, q.served_id, 0, mode_of(q))


def remarked(pressed: TrainToggle, mask: int) -> InlineKeyboardMarkup:
    """A multiple-choice card's keyboard with these options marked."""
    return _question("multiple", pressed.count, pressed.session, pressed.served, mask, pressed.mode)


def _question(kind: str, count: int, session: int, served: int, mask: int, mode: str) -> InlineKeyboardMarkup:
    rows = choice_rows(
        kind, count, mask if kind == "multiple" else None,
        lambda k, value: TrainAnswer(session=session, served=served, kind=k, value=value, mode=mode),
        lambda marked, pick: TrainToggle(session=session, served=served, count=count, mask=marked, pick=pick,
                                         mode=mode))
    rows.append([button(texts.skip_button(), TrainStep(action="skip", session=session, served=served, mode=mode)),
                 button(texts.stop_button(), TrainStep(action="stop", session=session))])
    return InlineKeyboardMarkup(inline_keyboard=rows)


def after_answer(session: int, question_id: int, mode: str = "") -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(inline_keyboard=go_on(session, mode).inline_keyboard + [
        [button(texts.report_button(), TrainStep(action="report", session=session, question=question_id,
                                                 mode=mode))],
    ])


def go_on(session: int, mode: str = "") -> InlineKeyboardMarkup:
    """After a report (sent or cancelled): carry on or stop."""
    return InlineKeyboardMarkup(inline_keyboard=[
        [button(texts.next_button(), TrainStep(action="next", session=session, mode=mode)),
         button(texts.stop_button(), TrainStep(action="end", session=session, mode=mode))]])


def cancel_report(session: int, mode: str = "") -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(inline_keyboard=[
        [button(common.cancel_button(), TrainStep(action="cancel", session=session, mode=mode))]])


def exhausted(session: int) -> InlineKeyboardMarkup:
    rows = [[button(texts.finish_button(), TrainStep(action="stop", session=session))]] if session else []
    return InlineKeyboardMarkup(inline_keyboard=rows + [[button(common.menu_button(),
                                                                MenuCallback(screen="main"))]])


def to_menu() -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(inline_keyboard=[[button(common.menu_button(), MenuCallback(screen="main"))]])


def after_summary() -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(inline_keyboard=[[button(texts.again_button(), MenuCallback(screen="train")),
                                                  button(common.menu_button(), MenuCallback(screen="main"))]])
