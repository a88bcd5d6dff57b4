"""Logging and timing of every update (outer), and a note of the handler that took it (inner).

One line per update: update id and type, handler, user id, duration, outcome. Never the text
of a message or the data of a button: they can hold names, emails and passwords.
"""
from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from time import perf_counter
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject, Update
from aiogram.types.update import UpdateTypeLookupError
from loguru import logger

from actors.runtime import trace_scope

Handler = Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]]


@dataclass
class UpdateNote:
    """Filled in by inner middlewares while the update is handled; read when it is logged."""
    handler: str = "-"
    user_id: int | None = None
    outcome: str = "ok"  # or what an aspect did instead: throttled, unregistered, failed:<error>


class UpdateLogging(BaseMiddleware):
    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        assert isinstance(event, Update)
        note = data["update_note"] = UpdateNote()
        started = perf_counter()
        outcome = "crashed"
        with trace_scope(channel="bot", request_id=f"tg-{event.update_id}"):
            try:
                result = await handler(event, data)
                outcome = note.outcome
                return result
            finally:
                ms = round((perf_counter() - started) * 1000.0, 3)
                kind = update_type(event)
                logger.bind(channel="bot", request_id=f"tg-{event.update_id}", user_id=note.user_id,
                            update_type=kind, handler=note.handler, duration_ms=ms,
                            outcome=outcome).info("update {} {} -> {} {} in {:.1f} ms", event.update_id,
                                                  kind, note.handler, outcome, ms)


def update_type(update: Update) -> str:
    """The update's type; "unknown" for a type newer than aiogram (event_type would raise)."""
    try:
        return update.event_type
    except UpdateTypeLookupError:
        return "unknown"


class HandlerNote(BaseMiddleware):
    """Inner: records which handler was chosen (only known once filters ran)."""

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        note = data.get("update_note")
        chosen = data.get("handler")
        if note is not None and chosen is not None:
            note.handler = f"{chosen.callback.__module__.rsplit('.', 1)[-1]}.{chosen.callback.__name__}"
        return await handler(event, data)
