"""Shard routing for the users actor: one user's messages always reach the same shard, in order."""
from __future__ import annotations

from collections.abc import Hashable

from actors.runtime import Message


def user_shard_key(message: Message) -> Hashable:
    for field in ("user_id", "telegram_id", "email"):
        value = getattr(message, field, None)
        if value is not None:
            return f"{field}:{str(value).lower()}"
    return "*"
