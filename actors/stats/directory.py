"""What statistics ask the users actor: a user's time zone (local days, streaks) and display names
(leaderboards). Users never asks statistics back, so the two cannot deadlock."""
from __future__ import annotations

import asyncio

from actors.runtime import ActorRef
from actors.users.errors import UserNotFound
from actors.users.messages import GetUser


class UsersDirectory:
    def __init__(self, users: ActorRef) -> None:
        self._users = users

    async def timezone_of(self, user_id: int) -> str:
        return (await self._users.ask(GetUser(user_id=user_id))).timezone

    async def names_of(self, user_ids: list[int]) -> dict[int, str | None]:
        async def name(user_id: int) -> str | None:
            try:
                return (await self._users.ask(GetUser(user_id=user_id))).display_name
            except UserNotFound:
                return None

        return dict(zip(user_ids, await asyncio.gather(*(name(u) for u in user_ids)), strict=True))
