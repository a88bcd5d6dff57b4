"""Admin screens answer admins only: for anyone else the filter fails, so their update goes on to
the next routers and ends where any unknown input ends (the fallback)."""
from __future__ import annotations

from aiogram.filters import Filter
from aiogram.types import TelegramObject

from actors.runtime import ActorSystem
from actors.users.messages import GetStoredUser, UserView


class IsAdmin(Filter):
    """Decided on the stored user, not the cached profile: a revoke holds from the next update. It
    is every admin handler's last filter, so only an admin command pays for the read."""

    async def __call__(self, event: TelegramObject, actors: ActorSystem, known_user: UserView | None = None) -> bool:
        if known_user is None:
            return False
        stored: UserView = await actors.ask(GetStoredUser(user_id=known_user.id))
        return stored.is_admin
