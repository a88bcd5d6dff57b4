"""/help and the Help menu item (open to everyone, registered or not)."""
from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message

from actors.users.messages import UserView
from app.bot import screens
from app.bot.flags import ANYONE
from app.bot.keyboards.callbacks import MenuCallback


async def help_command(message: Message, known_user: UserView | None) -> None:
    await screens.show(message, screens.help_screen(known_user))


async def help_button(query: CallbackQuery, known_user: UserView | None) -> None:
    await screens.show(query, screens.help_screen(known_user))


def make_router() -> Router:
    """A fresh router each time (aiogram attaches a router to one dispatcher); first match wins."""
    router = Router(name=__name__)
    on_message, on_callback = router.message.register, router.callback_query.register
    on_message(help_command, Command("help"), flags=ANYONE)
    on_callback(help_button, MenuCallback.filter(F.screen == "help"), flags=ANYONE)
    return router
