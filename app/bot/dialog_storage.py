"""aiogram FSM storage kept by the bot-state actor in PostgreSQL: dialogs survive a restart and
continue on whichever instance Telegram's next webhook call reaches."""
from __future__ import annotations

from typing import Any

from aiogram.fsm.state import State
from aiogram.fsm.storage.base import BaseStorage, StorageKey

from actors.botstate.messages import GetDialog, SetDialogData, SetDialogState
from actors.runtime import ActorSystem


def dialog_key(key: StorageKey) -> str:
    return ":".join(str(part) for part in (key.bot_id, key.chat_id, key.user_id, key.thread_id,
                                           key.business_connection_id, key.destiny))


class ActorDialogStorage(BaseStorage):
    def __init__(self, system: ActorSystem) -> None:
        self._system = system

    async def set_state(self, key: StorageKey, state: str | State | None = None) -> None:
        value = state.state if isinstance(state, State) else state
        await self._system.ask(SetDialogState(key=dialog_key(key), state=value))

    async def get_state(self, key: StorageKey) -> str | None:
        return (await self._system.ask(GetDialog(key=dialog_key(key)))).state

    async def set_data(self, key: StorageKey, data: dict[str, Any]) -> None:
        await self._system.ask(SetDialogData(key=dialog_key(key), data=dict(data)))

    async def get_data(self, key: StorageKey) -> dict[str, Any]:
        return dict((await self._system.ask(GetDialog(key=dialog_key(key)))).data)

    async def close(self) -> None:
        """Nothing to close: the actor owns the connection pool."""
