"""Olympiad simulation keyboards and their callback data: subject -> paper -> start, the paper's
question screens (answers as in training, ◀️ ▶️, hand in), the result and its review."""
from __future__ import annotations

from collections.abc import Iterable

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardMarkup

from actors.training.messages import SimulationItem, SimulationPaper, SimulationView
from app.bot.keyboards.callbacks import MenuCallback
from app.bot.keyboards.training import Mask, Option, Pick, button, choice_rows
from app.bot.texts import common
from app.bot.texts import simulation as texts
from app.http.ids import Id

PER_ROW = 4


class SimSubject(CallbackData, prefix="ss"):
    subject: str  # a subject code: "economics"


class SimPaper(CallbackData, prefix="sp"):
    subject: str
    source: Id
    go: bool = False  # False: the confirmation screen; True: start now


class SimGo(CallbackData, prefix="sg"):
    sim: Id
    pos: int  # 1-based position on the paper


class SimAnswer(CallbackData, prefix="sa"):
    sim: Id
    served: Id
    kind: str  # "y": yes_no (value 1/0), "o": one (value = option index)
    value: Option


class SimToggle(CallbackData, prefix="sm"):
    """Multiple choice on a paper: as TrainToggle (mask of marked options, pick, DONE saves)."""
    sim: Id
    pos: int
    mask: Mask
    pick: Pick


class SimEnd(CallbackData, prefix="se"):
    sim: Id
    action: str  # ask (confirm) | finish | result
    pos: int = 1  # where "back to the paper" returns


class SimReview(CallbackData, prefix="sr"):
    sim: Id
    pos: int


def subjects(papers: Iterable[SimulationPaper]) -> InlineKeyboardMarkup:
    names = {p.subject: p.subject_name for p in papers}
    rows = [[button(name, SimSubject(subject=code))] for code, name in names.items()]
    menu = button(common.menu_button(), MenuCallback(screen="main"))
    return InlineKeyboardMarkup(inline_keyboard=[*rows, [menu]])


def papers(found: Iterable[SimulationPaper]) -> InlineKeyboardMarkup:
    rows = [[button(texts.source_label(p), SimPaper(subject=p.subject, source=p.source_id))] for p in found]
    back = button(common.back_button(), MenuCallback(screen="sim"))
    return InlineKeyboardMarkup(inline_keyboard=[*rows, [back]])


def confirm_start(paper: SimulationPaper) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(inline_keyboard=[
        [button(texts.start_button(), SimPaper(subject=paper.subject, source=paper.source_id, go=True))],
        [button(common.back_button(), SimSubject(subject=paper.subject))]])


def question(view: SimulationView, item: SimulationItem, mask: int | None = None) -> InlineKeyboardMarkup:
    """`mask`: the options marked on a multiple-choice question (None: as saved)."""
    q, sim, pos = item.question, view.id, item.position
    if q.type == "multiple":
        picked: object = mask if mask is not None else sum(1 << i for i in (item.answer or ()))
    else:
        picked = item.answer
    rows = choice_rows(q.type, len(q.options), picked,
                       lambda kind, value: SimAnswer(sim=sim, served=q.served_id, kind=kind, value=value),
                       lambda marked, pick: SimToggle(sim=sim, pos=pos, mask=marked, pick=pick))
    moves = [button("◀️", SimGo(sim=sim, pos=pos - 1))] if pos > 1 else []
    if pos < view.size:
        moves.append(button("▶️", SimGo(sim=sim, pos=pos + 1)))
    rows += [moves, [button(texts.finish_button(), SimEnd(sim=sim, action="ask", pos=pos))]]
    return InlineKeyboardMarkup(inline_keyboard=[row for row in rows if row])


def confirm_finish(sim: int, pos: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(inline_keyboard=[
        [button(texts.confirm_finish_button(), SimEnd(sim=sim, action="finish"))],
        [button(texts.back_to_paper_button(), SimGo(sim=sim, pos=pos))]])


def result(view: SimulationView) -> InlineKeyboardMarkup:
    numbers = [button(str(i), SimReview(sim=view.id, pos=i)) for i in range(1, view.size + 1)]
    rows = [numbers[i:i + PER_ROW] for i in range(0, len(numbers), PER_ROW)]
    return InlineKeyboardMarkup(inline_keyboard=rows + [
        [button(texts.another_button(), MenuCallback(screen="sim")),
         button(common.menu_button(), MenuCallback(screen="main"))]])


def review(view: SimulationView, pos: int) -> InlineKeyboardMarkup:
    moves = [button("◀️", SimReview(sim=view.id, pos=pos - 1))] if pos > 1 else []
    if pos < view.size:
        moves.append(button("▶️", SimReview(sim=view.id, pos=pos + 1)))
    rows = [moves] if moves else []
    return InlineKeyboardMarkup(inline_keyboard=rows + [[button(texts.result_button(),
                                                                SimEnd(sim=view.id, action="result"))]])
