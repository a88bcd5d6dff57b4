"""Fault injection: scripted failures, blocked users, a send-rate limiter."""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass
from typing import Any

from .errors import BLOCKED, ApiError

# Methods that post a new message to a chat: these are what the rate limiter counts.
SEND_METHODS = frozenset({
    "sendmessage", "sendphoto", "senddocument", "sendvideo", "sendaudio", "sendanimation",
    "sendvoice", "sendvideonote", "sendsticker", "sendmediagroup", "sendlocation", "sendvenue",
    "sendcontact", "sendpoll", "senddice", "copymessage", "forwardmessage", "copymessages",
    "forwardmessages",
})


@dataclass(slots=True)
class ScriptedFailure:
    status: int
    retry_after: int | None
    description: str | None
    chat_id: Any
    times: int
    disconnect: bool = False

    def error(self) -> ApiError:
        return ApiError(self.status, self.description, self.retry_after)


class FaultPlan:
    """What should go wrong next. Checked once per call, before the method runs."""

    def __init__(self) -> None:
        self._scripted: dict[str, list[ScriptedFailure]] = {}
        self._delays: dict[str, list[list[float]]] = {}
        self.blocked: set[int | str] = set()
        self.stale_queries: set[str] = set()

    def slow_next(self, method: str, seconds: float, times: int) -> None:
        self._delays.setdefault(method.lower(), []).append([seconds, times])

    def take_delay(self, method: str) -> float:
        queue = self._delays.get(method)
        if not queue:
            return 0.0
        seconds = queue[0][0]
        queue[0][1] -= 1
        if queue[0][1] <= 0:
            queue.pop(0)
        return seconds

    def fail_next(self, method: str, failure: ScriptedFailure) -> None:
        self._scripted.setdefault(method.lower(), []).append(failure)

    def take(self, method: str, params: dict[str, Any]) -> ScriptedFailure | None:
        """The scripted failure for this call, if any (one of its ``times`` is used up)."""
        queue = self._scripted.get(method)
        if not queue:
            return None
        for failure in queue:
            if failure.chat_id is None or failure.chat_id == params.get("chat_id"):
                failure.times -= 1
                if failure.times <= 0:
                    queue.remove(failure)
                return failure
        return None

    def check_blocked(self, params: dict[str, Any]) -> None:
        if self.blocked and params.get("chat_id") in self.blocked:
            raise ApiError(403, BLOCKED)


class RateLimiter:
    """Sliding windows (one second by default): at most ``global_per_second`` sends overall and
    ``per_chat_per_second`` per chat within any window. A send over either answers 429 with the
    whole seconds until the window has room (at least 1); refused sends don't use up the window."""

    def __init__(self, global_per_second: int | None, per_chat_per_second: int | None,
                 window: float = 1.0) -> None:
        if any(limit is not None and limit < 1 for limit in (global_per_second, per_chat_per_second)):
            raise ValueError("rate limits are sends per window, at least 1 (or None for no limit)")
        self.global_per_second = global_per_second
        self.per_chat_per_second = per_chat_per_second
        self.window = window
        self.violations = 0
        self.violations_by_chat: dict[Any, int] = {}
        self._global: deque[float] = deque()
        self._chats: dict[Any, deque[float]] = {}

    def check(self, chat_id: Any, now: float) -> None:
        horizon = now - self.window
        wait = 0.0
        sent = self._global if self.global_per_second is not None else None
        if sent is not None:
            wait = _wait(sent, horizon, self.global_per_second)
        in_chat = None
        if self.per_chat_per_second is not None:
            in_chat = self._chats.setdefault(chat_id, deque())
            wait = max(wait, _wait(in_chat, horizon, self.per_chat_per_second))
        if wait > 0:
            self.violations += 1
            self.violations_by_chat[chat_id] = self.violations_by_chat.get(chat_id, 0) + 1
            raise ApiError(429, retry_after=max(1, math.ceil(wait)))
        for times in (sent, in_chat):
            if times is not None:
                times.append(now)


def _wait(times: deque[float], horizon: float, limit: int) -> float:
    """Seconds until ``times`` (send moments, oldest first) has room for one more; 0 if it has."""
    while times and times[0] <= horizon:
        times.popleft()
    return times[0] - horizon if len(times) >= limit else 0.0
