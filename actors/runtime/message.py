"""The base of every command, query and event: a frozen, strict pydantic model."""
from __future__ import annotations

from typing import ClassVar

from pydantic import BaseModel, ConfigDict


class Message(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    # Field names that are safe to write to logs (ids, counts); everything else stays out of
    # log lines, because a field may hold a password, a token or personal data. See @logged.
    log_fields: ClassVar[tuple[str, ...]] = ()


class Event(Message):
    """Something that happened (past tense: AnswerSubmitted). Published on the bus; subscribers
    such as analytics can subscribe to this base class to see every event."""
