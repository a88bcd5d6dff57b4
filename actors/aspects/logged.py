"""Logging, applied by the runtime to every handler that does not opt out (@handles(logged=False)).

One line per handled message: type, duration, outcome; never the message's values. Only the type
name and the fields a message class lists in `log_fields` are logged, because other fields may
hold passwords, tokens or personal data. Errors log the exception type only: exception texts
(pydantic's ValidationError among them) can quote the input. A domain error is an expected
outcome (a wrong password, a finished session): INFO, no traceback.
"""
from __future__ import annotations

from typing import Any

from loguru import logger

from actors.errors import DomainError


def safe_fields(message: Any) -> dict[str, Any]:
    names = getattr(type(message), "log_fields", ())
    return {name: getattr(message, name) for name in names if hasattr(message, name)}


def log_handled(actor: str, message: Any, seconds: float, error: BaseException | None) -> None:
    duration_ms = round(seconds * 1000.0, 3)
    type_name = type(message).__name__
    extra = {**safe_fields(message), "actor": actor, "message_type": type_name,
             "duration_ms": duration_ms, "outcome": "ok" if error is None else "error"}
    if error is None:
        logger.bind(**extra).debug("{} {} ok in {:.1f} ms", actor, type_name, duration_ms)
        return
    extra["error_type"] = type(error).__name__
    level = "INFO" if isinstance(error, DomainError) else "WARNING"
    logger.bind(**extra).log(level, "{} {} failed in {:.1f} ms: {}", actor, type_name, duration_ms,
                             type(error).__name__)
