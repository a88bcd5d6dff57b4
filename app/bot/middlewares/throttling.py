"""Inner, flag `throttle`: at most `limit` updates per user in a window of each rate.

A flood gets ONE "slow down" reply (or callback answer) per window, then silence until it ends.
In webhook mode the update's claim in PostgreSQL counted the user's updates on every instance
(data[SHARED_COUNT], within the default rate's window): that count decides, so several instances
behind a load balancer do not allow several times the rate. Long polling (one process) counts here.
"""
from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from aiogram import BaseMiddleware
from aiogram.dispatcher.flags import get_flag
from aiogram.types import CallbackQuery, Message, TelegramObject

from app.bot.texts import common


@dataclass(frozen=True)
class Rate:
    limit: int
    window: float  # seconds


RATES: dict[str, Rate] = {"default": Rate(limit=20, window=10.0)}  # a human stays far below
SHARED_COUNT = "recent_updates"  # the sender's updates in the default window on all instances
_PRUNE_AT = 10_000  # windows kept before old ones are dropped


@dataclass
class _Window:
    started: float
    count: int = 0
    warned: bool = False


class Throttling(BaseMiddleware):
    def __init__(self, rates: dict[str, Rate] | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.rates = rates if rates is not None else RATES
        self.clock = clock
        self._windows: dict[tuple[int, str], _Window] = {}

    async def __call__(self, handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
                       event: TelegramObject, data: dict[str, Any]) -> Any:
        name = get_flag(data, "throttle")
        person = data.get("event_from_user")
        if not name or person is None:
            return await handler(event, data)
        shared = data.get(SHARED_COUNT)
        verdict = self._count(person.id, name) if shared is None else _shared_verdict(shared, self.rates[name])
        if verdict == "pass":
            return await handler(event, data)
        data["update_note"].outcome = "throttled"
        if verdict == "warn":
            if isinstance(event, CallbackQuery):
                data["callback_answer"].text = common.slow_down()
            elif isinstance(event, Message):
                await event.answer(common.slow_down())
        return None

    def _count(self, user_id: int, name: str) -> str:
        rate, now = self.rates[name], self.clock()
        window = self._windows.get((user_id, name))
        if window is None or now - window.started >= rate.window:
            if len(self._windows) >= _PRUNE_AT:
                self._prune(now)
            window = self._windows[(user_id, name)] = _Window(started=now)
        window.count += 1
        if window.count <= rate.limit:
            return "pass"
        if window.warned:
            return "drop"
        window.warned = True
        return "warn"

    def _prune(self, now: float) -> None:
        self._windows = {key: w for key, w in self._windows.items()
                         if now - w.started < self.rates[key[1]].window}


def _shared_verdict(count: int, rate: Rate) -> str:
    """The update that passes the limit first is warned (once across instances), later ones dropped."""
    if count <= rate.limit:
        return "pass"
    return "warn" if count == rate.limit + 1 else "drop"
