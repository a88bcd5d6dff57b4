"""The two sinks that feed the analytics actor without blocking anyone.

`timing` is the timing sink: it runs inside the timed handler, so TRACE there is the request's
trace (request id, user, channel). It only appends to a bounded list that the actor takes on its
tick (and on flush and stop): a handler call is far too frequent to cost an actor message each
(ten of them per training answer). `log` is a loguru sink: loguru calls it in whatever thread
logged, so records from other threads are handed to the event loop thread first. Both only
enqueue (`tell_nowait`); a full mailbox counts the record as dropped, and records that arrive
after the actor stopped are kept (bounded) and spooled when the process leaves analytics.
Never log from here: a log call inside a loguru sink would re-enter loguru.
"""
from __future__ import annotations

import asyncio
import json
import threading
from collections import deque
from collections.abc import Mapping
from datetime import datetime, timezone
from typing import Any

from actors.analytics.messages import RecordLog, RecordTiming
from actors.analytics.rows import PRIVATE_NAME
from actors.runtime import ActorRef, ActorStopped, Message
from actors.runtime.trace import TRACE

_OWN_EXTRA = ("request_id", "actor", "logger_name")


class Intake:
    def __init__(self, late_records_max: int, timings_max: int = 50_000) -> None:
        self.dropped = 0  # records no mailbox took: reported (and logged) by the actor
        self.late: deque[Message] = deque()
        self._late_max = late_records_max
        self._timings: list[RecordTiming] = []
        self._timings_max = timings_max
        self._ref: ActorRef | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._loop_thread: int | None = None

    def attach(self, ref: ActorRef) -> None:
        """Called on the event loop thread, before the sinks are installed."""
        self._ref = ref
        self._loop = asyncio.get_running_loop()
        self._loop_thread = threading.get_ident()

    def timing(self, actor: str, message_type: str, seconds: float, ok: bool) -> None:
        if len(self._timings) >= self._timings_max:  # the actor has not taken them for a long while
            self.dropped += 1
            return
        trace = TRACE.get()
        user_id = trace.get("user_id")
        # model_construct: every field is built right here, validating them again costs for nothing
        self._timings.append(RecordTiming.model_construct(
            actor=actor, message_type=message_type, seconds=seconds, ok=ok, at=datetime.now(timezone.utc),
            request_id=str(trace.get("request_id") or ""), user_id=user_id if isinstance(user_id, int) else 0,
            channel=str(trace.get("channel") or "")))

    def take_timings(self) -> list[RecordTiming]:
        """The timings recorded since the last take, oldest first."""
        taken, self._timings = self._timings, []
        return taken

    def log(self, message: Any) -> None:
        try:  # TRACE is the logging code's own context here: the request id when the record lacks one
            record = _to_record(message.record, TRACE.get())
        except Exception:  # noqa: BLE001 - an odd record must not break logging
            self.dropped += 1
            return
        if threading.get_ident() == self._loop_thread:
            self._offer(record)
            return
        try:
            self._loop.call_soon_threadsafe(self._offer, record)
        except (RuntimeError, AttributeError):  # the loop is closed (or never attached)
            self.dropped += 1

    def _offer(self, record: Message) -> None:
        try:
            if self._ref is not None and self._ref.tell_nowait(record):
                return
        except ActorStopped:
            if len(self.late) < self._late_max:
                self.late.append(record)
                return
        except Exception:  # noqa: BLE001 - counted below; a sink must never raise
            pass
        self.dropped += 1


def _to_record(record: dict, trace: Mapping[str, Any]) -> RecordLog:
    extra = record["extra"]
    others = {key: value for key, value in extra.items()
              if key not in _OWN_EXTRA and not PRIVATE_NAME.search(key)}
    others["source"] = f"{record['name']}:{record['function']}:{record['line']}"
    if record["exception"] is not None and record["exception"].type is not None:
        others["exception"] = record["exception"].type.__name__  # the type only: texts may hold input
    return RecordLog(at=record["time"], level=record["level"].name,
                     logger=str(extra.get("logger_name") or record["name"] or ""),
                     message=record["message"],
                     request_id=str(extra.get("request_id") or trace.get("request_id") or ""),
                     actor=str(extra.get("actor") or ""),
                     extra=json.dumps(others, ensure_ascii=False, default=str, separators=(",", ":"))[:4000])
