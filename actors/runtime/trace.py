"""Request tracing across actors: the caller's TRACE travels in every envelope.

TRACE holds small fields such as request_id, user_id and channel. Treat its dict as immutable:
set a new dict (``TRACE.set({**TRACE.get(), "user_id": 7})``) or use ``trace_scope`` instead of
mutating in place, because the runtime shares snapshots between the sender and the handler.
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from types import MappingProxyType
from typing import Any

_EMPTY: Mapping[str, Any] = MappingProxyType({})

TRACE: ContextVar[Mapping[str, Any]] = ContextVar("apo_trace", default=_EMPTY)

# Set inside actor tasks: during a graceful stop, sends from actors are still accepted so that
# a draining actor can finish its work (e.g. publish the event of an acknowledged answer).
CURRENT_ACTOR: ContextVar[str | None] = ContextVar("apo_current_actor", default=None)


def trace_snapshot() -> Mapping[str, Any]:
    """What an envelope carries: a copy, so later changes by the sender cannot leak in."""
    current = TRACE.get()
    return dict(current) if current else _EMPTY


@contextmanager
def trace_scope(**fields: Any) -> Iterator[Mapping[str, Any]]:
    """Adds fields to TRACE for the duration of a block (e.g. the user id once it is known)."""
    merged = {**TRACE.get(), **fields}
    token = TRACE.set(merged)
    try:
        yield merged
    finally:
        TRACE.reset(token)
