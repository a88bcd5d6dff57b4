"""The base of every command, query and event: a frozen, strict pydantic model."""
from __future__ import annotations

from typing import ClassVar

from pydantic import BaseModel, ConfigDict


class Message(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    # Field names that are safe to write to logs (ids, counts); everything else stays out of
    # log lines, because a field may hold a password, a token or personal data. See actors/aspects/logged.py.
    log_fields: ClassVar[tuple[str, ...]] = ()


class Event(Message):
    """Something that happened (past tense: AnswerSubmitted). Its subscribers are written in one
    table (app/wiring/subscriptions.py); analytics subscribes to this base class to see every event.
    An event whose fact is in PostgreSQL goes through the outbox (Tx.record), the others are
    emitted (Actor.emit) and published by the runtime after the handler."""

    def outbox_key(self) -> int:
        """Whose events these are: the relay keeps each key's events in order (0: nobody's)."""
        user_id = getattr(self, "user_id", None)
        return user_id if isinstance(user_id, int) else 0
