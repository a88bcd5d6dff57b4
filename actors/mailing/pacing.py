"""Send pacing: one global token bucket (with a pause for 429s) and a per-chat spacing.

Telegram allows about 30 messages a second overall and one a second per chat. The bucket holds
few tokens (50 ms worth of sends) so that no one-second window sees much more than `rate`
messages; a 429 pauses every sender of this process for `retry_after`.

The small bucket also means that time a sender is held up beyond 50 ms (a slow write, a garbage
collection) is lost for good: whoever sends at the cap keeps its own work between two takes short
(see take's `at_least`).
"""
from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Awaitable, Callable

Clock = Callable[[], float]
Sleep = Callable[[float], Awaitable[None]]
BURST_SECONDS = 0.05
_EPSILON = 1e-9


class RateLimiter:
    def __init__(self, rate: float, burst: float | None = None, *, clock: Clock = time.monotonic,
                 sleep: Sleep = asyncio.sleep) -> None:
        if rate <= 0:
            raise ValueError("the rate must be positive")
        self.rate = rate
        self.burst = burst if burst is not None else max(1.0, rate * BURST_SECONDS)
        self._clock, self._sleep = clock, sleep
        self._tokens = 1.0
        self._stamp = clock()
        self._paused_until = 0.0

    def pause(self, seconds: float) -> None:
        """Nobody sends for `seconds` (a later pause may extend, never shorten it)."""
        self._paused_until = max(self._paused_until, self._clock() + seconds)

    @property
    def paused_for(self) -> float:
        return max(0.0, self._paused_until - self._clock())

    async def take(self, wanted: int, at_least: int = 1) -> int:
        """Waits until sending is allowed and `at_least` tokens are there (fewer when fewer are wanted
        or the bucket cannot hold that many), then takes up to `wanted` (>= 1).

        A sender with a fixed cost per take (a database write) asks for a few at a time: it spends
        that cost less often, and as long as the cost stays under the rest of the burst, the tokens
        that accrue meanwhile still fit in the bucket, so no sending time is lost."""
        wanted = max(wanted, 1)
        need = max(1, min(wanted, at_least, int(self.burst + _EPSILON)))
        while True:
            now = self._clock()
            if now < self._paused_until:
                await self._sleep(self._paused_until - now)
                continue
            self._refill(now)
            if self._tokens >= need - _EPSILON:  # rounding must not leave us a hair short forever
                taken = min(wanted, int(self._tokens + _EPSILON))
                self._tokens -= taken
                return taken
            await self._sleep((need - self._tokens) / self.rate)

    def give_back(self, count: int) -> None:
        """Tokens taken but not used (a chat was not ready yet)."""
        self._tokens = min(self.burst, self._tokens + count)

    def _refill(self, now: float) -> None:
        # Time spent paused earns nothing: a pause is Telegram telling us we were too fast.
        start = max(self._stamp, self._paused_until)
        if now > start:
            self._tokens = min(self.burst, self._tokens + (now - start) * self.rate)
        self._stamp = now


class ChatPacer:
    """At most one message per chat per `interval`; remembers only the chats of the last interval."""

    def __init__(self, interval: float = 1.0, *, clock: Clock = time.monotonic) -> None:
        self.interval = interval
        self._clock = clock
        self._last: dict[int, float] = {}
        self._order: deque[tuple[float, int]] = deque()

    def wait_for(self, chat_id: int) -> float:
        """Seconds until this chat may get a message; 0 when it may now."""
        last = self._last.get(chat_id)
        return 0.0 if last is None else max(0.0, last + self.interval - self._clock())

    def record(self, chat_id: int) -> None:
        now = self._clock()
        while self._order and self._order[0][0] <= now - self.interval:
            moment, old = self._order.popleft()
            if self._last.get(old) == moment:
                del self._last[old]
        self._last[chat_id] = now
        self._order.append((now, chat_id))

    def __len__(self) -> int:
        return len(self._last)
