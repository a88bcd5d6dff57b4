"""Maps domain events, handler timings, log records and status to rows of `events` / `logs`.

Events are mapped by field name, not by type, so a new event needs no change here: `user_id`,
`channel`, `subject`, `theme`, `question_id`, `correct`, `points`, `max_points`, `elapsed_ms` and
a time field (`answered_at`, `occurred_at`, `at`) fill columns; other plain fields go to `extra`
(JSON), except names that may hold secrets or personal data. Missing user/channel/request id come
from the publisher's TRACE, which the runtime carries into the analytics actor's handler.
"""
from __future__ import annotations

import json
import re
import uuid
from collections.abc import Mapping
from datetime import datetime, timezone
from enum import Enum
from typing import Any

from actors.analytics.messages import AnalyticsStatus, RecordLog, RecordTiming
from actors.runtime import Message

TIME_FIELDS = ("answered_at", "occurred_at", "at")
COLUMN_FIELDS = {"user_id", "channel", "subject", "theme", "question_id", "correct", "points",
                 "max_points", "elapsed_ms", *TIME_FIELDS}
_PRIVATE = re.compile(r"password|token|secret|email|phone|link_code", re.IGNORECASE)
MAX_TEXT = 4000
_SNAKE = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


def event_name(event_type: type) -> str:
    """AnswerSubmitted -> answer_submitted."""
    return _SNAKE.sub("_", event_type.__name__).lower()


def utc_text(moment: datetime) -> str:
    """ClickHouse DateTime('UTC') text; a naive datetime is taken as UTC."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(timezone.utc)
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def now_utc() -> datetime:
    return datetime.now(timezone.utc)


def _plain(value: Any) -> Any:
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
    return json.dumps(data, ensure_ascii=False, default=str, sort_keys=True)[:MAX_TEXT]


def _base_row(event: str, at: datetime, trace: Mapping[str, Any]) -> dict[str, Any]:
    return {"event_id": str(uuid.uuid4()), "time": utc_text(at), "event": event,
            "user_id": int(trace.get("user_id") or 0), "channel": str(trace.get("channel") or ""),
            "subject": "", "theme": "", "question_id": "", "correct": 0, "points": 0.0, "max_points": 0.0,
            "latency_ms": 0.0, "request_id": str(trace.get("request_id") or ""), "actor": "",
            "message_type": "", "outcome": "", "extra": "{}"}


def event_row(event: Message, trace: Mapping[str, Any]) -> dict[str, Any]:
    values = {name: getattr(event, name) for name in type(event).model_fields}
    at = next((values[f] for f in TIME_FIELDS if isinstance(values.get(f), datetime)), None)
    row = _base_row(event_name(type(event)), at or now_utc(), trace)
    if values.get("user_id"):
        row["user_id"] = int(values["user_id"])
    if values.get("channel"):
        row["channel"] = str(_plain(values["channel"]))
    for name in ("subject", "theme", "question_id"):
        if values.get(name) is not None:
            row[name] = str(_plain(values[name]))
    row["correct"] = 1 if values.get("correct") else 0
    for name in ("points", "max_points"):
        row[name] = float(values.get(name) or 0.0)
    row["latency_ms"] = float(values.get("elapsed_ms") or 0.0)
    extra = {name: _plain(value) for name, value in values.items()
             if name not in COLUMN_FIELDS and not _PRIVATE.search(name)}
    row["extra"] = _json({name: value for name, value in extra.items() if value is not None})
    return row


def timing_row(timing: RecordTiming, action: str | None) -> dict[str, Any]:
    """A handler call: `event` is the declared user action of the message type, else 'handler'."""
    trace = {"user_id": timing.user_id, "channel": timing.channel, "request_id": timing.request_id}
    row = _base_row(action or "handler", timing.at, trace)
    row.update(actor=timing.actor, message_type=timing.message_type, latency_ms=timing.seconds * 1000.0,
               outcome="ok" if timing.ok else "error")
    return row


def log_row(record: RecordLog) -> dict[str, Any]:
    return {"event_id": str(uuid.uuid4()), "time": utc_text(record.at), "level": record.level,
            "logger": record.logger[:200], "message": record.message[:MAX_TEXT],
            "request_id": record.request_id, "actor": record.actor, "extra": record.extra[:MAX_TEXT]}


def status_row(status: AnalyticsStatus) -> dict[str, Any]:
    """The pipeline's own counters, so Grafana can chart the spool size over time."""
    row = _base_row("analytics_status", now_utc(), {})
    row.update(actor="analytics", outcome=status.state, extra=_json(status.model_dump()))
    return row
