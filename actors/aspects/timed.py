"""Timing, applied by the runtime to every handler that does not opt out (@handles(timed=False)):
latency per message type into the actor's metrics and an optional global sink.

The sink is how analytics learns timings without every actor depending on it: it is called
synchronously as sink(actor, message_type, seconds, ok) and must be quick (e.g. ref.tell_nowait).
"""
from __future__ import annotations

from collections.abc import Callable

from loguru import logger

TimingSink = Callable[[str, str, float, bool], None]

_sink: TimingSink | None = None


def set_timing_sink(sink: TimingSink | None) -> TimingSink | None:
    """Installs the system-wide sink (None removes it); returns the previous one."""
    global _sink
    previous, _sink = _sink, sink
    return previous


def record_timing(actor: str, message_type: str, seconds: float, ok: bool) -> None:
    sink = _sink
    if sink is not None:
        try:
            sink(actor, message_type, seconds, ok)
        except Exception:  # noqa: BLE001 - a broken sink must never fail a user's request
            logger.opt(exception=True).warning("timing sink failed for {}", message_type)
