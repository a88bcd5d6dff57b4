"""A user blocking or unblocking the bot: mailings and reminders skip blocked users."""
from __future__ import annotations

from aiogram import Router
from aiogram.enums import ChatType
from aiogram.types import ChatMemberUpdated

from actors.mailing.messages import SetBotBlocked
from actors.runtime import ActorSystem


def make_router() -> Router:
    router = Router(name=__name__)

    @router.my_chat_member()
    async def on_membership(event: ChatMemberUpdated, actors: ActorSystem) -> None:
        if event.chat.type != ChatType.PRIVATE:
            return
        blocked = event.new_chat_member.status == "kicked"
        await actors.tell(SetBotBlocked(telegram_id=event.from_user.id, blocked=blocked))

    return router
