"""Login throttling over PostgreSQL (storage/postgres/login_failures_repo.py), so every instance
behind a load balancer sees the same failures; the rule itself is throttle_rule.py.

An attempt is recorded as a failure *before* the password is checked, in one transaction with the
check and under an advisory lock on the account: concurrent guesses, on any instance, each see the
ones before them. A right password takes its row back and remembers the address for the account.
Keys are hashed before they are stored.
"""
from __future__ import annotations

import hashlib
import math
import time
from collections.abc import Callable

from actors.auth.throttle_rule import ACCOUNT_MAX_FAILURES, PAIR_MAX_FAILURES, WINDOW_SECONDS, Observed, retry_after
from actors.errors import RateLimited
from storage.postgres import Database
from storage.postgres.login_failures_repo import LoginFailuresRepository

KNOWN_ADDRESS_DAYS = 90
PRUNE_EVERY_SECONDS = 3600.0
REGISTRATION_WINDOW_SECONDS = 3600


def throttle_key(kind: str, value: str) -> bytes:
    return hashlib.sha256(f"{kind}:{value}".encode()).digest()


class LoginThrottle:
    def __init__(self, database: Database, clock: Callable[[], float] = time.monotonic) -> None:
        self._db, self._clock = database, clock
        self._repo = LoginFailuresRepository()
        self._pruned_at = clock()

    async def begin(self, account: str, address: str) -> int:
        """Counts an attempt as failed until `succeeded`; raises RateLimited when it must wait."""
        account_key, address_key = throttle_key("account", account), throttle_key("address", address)
        async with self._db.transaction() as tx:
            await self._repo.lock(tx, account_key)
            row = await self._repo.observe(tx, account_key, address_key, window=WINDOW_SECONDS,
                                           limit=max(PAIR_MAX_FAILURES, ACCOUNT_MAX_FAILURES),
                                           known_days=KNOWN_ADDRESS_DAYS)
            wait = retry_after(Observed(pair=tuple(row["pair"]), account=tuple(row["account"]),
                                        address_failures=row["address_failures"],
                                        known_address=row["known_address"]))
            if wait > 0:
                raise RateLimited(math.ceil(wait), "too many failed logins; try again later")
            failure_id = await self._repo.record(tx, account_key, address_key)
        await self._prune_now_and_then()
        return failure_id

    async def succeeded(self, failure_id: int, account: str, address: str) -> None:
        """A right password (or a registration): the attempt was no failure, the address is known."""
        async with self._db.transaction() as tx:
            await self._repo.forget(tx, failure_id)
            await self._repo.remember(tx, throttle_key("account", account), throttle_key("address", address))

    async def _prune_now_and_then(self) -> None:
        if self._clock() - self._pruned_at > PRUNE_EVERY_SECONDS:
            self._pruned_at = self._clock()
            async with self._db.autocommit() as tx:
                await self._repo.prune(tx, window=WINDOW_SECONDS, known_days=KNOWN_ADDRESS_DAYS,
                                       registration_window=REGISTRATION_WINDOW_SECONDS)
