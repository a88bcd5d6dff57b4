"""/export for admins: pick what → a job whose progress message updates in place → the xlsx arrives
as a document. `/export mailing 12` exports one mailing's results."""
from __future__ import annotations

import html
from datetime import UTC, datetime, timedelta

from aiogram import Bot, Router
from aiogram.filters import Command, CommandObject
from aiogram.types import CallbackQuery, FSInputFile, Message

from actors.export.errors import ExportMailingNotFound
from actors.export.messages import (
    ExportJobView,
    GetExportFile,
    GetExportJob,
    StartExport,
)
from actors.runtime import ActorSystem
from actors.users.messages import UserView
from app.bot.admin import keyboards as kb
from app.bot.admin.filters import IsAdmin
from app.bot.admin.progress import ProgressBoard, edit_quietly
from app.bot.admin.texts import text
from app.bot.flags import REGISTERED


def job_text(user: UserView, job: ExportJobView) -> str:
    if job.status == "done":
        return text(user, "export_done", id=job.id, kind=job.kind, rows=job.rows_written)
    if job.status == "failed":
        return text(user, "export_failed", id=job.id, error=html.escape(job.error or "?"))
    return text(user, "export_progress", id=job.id, kind=job.kind, rows=job.rows_written,
                total=job.rows_total if job.rows_total is not None else "?")


async def menu(message: Message, command: CommandObject, user: UserView, actors: ActorSystem, bot: Bot,
               board: ProgressBoard) -> None:
    words = (command.args or "").split()
    if len(words) == 2 and words[0] == "mailing" and words[1].isdigit():
        progress = await message.answer("⏳")
        await start(actors, bot, board, user, progress, kb.ExportPick(kind="mailing", mailing_id=int(words[1])))
        return
    await message.answer(text(user, "export_menu"), reply_markup=kb.exports(user))


async def picked(query: CallbackQuery, callback_data: kb.ExportPick, user: UserView, actors: ActorSystem, bot: Bot,
                 board: ProgressBoard) -> None:
    target = query.message
    if callback_data.kind == "mailing":  # from a finished mailing: keep its progress message, add a new one
        target = await bot.send_message(query.from_user.id, "⏳")
    await start(actors, bot, board, user, target, callback_data)


async def start(actors: ActorSystem, bot: Bot, board: ProgressBoard, user: UserView, target: Message,
                pick: kb.ExportPick) -> None:
    since = datetime.now(UTC) - timedelta(days=pick.days) if pick.days else None
    chat_id, message_id = target.chat.id, target.message_id
    try:
        job = await actors.ask(StartExport(kind=pick.kind, requested_by=user.id, date_from=since,
                                           mailing_id=pick.mailing_id or None))
    except ExportMailingNotFound:  # `/export mailing 999`
        await edit_quietly(bot.edit_message_text(text(user, "export_no_mailing", id=pick.mailing_id),
                                                 chat_id=chat_id, message_id=message_id))
        return

    async def step() -> bool:
        current = await actors.ask(GetExportJob(job_id=job.id))
        await edit_quietly(bot.edit_message_text(job_text(user, current), chat_id=chat_id, message_id=message_id))
        if current.status == "done":
            file = await actors.ask(GetExportFile(job_id=job.id))
            await bot.send_document(chat_id, FSInputFile(file.path, filename=file.filename))
        return current.status != "running"

    await edit_quietly(bot.edit_message_text(job_text(user, job), chat_id=chat_id, message_id=message_id))
    board.watch(chat_id, message_id, step)


def make_router() -> Router:
    router = Router(name=__name__)
    admin = IsAdmin()
    router.message.register(menu, Command("export"), admin, flags=REGISTERED)
    router.callback_query.register(picked, kb.ExportPick.filter(), admin, flags=REGISTERED)
    return router
