"""/mailing for admins: compose (text or photo with caption) → choose who → preview to self →
confirm → a progress message updated in place, with pause / resume / stop."""
from __future__ import annotations

import html

from aiogram import Bot, F, Router
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message

from actors.bank.messages import GetCatalog
from actors.errors import DomainError
from actors.mailing.html import CAPTION_LIMIT, TEXT_LIMIT, HtmlError, check_html
from actors.mailing.messages import (
    CancelMailing,
    CreateMailing,
    GetMailingProgress,
    MailingProgress,
    PauseMailing,
    PreviewMailing,
    ResumeMailing,
    StartMailing,
)
from actors.runtime import ActorSystem
from actors.users.messages import UserView
from app.bot.admin import keyboards as kb
from app.bot.admin.filters import IsAdmin
from app.bot.admin.progress import ProgressBoard, edit_quietly
from app.bot.admin.states import MailingDialog
from app.bot.admin.texts import status, text
from app.bot.flags import REGISTERED

SEGMENTS = {"all": lambda v: {"kind": "all"}, "only_me": lambda v: {"kind": "only_me"},
            "grade": lambda v: {"kind": "grade", "grades": [v]},
            "active_in_subject": lambda v: {"kind": "active_in_subject", "subject": v, "days": 30},
            "inactive": lambda v: {"kind": "inactive", "days": int(v)}}


def progress_text(user: UserView, progress: MailingProgress) -> str:
    return text(user, "progress", **{**progress.model_dump(), "status": status(user, progress.status)})


async def begin(message: Message, state: FSMContext, user: UserView) -> None:
    await state.set_state(MailingDialog.text)
    await message.answer(text(user, "compose"))


async def composed(message: Message, state: FSMContext, user: UserView) -> None:
    photo = message.photo[-1].file_id if message.photo else None
    entities = message.entities or message.caption_entities
    body = message.html_text if entities else (message.text or message.caption)  # typed HTML is taken as is
    if not body:
        await message.answer(text(user, "need_text"))
        return
    try:
        check_html(body, limit=CAPTION_LIMIT if photo else TEXT_LIMIT)
    except HtmlError as error:
        await message.answer(text(user, "bad_html", error=html.escape(str(error))))
        return
    await state.update_data(text=body, photo=photo)
    await state.set_state(MailingDialog.segment)
    await message.answer(text(user, "choose_segment"), reply_markup=kb.segments(user))


async def segment_menu(query: CallbackQuery, callback_data: kb.SegmentPick, user: UserView,
                       actors: ActorSystem) -> None:
    if callback_data.kind == "grade_menu":
        await query.message.edit_text(text(user, "choose_grade"), reply_markup=kb.grades(user))
        return
    catalog = await actors.ask(GetCatalog())
    codes = [(s.code, s.name) for s in catalog.subjects]
    await query.message.edit_text(text(user, "choose_subject" if codes else "no_subjects"),
                                  reply_markup=kb.subjects(user, codes))


async def segment_chosen(query: CallbackQuery, callback_data: kb.SegmentPick, state: FSMContext, user: UserView,
                         actors: ActorSystem, bot: Bot) -> None:
    draft = await state.get_data()
    segment = SEGMENTS[callback_data.kind](callback_data.value)
    mailing = await actors.ask(CreateMailing(admin_user_id=user.id, text=draft["text"], photo=draft.get("photo"),
                                             segment=segment))
    await state.set_state(MailingDialog.confirm)
    await query.message.delete()
    try:
        await actors.ask(PreviewMailing(mailing_id=mailing.id, admin_user_id=user.id, chat_id=query.from_user.id))
    except DomainError as error:
        await bot.send_message(query.from_user.id, text(user, "preview_failed", error=html.escape(error.detail)))
    await bot.send_message(query.from_user.id, text(user, "confirm", audience=mailing.audience),
                           reply_markup=kb.confirm(user, mailing.id))


async def cancel_draft(query: CallbackQuery, callback_data: kb.MailingAction, state: FSMContext, user: UserView,
                       actors: ActorSystem) -> None:
    await state.clear()
    if callback_data.mailing_id:
        await actors.ask(CancelMailing(mailing_id=callback_data.mailing_id, admin_user_id=user.id))
    await query.message.edit_text(text(user, "cancelled_dialog"))


async def control(query: CallbackQuery, callback_data: kb.MailingAction, state: FSMContext, user: UserView,
                  actors: ActorSystem, bot: Bot, board: ProgressBoard) -> None:
    command = {"start": StartMailing, "pause": PauseMailing, "resume": ResumeMailing,
               "cancel": CancelMailing}[callback_data.action]
    if callback_data.action == "start":
        await state.clear()
    view = await actors.ask(command(mailing_id=callback_data.mailing_id, admin_user_id=user.id))
    chat_id, message_id = query.message.chat.id, query.message.message_id

    async def step() -> bool:
        progress = await actors.ask(GetMailingProgress(mailing_id=view.id))
        await edit_quietly(bot.edit_message_text(progress_text(user, progress), chat_id=chat_id, message_id=message_id,
                                                 reply_markup=kb.progress(user, view.id, progress.status)))
        return progress.status != "running"

    if view.status == "running":
        board.watch(chat_id, message_id, step)
    else:
        await step()


def make_router() -> Router:
    router = Router(name=__name__)
    admin = IsAdmin()
    router.message.register(begin, Command("mailing"), admin, flags=REGISTERED)
    router.message.register(composed, MailingDialog.text, ~F.text.startswith("/"), admin,  # commands stay commands
                            flags=REGISTERED)
    router.callback_query.register(cancel_draft, kb.MailingAction.filter(F.action == "cancel_draft"), admin,
                                   flags=REGISTERED)
    router.callback_query.register(cancel_draft, kb.MailingAction.filter(F.action == "cancel"), MailingDialog.confirm,
                                   admin, flags=REGISTERED)
    router.callback_query.register(control, kb.MailingAction.filter(), admin, flags=REGISTERED)
    router.callback_query.register(segment_menu, kb.SegmentPick.filter(F.kind.in_({"grade_menu", "subject_menu"})),
                                   MailingDialog.segment, admin, flags=REGISTERED)
    router.callback_query.register(segment_chosen, kb.SegmentPick.filter(), MailingDialog.segment, admin,
                                   flags=REGISTERED)
    return router
