"""@timed: handler latency per message type, into the actor's metrics and an optional global sink.

The sink is how analytics learns timings without every actor depending on it: it is called
synchronously as sink(actor, message_type, seconds, ok) and must be quick (e.g. ref.tell_nowait).
"""
from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from time import perf_counter
from typing import Any

from loguru import logger

from actors.aspects.order import check_order, mark

TimingSink = Callable[[str, str, float, bool], None]
AsyncHandler = Callable[[Any, Any], Awaitable[Any]]

_sink: TimingSink | None = None


def set_timing_sink(sink: TimingSink | None) -> TimingSink | None:
    """Installs the system-wide sink (None removes it); returns the previous one."""
    global _sink
    previous, _sink = _sink, sink
    return previous


def timed(fn: AsyncHandler) -> AsyncHandler:
    check_order("timed", fn)

    @functools.wraps(fn)
    async def wrapper(self: Any, message: Any) -> Any:
        started = perf_counter()
        ok = False
        try:
            result = await fn(self, message)
            ok = True
            return result
        finally:
            _record(self, type(message).__name__, perf_counter() - started, ok)

    return mark("timed", wrapper)


def _record(actor: Any, message_type: str, seconds: float, ok: bool) -> None:
    metrics = getattr(actor, "_runtime_metrics", None)  # set by the runtime on spawned instances
    if metrics is not None:
        metrics.record_timed(message_type, seconds, ok)
    sink = _sink
    if sink is not None:
        try:
            sink(getattr(actor, "name", ""), message_type, seconds, ok)
        except Exception:  # noqa: BLE001 - a broken sink must never fail a user's request
            logger.opt(exception=True).warning("timing sink failed for {}", message_type)
