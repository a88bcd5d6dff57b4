"""Login throttling: failed password logins per account and per client address over a sliding
window, counted in PostgreSQL (storage/postgres/login_failures_repo.py), so that every instance
behind a load balancer sees the same failures (kept per process, N instances allowed N times the
guesses). Keys are hashed before they are stored."""
from __future__ import annotations

import hashlib
import time
from collections.abc import Callable

from storage.postgres import Database
from storage.postgres.login_failures_repo import LoginFailuresRepository

THROTTLE_WINDOW_SECONDS = 15 * 60
FAILURES_PER_ACCOUNT = 5
FAILURES_PER_ADDRESS = 20
PRUNE_EVERY_SECONDS = 3600.0


def throttle_key(kind: str, value: str) -> bytes:
    return hashlib.sha256(f"{kind}:{value}".encode()).digest()


class LoginThrottle:
    def __init__(self, database: Database, *, window: float = THROTTLE_WINDOW_SECONDS,
                 per_account: int = FAILURES_PER_ACCOUNT, per_address: int = FAILURES_PER_ADDRESS,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._db, self._window, self._clock = database, window, clock
        self._limits = {"account": per_account, "address": per_address}
        self._repo = LoginFailuresRepository()
        self._pruned_at = clock()

    async def retry_after(self, account: str, address: str) -> float:
        """Seconds until this account may try again from this address; 0 when it may try now."""
        keys = {throttle_key("account", account): self._limits["account"],
                throttle_key("address", address): self._limits["address"]}
        async with self._db.autocommit() as tx:
            now, failures = await self._repo.recent(tx, list(keys), self._window)
        wait = 0.0
        for key, limit in keys.items():
            newest_first = failures.get(key, [])
            if len(newest_first) >= limit:  # free again when the limit-th newest leaves the window
                wait = max(wait, (newest_first[limit - 1] - now).total_seconds() + self._window)
        return max(0.0, wait)

    async def failed(self, account: str, address: str) -> None:
        async with self._db.autocommit() as tx:
            await self._repo.record(tx, [throttle_key("account", account), throttle_key("address", address)])
            if self._clock() - self._pruned_at > PRUNE_EVERY_SECONDS:
                self._pruned_at = self._clock()
                await self._repo.prune(tx, self._window)

    async def succeeded(self, account: str) -> None:
        """A right password clears the account's failures (not the address's)."""
        async with self._db.autocommit() as tx:
            await self._repo.forget(tx, throttle_key("account", account))
