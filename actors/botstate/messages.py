"""Contract of the bot-state concern (used by the bot edge in webhook mode)."""
from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

from actors.runtime import Message


class ClaimUpdate(Message):
    """-> True for the first claim of this update id, False for a duplicate delivery."""
    update_id: int
    log_fields = ("update_id",)


class GetDialog(Message):
    key: str


class Dialog(BaseModel):
    model_config = ConfigDict(frozen=True)

    state: str | None
    data: dict[str, Any]


class SetDialogState(Message):
    key: str
    state: str | None


class SetDialogData(Message):
    key: str
    data: dict[str, Any]
