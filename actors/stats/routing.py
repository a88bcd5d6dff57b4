"""Shard routing: one user's answers, queries and rebuilds reach one shard, in order."""
from __future__ import annotations

from actors.runtime import Message


def stats_shard_key(message: Message) -> int:
    for field in ("user_id", "target_user_id"):
        value = getattr(message, field, None)
        if value is not None:
            return int(value)
    return 0  # RebuildStats of everybody, GetLeaderboardTop
