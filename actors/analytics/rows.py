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
import re
import uuid
from collections.abc import Mapping
from datetime import datetime, timezone
from enum import Enum
from typing import Any

from actors.analytics.messages import AnalyticsStatus, RecordLog, RecordTiming
from actors.runtime import Message

TEXT_COLUMNS = ("subject", "theme", "question_id")
NUMBER_COLUMNS = {"points": "points", "max_points": "max_points", "elapsed_ms": "latency_ms"}
PRIVATE_NAME = re.compile(r"password|token|secret|email|phone|link_code|dsn", re.IGNORECASE)
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
    return json.dumps(data, ensure_ascii=False, default=str, sort_keys=True, separators=(",", ":"))[:MAX_TEXT]


def _base_row(event: str, at: datetime, trace: Mapping[str, Any]) -> dict[str, Any]:
    return {"event_id": str(uuid.uuid4()), "time": utc_text(at), "event": event,
            "user_id": int(trace.get("user_id") or 0), "channel": str(trace.get("channel") or ""),
            "subject": "", "theme": "", "question_id": "", "correct": 0, "points": 0.0, "max_points": 0.0,
            "latency_ms": 0.0, "request_id": str(trace.get("request_id") or ""), "actor": "",
            "message_type": "", "outcome": "", "extra": "{}"}


def _is_time_name(name: str) -> bool:
    return name == "at" or name.endswith("_at")


def event_row(event: Message, trace: Mapping[str, Any]) -> dict[str, Any]:
    values = {name: getattr(event, name) for name in type(event).model_fields}
    # The first time field (answered_at, served_at, finished_at...) is when it happened.
    when = next((n for n, v in values.items() if isinstance(v, datetime) and _is_time_name(n)), None)
    used = {n for n, v in values.items() if v is None} | {"user_id", "channel", *TEXT_COLUMNS, when}
    row = _base_row(event_name(type(event)), values[when] if when else now_utc(), trace)
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
    extra = {n: _plain(v) for n, v in values.items() if n not in used and not PRIVATE_NAME.search(n)}
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
    return {"event_id": str(uuid.uuid4()), "time": utc_text(record.at), "level": record.level,
            "logger": record.logger[:200], "message": record.message[:MAX_TEXT],
            "request_id": record.request_id, "actor": record.actor, "extra": record.extra[:MAX_TEXT]}


def status_row(status: AnalyticsStatus) -> dict[str, Any]:
    """The pipeline's own counters, so Grafana can chart the spool size over time."""
    row = _base_row("analytics_status", now_utc(), {})
    row.update(actor="analytics", outcome=status.state, extra=_json(status.model_dump()))
    return row
