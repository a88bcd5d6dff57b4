"""Shard routing for training: one user's messages reach one shard, in order; admin messages go to
shard 0. Every rule that spans users lives in PostgreSQL (unique served_id, row locks on a paper),
so shards of different users never need to agree on anything in memory."""
from __future__ import annotations

from actors.runtime import Message


def training_shard_key(message: Message) -> int:
    return getattr(message, "user_id", 0)
