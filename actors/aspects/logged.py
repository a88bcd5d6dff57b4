"""@logged: one log line per handled message: type, duration, outcome; never the message's values.

Only the type name and the fields a message class lists in `log_fields` are logged, because other
fields may hold passwords, tokens or personal data. Errors log the exception type only: exception
texts (pydantic's ValidationError among them) can quote the input. Domain errors log at INFO,
anything else at WARNING (its traceback is logged where it is finally handled).
"""
from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from time import perf_counter
from typing import Any

from loguru import logger

from actors.aspects.order import check_order, mark
from actors.errors import DomainError

AsyncHandler = Callable[[Any, Any], Awaitable[Any]]


def safe_fields(message: Any) -> dict[str, Any]:
    names = getattr(type(message), "log_fields", ())
    return {name: getattr(message, name) for name in names if hasattr(message, name)}


def logged(fn: AsyncHandler) -> AsyncHandler:
    check_order("logged", fn)

    @functools.wraps(fn)
    async def wrapper(self: Any, message: Any) -> Any:
        started = perf_counter()
        try:
            result = await fn(self, message)
        except Exception as error:
            _log(self, message, started, "error", error)
            raise
        _log(self, message, started, "ok", None)
        return result

    return mark("logged", wrapper)


def _log(actor: Any, message: Any, started: float, outcome: str, error: Exception | None) -> None:
    duration_ms = round((perf_counter() - started) * 1000.0, 3)
    type_name = type(message).__name__
    name = getattr(actor, "name", "") or type(actor).__name__
    extra = {**safe_fields(message), "actor": name, "message_type": type_name,
             "duration_ms": duration_ms, "outcome": outcome}
    if error is None:
        logger.bind(**extra).debug("{} {} ok in {:.1f} ms", name, type_name, duration_ms)
    else:  # an expected refusal (a domain error: wrong password, not found) is no warning
        extra["error_type"] = type(error).__name__
        level = "INFO" if isinstance(error, DomainError) else "WARNING"
        logger.bind(**extra).log(level, "{} {} failed in {:.1f} ms: {}", name, type_name, duration_ms,
                                 type(error).__name__)
