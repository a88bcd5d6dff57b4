"""Contract of the bot-state concern (used by the bot edge in webhook mode)."""
from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

from actors.runtime import Message


class ClaimUpdate(Message):
    """-> UpdateClaim: whether this is the first claim of the update id (not a duplicate delivery),
    and how many updates its sender sent within the last `window_seconds`, this one included, on any
    instance (for the flood limit)."""
    update_id: int
    user_id: int | None = None
    window_seconds: float = 10.0
    log_fields = ("update_id",)


class UpdateClaim(Message):
    first: bool
    recent_from_user: int


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
