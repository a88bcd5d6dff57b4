"""What the relay sends and shows."""
from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict

from actors.runtime import Event, Message


class EventBatch(Message):
    """Relayed events for a subscriber that takes them in bulk (analytics): one message instead of
    one per event. Its handler returns an awaitable that completes once they are stored for good;
    the relay deletes their rows only then."""

    model_config = ConfigDict(frozen=True, extra="forbid", arbitrary_types_allowed=True)

    events: tuple[Event, ...]
    event_ids: tuple[str, ...]  # the outbox rows' event_id, the same on a redelivery
    written_at: tuple[datetime, ...]  # when each was written: the time of an event that has none


class OutboxStatus(Event):
    """The relay's own figures every few seconds, for the Reliability dashboard (no PostgreSQL
    fact: emitted, not recorded)."""

    log_fields = ("backlog", "dead", "in_flight")

    backlog: int  # rows waiting (not dead)
    dead: int  # rows given up on after repeated non-transient failures, kept for a human
    lag_seconds: float  # age of the oldest waiting row
    in_flight: int  # rows this instance is delivering
    relayed: int  # rows this instance delivered and deleted since it started
    retried: int  # deliveries that failed and were released for a retry
    at: datetime


class RelayStatus(BaseModel):
    """For /readyz."""

    state: str  # running | stopped
    instance: str
    key: int | None  # the instance's liveness lock, and what its claims carry
    backlog: int | None  # None when PostgreSQL did not answer
    dead: int | None
    lag_seconds: float | None
    in_flight: int
    relayed: int
    retried: int
