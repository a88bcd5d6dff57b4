"""Sliding-window counters of failed logins, per account and per client address."""
from __future__ import annotations

import time
from collections import deque
from typing import Callable


class FailureWindow:
    """Allows `limit` failures per key within `window` seconds; bounded in keys kept."""

    def __init__(self, limit: int, window: float, *, max_keys: int = 100_000,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._limit, self._window, self._max_keys, self._clock = limit, window, max_keys, clock
        self._failures: dict[str, deque[float]] = {}

    def retry_after(self, key: str) -> float:
        """Seconds until `key` may try again; 0 when it may try now."""
        failures = self._recent(key)
        if len(failures) < self._limit:
            return 0.0
        return max(0.0, failures[0] + self._window - self._clock())

    def record_failure(self, key: str) -> None:
        if key not in self._failures and len(self._failures) >= self._max_keys:
            self._failures.pop(next(iter(self._failures)))  # forget the oldest key, not the newest
        self._failures.setdefault(key, deque()).append(self._clock())

    def reset(self, key: str) -> None:
        self._failures.pop(key, None)

    def _recent(self, key: str) -> deque[float]:
        failures = self._failures.get(key)
        if failures is None:
            return deque()
        horizon = self._clock() - self._window
        while failures and failures[0] <= horizon:
            failures.popleft()
        if not failures:
            del self._failures[key]
        return failures
