"""Last router: whatever no feature took. Unknown commands, free text, outdated buttons, edits
(Telegram tells the bot about an edited message; nothing acts on one, so the user is told)."""
from __future__ import annotations

from aiogram import F, Router
from aiogram.types import CallbackQuery, Message
from aiogram.utils.callback_answer import CallbackAnswer

from actors.users.messages import UserView
from app.bot import screens
from app.bot.flags import ANYONE, REGISTERED
from app.bot.texts import common


async def unknown_command(message: Message) -> None:
    await message.answer(common.unknown_command())


async def not_understood(message: Message, user: UserView) -> None:
    await screens.show(message, screens.home(user, notice=common.not_understood()))


async def edited(message: Message) -> None:
    await message.reply(common.edits_not_read())


async def outdated_button(query: CallbackQuery, user: UserView, callback_answer: CallbackAnswer) -> None:
    callback_answer.text = common.outdated_button()
    await screens.show(query, screens.home(user))


def make_router() -> Router:
    """A fresh router each time (aiogram attaches a router to one dispatcher); first match wins."""
    router = Router(name=__name__)
    on_message, on_callback = router.message.register, router.callback_query.register
    on_message(unknown_command, F.text.startswith("/"), flags=ANYONE)
    on_message(not_understood, flags=REGISTERED)
    on_callback(outdated_button, flags=REGISTERED)
    router.edited_message.register(edited, flags=ANYONE)
    return router
