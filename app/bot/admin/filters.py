"""Admin screens answer admins only: for anyone else the filter fails, so their update goes on to
the next routers and ends where any unknown input ends (the fallback)."""
from __future__ import annotations

from aiogram.filters import Filter
from aiogram.types import TelegramObject

from actors.users.messages import UserView


class IsAdmin(Filter):
    async def __call__(self, event: TelegramObject, known_user: UserView | None = None) -> bool:
        return known_user is not None and known_user.is_admin
