"""An admin sends an .xlsx or .json document: the questions in it are imported through the bank
actor (all or nothing), and the reply lists every row's errors when the file is refused."""
from __future__ import annotations

import html
import io

from aiogram import Bot, F, Router
from aiogram.types import Message

from actors.bank.errors import ImportRejected
from actors.bank.messages import ImportQuestions
from actors.runtime import ActorSystem
from actors.users.messages import UserView
from app.bot.admin.filters import IsAdmin
from app.bot.admin.texts import text
from app.bot.flags import REGISTERED

MAX_BYTES = 10 * 1024 * 1024  # Telegram lets bots download up to 20 MB
IMPORT_TIMEOUT_SECONDS = 120.0
SHOWN_ERRORS = 30


async def import_document(message: Message, user: UserView, actors: ActorSystem, bot: Bot) -> None:
    document = message.document
    filename = document.file_name or "questions"
    if not filename.lower().endswith((".xlsx", ".json")) or (document.file_size or 0) > MAX_BYTES:
        await message.answer(text(user, "import_bad_file", mb=MAX_BYTES // (1024 * 1024)))
        return
    await message.answer(text(user, "import_started", filename=html.escape(filename)))
    content = io.BytesIO()
    await bot.download(document, destination=content)
    try:
        summary = await actors.ask(ImportQuestions(content=content.getvalue(), filename=filename),
                                   timeout=IMPORT_TIMEOUT_SECONDS)
    except ImportRejected as rejected:
        lines = [html.escape(str(error)) for error in rejected.errors[:SHOWN_ERRORS]]
        if len(rejected.errors) > SHOWN_ERRORS:
            lines.append(f"… +{len(rejected.errors) - SHOWN_ERRORS}")
        await message.answer(text(user, "import_rejected", filename=html.escape(filename), errors="\n".join(lines)))
        return
    await message.answer(text(user, "import_done", filename=html.escape(filename), **summary.model_dump()))


def make_router() -> Router:
    router = Router(name=__name__)
    router.message.register(import_document, F.document, IsAdmin(), flags=REGISTERED)
    return router
