"""The bot-state actor owns telegram_updates and bot_dialogs (sharded by key: a dialog stays in order)."""
from __future__ import annotations

import time
from collections.abc import Hashable

from actors.botstate.messages import (
    ClaimUpdate,
    Dialog,
    GetDialog,
    SetDialogData,
    SetDialogState,
    UpdateClaim,
)
from actors.runtime import Actor, Message, handles
from storage.postgres import Database
from storage.postgres.bot_state_repo import BotStateRepository

# Telegram stops retrying an update within a day; older claims only take space.
CLAIM_RETENTION = "2 days"
PRUNE_EVERY_SECONDS = 3600.0


def bot_state_shard_key(message: Message) -> Hashable:
    return getattr(message, "key", None) or getattr(message, "update_id", 0)


class BotStateActor(Actor):
    def __init__(self, database: Database) -> None:
        self._db = database
        self._repo = BotStateRepository()
        self._pruned_at = 0.0

    @handles(ClaimUpdate, logged=False)
    async def claim(self, msg: ClaimUpdate) -> UpdateClaim:
        async with self._db.transaction() as tx:
            first, recent = await self._repo.claim_update(tx, msg.update_id, msg.user_id, msg.window_seconds)
            if time.monotonic() - self._pruned_at > PRUNE_EVERY_SECONDS:
                await self._repo.forget_updates_older_than(tx, CLAIM_RETENTION)
                self._pruned_at = time.monotonic()
        return UpdateClaim(first=first, recent_from_user=recent)

    @handles(GetDialog, logged=False)
    async def get_dialog(self, msg: GetDialog) -> Dialog:
        async with self._db.autocommit() as tx:
            state, data = await self._repo.dialog(tx, msg.key)
        return Dialog(state=state, data=data)

    @handles(SetDialogState, logged=False)
    async def set_state(self, msg: SetDialogState) -> None:
        async with self._db.autocommit() as tx:
            await self._repo.set_state(tx, msg.key, msg.state)

    @handles(SetDialogData, logged=False)
    async def set_data(self, msg: SetDialogData) -> None:
        async with self._db.autocommit() as tx:
            await self._repo.set_data(tx, msg.key, msg.data)
