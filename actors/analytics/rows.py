"""Maps domain events, handler timings, log records and status to rows of `events` / `logs`.

Events are mapped by field name, not by type, so a new event needs no change here: `user_id`,
`channel`, `subject`, `theme`, `question_id`, `correct` (a bool), `points`, `max_points`,
`elapsed_ms` and the first datetime field named `at` or `*_at` fill columns; other plain fields go
to `extra` (compact JSON, readable with visitParamExtract*), except names that may hold secrets or
personal data. Missing user/channel/request id come from the publisher's TRACE, which the runtime
carries into the analytics actor's handler.
"""
from __future__ import annotations

import json
import os
import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from enum import Enum
from functools import cache
from typing import Any

from actors.analytics.messages import AnalyticsStatus, RecordLog, RecordTiming
from actors.runtime import Message

TEXT_COLUMNS = ("subject", "theme", "question_id")
NUMBER_COLUMNS = {"points": "points", "max_points": "max_points", "elapsed_ms": "latency_ms"}
PRIVATE_NAME = re.compile(r"password|token|secret|email|phone|link_code|dsn", re.IGNORECASE)
MAX_TEXT = 4000
_SNAKE = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_SCALARS = frozenset({str, int, float, bool, type(None)})
_COLUMN_FIELDS = frozenset({"user_id", "channel", *TEXT_COLUMNS})
_EXTRA_JSON = json.JSONEncoder(ensure_ascii=False, default=str, sort_keys=True, separators=(",", ":"))
_UUID_VARIANT = {digit: "89ab"[int(digit, 16) & 3] for digit in "0123456789abcdef"}


def event_name(event_type: type) -> str:
    """AnswerSubmitted -> answer_submitted."""
    return _SNAKE.sub("_", event_type.__name__).lower()


def utc_text(moment: datetime) -> str:
    """ClickHouse DateTime('UTC') text; a naive datetime is taken as UTC."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(timezone.utc)
    return moment.isoformat(" ", "seconds")[:19]  # half the cost of strftime, once per row


def new_id() -> str:
    """A random (version 4) UUID as text, like str(uuid.uuid4()) at half the cost, once per row."""
    h = os.urandom(16).hex()
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{_UUID_VARIANT[h[16]]}{h[17:20]}-{h[20:]}"


def now_utc() -> datetime:
    return datetime.now(timezone.utc)


def _plain(value: Any) -> Any:
    if type(value) in _SCALARS:  # the common case first: an exact type check is cheap
        return value[:200] if type(value) is str else value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (datetime, uuid.UUID)):
        return str(value)
    if isinstance(value, str):
        return value[:200]
    if isinstance(value, (bool, int, float)) or value is None:
        return value
    if isinstance(value, (list, tuple, frozenset, set)) and len(value) <= 50:
        return [_plain(item) for item in value]
    return None  # nested models and other shapes stay out of analytics


def _json(data: Mapping[str, Any]) -> str:
    return _EXTRA_JSON.encode(data)[:MAX_TEXT]  # json.dumps with options builds a JSONEncoder per call


def _base_row(event: str, at: datetime, trace: Mapping[str, Any]) -> dict[str, Any]:
    return {"event_id": new_id(), "time": utc_text(at), "event": event,
            "user_id": int(trace.get("user_id") or 0), "channel": str(trace.get("channel") or ""),
            "subject": "", "theme": "", "question_id": "", "correct": 0, "points": 0.0, "max_points": 0.0,
            "latency_ms": 0.0, "request_id": str(trace.get("request_id") or ""), "actor": "",
            "message_type": "", "outcome": "", "extra": "{}"}


def _is_time_name(name: str) -> bool:
    return name == "at" or name.endswith("_at")


@dataclass(frozen=True)
class _Shape:
    """What event_row needs to know about an event type's fields, worked out once per type."""

    event: str  # answer_submitted
    time_fields: tuple[str, ...]  # named `at` or `*_at`, in declaration order
    extra_fields: tuple[str, ...]  # neither a text column nor a private name


@cache  # event types are a fixed set; the name checks (regexes) would otherwise run per event
def _shape(event_type: type[Message]) -> _Shape:
    fields = tuple(event_type.model_fields)
    return _Shape(event_name(event_type), tuple(n for n in fields if _is_time_name(n)),
                  tuple(n for n in fields if n not in _COLUMN_FIELDS and not PRIVATE_NAME.search(n)))


def event_row(event: Message, trace: Mapping[str, Any], event_id: str | None = None,
              written_at: datetime | None = None) -> dict[str, Any]:
    """event_id, written_at: a relayed event's outbox row's, so that a redelivery maps to the same
    row (the same key: ClickHouse keeps one)."""
    shape = _shape(type(event))
    values = vars(event)  # pydantic keeps the field values there; only field names are read below
    # The first time field (answered_at, served_at, finished_at...) is when it happened.
    when = next((n for n in shape.time_fields if isinstance(values[n], datetime)), None)
    used = {when}
    row = _base_row(shape.event, values[when] if when else (written_at or now_utc()), trace)
    if event_id is not None:
        row["event_id"] = event_id
    if isinstance(values.get("user_id"), int) and values["user_id"]:
        row["user_id"] = values["user_id"]
    if values.get("channel"):
        row["channel"] = str(_plain(values["channel"]))
    for name in TEXT_COLUMNS:
        if values.get(name) is not None:
            row[name] = str(_plain(values[name]))
    if isinstance(values.get("correct"), bool):  # a count of correct answers stays in extra
        row["correct"] = int(values["correct"])
        used.add("correct")
    for name, column in NUMBER_COLUMNS.items():
        if isinstance(values.get(name), (int, float)):
            row[column] = float(values[name])
            used.add(name)
    extra = {n: _plain(values[n]) for n in shape.extra_fields if n not in used and values[n] is not None}
    row["extra"] = _json({n: v for n, v in extra.items() if v is not None})
    return row


def timing_row(timing: RecordTiming, action: str | None) -> dict[str, Any]:
    """A handler call: `event` is the declared user action of the message type, else 'handler'."""
    trace = {"user_id": timing.user_id, "channel": timing.channel, "request_id": timing.request_id}
    row = _base_row(action or "handler", timing.at, trace)
    row.update(actor=timing.actor, message_type=timing.message_type, latency_ms=timing.seconds * 1000.0,
               outcome="ok" if timing.ok else "error")
    return row


def log_row(record: RecordLog) -> dict[str, Any]:
    return {"event_id": new_id(), "time": utc_text(record.at), "level": record.level,
            "logger": record.logger[:200], "message": record.message[:MAX_TEXT],
            "request_id": record.request_id, "actor": record.actor, "extra": record.extra[:MAX_TEXT]}


def status_row(status: AnalyticsStatus) -> dict[str, Any]:
    """The pipeline's own counters, so Grafana can chart the spool size over time."""
    row = _base_row("analytics_status", now_utc(), {})
    row.update(actor="analytics", outcome=status.state, extra=_json(status.model_dump()))
    return row
