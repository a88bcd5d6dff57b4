"""The analytics concern's contract: records the sinks send, its status query, and a flush command.

Domain events need nothing here: the analytics actor subscribes to the `Event` base class.
"""
from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict

from actors.runtime import Message

SenderState = Literal["connecting", "up", "down", "not_configured"]


class RecordTiming(Message):
    """One timed handler call, with the caller's trace (sent by the timing sink)."""
    actor: str
    message_type: str
    seconds: float
    ok: bool
    at: datetime
    request_id: str = ""
    user_id: int = 0
    channel: str = ""


class RecordLog(Message):
    """One log record at or above the configured level (sent by the loguru sink)."""
    at: datetime
    level: str
    logger: str
    message: str
    request_id: str = ""
    actor: str = ""
    extra: str = "{}"  # JSON of the record's other bound fields


class AnalyticsTick(Message):
    """The actor's own timer: send buffers that waited flush_interval, write status rows."""


class FlushAnalytics(Message):
    """Send (or spool) everything buffered now and wait until the sender is idle. Replies AnalyticsStatus."""


class GetAnalyticsStatus(Message):
    """Replies AnalyticsStatus."""


class AnalyticsStatus(BaseModel):
    model_config = ConfigDict(frozen=True)

    state: SenderState
    sent: int  # rows acknowledged by ClickHouse on first delivery
    spooled: int  # rows written to the local spool
    replayed: int  # spooled rows later stored in ClickHouse
    dropped: int  # rows lost: spool cap, full mailbox, unreadable spool files, rejected by ClickHouse
    already_stored: int  # rows a retry or replay skipped because they were stored before
    buffered: int  # rows in memory: the batch buffers and the batches waiting for the sender
    spool_bytes: int
    spool_files: int
    last_error: str | None = None
